"""Outcome entries (成效记录): a figure or a narrative highlight for a person or a team."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Metric, OutcomeEntry, Staff, Team
from app.errors import ValidationError
from app.i18n import translate
from app.periods import Period, parse_period
from app.records.kinds import RecordKind, check_reference
from app.records.validation import (
    InvalidValue,
    Problems,
    clean_text,
    parse_bool,
    parse_date,
    parse_decimal,
)


def _normalise_entry(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(OUTCOME.label)
    period = problems.take("period", _period, values.get("period"))
    # A period's figure is dated the period's last day, whatever date came with it.
    day = period.end if period is not None else problems.read(values, "date", parse_date)
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
    if period is not None and metric is not None and (staff or team):
        _one_per_period(session, problems, period, metric, staff, team, current)
    problems.raise_if_any()
    return {
        "date": day,
        "period": str(period) if period is not None else None,
        "staff_id": staff.id if staff else None,
        "team_id": team.id if team else None,
        "metric_id": metric.id if metric else None,
        "value": value,
        "description": description,
        "is_highlight": highlight,
    }


def _period(text: Any) -> Period | None:
    if text in (None, ""):
        return None
    try:
        return parse_period(str(text))
    except ValidationError as error:
        raise InvalidValue(error.errors["period"][0]) from None


def _one_per_period(
    session: Session,
    problems: Problems,
    period: Period,
    metric: Metric,
    staff: Staff | None,
    team: Team | None,
    current: OutcomeEntry | None,
) -> None:
    """At most one live figure per owner, metric and period: a second one is refused
    (the correction goes into the existing entry), as the database's unique index would."""
    query = select(OutcomeEntry.id).where(
        OutcomeEntry.period == str(period),
        OutcomeEntry.metric_id == metric.id,
        OutcomeEntry.deleted_at.is_(None),
        OutcomeEntry.staff_id == staff.id if staff else OutcomeEntry.staff_id.is_(None),
        OutcomeEntry.team_id == team.id if team else OutcomeEntry.team_id.is_(None),
    )
    if current is not None:
        query = query.where(OutcomeEntry.id != current.id)
    if session.scalar(query) is not None:
        problems.add(
            "period",
            translate(
                "Outcomes", "{metric} of {period} is already recorded; correct that entry instead"
            ).format(metric=metric.name, period=period),
        )


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
