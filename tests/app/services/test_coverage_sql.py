"""The coverage rule's two writings agree: the SQL counts of the summary and its trend
(`coverage_counts_of`) equal the Python rule the matrix shows (`QuarterCoverage.counts`)
for every rule, on the demo and on random ledgers (arrivals and departures inside the
quarters, provisions before, inside and after them, records in the recycle bin)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.db.models import ServiceProvision, ServiceType, Staff
from app.db.vocabulary import Field, ServiceRule
from app.periods import Quarter
from app.services.catalog import services_in
from app.services.coverage import ServiceCoverage, coverage_counts_of, load_coverage

QUARTERS = Quarter(2024, 4).back(8)  # 2023Q1 … 2024Q4
DAYS = st.dates(date(2022, 6, 1), date(2025, 3, 31))


def by_python(session: Session, quarters: list[Quarter]) -> list[dict[int, ServiceCoverage]]:
    found = []
    for quarter in quarters:
        services = services_in(session, quarter)
        coverage = load_coverage(session, quarter, services)
        found.append({s.id: coverage.counts(s.id, s.rule) for s in services})
    return found


def by_sql(session: Session, quarters: list[Quarter]) -> list[dict[int, ServiceCoverage]]:
    return coverage_counts_of(session, quarters, [services_in(session, q) for q in quarters])


def test_every_rule_is_in_the_catalog(session: Session) -> None:
    rules = set(session.scalars(select(ServiceType.rule)))
    assert rules == set(ServiceRule)  # so the random ledgers below try each of them


def test_the_sql_counts_equal_the_python_rule_on_the_demo(demo_session: Session) -> None:
    for quarter in Quarter(2024, 4).back(12):
        assert by_sql(demo_session, [quarter]) == by_python(demo_session, [quarter])
    quarters = Quarter(2024, 4).back(8)
    assert by_sql(demo_session, quarters) == by_python(demo_session, quarters)


PERSON = st.tuples(DAYS, st.integers(20, 700), st.integers(0, 2))  # start, length, end kind
PROVISION = st.tuples(DAYS, st.integers(0, 9), st.integers(0, 3), st.booleans())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    people=st.lists(PERSON, min_size=1, max_size=4),
    provisions=st.lists(PROVISION, max_size=30),
    binned_person=st.booleans(),
)
def test_the_sql_counts_equal_the_python_rule_on_random_ledgers(
    session: Session,
    people: list[tuple[date, int, int]],
    provisions: list[tuple[date, int, int, bool]],
    binned_person: bool,
) -> None:
    for table in (ServiceProvision, Staff):
        session.execute(delete(table))
    staff = []
    for number, (start, length, end_kind) in enumerate(people):
        end = start + timedelta(days=length)
        person = Staff(
            name="某",
            field=Field.MEDICAL,
            start_date=start,
            planned_end=None if end_kind == 0 else end,  # 0: no end known
            actual_end=end - timedelta(days=length // 3) if end_kind == 2 else None,
            deleted_at=datetime(2025, 1, 1) if binned_person and number == 1 else None,
        )
        session.add(person)
        staff.append(person)
    session.flush()
    services = session.scalars(select(ServiceType.id).order_by(ServiceType.id)).all()
    for day, service, owner, binned in provisions:
        session.add(
            ServiceProvision(
                staff_id=staff[owner % len(staff)].id,
                service_type_id=services[service],
                date=day,
                deleted_at=datetime(2025, 1, 1) if binned else None,
            )
        )
    session.flush()
    assert by_sql(session, QUARTERS) == by_python(session, QUARTERS)
    assert by_sql(session, QUARTERS[-1:]) == by_python(session, QUARTERS[-1:])
    session.rollback()
