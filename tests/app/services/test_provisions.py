"""A provision's bad input: refused with a message naming the field, nothing written;
unusual input asked once (before arrival, after leaving, a repeat in the rule's period)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import ServiceProvision
from app.errors import NeedsConfirmation, QuarterClosedError, ValidationError
from app.periods import Quarter
from app.records import commands
from app.records.closing import close_quarter
from app.services.provisions import PROVISION
from tests.app.helpers import run
from tests.app.report_dataset import Dataset, build_dataset


@pytest.fixture
def data(session: Session) -> Iterator[Dataset]:
    with clock.frozen(datetime(2024, 10, 8, 9, 30)):
        yield build_dataset(session)


def provisions(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ServiceProvision)) or 0


def values(data: Dataset, **changes: Any) -> dict[str, Any]:
    return {
        "staff_id": data.staff["乙"],  # serving 2024-07-01 → 2026-06-30
        "service_type_id": data.services["入学协调"],
        "date": "2024-10-08",
        **changes,
    }


def refused(session: Session, data: Dataset, **changes: Any) -> dict[str, list[str]]:
    before = provisions(session)
    with pytest.raises(ValidationError) as error:
        run(session, commands.create, PROVISION, values(data, **changes))
    assert provisions(session) == before
    return error.value.errors


def test_a_date_after_today_is_refused(session: Session, data: Dataset) -> None:
    assert refused(session, data, date="2024-10-09") == {
        "date": ["must not be after today (2024-10-08)"]
    }
    run(session, commands.create, PROVISION, values(data))  # today itself is fine


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "must not be negative"),
        ("五百", "五百 is not a number"),
        ("12.345", "at most 2 decimal places"),
    ],
)
def test_a_bad_amount_is_refused(
    session: Session, data: Dataset, amount: str, message: str
) -> None:
    errors = refused(session, data, amount=amount)
    assert errors == {"amount": [message]}


def test_amounts_clerks_type_are_read(session: Session, data: Dataset) -> None:
    new = run(session, commands.create, PROVISION, values(data, amount="1,200.5"))
    assert str(session.get(ServiceProvision, new).amount) == "1200.50"  # type: ignore[union-attr]


def test_a_closed_quarter_is_named(session: Session, data: Dataset) -> None:
    run(session, close_quarter, Quarter(2024, 3))
    with pytest.raises(QuarterClosedError, match=r"^2024Q3 is closed"):
        run(session, commands.create, PROVISION, values(data, date="2024-09-30"))


@pytest.mark.parametrize(
    ("who", "day", "code", "message"),
    [
        ("丁", "2024-08-15", "before-arrival", "is before 丁 arrived (2024-08-16)"),
        ("戊", "2024-08-11", "after-departure", "is after 戊's last day served (2024-08-10)"),
    ],
)
def test_outside_the_assignment_is_asked_once(
    session: Session, data: Dataset, who: str, day: str, code: str, message: str
) -> None:
    asked = values(data, staff_id=data.staff[who], date=day)
    before = provisions(session)
    with pytest.raises(NeedsConfirmation) as error:
        run(session, commands.create, PROVISION, asked)
    assert [(c.code, c.field, c.message) for c in error.value.cautions] == [(code, "date", message)]
    assert provisions(session) == before
    run(session, commands.create, PROVISION, asked, confirmed={code})
    assert provisions(session) == before + 1


def test_a_repeat_in_the_rules_period_is_asked(session: Session, data: Dataset) -> None:
    """乙 had 慰问 (half-yearly) on 1 July: another in the second half is a repeat."""
    festival = values(data, service_type_id=data.services["慰问"], date="2024-09-14")
    with pytest.raises(NeedsConfirmation) as error:
        run(session, commands.create, PROVISION, festival)
    assert error.value.lines() == [
        "Service: 乙 already has 慰问 in this period (Half-yearly): 2024-07-01"
    ]
    run(session, commands.create, PROVISION, festival, confirmed={"repeat"})
    first_half = values(data, service_type_id=data.services["慰问"], date="2024-06-30")
    with pytest.raises(NeedsConfirmation, match="before 乙 arrived"):  # not a repeat
        run(session, commands.create, PROVISION, first_half)
