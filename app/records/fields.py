"""Field facts read from the model's columns once: how long, whether required, how many
decimals. Validation, forms, the grid and the importers all ask here, so a limit is
written in one place: the column (Camelot's `entity_admin` does the same)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Numeric

from app.db.base import Record
from app.records.validation import Problems, clean_text, parse_bool, parse_int


@dataclass(frozen=True)
class FieldFacts:
    max_length: int | None  # characters, for text columns
    required: bool  # NOT NULL without a default: the clerk must fill it in
    places: int | None  # decimal places, for numeric columns


@cache
def facts(model: type[Record], key: str) -> FieldFacts:
    column = model.__table__.columns[key]
    kind = column.type
    required = column.info.get(
        "required", not column.nullable and column.default is None and not column.primary_key
    )
    return FieldFacts(
        max_length=getattr(kind, "length", None),
        required=bool(required),
        places=kind.scale if isinstance(kind, Numeric) else None,
    )


def read_text(problems: Problems, values: dict[str, Any], model: type[Record], key: str) -> str:
    """A text field: trimmed, within the column's length, present when required."""
    limits = facts(model, key)
    text = problems.read(values, key, clean_text, max_length=limits.max_length) or ""
    if limits.required:
        problems.require(key, text)
    return text


def read_catalog_entry(
    problems: Problems, values: dict[str, Any], model: type[Record]
) -> dict[str, Any]:
    """The fields every catalog entry has: its name, its place in lists, whether in use
    (a flag for metrics; a service has its retirement day instead)."""
    order = problems.take(
        "sort_order", lambda: parse_int(values.get("sort_order") or 0, minimum=0, maximum=9999)
    )
    entry = {"name": read_text(problems, values, model, "name"), "sort_order": order or 0}
    if "active" in model.__table__.columns:  # services are retired on a day instead
        active = values.get("active")
        entry["active"] = True if active is None else problems.take("active", parse_bool, active)
    return entry
