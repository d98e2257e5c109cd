"""The roster's lists and a person's file, on the demo ledger (21 staff, 3 teams)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db.ledger import Ledger
from app.db.listing import ListQuery
from app.db.models import AuditEntry, Staff, Team
from app.db.vocabulary import DutyState, Field, UnitKind
from app.demo.facts import BUILT_AT
from app.errors import ValidationError
from app.records import commands
from app.roster.lists import (
    StaffList,
    Teams,
    Units,
    team_choices,
    team_leader,
    team_members,
    unit_choices,
)
from app.roster.staff import STAFF
from app.roster.staff_file import staff_file
from app.roster.units import UNIT, save_team
from tests.app.helpers import run, staff_id


@pytest.fixture
def demo(demo_ledger: Ledger) -> Any:
    with demo_ledger.session() as session:
        yield session


def names(session: Session, **query: Any) -> list[str]:
    listing = StaffList()
    ids = listing.ids(session, ListQuery(**query))
    rows = listing.rows(session, ids)
    return [rows[i][0] for i in ids]


def team_id(session: Session, name: str) -> int:
    return session.scalars(select(Team.id).where(Team.name == name)).one()


def test_the_list_holds_every_live_staff_member_sorted_by_name(demo: Session) -> None:
    listed = names(demo)
    assert len(listed) == 21
    # 拼音 order, by hand: bái, chén, gāo, hú, huáng, lǐ chūn, lǐ huì, liú jiàn, liú yáng …
    assert listed == [
        "白玉梅",
        "陈磊",
        "高娜",
        "胡小蒙",
        "黄雅琪",
        "李春生",
        "李慧敏",
        "刘建国",
        "刘洋",
        "马晓东",
        "孙峰",
        "孙丽",
        "王志强",
        "吴琳",
        "徐兴健",
        "杨静",
        "张海涛",
        "张文",
        "赵晓燕",
        "郑伟",
        "周建华",
    ]


def test_search_looks_in_name_units_post_and_phone(demo: Session) -> None:
    assert names(demo, search="张文") == ["张文"]
    assert set(names(demo, search="农林科学院")) == {"徐兴健", "白玉梅", "张海涛", "李春生", "高娜"}
    assert set(names(demo, search="乡村振兴")) == {"刘建国"}  # receiving unit and post
    assert names(demo, search="备课组长 语文") == ["黄雅琪", "吴琳"]  # huáng before wú
    assert names(demo, search="100%_") == []  # LIKE wildcards are plain characters


def test_each_filter_reduces_the_rows(demo: Session) -> None:
    assert len(names(demo, filters={"field": Field.TECHNOLOGY.value})) == 5
    with clock.frozen(BUILT_AT):
        assert set(names(demo, filters={"status": DutyState.ENDED_EARLY.value})) == {"吴琳"}
    education = team_id(demo, "教育帮扶团队")
    assert len(names(demo, filters={"team_id": education})) == 7
    hospital = next(i for i, name in unit_choices(demo) if name == "扎赉特旗人民医院")
    assert len(names(demo, filters={"receiving_unit_id": hospital})) == 8
    # Stored as completed, but no actual end: the departure is still to confirm.
    both = {"field": Field.MEDICAL.value, "status": DutyState.AWAITING_DEPARTURE.value}
    with clock.frozen(BUILT_AT):
        assert set(names(demo, filters=both)) == {"李慧敏", "王志强"}
    assert len(names(demo, filters={"field": ""})) == 21  # "all" is no filter


def test_sorting_by_a_joined_column_keeps_blanks_last(demo: Session) -> None:
    listed = names(demo, sort_key="team")
    assert listed[-1] == "刘建国"  # the only person without a team
    assert names(demo, sort_key="team", descending=True)[-1] == "刘建国"
    starts = names(demo, sort_key="start_date", descending=True)
    assert starts[0] == "高娜"  # arrived 2024-06-01, the latest


def test_rows_mask_the_id_number_and_mark_the_leader(demo: Session) -> None:
    listing = StaffList()
    keys = [column.key for column in listing.columns()]
    person = staff_id(demo, "张文")
    row = dict(zip(keys, listing.rows(demo, [person])[person], strict=True))
    number = demo.get(Staff, person).id_number  # type: ignore[union-attr]
    assert row["id_number"] == number[:6] + "********" + number[-4:]
    assert row["is_leader"] == "✓"
    assert row["team"] == "医疗帮扶队"
    assert row["sending_unit"] == "北京丰台医院"
    assert row["start_date"] == date(2022, 7, 15)


def test_a_deleted_person_leaves_the_list(demo: Session) -> None:
    run(demo, commands.delete, STAFF, staff_id(demo, "高娜"))
    assert "高娜" not in names(demo)


def test_units_and_teams_lists(demo: Session) -> None:
    unit_ids = Units().ids(demo, ListQuery(search="丰台"))
    assert len(unit_ids) == 4  # by name or by region (北京市丰台区)
    teams = Teams()
    ids = teams.ids(demo, ListQuery())
    keys = [column.key for column in teams.columns()]
    rows = {row[0]: dict(zip(keys, row, strict=True)) for row in teams.rows(demo, ids).values()}
    assert rows["医疗帮扶队"]["leader"] == "张文"
    assert rows["医疗帮扶队"]["members"] == 8
    assert rows["科技特派团"]["receiving_unit"] == "扎赉特旗农牧和科技局"


def test_form_choices(demo: Session) -> None:
    sending = [name for _, name in unit_choices(demo, UnitKind.SENDING)]
    assert "北京丰台医院" in sending and "扎赉特旗人民医院" not in sending
    # 拼音 order: jiào, kē, yī
    assert [name for _, name in team_choices(demo)] == ["教育帮扶团队", "科技特派团", "医疗帮扶队"]
    members = team_members(demo, team_id(demo, "教育帮扶团队"))
    assert members[0][1] == "胡小蒙"  # the leader first
    assert len(members) == 7


def test_a_persons_file_lists_their_history(demo: Session) -> None:
    file = staff_file(demo, staff_id(demo, "徐兴健"))
    facts = dict(file.facts)
    assert facts["Team"] == "科技特派团 (leader)"
    assert facts["Sending unit"] == "北京市农林科学院"
    assert facts["ID number"].count("*") == 8
    assert file.provisions and file.provisions[0].date >= file.provisions[-1].date
    assert any(line.metric == "亩产" for line in file.outcomes)
    assert any(line.metric == "示范基地" for line in file.outcomes)  # the team's entries too
    assert file.mentees


def test_save_team_changes_the_team_and_its_leader_at_once(demo: Session) -> None:
    team = team_id(demo, "教育帮扶团队")
    new_leader = staff_id(demo, "孙峰")
    run(demo, save_team, team, {"batch": "2022年第二批"}, leader_id=new_leader)
    assert team_leader(demo, team) == new_leader
    assert demo.get(Team, team).batch == "2022年第二批"  # type: ignore[union-attr]


def test_save_team_with_a_foreign_leader_writes_nothing(demo: Session) -> None:
    team = team_id(demo, "教育帮扶团队")
    before = demo.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()))
    with pytest.raises(ValidationError) as refused:
        run(demo, save_team, team, {"batch": "改过"}, leader_id=staff_id(demo, "张文"))
    assert "leader" in refused.value.errors
    demo.expire_all()
    assert demo.get(Team, team).batch == "2022年第一批"  # type: ignore[union-attr]
    assert team_leader(demo, team) == staff_id(demo, "胡小蒙")
    assert demo.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc())) == before


def test_search_ignores_letter_case_on_any_backend(session: Session) -> None:
    """ILIKE, not SQLite's LIKE: the same search finds the same rows on a server."""
    unit = run(
        session, commands.create, UNIT, {"name": "Beijing Fengtai Hospital", "kind": "sending"}
    )
    run(
        session,
        commands.create,
        STAFF,
        {"name": "张文", "field": "medical", "start_date": "2024-07-01", "sending_unit_id": unit},
    )
    for text in ("beijing", "FENGTAI", "Hospital"):
        assert len(StaffList().ids(session, ListQuery(search=text))) == 1, text
