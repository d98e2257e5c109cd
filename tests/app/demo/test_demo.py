from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models import (
    Mentorship,
    Metric,
    OutcomeEntry,
    ServiceProvision,
    ServiceType,
    Staff,
    Team,
)
from app.demo.build import create_demo, split_total
from app.errors import LedgerError

SEED_FIGURES = {
    "手术": 71,
    "门急诊诊疗": 15207,
    "疑难病例讨论": 527,
    "会诊": 363,
    "现场指导": 109,
    "农牧民培训": 5700,
    "推广新技术": 8,
    "引进新品种": 57,
    "示范基地": 11,
    "培育本土技术人员": 29,
    "受益教师": 3210,
    "教师培训": 86,
    "结对学校": 18,
    "跟岗学习": 102,
}


def test_demo_holds_the_seeds_figures(demo_session: Session) -> None:
    totals = dict(
        demo_session.execute(
            select(Metric.name, func.sum(OutcomeEntry.value))
            .join(OutcomeEntry.metric)
            .group_by(Metric.name)
        ).all()
    )
    for name, expected in SEED_FIGURES.items():
        assert totals[name] == Decimal(expected), name


def test_demo_has_the_named_people_and_enough_records(demo_session: Session) -> None:
    def count(model: type) -> int:
        return demo_session.scalar(select(func.count()).select_from(model)) or 0

    assert count(ServiceType) == 10 and count(Metric) >= 20 and count(Staff) >= 10
    assert count(ServiceProvision) > 100 and count(OutcomeEntry) > 100 and count(Mentorship) >= 5
    leaders = dict(
        demo_session.execute(
            select(Team.name, Staff.name)
            .join(Staff, Staff.team_id == Team.id)
            .where(Staff.is_leader.is_(True))
        ).all()
    )
    assert leaders == {"医疗帮扶队": "张文", "教育帮扶团队": "胡小蒙", "科技特派团": "徐兴健"}
    posts = dict(demo_session.execute(select(Staff.name, Staff.post)).all())
    assert posts["张文"] == "第一院长" and posts["胡小蒙"] == "副校长" and posts["孙峰"] == "校长"


def test_same_seed_same_file(demo_template: Path, tmp_path: Path) -> None:
    again = create_demo(tmp_path / "a new folder" / "again.db")  # the folder is made
    digest = hashlib.sha256
    assert digest(again.read_bytes()).digest() == digest(demo_template.read_bytes()).digest()


def test_demo_refuses_to_overwrite(demo_template: Path) -> None:
    with pytest.raises(LedgerError, match="already exists"):
        create_demo(demo_template)


@pytest.mark.parametrize(("total", "count"), [(71, 100), (15207, 170), (4, 8), (0, 3)])
def test_split_total_adds_up(total: int, count: int) -> None:
    import random

    parts = split_total(total, count, random.Random(1))
    assert sum(parts) == total and len(parts) == count and min(parts) >= 0
