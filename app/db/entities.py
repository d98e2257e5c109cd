"""What each table is called in the UI ("staff" → 帮扶人才).

The audit log, the recycle bin and batch undo (`app.history`) name tables by
`__tablename__`, and so does the server when it refuses a write (`app.db.postgres`);
both turn the name into the clerk's word here, the one list of those words.
"""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP, translate

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
