"""A small office for the outcome tests: one medical team with three members (one who
left in August), a teacher, and the seeded metrics (手术 and 门急诊诊疗 sum, 亩产 latest)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy.orm import Session

from app.records import commands
from app.roster.staff import STAFF
from app.roster.units import TEAM
from tests.app.helpers import metric_id, run


@dataclass(frozen=True)
class Office:
    team: int
    zhang: int  # 张文, medical, on duty all 2024
    li: int  # 李娜, medical, left on 2024-08-15
    wang: int  # 王强, medical, arrives 2024-10-08
    teacher: int  # 赵敏, education, no team
    surgery: int
    visits: int
    yield_: int  # 亩产, a latest metric (technology)


@pytest.fixture
def office(session: Session) -> Office:
    team = run(session, commands.create, TEAM, {"name": "医疗帮扶队", "field": "medical"})

    def person(name: str, field: str, **dates: str) -> int:
        values = {"name": name, "field": field, "start_date": "2024-01-02", **dates}
        if field == "medical":
            values["team_id"] = team
        return run(session, commands.create, STAFF, values)

    return Office(
        team=team,
        zhang=person("张文", "medical"),
        li=person("李娜", "medical", planned_end="2024-08-15"),
        wang=person("王强", "medical", start_date="2024-10-08"),
        teacher=person("赵敏", "education"),
        surgery=metric_id(session, "手术"),
        visits=metric_id(session, "门急诊诊疗"),
        yield_=metric_id(session, "亩产"),
    )
