"""Build orchestration: a strict MkDocs build that keeps the previous site on
failure, and the offline zip of the site."""
