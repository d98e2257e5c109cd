"""Outcome entries (成效记录): a figure or a narrative highlight for a person or a team."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.db.models import Metric, OutcomeEntry, Staff, Team
from app.i18n import translate
from app.records.kinds import RecordKind, check_reference
from app.records.validation import (
    Problems,
    clean_text,
    parse_bool,
    parse_date,
    parse_decimal,
)


def _normalise_entry(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(OUTCOME.label)
    day = problems.read(values, "date", parse_date)
    problems.require("date", day)
    staff = check_reference(session, problems, values, "staff_id", Staff, required=False)
    team = check_reference(session, problems, values, "team_id", Team, required=False)
    if values.get("staff_id") in (None, "") and values.get("team_id") in (None, ""):
        problems.add("staff_id", translate("Outcomes", "choose a staff member or a team"))
    highlight = bool(problems.read(values, "is_highlight", parse_bool))
    metric = check_reference(session, problems, values, "metric_id", Metric, required=not highlight)
    value = problems.read(values, "value", parse_decimal)
    if metric is not None and value is None and not highlight:
        problems.require("value", value)
    if value is not None and values.get("metric_id") in (None, ""):
        problems.add("metric_id", translate("Outcomes", "a value needs a metric"))
    description = problems.read(values, "description", clean_text) or ""
    if highlight and not description:
        problems.add("description", translate("Outcomes", "a highlight needs a description"))
    problems.raise_if_any()
    return {
        "date": day,
        "staff_id": staff.id if staff else None,
        "team_id": team.id if team else None,
        "metric_id": metric.id if metric else None,
        "value": value,
        "description": description,
        "is_highlight": highlight,
    }


def describe_entry(entry: OutcomeEntry) -> str:
    owner = entry.staff.name if entry.staff else entry.team.name if entry.team else ""
    what = entry.metric.name if entry.metric else translate("Outcomes", "highlight")
    return translate("Outcomes", "{what} of {owner} on {date}").format(
        what=what, owner=owner, date=entry.date.isoformat()
    )


OUTCOME = RecordKind(
    model=OutcomeEntry,
    normalise=_normalise_entry,
    describe=describe_entry,
    period_fields=("date",),
)
