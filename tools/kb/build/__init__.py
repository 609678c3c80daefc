"""Build orchestration: a strict MkDocs build that keeps the previous site on
failure, the offline zip, and how the work is split over processes."""
