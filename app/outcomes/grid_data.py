"""The batch entry grid's data (成效录入表): one period's figures, staff rows × metric
columns, as the grid shows them.

Clerks collect monthly (or quarterly) tables from each team. `period_grid` gives the
grid of a period for one team or one field: rows are the staff on duty in the period
(plus anyone already holding a figure of it) and one row per team for team-level
figures; columns are the field's active metrics. It loads the figures already stored
*for that period* (they are corrected, never entered twice) and, read-only, what
other entries already hold for the same cell: for a quarter grid the quarter's month
entries and dated ledger entries, for a month grid the month's dated ledger entries.
Writing is `app.outcomes.grid.save_period_values`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.db.listing import walked
from app.db.models import Metric, OutcomeEntry, Staff, Team
from app.db.vocabulary import Aggregation, Field
from app.i18n import translate
from app.numbers import plain
from app.periods import Month, Period, Quarter
from app.records.closing import is_closed
from app.roster.duty import serving_between

E = OutcomeEntry
Owner = tuple[int | None, int | None]  # (staff_id, None) for a person, (None, team_id) for a team


@dataclass(frozen=True)
class GridColumn:
    metric_id: int
    name: str
    unit: str
    aggregation: Aggregation


@dataclass(frozen=True)
class GridRow:
    """A person (`staff_id`) or a team's own figures (`team_id`); `label` is how every
    message names the row; `on_duty` is False for someone shown only because they
    already hold a figure of the period."""

    staff_id: int | None
    team_id: int | None
    label: str
    team: str
    on_duty: bool = True

    @property
    def owner(self) -> Owner:
        return (self.staff_id, self.team_id)


@dataclass(frozen=True)
class EnteredPart:
    """What other entries already hold for a cell (read-only in the grid): the
    quarter's month entries (quarter grids only) and the dated ledger entries of the
    period, each summed or, for a latest metric, its latest value."""

    months: Decimal | None
    dated: Decimal | None


@dataclass(frozen=True)
class PeriodGrid:
    period: Period
    rows: list[GridRow]
    columns: list[GridColumn]
    values: dict[tuple[Owner, int], Decimal]  # the period's stored figures
    parts: dict[tuple[Owner, int], EnteredPart]
    closed: str | None  # why every cell is read-only (a closed quarter), else None


def cell_field(metric_id: int) -> str:
    """The field key a save's messages use for a metric's cell (labelled by its name)."""
    return f"metric:{metric_id}"


def team_label(name: str) -> str:
    return translate("Outcomes", "{team} (team)").format(team=name)


def owner_labels(session: Session, owners: Iterable[Owner]) -> dict[Owner, str]:
    """How each row is named: the person's name (with its id when another live person
    has the same name), or "team (team)"; "#id" for a record that does not exist."""
    owners = set(owners)
    staff_ids = [staff for staff, _team in owners if staff is not None]
    team_ids = [team for staff, team in owners if staff is None and team is not None]
    names = dict(session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(staff_ids))).all())
    shared = set(
        session.scalars(
            select(Staff.name)
            .where(Staff.name.in_(list(names.values())), Staff.deleted_at.is_(None))
            .group_by(Staff.name)
            .having(func.count() > 1)
        )
    )
    teams = dict(session.execute(select(Team.id, Team.name).where(Team.id.in_(team_ids))).all())
    labels: dict[Owner, str] = {}
    for owner in owners:
        staff_id, team_id = owner
        if staff_id is not None:
            name = names.get(staff_id)
            labels[owner] = (
                f"#{staff_id}"
                if name is None
                else f"{name} (#{staff_id})"
                if name in shared
                else name
            )
        else:
            team = teams.get(team_id) if team_id is not None else None
            labels[owner] = team_label(team) if team is not None else f"#{team_id}"
    return labels


def closed_reason(session: Session, period: Period) -> str | None:
    quarter = period if isinstance(period, Quarter) else period.quarter
    if not is_closed(session, quarter):
        return None
    return translate(
        "Outcomes",
        "{quarter} is closed (its summary was reported), so its figures cannot change; "
        "reopen it on the Quarterly summary page first.",
    ).format(quarter=quarter)


# ----------------------------------------------------------------- the grid's data
def period_grid(
    session: Session,
    period: Period,
    *,
    team_id: int | None = None,
    field: Field | str | None = None,
) -> PeriodGrid:
    """The grid of `period` for one team (`team_id`) or one field (`field`)."""
    if team_id is not None:
        team = session.get(Team, team_id)
        chosen = Field(team.field) if team is not None else Field.GENERAL
    else:
        chosen = Field(field) if field is not None else Field.GENERAL
    columns = [
        GridColumn(row.id, row.name, row.unit, row.aggregation)
        for row in session.execute(
            select(Metric.id, Metric.name, Metric.unit, Metric.aggregation)
            .where(Metric.deleted_at.is_(None), Metric.active.is_(True), Metric.field == chosen)
            .order_by(Metric.sort_order, Metric.id)
        )
    ]
    metric_ids = [column.metric_id for column in columns]
    stored = _entries(session, metric_ids, E.period == str(period))
    rows = _rows(session, period, team_id, chosen, {owner for owner, _m, _d, _i, _v in stored})
    owners = {row.owner for row in rows}
    values = {(owner, metric): value for owner, metric, _d, _i, value in stored if owner in owners}
    return PeriodGrid(
        period=period,
        rows=rows,
        columns=columns,
        values=values,
        parts=_parts(session, period, columns, owners),
        closed=closed_reason(session, period),
    )


def _entries(session: Session, metric_ids: list[int], *where: Any) -> list[tuple[Any, ...]]:
    """(owner, metric, date, id, value) of live figures of these metrics; a person's
    entry is theirs whatever team it also names, a team's is one naming no person."""
    rows = session.execute(
        select(E.staff_id, E.team_id, E.metric_id, E.date, E.id, E.value).where(
            walked(E.deleted_at.is_(None)),
            walked(E.value.is_not(None)),
            walked(E.metric_id.in_(metric_ids)),  # a field's metrics hold much of the ledger
            *where,
        )
    )
    return [
        ((staff, None) if staff is not None else (None, team), metric, day, entry, plain(value))
        for staff, team, metric, day, entry, value in rows
        if value is not None
    ]


def _rows(
    session: Session, period: Period, team_id: int | None, field: Field, holders: set[Owner]
) -> list[GridRow]:
    """Members on duty (or holding a figure) grouped by team, leader first, each team's
    own row after its members; people without a team last."""
    on_duty = serving_between(period.start, period.end)
    scope = Staff.team_id == team_id if team_id is not None else Staff.field == field
    people = session.execute(
        select(
            Staff.id,
            Staff.name,
            Staff.team_id,
            Team.name.label("team_name"),
            on_duty.label("on_duty"),
        )
        .outerjoin(Team, Team.id == Staff.team_id)
        .where(Staff.deleted_at.is_(None), scope)
        .order_by(
            Team.name.is_(None),
            Team.name_key,
            Team.id,
            Staff.is_leader.desc(),
            Staff.name_key,
            Staff.id,
        )
    ).all()
    people = [p for p in people if p.on_duty or (p.id, None) in holders]
    if team_id is not None:
        teams = session.execute(
            select(Team.id, Team.name).where(Team.id == team_id, Team.deleted_at.is_(None))
        ).all()
    else:
        serving_teams = select(Staff.team_id).where(Staff.deleted_at.is_(None), on_duty)
        held = [team for staff, team in holders if staff is None]
        teams = session.execute(
            select(Team.id, Team.name)
            .where(
                Team.deleted_at.is_(None),
                Team.field == field,
                or_(Team.id.in_(serving_teams), Team.id.in_(held)),
            )
            .order_by(Team.name_key, Team.id)
        ).all()
    labels = owner_labels(session, [(p.id, None) for p in people] + [(None, t.id) for t in teams])
    rows: list[GridRow] = []
    for team in teams:
        rows += [
            GridRow(p.id, None, labels[(p.id, None)], team.name, bool(p.on_duty))
            for p in people
            if p.team_id == team.id
        ]
        rows.append(GridRow(None, team.id, labels[(None, team.id)], team.name))
    listed = {team.id for team in teams}
    rows += [
        GridRow(p.id, None, labels[(p.id, None)], p.team_name or "", bool(p.on_duty))
        for p in people
        if p.team_id not in listed
    ]
    return rows


def _parts(
    session: Session, period: Period, columns: list[GridColumn], owners: set[Owner]
) -> dict[tuple[Owner, int], EnteredPart]:
    staff = [s for s, _t in owners if s is not None]
    teams = [t for s, t in owners if s is None]

    def mine(*where: Any) -> Any:
        """Entries of these owners; `where` goes inside each branch of the OR, so SQLite
        searches a person's entries by (staff_id, date) rather than all of them."""
        return or_(
            and_(E.staff_id.in_(staff), *where),
            and_(E.staff_id.is_(None), E.team_id.in_(teams), *where),
        )

    metric_ids = [column.metric_id for column in columns]
    latest = {c.metric_id for c in columns if c.aggregation == Aggregation.LATEST}
    months: dict[tuple[Owner, int], Decimal] = {}
    if isinstance(period, Quarter):
        names = [str(Month.containing(first)) for first, _last in period.months()]
        months = _combine(_entries(session, metric_ids, mine(E.period.in_(names))), latest)
    dated = mine(walked(E.period.is_(None)), E.date.between(period.start, period.end))
    parts = _combine(_entries(session, metric_ids, dated), latest)
    return {
        key: EnteredPart(months.get(key), parts.get(key))
        for key in {*months, *parts}
        if key[0] in owners
    }


def _combine(rows: list[tuple[Any, ...]], latest: set[int]) -> dict[tuple[Owner, int], Decimal]:
    """Sum per cell, or for a latest metric the value of the latest (date, id)."""
    sums: dict[tuple[Owner, int], Decimal] = {}
    newest: dict[tuple[Owner, int], tuple[date, int, Decimal]] = {}
    for owner, metric, day, entry, value in rows:
        key = (owner, metric)
        if metric in latest:
            if key not in newest or (day, entry) > newest[key][:2]:
                newest[key] = (day, entry, value)
        else:
            sums[key] = sums.get(key, Decimal(0)) + value
    return {
        **{key: plain(value) for key, value in sums.items()},
        **{k: v[2] for k, v in newest.items()},
    }
