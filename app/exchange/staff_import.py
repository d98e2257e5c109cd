"""Importing a roster (import-staff): people matched by ID number, else by name,
sending unit and start date, so importing the same file twice adds no one twice.

A row that matches someone is an update of the cells it fills (a blank cell leaves
the stored value alone); a matched person in the recycle bin is an error (restore
first). Sending and receiving units and teams the ledger lacks are created on the
way and listed in the preview as new. Every value goes through the staff rules of
`app.roster.staff`, so an import refuses exactly what the form refuses.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from app.db.base import label_of
from app.db.code_tables import outside_list_warning
from app.db.models import Staff, Team, Unit
from app.db.vocabulary import Field, UnitKind
from app.errors import ValidationError
from app.exchange.aliases import STAFF_ALIASES, value_code
from app.exchange.cells import date_cell, is_blank, lost_id_digits, month_number_warning
from app.exchange.importing import (
    Problem,
    RowPlan,
    RowStatus,
    SourceRow,
    checked_plan,
    row_label,
)
from app.exchange.layout import FieldSpec
from app.exchange.people import id_text, name_text
from app.i18n import translate
from app.records import commands
from app.records.commands import RowWrite, check_create, check_update
from app.records.validation import InvalidValue, parse_bool, parse_date
from app.records.work import Work
from app.roster.staff import STAFF
from app.roster.units import TEAM, UNIT

TARGETS = {
    "sending_unit": "sending_unit_id",
    "receiving_unit": "receiving_unit_id",
    "team": "team_id",
}
KEYS = {target: key for key, target in TARGETS.items()}
DATES = ("birth_date", "start_date", "planned_end", "actual_end")
VOCABULARIES = ("gender", "field", "status", "is_leader")
UNIT_KINDS = {"sending_unit": UnitKind.SENDING, "receiving_unit": UnitKind.RECEIVING}
UNIT_KINDS_BY_KIND = {kind: key for key, kind in UNIT_KINDS.items()}


def staff_label(key: str) -> str:
    return label_of(Staff, TARGETS.get(key, key))


def _spec(key: str) -> FieldSpec:
    return FieldSpec(key, lambda: staff_label(key), STAFF_ALIASES[key], required=key == "name")


class StaffImporter:
    kind = "staff"
    batch_kind = "import-staff"
    fields = tuple(_spec(key) for key in STAFF_ALIASES)

    def __init__(self) -> None:
        self.units: dict[str, Unit] = {}
        self.teams: dict[str, Team] = {}
        self.refused: dict[tuple[str, str], str] = {}  # (what, name) -> why it was not created
        self.by_id: dict[str, Staff] = {}
        self.by_key: dict[tuple[str, int | None, date], Staff] = {}
        self.leaders: dict[int, int] = {}  # team id -> the row naming its leader
        self.created: dict[tuple[str, str], str] = {}  # (import field, name) -> what it is

    # ------------------------------------------------------------- before the rows
    def prepare(self, work: Work, rows: list[SourceRow]) -> None:
        session = work.session
        self.units = {unit.name: unit for unit in session.scalars(select(Unit))}
        self.teams = {team.name: team for team in session.scalars(select(Team))}
        for row in rows:
            for key, unit_kind in UNIT_KINDS.items():
                name = row.values.get(key)
                if (
                    isinstance(name, str)
                    and name not in self.units
                    and name not in self._refused("unit")
                ):
                    self._create_unit(work, name, unit_kind)
        for row in rows:
            name = row.values.get("team")
            if (
                isinstance(name, str)
                and name not in self.teams
                and name not in self._refused("team")
            ):
                self._create_team(work, row, name)
        for person in session.scalars(select(Staff)):
            if person.id_number:
                self.by_id[person.id_number] = person
            self.by_key.setdefault((person.name, person.sending_unit_id, person.start_date), person)

    def _refused(self, what: str) -> set[str]:
        return {name for kind, name in self.refused if kind == what}

    def _create_unit(self, work: Work, name: str, kind: UnitKind) -> None:
        try:
            unit_id = commands.create(work, UNIT, {"name": name, "kind": kind})
        except ValidationError as error:
            self.refused[("unit", name)] = error.summary()  # the rows naming it say why
            return
        self.units[name] = work.session.get(Unit, unit_id)  # type: ignore[assignment]
        self.created[(UNIT_KINDS_BY_KIND[kind], name)] = kind.label()

    def _create_team(self, work: Work, row: SourceRow, name: str) -> None:
        field = Field.parse(value_code("field", row.values.get("field")))
        unit = self.units.get(str(row.values.get("receiving_unit") or ""))
        values: dict[str, Any] = {"name": name, "field": field}
        if unit is not None and unit.id is not None and unit.kind == UnitKind.RECEIVING:
            values["receiving_unit_id"] = unit.id
        try:
            team_id = commands.create(work, TEAM, values)
        except ValidationError as error:
            self.refused[("team", name)] = error.summary()
            return
        self.teams[name] = work.session.get(Team, team_id)  # type: ignore[assignment]
        self.created[("team", name)] = label_of(Staff, "team_id")

    def created_for(self, rows: list[SourceRow]) -> list[tuple[str, str]]:
        """The units and teams created that the rows to be written name, in order."""
        named = {
            (key, value)
            for row in rows
            for key in ("sending_unit", "receiving_unit", "team")
            if isinstance(value := row.values.get(key), str)
        }
        return [
            (label, name) for (key, name), label in self.created.items() if (key, name) in named
        ]

    # ------------------------------------------------------------- one row
    def plan(self, work: Work, row: SourceRow, *, check: bool = True) -> RowPlan:
        name = name_text(row.values.get("name"))
        problems: list[Problem] = []
        warnings: list[Problem] = []
        values: dict[str, Any] = {}
        for key, raw in row.values.items():
            if is_blank(raw):
                continue  # a blank cell never erases what is stored
            if key == "id_number" and (lost := lost_id_digits(raw)):
                problems.append(row.problem(key, lost))
            elif key in DATES:
                values[key] = date_cell(raw)
                if (note := month_number_warning(raw)) is not None:
                    warnings.append(row.problem(key, note))
            elif key in VOCABULARIES:
                values[key] = value_code(key, raw)
            elif key in TARGETS:
                reference = self._reference(row, key, str(raw))
                if isinstance(reference, Problem):
                    problems.append(reference)
                else:
                    values[TARGETS[key]] = reference
            else:
                values[key] = raw
                if (note := outside_list_warning(key, raw)) is not None:
                    warnings.append(row.problem(key, note))  # kept as written, flagged
        existing = self._match(values, name)
        identity = self._identity(values, name, row)
        if existing is not None and existing.deleted_at is not None:
            message = translate(
                "Import",
                "{name} is in the recycle bin; restore them first (Settings → Recycle bin)",
            ).format(name=existing.name)
            plan = RowPlan(
                row, RowStatus.ERROR, name, problems=[*problems, row.problem(None, message)]
            )
            plan.identity = identity
            return plan
        write = RowWrite(
            row_label(row.sheet, row.row),
            STAFF,
            values,
            record_id=existing.id if existing is not None else None,
        )
        plan = checked_plan(
            row,
            lambda: (
                check_update(work.session, STAFF, existing.id, values)
                if existing is not None
                else check_create(work.session, STAFF, values)
            ),
            write=write,
            keys=KEYS,
            name=name,
            labels=staff_label,
            check=check,
        )
        plan.identity = identity
        self._one_leader(row, values, plan)
        if problems:
            plan.status, plan.write, plan.cautions = RowStatus.ERROR, None, []
            plan.problems = problems + plan.problems
        elif warnings and plan.status in (RowStatus.NEW, RowStatus.UPDATE, RowStatus.WARNING):
            plan.warnings = warnings + plan.warnings
            plan.status = RowStatus.WARNING
        return plan

    def _reference(self, row: SourceRow, key: str, name: str) -> int | Problem:
        what = "team" if key == "team" else "unit"
        if (what, name) in self.refused:
            message = translate("Import", "{name} could not be created: {reason}").format(
                name=name, reason=self.refused[(what, name)]
            )
            return row.problem(key, message)
        record = self.teams.get(name) if what == "team" else self.units.get(name)
        if record is None:
            return row.problem(key, translate("Import", "{name} does not exist").format(name=name))
        if record.deleted_at is not None:
            message = translate("Import", "{name} is in the recycle bin; restore it first")
            return row.problem(key, message.format(name=name))
        return record.id

    def _match(self, values: dict[str, Any], name: str) -> Staff | None:
        number = id_text(values.get("id_number"))
        if number and number in self.by_id:
            return self.by_id[number]
        start = _date(values.get("start_date"))
        if start is None:
            return None
        person = self.by_key.get((name, values.get("sending_unit_id"), start))
        if person is not None and (not number or not person.id_number):
            return person
        return None

    @staticmethod
    def _identity(values: dict[str, Any], name: str, row: SourceRow) -> Any:
        number = id_text(values.get("id_number"))
        if number:
            return ("id", number)
        start = _date(values.get("start_date"))
        if not name or start is None:
            return None
        return ("person", name, values.get("sending_unit_id"), start)

    def _one_leader(self, row: SourceRow, values: dict[str, Any], plan: RowPlan) -> None:
        """Two rows naming leaders of one team: the second is refused (one per team)."""
        team_id = values.get("team_id")
        try:
            leads = bool(parse_bool(values.get("is_leader")))
        except InvalidValue:
            return
        if not leads or team_id is None or plan.status is RowStatus.ERROR:
            return
        first = self.leaders.setdefault(team_id, row.row)
        if first != row.row:
            message = translate("Import", "row {row} already names this team's leader")
            plan.status, plan.write, plan.cautions = RowStatus.ERROR, None, []
            plan.problems.append(row.problem("is_leader", message.format(row=first)))


def _date(value: Any) -> date | None:
    try:
        return parse_date(value)
    except InvalidValue:
        return None
