"""The form of a metric's target for one year (年度目标)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from app.outcomes.metrics import TARGET
from ui.context import LedgerContext
from ui.dialogs.record_form import RecordForm

# app.outcomes accepts 2000–2100; the spin box offers the same years.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class MetricTargetForm(RecordForm):
    def __init__(
        self,
        context: LedgerContext,
        metric_id: int,
        metric_name: str,
        record_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context,
            TARGET,
            record_id,
            defaults={"year": date.today().year},
            fixed={"metric_id": metric_id},
            parent=parent,
        )
        self.setWindowTitle(self.tr("Yearly target: {metric}").format(metric=metric_name))
        year = QSpinBox()
        year.setRange(FIRST_YEAR, LAST_YEAR)
        year.setGroupSeparatorShown(False)
        self.add_field("year", year)
        self.add_field(
            "target_value",
            QLineEdit(),
            hint=self.tr("The quarterly summary shows the year's progress against it."),
        )
        self.finish()
