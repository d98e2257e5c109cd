"""Finding the person a row of a services, mentorships or outcomes sheet is about.

By ID number when the row has one; else by name and receiving unit (name alone when
the sheet has no unit column and the name is unique). A person in the recycle bin is
named as such (restore first), and several people of one name ask for the ID number.
The roster is read once per import, so a 5,000-row sheet costs one query here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.base import label_of
from app.db.models import Staff, Unit
from app.exchange.cells import lost_id_digits
from app.exchange.importing import Problem, SourceRow
from app.i18n import translate
from app.records.validation import InvalidValue, normalise_name, to_ascii
from app.roster.id_numbers import mask_id_number


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    id_number: str | None
    receiving_unit: str
    field: str
    deleted: bool


def person_label(key: str) -> str:
    """How a column naming the person is labelled (name, ID number, receiving unit)."""
    return label_of(Staff, {"receiving_unit": "receiving_unit_id"}.get(key, key))


def id_text(value: object) -> str:
    return re.sub(r"\s+", "", to_ascii(str(value or ""))).upper()


def name_text(value: object) -> str:
    try:
        return normalise_name(value)
    except InvalidValue:
        return str(value or "").strip()


class PersonFinder:
    def __init__(self, session: Session) -> None:
        rows = session.execute(
            select(
                Staff.id,
                Staff.name,
                Staff.id_number,
                Unit.name,
                Staff.field,
                Staff.deleted_at,
            ).outerjoin(Unit, Staff.receiving_unit_id == Unit.id)
        )
        self.people = [
            Person(row[0], row[1], row[2], row[3] or "", row[4].value, row[5] is not None)
            for row in rows
        ]
        self.by_id = {person.id_number: person for person in self.people if person.id_number}
        self.by_name: dict[str, list[Person]] = {}
        for person in self.people:
            self.by_name.setdefault(person.name, []).append(person)

    def find(
        self, row: SourceRow, *, name_key: str = "name"
    ) -> tuple[Person | None, list[Problem]]:
        """The live person the row names, or the problems saying why there is none."""
        raw_id = row.values.get("id_number")
        if raw_id not in (None, ""):
            lost = lost_id_digits(raw_id)
            if lost:
                return None, [row.problem("id_number", lost)]
            person = self.by_id.get(id_text(raw_id))
            if person is None:
                message = translate("Import", "no one with ID number {number} is on the roster")
                return None, [
                    row.problem("id_number", message.format(number=mask_id_number(id_text(raw_id))))
                ]
            return self._live(row, person, "id_number")
        name = name_text(row.values.get(name_key))
        if not name:
            return None, [row.problem(name_key, translate("Import", "name or ID number needed"))]
        candidates = self.by_name.get(name, [])
        unit = str(row.values.get("receiving_unit") or "").strip()
        if unit:
            candidates = [person for person in candidates if person.receiving_unit == unit]
        live = [person for person in candidates if not person.deleted]
        if len(live) == 1:
            return live[0], []
        if len(live) > 1:
            message = translate(
                "Import", "several people named {name} are on the roster; add their ID numbers"
            )
            return None, [row.problem(name_key, message.format(name=name))]
        if candidates:
            return self._live(row, candidates[0], name_key)
        where = (
            translate("Import", "{name} of {unit} is not on the roster").format(
                name=name, unit=unit
            )
            if unit
            else translate("Import", "{name} is not on the roster").format(name=name)
        )
        return None, [row.problem(name_key, where)]

    @staticmethod
    def _live(row: SourceRow, person: Person, key: str) -> tuple[Person | None, list[Problem]]:
        if person.deleted:
            message = translate(
                "Import",
                "{name} is in the recycle bin; restore them first (Settings → Recycle bin)",
            )
            return None, [row.problem(key, message.format(name=person.name))]
        return person, []
