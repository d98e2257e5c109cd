"""The form of one dispatched staff member (帮扶人才): every field of DESIGN.md §4.

Two columns so the whole record fits a laptop screen: the person on the left, the
assignment on the right. A valid ID number fills the birth date and gender at once
(`app/` derives them too, so the form only shows what will be stored).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from app.db.code_tables import CHOICES
from app.db.vocabulary import Field, Gender, StaffStatus, UnitKind
from app.records.validation import InvalidValue
from app.roster.id_numbers import normalise_id_number
from app.roster.lists import team_choices, unit_choices
from app.roster.staff import STAFF
from ui.context import LedgerContext
from ui.dialogs.record_form import RecordForm
from ui.dialogs.team_form import TeamForm
from ui.dialogs.unit_form import UnitForm
from ui.widgets.date_edit import DateEdit
from ui.widgets.editors import choice_combo, set_editor_value, vocabulary_combo
from ui.widgets.reference_combo import ReferenceCombo


class StaffForm(RecordForm):
    def __init__(
        self, context: LedgerContext, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context,
            STAFF,
            record_id,
            defaults={"status": StaffStatus.ON_DUTY, "field": Field.MEDICAL},
            parent=parent,
        )
        self.setWindowTitle(
            self.tr("New staff member") if record_id is None else self.tr("Edit staff member")
        )
        self.setMinimumWidth(960)
        self.add_field("name", QLineEdit())
        self.id_number = self.add_field(
            "id_number",
            QLineEdit(),
            hint=self.tr("18 characters; fills in the birth date and gender"),
        )
        self.gender = self.add_field("gender", vocabulary_combo(Gender, blank=True))
        self.birth_date = self.add_field("birth_date", DateEdit())
        self.add_field("ethnicity", choice_combo(CHOICES["ethnicity"]))
        self.add_field("phone", QLineEdit(), hint=self.tr("mobile or landline, e.g. 0482-6112233"))
        self.add_field("political_status", choice_combo(CHOICES["political_status"]))
        self.add_field("education", choice_combo(CHOICES["education"]))
        self.add_field("title", choice_combo(CHOICES["title"]))
        self.add_field("specialty", QLineEdit())
        notes = QPlainTextEdit()
        notes.setFixedHeight(60)
        self.add_field("notes", notes)

        self.new_column()
        self.add_field("field", vocabulary_combo(Field))
        for key, kind in (
            ("sending_unit_id", UnitKind.SENDING),
            ("receiving_unit_id", UnitKind.RECEIVING),
        ):
            self.add_field(
                key,
                ReferenceCombo(
                    partial(context.read, unit_choices, kind),
                    add_form=partial(self._unit_form, kind),
                ),
            )
        self.add_field("post", QLineEdit())
        self.add_field(
            "team_id",
            ReferenceCombo(
                partial(context.read, team_choices),
                add_form=lambda parent: TeamForm(context, parent=parent),
            ),
        )
        self.add_field("is_leader", QCheckBox(self.tr("Leads the team (领队)")))
        self.add_field("start_date", DateEdit())
        self.add_field(
            "planned_end", DateEdit(), hint=self.tr("the last day of the planned assignment")
        )
        self.add_field(
            "actual_end", DateEdit(), hint=self.tr("only when the assignment ended early or late")
        )
        self.add_field("status", vocabulary_combo(StaffStatus))
        self.id_number.textEdited.connect(self._fill_from_id_number)  # type: ignore[union-attr]
        self.finish()

    def _unit_form(self, kind: UnitKind, parent: QWidget) -> UnitForm:
        return UnitForm(self.context, parent=parent, kind=kind)

    def _fill_from_id_number(self, text: str) -> None:
        """A complete, valid number decides birth date and gender; anything else waits."""
        try:
            info = normalise_id_number(text)
        except InvalidValue:
            return
        set_editor_value(self.birth_date, info.birth_date)
        set_editor_value(self.gender, info.gender)
        self.check()
