"""The quarterly summary as plain data: what `app.reports` computes and every output shows.

One set of objects feeds the JSON of `report --json`, the printable document, the
Excel workbook, the charts and the dashboard, so they cannot disagree. Figures stay
`Decimal` (exact sums of the stored values); JSON writes a whole number as an int.
Names are the catalogs' Chinese data; fields are written with their official Chinese
term (`Field.zh`) whatever the UI language, as DESIGN.md §7's JSON shape asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.db.vocabulary import Aggregation, Field, ServiceRule
from app.numbers import native
from app.periods import Quarter


@dataclass(frozen=True)
class Heading:
    """Who made the summary and when (the printout's title block)."""

    county: str
    office: str
    clerk: str
    made_on: date
    head: str = ""  # 单位负责人, who signs the printout
    reviewer: str = ""  # 审核人


@dataclass(frozen=True)
class StaffFigures:
    """Head count at the quarter's end by field (every field, zeros included), and moves."""

    on_duty_by_field: dict[Field, int]
    arrived: int
    departed: int

    @property
    def on_duty_total(self) -> int:
        return sum(self.on_duty_by_field.values())


@dataclass(frozen=True)
class ServiceFigures:
    """One service in the quarter; eligible, covered and coverage are None for on-demand."""

    service: str
    rule: ServiceRule
    provisions: int
    eligible: int | None
    covered: int | None
    coverage: float | None  # covered / eligible, unrounded; None when eligible is 0


@dataclass(frozen=True)
class OutcomeFigures:
    """One metric: sums (sum metrics) or the latest value (latest metrics) per window.

    `change` is the percent change against the previous quarter, rounded half-up to one
    decimal, None when the previous value is 0 or None. `target` is the metric's target
    for the quarter's year, `target_progress` the year-to-date as a percent of it (one
    decimal), both None without a target.
    """

    field: Field
    metric: str
    unit: str
    aggregation: Aggregation
    quarter: Decimal | None
    previous: Decimal | None
    change: Decimal | None
    ytd: Decimal | None
    cumulative: Decimal | None
    target: Decimal | None = None
    target_progress: Decimal | None = None


@dataclass(frozen=True)
class Highlight:
    """A flagged outcome entry; `staff` is the person's name, or the team's."""

    date: date
    staff: str
    text: str


@dataclass(frozen=True)
class MentorshipFigures:
    active: int
    new: int


@dataclass(frozen=True)
class QuarterlySummary:
    quarter: Quarter
    heading: Heading
    staff: StaffFigures
    services: list[ServiceFigures]
    outcomes: list[OutcomeFigures]
    highlights: list[Highlight]
    mentorships: MentorshipFigures

    def to_json(self) -> dict[str, Any]:
        """The shape of `report --json` (issue 4); targets ride along as an extra key."""
        return {
            "quarter": str(self.quarter),
            "period": {
                "start": self.quarter.start.isoformat(),
                "end": self.quarter.end.isoformat(),
            },
            "staff": {
                "on_duty": {
                    "total": self.staff.on_duty_total,
                    "by_field": {
                        field.zh: count for field, count in self.staff.on_duty_by_field.items()
                    },
                },
                "arrived": self.staff.arrived,
                "departed": self.staff.departed,
            },
            "services": [
                {
                    "service": line.service,
                    "rule": line.rule.value,
                    "provisions": line.provisions,
                    "eligible": line.eligible,
                    "covered": line.covered,
                    "coverage": line.coverage,
                }
                for line in self.services
            ],
            "outcomes": [
                {
                    "field": line.field.zh,
                    "metric": line.metric,
                    "unit": line.unit,
                    "quarter": json_number(line.quarter),
                    "previous": json_number(line.previous),
                    "change": json_number(line.change),
                    "ytd": json_number(line.ytd),
                    "cumulative": json_number(line.cumulative),
                }
                for line in self.outcomes
            ],
            "highlights": [
                {"date": item.date.isoformat(), "staff": item.staff, "text": item.text}
                for item in self.highlights
            ],
            "mentorships": {"active": self.mentorships.active, "new": self.mentorships.new},
            "targets": [
                {
                    "field": line.field.zh,
                    "metric": line.metric,
                    "year": self.quarter.year,
                    "target": json_number(line.target),
                    "ytd": json_number(line.ytd),
                    "progress": json_number(line.target_progress),
                }
                for line in self.outcomes
                if line.target is not None
            ],
        }


def json_number(value: Decimal | None) -> int | float | None:
    """A figure in JSON: 15207, not 15207.0; None stays None."""
    return None if value is None else native(value)
