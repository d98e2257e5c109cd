"""Every record kind by entity name, and what each entity is called in the UI.

The recycle bin, the audit log and batch undo meet every table by its name
(`AuditEntry.entity` holds `__tablename__`); this is the one place that turns such a
name back into its `RecordKind` (its label comes from `app.db.entities`, re-exported
here). It knows every domain room, which is why `app/history/` sits above them.
"""

from __future__ import annotations

from functools import cache

from app.db.base import Base, Record
from app.db.entities import ENTITY_LABELS, entity_label
from app.outcomes.entries import OUTCOME
from app.outcomes.mentorships import MENTORSHIP
from app.outcomes.metrics import METRIC, TARGET
from app.records.kinds import RecordKind
from app.roster.staff import STAFF
from app.roster.units import TEAM, UNIT
from app.services.catalog import SERVICE_TYPE
from app.services.provisions import PROVISION

KINDS: dict[str, RecordKind] = {
    kind.entity: kind
    for kind in (STAFF, UNIT, TEAM, PROVISION, OUTCOME, MENTORSHIP, SERVICE_TYPE, METRIC, TARGET)
}
__all__ = ["ENTITY_LABELS", "KINDS", "entity_label", "model_of"]


@cache
def model_of(entity: str) -> type[Record] | None:
    """The ORM class stored in table `entity` (settings and quarter closings have no Kind)."""
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == entity:
            return mapper.class_  # type: ignore[no-any-return]
    return None
