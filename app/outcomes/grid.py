"""The batch entry grid (成效录入表): one period's figures, staff rows × metric columns.

Clerks collect monthly (or quarterly) tables from each team. `period_grid` gives the
grid of a period for one team or one field: rows are the staff on duty in the period
(plus anyone already holding a figure of it) and one row per team for team-level
figures; columns are the field's active metrics. It loads the figures already stored
*for that period* (they are corrected, never entered twice) and, read-only, what
other entries already hold for the same cell: for a quarter grid the quarter's month
entries and dated ledger entries, for a month grid the month's dated ledger entries.

`save_period_values` is the one command that writes a period's figures, from the
grid or from a wide Excel table (the importer): a correction replaces the period's
entry, a blank clears it, and nothing ever touches another period's entry or a dated
ledger entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock
from app.db.base import label_of
from app.db.listing import walked
from app.db.models import Metric, OutcomeEntry, Staff, Team
from app.db.vocabulary import Aggregation, Field
from app.errors import Refusal, ValidationError
from app.i18n import translate
from app.numbers import plain
from app.outcomes.entries import off_duty_message, retired_message
from app.periods import Month, Period, Quarter, parse_period
from app.records.audit import snapshot
from app.records.closing import ensure_open, is_closed
from app.records.commands import conflict_message
from app.records.fields import facts
from app.records.validation import InvalidValue, parse_decimal
from app.records.work import Work
from app.roster.duty import serving_between

E = OutcomeEntry
Owner = tuple[int | None, int | None]  # (staff_id, None) for a person, (None, team_id) for a team


class PeriodCell(NamedTuple):
    """One figure of a period: whose (a person's `staff_id` or a team's `team_id`,
    exactly one of the two), which metric, and the value (a number, or text as typed
    or pasted: "1,200", "１２"; None or "" clears the period's entry)."""

    staff_id: int | None
    team_id: int | None
    metric_id: int
    value: Any

    @property
    def owner(self) -> Owner:
        return (self.staff_id, self.team_id)


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


@dataclass(frozen=True)
class GridSaved:
    """What a save did, cell by cell."""

    created: int
    changed: int
    cleared: int
    unchanged: int
    batch_id: int | None  # None when nothing was written


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
        .order_by(Team.name.is_(None), Team.name, Staff.is_leader.desc(), Staff.name, Staff.id)
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
            .order_by(Team.name)
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


# ----------------------------------------------------------------- the one save command
def save_period_values(work: Work, period: Period | str, cells: Iterable[PeriodCell]) -> GridSaved:
    """Create, correct or clear the figures of `period` ("2024-09", "2024Q3" or a
    Month/Quarter), one `PeriodCell` each, in the command's one transaction.

    Each cell means "the period's figure for this person (or team) and metric is now
    this value": without a stored entry a value creates one (dated the period's last
    day); with one, a different value replaces it (audited as an update) and a blank
    clears it (to the recycle bin); an equal value writes nothing. Entries of other
    periods and dated ledger entries are never read or touched. Every write joins one
    Batch ("outcome-grid", undone as a whole from the batch history).

    Raises QuarterClosedError when the period's quarter is closed; ValidationError
    naming every bad cell (row = the person or team as `owner_labels` names them, field
    = `cell_field(metric_id)`, labelled with the metric's name) and writing nothing;
    NeedsConfirmation (at commit) for figures of people not on duty in the period,
    one caution per person, code "<row>:off-duty".
    """
    session = work.session
    period = parse_period(period) if isinstance(period, str) else period
    ensure_open(session, [period.end])
    cells = list(cells)
    staff = _by_id(session, Staff, {cell.staff_id for cell in cells})
    teams = _by_id(session, Team, {cell.team_id for cell in cells if cell.staff_id is None})
    metrics = _by_id(session, Metric, {cell.metric_id for cell in cells})
    labels = owner_labels(session, {cell.owner for cell in cells})
    stored = _stored(session, period, cells)
    problems: dict[str, dict[str, list[str]]] = {}
    fields: dict[str, str] = {}
    wanted: dict[tuple[Owner, int], Decimal | None] = {}
    places = facts(E, "value").places or 4
    for cell in cells:
        metric = metrics.get(cell.metric_id)
        row, key = labels[cell.owner], cell_field(cell.metric_id)
        fields[key] = metric.name if metric is not None else f"#{cell.metric_id}"
        found = _missing(cell, staff, teams) + _gone(
            metric, translate("Outcomes", "no such metric")
        )
        try:
            value = parse_decimal(cell.value, places=places)
        except InvalidValue as problem:
            found.append(str(problem))
            value = None
        cell_key = (cell.owner, cell.metric_id)
        if cell_key in wanted:
            found.append(translate("Outcomes", "is given twice"))
        if metric is not None and value is not None and cell_key not in stored:
            found += [message for message in [retired_message(metric)] if message]
        wanted[cell_key] = value
        if found:
            problems.setdefault(row, {}).setdefault(key, []).extend(found)
    if problems:
        raise ValidationError(labels=fields, rows=problems)
    return _write(work, period, wanted, stored, staff, labels)


def _by_id(session: Session, model: Any, ids: set[int | None]) -> dict[int, Any]:
    wanted = [record_id for record_id in ids if record_id is not None]
    return {
        record.id: record for record in session.scalars(select(model).where(model.id.in_(wanted)))
    }


def _gone(record: Any, missing: str) -> list[str]:
    if record is None:
        return [missing]
    if getattr(record, "deleted_at", None) is not None:
        return [translate("Records", "{name} is in the recycle bin").format(name=record.name)]
    return []


def _missing(cell: PeriodCell, staff: dict[int, Staff], teams: dict[int, Team]) -> list[str]:
    if (cell.staff_id is None) == (cell.team_id is None):
        return [translate("Outcomes", "give either a staff member or a team")]
    if cell.staff_id is not None:
        return _gone(staff.get(cell.staff_id), translate("Outcomes", "no such staff member"))
    assert cell.team_id is not None
    return _gone(teams.get(cell.team_id), translate("Outcomes", "no such team"))


def _stored(
    session: Session, period: Period, cells: list[PeriodCell]
) -> dict[tuple[Owner, int], OutcomeEntry]:
    """The period's live entries for the cells' owners and metrics."""
    staff = [cell.staff_id for cell in cells if cell.staff_id is not None]
    teams = [cell.team_id for cell in cells if cell.staff_id is None]
    entries = session.scalars(
        select(E).where(
            E.period == str(period),
            walked(E.deleted_at.is_(None)),
            E.metric_id.in_({cell.metric_id for cell in cells}),
            # Checked per row of the period (its index), not searched person by person.
            walked(or_(E.staff_id.in_(staff), E.staff_id.is_(None) & E.team_id.in_(teams))),
        )
    )
    found: dict[tuple[Owner, int], OutcomeEntry] = {}
    for entry in entries:
        owner = (entry.staff_id, None) if entry.staff_id is not None else (None, entry.team_id)
        assert entry.metric_id is not None
        found.setdefault((owner, entry.metric_id), entry)
    return found


def _write(
    work: Work,
    period: Period,
    wanted: dict[tuple[Owner, int], Decimal | None],
    stored: dict[tuple[Owner, int], OutcomeEntry],
    staff: dict[int, Staff],
    labels: dict[Owner, str],
) -> GridSaved:
    session = work.session
    created: list[OutcomeEntry] = []
    changed: list[tuple[OutcomeEntry, dict[str, Any]]] = []
    cleared: list[tuple[OutcomeEntry, dict[str, Any]]] = []
    unchanged = 0
    asked: set[int] = set()
    for (owner, metric_id), value in wanted.items():
        entry = stored.get((owner, metric_id))
        if (entry is None and value is None) or (entry is not None and entry.value == value):
            unchanged += 1
            continue
        if value is not None and owner[0] is not None and owner[0] not in asked:
            asked.add(owner[0])  # one question per person, however many cells
            _caution_off_duty(work, period, staff[owner[0]], labels[owner])
        if entry is None:
            created.append(
                E(
                    date=period.end,
                    period=str(period),
                    staff_id=owner[0],
                    team_id=owner[1],
                    metric_id=metric_id,
                    value=value,
                    description="",
                    is_highlight=False,
                )
            )
        elif value is None:
            cleared.append((entry, snapshot(entry)))
            entry.deleted_at = clock.now()
        else:
            changed.append((entry, snapshot(entry)))
            entry.value = value
    if not (created or changed or cleared):
        return GridSaved(0, 0, 0, unchanged, None)
    batch = work.begin_batch("outcome-grid")
    session.add_all(created)
    try:
        session.flush()
    except IntegrityError as error:  # a figure saved meanwhile from another window
        raise Refusal(conflict_message(error)) from None
    for entry in created:
        work.audit(
            action="create", entity=E.__tablename__, entity_id=entry.id, after=snapshot(entry)
        )
    for action, group in (("update", changed), ("delete", cleared)):
        for entry, before in group:
            work.audit(
                action=action,
                entity=E.__tablename__,
                entity_id=entry.id,
                before=before,
                after=snapshot(entry),
            )
    return GridSaved(len(created), len(changed), len(cleared), unchanged, batch.id)


def _caution_off_duty(work: Work, period: Period, person: Staff, row: str) -> None:
    message = off_duty_message(person, period.start, period.end)
    if message is not None:
        work.caution(
            f"{row}:off-duty",
            "staff_id",
            message,
            label=label_of(E, "staff_id"),
            row=row,
        )
