"""The one command that writes a period's figures (成效录入): `save_period_values`.

It serves the batch entry grid (`app.outcomes.grid_data` gives the grid its data) and
the importer of wide monthly tables: a correction replaces the period's entry, a blank
clears it, and nothing ever touches another period's entry or a dated ledger entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import clock
from app.db.base import label_of
from app.db.listing import walked
from app.db.models import Metric, OutcomeEntry, Staff, Team
from app.errors import Refusal, ValidationError
from app.i18n import translate
from app.outcomes.entries import off_duty_message, retired_message
from app.outcomes.grid_data import Owner, cell_field, owner_labels
from app.periods import Period, parse_period
from app.records.audit import snapshot
from app.records.closing import ensure_open
from app.records.commands import conflict_message
from app.records.fields import facts
from app.records.permissions import Permission, require, require_field
from app.records.validation import InvalidValue, parse_decimal
from app.records.work import Work

E = OutcomeEntry


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
class GridSaved:
    """What a save did, cell by cell."""

    created: int
    changed: int
    cleared: int
    unchanged: int
    batch_id: int | None  # None when nothing was written


# ----------------------------------------------------------------- the one save command
def save_period_values(work: Work, period: Period | str, cells: Iterable[PeriodCell]) -> GridSaved:
    """Create, correct or clear the figures of `period` ("2024-09", "2024Q3" or a
    Month/Quarter), one `PeriodCell` each, in the command's one transaction.

    Each cell means "the period's figure for this person (or team) and metric is now
    this value": without a stored entry a value creates one (dated the period's last
    day); with one, a different value replaces it (audited as an update) and a blank
    clears it (to the recycle bin); an equal value writes nothing. Entries of other
    periods and dated ledger entries are never read or touched. Every write joins one
    Batch, undone as a whole from the batch history: the batch the command already
    opened (an import's, so one import is one batch), else a new "outcome-grid" one.

    Raises QuarterClosedError when the period's quarter is closed; ValidationError
    naming every bad cell (row = the person or team as `owner_labels` names them, field
    = `cell_field(metric_id)`, labelled with the metric's name) and writing nothing;
    NeedsConfirmation (at commit) for figures of people not on duty in the period,
    one caution per person, code "<row>:off-duty".
    """
    session = work.session
    require(work.actor, Permission.ENTER)
    period = parse_period(period) if isinstance(period, str) else period
    ensure_open(session, [period.end])
    cells = list(cells)
    staff = _by_id(session, Staff, {cell.staff_id for cell in cells})
    teams = _by_id(session, Team, {cell.team_id for cell in cells if cell.staff_id is None})
    for owner in [*staff.values(), *teams.values()]:  # a clerk limited to one field
        require_field(work.actor, owner.field, owner.name)
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
    batch = work.batch or work.begin_batch("outcome-grid")
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
