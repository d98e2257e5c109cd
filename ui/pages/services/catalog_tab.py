"""Settings → Services: the ten services the office owes every dispatched person.

A service is retired on a day ("Retire…" opens its form on that field) rather than
switched off, so past quarters keep counting it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.records.kinds import current_values
from app.records.permissions import Permission
from app.services.catalog import SERVICE_TYPE, ServiceTypes
from ui.context import LedgerContext
from ui.dialogs.service_type_form import ServiceTypeForm
from ui.widgets.catalog_tab import CatalogTab

translate = QCoreApplication.translate


class ServicesTab(CatalogTab):
    def __init__(self, context: LedgerContext) -> None:
        super().__init__(
            context,
            SERVICE_TYPE,
            ServiceTypes(),
            ServiceTypeForm,
            title=translate("CatalogTabs", "Services"),
            intro=translate(
                "CatalogTabs",
                "The services the office owes every dispatched person (十项服务). The rule "
                "says how often each person is owed a service; coverage and reminders follow "
                "it. A service no longer offered is retired on a day: the quarters that began "
                "before that day still count it.",
            ),
            deactivate=False,
        )
        writable = context.can(Permission.CATALOG)
        self.retire_button = self.list.add_button(
            translate("CatalogTabs", "Retire…"),
            self.retire_selected,
            enabled_when=lambda: writable and self._retirable(),
            before=self.editing.delete_button,
        )

    def _retirable(self) -> bool:
        record_id = self.list.selected_id()
        if record_id is None:
            return False
        return self.context.read(current_values, SERVICE_TYPE, record_id)["retired_on"] is None

    def retire_selected(self) -> None:
        record_id = self.list.selected_id()
        if record_id is None or not self.retire_button.isEnabled():
            return
        form = ServiceTypeForm(self.context, record_id, self, retire=True)
        form.saved.connect(self.list.select_id)
        form.finished.connect(form.deleteLater)
        self.retire_form = form
        form.open()


def services_tab(context: LedgerContext) -> ServicesTab:
    return ServicesTab(context)
