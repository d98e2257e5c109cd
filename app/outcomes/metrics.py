"""Outcome metrics (成效指标) and their yearly targets (年度目标): rules and lists.

The metrics are data in the database (seeded by `app.db.seed`); the office edits them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from app.db.listing import ListColumn, Listing, labelled_column
from app.db.models import Metric, MetricTarget, OutcomeEntry
from app.db.vocabulary import Aggregation, Field
from app.i18n import translate
from app.periods import Quarter
from app.records.closing import closed_quarters
from app.records.fields import read_catalog_entry, read_text
from app.records.kinds import (
    RecordKind,
    Reference,
    check_reference,
    count_references,
    unique_name_problem,
)
from app.records.validation import Problems, parse_decimal, parse_int, parse_vocabulary


def active_metrics(session: Session) -> list[Metric]:
    return list(
        session.scalars(
            select(Metric)
            .where(Metric.deleted_at.is_(None), Metric.active.is_(True))
            .order_by(Metric.sort_order, Metric.id)
        )
    )


def _normalise_metric(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(METRIC.label)
    clean = read_catalog_entry(problems, values, Metric)
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
    clean["unit"] = read_text(problems, values, Metric, "unit")
    clean["aggregation"] = (
        problems.read(values, "aggregation", parse_vocabulary, Aggregation) or Aggregation.SUM
    )
    if current is not None and clean["aggregation"] != current.aggregation:
        closed = closed_quarters_holding(session, current.id)
        if closed:
            # A closed summary was printed with the old rule; it must not drift.
            problems.add(
                "aggregation",
                translate(
                    "Catalogs",
                    "cannot change while closed quarters hold its entries ({quarters}); "
                    "reopen them first, or add a new metric",
                ).format(quarters="、".join(str(quarter) for quarter in closed)),
            )
    problems.raise_if_any()
    return clean


def closed_quarters_holding(session: Session, metric_id: int) -> list[Quarter]:
    """Closed quarters in which the metric has live entries, oldest first."""
    return [
        quarter
        for quarter in sorted(closed_quarters(session))
        if session.scalar(
            select(OutcomeEntry.id)
            .where(
                OutcomeEntry.metric_id == metric_id,
                OutcomeEntry.deleted_at.is_(None),
                OutcomeEntry.date.between(quarter.start, quarter.end),
            )
            .limit(1)
        )
        is not None
    ]


def _aggregation_change(
    session: Session, clean: dict[str, Any], current: Any
) -> list[tuple[str, str, str]]:
    """Switching sum ↔ latest rewrites every figure of the metric in every summary not
    yet closed (closed ones refuse it above): the clerk confirms, knowing how many
    entries are read anew."""
    if current is None or clean["aggregation"] == current.aggregation:
        return []
    count = (
        session.scalar(
            select(func.count())
            .select_from(OutcomeEntry)
            .where(OutcomeEntry.metric_id == current.id, OutcomeEntry.deleted_at.is_(None))
        )
        or 0
    )
    if not count:
        return []
    message = translate(
        "Catalogs",
        "its {count} entries will be counted as “{rule}” in every summary from now on",
    ).format(count=count, rule=Aggregation(clean["aggregation"]).label())
    return [("aggregation-change", "aggregation", message)]


METRIC = RecordKind(
    model=Metric,
    normalise=_normalise_metric,
    describe=lambda metric: metric.name,
    cautions=_aggregation_change,
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


def _normalise_target(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(TARGET.label)
    metric = check_reference(session, problems, values, "metric_id", Metric)
    year = problems.read(values, "year", parse_int, minimum=2000, maximum=2100)
    target = problems.read(values, "target_value", parse_decimal)
    problems.require("target_value", target)
    if metric is not None and year is not None:
        query = select(MetricTarget).where(
            MetricTarget.metric_id == metric.id, MetricTarget.year == year
        )
        if current is not None:
            query = query.where(MetricTarget.id != current.id)
        if session.scalar(query) is not None:
            problems.add(
                "year",
                translate("Outcomes", "{metric} already has a target for {year}").format(
                    metric=metric.name, year=year
                ),
            )
    problems.raise_if_any()
    return {"metric_id": metric.id if metric else None, "year": year, "target_value": target}


def _target_year_start(values: Mapping[str, Any]) -> list[date | None]:
    """A target is printed with every quarter of its year: it freezes with the first."""
    year = values.get("year")
    return [date(year, 1, 1)] if isinstance(year, int) else []


TARGET = RecordKind(
    model=MetricTarget,
    normalise=_normalise_target,
    describe=lambda target: f"{target.metric.name} {target.year}",
    dated_by=_target_year_start,
)


class Metrics(Listing):
    model = Metric
    entities = frozenset({"metric"})
    default_sort = "sort_order"

    def columns(self) -> list[ListColumn]:
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

    def columns(self) -> list[ListColumn]:
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
