"""Reminders as of today, by hand on report_dataset (today = 10 September 2024)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy.orm import Session

from app import clock
from app.records import commands
from app.services.catalog import SERVICE_TYPE
from app.services.provisions import PROVISION
from app.services.reminders import ReminderKind, reminder_counts, reminders
from tests.app.helpers import run
from tests.app.report_dataset import Dataset, build_dataset

TODAY = datetime(2024, 9, 10, 9, 0)
OVERDUE, DUE, ENDING, PASSED = (
    ReminderKind.OVERDUE,
    ReminderKind.DUE,
    ReminderKind.ENDING,
    ReminderKind.END_PASSED,
)


@pytest.fixture
def data(session: Session) -> Dataset:
    return build_dataset(session)


def listed(session: Session) -> list[tuple[ReminderKind, str, str, date]]:
    with clock.frozen(TODAY):
        return [(item.kind, item.name, item.service, item.day) for item in reminders(session)]


def test_what_is_due_overdue_and_ending_on_10_september(session: Session, data: Dataset) -> None:
    assert listed(session) == [
        # 丙 never had an apartment: overdue since day 30 of the assignment
        (OVERDUE, "丙", "公寓", date(2023, 3, 30)),
        (OVERDUE, "乙", "补助", date(2024, 8, 31)),  # no August allowance
        (DUE, "丁", "公寓", date(2024, 9, 14)),  # arrived 16 August: 30 days
        (DUE, "丁", "走访", date(2024, 9, 30)),
        (DUE, "丙", "体检", date(2024, 9, 30)),  # the year's window, but 丙 leaves on 30 September
        (DUE, "甲", "走访", date(2024, 9, 30)),
        # 甲's and 丁's 慰问 are due by 31 December: more than 30 days away
        (ENDING, "丙", "", date(2024, 9, 30)),
        (PASSED, "己", "", date(2024, 6, 30)),  # planned ends passed, no actual end
        (PASSED, "戊", "", date(2024, 8, 10)),  # 戊 left: no service reminders for 戊
    ]
    with clock.frozen(TODAY):
        assert reminder_counts(reminders(session)) == {OVERDUE: 2, DUE: 4, ENDING: 1, PASSED: 2}


def test_reminders_follow_the_data(session: Session, data: Dataset) -> None:
    with clock.frozen(TODAY):
        run(
            session,
            commands.create,
            PROVISION,
            {"staff_id": data.staff["甲"], "service_type_id": data.services["走访"], "date": TODAY},
        )
        run(session, commands.update, SERVICE_TYPE, data.services["公寓"], {"retired_on": TODAY})
    shown = listed(session)
    assert (DUE, "甲", "走访", date(2024, 9, 30)) not in shown
    assert [item for item in shown if item[2] == "公寓"] == []  # no longer owed from today
    assert len([item for item in shown if item[0] in (OVERDUE, DUE)]) == 3


def test_reminders_look_at_today_not_a_chosen_quarter(session: Session, data: Dataset) -> None:
    """On 2 January 2025 the new quarter's windows count: 乙's August gap is history."""
    with clock.frozen(datetime(2025, 1, 2, 8, 0)):
        found = reminders(session)
    assert ("乙", "补助") in {(item.name, item.service) for item in found if item.kind == DUE}
    assert all(item.day >= date(2025, 1, 1) for item in found if item.kind == DUE)
    assert ("乙", "补助") not in {
        (item.name, item.service) for item in found if item.kind == OVERDUE
    }
