"""Turn pydantic validation errors into located, plain-language diagnostics."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kb.diagnostics import Diagnostic, error
from kb.languages import LANGUAGES
from kb.content.load import Located

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "float_type": "a number",
    "float_parsing": "a number",
    "literal_error": None,
    "enum": None,
}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names valid at the mapping that holds `loc` (for did-you-mean hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        annotation = field.annotation
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                current = candidate
                break
        else:
            return []
    return list(getattr(current, "model_fields", {}))


def _diagnostic(model: type[BaseModel], located: Located, path: str, err: dict[str, Any]) -> Diagnostic:
    loc = tuple(part for part in err["loc"] if not (isinstance(part, str) and part.startswith("function-")))
    kind = err["type"]
    name = _dotted(loc)
    is_language = bool(loc) and loc[-1] in LANGUAGES
    if kind == "missing":
        line, col = located.where(loc[:-1])
        if is_language:
            return error(path, line, col, "missing-translation", f"{name} is required")
        return error(path, line, col, "missing-field", f"{name} is required")
    if kind == "extra_forbidden":
        line, col = located.where(loc)
        allowed = _allowed_fields(model, loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        suggestion = f"; did you mean '{hint[0]}'?" if hint else (f"; allowed: {', '.join(allowed)}" if allowed else "")
        return error(path, line, col, "unknown-field", f"unknown field '{name}'{suggestion}")
    line, col = located.where(loc, prefer_value=True)
    if kind == "string_too_short":
        return error(path, line, col, "empty-text", f"{name} is empty")
    if kind == "string_pattern_mismatch":
        if loc and loc[-1] == "cite" or (len(loc) > 1 and loc[-2] == "cite"):
            return error(path, line, col, "invalid-citation",
                         f"{name} '{err['input']}' is not a citation: write article-slug#section-id")
        return error(path, line, col, "invalid-id",
                     f"{name} '{err['input']}' is not a valid ID: use lowercase letters, digits and hyphens (kebab-case)")
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return error(path, line, col, "invalid-value", f"{name} must be one of {expected}, not '{err.get('input')}'")
    if kind in _TYPE_NAMES and _TYPE_NAMES[kind]:
        return error(path, line, col, "wrong-type",
                     f"{name} must be {_TYPE_NAMES[kind]}, not {_describe(err.get('input'))}")
    if "-" in kind:  # our own PydanticCustomError codes are kebab-case
        return error(path, line, col, kind, f"{name}: {err['msg']}")
    return error(path, line, col, "invalid-value", f"{name}: {err['msg']}")


def parse_model(model: type[M], located: Located, path: str) -> tuple[M | None, list[Diagnostic]]:
    """Validate loaded data against a model; problems come back as diagnostics."""
    if not isinstance(located.data, dict):
        what = "empty" if located.data is None else _describe(located.data)
        return None, [error(path, 1, 1, "wrong-type", f"the file must contain a mapping of fields, not {what}")]
    try:
        return model.model_validate(located.data), []
    except ValidationError as exc:
        return None, [_diagnostic(model, located, path, dict(err)) for err in exc.errors()]
