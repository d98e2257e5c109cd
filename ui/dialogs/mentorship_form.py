"""The form of one mentorship (师徒结对): a dispatched mentor and a local mentee."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from app.outcomes.lists import staff_choices
from app.outcomes.mentorships import MENTORSHIP
from app.records.kinds import current_values
from ui.context import LedgerContext
from ui.dialogs.record_form import RecordForm
from ui.widgets.date_edit import DateEdit
from ui.widgets.reference_combo import ReferenceCombo


class MentorshipForm(RecordForm):
    def __init__(
        self, context: LedgerContext, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, MENTORSHIP, record_id, parent=parent)
        self.setWindowTitle(
            self.tr("New mentorship") if record_id is None else self.tr("Edit mentorship")
        )
        mentor = (
            context.read(current_values, MENTORSHIP, record_id)["mentor_id"] if record_id else None
        )
        self.add_field(
            "mentor_id", ReferenceCombo(partial(context.read, staff_choices, keep=mentor))
        )
        self.add_field("mentee_name", QLineEdit())
        self.add_field("mentee_unit", QLineEdit(), hint=self.tr("e.g. 扎赉特旗人民医院泌尿外科"))
        self.add_field("start_date", DateEdit())
        self.add_field("end_date", DateEdit(), hint=self.tr("Leave empty while it goes on."))
        for key in ("goal", "result"):
            text = QPlainTextEdit()
            text.setFixedHeight(60)
            self.add_field(key, text)
        self.finish()
