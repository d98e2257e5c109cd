"""Printed = stored: closed quarters are one run from the first, and nothing moves their figures."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Mentorship, MetricTarget, OutcomeEntry, ServiceProvision, Staff
from app.errors import LedgerError, NeedsConfirmation, QuarterClosedError
from app.outcomes.entries import OUTCOME
from app.outcomes.mentorships import MENTORSHIP
from app.outcomes.metrics import TARGET
from app.periods import Quarter
from app.records import commands
from app.records.closing import (
    close_quarter,
    closed_quarters,
    closing_state,
    is_closed,
    quarters_to_close,
    quarters_to_reopen,
    reopen_quarter,
)
from app.records.kinds import RecordKind
from app.reports.summary import quarterly_summary
from app.roster.staff import STAFF
from app.services.provisions import PROVISION
from tests.app.helpers import metric_id, run, service_id, staff_id

Q = Quarter.parse


def test_closing_a_quarter_closes_the_run_back_to_the_first_record(demo_session: Session) -> None:
    # The demo's first record: the science team arrived on 2022-06-15.
    assert quarters_to_close(demo_session, Q("2023Q1")) == [
        Q("2022Q2"),
        Q("2022Q3"),
        Q("2022Q4"),
        Q("2023Q1"),
    ]
    closed = run(demo_session, close_quarter, Q("2023Q1"))
    assert closed == [Q("2022Q2"), Q("2022Q3"), Q("2022Q4"), Q("2023Q1")]
    assert quarters_to_close(demo_session, Q("2023Q3")) == [Q("2023Q2"), Q("2023Q3")]
    assert is_closed(demo_session, Q("2022Q4")) and not is_closed(demo_session, Q("2023Q2"))


def test_reopening_a_quarter_reopens_every_later_one_with_one_reason(demo_session: Session) -> None:
    run(demo_session, close_quarter, Q("2024Q2"))
    assert quarters_to_reopen(demo_session, Q("2023Q4")) == [Q("2023Q4"), Q("2024Q1"), Q("2024Q2")]
    reopened = run(demo_session, reopen_quarter, Q("2023Q4"), reason="补录 2023 年第四季度会诊")
    assert reopened == [Q("2023Q4"), Q("2024Q1"), Q("2024Q2")]
    assert max(closed_quarters(demo_session)) == Q("2023Q3")
    state = closing_state(demo_session, Q("2024Q1"))
    assert state is not None and not state.is_closed and state.reopen_reason.startswith("补录")


def test_a_date_in_an_earlier_quarter_is_frozen_with_the_run(demo_session: Session) -> None:
    run(demo_session, close_quarter, Q("2024Q3"))
    values = {
        "staff_id": staff_id(demo_session, "张文"),
        "service_type_id": service_id(demo_session, "子女入学入托协调"),
        "date": "2023-05-10",  # in 2023Q2, closed with the run
    }
    with pytest.raises(QuarterClosedError, match="2023Q2 is closed"):
        run(demo_session, commands.create, PROVISION, values)
    run(demo_session, commands.create, PROVISION, {**values, "date": "2024-10-10"})


def test_a_yearly_target_freezes_once_its_year_has_a_closed_quarter(demo_session: Session) -> None:
    surgery = metric_id(demo_session, "手术")
    target = demo_session.scalars(
        select(MetricTarget.id).where(MetricTarget.metric_id == surgery, MetricTarget.year == 2024)
    ).one()
    run(demo_session, close_quarter, Q("2024Q1"))
    with pytest.raises(QuarterClosedError):  # the printed 2024 progress would move
        run(demo_session, commands.update, TARGET, target, {"target_value": 99})
    run(
        demo_session,
        commands.create,
        TARGET,
        {"metric_id": surgery, "year": 2025, "target_value": 99},
    )


# ----------------------------------------------------------------- the property
CLOSED_THROUGH = Q("2024Q2")
DAYS = st.dates(min_value=date(2022, 6, 1), max_value=date(2024, 12, 31))


def figures(session: Session) -> str:
    """Every figure of every closed quarter's summary, as `report --json` prints them."""
    quarters = sorted(each for each in closed_quarters(session))
    made_on = date(2025, 1, 1)
    return json.dumps(
        [quarterly_summary(session, each, made_on=made_on).to_json() for each in quarters],
        ensure_ascii=False,
        sort_keys=True,
    )


def ids(session: Session, model: Any) -> list[int]:
    return list(session.scalars(select(model.id).where(model.deleted_at.is_(None))))


@st.composite
def writes(draw: st.DrawFn) -> tuple[str, Any]:
    """One clerk's write: what it is and its random ingredients."""
    kind = draw(st.sampled_from(["provision", "outcome", "mentorship", "move", "end", "delete"]))
    return kind, (draw(DAYS), draw(st.integers(0, 10_000)), draw(st.integers(1, 40)))


def attempt(session: Session, kind: str, ingredients: tuple[date, int, int]) -> None:
    """Perform a write; refusals are the point (a closed quarter), cautions are confirmed."""
    day, pick, value = ingredients
    staff = ids(session, Staff)
    person = staff[pick % len(staff)]
    record: RecordKind
    actions: dict[str, tuple[RecordKind, Any]] = {
        "provision": (
            PROVISION,
            {"staff_id": person, "service_type_id": 1 + pick % 10, "date": day, "amount": value},
        ),
        "outcome": (
            OUTCOME,
            {"staff_id": person, "metric_id": 1 + pick % 8, "date": day, "value": value},
        ),
        "mentorship": (
            MENTORSHIP,
            {"mentor_id": person, "mentee_name": "王小明", "start_date": day},
        ),
    }
    try:
        if kind in actions:
            record, values = actions[kind]
            create(session, record, values)
        elif kind == "move":
            run(session, commands.update, STAFF, person, {"start_date": day, "actual_end": None})
        elif kind == "end":
            run(
                session, commands.update, STAFF, person, {"actual_end": day + timedelta(days=value)}
            )
        else:
            models = [ServiceProvision, OutcomeEntry, Mentorship, Staff]
            kinds = [PROVISION, OUTCOME, MENTORSHIP, STAFF]
            chosen = pick % 4
            rows = ids(session, models[chosen])
            run(session, commands.delete, kinds[chosen], rows[pick % len(rows)])
    except LedgerError:
        pass


def create(session: Session, record: RecordKind, values: dict[str, Any]) -> None:
    try:
        run(session, commands.create, record, values)
    except NeedsConfirmation as asked:
        run(session, commands.create, record, values, confirmed=asked.codes())


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(writes(), min_size=1, max_size=12))
def test_no_write_changes_a_closed_quarters_figures(
    demo_session: Session, operations: list[tuple[str, Any]]
) -> None:
    if not closed_quarters(demo_session):
        run(demo_session, close_quarter, CLOSED_THROUGH)
    before = figures(demo_session)
    for kind, ingredients in operations:
        attempt(demo_session, kind, ingredients)
    assert figures(demo_session) == before
