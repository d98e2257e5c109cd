"""The recycle bin (回收站): what was deleted, when and by whom, per kind of record.

Deleting only stamps `deleted_at` (app.records), so the bin is a view over the
stamped rows of each soft-deletable kind; restoring and purging are the records
layer's own `restore` and `purge`, which check and audit like any other write.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from app.db.listing import ListColumn, Listing, ListQuery
from app.db.models import AuditEntry
from app.history.kinds import KINDS
from app.i18n import translate

# The kinds that have a bin, in the order the clerk chooses among them.
BIN_ENTITIES: tuple[str, ...] = (
    "staff",
    "unit",
    "team",
    "service_provision",
    "outcome_entry",
    "mentorship",
    "service_type",
    "metric",
)

# Most recently deleted first: what a clerk looks for after a slip of the finger.
NEWEST_FIRST = ListQuery(sort_key="deleted_at", descending=True)


class DeletedRecords(Listing):
    """The records of one kind that are in the bin, described by the kind itself."""

    default_sort = "deleted_at"

    def __init__(self, entity: str) -> None:
        self.kind = KINDS[entity]
        self.model = self.kind.model
        self.entities = frozenset({entity})

    def columns(self) -> list[ListColumn]:
        return [
            # Filled in by `rows` from `Kind.describe` (a provision names its person,
            # service and date), so it cannot be sorted in SQL.
            ListColumn(
                "record",
                lambda: translate("RecycleBin", "Record"),
                self.model.id,
                sortable=False,
            ),
            ListColumn(
                "deleted_at",
                lambda: translate("RecycleBin", "Deleted at"),
                self.model.deleted_at,  # type: ignore[attr-defined]
            ),
            ListColumn(
                "deleted_by", lambda: translate("RecycleBin", "Deleted by"), self._deleted_by()
            ),
        ]

    def _deleted_by(self) -> ColumnElement[Any]:
        """The clerk named in the latest delete entry of the audit log for the row."""
        return (
            select(AuditEntry.who)
            .where(
                AuditEntry.entity == self.kind.entity,
                AuditEntry.entity_id == self.model.id,
                AuditEntry.action == "delete",
            )
            .order_by(AuditEntry.id.desc())
            .limit(1)
            .scalar_subquery()
        )

    def base(self) -> Select[Any]:
        return select(self.model.id).where(self.model.deleted_at.is_not(None))  # type: ignore[attr-defined]

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        rows = super().rows(session, ids)
        records = session.scalars(select(self.model).where(self.model.id.in_(list(rows))))
        described = {record.id: self.kind.describe(record) for record in records}
        return {key: (described[key], *row[1:]) for key, row in rows.items()}


def bin_counts(session: Session) -> dict[str, int]:
    """How many records of each kind are in the bin (shown beside the kind's name)."""
    counts = {}
    for entity in BIN_ENTITIES:
        model: Any = KINDS[entity].model
        counts[entity] = (
            session.scalar(
                select(func.count()).select_from(model).where(model.deleted_at.is_not(None))
            )
            or 0
        )
    return counts
