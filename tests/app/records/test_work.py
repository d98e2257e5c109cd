"""The write path: a command's changes, its actor, cautions, cancelling, batches and undo."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.ledger import Ledger
from app.db.models import AuditEntry, Batch, QuarterClose, Staff, Unit
from app.errors import (
    Cancelled,
    NeedsConfirmation,
    NotAllowed,
    Refusal,
    ValidationError,
)
from app.history.batches import undo_batch
from app.periods import Quarter
from app.records import commands
from app.records.closing import close_quarter
from app.records.commands import RowWrite, write_rows
from app.records.settings import save_settings
from app.records.work import Actor, Changes, Work, perform, unit_of_work
from app.roster import staff as staff_rules
from app.roster.id_numbers import id_check_char
from app.roster.staff import STAFF
from app.roster.units import UNIT
from app.services.provisions import PROVISION
from tests.app.helpers import run, service_id

CLERK = Actor("李会计")


def count(session: Session, model: Any) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def person(**values: Any) -> dict[str, Any]:
    return {"name": "张文", "field": "medical", "start_date": "2024-07-01", **values}


def test_a_command_reports_what_it_changed_by_kind_and_id(ledger: Ledger) -> None:
    created = perform(ledger, lambda work: commands.create(work, STAFF, person()), actor=CLERK)
    staff_id = created.value
    assert created.changes.created == {"staff": [staff_id]} and not created.changes.updated
    assert created.changes.created_id("staff") == staff_id

    changed = perform(
        ledger,
        lambda work: commands.update(work, STAFF, staff_id, {"post": "第一院长"}),
        actor=CLERK,
    )
    assert changed.value is True and changed.changes.updated == {"staff": [staff_id]}
    removed = perform(ledger, lambda work: commands.delete(work, STAFF, staff_id), actor=CLERK)
    assert removed.changes.removed == {"staff": [staff_id]}
    settings = perform(
        ledger, lambda work: save_settings(work, {"county": "扎赉特旗"}), actor=CLERK
    )
    assert settings.changes.entities == {"setting"} and settings.changes.touches({"setting"})


def test_nothing_changed_is_no_change() -> None:
    assert not Changes() and Changes.of("staff").entities == {"staff"}


def test_the_actor_travels_with_the_work_into_audit_and_closing(ledger: Ledger) -> None:
    with ledger.session() as session:
        run(session, save_settings, {"clerk_name": "王丽"})  # the setting names someone else
    perform(ledger, lambda work: commands.create(work, STAFF, person()), actor=CLERK)
    perform(ledger, lambda work: close_quarter(work, Quarter(2024, 3)), actor=CLERK)
    with ledger.session() as session:
        assert session.scalars(select(AuditEntry.who).order_by(AuditEntry.id.desc())).first() == (
            "李会计"
        )
        assert session.scalars(select(QuarterClose.closed_by)).one() == "李会计"


def test_a_read_only_ledger_refuses_every_command(ledger: Ledger) -> None:
    ledger.backend.read_only = "只读（测试）"
    with pytest.raises(NotAllowed, match="只读"):
        perform(ledger, lambda work: commands.create(work, STAFF, person()), actor=CLERK)


def provision(session: Session, staff_id: int, day: str) -> dict[str, Any]:
    return {"staff_id": staff_id, "service_type_id": service_id(session, "人才公寓"), "date": day}


def test_a_caution_stops_the_command_until_it_is_confirmed(session: Session) -> None:
    staff_id = run(session, commands.create, STAFF, person())
    early = provision(session, staff_id, "2024-06-25")
    with pytest.raises(NeedsConfirmation) as asked:
        run(session, commands.create, PROVISION, early)
    assert asked.value.codes() == {"before-arrival"}
    assert asked.value.lines() == ["Date: is before 张文 arrived (2024-07-01)"]
    assert count(session, PROVISION.model) == 0  # nothing written while unconfirmed
    run(session, commands.create, PROVISION, early, confirmed=asked.value.codes())
    assert count(session, PROVISION.model) == 1


def test_a_cancelled_command_writes_nothing(session: Session) -> None:
    with pytest.raises(Cancelled), unit_of_work(session, CLERK, cancelled=lambda: True) as work:
        commands.create(work, STAFF, person())
    assert count(session, Staff) == 0


def roster_rows(*names: str, **values: Any) -> list[RowWrite]:
    return [
        RowWrite(f"第 {row} 行", STAFF, person(name=name, **values))
        for row, name in enumerate(names, start=2)
    ]


def test_a_batch_reports_every_refused_row_and_writes_nothing(session: Session) -> None:
    rows = roster_rows("张文", "", "李四")
    rows[2] = RowWrite("第 4 行", STAFF, person(name="李四", start_date="去年"))
    with pytest.raises(ValidationError) as refused, unit_of_work(session, CLERK) as work:
        write_rows(work, rows)
    assert set(refused.value.rows) == {"第 3 行", "第 4 行"}
    assert refused.value.lines() == [
        "第 3 行 Name: must not be empty",
        "第 4 行 Start date: 去年 is not a date; write it as 2024-07-01",
    ]
    assert count(session, Staff) == 0 and count(session, AuditEntry) == 0


def test_a_row_the_database_refuses_at_flush_is_named(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A concurrent writer can slip past our checks; the database's constraint names the row."""
    monkeypatch.setattr(staff_rules, "_check_id_unique", lambda *args: None)
    number = "11010519900101123" + id_check_char("11010519900101123")
    rows = roster_rows("张文", "李四", id_number=number)
    with pytest.raises(ValidationError) as refused, unit_of_work(session, CLERK) as work:
        write_rows(work, rows)
    assert list(refused.value.rows) == ["第 3 行"]
    assert "conflicts with a record saved meanwhile" in refused.value.lines()[0]
    assert count(session, Staff) == 0


def batch_of(work: Work, names: tuple[str, ...], renamed: int | None = None) -> int:
    batch = work.begin_batch("import-staff", file_name="名册.xlsx", checksum="ab12")
    write_rows(work, roster_rows(*names))
    if renamed is not None:
        commands.update(work, STAFF, renamed, {"post": "副院长"})
    return batch.id


def test_a_batch_is_recorded_and_undone_as_a_whole(session: Session) -> None:
    earlier = run(session, commands.create, STAFF, person(name="王五", post="医生"))
    batch_id = run(session, batch_of, ("张文", "李四"), renamed=earlier)
    batch = session.get(Batch, batch_id)
    assert batch is not None and (batch.rows_added, batch.rows_updated) == (2, 1)
    assert batch.made_by == "" and batch.file_name == "名册.xlsx"
    assert count(session, Staff) == 3

    run(session, undo_batch, batch_id, actor=CLERK)
    assert session.scalars(select(Staff.name)).all() == ["王五"]
    assert session.get(Staff, earlier).post == "医生"  # type: ignore[union-attr]
    assert session.get(Batch, batch_id).undone_by == "李会计"  # type: ignore[union-attr]
    with pytest.raises(Refusal, match="already undone"):
        run(session, undo_batch, batch_id)


def test_undo_is_refused_when_later_work_touched_the_batchs_records(session: Session) -> None:
    batch_id = run(session, batch_of, ("张文",))
    zhang = session.scalars(select(Staff.id)).one()
    run(session, commands.update, STAFF, zhang, {"phone": "13812345678"})
    with pytest.raises(Refusal, match="changed after this batch"):
        run(session, undo_batch, batch_id)
    assert count(session, Staff) == 1


def test_undo_is_refused_while_a_later_record_uses_one_the_batch_made(session: Session) -> None:
    batch_id = run(session, batch_of, ("张文",))
    zhang = session.scalars(select(Staff.id)).one()
    run(session, commands.create, PROVISION, provision(session, zhang, "2024-07-02"))
    with pytest.raises(Refusal, match="used since"):
        run(session, undo_batch, batch_id)
    assert count(session, Staff) == 1


def test_units_made_on_demand_in_a_batch_go_with_it(session: Session) -> None:
    def command(work: Work) -> int:
        batch = work.begin_batch("import-staff")
        unit = commands.create(work, UNIT, {"name": "北京丰台医院", "kind": "sending"})
        write_rows(work, roster_rows("张文", sending_unit_id=unit))
        return batch.id

    batch_id = run(session, command)
    run(session, undo_batch, batch_id)
    assert count(session, Staff) == 0 and count(session, Unit) == 0
