"""Outcome entries (成效记录): a figure or a narrative highlight for a person or a team.

The rules of one entry live here: what makes it valid, that a retired metric takes no
new entries, and that a figure for a person who was not on duty is unusual (a caution
the clerk confirms). The batch grid (`app.outcomes.grid`) applies the same functions.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Metric, OutcomeEntry, Staff, Team
from app.errors import ValidationError
from app.i18n import translate
from app.periods import Period, parse_period
from app.records.kinds import RecordKind, check_reference, field_through
from app.records.permissions import Permission
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
    moved = metric is not None and (current is None or current.metric_id != metric.id)
    if moved and metric is not None and (message := retired_message(metric)) is not None:
        problems.add("metric_id", message)
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


def retired_message(metric: Metric) -> str | None:
    """A retired metric keeps its history but takes no new entries (nor moved ones)."""
    if metric.active:
        return None
    return translate("Outcomes", "{metric} is retired; it takes no new entries").format(
        metric=metric.name
    )


def off_duty_message(staff: Staff, first: date, last: date) -> str | None:
    """Why a figure for `staff` over [first, last] is unusual: they did not serve on any
    of those days (DESIGN.md §5's dates, not the status field). None when they did."""
    end = staff.end_date
    if staff.start_date <= last and (end is None or end >= first):
        return None
    if staff.start_date > last:
        return translate("Outcomes", "{name} arrived only on {start}").format(
            name=staff.name, start=staff.start_date.isoformat()
        )
    assert end is not None
    return translate("Outcomes", "{name} served until {end}").format(
        name=staff.name, end=end.isoformat()
    )


def _off_duty(session: Session, clean: dict[str, Any], current: Any) -> list[tuple[str, str, str]]:
    """A figure for a person outside their days of service: the clerk confirms it."""
    staff = session.get(Staff, clean["staff_id"]) if clean.get("staff_id") else None
    if staff is None or clean.get("date") is None:
        return []
    period = parse_period(clean["period"]) if clean.get("period") else None
    first, last = (period.start, period.end) if period else (clean["date"], clean["date"])
    message = off_duty_message(staff, first, last)
    return [] if message is None else [("off-duty", "staff_id", message)]


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
    cautions=_off_duty,
    period_fields=("date",),
    permission=Permission.ENTER,
    field_of=field_through(("staff_id", Staff), ("team_id", Team)),
)
