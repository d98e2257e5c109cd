"""The quarterly summary (季度汇总) of DESIGN.md §5, computed as plain data.

Every section is a handful of aggregate queries over the whole ledger, never one
query per person, so the summary of any quarter takes milliseconds. The rules: who
is on duty in `app.duty`, who is covered in `app.coverage`; this module adds the
outcome windows and the rounding. Records in the recycle bin count nowhere, nor do
the provisions, outcomes and mentorships of a person (or team) in the bin.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import (
    Mentorship,
    Metric,
    MetricTarget,
    OutcomeEntry,
    ServiceProvision,
    Staff,
    Team,
)
from app.db.vocabulary import Aggregation, Field
from app.numbers import plain
from app.periods import Quarter
from app.records.settings import all_settings
from app.reports.figures import (
    Heading,
    Highlight,
    MentorshipFigures,
    OutcomeFigures,
    QuarterlySummary,
    ServiceFigures,
    StaffFigures,
)
from app.roster.duty import arrived_in, departed_in, on_duty_at_end
from app.services.catalog import services_in
from app.services.coverage import coverage_counts

_FIELD_ORDER = {field: index for index, field in enumerate(Field)}
_ONE_DECIMAL = Decimal("0.1")


def quarterly_summary(
    session: Session, quarter: Quarter, *, made_on: date | None = None
) -> QuarterlySummary:
    """The figures of `quarter` as DESIGN.md §5 defines them; `made_on` defaults to today."""
    settings = all_settings(session)
    return QuarterlySummary(
        quarter=quarter,
        heading=Heading(
            county=settings["county"],
            office=settings["office_name"],
            clerk=settings["clerk_name"],
            made_on=made_on or clock.today(),
            head=settings["office_head"],
            reviewer=settings["reviewer"],
        ),
        staff=staff_figures(session, quarter),
        services=service_figures(session, quarter),
        outcomes=outcome_figures(session, quarter),
        highlights=highlights(session, quarter),
        mentorships=mentorship_figures(session, quarter),
    )


def recent_summaries(session: Session, quarter: Quarter, count: int = 8) -> list[QuarterlySummary]:
    """The summaries of the `count` quarters ending with `quarter`, oldest first (trends)."""
    made_on = clock.today()
    return [quarterly_summary(session, each, made_on=made_on) for each in quarter.back(count)]


def _count(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def staff_figures(session: Session, quarter: Quarter) -> StaffFigures:
    rows = session.execute(
        select(
            Staff.field,
            _count(on_duty_at_end(quarter)),
            _count(arrived_in(quarter)),
            _count(departed_in(quarter)),
        )
        .where(Staff.deleted_at.is_(None))
        .group_by(Staff.field)
    ).all()
    on_duty = {field: 0 for field in Field}
    for field, count, _, _ in rows:
        on_duty[field] = count
    return StaffFigures(
        on_duty_by_field=on_duty,
        arrived=sum(row[2] for row in rows),
        departed=sum(row[3] for row in rows),
    )


def service_figures(session: Session, quarter: Quarter) -> list[ServiceFigures]:
    """The services counting in the quarter (`app.services.catalog.services_in`: not
    retired before it began), in catalog order, each with the rule it had then;
    provisions are counted even on demand."""
    provided = dict(
        session.execute(
            select(ServiceProvision.service_type_id, func.count())
            .join(Staff, Staff.id == ServiceProvision.staff_id)
            .where(
                ServiceProvision.deleted_at.is_(None),
                Staff.deleted_at.is_(None),
                ServiceProvision.date.between(quarter.start, quarter.end),
            )
            .group_by(ServiceProvision.service_type_id)
        ).all()
    )
    coverage = coverage_counts(session, quarter)
    return [
        ServiceFigures(
            service=service.name,
            rule=service.rule,
            provisions=provided.get(service.id, 0),
            eligible=coverage[service.id].eligible,
            covered=coverage[service.id].covered,
            coverage=coverage[service.id].rate,
        )
        for service in services_in(session, quarter)
    ]


def _live_entries(*columns: Any) -> Select[Any]:
    """Outcome entries outside the recycle bin whose person and team are not in it.

    The owners are outer-joined one-to-one, so an entry naming both a person and a
    team is still one row and counts once.
    """
    return (
        select(*columns)
        .select_from(OutcomeEntry)
        .outerjoin(Staff, Staff.id == OutcomeEntry.staff_id)
        .outerjoin(Team, Team.id == OutcomeEntry.team_id)
        .where(
            OutcomeEntry.deleted_at.is_(None),
            Staff.deleted_at.is_(None),
            Team.deleted_at.is_(None),
        )
    )


def _counted_entries(*columns: Any) -> Select[Any]:
    """Live entries that carry a figure (a narrative highlight may have none)."""
    return _live_entries(*columns).where(
        OutcomeEntry.metric_id.is_not(None), OutcomeEntry.value.is_not(None)
    )


def _sum_between(first: date, last: date) -> Any:
    return func.sum(case((OutcomeEntry.date.between(first, last), OutcomeEntry.value)))


def outcome_figures(session: Session, quarter: Quarter) -> list[OutcomeFigures]:
    """Active metrics, and retired ones still holding entries up to the quarter's end,
    in field order, then catalog order."""
    previous = quarter.previous()
    sums = {
        metric_id: windows
        for metric_id, *windows in session.execute(
            _counted_entries(
                OutcomeEntry.metric_id,
                _sum_between(quarter.start, quarter.end),
                _sum_between(previous.start, previous.end),
                _sum_between(quarter.year_start(), quarter.end),
                func.sum(OutcomeEntry.value),
            )
            .where(OutcomeEntry.date <= quarter.end)
            .group_by(OutcomeEntry.metric_id)
        )
    }
    latest = _latest_values(session, quarter)
    metrics = sorted(
        session.execute(
            select(
                Metric.id,
                Metric.field,
                Metric.name,
                Metric.unit,
                Metric.aggregation,
                Metric.sort_order,
                MetricTarget.target_value,
            )
            .outerjoin(
                MetricTarget,
                and_(MetricTarget.metric_id == Metric.id, MetricTarget.year == quarter.year),
            )
            .where(
                Metric.deleted_at.is_(None),
                or_(Metric.active.is_(True), Metric.id.in_(list(sums))),
            )
        ),
        key=lambda metric: (_FIELD_ORDER[metric.field], metric.sort_order, metric.id),
    )
    figures = []
    for metric in metrics:
        target = metric.target_value
        windows: list[Decimal | None]
        if metric.aggregation == Aggregation.SUM:
            windows = [plain(value or Decimal(0)) for value in sums.get(metric.id, [None] * 4)]
        else:
            windows = latest.get(metric.id, [None] * 4)
        this, before, ytd, cumulative = windows
        figures.append(
            OutcomeFigures(
                field=metric.field,
                metric=metric.name,
                unit=metric.unit,
                aggregation=metric.aggregation,
                quarter=this,
                previous=before,
                change=None if this is None or before is None else percent(this - before, before),
                ytd=ytd,
                cumulative=cumulative,
                target=None if target is None else plain(target),
                target_progress=None if ytd is None or target is None else percent(ytd, target),
            )
        )
    return figures


def _latest_values(session: Session, quarter: Quarter) -> dict[int, list[Decimal | None]]:
    """(quarter, previous, ytd, cumulative) of every "latest" metric, from two rows each.

    The quarter, the year to date and "since the first record" all end on the
    quarter's last day, so the latest entry up to that day answers all three when it
    falls inside the window (and nothing does otherwise); the previous quarter needs
    the latest entry up to its own last day. Ties on a date go to the newest entry.
    """
    previous = quarter.previous()
    newest_first = (OutcomeEntry.date.desc(), OutcomeEntry.id.desc())
    ranked = (
        _counted_entries(
            OutcomeEntry.metric_id,
            OutcomeEntry.id,
            OutcomeEntry.date,
            OutcomeEntry.value,
            func.row_number()
            .over(partition_by=OutcomeEntry.metric_id, order_by=newest_first)
            .label("overall"),
            func.row_number()
            .over(
                partition_by=(OutcomeEntry.metric_id, OutcomeEntry.date <= previous.end),
                order_by=newest_first,
            )
            .label("in_part"),
        )
        .join(Metric, Metric.id == OutcomeEntry.metric_id)
        .where(Metric.aggregation == Aggregation.LATEST, OutcomeEntry.date <= quarter.end)
        .subquery()
    )
    rows = session.execute(
        select(ranked.c.metric_id, ranked.c.id, ranked.c.date, ranked.c.value).where(
            or_(
                ranked.c.overall == 1,
                and_(ranked.c.in_part == 1, ranked.c.date <= previous.end),
            )
        )
    ).all()
    found: dict[int, list[Decimal | None]] = {}
    for metric_id in {row.metric_id for row in rows}:
        candidates = [row for row in rows if row.metric_id == metric_id]
        newest = max(candidates, key=lambda row: (row.date, row.id))
        earlier = [row for row in candidates if row.date <= previous.end]
        before = max(earlier, key=lambda row: (row.date, row.id)) if earlier else None
        found[metric_id] = [
            _value_if_from(newest, quarter.start),
            _value_if_from(before, previous.start),
            _value_if_from(newest, quarter.year_start()),
            plain(newest.value),
        ]
    return found


def _value_if_from(row: Any, first: date) -> Decimal | None:
    return plain(row.value) if row is not None and row.date >= first else None


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole × 100 rounded half-up to one decimal; None when `whole` is 0."""
    if not whole:
        return None
    rounded = (part * 100 / whole).quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def highlights(session: Session, quarter: Quarter) -> list[Highlight]:
    """Flagged entries dated in the quarter, by date; named by the person, else the team."""
    rows = session.execute(
        _live_entries(OutcomeEntry.date, Staff.name, Team.name, OutcomeEntry.description)
        .where(
            OutcomeEntry.is_highlight.is_(True),
            OutcomeEntry.date.between(quarter.start, quarter.end),
        )
        .order_by(OutcomeEntry.date, OutcomeEntry.id)
    )
    return [
        Highlight(date=day, staff=person or team or "", text=text)
        for day, person, team, text in rows
    ]


def mentorship_figures(session: Session, quarter: Quarter) -> MentorshipFigures:
    active = and_(
        Mentorship.start_date <= quarter.end,
        or_(Mentorship.end_date.is_(None), Mentorship.end_date >= quarter.start),
    )
    row = session.execute(
        select(_count(active), _count(Mentorship.start_date.between(quarter.start, quarter.end)))
        .join(Staff, Staff.id == Mentorship.mentor_id)
        .where(Mentorship.deleted_at.is_(None), Staff.deleted_at.is_(None))
    ).one()
    return MentorshipFigures(active=row[0], new=row[1])
