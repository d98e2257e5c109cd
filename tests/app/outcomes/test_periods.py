"""Periods of monthly and quarterly tables, and one live figure per owner, metric and period."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import OutcomeEntry
from app.errors import ConflictError, ValidationError
from app.outcomes.entries import OUTCOME
from app.periods import Month, Quarter, parse_period
from app.records import commands
from app.roster.staff import STAFF
from app.roster.units import TEAM
from tests.app.helpers import metric_id, run


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2024-09", Month(2024, 9)),
        ("2024-9", Month(2024, 9)),
        ("2024年9月", Month(2024, 9)),
        ("2024.09", Month(2024, 9)),
        ("2024Q3", Quarter(2024, 3)),
        ("2024q3", Quarter(2024, 3)),
        ("2024年第3季度", Quarter(2024, 3)),
        ("2024年第三季度", Quarter(2024, 3)),
    ],
)
def test_periods_are_read_as_clerks_write_them(text: str, period: Month | Quarter) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize("text", ["2024-13", "2024", "九月", "2024Q5", ""])
def test_other_text_is_not_a_period(text: str) -> None:
    with pytest.raises(ValidationError, match="2024-09"):
        parse_period(text)


def test_a_month_knows_its_days_and_quarter() -> None:
    assert (Month(2024, 2).start, Month(2024, 2).end) == (date(2024, 2, 1), date(2024, 2, 29))
    assert Month(2023, 12).end == date(2023, 12, 31)
    assert Month(2024, 9).quarter == Quarter(2024, 3)
    assert str(Month(2024, 9)) == "2024-09" and date(2024, 9, 30) in Month(2024, 9)


def figure(session: Session, period: str, value: int, **owner: int) -> dict[str, Any]:
    return {"period": period, "metric_id": metric_id(session, "手术"), "value": value, **owner}


@pytest.fixture
def zhang(session: Session) -> int:
    return run(
        session,
        commands.create,
        STAFF,
        {"name": "张文", "field": "medical", "start_date": "2024-01-02"},
    )


def test_a_period_figure_is_dated_the_periods_last_day(session: Session, zhang: int) -> None:
    entry = run(session, commands.create, OUTCOME, figure(session, "2024-09", 5, staff_id=zhang))
    stored = session.get(OutcomeEntry, entry)
    assert stored is not None and (stored.period, stored.date) == ("2024-09", date(2024, 9, 30))
    quarter = run(
        session, commands.create, OUTCOME, figure(session, "2024年第3季度", 7, staff_id=zhang)
    )
    assert session.get(OutcomeEntry, quarter).period == "2024Q3"  # type: ignore[union-attr]


def test_one_live_figure_per_owner_metric_and_period(session: Session, zhang: int) -> None:
    first = run(session, commands.create, OUTCOME, figure(session, "2024-09", 5, staff_id=zhang))
    with pytest.raises(ValidationError, match="already recorded; correct that entry"):
        run(session, commands.create, OUTCOME, figure(session, "2024-09", 6, staff_id=zhang))
    run(session, commands.create, OUTCOME, figure(session, "2024-10", 6, staff_id=zhang))
    team = run(session, commands.create, TEAM, {"name": "医疗帮扶队", "field": "medical"})
    run(session, commands.create, OUTCOME, figure(session, "2024-09", 9, team_id=team))
    run(session, commands.update, OUTCOME, first, {"value": 8})  # a correction replaces
    run(session, commands.delete, OUTCOME, first)  # a binned entry frees its period
    run(session, commands.create, OUTCOME, figure(session, "2024-09", 4, staff_id=zhang))
    assert session.scalars(
        select(OutcomeEntry.value).where(
            OutcomeEntry.period == "2024-09", OutcomeEntry.deleted_at.is_(None)
        )
    ).all() == [9, 4]


def test_the_database_holds_the_rule_even_past_the_checks(session: Session, zhang: int) -> None:
    surgery = metric_id(session, "手术")
    for value in (1, 2):
        session.add(
            OutcomeEntry(
                date=date(2024, 9, 30),
                period="2024-09",
                staff_id=zhang,
                metric_id=surgery,
                value=value,
            )
        )
    with pytest.raises(ConflictError, match="conflicts with a record saved meanwhile"):
        session.flush()
