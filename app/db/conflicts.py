"""The one message for a write the database refused although it passed our checks.

Unique rules (an ID number, a catalog name, one entry per period) are checked before
writing, and held by the database's constraints, which decide when two clerks save at
the same moment. Each backend finds which constraint refused (SQLite names the columns
or the index, PostgreSQL the constraint) and asks here for the typed `ConflictError`,
so the clerk reads the same sentence, naming the fields, on a file and on a server.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.errors import ConflictError
from app.i18n import translate


def conflict_error(
    table: str | None, *, columns: Sequence[str] = (), constraint: str | None = None
) -> ConflictError:
    """The refusal for a unique or foreign-key violation on `table` (by its `columns`,
    or by the name of the `constraint` or index that refused)."""
    labels = _labels(table, list(columns) or _constraint_columns(table, constraint))
    reason = translate("Records", ", ").join(labels) if labels else (constraint or table or "?")
    return ConflictError(
        translate(
            "Records", "conflicts with a record saved meanwhile (another window or user): {reason}"
        ).format(reason=reason)
    )


def _tables() -> dict[str, object]:
    import app.db.models  # noqa: F401 - defines the tables on the metadata
    from app.db.base import Base

    return dict(Base.metadata.tables)


def _constraint_columns(table: str | None, name: str | None) -> list[str]:
    found = _tables().get(table or "")
    if found is None or name is None:
        return []
    for item in [*found.indexes, *found.constraints]:  # type: ignore[attr-defined]
        if item.name == name:
            return [column.name for column in item.columns if column.name != "deleted_at"]
    return []


def _labels(table: str | None, columns: list[str]) -> list[str]:
    found = _tables().get(table or "")
    if found is None:
        return columns
    labels = []
    for name in columns:
        column = found.columns.get(name)  # type: ignore[attr-defined]
        label = column.info.get("label") if column is not None else None
        model = _model_name(table)
        labels.append(translate(model, label) if label and model else name)
    return labels


def _model_name(table: str | None) -> str | None:
    from app.db.base import Base

    for mapper in Base.registry.mappers:
        if getattr(mapper.local_table, "name", None) == table:
            return mapper.class_.__name__
    return None
