"""The form of one of the ten services (服务项目).

Saving goes through `app.services.catalog.save_service`, which keeps a changed rule as
it was for the closed quarters (the clerk is asked first and told which ones). A
service is retired on a day, never switched off: it still counts in every quarter
that began before that day.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from app import clock
from app.db.listing import next_sort_order
from app.db.models import ServiceType
from app.db.vocabulary import ServiceRule
from app.records.work import Done
from app.services.catalog import SERVICE_TYPE, save_service
from ui.context import LedgerContext
from ui.dialogs.record_form import RecordForm
from ui.widgets.date_edit import DateEdit
from ui.widgets.editors import vocabulary_combo
from ui.write_runner import Command

SORT_ORDER_MAX = 9999  # app.catalogs refuses more; the spin box simply stops there


class ServiceTypeForm(RecordForm):
    def __init__(
        self,
        context: LedgerContext,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        retire: bool = False,
    ) -> None:
        """With `retire`, the form opens on the retirement day, filled in with today."""
        super().__init__(
            context,
            SERVICE_TYPE,
            record_id,
            defaults={"sort_order": context.read(next_sort_order, ServiceType)},
            parent=parent,
        )
        self.setWindowTitle(
            self.tr("New service") if record_id is None else self.tr("Edit service")
        )
        self.add_field("name", QLineEdit())
        self.add_field(
            "rule",
            vocabulary_combo(ServiceRule),
            hint=self.tr(
                "How often each person is owed it; the coverage matrix follows this. Closed "
                "quarters keep the rule they were reported with."
            ),
        )
        description = QPlainTextEdit()
        description.setFixedHeight(72)
        self.add_field("description", description)
        sort_order = QSpinBox()
        sort_order.setRange(0, SORT_ORDER_MAX)
        self.add_field(
            "sort_order", sort_order, hint=self.tr("Lists and reports follow this order.")
        )
        self.retired_on = DateEdit()
        self.add_field(
            "retired_on",
            self.retired_on,
            hint=self.tr(
                "Empty while the service is offered. From this day on it is no longer "
                "offered; it still counts in every quarter that began before it."
            ),
        )
        self.finish()
        if retire:
            today = clock.today().isoformat()
            self.retired_on.setText(today)
            self.retired_on.textEdited.emit(today)  # the clerk's edit, checked as such
            self.retired_on.setFocus()

    def command(self) -> Command:
        return partial(save_service, service_id=self.record_id, values=self.values())

    def saved_id(self, done: Done[Any]) -> int:
        return int(done.value)
