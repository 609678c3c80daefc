"""Site search that understands Lithuanian, Polish, Finnish and Italian: text
normalisation and stemming shared by Python and the browser, the index built
from the rendered pages, and one search worker per language."""
