"""Importing service records, mentorships and outcome entries (one row per entry):
people by ID number else by name and receiving unit, services and metrics by name."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Mentorship, OutcomeEntry, ServiceProvision
from app.exchange.importing import ImportOptions, Preview, RowStatus
from app.exchange.imports import commit, preview
from app.exchange.reading import read_workbook
from app.outcomes.metrics import METRIC
from app.records import commands
from app.records.settings import clerk_actor
from app.roster.staff import STAFF
from app.roster.units import UNIT
from tests.app.exchange.workbooks import LI, ZHANG, write_xlsx
from tests.app.helpers import metric_id, run, service_id


def roster(session: Session) -> dict[str, int]:
    """张文 twice (two hospitals), 李娜 (ID number known) and 王强 in the recycle bin."""
    units = {
        name: run(session, commands.create, UNIT, {"name": name, "kind": "receiving"})
        for name in ("扎赉特旗人民医院", "扎赉特旗中蒙医院")
    }
    people = {}
    for key, name, unit, number, field in (
        ("张文@人民", "张文", "扎赉特旗人民医院", ZHANG, "medical"),
        ("张文@中蒙", "张文", "扎赉特旗中蒙医院", None, "medical"),
        ("李娜", "李娜", "扎赉特旗人民医院", LI, "education"),
        ("王强", "王强", "扎赉特旗人民医院", None, "medical"),
    ):
        values = {
            "name": name,
            "field": field,
            "receiving_unit_id": units[unit],
            "id_number": number,
            "start_date": date(2022, 7, 1),
        }
        people[key] = run(session, commands.create, STAFF, values)
    run(session, commands.delete, STAFF, people["王强"])
    return people


def planned(session: Session, path: Path, what: str, **options: Any) -> Preview:
    return preview(
        session, clerk_actor(session), read_workbook(path), what, ImportOptions(**options)
    )


def committed(session: Session, path: Path, what: str, result: Preview) -> Preview:
    return run(
        session,
        commit,
        read_workbook(path),
        what,
        result,
        options=ImportOptions(),
        confirmed=result.cautions,
    )


def fates(result: Preview) -> list[tuple[int, RowStatus, list[str]]]:
    return [(plan.source.row, plan.status, plan.messages()) for plan in result.rows]


def test_service_records_match_people_and_services_and_reimport_adds_nothing(
    session: Session, tmp_path: Path
) -> None:
    people = roster(session)
    path = write_xlsx(
        tmp_path / "服务.xlsx",
        {
            "服务记录": [
                ["2024年服务保障落实台账"],
                ["姓名", "受援单位", "身份证号", "服务项目", "落实日期", "金额（元）", "经办人"],
                ["张文", "扎赉特旗人民医院", None, "人才公寓", "2022-07-01", None, "王丽"],
                ["张文", "扎赉特旗中蒙医院", None, "免费健康体检", "2024.5.10", "1,200", "王丽"],
                ["李娜的同事", None, LI, "公交乘车卡", "2022/7/3", None, None],
                ["张文", None, None, "人才公寓", "2022-07-01", None, None],
                ["赵六", "扎赉特旗人民医院", None, "人才公寓", "2022-07-01", None, None],
                ["王强", "扎赉特旗人民医院", None, "人才公寓", "2022-07-01", None, None],
                ["李娜", "扎赉特旗人民医院", None, "洗衣服务", "2022-07-01", None, None],
                ["李娜", "扎赉特旗人民医院", None, "暖心食堂", "2022-06-01", None, None],
                ["张文", "扎赉特旗人民医院", None, "人才公寓", "2022-07-01", None, None],
            ]
        },
        text_columns={"服务记录": ["C"]},
    )
    result = planned(session, path, "services")
    assert fates(result) == [
        (3, RowStatus.NEW, []),
        (4, RowStatus.NEW, []),
        (5, RowStatus.NEW, []),
        (
            6,
            RowStatus.ERROR,
            ["column A (姓名): several people named 张文 are on the roster; add their ID numbers"],
        ),
        (7, RowStatus.ERROR, ["column A (姓名): 赵六 of 扎赉特旗人民医院 is not on the roster"]),
        (
            8,
            RowStatus.ERROR,
            [
                "column A (姓名): 王强 is in the recycle bin; restore them first "
                "(Settings → Recycle bin)"
            ],
        ),
        (
            9,
            RowStatus.ERROR,
            ["column D (服务项目): no service named 洗衣服务 (see Settings → Services)"],
        ),
        (10, RowStatus.WARNING, ["column E (落实日期): is before 李娜 arrived (2022-07-01)"]),
        (11, RowStatus.ERROR, ["repeats row 3 (张文); keep one of the two"]),
    ]
    committed(session, path, "services", result)
    stored = {
        (row.staff_id, row.service_type_id): row
        for row in session.scalars(select(ServiceProvision))
    }
    checkup = stored[(people["张文@中蒙"], service_id(session, "免费健康体检"))]
    assert (checkup.date, checkup.amount, checkup.handled_by) == (
        date(2024, 5, 10),
        Decimal(1200),
        "王丽",
    )
    assert stored[(people["李娜"], service_id(session, "公交乘车卡"))].date == date(2022, 7, 3)
    assert len(stored) == 4  # the warning row went in: committing confirmed it
    again = planned(session, path, "services")
    assert [plan.status for plan in again.rows][:3] == [RowStatus.DUPLICATE] * 3


def test_mentorships_by_mentor_mentee_and_start(session: Session, tmp_path: Path) -> None:
    people = roster(session)
    header = ["导师", "受援单位", "徒弟姓名", "徒弟单位", "结对时间", "培养目标"]
    pair_row = [
        "张文",
        "扎赉特旗人民医院",
        "包　图",
        "人民医院外科",
        "2023年3月",
        "独立开展腹腔镜手术",
    ]
    rows = [header, pair_row]
    path = write_xlsx(tmp_path / "师徒.xlsx", {"师徒结对": rows})
    committed(session, path, "mentorships", planned(session, path, "mentorships"))
    pair = session.scalars(select(Mentorship)).one()
    assert (pair.mentor_id, pair.mentee_name, pair.start_date) == (
        people["张文@人民"],
        "包图",
        date(2023, 3, 1),
    )
    rows[1][5] = "独立开展腹腔镜胆囊切除术"
    path = write_xlsx(tmp_path / "师徒2.xlsx", {"师徒结对": rows})
    result = planned(session, path, "mentorships")
    assert [(plan.status, plan.changed) for plan in result.rows] == [(RowStatus.UPDATE, ["Goal"])]


def test_outcome_entries_one_per_row_with_metrics_by_name_and_field(
    session: Session, tmp_path: Path
) -> None:
    people = roster(session)
    run(session, commands.create, METRIC, {"name": "培训", "field": "education", "unit": "场"})
    path = write_xlsx(
        tmp_path / "成效.xlsx",
        {
            "工作成效": [
                ["姓名", "身份证号", "成效指标", "日期", "数值", "说明"],
                [None, ZHANG, "手术", "2024-09-30", 3, None],
                [None, LI, "培训", "2024-09-30", "2", None],  # 李娜 works in education
                [None, ZHANG, "培训", "2024-09-30", "1", None],  # 张文: medical
                [None, ZHANG, "门诊量", "2024-09-30", 1, None],
                [None, ZHANG, "手术", "2024-09-29", -1, None],
            ]
        },
        text_columns={"工作成效": ["B"]},
    )
    result = planned(session, path, "outcomes")
    assert fates(result) == [
        (2, RowStatus.NEW, []),
        (3, RowStatus.NEW, []),
        (4, RowStatus.NEW, []),
        (
            5,
            RowStatus.ERROR,
            ["column C (成效指标): no metric named 门诊量 (see Settings → Metrics)"],
        ),
        (6, RowStatus.ERROR, ["column E (数值): must not be negative"]),
    ]
    committed(session, path, "outcomes", result)
    entries = {
        (entry.staff_id, entry.metric_id): entry.value
        for entry in session.scalars(select(OutcomeEntry))
    }

    def training(field: str) -> int | None:
        model = METRIC.model
        return session.scalar(select(model.id).where(model.name == "培训", model.field == field))

    assert entries == {
        (people["张文@人民"], metric_id(session, "手术")): 3,
        (people["李娜"], training("education")): 2,
        (people["张文@人民"], training("medical")): 1,
    }
