"""What the dashboard picks out of a quarter's summary (总览): the weakest service and
the leading outcome figures of each field.

Picked here, without Qt, so the choice is tested once and the dashboard only lays it out.
"""

from __future__ import annotations

from app.db.vocabulary import Aggregation, Field
from app.reports.figures import OutcomeFigures, QuarterlySummary, ServiceFigures


def lowest_coverage(summary: QuarterlySummary) -> ServiceFigures | None:
    """The service covering the smallest share of eligible staff (catalog order breaks
    ties); None when no service has a coverage (on-demand only, or nobody eligible)."""
    measured = [line for line in summary.services if line.coverage is not None]
    return min(measured, key=lambda line: line.coverage or 0.0) if measured else None


def leading_outcomes(summary: QuarterlySummary, per_field: int = 2) -> list[OutcomeFigures]:
    """The first `per_field` sum metrics of each field that have ever been recorded, in
    the summary's order (field, then the catalog's sort order)."""
    picked: list[OutcomeFigures] = []
    taken: dict[Field, int] = {}
    for line in summary.outcomes:
        if line.aggregation is not Aggregation.SUM or not line.cumulative:
            continue
        if taken.get(line.field, 0) < per_field:
            taken[line.field] = taken.get(line.field, 0) + 1
            picked.append(line)
    return picked
