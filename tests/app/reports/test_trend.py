"""The trend (`recent_summaries`) reads every section for its quarters at once: it must
give exactly what one summary per quarter gives, on the hand-built data set, on the
demo and on random ledgers; and its statements must not grow with rows."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, event, select
from sqlalchemy.orm import Session

from app.db.models import Mentorship, Metric, OutcomeEntry, ServiceProvision, ServiceType, Staff
from app.db.vocabulary import Aggregation, Field
from app.periods import Quarter
from app.reports.summary import quarterly_summary, recent_summaries
from tests.app.report_dataset import build_dataset

MADE_ON = date(2024, 10, 8)


def singles(session: Session, quarter: Quarter, count: int) -> list[Any]:
    return [quarterly_summary(session, q, made_on=MADE_ON) for q in quarter.back(count)]


def trend(session: Session, quarter: Quarter, count: int) -> list[Any]:
    return [replace_made_on(summary) for summary in recent_summaries(session, quarter, count)]


def replace_made_on(summary: Any) -> Any:
    from dataclasses import replace

    return replace(summary, heading=replace(summary.heading, made_on=MADE_ON))


@pytest.mark.parametrize("quarter", [Quarter(2024, 3), Quarter(2025, 1), Quarter(2024, 1)])
def test_the_trend_equals_one_summary_per_quarter_on_the_hand_built_ledger(
    session: Session, quarter: Quarter
) -> None:
    build_dataset(session)
    assert trend(session, quarter, 8) == singles(session, quarter, 8)


def test_the_trend_equals_one_summary_per_quarter_on_the_demo(demo_session: Session) -> None:
    quarter = Quarter(2024, 4)
    assert trend(demo_session, quarter, 8) == singles(demo_session, quarter, 8)


DAYS = st.dates(min_value=date(2022, 10, 1), max_value=date(2025, 3, 31))
ENTRY = st.tuples(
    DAYS,
    st.integers(0, 5),  # metric (index into the ledger's metrics)
    st.decimals(min_value=0, max_value=500, places=1, allow_nan=False),
    st.integers(0, 3),  # owner: a person (0-2) or no one (3, then a highlight)
    st.booleans(),  # in the recycle bin
)
PROVISION = st.tuples(DAYS, st.integers(0, 9), st.integers(0, 2), st.booleans())
PERSON = st.tuples(DAYS, st.integers(30, 900), st.booleans())


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    people=st.lists(PERSON, min_size=1, max_size=3),
    entries=st.lists(ENTRY, max_size=25),
    provisions=st.lists(PROVISION, max_size=12),
    mentorships=st.lists(st.tuples(DAYS, st.integers(0, 200)), max_size=4),
    retire=st.booleans(),
)
def test_the_trend_equals_one_summary_per_quarter_on_random_ledgers(
    session: Session,
    people: list[tuple[date, int, bool]],
    entries: list[tuple[date, int, Decimal, int, bool]],
    provisions: list[tuple[date, int, int, bool]],
    mentorships: list[tuple[date, int]],
    retire: bool,
) -> None:
    for table in (OutcomeEntry, ServiceProvision, Mentorship, Staff):
        session.execute(delete(table))
    staff = []
    for start, length, binned in people:
        person = Staff(
            name="某",
            field=Field.MEDICAL,
            start_date=start,
            planned_end=start + timedelta(days=length),
            deleted_at=datetime(2025, 1, 1) if binned and len(staff) == 2 else None,
        )
        session.add(person)
        staff.append(person)
    session.flush()
    metrics = session.scalars(select(Metric).order_by(Metric.id)).all()
    chosen = [m for m in metrics if m.aggregation == Aggregation.LATEST][:2]
    chosen += [m for m in metrics if m.aggregation == Aggregation.SUM][: 6 - len(chosen)]
    if retire:
        chosen[-1].active = False
    services = session.scalars(select(ServiceType.id).order_by(ServiceType.id)).all()
    for day, metric, value, owner, binned in entries:
        person = staff[owner % len(staff)]
        session.add(
            OutcomeEntry(
                date=day,
                staff_id=person.id,
                metric_id=None if owner == 3 else chosen[metric].id,
                value=None if owner == 3 else value,
                is_highlight=owner == 3,
                description="亮点" if owner == 3 else "",
                deleted_at=datetime(2025, 1, 1) if binned else None,
            )
        )
    for day, service, owner, binned in provisions:
        session.add(
            ServiceProvision(
                staff_id=staff[owner % len(staff)].id,
                service_type_id=services[service],
                date=day,
                deleted_at=datetime(2025, 1, 1) if binned else None,
            )
        )
    for start, length in mentorships:
        session.add(
            Mentorship(
                mentor_id=staff[0].id,
                mentee_name="徒",
                start_date=start,
                end_date=start + timedelta(days=length) if length % 2 else None,
            )
        )
    session.flush()
    quarter = Quarter(2024, 4)
    assert trend(session, quarter, 8) == singles(session, quarter, 8)
    session.rollback()


def count_statements(session: Session, run: Any) -> int:
    statements: list[str] = []

    def note(*args: Any) -> None:
        statements.append(args[2])

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", note)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return len(statements)


def test_the_trend_reports_each_section_and_stops_when_the_caller_raises(
    session: Session,
) -> None:
    """A closing window stops the dashboard's trend between two sections, not after all."""
    build_dataset(session)
    seen: list[tuple[int, int]] = []
    recent_summaries(
        session, Quarter(2024, 3), progress=lambda done, total: seen.append((done, total))
    )
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]

    def closing(done: int, total: int) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        recent_summaries(session, Quarter(2024, 3), progress=closing)
