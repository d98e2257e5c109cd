"""Importing a messy roster: the preview's exact counts and messages, the commit as one
batch, re-import without duplicates, blank cells never erasing, refused rows changing
nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry, Batch, Staff, Unit
from app.errors import Refusal
from app.exchange.importing import ImportOptions, Preview, RowStatus
from app.exchange.imports import commit, preview, write_refused_rows
from app.exchange.reading import read_workbook
from app.periods import Quarter
from app.records import commands
from app.records.closing import close_quarter
from app.records.settings import clerk_actor
from app.roster.staff import STAFF
from app.roster.units import UNIT
from tests.app.exchange.workbooks import (
    HOSPITAL,
    LI,
    PEOPLES,
    QIAN,
    WU,
    ZHANG,
    ZHENG,
    id_number,
    messy_roster,
    write_xlsx,
)
from tests.app.helpers import run


def ledger_before(session: Session) -> None:
    """李娜 (another post), 钱进 (in the recycle bin), 吴九 (start in a closed quarter,
    the ledger's first: closed quarters run from the first one), 郑十 (as in the file)."""
    hospital = run(session, commands.create, UNIT, {"name": HOSPITAL, "kind": "sending"})
    peoples = run(session, commands.create, UNIT, {"name": PEOPLES, "kind": "receiving"})
    common = {"field": "medical", "sending_unit_id": hospital, "receiving_unit_id": peoples}

    def person(name: str, number: str, **values: Any) -> int:
        record = {"name": name, "id_number": number, "post": "医生", **common, **values}
        return run(session, commands.create, STAFF, record)

    person("李娜", LI, start_date=date(2022, 7, 1), planned_end=date(2024, 7, 1))
    qian = person("钱进", QIAN, start_date=date(2022, 7, 1))
    run(session, commands.delete, STAFF, qian)
    person("吴九", WU, start_date=date(2022, 5, 1))
    person("郑十", ZHENG, start_date=date(2022, 7, 1), planned_end=date(2024, 6, 30))
    run(session, close_quarter, Quarter(2022, 2))


def planned(session: Session, path: Path, **options: Any) -> Preview:
    return preview(
        session, clerk_actor(session), read_workbook(path), "staff", ImportOptions(**options)
    )


def committed(session: Session, path: Path, result: Preview, **kwargs: Any) -> Preview:
    book = read_workbook(path)
    return run(
        session,
        commit,
        book,
        "staff",
        result,
        options=ImportOptions(),
        confirmed=result.cautions,
        **kwargs,
    )


def by_row(result: Preview) -> dict[int, tuple[RowStatus, str, list[str], list[str]]]:
    return {
        plan.source.row: (plan.status, plan.name, plan.messages(), plan.changed)
        for plan in result.rows
    }


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    return messy_roster(tmp_path / "花名册.xlsx")


def test_the_preview_finds_the_sheet_the_header_and_every_rows_fate(
    session: Session, roster: Path
) -> None:
    ledger_before(session)
    result = planned(session, roster)
    (layout,) = result.layouts
    assert (layout.sheet, layout.header_top, layout.first_row) == ("花名册", 3, 4)
    assert layout.mapping == {
        1: "field",
        2: "name",
        3: "id_number",
        4: "gender",
        5: "sending_unit",
        6: "receiving_unit",
        7: "post",
        8: "start_date",
        9: "planned_end",
        10: "phone",
        11: "notes",
    }
    assert result.counts() == {
        RowStatus.NEW: 3,
        RowStatus.UPDATE: 1,
        RowStatus.DUPLICATE: 1,
        RowStatus.WARNING: 1,
        RowStatus.ERROR: 5,
    }
    assert result.skipped == 3  # the 合计 row and two footer lines (blank rows not counted)
    assert by_row(result) == {
        4: (RowStatus.NEW, "张文", [], []),
        5: (RowStatus.UPDATE, "李娜", [], ["Post"]),
        7: (
            RowStatus.ERROR,
            "王强",
            [
                "column D (公民身份号码): Excel stored this ID number as a number "
                "(1.52223E+17) and lost its last digits; format the column as text and "
                "enter the number again"
            ],
            [],
        ),
        8: (
            RowStatus.ERROR,
            "赵六",
            ["column D (公民身份号码): check digit is wrong; please re-check the number"],
            [],
        ),
        9: (RowStatus.NEW, "ZHOU Qi", [], []),
        10: (RowStatus.ERROR, "张文", ["repeats row 4 (张文); keep one of the two"], []),
        11: (RowStatus.NEW, "孙七", [], []),
        12: (
            RowStatus.WARNING,
            "周八",
            [
                "column J (计划期满): 2024.1 is a number in the sheet and was read as January "
                "2024; if October was meant, write 2024.10 as text"
            ],
            [],
        ),
        13: (
            RowStatus.ERROR,
            "钱进",
            ["钱进 is in the recycle bin; restore them first (Settings → Recycle bin)"],
            [],
        ),
        14: (
            RowStatus.ERROR,
            "吴九",
            [
                "2022Q2 is closed (its summary was reported), so records dated 2022-05-01 "
                "cannot change. Reopen the quarter with a reason first."
            ],
            [],
        ),
        15: (RowStatus.DUPLICATE, "郑十", [], []),
    }
    # Units the written rows need are created on the way; the refused 赵六 names none new.
    assert result.new_records == [
        ("Sending unit", "北京市第十八中学"),
        ("Receiving unit", "扎赉特旗第一中学"),
        ("Sending unit", "内蒙古农业大学"),
        ("Receiving unit", "扎赉特旗农牧局"),
        ("Sending unit", "北京市丰台区委组织部"),
        ("Receiving unit", "扎赉特旗委组织部"),
    ]
    assert session.scalar(select(func.count()).select_from(Staff)) == 4  # nothing written
    assert session.scalar(select(func.count()).select_from(Unit)) == 2


def test_the_commit_writes_the_valid_rows_as_one_batch_and_a_reimport_adds_nothing(
    session: Session, roster: Path
) -> None:
    ledger_before(session)
    result = committed(session, roster, planned(session, roster))
    assert result.committed
    people = {person.name: person for person in session.scalars(select(Staff))}
    assert set(people) == {"李娜", "钱进", "吴九", "郑十", "张文", "ZHOU Qi", "孙七", "周八"}
    zhang, zhou, sun, zhou_ba = people["张文"], people["ZHOU Qi"], people["孙七"], people["周八"]
    assert (zhang.id_number, zhang.gender.value, zhang.birth_date) == (
        ZHANG,
        "male",
        date(1980, 1, 1),
    )
    assert (zhang.start_date, zhang.planned_end, zhang.phone) == (
        date(2022, 7, 1),
        date(2024, 7, 1),
        "13812345678",
    )
    assert (zhou.start_date, zhou.planned_end, zhou.field.value) == (
        date(2023, 4, 1),
        date(2025, 2, 1),
        "education",
    )
    assert (sun.start_date, sun.planned_end) == (date(2022, 9, 1), date(2024, 8, 31))
    assert (zhou_ba.start_date, zhou_ba.planned_end) == (date(2022, 7, 1), date(2024, 1, 1))
    assert people["李娜"].post == "科主任"
    assert people["钱进"].deleted_at is not None and people["吴九"].start_date == date(2022, 5, 1)
    batch = session.scalars(select(Batch)).one()
    assert (batch.kind, batch.file_name, len(batch.checksum)) == ("import-staff", "花名册.xlsx", 64)
    assert (batch.rows_added, batch.rows_updated) == (4 + 6, 1)  # 4 staff, 6 units; 李娜
    audited = session.scalar(select(func.count()).where(AuditEntry.batch_id == batch.id))
    assert audited == 11

    again = planned(session, roster)
    assert again.counts()[RowStatus.NEW] == again.counts()[RowStatus.UPDATE] == 0
    assert again.counts()[RowStatus.DUPLICATE] == 6  # 张文 李娜 ZHOU 孙七 周八 郑十
    assert not again.new_records


def test_a_blank_cell_never_erases_and_a_changed_one_updates(
    session: Session, tmp_path: Path
) -> None:
    first = write_xlsx(
        tmp_path / "a.xlsx",
        {"名册": [["姓名", "身份证号", "领域", "到岗日期", "联系电话", "职称"],
                  ["张文", ZHANG, "医疗", "2022-07-01", "13812345678", "主任医师"]]},
    )  # fmt: skip
    committed(session, first, planned(session, first))
    second = write_xlsx(
        tmp_path / "b.xlsx",
        {"名册": [["姓名", "身份证号", "领域", "到岗日期", "联系电话", "职称"],
                  ["张文", ZHANG, None, None, None, "副主任医师"]]},
    )  # fmt: skip
    result = planned(session, second)
    assert by_row(result) == {2: (RowStatus.UPDATE, "张文", [], ["Professional title"])}
    committed(session, second, result)
    person = session.scalars(select(Staff)).one()
    assert (person.phone, person.title, person.start_date) == (
        "13812345678",
        "副主任医师",
        date(2022, 7, 1),
    )


def test_without_an_id_number_a_person_is_matched_by_name_sending_unit_and_start(
    session: Session, tmp_path: Path
) -> None:
    rows = [
        ["姓名", "派出单位", "到岗时间", "领域", "挂任职务"],
        ["孙七", "内蒙古农业大学", "2022-09-01", "科技", "技术员"],
    ]
    path = write_xlsx(tmp_path / "a.xlsx", {"名册": rows})
    committed(session, path, planned(session, path))
    rows[1][4] = "站长"
    rows.append(["孙七", "内蒙古农业大学", "2023-09-01", "科技", "技术员"])  # another stint
    path = write_xlsx(tmp_path / "b.xlsx", {"名册": rows})
    result = planned(session, path)
    assert [(plan.status, plan.changed) for plan in result.rows] == [
        (RowStatus.UPDATE, ["Post"]),
        (RowStatus.NEW, []),
    ]


def test_strict_writes_nothing_and_rejected_rows_change_nothing(
    session: Session, roster: Path, tmp_path: Path
) -> None:
    ledger_before(session)
    result = planned(session, roster)
    with pytest.raises(Refusal, match="5 rows were refused, so nothing was imported"):
        committed(session, roster, result, strict=True)
    assert session.scalar(select(func.count()).select_from(Staff)) == 4
    assert session.scalar(select(func.count()).select_from(Batch)) == 0

    refused = read_workbook(
        write_refused_rows(tmp_path / "refused.xlsx", read_workbook(roster), result)
    )
    (sheet,) = refused.sheets
    assert sheet.rows[0][-1] == "Reason refused" and sheet.rows[0][2] == "姓　名"
    assert [row[2] for row in sheet.rows[1:]] == ["王　强", "赵六", "张文", "钱进", "吴九"]
    assert sheet.rows[3][-1] == "repeats row 4 (张文); keep one of the two"


def test_a_row_naming_a_unit_of_the_other_kind_is_refused_in_its_column(
    session: Session, tmp_path: Path
) -> None:
    run(session, commands.create, UNIT, {"name": PEOPLES, "kind": "receiving"})
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {
            "名册": [
                ["姓名", "派出单位", "到岗时间", "领域"],
                ["张文", PEOPLES, "2022-07-01", "医疗"],
            ]
        },
    )
    (plan,) = planned(session, path).rows
    assert plan.messages() == ["column B (派出单位): 扎赉特旗人民医院 is a Receiving unit"]


def test_a_team_is_created_on_demand_with_the_rows_field(session: Session, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {"名册": [["姓名", "帮扶团队", "领队", "到岗时间", "领域", "受援单位"],
                  ["张文", "医疗队", "是", "2022-07-01", "医疗", PEOPLES],
                  ["李娜", "医疗队", "是", "2022-07-01", "医疗", PEOPLES]]},
    )  # fmt: skip
    result = planned(session, path)
    assert result.new_records == [("Receiving unit", PEOPLES), ("Team", "医疗队")]
    assert by_row(result)[3] == (
        RowStatus.ERROR,
        "李娜",
        ["column C (领队): row 2 already names this team's leader"],
        [],
    )
    committed(session, path, result)
    zhang = session.scalars(select(Staff)).one()
    assert zhang.team is not None and zhang.team.field.value == "medical" and zhang.is_leader
    assert zhang.team.receiving_unit is not None and zhang.team.receiving_unit.name == PEOPLES


def test_a_corrected_mapping_is_remembered_for_the_next_file_with_those_headers(
    session: Session, tmp_path: Path
) -> None:
    rows = [["姓名", "单位", "到岗时间", "领域"], ["张文", HOSPITAL, "2022-07-01", "医疗"]]
    path = write_xlsx(tmp_path / "a.xlsx", {"名册": rows})
    assert planned(session, path).layouts[0].mapping == {0: "name", 2: "start_date", 3: "field"}
    corrected = {0: "name", 1: "sending_unit", 2: "start_date", 3: "field"}
    result = planned(session, path, mapping=corrected)
    committed(session, path, result)
    rows[1] = ["李娜", HOSPITAL, "2023-01-01", "医疗"]
    other = write_xlsx(tmp_path / "b.xlsx", {"名册": rows})
    assert planned(session, other).layouts[0].mapping == corrected


def test_an_xls_workbook_from_an_old_office_pc_is_read(session: Session) -> None:
    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "roster.xls"
    result = planned(session, fixture)
    assert result.layouts[0].sheet == "2023年花名册" and result.skipped == 1
    assert by_row(result) == {
        3: (RowStatus.NEW, "赵敏", [], []),
        4: (RowStatus.NEW, "LI Ming", [], []),
        5: (RowStatus.NEW, "钱程", [], []),
    }
    committed(session, fixture, result)
    people = {person.name: person for person in session.scalars(select(Staff))}
    assert people["赵敏"].id_number == id_number("19850315", "024")
    assert people["赵敏"].planned_end == date(2025, 2, 1)
    assert people["LI Ming"].receiving_unit.name == "扎赉特旗第一中学"  # merged down
    assert people["LI Ming"].planned_end == date(2025, 2, 28)
    assert people["钱程"].start_date == date(2023, 3, 1)  # an Excel serial (44986)
    assert people["钱程"].field.value == "education"  # 教师


def test_a_refused_row_creates_no_unit(session: Session, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {"名册": [["姓名", "派出单位", "到岗时间", "领域"],
                  ["张文", "北京市丰台区中医医院", "2022-07-01", "医疗"],
                  ["李娜", "北京市第十八中学", "2022-07-01", "牙科"]]},
    )  # fmt: skip
    result = planned(session, path)
    assert by_row(result)[3][0] is RowStatus.ERROR
    assert result.new_records == [("Sending unit", "北京市丰台区中医医院")]
    committed(session, path, result)
    assert set(session.scalars(select(Unit.name))) == {"北京市丰台区中医医院"}


def test_a_value_outside_a_standard_list_is_kept_and_flagged(
    session: Session, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "c.xlsx",
        {"名册": [["姓名", "领域", "到岗日期", "民族", "政治面貌", "学历"],
                  ["张文", "医疗", "2022-07-01", "汉", "中共党员", "大学本科"]]},
    )  # fmt: skip
    result = planned(session, path)
    ((status, name, messages, _),) = by_row(result).values()
    assert (status, name) == (RowStatus.WARNING, "张文")
    assert messages == [
        "column D (民族): 「汉」 is not in the standard list; it is kept as written"
    ]
    committed(session, path, result)
    person = session.scalars(select(Staff)).one()
    assert (person.ethnicity, person.political_status) == ("汉", "中共党员")
