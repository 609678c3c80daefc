"""Build orchestration: a strict MkDocs build that keeps the previous site on
failure, the offline zip, and how the languages are split over two processes."""
