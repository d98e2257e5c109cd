"""Entry for many: whom it proposes, one batch with one audit entry per row, undo as a
whole, and refusals naming the person and the field (report_dataset, 14 September 2024;
甲 and 乙 put in 医疗队)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import AuditEntry, Batch, ServiceProvision, Staff, Team
from app.errors import NeedsConfirmation, Refusal, ValidationError
from app.history.batches import undo_batch
from app.periods import Quarter
from app.records import commands
from app.services.coverage import coverage_counts
from app.services.entry_for_many import candidates, enter_for_many
from app.services.provisions import PROVISION
from tests.app.helpers import run
from tests.app.report_dataset import Dataset, build_dataset

DAY = date(2024, 9, 14)


@pytest.fixture
def data(session: Session) -> Iterator[Dataset]:
    built = build_dataset(session)
    team = session.scalars(select(Team.id).where(Team.name == "医疗队")).one()
    for name in ("甲", "乙"):
        person = session.get(Staff, built.staff[name])
        assert person is not None
        person.team_id = team
    session.commit()
    with clock.frozen(datetime(2024, 10, 8, 9, 0)):
        yield built


def team_id(session: Session) -> int:
    return session.scalars(select(Team.id).where(Team.name == "医疗队")).one()


def visits(session: Session, data: Dataset) -> tuple[int | None, int | None]:
    return tuple(coverage_counts(session, Quarter(2024, 3))[data.services["走访"]])  # type: ignore[return-value]


def test_it_proposes_the_on_duty_staff_of_a_team_or_field(session: Session, data: Dataset) -> None:
    visit = data.services["走访"]  # quarterly: 乙 has one on 30 September, 丙 on 1 July
    found = candidates(session, visit, DAY, team_id=team_id(session))
    # on duty on 14 September: not 戊 (left 10 August), 己, 庚 (comes in October) nor 辛
    assert [(c.name, c.team, c.already, c.proposed) for c in found] == [
        ("甲", "医疗队", (), True),  # by field, team, then name in 拼音: jiǎ, yǐ; bǐng, dīng
        ("乙", "医疗队", (date(2024, 9, 30),), True),
        ("丙", "", (date(2024, 7, 1),), False),
        ("丁", "", (), False),
    ]
    missing = candidates(session, visit, DAY, team_id=team_id(session), not_covered=True)
    assert [c.name for c in missing if c.proposed] == ["甲"]
    field = candidates(session, visit, DAY, field="education", not_covered=True)
    assert [c.name for c in field if c.proposed] == ["丁"]
    everyone = candidates(session, data.services["体检"], DAY)  # yearly: this year's checks
    assert {c.name: c.already for c in everyone} == {
        "乙": (date(2024, 7, 15),),
        "甲": (date(2024, 5, 14),),
        "丁": (date(2024, 9, 30),),
        "丙": (),
    }


def test_one_batch_one_audit_entry_per_row_and_one_undo(session: Session, data: Dataset) -> None:
    assert visits(session, data) == (5, 2)
    ids = run(
        session,
        enter_for_many,
        service_type_id=data.services["走访"],
        day=DAY,
        staff_ids=[data.staff["甲"], data.staff["丁"], data.staff["甲"]],  # 甲 ticked twice
        details="中秋走访",
        handled_by="王芳",
    )
    rows = session.execute(
        select(Staff.name, ServiceProvision.date, ServiceProvision.details)
        .join(Staff, Staff.id == ServiceProvision.staff_id)
        .where(ServiceProvision.id.in_(ids))
        .order_by(Staff.name)
    ).all()
    assert rows == [("丁", DAY, "中秋走访"), ("甲", DAY, "中秋走访")]
    batch = session.scalars(select(Batch)).one()
    assert (batch.kind, batch.rows_added, batch.made_by) == ("entry-for-many", 2, "李四")
    entries = session.execute(
        select(AuditEntry.action, AuditEntry.entity, AuditEntry.entity_id).where(
            AuditEntry.batch_id == batch.id
        )
    ).all()
    assert sorted(entries) == sorted(("create", "service_provision", i) for i in ids)
    assert visits(session, data) == (5, 4)

    run(session, undo_batch, batch.id)
    assert (
        session.scalar(
            select(func.count()).select_from(ServiceProvision).where(ServiceProvision.id.in_(ids))
        )
        == 0
    )
    assert visits(session, data) == (5, 2)
    with pytest.raises(Refusal, match="already undone"):
        run(session, undo_batch, batch.id)


def test_undo_is_refused_after_a_later_edit(session: Session, data: Dataset) -> None:
    ids = run(
        session,
        enter_for_many,
        service_type_id=data.services["走访"],
        day=DAY,
        staff_ids=[data.staff["甲"], data.staff["丁"]],
    )
    run(session, commands.update, PROVISION, ids[1], {"details": "补记"})
    batch = session.scalars(select(Batch.id)).one()
    with pytest.raises(Refusal, match="was changed after this batch"):
        run(session, undo_batch, batch)
    assert visits(session, data) == (5, 4)


def test_a_refused_row_names_the_person_and_the_field(session: Session, data: Dataset) -> None:
    before = session.scalar(select(func.count()).select_from(ServiceProvision))
    staff = [data.staff["甲"], data.staff["丁"]]
    with pytest.raises(ValidationError) as refused:
        run(
            session,
            enter_for_many,
            service_type_id=data.services["走访"],
            day=DAY,
            staff_ids=staff,
            amount="-1",
        )
    assert refused.value.lines() == [
        "甲 Amount (yuan): must not be negative",
        "丁 Amount (yuan): must not be negative",
    ]
    with pytest.raises(ValidationError, match="丁 Date: must not be after today"):
        run(
            session,
            enter_for_many,
            service_type_id=data.services["走访"],
            day="2024-10-09",
            staff_ids=staff,
        )
    with pytest.raises(ValidationError, match="tick at least one person"):
        run(session, enter_for_many, service_type_id=data.services["走访"], day=DAY, staff_ids=[])
    assert session.scalar(select(func.count()).select_from(ServiceProvision)) == before
    assert session.scalars(select(Batch)).all() == []


def test_cautions_are_asked_per_person_and_confirmed_once(session: Session, data: Dataset) -> None:
    values = {
        "service_type_id": data.services["走访"],
        "day": DAY,
        "staff_ids": [data.staff["乙"], data.staff["庚"], data.staff["甲"]],
    }
    with pytest.raises(NeedsConfirmation) as asked:
        run(session, enter_for_many, **values)
    assert asked.value.lines() == [
        "乙 Service: 乙 already has 走访 in this period (Quarterly): 2024-09-30",
        "庚 Date: is before 庚 arrived (2024-10-01)",
    ]
    ids = run(session, enter_for_many, **values, confirmed=asked.value.codes())
    assert len(ids) == 3
