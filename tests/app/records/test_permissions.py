"""Roles and a clerk's field limit, checked in the one write path (issue #15)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry, Batch, Mentorship, Metric, OutcomeEntry, Staff, Team
from app.db.vocabulary import Field, Role
from app.errors import NotPermitted, ValidationError
from app.history.batches import undo_batch
from app.outcomes.entries import OUTCOME
from app.outcomes.grid import PeriodCell, save_period_values
from app.outcomes.mentorships import MENTORSHIP
from app.periods import Quarter
from app.records import commands
from app.records.closing import close_quarter
from app.records.commands import RowWrite, write_rows
from app.records.permissions import Permission, can
from app.records.settings import save_settings
from app.records.work import Actor
from app.roster.staff import STAFF
from app.roster.units import UNIT
from app.services.provisions import PROVISION
from tests.app.helpers import run, service_id

ADMIN = Actor("管理员甲", Role.ADMIN)
MEDICAL = Actor("李医", Role.CLERK, Field.MEDICAL)
CLERK = Actor("王填", Role.CLERK)
VIEWER = Actor("赵看", Role.VIEWER)


def audits(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def someone(session: Session, field: Field) -> Staff:
    return session.scalars(
        select(Staff).where(Staff.field == field, Staff.deleted_at.is_(None)).order_by(Staff.id)
    ).first()  # type: ignore[return-value]


def test_what_each_role_may_do() -> None:
    assert all(can(ADMIN, permission) for permission in Permission)
    assert [p for p in Permission if can(CLERK, p)] == [Permission.ENTER]
    assert not any(can(VIEWER, permission) for permission in Permission)


def test_a_viewer_writes_nothing(demo_session: Session) -> None:
    teacher = someone(demo_session, Field.EDUCATION)
    before = audits(demo_session)
    with pytest.raises(NotPermitted) as refused:
        run(
            demo_session, commands.update, STAFF, teacher.id, {"phone": "13900000000"}, actor=VIEWER
        )
    assert (
        str(refused.value) == "赵看 (Viewer) may not enter or change records; ask an administrator."
    )
    with pytest.raises(NotPermitted):
        run(demo_session, commands.delete, STAFF, teacher.id, actor=VIEWER)
    assert audits(demo_session) == before
    demo_session.expire_all()
    assert demo_session.get(Staff, teacher.id).deleted_at is None  # type: ignore[union-attr]


def test_a_clerk_limited_to_medical_keeps_to_medical_records(demo_session: Session) -> None:
    doctor = someone(demo_session, Field.MEDICAL)
    teacher = someone(demo_session, Field.EDUCATION)
    before = audits(demo_session)
    with pytest.raises(NotPermitted) as refused:
        run(
            demo_session,
            commands.update,
            STAFF,
            teacher.id,
            {"phone": "13900000000"},
            actor=MEDICAL,
        )
    assert str(refused.value) == (
        f"李医 (Clerk, Medical) enters only Medical records; {teacher.name} belongs to Education."
    )
    with pytest.raises(NotPermitted):  # moving a doctor out of medical
        run(demo_session, commands.update, STAFF, doctor.id, {"field": "education"}, actor=MEDICAL)
    with pytest.raises(NotPermitted):
        run(demo_session, commands.delete, STAFF, teacher.id, actor=MEDICAL)
    with pytest.raises(NotPermitted):  # a teacher's service record
        run(
            demo_session,
            commands.create,
            PROVISION,
            {
                "staff_id": teacher.id,
                "service_type_id": service_id(demo_session, "谈心谈话走访"),
                "date": date.today().isoformat(),
            },
            actor=MEDICAL,
        )
    assert audits(demo_session) == before
    assert run(
        demo_session, commands.update, STAFF, doctor.id, {"phone": "13900000001"}, actor=MEDICAL
    )
    assert audits(demo_session) == before + 1


def test_outcomes_and_mentorships_follow_their_person_or_team(demo_session: Session) -> None:
    teacher = someone(demo_session, Field.EDUCATION)
    team = demo_session.scalars(select(Team).where(Team.field == Field.EDUCATION)).first()
    assert team is not None
    metric = demo_session.scalars(select(Metric).where(Metric.field == Field.EDUCATION)).first()
    assert metric is not None
    day = max(teacher.start_date, date(2024, 1, 1)).isoformat()
    for values in (
        {"team_id": team.id, "metric_id": metric.id, "value": "3", "date": day},
        {"staff_id": teacher.id, "metric_id": metric.id, "value": "3", "date": day},
    ):
        with pytest.raises(NotPermitted):
            run(demo_session, commands.create, OUTCOME, values, actor=MEDICAL)
    with pytest.raises(NotPermitted):
        run(
            demo_session,
            commands.create,
            MENTORSHIP,
            {"mentor_id": teacher.id, "mentee_name": "小刘", "start_date": day},
            actor=MEDICAL,
        )
    assert (
        demo_session.scalar(
            select(func.count()).select_from(Mentorship).where(Mentorship.mentee_name == "小刘")
        )
        == 0
    )


def test_a_batch_with_a_row_outside_the_field_writes_nothing(demo_session: Session) -> None:
    doctor = someone(demo_session, Field.MEDICAL)
    teacher = someone(demo_session, Field.EDUCATION)
    before = audits(demo_session)
    rows = [
        RowWrite("第 2 行", STAFF, {"phone": "13900000002"}, doctor.id),
        RowWrite("第 3 行", STAFF, {"phone": "13900000003"}, teacher.id),
    ]
    with pytest.raises(ValidationError) as refused:
        run(demo_session, write_rows, rows, actor=MEDICAL)
    assert list(refused.value.rows) == ["第 3 行"]
    assert "belongs to Education" in refused.value.rows["第 3 行"][""][0]
    assert audits(demo_session) == before


def test_the_outcome_grid_refuses_another_fields_person(demo_session: Session) -> None:
    teacher = someone(demo_session, Field.EDUCATION)
    metric = demo_session.scalars(select(Metric).where(Metric.field == Field.EDUCATION)).first()
    assert metric is not None
    cells = [PeriodCell(teacher.id, None, metric.id, "5")]
    before = demo_session.scalar(select(func.count()).select_from(OutcomeEntry))
    with pytest.raises(NotPermitted):
        run(demo_session, save_period_values, "2024-03", cells, actor=MEDICAL)
    assert demo_session.scalar(select(func.count()).select_from(OutcomeEntry)) == before


def test_catalogs_settings_and_closing_are_an_administrators(session: Session) -> None:
    for command, args in (
        (commands.create, (UNIT, {"name": "某医院", "kind": "sending"})),
        (save_settings, ({"office_name": "组织部"},)),
        (close_quarter, (Quarter(2024, 1),)),
    ):
        with pytest.raises(NotPermitted):
            run(session, command, *args, actor=CLERK)
    assert audits(session) == 0
    run(session, commands.create, UNIT, {"name": "某医院", "kind": "sending"}, actor=ADMIN)


def test_a_clerk_undoes_their_own_batches_only(demo_session: Session) -> None:
    doctor = someone(demo_session, Field.MEDICAL)

    def one_row(actor: Actor, phone: str) -> int:
        def command(work):  # type: ignore[no-untyped-def]
            work.begin_batch("test")
            write_rows(work, [RowWrite("第 2 行", STAFF, {"phone": phone}, doctor.id)])
            return work.batch.id

        return run(demo_session, command, actor=actor)

    theirs = one_row(ADMIN, "13900000004")
    mine = one_row(MEDICAL, "13900000005")
    run(demo_session, undo_batch, mine, actor=MEDICAL)
    with pytest.raises(NotPermitted):
        run(demo_session, undo_batch, theirs, actor=MEDICAL)
    assert demo_session.get(Batch, theirs).undone_at is None  # type: ignore[union-attr]
