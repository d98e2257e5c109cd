"""工作成效 → Mentorships (师徒结对): who mentors whom, since when, to what end.

The quarterly summary counts those active in a quarter and those begun in it
(DESIGN.md §5); the staff file lists a mentor's mentees.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from app.db.listing import ListQuery
from app.outcomes.lists import MentorshipList, entry_quarters
from app.outcomes.mentorships import MENTORSHIP
from ui.context import LedgerContext
from ui.dialogs.mentorship_form import MentorshipForm
from ui.icons import icon
from ui.list_printing import chosen_filters
from ui.pages.roster.staff_page import FilterCombo
from ui.widgets.quarter_combo import quarter_text
from ui.widgets.record_editing import RecordEditing
from ui.widgets.record_list import RecordList


class MentorshipsTab(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search mentor, mentee, unit or goal (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        bar.addWidget(self.search, 2)
        self.quarter = FilterCombo(
            self.tr("Any time"),
            lambda: [
                (str(q), self.tr("Active in {quarter}").format(quarter=quarter_text(q)))
                for q in sorted(context.read(entry_quarters), reverse=True)
            ],
        )
        bar.addWidget(self.quarter, 1)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.list = RecordList(
            context, MentorshipList(), ListQuery(sort_key="start_date", descending=True)
        )
        self.editing = RecordEditing(
            self.list, MENTORSHIP, lambda record_id: MentorshipForm(context, record_id, self)
        )
        export = self.list.add_button(
            self.tr("Export to Excel…"), self.export, needs_selection=False
        )
        export.setToolTip(self.tr("The mentorships as listed (Ctrl+E)"))
        self.list.add_print_button(self.print_page)
        layout.addWidget(self.list, 1)
        self.search.textChanged.connect(self.list.set_search)
        self.quarter.currentIndexChanged.connect(
            lambda: self.list.set_filters({"quarter": self.quarter.currentData()})
        )

    def export(self) -> QObject | None:
        return self.list.export(self.tr("Mentorships"))

    def print_page(self) -> QObject:
        named: list[tuple[str, QWidget]] = [(self.tr("Quarter"), self.quarter)]
        return self.list.print_list(self.tr("Mentorships"), chosen_filters(named))
