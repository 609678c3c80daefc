"""Build tool for the four-language customer retention knowledge base.

The core is plain functions from content files to data and pages; the
command line (`cli`) and the MkDocs plugin (`plugin`) are thin shells over it.

No module keeps state that changes from one build to the next: what differs
is passed down (the URL style of a build, `kb.render.links.SiteUrls`) or kept
by the plugin instance (the `serve` render caches, `kb.plugin.render_reuse`).
Module-level caches hold results of pure functions, or a converter that is
reset before each use (each says why it is safe).
"""
