"""Names, units and teams in 拼音 order, surnames read as surnames (单 Shàn, 曾 Zēng)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app.db.listing import ListQuery
from app.db.models import Staff
from app.records import commands
from app.roster.lists import StaffList, Units
from app.roster.staff import STAFF
from app.roster.units import UNIT
from app.sort_keys import person_key, sort_key
from tests.app.helpers import run


def listed(session: Session, listing: StaffList | Units, **query: object) -> list[str]:
    ids = listing.ids(session, ListQuery(**query))  # type: ignore[arg-type]
    rows = listing.rows(session, ids)
    return [rows[i][0] for i in ids]


def test_the_staff_list_sorted_by_name_reads_surnames_as_surnames(session: Session) -> None:
    # Read 单 as dān and 曾 as céng (the characters' commonest readings, and Excel's
    # order) and 单明 comes before 丁一, 曾强 before 陈红: both wrong for a surname.
    for name in ("张伟", "单明", "曾强", "邵华", "丁一", "陈红"):
        values = {"name": name, "field": "medical", "start_date": date(2024, 1, 1)}
        run(session, commands.create, STAFF, values)
    assert listed(session, StaffList()) == ["陈红", "丁一", "单明", "邵华", "曾强", "张伟"]
    assert listed(session, StaffList(), sort_key="name", descending=True) == [
        "张伟", "曾强", "邵华", "单明", "丁一", "陈红"
    ]  # fmt: skip


def test_keys_by_hand() -> None:
    assert person_key("单雄信") == "shan4 xiong2 xin4"
    assert person_key("曾国藩") == "zeng1 guo2 fan1"
    assert person_key("解缙") == "xie4 jin4"
    assert [person_key(name)[:4] for name in ("区", "仇", "朴")] == ["ou1", "qiu2", "piao"]
    assert person_key("尉迟恭") == "yu4 chi2 gong1"
    assert sort_key("单位") == "dan1 wei4"  # not a person: the ordinary reading


def test_the_key_follows_every_write_of_the_name(session: Session) -> None:
    staff_id = run(
        session,
        commands.create,
        STAFF,
        {"name": "曾强", "field": "medical", "start_date": "2024-01-01"},
    )
    run(session, commands.update, STAFF, staff_id, {"name": "单明"})
    assert session.scalar(select(Staff.name_key).where(Staff.id == staff_id)) == "shan4 ming2"
    for name in ("长沙市中心医院", "北京丰台医院", "扎赉特旗人民医院"):
        run(session, commands.create, UNIT, {"name": name, "kind": "receiving"})
    assert listed(session, Units()) == ["北京丰台医院", "长沙市中心医院", "扎赉特旗人民医院"]
    # The key is a plain indexed text column (portable: no collation).
    indexes = inspect(session.connection()).get_indexes("staff")
    assert "ix_staff_name_key" in {index["name"] for index in indexes}
