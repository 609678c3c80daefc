"""Site search that understands Lithuanian, Polish, Finnish and Italian."""
