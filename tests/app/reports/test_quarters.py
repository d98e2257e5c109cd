"""Which quarters the Reports page offers, which it starts on, and a quarter's closing state."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from app import clock
from app.periods import Quarter
from app.records.closing import close_quarter, closing_state, first_record_day, reopen_quarter
from app.reports.quarters import default_report_quarter, report_quarters
from tests.app.helpers import run

Q = Quarter.parse


def test_an_empty_ledger_offers_only_the_current_quarter(session: Session) -> None:
    assert first_record_day(session) is None
    quarters = report_quarters(session, date(2025, 2, 10))
    assert quarters == [Q("2025Q1")]
    assert default_report_quarter(quarters, date(2025, 2, 10)) == Q("2025Q1")


def test_the_demo_offers_its_first_record_to_today_and_starts_on_the_last_ended(
    demo_session: Session,
) -> None:
    assert first_record_day(demo_session) == date(2022, 6, 15)  # the science team arrived
    quarters = report_quarters(demo_session, date(2025, 1, 6))
    assert quarters[0] == Q("2022Q2") and quarters[-1] == Q("2025Q1")
    assert len(quarters) == 12 and quarters == sorted(quarters)
    assert default_report_quarter(quarters, date(2025, 1, 6)) == Q("2024Q4")
    assert default_report_quarter(quarters, date(2024, 9, 30)) == Q("2024Q2")  # Q3 not ended


def test_closing_state_follows_close_and_reopen(demo_session: Session) -> None:
    quarter = Q("2024Q3")
    assert closing_state(demo_session, quarter) is None
    with clock.frozen(datetime(2024, 10, 8, 14, 30)):
        run(demo_session, close_quarter, quarter)
    state = closing_state(demo_session, quarter)
    assert state is not None and state.is_closed
    assert (state.closed_at, state.closed_by) == (datetime(2024, 10, 8, 14, 30), "王丽")
    with clock.frozen(datetime(2024, 11, 2, 9, 0)):
        run(demo_session, reopen_quarter, quarter, reason="补录手术例数")
    state = closing_state(demo_session, quarter)
    assert state is not None and not state.is_closed
    assert (state.reopened_at, state.reopen_reason) == (datetime(2024, 11, 2, 9, 0), "补录手术例数")
    run(demo_session, close_quarter, quarter)  # closed again: the newest closing counts
    state = closing_state(demo_session, quarter)
    assert state is not None and state.is_closed and state.reopened_at is None
