"""Settings → Services: the ten services the office owes every dispatched person."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.catalog import SERVICE_TYPE, ServiceTypes
from ui.context import LedgerContext
from ui.dialogs.service_type_form import ServiceTypeForm
from ui.widgets.catalog_tab import CatalogTab

translate = QCoreApplication.translate


def services_tab(context: LedgerContext) -> CatalogTab:
    return CatalogTab(
        context,
        SERVICE_TYPE,
        ServiceTypes(),
        ServiceTypeForm,
        title=translate("CatalogTabs", "Services"),
        intro=translate(
            "CatalogTabs",
            "The services the office owes every dispatched person (十项服务). The rule says "
            "how often each person is owed a service; coverage and reminders follow it.",
        ),
    )
