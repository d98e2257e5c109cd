"""The provision ledger: columns, every filter, search, SQL sorting and the amount total
(report_dataset, with amounts and who handled them added here)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.listing import ListQuery
from app.db.models import ServiceProvision, Staff, Team
from app.services.lists import ProvisionList, handled_by_choices, staff_choices
from tests.app.report_dataset import Dataset, build_dataset

LEDGER = ProvisionList()


@pytest.fixture
def data(session: Session) -> Dataset:
    built = build_dataset(session)
    monthly = built.services["补助"]
    session.execute(
        update(ServiceProvision)
        .where(ServiceProvision.service_type_id == monthly)
        .values(amount=Decimal("3000"), handled_by="王芳")
    )
    session.execute(
        update(ServiceProvision)
        .where(ServiceProvision.service_type_id == built.services["体检"])
        .values(amount=Decimal("860.50"), handled_by="李四", details="县医院体检")
    )
    team = session.scalars(select(Team.id).where(Team.name == "医疗队")).one()
    session.execute(update(Staff).where(Staff.name.in_(["甲", "乙"])).values(team_id=team))
    session.commit()
    return built


def shown(session: Session, **asked: Any) -> tuple[int, Decimal]:
    query = ListQuery(**asked)
    return len(LEDGER.ids(session, query)), LEDGER.amount_total(session, query)


def test_columns_and_a_row(session: Session, data: Dataset) -> None:
    headers, rows = LEDGER.table(
        session, ListQuery(filters={"staff_id": data.staff["乙"]}, sort_key="date")
    )
    assert headers == [
        "Date",
        "Staff",
        "Field",
        "Team",
        "Service",
        "Details",
        "Amount (yuan)",
        "Handled by",
        "Notes",
    ]
    assert [row[4] for row in rows] == ["慰问", "补助", "体检", "公寓", "补助", "走访"]
    assert rows[2][1:8] == (
        "乙",
        "Medical",
        "医疗队",
        "体检",
        "县医院体检",
        Decimal("860.50"),
        "李四",
    )


def test_filters_and_totals(session: Session, data: Dataset) -> None:
    # 38 rows, less 辛's (a binned person) and 丁's binned 慰问
    assert shown(session) == (36, Decimal("52302.5"))  # 16 × 3000 + 5 × 860.50
    assert shown(session, filters={"quarter": "2024Q3"}) == (23, Decimal("37721"))
    assert shown(session, filters={"date_from": "2024-09-01", "date_to": "2024-09-30"}) == (
        7,
        Decimal("12860.5"),
    )
    assert shown(session, filters={"service_type_id": data.services["补助"]}) == (
        16,
        Decimal("48000"),
    )
    assert shown(session, filters={"field": "education"}) == (11, Decimal("16721"))
    assert shown(session, filters={"team_id": 0}) == (0, Decimal("0"))
    team = session.scalars(select(Team.id).where(Team.name == "医疗队")).one()
    assert shown(session, filters={"team_id": team, "handled_by": "王芳"}) == (5, Decimal("15000"))
    assert shown(session, search="县医院") == (5, Decimal("4302.5"))
    assert shown(session, search="甲 体检") == (1, Decimal("860.5"))


def test_sorting_is_done_in_sql_on_any_column(session: Session, data: Dataset) -> None:
    by_name = LEDGER.table(session, ListQuery(sort_key="staff", descending=True))[1]
    assert [row[1] for row in by_name][:3] == ["乙", "乙", "乙"]  # yǐ sorts last in 拼音
    by_amount = LEDGER.table(session, ListQuery(sort_key="amount", descending=True))[1]
    assert by_amount[0][6] == Decimal("3000") and by_amount[-1][6] is None  # blanks last
    assert handled_by_choices(session) == ["李四", "王芳"]
    assert staff_choices(session)[0][1].endswith("(Education)")  # 丁 first; 辛 in the bin
    assert all("辛" not in text for _, text in staff_choices(session))
