"""A small hand-built ledger whose quarterly figures are worked out by hand in the tests.

Built with the ORM directly (not the validated services) so it can also hold rows the
forms refuse but an old file or an import might carry (a metric entry without a value).
The seeded catalogs are removed first: the tests list every service and metric.

People (start → end; the end is the actual end, else the planned end):
  甲 medical    2023-01-01 → none (never ends)
  乙 medical    2024-07-01 → 2026-06-30       arrives on 2024Q3's first day
  丙 education  2023-03-01 → 2024-09-30       actual end (planned 2025-12-31) on Q3's last day
  丁 education  2024-08-16 → 2027-08-15       arrives mid-Q3
  戊 technology 2023-06-01 → 2024-08-10       planned end mid-Q3, no actual end
  己 technology 2023-01-01 → 2024-06-30       leaves on 2024Q2's last day
  庚 general    2024-10-01 → 2025-09-30       arrives after Q3
  壬 general    2023-11-01 → 2024-01-15       actual end (planned 2025-10-31) mid-2024Q1
  辛 medical    2023-01-01 → none             in the recycle bin with all their records
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.db.models import (
    Mentorship,
    Metric,
    MetricTarget,
    OutcomeEntry,
    ServiceProvision,
    ServiceType,
    Setting,
    Staff,
    Team,
)
from app.db.vocabulary import Aggregation, Field, ServiceRule

D = date
BINNED = datetime(2024, 10, 1, 9, 0)
MED, EDU, TECH, GEN = Field.MEDICAL, Field.EDUCATION, Field.TECHNOLOGY, Field.GENERAL


@dataclass
class Dataset:
    staff: dict[str, int]
    services: dict[str, int]
    metrics: dict[str, int]


def build_dataset(session: Session) -> Dataset:
    session.execute(delete(ServiceType))
    session.execute(delete(Metric))
    session.add_all(
        Setting(key=key, value=value)
        for key, value in {
            "county": "测试旗",
            "office_name": "测试办公室",
            "clerk_name": "李四",
        }.items()
    )
    people = {
        "甲": Staff(name="甲", field=MED, start_date=D(2023, 1, 1)),
        "乙": Staff(name="乙", field=MED, start_date=D(2024, 7, 1), planned_end=D(2026, 6, 30)),
        "丙": Staff(
            name="丙",
            field=EDU,
            start_date=D(2023, 3, 1),
            planned_end=D(2025, 12, 31),
            actual_end=D(2024, 9, 30),
        ),
        "丁": Staff(name="丁", field=EDU, start_date=D(2024, 8, 16), planned_end=D(2027, 8, 15)),
        "戊": Staff(name="戊", field=TECH, start_date=D(2023, 6, 1), planned_end=D(2024, 8, 10)),
        "己": Staff(name="己", field=TECH, start_date=D(2023, 1, 1), planned_end=D(2024, 6, 30)),
        "庚": Staff(name="庚", field=GEN, start_date=D(2024, 10, 1), planned_end=D(2025, 9, 30)),
        "壬": Staff(
            name="壬",
            field=GEN,
            start_date=D(2023, 11, 1),
            planned_end=D(2025, 10, 31),
            actual_end=D(2024, 1, 15),
        ),
        "辛": Staff(name="辛", field=MED, start_date=D(2023, 1, 1), deleted_at=BINNED),
    }
    teams = {
        "医疗队": Team(name="医疗队", field=MED),
        "撤销队": Team(name="撤销队", field=MED, deleted_at=BINNED),
    }
    services = {
        # inserted out of catalog order: the summary follows sort_order
        "补助": ServiceType(name="补助", rule=ServiceRule.MONTHLY, sort_order=5),
        "公寓": ServiceType(name="公寓", rule=ServiceRule.ONCE, sort_order=1),
        "体检": ServiceType(name="体检", rule=ServiceRule.YEARLY, sort_order=2),
        "慰问": ServiceType(name="慰问", rule=ServiceRule.HALF_YEARLY, sort_order=3),
        "走访": ServiceType(name="走访", rule=ServiceRule.QUARTERLY, sort_order=4),
        "入学协调": ServiceType(name="入学协调", rule=ServiceRule.ON_DEMAND, sort_order=6),
        "停用服务": ServiceType(  # retired before any quarter of the tests
            name="停用服务", rule=ServiceRule.QUARTERLY, sort_order=0, retired_on=D(2022, 1, 1)
        ),
        "已删服务": ServiceType(
            name="已删服务", rule=ServiceRule.YEARLY, sort_order=0, deleted_at=BINNED
        ),
    }
    metrics = {
        "手术": Metric(name="手术", field=MED, unit="例", sort_order=2),
        "亩产": Metric(
            name="亩产", field=TECH, unit="公斤/亩", aggregation=Aggregation.LATEST, sort_order=1
        ),
        "听评课": Metric(name="听评课", field=EDU, unit="节", sort_order=1),
        "新设科室": Metric(name="新设科室", field=MED, unit="个", sort_order=1),
        "旧指标": Metric(name="旧指标", field=GEN, unit="次", sort_order=1, active=False),
        "停用无数据": Metric(name="停用无数据", field=EDU, unit="次", sort_order=1, active=False),
        "已删指标": Metric(name="已删指标", field=MED, unit="次", sort_order=0, deleted_at=BINNED),
    }
    session.add_all([*people.values(), *teams.values(), *services.values(), *metrics.values()])
    session.flush()
    staff = {name: person.id for name, person in people.items()}
    service = {name: item.id for name, item in services.items()}
    metric = {name: item.id for name, item in metrics.items()}

    provisions = [
        ("甲", "公寓", D(2023, 1, 5)),
        ("乙", "公寓", D(2024, 7, 20)),
        ("丁", "公寓", D(2024, 10, 2)),  # after 2024Q3: not yet covered in Q3
        ("戊", "公寓", D(2023, 6, 3)),
        ("辛", "公寓", D(2024, 7, 2)),  # binned person
        ("甲", "体检", D(2024, 5, 14)),
        ("乙", "体检", D(2024, 7, 15)),
        ("丙", "体检", D(2023, 5, 16)),  # last year's
        ("丁", "体检", D(2024, 9, 30)),
        ("戊", "体检", D(2024, 1, 10)),
        ("甲", "慰问", D(2024, 6, 30)),  # first half of the year
        ("甲", "慰问", D(2024, 12, 20)),  # after Q3
        ("乙", "慰问", D(2024, 7, 1)),
        ("丙", "慰问", D(2024, 9, 15)),
        ("戊", "慰问", D(2024, 8, 1)),
        ("甲", "走访", D(2024, 6, 30)),
        ("乙", "走访", D(2024, 9, 30)),
        ("丙", "走访", D(2024, 7, 1)),
        ("甲", "补助", D(2024, 7, 10)),
        ("甲", "补助", D(2024, 8, 10)),
        ("甲", "补助", D(2024, 9, 10)),
        ("乙", "补助", D(2024, 7, 10)),  # no August
        ("乙", "补助", D(2024, 9, 10)),
        ("丙", "补助", D(2024, 7, 10)),
        ("丙", "补助", D(2024, 8, 10)),
        ("丙", "补助", D(2024, 9, 30)),
        ("丁", "补助", D(2024, 8, 20)),  # arrived 16 August: July not needed
        ("丁", "补助", D(2024, 9, 10)),
        ("戊", "补助", D(2024, 7, 10)),  # left 10 August: September not needed
        ("戊", "补助", D(2024, 8, 5)),
        ("己", "补助", D(2024, 1, 10)),
        ("己", "补助", D(2024, 2, 10)),
        ("己", "补助", D(2024, 3, 10)),
        ("壬", "补助", D(2024, 1, 10)),  # left 15 January: only January needed
        ("丁", "入学协调", D(2024, 8, 20)),
        ("甲", "停用服务", D(2024, 8, 1)),
        ("甲", "已删服务", D(2024, 8, 1)),
    ]
    session.add_all(
        ServiceProvision(staff_id=staff[who], service_type_id=service[what], date=day)
        for who, what, day in provisions
    )
    session.add(  # in the recycle bin
        ServiceProvision(
            staff_id=staff["丁"],
            service_type_id=service["慰问"],
            date=D(2024, 9, 1),
            deleted_at=BINNED,
        )
    )

    def entry(day: date, name: str | None, value: str | None, **extra: object) -> None:
        session.add(
            OutcomeEntry(
                date=day,
                metric_id=metric[name] if name else None,
                value=None if value is None else Decimal(value),
                **extra,
            )
        )
        session.flush()  # ids follow the order written here (ties on a date)

    a, b, c, e, h = (staff[name] for name in ("甲", "乙", "丙", "戊", "辛"))
    team, gone_team = teams["医疗队"].id, teams["撤销队"].id
    entry(D(2023, 3, 15), "手术", "5", staff_id=a)
    entry(D(2023, 11, 20), "手术", "4", staff_id=a)
    entry(D(2024, 2, 10), "手术", "3", staff_id=a)
    entry(D(2024, 5, 31), "手术", "6", staff_id=a)
    entry(D(2024, 7, 31), "手术", "2.5", staff_id=a)
    entry(D(2024, 9, 30), "手术", "4", staff_id=b)
    entry(D(2024, 10, 1), "手术", "7", staff_id=a)
    entry(D(2024, 8, 15), "手术", "100", staff_id=h)  # binned person
    entry(D(2024, 8, 20), "手术", "50", staff_id=a, deleted_at=BINNED)
    entry(D(2024, 8, 21), "手术", None, staff_id=a)  # no value
    entry(
        D(2024, 9, 1),
        "手术",
        "1",
        staff_id=a,
        team_id=team,
        is_highlight=True,
        description="师带徒手术",
    )
    entry(D(2024, 3, 31), "新设科室", "2", team_id=team)
    entry(D(2024, 8, 31), "新设科室", "1", team_id=team)
    entry(D(2024, 8, 31), "新设科室", "5", team_id=gone_team)  # binned team
    entry(D(2024, 4, 15), "听评课", "8", staff_id=c)
    entry(D(2024, 8, 15), "听评课", "8.1", staff_id=c)
    entry(D(2023, 10, 31), "亩产", "608.9", staff_id=e)
    entry(D(2024, 5, 31), "亩产", "700", staff_id=e)
    entry(D(2024, 5, 31), "亩产", "705", staff_id=e)  # same day, newer: wins
    entry(D(2024, 8, 10), "亩产", "761.5", staff_id=e)
    entry(D(2024, 10, 31), "亩产", "800", staff_id=e)
    entry(D(2023, 5, 1), "旧指标", "2", staff_id=a)
    entry(D(2024, 10, 5), "停用无数据", "3", staff_id=c)
    entry(D(2024, 8, 1), "已删指标", "9", staff_id=a)
    entry(D(2024, 6, 28), None, None, staff_id=a, is_highlight=True, description="二季度亮点")
    entry(D(2024, 7, 5), None, None, team_id=team, is_highlight=True, description="医疗队义诊")
    entry(D(2024, 8, 12), None, None, staff_id=b, is_highlight=True, description="开展新技术")
    entry(D(2024, 8, 12), None, None, staff_id=a, is_highlight=True, description="首例微创手术")
    entry(D(2024, 8, 1), None, None, staff_id=h, is_highlight=True, description="已删人员亮点")
    entry(
        D(2024, 8, 2),
        None,
        None,
        staff_id=a,
        is_highlight=True,
        description="已删亮点",
        deleted_at=BINNED,
    )

    session.add_all(
        [
            MetricTarget(metric_id=metric["手术"], year=2023, target_value=Decimal(10)),
            MetricTarget(metric_id=metric["手术"], year=2024, target_value=Decimal(40)),
            MetricTarget(metric_id=metric["亩产"], year=2024, target_value=Decimal(750)),
            MetricTarget(metric_id=metric["新设科室"], year=2024, target_value=Decimal(0)),
        ]
    )
    mentorships = [
        ("甲", D(2023, 1, 1), None, None),
        ("乙", D(2024, 7, 1), None, None),
        ("丙", D(2023, 1, 1), D(2024, 7, 1), None),
        ("丁", D(2024, 9, 30), None, None),
        ("戊", D(2023, 1, 1), D(2024, 6, 30), None),
        ("甲", D(2024, 10, 1), None, None),
        ("辛", D(2024, 8, 1), None, None),
        ("甲", D(2024, 8, 1), None, BINNED),
    ]
    session.add_all(
        Mentorship(
            mentor_id=staff[who],
            mentee_name="徒弟",
            start_date=start,
            end_date=end,
            deleted_at=gone,
        )
        for who, start, end, gone in mentorships
    )
    session.commit()
    return Dataset(staff=staff, services=service, metrics=metric)
