"""The form of one outcome metric (成效指标)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget

from app.db.listing import next_sort_order
from app.db.models import Metric
from app.db.vocabulary import Aggregation, Field
from app.outcomes.metrics import METRIC, metric_units
from ui.context import LedgerContext
from ui.dialogs.record_form import RecordForm
from ui.dialogs.service_type_form import SORT_ORDER_MAX
from ui.widgets.editors import vocabulary_combo


class MetricForm(RecordForm):
    def __init__(
        self, context: LedgerContext, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context,
            METRIC,
            record_id,
            defaults={"sort_order": context.read(next_sort_order, Metric), "active": True},
            parent=parent,
        )
        self.setWindowTitle(self.tr("New metric") if record_id is None else self.tr("Edit metric"))
        self.add_field("name", QLineEdit())
        self.add_field("field", vocabulary_combo(Field))
        unit = QComboBox()
        unit.setEditable(True)  # suggestions from the metrics already kept; any unit may be typed
        unit.addItems(["", *context.read(metric_units)])
        self.add_field("unit", unit)
        self.add_field(
            "aggregation",
            vocabulary_combo(Aggregation),
            hint=self.tr(
                "Sum adds the entries of a period up; Latest value suits levels and rates "
                "such as yield per mu."
            ),
        )
        sort_order = QSpinBox()
        sort_order.setRange(0, SORT_ORDER_MAX)
        self.add_field("sort_order", sort_order)
        self.add_field(
            "active",
            QCheckBox(self.tr("In use")),
            hint=self.tr("A deactivated metric keeps its entries but is no longer offered."),
        )
        self.finish()
