"""Lists of the editable catalogs: the ten services, the metrics and their yearly targets.

Deactivated entries stay listed (marked in the Active column), because the office may
switch them back on; entries in the recycle bin are the bin's business.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.db.listing import Column, Listing
from app.db.models import Metric, MetricTarget, Record, ServiceType, label_of


def labelled_column(model: type[Record], key: str, **options: Any) -> Column:
    """A column headed by the model's own label for `key` (one name for a field everywhere)."""
    return Column(key, lambda: label_of(model, key), getattr(model, key), **options)


class ServiceTypes(Listing):
    model = ServiceType
    entities = frozenset({"service_type"})
    default_sort = "sort_order"

    def columns(self) -> list[Column]:
        return [
            labelled_column(ServiceType, "sort_order", numeric=True),
            labelled_column(ServiceType, "name"),
            labelled_column(ServiceType, "rule"),
            labelled_column(ServiceType, "active"),
            labelled_column(ServiceType, "description"),
        ]

    def base(self) -> Select[Any]:
        return select(ServiceType.id).where(ServiceType.deleted_at.is_(None))


class Metrics(Listing):
    model = Metric
    entities = frozenset({"metric"})
    default_sort = "sort_order"

    def columns(self) -> list[Column]:
        return [
            labelled_column(Metric, "sort_order", numeric=True),
            labelled_column(Metric, "name"),
            labelled_column(Metric, "field"),
            labelled_column(Metric, "unit"),
            labelled_column(Metric, "aggregation"),
            labelled_column(Metric, "active"),
        ]

    def base(self) -> Select[Any]:
        return select(Metric.id).where(Metric.deleted_at.is_(None))


class MetricTargets(Listing):
    """Yearly targets, usually filtered to one metric (`metric_id`)."""

    model = MetricTarget
    entities = frozenset({"metric_target", "metric"})
    default_sort = "year"

    def columns(self) -> list[Column]:
        return [
            labelled_column(MetricTarget, "year"),
            labelled_column(MetricTarget, "target_value", numeric=True),
        ]

    def filters(self) -> dict[str, Any]:
        return {
            "metric_id": lambda statement, metric_id: statement.where(
                MetricTarget.metric_id == metric_id
            )
        }


def next_sort_order(session: Session, model: type[ServiceType] | type[Metric]) -> int:
    """Where a new catalog entry goes by default: after every existing one."""
    return (session.scalar(select(func.max(model.sort_order))) or 0) + 1


def metric_units(session: Session) -> list[str]:
    """Units already used by metrics, most used first (suggestions for a new metric)."""
    count = func.count(Metric.id)
    return list(
        session.scalars(
            select(Metric.unit)
            .where(Metric.unit != "")
            .group_by(Metric.unit)
            .order_by(count.desc(), Metric.unit)
        )
    )
