"""The recycle bin lists what was deleted, per kind, newest first, with who deleted it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from app import clock
from app.history.recycle_bin import BIN_ENTITIES, NEWEST_FIRST, DeletedRecords, bin_counts
from app.outcomes.metrics import METRIC
from app.records import commands
from app.records.settings import save_settings
from app.roster.staff import STAFF
from app.services.provisions import PROVISION
from tests.app.helpers import metric_id, run, service_id, staff_id


def test_deleted_records_are_described_newest_first_with_who_deleted_them(
    demo_session: Session,
) -> None:
    assert set(bin_counts(demo_session).values()) == {0}
    first, second = staff_id(demo_session, "张文"), staff_id(demo_session, "刘建国")
    with clock.frozen(datetime(2025, 1, 6, 8, 0)):
        run(demo_session, commands.delete, STAFF, first)
    run(demo_session, save_settings, {"clerk_name": "李明"})
    with clock.frozen(datetime(2025, 1, 7, 8, 0)):
        run(demo_session, commands.delete, STAFF, second)
    headers, rows = DeletedRecords("staff").table(demo_session, NEWEST_FIRST)
    assert headers == ["Record", "Deleted at", "Deleted by"]
    assert rows == [
        ("刘建国", datetime(2025, 1, 7, 8, 0), "李明"),
        ("张文", datetime(2025, 1, 6, 8, 0), "王丽"),
    ]
    assert bin_counts(demo_session)["staff"] == 2

    run(demo_session, commands.restore, STAFF, first)
    assert [row[0] for row in DeletedRecords("staff").table(demo_session, NEWEST_FIRST)[1]] == [
        "刘建国"
    ]


def test_every_kind_with_a_bin_is_listed_by_its_own_description(demo_session: Session) -> None:
    assert len(BIN_ENTITIES) == 8
    provision = run(
        demo_session,
        commands.create,
        PROVISION,
        {
            "staff_id": staff_id(demo_session, "张文"),
            "service_type_id": service_id(demo_session, "就医绿色通道"),
            "date": "2025-01-03",
        },
        confirmed={"repeat"},  # 张文 has had one since arriving
    )
    run(demo_session, commands.delete, PROVISION, provision)
    run(
        demo_session,
        commands.update,
        METRIC,
        metric_id(demo_session, "新设科室"),
        {"active": False},
    )
    unused = run(demo_session, commands.create, METRIC, {"name": "义诊", "field": "medical"})
    run(demo_session, commands.delete, METRIC, unused)
    described = {
        entity: [row[0] for row in DeletedRecords(entity).table(demo_session, NEWEST_FIRST)[1]]
        for entity in BIN_ENTITIES
    }
    assert described["service_provision"] == ["就医绿色通道 for 张文 on 2025-01-03"]
    assert described["metric"] == ["义诊"]  # a deactivated metric is not in the bin
    assert described["staff"] == described["unit"] == []
