"""The form of one outcome entry (成效记录): a figure, or a highlight (亮点) with or
without a figure, for a person or for a team as a whole.

An entry made by the batch grid reports a period and is dated its last day; its
date is shown but not editable here (the grid corrects its value too).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from app.outcomes.entries import OUTCOME
from app.outcomes.lists import metric_choices, staff_choices
from app.records.kinds import current_values
from app.roster.lists import team_choices
from ui.context import LedgerContext
from ui.dialogs.record_form import RecordForm
from ui.widgets.date_edit import DateEdit
from ui.widgets.reference_combo import ReferenceCombo


class OutcomeForm(RecordForm):
    def __init__(
        self,
        context: LedgerContext,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        defaults: Mapping[str, Any] | None = None,
    ) -> None:
        """`defaults` pre-fill a new entry (a highlight from a grid row: its person or
        team, the period's last day, the highlight box ticked)."""
        super().__init__(context, OUTCOME, record_id, defaults=defaults, parent=parent)
        current = context.read(current_values, OUTCOME, record_id) if record_id else {}
        highlight = bool((defaults or {}).get("is_highlight") or current.get("is_highlight"))
        if record_id is None:
            title = self.tr("New highlight") if highlight else self.tr("New outcome entry")
        else:
            title = self.tr("Edit outcome entry")
        self.setWindowTitle(title)
        self.date = self.add_field("date", DateEdit())
        period = current.get("period")
        if period:
            self.date.setEnabled(False)
            self.date.setToolTip(
                self.tr("The figure of {period}, dated its last day (entered in the grid).").format(
                    period=period
                )
            )
        self.add_field(
            "staff_id",
            ReferenceCombo(partial(context.read, staff_choices, keep=current.get("staff_id"))),
            hint=self.tr("Leave empty for a figure of the whole team."),
        )
        self.add_field("team_id", ReferenceCombo(partial(context.read, team_choices)))
        self.add_field(
            "metric_id",
            ReferenceCombo(partial(context.read, metric_choices, keep=current.get("metric_id"))),
        )
        self.add_field("value", QLineEdit(), hint=self.tr("A highlight may have no figure."))
        description = QPlainTextEdit()
        description.setFixedHeight(72)
        self.add_field("description", description)
        self.add_field(
            "is_highlight",
            QCheckBox(self.tr("A highlight of the quarter (亮点)")),
            hint=self.tr("e.g. 填补扎赉特旗输尿管软镜下钬激光碎石取石术空白"),
        )
        self.finish()
