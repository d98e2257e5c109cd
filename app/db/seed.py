"""The catalogs a new ledger starts with (DESIGN.md §4): the ten services and the metrics.

Data, not logic: the office edits them in Settings, and no rule anywhere refers to a
service or a metric by name. Five services are named by the news reports in seeds/;
the other five are common county practice.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db.models import Metric, ServiceType
from app.db.vocabulary import Aggregation, Field, ServiceRule

# (name, rule, description): five services named by the seeds, five of county practice.
DEFAULT_SERVICES: tuple[tuple[str, ServiceRule, str], ...] = (
    ("人才公寓", ServiceRule.ONCE, "一人一套人才公寓，配置齐全，拎包入住"),
    ("免费健康体检", ServiceRule.YEARLY, "每年安排一次免费健康体检"),
    ("公交乘车卡", ServiceRule.ONCE, "到岗后办理公交乘车卡"),
    ("暖心食堂", ServiceRule.ONCE, "开通受援单位或机关食堂就餐服务"),
    ("重要节日慰问", ServiceRule.HALF_YEARLY, "春节、中秋等重要节日暖心慰问"),
    ("生活补助发放", ServiceRule.MONTHLY, "按月发放生活补助"),
    ("探亲往返交通", ServiceRule.HALF_YEARLY, "每半年报销一次探亲往返交通"),
    ("子女入学入托协调", ServiceRule.ON_DEMAND, "随迁子女入学入托协调"),
    ("就医绿色通道", ServiceRule.ONCE, "办理本地就医绿色通道"),
    ("谈心谈话走访", ServiceRule.QUARTERLY, "每季度谈心谈话、走访了解需求"),
)

# field -> (name, unit, aggregation)
DEFAULT_METRICS: dict[Field, tuple[tuple[str, str, Aggregation], ...]] = {
    Field.MEDICAL: (
        ("手术", "例", Aggregation.SUM),
        ("门急诊诊疗", "人次", Aggregation.SUM),
        ("疑难病例讨论", "例", Aggregation.SUM),
        ("会诊", "次", Aggregation.SUM),
        ("新技术新项目", "项", Aggregation.SUM),
        ("新设科室", "个", Aggregation.SUM),
        ("培训", "场", Aggregation.SUM),
        ("培训人次", "人次", Aggregation.SUM),
    ),
    Field.EDUCATION: (
        ("听评课", "节", Aggregation.SUM),
        ("集体教研", "次", Aggregation.SUM),
        ("教师培训", "场", Aggregation.SUM),
        ("受益教师", "人次", Aggregation.SUM),
        ("结对学校", "所", Aggregation.SUM),
        ("跟岗学习", "人", Aggregation.SUM),
    ),
    Field.TECHNOLOGY: (
        ("农牧民培训", "人次", Aggregation.SUM),
        ("现场指导", "次", Aggregation.SUM),
        ("推广新技术", "项", Aggregation.SUM),
        ("引进新品种", "个", Aggregation.SUM),
        ("示范基地", "个", Aggregation.SUM),
        ("带动增收", "万元", Aggregation.SUM),
        ("培育本土技术人员", "名", Aggregation.SUM),
        ("亩产", "公斤/亩", Aggregation.LATEST),
    ),
    Field.GENERAL: (
        ("调研走访", "次", Aggregation.SUM),
        ("对接项目", "个", Aggregation.SUM),
        ("协调资金", "万元", Aggregation.SUM),
    ),
}


def seed_catalogs(session: Session) -> None:
    """Fill the catalogs of a new ledger (the caller commits)."""
    for order, (name, rule, description) in enumerate(DEFAULT_SERVICES, start=1):
        session.add(ServiceType(name=name, rule=rule, description=description, sort_order=order))
    order = 0
    for field, metrics in DEFAULT_METRICS.items():
        for name, unit, aggregation in metrics:
            order += 1
            session.add(
                Metric(name=name, field=field, unit=unit, aggregation=aggregation, sort_order=order)
            )
    session.flush()
