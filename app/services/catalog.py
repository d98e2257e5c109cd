"""The two editable catalogs: the ten services (十项服务) and outcome metrics (成效指标).

Their contents are data in the database, seeded on a new ledger from DESIGN.md §4;
no rule anywhere refers to a service or metric by name.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Metric, MetricTarget, OutcomeEntry, ServiceProvision, ServiceType
from app.db.vocabulary import Aggregation, Field, ServiceRule
from app.i18n import translate
from app.records.kinds import Kind, Reference, count_references, unique_name_problem
from app.records.validation import Problems, clean_text, parse_bool, parse_int, parse_vocabulary

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


def seed_defaults(session: Session) -> None:
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


def active_services(session: Session) -> list[ServiceType]:
    return list(
        session.scalars(
            select(ServiceType)
            .where(ServiceType.deleted_at.is_(None), ServiceType.active.is_(True))
            .order_by(ServiceType.sort_order, ServiceType.id)
        )
    )


def active_metrics(session: Session) -> list[Metric]:
    return list(
        session.scalars(
            select(Metric)
            .where(Metric.deleted_at.is_(None), Metric.active.is_(True))
            .order_by(Metric.sort_order, Metric.id)
        )
    )


def _catalog_common(problems: Problems, values: dict[str, Any]) -> dict[str, Any]:
    name = problems.read(values, "name", clean_text, max_length=50)
    problems.require("name", name)
    order = problems.take(
        "sort_order", lambda: parse_int(values.get("sort_order") or 0, minimum=0, maximum=9999)
    )
    active = values.get("active")
    return {
        "name": name,
        "sort_order": order or 0,
        "active": True if active is None else problems.take("active", parse_bool, active),
    }


def _normalise_service(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(SERVICE_TYPE.label)
    clean = _catalog_common(problems, values)
    if clean["name"] and (
        message := unique_name_problem(session, ServiceType, clean["name"], current)
    ):
        problems.add("name", message)
    clean["rule"] = problems.read(values, "rule", parse_vocabulary, ServiceRule)
    problems.require("rule", clean["rule"])
    clean["description"] = problems.read(values, "description", clean_text) or ""
    problems.raise_if_any()
    return clean


def _normalise_metric(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(METRIC.label)
    clean = _catalog_common(problems, values)
    clean["field"] = problems.read(values, "field", parse_vocabulary, Field)
    problems.require("field", clean["field"])
    if (
        clean["name"]
        and clean["field"]
        and (
            message := unique_name_problem(
                session, Metric, clean["name"], current, field=clean["field"]
            )
        )
    ):
        problems.add("name", message)
    clean["unit"] = problems.read(values, "unit", clean_text, max_length=20) or ""
    clean["aggregation"] = (
        problems.read(values, "aggregation", parse_vocabulary, Aggregation) or Aggregation.SUM
    )
    if current is not None and clean["aggregation"] != current.aggregation:
        # Switching sum/latest silently rewrites every printed figure of the metric.
        used = count_references(
            session,
            current.id,
            [Reference(OutcomeEntry.metric_id, translate("Catalogs", "{count} outcome entries"))],
            purge=True,
        )
        if used:
            problems.add(
                "aggregation",
                translate("Catalogs", "cannot change while {uses} use it; add a new metric").format(
                    uses=used[0]
                ),
            )
    problems.raise_if_any()
    return clean


SERVICE_TYPE = Kind(
    model=ServiceType,
    normalise=_normalise_service,
    describe=lambda service: service.name,
    blockers=lambda session, service, purge: count_references(
        session,
        service.id,
        [
            Reference(
                ServiceProvision.service_type_id,
                translate("Catalogs", "{count} service records (deactivate it instead)"),
            )
        ],
        purge=purge,
    ),
)

METRIC = Kind(
    model=Metric,
    normalise=_normalise_metric,
    describe=lambda metric: metric.name,
    blockers=lambda session, metric, purge: count_references(
        session,
        metric.id,
        [
            Reference(
                OutcomeEntry.metric_id,
                translate("Catalogs", "{count} outcome entries (deactivate it instead)"),
            ),
            Reference(MetricTarget.metric_id, translate("Catalogs", "{count} yearly targets")),
        ],
        purge=purge,
    ),
)
