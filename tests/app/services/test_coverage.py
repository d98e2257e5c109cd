"""The coverage rule (DESIGN.md §5): windows, counts and matrix cells on report_dataset."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from app.db.vocabulary import CoverageStatus, ServiceRule
from app.periods import Quarter
from app.roster.duty import Serving
from app.services.coverage import (
    Provided,
    QuarterCoverage,
    Window,
    coverage_counts,
    load_coverage,
    period_containing,
    windows,
)
from tests.app.report_dataset import Dataset, build_dataset

Q3 = Quarter(2024, 3)
DONE, DUE, OVERDUE, NA = (
    CoverageStatus.DONE,
    CoverageStatus.DUE,
    CoverageStatus.OVERDUE,
    CoverageStatus.NOT_APPLICABLE,
)
RULES = {
    "公寓": ServiceRule.ONCE,
    "体检": ServiceRule.YEARLY,
    "慰问": ServiceRule.HALF_YEARLY,
    "走访": ServiceRule.QUARTERLY,
    "补助": ServiceRule.MONTHLY,
    "入学协调": ServiceRule.ON_DEMAND,
}


@pytest.fixture
def data(session: Session) -> Dataset:
    return build_dataset(session)


@pytest.fixture
def q3(session: Session, data: Dataset) -> QuarterCoverage:
    return load_coverage(session, Q3)


def test_windows_of_each_rule() -> None:
    staying = Serving(1, date(2024, 8, 16), None)
    assert windows(ServiceRule.ONCE, Q3, staying) == [
        Window(date.min, date(2024, 9, 30), date(2024, 9, 14))
    ]
    assert windows(ServiceRule.YEARLY, Q3, staying) == [
        Window(date(2024, 1, 1), date(2024, 9, 30), date(2024, 12, 31))
    ]
    assert windows(ServiceRule.HALF_YEARLY, Quarter(2024, 2), staying) == [
        Window(date(2024, 1, 1), date(2024, 6, 30), date(2024, 6, 30))
    ]
    assert windows(ServiceRule.QUARTERLY, Q3, staying) == [
        Window(date(2024, 7, 1), date(2024, 9, 30), date(2024, 9, 30))
    ]
    # arrived mid-August: August and September only
    assert windows(ServiceRule.MONTHLY, Q3, staying) == [
        Window(date(2024, 8, 1), date(2024, 8, 31), date(2024, 8, 31)),
        Window(date(2024, 9, 1), date(2024, 9, 30), date(2024, 9, 30)),
    ]
    assert windows(ServiceRule.ON_DEMAND, Q3, staying) is None


def test_windows_are_due_by_the_last_day_served() -> None:
    leaving = Serving(1, date(2023, 1, 1), date(2024, 7, 20))
    assert windows(ServiceRule.YEARLY, Q3, leaving) == [
        Window(date(2024, 1, 1), date(2024, 9, 30), date(2024, 7, 20))
    ]
    assert windows(ServiceRule.MONTHLY, Q3, leaving) == [
        Window(date(2024, 7, 1), date(2024, 7, 31), date(2024, 7, 20))
    ]


def test_counts_per_active_service(session: Session, data: Dataset) -> None:
    counts = coverage_counts(session, Q3)
    assert {name: tuple(counts[data.services[name]]) for name in RULES} == {
        "公寓": (5, 3),
        "体检": (5, 4),
        "慰问": (5, 3),
        "走访": (5, 2),
        "补助": (5, 4),
        "入学协调": (None, None),
    }
    assert set(counts) == {data.services[name] for name in RULES}  # not retired or binned
    assert counts[data.services["补助"]].rate == 0.8
    assert counts[data.services["入学协调"]].rate is None


def test_the_matrix_of_2024q3_as_of_8_october(q3: QuarterCoverage, data: Dataset) -> None:
    as_of = date(2024, 10, 8)
    people = ("甲", "乙", "丙", "丁", "戊", "己", "庚", "辛")
    matrix = {
        name: [
            q3.status(data.staff[name], data.services[s], rule, as_of=as_of)
            for s, rule in RULES.items()
        ]
        for name in people
    }
    assert matrix == {
        # 公寓  体检   慰问     走访     补助     入学协调
        "甲": [DONE, DONE, DUE, OVERDUE, DONE, NA],
        "乙": [DONE, DONE, DONE, DONE, OVERDUE, NA],
        "丙": [OVERDUE, OVERDUE, DONE, DONE, DONE, NA],  # left 30 Sep: overdue after
        "丁": [OVERDUE, DONE, DUE, OVERDUE, DONE, NA],
        "戊": [DONE, DONE, DONE, OVERDUE, DONE, NA],
        "己": [NA] * 6,  # left 30 June
        "庚": [NA] * 6,  # comes 1 October
        "辛": [NA] * 6,  # in the recycle bin
    }


def test_counts_and_cells_agree(q3: QuarterCoverage, data: Dataset) -> None:
    for name, rule in RULES.items():
        service = data.services[name]
        done = [q3.status(person, service, rule) == DONE for person in q3.staff]
        assert q3.counts(service, rule).covered == (
            None if rule == ServiceRule.ON_DEMAND else sum(done)
        )


@pytest.mark.parametrize(
    ("who", "service", "last_due_day"),
    [
        ("丁", "公寓", date(2024, 9, 14)),  # arrived 16 August: overdue 30 days later
        ("丙", "体检", date(2024, 9, 30)),  # the year's window, but 丙 left on 30 September
        ("丁", "慰问", date(2024, 12, 31)),  # the second half of the year
        ("丁", "走访", date(2024, 9, 30)),
        ("乙", "补助", date(2024, 8, 31)),  # August is missing
    ],
)
def test_due_until_the_window_closes_then_overdue(
    q3: QuarterCoverage, data: Dataset, who: str, service: str, last_due_day: date
) -> None:
    def cell(as_of: date) -> CoverageStatus:
        return q3.status(data.staff[who], data.services[service], RULES[service], as_of=as_of)

    assert cell(last_due_day) == DUE
    assert cell(last_due_day + timedelta(days=1)) == OVERDUE


def test_a_provision_after_the_quarter_counts_for_the_next(session: Session, data: Dataset) -> None:
    """丁's apartment is dated 2 October: missing in 2024Q3, done in 2024Q4."""
    q4 = load_coverage(session, Quarter(2024, 4))
    assert q4.status(data.staff["丁"], data.services["公寓"], ServiceRule.ONCE) == DONE


# ----------------------------------------------------------------- hand-computed edge cases
Q1 = Quarter(2024, 1)  # 2024 is a leap year: February has 29 days


def cell(person: Serving, rule: ServiceRule, dates: list[date], as_of: date) -> CoverageStatus:
    """One person's cell for one service in 2024Q1 with provisions on `dates`."""
    provided = {(person.staff_id, 7): [Provided(day, n) for n, day in enumerate(dates)]}
    coverage = QuarterCoverage(Q1, {person.staff_id: person}, provided)
    return coverage.status(person.staff_id, 7, rule, as_of=as_of)


def test_a_once_service_is_due_for_30_days_from_arrival_then_overdue() -> None:
    # arrived 31 January: day 30 of the assignment is the leap day 29 February
    person = Serving(1, date(2024, 1, 31), None)
    assert windows(ServiceRule.ONCE, Q1, person) == [
        Window(date.min, date(2024, 3, 31), date(2024, 2, 29))
    ]
    assert cell(person, ServiceRule.ONCE, [], date(2024, 2, 29)) == DUE
    assert cell(person, ServiceRule.ONCE, [], date(2024, 3, 1)) == OVERDUE
    # a provision before arrival (an apartment arranged ahead) still counts
    assert cell(person, ServiceRule.ONCE, [date(2024, 1, 20)], date(2024, 3, 1)) == DONE


def test_monthly_over_the_leap_day() -> None:
    person = Serving(1, date(2024, 2, 29), None)  # arrives on the leap day
    assert windows(ServiceRule.MONTHLY, Q1, person) == [
        Window(date(2024, 2, 1), date(2024, 2, 29), date(2024, 2, 29)),
        Window(date(2024, 3, 1), date(2024, 3, 31), date(2024, 3, 31)),
    ]
    assert cell(person, ServiceRule.MONTHLY, [date(2024, 3, 5)], date(2024, 3, 1)) == OVERDUE
    assert cell(person, ServiceRule.MONTHLY, [date(2024, 2, 29)], date(2024, 3, 1)) == DUE
    both = [date(2024, 2, 29), date(2024, 3, 31)]
    assert cell(person, ServiceRule.MONTHLY, both, date(2024, 4, 1)) == DONE


def test_leaving_mid_quarter_ends_every_window_on_the_last_day() -> None:
    person = Serving(1, date(2023, 3, 1), date(2024, 2, 29))  # leaves on the leap day
    assert windows(ServiceRule.QUARTERLY, Q1, person) == [
        Window(date(2024, 1, 1), date(2024, 3, 31), date(2024, 2, 29))
    ]
    assert windows(ServiceRule.MONTHLY, Q1, person) == [
        Window(date(2024, 1, 1), date(2024, 1, 31), date(2024, 1, 31)),
        Window(date(2024, 2, 1), date(2024, 2, 29), date(2024, 2, 29)),
    ]  # March is not owed
    assert cell(person, ServiceRule.HALF_YEARLY, [], date(2024, 2, 29)) == DUE
    assert cell(person, ServiceRule.HALF_YEARLY, [], date(2024, 3, 1)) == OVERDUE
    # a provision after the quarter does not count for it
    assert cell(person, ServiceRule.YEARLY, [date(2024, 4, 2)], date(2024, 3, 1)) == OVERDUE


def test_arriving_on_the_quarters_last_day() -> None:
    person = Serving(1, date(2024, 3, 31), None)
    assert windows(ServiceRule.MONTHLY, Q1, person) == [
        Window(date(2024, 3, 1), date(2024, 3, 31), date(2024, 3, 31))
    ]
    assert cell(person, ServiceRule.QUARTERLY, [], date(2024, 3, 31)) == DUE
    assert cell(person, ServiceRule.QUARTERLY, [date(2024, 3, 31)], date(2024, 4, 1)) == DONE


@pytest.mark.parametrize(
    ("rule", "day", "period"),
    [
        (ServiceRule.ONCE, date(2024, 2, 29), (date.min, date.max)),
        (ServiceRule.YEARLY, date(2024, 2, 29), (date(2024, 1, 1), date(2024, 12, 31))),
        (ServiceRule.HALF_YEARLY, date(2024, 6, 30), (date(2024, 1, 1), date(2024, 6, 30))),
        (ServiceRule.HALF_YEARLY, date(2024, 7, 1), (date(2024, 7, 1), date(2024, 12, 31))),
        (ServiceRule.QUARTERLY, date(2024, 8, 15), (date(2024, 7, 1), date(2024, 9, 30))),
        (ServiceRule.MONTHLY, date(2024, 2, 10), (date(2024, 2, 1), date(2024, 2, 29))),
        (ServiceRule.MONTHLY, date(2023, 2, 10), (date(2023, 2, 1), date(2023, 2, 28))),
        (ServiceRule.ON_DEMAND, date(2024, 5, 4), (date(2024, 5, 4), date(2024, 5, 4))),
    ],
)
def test_the_period_around_a_day(rule: ServiceRule, day: date, period: tuple[date, date]) -> None:
    assert period_containing(rule, day) == period
