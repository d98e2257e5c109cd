"""Domain services: every kind validates, audits and commits once, or writes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry, Metric, OutcomeEntry, Record, ServiceType, Staff
from app.db.vocabulary import Gender, ServiceRule
from app.errors import (
    InUseError,
    NeedsConfirmation,
    NotFoundError,
    QuarterClosedError,
    ValidationError,
)
from app.outcomes.entries import OUTCOME
from app.outcomes.mentorships import MENTORSHIP
from app.outcomes.metrics import METRIC, TARGET
from app.periods import Quarter
from app.records import commands
from app.records.closing import close_quarter, reopen_quarter
from app.records.kinds import get_live
from app.records.settings import get_setting, save_settings
from app.roster.id_numbers import id_check_char
from app.roster.staff import STAFF
from app.roster.units import TEAM, UNIT, set_team_leader
from app.services.catalog import SERVICE_TYPE
from app.services.provisions import PROVISION
from tests.app.helpers import run


def valid_id(birth: str = "19800501", sequence: str = "123") -> str:
    first17 = f"110105{birth}{sequence}"
    return first17 + id_check_char(first17)


def count(session: Session, model: type[Record]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def org(session: Session) -> dict[str, int]:
    sending = run(session, commands.create, UNIT, {"name": "北京丰台医院", "kind": "派出单位"})
    receiving = run(
        session, commands.create, UNIT, {"name": "扎赉特旗人民医院", "kind": "receiving"}
    )
    team = run(
        session,
        commands.create,
        TEAM,
        {"name": "医疗帮扶队", "field": "医疗", "receiving_unit_id": receiving},
    )
    return {"sending": sending, "receiving": receiving, "team": team}


def person(org: dict[str, int], **overrides: Any) -> dict[str, Any]:
    values = {
        "name": "张文",
        "field": "medical",
        "id_number": valid_id(),
        "sending_unit_id": org["sending"],
        "receiving_unit_id": org["receiving"],
        "team_id": org["team"],
        "start_date": "2022-07-15",
        "planned_end": "2025-07-14",
    }
    return {**values, **overrides}


def service_id(session: Session, name: str) -> int:
    return session.scalar(select(ServiceType.id).where(ServiceType.name == name))  # type: ignore[return-value]


def metric_id(session: Session, name: str) -> int:
    return session.scalar(select(Metric.id).where(Metric.name == name))  # type: ignore[return-value]


def test_create_staff_derives_birth_date_and_gender_and_audits(
    session: Session, org: dict[str, int]
) -> None:
    run(session, save_settings, {"clerk_name": "王丽"})
    staff_id = run(
        session, commands.create, STAFF, person(org, name=" 张　文 ", id_number=valid_id().lower())
    )
    staff = session.get(Staff, staff_id)
    assert staff is not None
    assert (staff.name, staff.birth_date, staff.gender) == ("张文", date(1980, 5, 1), Gender.MALE)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "staff")).one()
    assert (entry.action, entry.who, entry.entity_id) == ("create", "王丽", staff_id)
    assert entry.before is None and entry.after is not None
    assert entry.after["id_number"] == valid_id()


def test_invalid_staff_writes_nothing_and_names_every_field(
    session: Session, org: dict[str, int]
) -> None:
    audits = count(session, AuditEntry)
    bad = person(
        org, id_number="110105198005011230", planned_end="2020-01-01", field="体育", name=""
    )
    with pytest.raises(ValidationError) as raised:
        run(session, commands.create, STAFF, bad)
    assert set(raised.value.errors) == {"id_number", "planned_end", "field", "name"}
    assert "check digit" in raised.value.errors["id_number"][0]
    assert "Planned end" in str(raised.value)
    assert count(session, Staff) == 0 and count(session, AuditEntry) == audits


def test_id_number_is_unique_even_against_the_recycle_bin(
    session: Session, org: dict[str, int]
) -> None:
    first = run(session, commands.create, STAFF, person(org))
    with pytest.raises(ValidationError, match="already belongs to 张文"):
        run(session, commands.create, STAFF, person(org, name="李四", is_leader=False))
    run(session, commands.delete, STAFF, first)
    with pytest.raises(ValidationError, match="recycle bin"):
        run(session, commands.create, STAFF, person(org, name="李四"))
    assert count(session, Staff) == 1


def test_update_records_before_and_after(session: Session, org: dict[str, int]) -> None:
    staff_id = run(session, commands.create, STAFF, person(org))
    assert run(
        session, commands.update, STAFF, staff_id, {"post": "第一院长", "phone": "139 0000 1111"}
    )
    assert not run(
        session, commands.update, STAFF, staff_id, {"post": "第一院长"}
    )  # no change, no audit
    entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "update")).all()
    assert len(entries) == 1
    assert entries[0].before["post"] == "" and entries[0].after["post"] == "第一院长"
    assert entries[0].after["phone"] == "13900001111"


def test_soft_delete_restore_and_purge(session: Session, org: dict[str, int]) -> None:
    staff_id = run(session, commands.create, STAFF, person(org))
    run(
        session,
        commands.create,
        PROVISION,
        {
            "staff_id": staff_id,
            "service_type_id": service_id(session, "人才公寓"),
            "date": "2022-07-16",
        },
    )
    with pytest.raises(InUseError, match="not in the recycle bin"):
        run(session, commands.purge, STAFF, staff_id)
    run(session, commands.delete, STAFF, staff_id)
    assert session.get(Staff, staff_id).deleted_at is not None  # type: ignore[union-attr]
    with pytest.raises(NotFoundError, match="recycle bin"):
        run(session, commands.update, STAFF, staff_id, {"post": "x"})
    with pytest.raises(InUseError, match="1 service records"):
        run(session, commands.purge, STAFF, staff_id)  # history blocks erasing a person
    run(session, commands.restore, STAFF, staff_id)
    assert session.get(Staff, staff_id).deleted_at is None  # type: ignore[union-attr]
    actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "staff")).all()
    assert actions == ["create", "delete", "restore"]


def test_purge_erases_for_good(session: Session, org: dict[str, int]) -> None:
    staff_id = run(session, commands.create, STAFF, person(org))
    run(session, commands.delete, STAFF, staff_id)
    run(session, commands.purge, STAFF, staff_id)
    assert session.get(Staff, staff_id) is None
    assert session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()[-1] == "purge"


def test_referenced_unit_and_team_cannot_be_deleted(session: Session, org: dict[str, int]) -> None:
    run(session, commands.create, STAFF, person(org))
    with pytest.raises(InUseError, match="北京丰台医院 cannot be deleted: 1 staff were sent by it"):
        run(session, commands.delete, UNIT, org["sending"])
    with pytest.raises(InUseError, match="1 staff belong to it"):
        run(session, commands.delete, TEAM, org["team"])
    with pytest.raises(ValidationError, match="already exists"):
        run(session, commands.create, UNIT, {"name": "北京丰台医院", "kind": "sending"})


def test_staff_in_wrong_kind_of_unit_is_refused(session: Session, org: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as raised:
        run(session, commands.create, STAFF, person(org, sending_unit_id=org["receiving"]))
    assert "is a Receiving unit" in raised.value.errors["sending_unit_id"][0]


def test_one_leader_per_team(session: Session, org: dict[str, int]) -> None:
    zhang = run(session, commands.create, STAFF, person(org, is_leader=True))
    with pytest.raises(ValidationError, match="already has a leader: 张文"):
        run(
            session,
            commands.create,
            STAFF,
            person(org, name="李四", id_number=None, is_leader=True),
        )
    li = run(session, commands.create, STAFF, person(org, name="李四", id_number=None))
    run(session, set_team_leader, org["team"], li)
    assert not session.get(Staff, zhang).is_leader and session.get(Staff, li).is_leader  # type: ignore[union-attr]
    team = get_live(session, TEAM, org["team"])
    assert team.leader.name == "李四"
    with pytest.raises(ValidationError, match="member of the team"):
        run(session, set_team_leader, org["team"], 12345)


def test_provision_checks_staff_service_date_and_amount(
    session: Session, org: dict[str, int]
) -> None:
    staff_id = run(session, commands.create, STAFF, person(org))
    run(session, commands.delete, STAFF, staff_id)
    with pytest.raises(ValidationError) as raised:
        run(
            session,
            commands.create,
            PROVISION,
            {
                "staff_id": staff_id,
                "service_type_id": 9999,
                "date": "2024-13-01",
                "amount": "-5",
            },
        )
    errors = raised.value.errors
    assert "张文 is in the recycle bin" in errors["staff_id"][0]
    assert "no such record" in errors["service_type_id"][0]
    assert "not a date" in errors["date"][0] and "negative" in errors["amount"][0]


def test_outcome_values_must_be_numbers_of_a_known_metric(
    session: Session, org: dict[str, int]
) -> None:
    staff_id = run(session, commands.create, STAFF, person(org))
    surgery = metric_id(session, "手术")
    for value, message in (("-3", "negative"), ("很多", "not a number")):
        with pytest.raises(ValidationError, match=message):
            run(
                session,
                commands.create,
                OUTCOME,
                {
                    "date": "2024-08-31",
                    "staff_id": staff_id,
                    "metric_id": surgery,
                    "value": value,
                },
            )
    with pytest.raises(ValidationError, match="no such record"):
        run(
            session,
            commands.create,
            OUTCOME,
            {"date": "2024-08-31", "staff_id": staff_id, "metric_id": 9999, "value": 1},
        )
    with pytest.raises(ValidationError, match="choose a staff member or a team"):
        run(
            session,
            commands.create,
            OUTCOME,
            {"date": "2024-08-31", "metric_id": surgery, "value": 1},
        )
    entry = run(
        session,
        commands.create,
        OUTCOME,
        {"date": "2024-08-31", "team_id": org["team"], "metric_id": surgery, "value": "12"},
    )
    assert session.get(OutcomeEntry, entry).value == Decimal(12)  # type: ignore[union-attr]
    highlight = run(
        session,
        commands.create,
        OUTCOME,
        {
            "date": "2024-05-16",
            "staff_id": staff_id,
            "is_highlight": True,
            "description": "填补输尿管软镜钬激光碎石术空白",
        },
    )
    assert session.get(OutcomeEntry, highlight).metric_id is None  # type: ignore[union-attr]


def test_catalogs_are_editable_and_protected(session: Session, org: dict[str, int]) -> None:
    new = run(session, commands.create, SERVICE_TYPE, {"name": "健身卡", "rule": "每年"})
    assert session.get(ServiceType, new).rule == ServiceRule.YEARLY  # type: ignore[union-attr]
    staff_id = run(session, commands.create, STAFF, person(org))
    run(
        session,
        commands.create,
        PROVISION,
        {"staff_id": staff_id, "service_type_id": new, "date": "2024-03-01"},
    )
    with pytest.raises(InUseError, match="retire it instead"):
        run(session, commands.delete, SERVICE_TYPE, new)
    run(session, commands.update, SERVICE_TYPE, new, {"retired_on": "2024-06-01"})
    surgery = metric_id(session, "手术")
    run(
        session,
        commands.create,
        OUTCOME,
        {"date": "2024-08-31", "staff_id": staff_id, "metric_id": surgery, "value": 3},
    )
    with pytest.raises(NeedsConfirmation, match="counted as"):  # asked, see test_lists
        run(session, commands.update, METRIC, surgery, {"aggregation": "latest"})
    with pytest.raises(ValidationError, match="already exists"):
        run(session, commands.create, METRIC, {"name": "手术", "field": "医疗", "unit": "例"})
    run(
        session, commands.create, METRIC, {"name": "手术", "field": "综合", "unit": "例"}
    )  # other field


def test_targets_and_mentorships(session: Session, org: dict[str, int]) -> None:
    surgery = metric_id(session, "手术")
    run(session, commands.create, TARGET, {"metric_id": surgery, "year": 2024, "target_value": 40})
    with pytest.raises(ValidationError, match="already has a target for 2024"):
        run(
            session,
            commands.create,
            TARGET,
            {"metric_id": surgery, "year": 2024, "target_value": 50},
        )
    staff_id = run(session, commands.create, STAFF, person(org))
    with pytest.raises(ValidationError, match="before Start date"):
        run(
            session,
            commands.create,
            MENTORSHIP,
            {
                "mentor_id": staff_id,
                "mentee_name": "高峰",
                "start_date": "2024-01-01",
                "end_date": "2023-01-01",
            },
        )
    run(
        session,
        commands.create,
        MENTORSHIP,
        {"mentor_id": staff_id, "mentee_name": " 高 峰 ", "start_date": "2024-01-01"},
    )


def test_closed_quarter_refuses_changes_until_reopened(
    session: Session, org: dict[str, int]
) -> None:
    staff_id = run(session, commands.create, STAFF, person(org))
    apartment = service_id(session, "人才公寓")
    provision = run(
        session,
        commands.create,
        PROVISION,
        {"staff_id": staff_id, "service_type_id": apartment, "date": "2024-08-02"},
    )
    run(session, close_quarter, Quarter.parse("2024Q3"))
    values = {"staff_id": staff_id, "service_type_id": apartment, "date": "2024-09-30"}
    with pytest.raises(QuarterClosedError, match="2024Q3 is closed"):
        run(session, commands.create, PROVISION, values)
    with pytest.raises(QuarterClosedError):
        run(session, commands.update, PROVISION, provision, {"details": "更正"})
    with pytest.raises(QuarterClosedError):
        run(session, commands.update, PROVISION, provision, {"date": "2024-10-08"})  # moving it out
    with pytest.raises(QuarterClosedError):
        run(session, commands.delete, PROVISION, provision)
    run(  # next quarter is open (a second apartment is asked about, and confirmed)
        session, commands.create, PROVISION, {**values, "date": "2024-10-01"}, confirmed={"repeat"}
    )
    run(session, commands.update, STAFF, staff_id, {"phone": "13900001111"})  # not a report field
    with pytest.raises(ValidationError, match="why"):
        run(session, reopen_quarter, Quarter.parse("2024Q3"), reason=" ")
    run(session, reopen_quarter, Quarter.parse("2024Q3"), reason="补录遗漏的服务记录")
    run(session, commands.update, PROVISION, provision, {"details": "更正"})
    actions = session.scalars(
        select(AuditEntry.action).where(AuditEntry.entity == "quarter_close")
    ).all()
    assert actions == ["close"] * 9 + ["reopen"]  # one run: 2022Q3 (the first record) to 2024Q3


def test_settings_are_validated_and_audited(session: Session) -> None:
    with pytest.raises(ValidationError, match="1 to 999"):
        run(session, save_settings, {"backup_keep": "0"})
    run(session, save_settings, {"office_name": "扎赉特旗委组织部", "clerk_name": " 王丽 "})
    assert get_setting(session, "clerk_name") == "王丽"
    assert get_setting(session, "language") == "zh_CN"
    entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "setting")).one()
    assert entry.after == {"office_name": "扎赉特旗委组织部", "clerk_name": "王丽"}


def test_unknown_fields_are_refused(session: Session) -> None:
    with pytest.raises(ValidationError, match="not a field"):
        run(session, commands.create, UNIT, {"name": "x", "kind": "sending", "colour": "red"})
