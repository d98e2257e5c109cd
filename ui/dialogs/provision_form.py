"""The form of one service provision (服务记录): who received which service on which day.

Opened from the ledger (New / Edit), from an open cell of the coverage matrix and from
a Dashboard reminder, those two prefilled with the person and the service. `app/`
checks it as the clerk types: a date after today, a negative or non-numeric amount, a
retired service are refused beside their field (Save stays disabled); a closed quarter
is refused on Save with the quarter named; a date outside the person's assignment or
a repeat inside the rule's period is asked once.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from app import clock
from app.records.kinds import current_values
from app.services.catalog import service_choices
from app.services.lists import staff_choices
from app.services.provisions import PROVISION
from ui.context import LedgerContext
from ui.dialogs.record_form import RecordForm
from ui.widgets.date_edit import DateEdit
from ui.widgets.reference_combo import ReferenceCombo


class ProvisionForm(RecordForm):
    def __init__(
        self,
        context: LedgerContext,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        defaults: Mapping[str, Any] | None = None,
    ) -> None:
        """`defaults` prefill a new provision (the matrix's person and service)."""
        today = clock.today()
        prefill = {"date": today, "handled_by": context.setting("clerk_name"), **(defaults or {})}
        keep = (
            context.read(current_values, PROVISION, record_id)["service_type_id"]
            if record_id is not None
            else prefill.get("service_type_id")
        )
        super().__init__(context, PROVISION, record_id, defaults=prefill, parent=parent)
        self.setWindowTitle(
            self.tr("New service record") if record_id is None else self.tr("Edit service record")
        )
        self.staff = self.add_field(
            "staff_id", ReferenceCombo(partial(context.read, staff_choices))
        )
        self.service = self.add_field(
            "service_type_id",
            ReferenceCombo(partial(context.read, service_choices, today, keep=keep)),
            hint=self.tr("Retired services are not offered."),
        )
        self.add_field(
            "date", DateEdit(), hint=self.tr("the day it was delivered (not after today)")
        )
        self.amount = self.add_field(
            "amount", QLineEdit(), hint=self.tr("yuan, optional, e.g. 500 or 1,200.50")
        )
        self.add_field("details", QLineEdit(), hint=self.tr("e.g. 中秋慰问 or 县人民医院体检"))
        self.add_field("handled_by", QLineEdit())
        notes = QPlainTextEdit()
        notes.setFixedHeight(56)
        self.add_field("notes", notes)
        self.finish()
