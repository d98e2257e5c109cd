"""Every number of the quarterly summary, pinned on the hand-built ledger of report_dataset.

The expected figures are worked out by hand from the dataset's docstring and rows,
written here as literals; do not compute them with the code under test.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, event
from sqlalchemy.orm import Session

from app import clock
from app.db.models import Mentorship, OutcomeEntry, ServiceProvision, Staff
from app.db.vocabulary import Field, ServiceRule
from app.periods import Quarter
from app.reports.figures import QuarterlySummary
from app.reports.summary import quarterly_summary, recent_summaries, staff_figures
from tests.app.report_dataset import Dataset, build_dataset

MADE_ON = date(2024, 10, 8)
ONCE, YEARLY, HALF, QUARTERLY, MONTHLY, ON_DEMAND = (
    ServiceRule.ONCE,
    ServiceRule.YEARLY,
    ServiceRule.HALF_YEARLY,
    ServiceRule.QUARTERLY,
    ServiceRule.MONTHLY,
    ServiceRule.ON_DEMAND,
)
D = Decimal


@pytest.fixture
def data(session: Session) -> Dataset:
    return build_dataset(session)


def summary_of(session: Session, quarter: str) -> QuarterlySummary:
    return quarterly_summary(session, Quarter.parse(quarter), made_on=MADE_ON)


def staff_line(summary: QuarterlySummary) -> tuple[Any, ...]:
    figures = summary.staff
    return (
        [(field.zh, count) for field, count in figures.on_duty_by_field.items()],
        figures.on_duty_total,
        figures.arrived,
        figures.departed,
    )


def service_lines(summary: QuarterlySummary) -> list[tuple[Any, ...]]:
    return [
        (s.service, s.rule, s.provisions, s.eligible, s.covered, s.coverage)
        for s in summary.services
    ]


def outcome_lines(summary: QuarterlySummary) -> list[tuple[Any, ...]]:
    return [
        (
            o.metric,
            o.quarter,
            o.previous,
            o.change,
            o.ytd,
            o.cumulative,
            o.target,
            o.target_progress,
        )
        for o in summary.outcomes
    ]


def test_2024q3_staff_arrivals_and_departures_on_the_boundaries(
    session: Session, data: Dataset
) -> None:
    # on duty at the end: 甲 (no end), 乙 (arrived on 1 July), 丁 (arrived 16 August);
    # 丙 leaves on 30 September (actual end over planned end), 戊 on 10 August
    assert staff_line(summary_of(session, "2024Q3")) == (
        [("医疗", 2), ("教育", 1), ("科技", 0), ("综合", 0)],
        3,
        2,
        2,
    )
    # 甲, 丙, 戊 at the end of June; 己 left on 30 June
    assert staff_line(summary_of(session, "2024Q2")) == (
        [("医疗", 1), ("教育", 1), ("科技", 1), ("综合", 0)],
        3,
        0,
        1,
    )


def test_2024q3_services_under_each_coverage_rule(session: Session, data: Dataset) -> None:
    # eligible: 甲 乙 丙 丁 戊 (己 left 30 June, 庚 comes 1 October, 辛 is binned)
    assert service_lines(summary_of(session, "2024Q3")) == [
        ("公寓", ONCE, 1, 5, 3, 0.6),  # 丁's is dated 2 October
        ("体检", YEARLY, 2, 5, 4, 0.8),  # 丙's is last year's
        ("慰问", HALF, 3, 5, 3, 0.6),  # 甲's fall in June and December; 丁's is binned
        ("走访", QUARTERLY, 2, 5, 2, 0.4),
        ("补助", MONTHLY, 12, 5, 4, 0.8),  # 乙 lacks August; 丁 and 戊 need two months
        ("入学协调", ON_DEMAND, 1, None, None, None),
    ]


def test_2024q3_outcomes(session: Session, data: Dataset) -> None:
    assert outcome_lines(summary_of(session, "2024Q3")) == [
        # the binned team's 5 is left out; nothing in Q2: no change
        ("新设科室", D("1"), D("0"), None, D("3"), D("3"), D("0"), None),
        # 2.5 + 4 (30 Sep) + 1 (person and team, once); not the binned person's 100, the
        # binned entry's 50, the entry without a value, nor 1 October's 7
        ("手术", D("7.5"), D("6"), D("25.0"), D("16.5"), D("25.5"), D("40"), D("41.3")),
        ("听评课", D("8.1"), D("8"), D("1.3"), D("16.1"), D("16.1"), None, None),
        # latest: 705 beats 700 on the same day; 56.5 / 705 = 8.01 %
        ("亩产", D("761.5"), D("705"), D("8.0"), D("761.5"), D("761.5"), D("750"), D("101.5")),
        # retired but holding a 2023 entry
        ("旧指标", D("0"), D("0"), None, D("0"), D("2"), None, None),
    ]


def test_2024q3_highlights_mentorships_and_heading(session: Session, data: Dataset) -> None:
    summary = summary_of(session, "2024Q3")
    assert [(h.date, h.staff, h.text) for h in summary.highlights] == [
        (date(2024, 7, 5), "医疗队", "医疗队义诊"),
        (date(2024, 8, 12), "乙", "开展新技术"),
        (date(2024, 8, 12), "甲", "首例微创手术"),
        (date(2024, 9, 1), "甲", "师带徒手术"),
    ]
    assert (summary.mentorships.active, summary.mentorships.new) == (4, 2)
    heading = summary.heading
    assert (heading.county, heading.office, heading.clerk, heading.made_on) == (
        "测试旗",
        "测试办公室",
        "李四",
        MADE_ON,
    )
    assert summary.quarter == Quarter(2024, 3)


def test_year_boundary_2024q1_compares_with_2023q4(session: Session, data: Dataset) -> None:
    summary = summary_of(session, "2024Q1")
    assert staff_line(summary) == ([("医疗", 1), ("教育", 1), ("科技", 2), ("综合", 0)], 4, 0, 1)
    assert service_lines(summary) == [
        ("公寓", ONCE, 0, 5, 2, 0.4),
        ("体检", YEARLY, 1, 5, 1, 0.2),
        ("慰问", HALF, 0, 5, 0, 0.0),
        ("走访", QUARTERLY, 0, 5, 0, 0.0),
        ("补助", MONTHLY, 4, 5, 2, 0.4),  # 壬 left 15 January: January alone is enough
        ("入学协调", ON_DEMAND, 0, None, None, None),
    ]
    assert outcome_lines(summary) == [
        ("新设科室", D("2"), D("0"), None, D("2"), D("2"), D("0"), None),
        # ytd restarts on 1 January: 2023's 5 and 4 are only in the cumulative
        ("手术", D("3"), D("4"), D("-25.0"), D("3"), D("12"), D("40"), D("7.5")),
        ("听评课", D("0"), D("0"), None, D("0"), D("0"), None, None),
        ("亩产", None, D("608.9"), None, None, D("608.9"), D("750"), None),
        ("旧指标", D("0"), D("0"), None, D("0"), D("2"), None, None),
    ]
    assert summary.highlights == []
    assert (summary.mentorships.active, summary.mentorships.new) == (3, 0)


def test_a_zero_previous_quarter_has_no_change(session: Session, data: Dataset) -> None:
    summary = summary_of(session, "2023Q4")
    assert staff_line(summary) == ([("医疗", 1), ("教育", 1), ("科技", 2), ("综合", 1)], 5, 1, 0)
    assert outcome_lines(summary)[1] == (
        "手术",
        D("4"),
        D("0"),
        None,
        D("9"),
        D("9"),
        D("10"),
        D("90.0"),
    )


def test_2024q4_lists_a_retired_metric_once_it_has_entries(session: Session, data: Dataset) -> None:
    assert outcome_lines(summary_of(session, "2024Q4")) == [
        ("新设科室", D("0"), D("1"), D("-100.0"), D("3"), D("3"), D("0"), None),
        ("手术", D("7"), D("7.5"), D("-6.7"), D("23.5"), D("32.5"), D("40"), D("58.8")),
        ("听评课", D("0"), D("8.1"), D("-100.0"), D("16.1"), D("16.1"), None, None),
        ("停用无数据", D("3"), D("0"), None, D("3"), D("3"), None, None),  # same order, later id
        ("亩产", D("800"), D("761.5"), D("5.1"), D("800"), D("800"), D("750"), D("106.7")),
        ("旧指标", D("0"), D("0"), None, D("0"), D("2"), None, None),
    ]


def test_a_quarter_without_data(session: Session, data: Dataset) -> None:
    summary = summary_of(session, "2022Q1")
    assert staff_line(summary) == ([("医疗", 0), ("教育", 0), ("科技", 0), ("综合", 0)], 0, 0, 0)
    assert service_lines(summary) == [
        ("公寓", ONCE, 0, 0, 0, None),
        ("体检", YEARLY, 0, 0, 0, None),
        ("慰问", HALF, 0, 0, 0, None),
        ("走访", QUARTERLY, 0, 0, 0, None),
        ("补助", MONTHLY, 0, 0, 0, None),
        ("入学协调", ON_DEMAND, 0, None, None, None),
    ]
    zero = (D("0"), D("0"), None, D("0"), D("0"), None, None)
    assert outcome_lines(summary) == [
        ("新设科室", *zero),
        ("手术", *zero),
        ("听评课", *zero),
        ("亩产", None, None, None, None, None, None, None),
    ]
    assert summary.highlights == []
    assert (summary.mentorships.active, summary.mentorships.new) == (0, 0)


def test_an_empty_ledger_lists_the_catalogs_with_zeros(session: Session) -> None:
    summary = quarterly_summary(session, Quarter(2024, 3), made_on=MADE_ON)
    assert summary.staff.on_duty_total == 0
    assert len(summary.services) == 10 and len(summary.outcomes) == 25
    assert summary.heading.county == ""


def test_figures_print_without_storage_zeros(session: Session, data: Dataset) -> None:
    surgery = summary_of(session, "2024Q3").outcomes[1]
    assert [str(x) for x in (surgery.quarter, surgery.previous, surgery.change)] == [
        "7.5",
        "6",
        "25.0",
    ]
    assert summary_of(session, "2024Q3").to_json()["outcomes"][1]["previous"] == 6


def test_made_on_defaults_to_today(session: Session, data: Dataset) -> None:
    with clock.frozen(datetime(2025, 1, 6, 10, 0)):
        made = quarterly_summary(session, Quarter(2024, 4)).heading.made_on
    assert made == date(2025, 1, 6)


def test_binning_a_person_removes_them_everywhere(session: Session, data: Dataset) -> None:
    before = summary_of(session, "2024Q3")
    person = session.get(Staff, data.staff["乙"])
    assert person is not None
    person.deleted_at = datetime(2024, 10, 9)
    session.commit()
    after = summary_of(session, "2024Q3")
    assert staff_line(after) == ([("医疗", 1), ("教育", 1), ("科技", 0), ("综合", 0)], 2, 1, 2)
    assert [(s.provisions, s.eligible, s.covered) for s in after.services] == [
        (0, 4, 2),
        (1, 4, 3),
        (2, 4, 2),
        (1, 4, 1),
        (10, 4, 4),
        (1, None, None),
    ]
    assert after.outcomes[1].quarter == D("3.5") and before.outcomes[1].quarter == D("7.5")
    assert [h.staff for h in after.highlights] == ["医疗队", "甲", "甲"]
    assert (after.mentorships.active, after.mentorships.new) == (3, 1)


def test_recent_summaries_end_with_the_quarter_oldest_first(
    session: Session, data: Dataset
) -> None:
    recent = recent_summaries(session, Quarter(2024, 3), count=4)
    assert [str(s.quarter) for s in recent] == ["2023Q4", "2024Q1", "2024Q2", "2024Q3"]
    assert [s.outcomes[1].quarter for s in recent] == [D("4"), D("3"), D("6"), D("7.5")]
    assert recent[-1] == quarterly_summary(
        session, Quarter(2024, 3), made_on=recent[-1].heading.made_on
    )


def test_the_number_of_queries_does_not_grow_with_people(session: Session, data: Dataset) -> None:
    """Aggregate queries per section: forty more people with records, not one more query."""
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", count)
    try:
        summary_of(session, "2024Q3")
        first = len(statements)
        for n in range(40):
            person = Staff(name=f"新{n}", field=Field.EDUCATION, start_date=date(2024, 1, 1))
            session.add(person)
            session.flush()
            session.add_all(
                [
                    ServiceProvision(
                        staff_id=person.id,
                        service_type_id=data.services["补助"],
                        date=date(2024, 8, 1),
                    ),
                    OutcomeEntry(
                        staff_id=person.id,
                        metric_id=data.metrics["听评课"],
                        date=date(2024, 8, 1),
                        value=1,
                    ),
                    Mentorship(mentor_id=person.id, mentee_name="徒", start_date=date(2024, 8, 1)),
                ]
            )
        session.commit()
        statements.clear()
        summary = summary_of(session, "2024Q3")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(statements) == first
    assert summary.staff.on_duty_total == 43 and summary.outcomes[2].quarter == D("48.1")


QUARTER = Quarter(2024, 3)
days = st.dates(min_value=date(2023, 10, 1), max_value=date(2024, 12, 31))
spans = st.tuples(days, st.integers(0, 500), st.booleans(), st.booleans())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(spans, max_size=12))
def test_head_count_identity(session: Session, people: list[tuple[date, int, bool, bool]]) -> None:
    """On duty at the end of Q = at the end of Q−1 + arrived − departed, for any dates."""
    session.execute(delete(Staff))
    for start, length, has_end, actual in people:
        end = start + timedelta(days=length) if has_end else None
        session.add(
            Staff(
                name="某",
                field=Field.GENERAL,
                start_date=start,
                planned_end=None if actual else end,
                actual_end=end if actual else None,
            )
        )
    session.flush()
    now, before = staff_figures(session, QUARTER), staff_figures(session, QUARTER.previous())
    assert now.on_duty_total == before.on_duty_total + now.arrived - now.departed
    session.rollback()
