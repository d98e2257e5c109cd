"""Every record kind by entity name, and what each entity is called in the UI.

The recycle bin, the audit log and batch undo meet every table by its name
(`AuditEntry.entity` holds `__tablename__`); this is the one place that turns such a
name back into its `RecordKind` and its label. It knows every domain room, which is
why `app/history/` sits above them.
"""

from __future__ import annotations

from functools import cache

from app.db.base import Base, Record
from app.i18n import QT_TRANSLATE_NOOP, translate
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

# In the order clerks meet them: the roster first, the catalogs and bookkeeping last.
ENTITY_LABELS: dict[str, str] = {
    "staff": QT_TRANSLATE_NOOP("Entities", "Staff"),
    "unit": QT_TRANSLATE_NOOP("Entities", "Unit"),
    "team": QT_TRANSLATE_NOOP("Entities", "Team"),
    "service_provision": QT_TRANSLATE_NOOP("Entities", "Service record"),
    "outcome_entry": QT_TRANSLATE_NOOP("Entities", "Outcome entry"),
    "mentorship": QT_TRANSLATE_NOOP("Entities", "Mentorship"),
    "service_type": QT_TRANSLATE_NOOP("Entities", "Service"),
    "metric": QT_TRANSLATE_NOOP("Entities", "Metric"),
    "metric_target": QT_TRANSLATE_NOOP("Entities", "Yearly target"),
    "setting": QT_TRANSLATE_NOOP("Entities", "Settings"),
    "quarter_close": QT_TRANSLATE_NOOP("Entities", "Quarter closing"),
    "batch": QT_TRANSLATE_NOOP("Entities", "Batch"),
}


def entity_label(entity: str) -> str:
    """The UI name of a table ("staff" → 帮扶人才); unknown names are shown as they are."""
    return translate("Entities", ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else entity


@cache
def model_of(entity: str) -> type[Record] | None:
    """The ORM class stored in table `entity` (settings and quarter closings have no Kind)."""
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == entity:
            return mapper.class_  # type: ignore[no-any-return]
    return None
