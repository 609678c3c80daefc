"""Content model and loading: YAML with positions, the typed model, articles, company values, interface strings, the source articles, and the JSON Schemas generated from the model."""
