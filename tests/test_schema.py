"""The committed JSON Schemas match the model, and content files declare them."""


from kb.content.schema import CONTENT_SCHEMAS, SCHEMA_DIR, SCHEMAS, schema_comment, schema_text


def test_committed_schemas_are_current(root):
    for name, model in SCHEMAS.items():
        committed = (root / SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == schema_text(model), f"{name} is stale: run `make schemas`"


def test_every_content_file_declares_its_schema(root):
    for folder in CONTENT_SCHEMAS:
        files = [root / folder] if folder.endswith(".yml") else sorted((root / folder).glob("*.yml"))
        assert files and all(f.is_file() for f in files), f"no content in {folder}"
        for path in files:
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == schema_comment(folder), path.name
