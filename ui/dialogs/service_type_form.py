"""The form of one of the ten services (服务项目)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from app.db.listing import next_sort_order
from app.db.models import ServiceType
from app.db.vocabulary import ServiceRule
from app.services.catalog import SERVICE_TYPE
from ui.context import LedgerContext
from ui.dialogs.record_form import RecordForm
from ui.widgets.editors import vocabulary_combo

SORT_ORDER_MAX = 9999  # app.catalogs refuses more; the spin box simply stops there


class ServiceTypeForm(RecordForm):
    def __init__(
        self, context: LedgerContext, record_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context,
            SERVICE_TYPE,
            record_id,
            defaults={"sort_order": context.read(next_sort_order, ServiceType), "active": True},
            parent=parent,
        )
        self.setWindowTitle(
            self.tr("New service") if record_id is None else self.tr("Edit service")
        )
        self.add_field("name", QLineEdit())
        self.add_field(
            "rule",
            vocabulary_combo(ServiceRule),
            hint=self.tr("How often each person is owed it; the coverage matrix follows this."),
        )
        description = QPlainTextEdit()
        description.setFixedHeight(72)
        self.add_field("description", description)
        sort_order = QSpinBox()
        sort_order.setRange(0, SORT_ORDER_MAX)
        self.add_field(
            "sort_order", sort_order, hint=self.tr("Lists and reports follow this order.")
        )
        self.add_field(
            "active",
            QCheckBox(self.tr("Offered now")),
            hint=self.tr("A deactivated service keeps its records but is no longer offered."),
        )
        self.finish()
