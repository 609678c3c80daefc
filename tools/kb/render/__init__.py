"""Markdown and HTML generated from the content model: the glossary, playbook,
quiz, training and status pages (written into docs/<lang>/ by `generate`),
the notes added to article pages, glossary tooltips, and the links between
pages and languages (in the URL style of the build, passed down as
`links.SiteUrls`)."""
