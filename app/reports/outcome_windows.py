"""The summary's outcome windows (DESIGN.md §5): per metric, the quarter, the previous
quarter, the year to date and the cumulative figure since the first record.

For several quarters at once (the trend), each section is still one query: a sum
metric's windows are added from SUM(CASE …) columns, one per quarter, over one pass of
the live figures (the covering index `ix_outcome_entry_live_figures`); a latest metric's
windows come from the newest entry of each metric in each quarter's span, ranked in
one query over the latest metrics' own entries only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session

from app.db.models import Metric, MetricTarget, OutcomeEntry, Staff, Team
from app.db.vocabulary import Aggregation, Field
from app.numbers import plain
from app.periods import Quarter
from app.reports.figures import OutcomeFigures

_FIELD_ORDER = {field: index for index, field in enumerate(Field)}
_ONE_DECIMAL = Decimal("0.1")


def live_entries(*columns: Any) -> Select[Any]:
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


def counted_entries(*columns: Any) -> Select[Any]:
    """Live entries that carry a figure (a narrative highlight may have none)."""
    return live_entries(*columns).where(
        OutcomeEntry.metric_id.is_not(None), OutcomeEntry.value.is_not(None)
    )


def _cuts(quarters: Sequence[Quarter]) -> list[date]:
    """The first days where a window of `quarters` starts or ends (the day after its
    end): the figures are summed between consecutive cuts, and before the first one."""
    cuts = set()
    for quarter in quarters:
        cuts |= {
            quarter.start,
            quarter.previous().start,
            quarter.year_start(),
            quarter.next().start,
        }
    return sorted(cuts)


def _sums(session: Session, quarters: Sequence[Quarter]) -> list[dict[int, list[Any]]]:
    """Per quarter, per metric with figures up to the quarter's end, the sums of its
    four windows (None for a window without entries). Two queries: the live figures
    before the first cut summed per metric, then those after it with a column per span
    between two cuts; each window is added from its spans here. Grouped by metric
    alone, the rows arrive in the covering index's order (no sort of the figures), and
    the years before the windows are summed without a CASE per row."""
    cuts = _cuts(quarters)
    day, value = OutcomeEntry.date, OutcomeEntry.value
    columns = [
        func.sum(case((and_(day >= first, day < after), value))) for first, after in pairwise(cuts)
    ]
    totals: dict[int, dict[int, Decimal]] = {}
    for metric_id, before in session.execute(  # all before the first cut: a plain SUM
        counted_entries(OutcomeEntry.metric_id, func.sum(value))
        .where(day < cuts[0])
        .group_by(OutcomeEntry.metric_id)
    ):
        totals[metric_id] = {-1: before}
    for metric_id, *by_span in session.execute(
        counted_entries(OutcomeEntry.metric_id, *columns)
        .where(day >= cuts[0], day <= quarters[-1].end)
        .group_by(OutcomeEntry.metric_id)
    ):
        totals.setdefault(metric_id, {}).update(
            (index, total) for index, total in enumerate(by_span) if total is not None
        )

    def spans(first: date | None, last: date) -> list[int]:
        """The columns summing [first, last] (from the very first figure when None)."""
        inside = [
            index
            for index, (start, after) in enumerate(pairwise(cuts))
            if (first is None or start >= first) and after <= last + timedelta(days=1)
        ]
        return [-1, *inside] if first is None else inside

    found: list[dict[int, list[Any]]] = []
    for quarter in quarters:
        previous = quarter.previous()
        windows = (
            spans(quarter.start, quarter.end),
            spans(previous.start, previous.end),
            spans(quarter.year_start(), quarter.end),
            spans(None, quarter.end),
        )
        of_quarter: dict[int, list[Any]] = {}
        for metric_id, parts in totals.items():
            sums = [_total(parts, indexes) for indexes in windows]
            if sums[3] is not None:  # the metric has figures up to the quarter's end
                of_quarter[metric_id] = sums
        found.append(of_quarter)
    return found


def _total(parts: dict[int, Decimal], indexes: Sequence[int]) -> Decimal | None:
    present = [parts[index] for index in indexes if index in parts]
    return sum(present, Decimal(0)) if present else None


def outcome_figures_of(session: Session, quarters: Sequence[Quarter]) -> list[list[OutcomeFigures]]:
    """Per quarter: active metrics, and retired ones still holding entries up to the
    quarter's end, in field order, then catalog order."""
    sums = _sums(session, quarters)
    latest = _latest_values(session, quarters)
    years = sorted({quarter.year for quarter in quarters})
    catalog = session.execute(
        select(
            Metric.id,
            Metric.field,
            Metric.name,
            Metric.unit,
            Metric.aggregation,
            Metric.sort_order,
            Metric.active,
        ).where(Metric.deleted_at.is_(None))
    ).all()
    targets = {
        (metric_id, year): value
        for metric_id, year, value in session.execute(
            select(MetricTarget.metric_id, MetricTarget.year, MetricTarget.target_value).where(
                MetricTarget.year.in_(years)
            )
        )
    }
    ordered = sorted(
        catalog, key=lambda metric: (_FIELD_ORDER[metric.field], metric.sort_order, metric.id)
    )
    return [
        _figures(index, quarter, ordered, sums, latest, targets)
        for index, quarter in enumerate(quarters)
    ]


def _figures(
    index: int,
    quarter: Quarter,
    metrics: Sequence[Any],
    sums: list[dict[int, list[Any]]],
    latest: list[dict[int, list[Decimal | None]]],
    targets: dict[tuple[int, int], Decimal],
) -> list[OutcomeFigures]:
    figures = []
    for metric in metrics:
        quarter_sums = sums[index].get(metric.id)
        # A retired metric shows while it holds entries up to the quarter's end.
        if not metric.active and quarter_sums is None:
            continue
        windows: list[Decimal | None]
        if metric.aggregation == Aggregation.SUM:
            windows = [plain(value or Decimal(0)) for value in quarter_sums or [None] * 4]
        else:
            windows = latest[index].get(metric.id, [None] * 4)
        this, before, ytd, cumulative = windows
        target = targets.get((metric.id, quarter.year))
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


def _latest_values(
    session: Session, quarters: Sequence[Quarter]
) -> list[dict[int, list[Decimal | None]]]:
    """Per quarter, (quarter, previous, ytd, cumulative) of every "latest" metric.

    The quarter, the year to date and "since the first record" all end on the
    quarter's last day, so the latest entry up to that day answers all three when it
    falls inside the window (and nothing does otherwise); the previous quarter needs
    the latest entry up to its own last day. Ties on a date go to the newest entry.
    The newest entry of each metric in each span (before the first quarter's previous
    one, then each quarter) is ranked in one query; the newest up to a quarter's end
    is the newest of those spans up to it.
    """
    spans = [quarters[0].previous(), *quarters]
    bucket = case(
        *((OutcomeEntry.date <= span.end, index) for index, span in enumerate(spans)),
        else_=len(spans),
    )
    newest_first = (OutcomeEntry.date.desc(), OutcomeEntry.id.desc())
    ranked = (
        counted_entries(
            OutcomeEntry.metric_id,
            OutcomeEntry.id,
            OutcomeEntry.date,
            OutcomeEntry.value,
            bucket.label("span"),
            func.row_number()
            .over(partition_by=(OutcomeEntry.metric_id, bucket), order_by=newest_first)
            .label("rank"),
        )
        .where(
            # the latest metrics' own entries, found on the metric index, not all ranked
            OutcomeEntry.metric_id.in_(
                select(Metric.id).where(Metric.aggregation == Aggregation.LATEST)
            ),
            OutcomeEntry.date <= quarters[-1].end,
        )
        .subquery()
    )
    rows = session.execute(
        select(ranked.c.metric_id, ranked.c.id, ranked.c.date, ranked.c.value, ranked.c.span).where(
            ranked.c.rank == 1
        )
    ).all()
    found: list[dict[int, list[Decimal | None]]] = []
    for index, quarter in enumerate(quarters):
        previous = quarter.previous()
        values: dict[int, list[Decimal | None]] = {}
        for metric_id in {row.metric_id for row in rows}:
            candidates = [
                row for row in rows if row.metric_id == metric_id and row.span <= index + 1
            ]
            if not candidates:
                continue
            newest = max(candidates, key=lambda row: (row.date, row.id))
            earlier = [row for row in candidates if row.date <= previous.end]
            before = max(earlier, key=lambda row: (row.date, row.id)) if earlier else None
            values[metric_id] = [
                _value_if_from(newest, quarter.start),
                _value_if_from(before, previous.start),
                _value_if_from(newest, quarter.year_start()),
                plain(newest.value),
            ]
        found.append(values)
    return found


def _value_if_from(row: Any, first: date) -> Decimal | None:
    return plain(row.value) if row is not None and row.date >= first else None


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole × 100 rounded half-up to one decimal; None when `whole` is 0."""
    if not whole:
        return None
    rounded = (part * 100 / whole).quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded
