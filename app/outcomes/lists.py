"""The Outcomes page's lists: the outcome ledger with its totals, and the mentorships.

The ledger may hold hundreds of thousands of entries, so it is `windowed` (the table
model counts and fetches windows of ids) and its columns are correlated look-ups
rather than joins: the select of ids stays on `outcome_entry` alone, filters are
`IN (…)` sub-selects, and the newest rows come straight off the date index.

Totals follow DESIGN.md §5's aggregation rule for exactly the entries shown: a sum
metric adds its values up, a latest metric shows the value of its latest-dated entry
(ties to the entry made last) — never a sum of levels such as 亩产.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.db.base import label_of
from app.db.listing import ListColumn, Listing, ListQuery, labelled_column, like_pattern, walked
from app.db.models import Mentorship, Metric, OutcomeEntry, Staff, Team
from app.db.vocabulary import Aggregation, Field
from app.i18n import translate
from app.numbers import plain
from app.periods import Quarter
from app.records.validation import parse_date

E = OutcomeEntry


def live_entries() -> ColumnElement[bool]:
    """Entries outside the recycle bin whose person and team are not in it either (the
    entries the summary counts).

    Each owner check is guarded by "is anyone binned at all?", an uncorrelated test
    SQLite answers once per query: with an empty bin (the usual case) no row pays for
    the look-up.
    """
    binned_staff = select(Staff.id).where(Staff.deleted_at.is_not(None))
    binned_teams = select(Team.id).where(Team.deleted_at.is_not(None))
    return and_(
        walked(E.deleted_at.is_(None)),
        or_(~binned_staff.exists(), E.staff_id.is_(None), E.staff_id.not_in(binned_staff)),
        or_(~binned_teams.exists(), E.team_id.is_(None), E.team_id.not_in(binned_teams)),
    )


def _name_of(model: Any, key: Any, column: str = "name") -> Any:
    """A staff's or team's name (or its pinyin `name_key`) by id, for the entry's row."""
    value = getattr(model, column)
    return select(value).where(model.id == key).correlate(E).scalar_subquery()


def _metric(column: Any) -> Any:
    return select(column).where(Metric.id == E.metric_id).correlate(E).scalar_subquery()


def _team_of_entry(column: str = "name") -> Any:
    """The entry's own team, else the person's team (what the Team column shows)."""
    persons_team = (
        select(getattr(Team, column))
        .join(Staff, Staff.team_id == Team.id)
        .where(Staff.id == E.staff_id)
        .correlate(E)
        .scalar_subquery()
    )
    return func.coalesce(_name_of(Team, E.team_id, column), persons_team)


def _as_date(value: Any) -> date | None:
    return parse_date(value)


class OutcomeList(Listing):
    """The ledger of outcome entries, newest first.

    Filters: `quarter` ("2024Q3"), `date_from` / `date_to` (inclusive), `field` (the
    metric's field, a code), `team_id` (the team's own entries and its members'),
    `team_level` (only the team's own entries), `staff_id`, `metric_id`, `highlights`
    (only highlights when true). The search looks in the description and the names of
    the person, the team and the metric.
    """

    model = OutcomeEntry
    entities = frozenset({"outcome_entry", "staff", "team", "metric"})
    default_sort = "date"
    windowed = True

    def columns(self) -> list[ListColumn]:
        return [
            labelled_column(E, "date", width=10),
            ListColumn(
                "staff",
                lambda: label_of(E, "staff_id"),
                _name_of(Staff, E.staff_id),
                width=8,
                sort=_name_of(Staff, E.staff_id, "name_key"),
            ),
            ListColumn(
                "team",
                lambda: label_of(E, "team_id"),
                _team_of_entry(),
                width=12,
                sort=_team_of_entry("name_key"),
            ),
            ListColumn("field", lambda: label_of(Metric, "field"), _metric(Metric.field), width=6),
            ListColumn("metric", lambda: label_of(E, "metric_id"), _metric(Metric.name), width=14),
            labelled_column(E, "value", numeric=True, width=8),
            ListColumn("unit", lambda: label_of(Metric, "unit"), _metric(Metric.unit), width=6),
            labelled_column(E, "is_highlight", width=4),
            labelled_column(E, "description", width=30),
            labelled_column(E, "period", width=8),
        ]

    def base(self) -> Select[Any]:
        return select(E.id).where(live_entries())

    def where(self, statement: Select[Any], query: ListQuery) -> Select[Any]:
        for word in query.search.split():
            pattern = like_pattern(word)

            def named(model: Any, pattern: str = pattern) -> Any:
                return select(model.id).where(model.name.ilike(pattern, escape="\\"))

            statement = statement.where(
                or_(
                    E.description.ilike(pattern, escape="\\"),
                    E.staff_id.in_(named(Staff)),
                    E.team_id.in_(named(Team)),
                    E.metric_id.in_(named(Metric)),
                )
            )
        return super().where(statement, ListQuery(filters=query.filters))

    def filters(self) -> dict[str, Any]:
        def in_quarter(statement: Select[Any], text: str) -> Select[Any]:
            quarter = Quarter.parse(str(text))
            return statement.where(E.date.between(quarter.start, quarter.end))

        def of_team(statement: Select[Any], team_id: int) -> Select[Any]:
            members = select(Staff.id).where(Staff.team_id == team_id)
            return statement.where(walked(or_(E.team_id == team_id, E.staff_id.in_(members))))

        def highlights(statement: Select[Any], only: Any) -> Select[Any]:
            return statement.where(E.is_highlight.is_(True)) if only else statement

        return {
            "quarter": in_quarter,
            "date_from": lambda statement, day: statement.where(E.date >= _as_date(day)),
            "date_to": lambda statement, day: statement.where(E.date <= _as_date(day)),
            "field": lambda statement, code: statement.where(
                walked(E.metric_id.in_(select(Metric.id).where(Metric.field == Field(code))))
            ),
            "team_id": of_team,
            "team_level": lambda statement, team_id: statement.where(
                E.team_id == team_id, E.staff_id.is_(None)
            ),
            "staff_id": lambda statement, staff_id: statement.where(E.staff_id == staff_id),
            "metric_id": lambda statement, metric_id: statement.where(E.metric_id == metric_id),
            "highlights": highlights,
        }


# ----------------------------------------------------------------- totals
@dataclass(frozen=True)
class MetricTotal:
    """One metric over a set of entries: the sum (sum metrics) or the latest value
    (latest metrics, with the date it was reported), and how many figures it holds."""

    metric_id: int
    field: Field
    metric: str
    unit: str
    aggregation: Aggregation
    value: Decimal
    entries: int
    as_of: date | None = None  # latest metrics: the date of the value shown


def totals_of(session: Session, entries: Select[Any]) -> list[MetricTotal]:
    """Totals per metric of the entries `entries` selects (a select of entry ids with its
    WHERE), in field and catalog order; entries without a figure are not counted."""
    figures = entries.where(walked(E.metric_id.is_not(None)), E.value.is_not(None))
    # Grouped over every metric, by an expression: grouping by the bare column (or
    # keeping only sum metrics) sends SQLite through the metric index, one random row
    # read per entry, instead of one pass and a sort. Latest metrics are read below.
    grouped = func.coalesce(E.metric_id, 0)
    sums = {
        metric_id: (total, count)
        for metric_id, total, count in session.execute(
            figures.with_only_columns(grouped, func.sum(E.value), func.count()).group_by(grouped)
        )
    }
    ranked = (
        figures.with_only_columns(
            E.metric_id,
            E.value,
            E.date,
            func.row_number()
            .over(partition_by=E.metric_id, order_by=(E.date.desc(), E.id.desc()))
            .label("newest"),
            func.count().over(partition_by=E.metric_id).label("entries"),
        )
        .where(E.metric_id.in_(_metrics_of(Aggregation.LATEST)))
        .subquery()
    )
    latest = {
        row.metric_id: row for row in session.execute(select(ranked).where(ranked.c.newest == 1))
    }
    catalog = session.execute(
        select(
            Metric.id, Metric.field, Metric.name, Metric.unit, Metric.aggregation, Metric.sort_order
        ).where(Metric.id.in_([*sums, *latest]))
    ).all()
    order = {field: index for index, field in enumerate(Field)}
    lines = []
    for line in sorted(catalog, key=lambda m: (order[m.field], m.sort_order, m.id)):
        facts = {
            "metric_id": line.id,
            "field": line.field,
            "metric": line.name,
            "unit": line.unit,
            "aggregation": line.aggregation,
        }
        if line.aggregation == Aggregation.LATEST and line.id in latest:
            newest = latest[line.id]
            value, count, as_of = newest.value, newest.entries, newest.date
        elif line.aggregation == Aggregation.SUM and line.id in sums:
            (value, count), as_of = sums[line.id], None
        else:
            continue
        lines.append(
            MetricTotal(**facts, value=plain(Decimal(str(value))), entries=count, as_of=as_of)
        )
    return lines


def _metrics_of(aggregation: Aggregation) -> Select[Any]:
    return select(Metric.id).where(Metric.aggregation == aggregation)


def outcome_totals(session: Session, query: ListQuery) -> list[MetricTotal]:
    """Totals of what the ledger shows for `query` (its search and filters)."""
    listing = OutcomeList()
    return totals_of(session, listing.where(listing.base(), query))


@dataclass(frozen=True)
class StaffTotals:
    """A person's outcome totals by metric: their own, and their team's own entries."""

    own: list[MetricTotal]
    team: str
    team_totals: list[MetricTotal]

    def rows(self) -> list[tuple[str, Any, str, str]]:
        """(metric, total, unit, whose) as the person's file shows them, on screen and on
        paper: their own totals, then their team's own figures marked with the team's
        name (a team's figure belongs to the team, not to each member); a level such as
        亩产 shows its latest value, marked."""
        own = translate("StaffTotals", "own")
        team = translate("StaffTotals", "team: {team}").format(team=self.team)
        latest = translate("StaffTotals", "{metric} (latest)")
        return [
            (
                latest.format(metric=line.metric) if line.as_of else line.metric,
                line.value,
                line.unit,
                whose,
            )
            for lines, whose in ((self.own, own), (self.team_totals, team))
            for line in lines
        ]


def staff_outcome_totals(session: Session, staff_id: int) -> StaffTotals:
    staff = session.get(Staff, staff_id)
    own = outcome_totals(session, ListQuery(filters={"staff_id": staff_id}))
    if staff is None or staff.team is None or staff.team.deleted_at is not None:
        return StaffTotals(own=own, team="", team_totals=[])
    team = outcome_totals(session, ListQuery(filters={"team_level": staff.team_id}))
    return StaffTotals(own=own, team=staff.team.name, team_totals=team)


# ----------------------------------------------------------------- mentorships
class MentorshipList(Listing):
    """Mentorships, newest first. Filters: `mentor_id`, `quarter` (active in it, as the
    summary counts), `field` (the mentor's). Search: mentor, mentee, unit, goal."""

    model = Mentorship
    windowed = True  # 20,000 in a province, built with the Outcomes page: never every id
    entities = frozenset({"mentorship", "staff"})
    default_sort = "start_date"
    search_in = (Staff.name, Mentorship.mentee_name, Mentorship.mentee_unit, Mentorship.goal)

    def columns(self) -> list[ListColumn]:
        return [
            ListColumn(
                "mentor",
                lambda: label_of(Mentorship, "mentor_id"),
                Staff.name,
                width=8,
                sort=Staff.name_key,
            ),
            ListColumn("field", lambda: label_of(Staff, "field"), Staff.field, width=6),
            labelled_column(Mentorship, "mentee_name", width=8),
            labelled_column(Mentorship, "mentee_unit", width=18),
            labelled_column(Mentorship, "start_date", width=10),
            labelled_column(Mentorship, "end_date", width=10),
            labelled_column(Mentorship, "goal", width=24),
            labelled_column(Mentorship, "result", width=24),
        ]

    def base(self) -> Select[Any]:
        return (
            select(Mentorship.id)
            .join(Staff, Staff.id == Mentorship.mentor_id)
            .where(Mentorship.deleted_at.is_(None), Staff.deleted_at.is_(None))
        )

    def filters(self) -> dict[str, Any]:
        def active_in(statement: Select[Any], text: str) -> Select[Any]:
            quarter = Quarter.parse(str(text))
            return statement.where(
                Mentorship.start_date <= quarter.end,
                or_(Mentorship.end_date.is_(None), Mentorship.end_date >= quarter.start),
            )

        return {
            "mentor_id": lambda statement, staff_id: statement.where(
                Mentorship.mentor_id == staff_id
            ),
            "quarter": active_in,
            "field": lambda statement, code: statement.where(Staff.field == Field(code)),
        }


# ----------------------------------------------------------------- choices for forms
Choice = tuple[int, str]


def staff_choices(session: Session, *, keep: int | None = None) -> list[Choice]:
    """Live staff by name (a same name twice shows its team), for a form's drop-down."""
    rows = session.execute(
        select(Staff.id, Staff.name, Team.name)
        .outerjoin(Team, Team.id == Staff.team_id)
        .where(or_(Staff.deleted_at.is_(None), Staff.id == keep))
        .order_by(Staff.name_key, Staff.id)
    ).all()
    names = Counter(row[1] for row in rows)  # counted once: 5,000 staff, not 5,000²
    return [
        (staff_id, f"{name}（{team or '—'}）" if names[name] > 1 else name)
        for staff_id, name, team in rows
    ]


def metric_choices(session: Session, *, keep: int | None = None) -> list[Choice]:
    """Metrics open for new entries, "name（unit）", by field and catalog order; `keep`
    (the metric of the entry being edited) stays offered even when retired."""
    rows = session.execute(
        select(Metric.id, Metric.name, Metric.unit, Metric.field, Metric.active)
        .where(Metric.deleted_at.is_(None), or_(Metric.active.is_(True), Metric.id == keep))
        .order_by(Metric.sort_order, Metric.id)
    ).all()
    order = {field: index for index, field in enumerate(Field)}
    return [
        (
            row.id,
            f"{row.field.label()} · {row.name}" + (f"（{row.unit}）" if row.unit else ""),
        )
        for row in sorted(rows, key=lambda row: order[row.field])
    ]


def all_metric_choices(session: Session) -> list[Choice]:
    """Every metric, retired ones too (a ledger filter looks at history)."""
    rows = session.execute(
        select(Metric.id, Metric.name, Metric.field)
        .where(Metric.deleted_at.is_(None))
        .order_by(Metric.sort_order, Metric.id)
    ).all()
    order = {field: index for index, field in enumerate(Field)}
    return [
        (row.id, f"{row.field.label()} · {row.name}")
        for row in sorted(rows, key=lambda row: order[row.field])
    ]


def entry_quarters(session: Session) -> list[Quarter]:
    """The quarters from the first entry's to today's (the ledger's quarter filter)."""
    first = session.scalar(
        select(E.date).where(walked(E.deleted_at.is_(None))).order_by(E.date).limit(1)
    )
    last = max(session.scalar(select(func.max(E.date))) or clock.today(), clock.today())
    if first is None:
        return [Quarter.containing(clock.today())]
    quarters = [Quarter.containing(first)]
    while quarters[-1] < Quarter.containing(last):
        quarters.append(quarters[-1].next())
    return quarters
