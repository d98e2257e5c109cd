"""Settings → Services and Metrics: the editable catalogs, and each metric's yearly targets.

Both catalogs are one `CatalogTab` (a `RecordList` with `RecordEditing` and an
activate/deactivate switch); they differ only in listing, kind and form. Deleting an
entry that records use is refused by `app/` with "… deactivate it instead".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from app.db.listing import Listing, ListQuery
from app.outcomes.catalog_lists import Metrics, MetricTargets, ServiceTypes
from app.outcomes.entries import TARGET
from app.records import kinds as records
from app.records.kinds import Kind
from app.services.catalog import METRIC, SERVICE_TYPE
from ui.context import LedgerContext
from ui.dialogs.metric_form import MetricForm
from ui.dialogs.metric_target_form import MetricTargetForm
from ui.dialogs.record_form import RecordForm
from ui.dialogs.service_type_form import ServiceTypeForm
from ui.tasks import Task
from ui.widgets.record_editing import RecordEditing
from ui.widgets.record_list import RecordList

FormClass = Callable[[LedgerContext, int | None, QWidget], RecordForm]
translate = QCoreApplication.translate


class CatalogTab(QWidget):
    """A catalog list with New, Edit, Activate/Deactivate and Delete."""

    def __init__(
        self,
        context: LedgerContext,
        kind: Kind,
        listing: Listing,
        form_class: FormClass,
        *,
        title: str,
        intro: str,
        side: Callable[[RecordList], QWidget] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`side(list)` builds a panel shown right of the list (a metric's targets)."""
        super().__init__(parent)
        self.context, self.kind, self.title = context, kind, title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        note = QLabel(intro)
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        self.list = RecordList(context, listing, title=title)
        self.splitter.addWidget(self.list)
        self.editing = RecordEditing(
            self.list, kind, lambda record_id: form_class(context, record_id, self)
        )
        # Deactivating is the everyday action; deleting is the rare one, so it stays last.
        self.active_button = self.list.add_button(
            self.tr("Deactivate"), self.toggle_active, before=self.editing.delete_button
        )
        self.list.selection_changed.connect(self._name_toggle)
        self.side = side(self.list) if side is not None else None
        if self.side is not None:
            self.splitter.addWidget(self.side)
            self.splitter.setSizes([640, 360])

    def _selected_is_active(self) -> bool | None:
        record_id = self.list.selected_id()
        if record_id is None:
            return None
        return bool(self.context.read(records.current_values, self.kind, record_id)["active"])

    def _name_toggle(self) -> None:
        active = self._selected_is_active()
        self.active_button.setText(
            self.tr("Activate") if active is False else self.tr("Deactivate")
        )

    def toggle_active(self) -> None:
        """Deactivated entries keep their records and leave the lists of choices."""
        record_id, active = self.list.selected_id(), self._selected_is_active()
        if record_id is None or active is None:
            return
        self.context.write(
            self,
            records.update,
            self.kind,
            record_id,
            {"active": not active},
            changed={self.kind.entity},
        )
        self.list.select_id(record_id)

    # Page actions (main window menus and toolbar).
    def new_record(self) -> None:
        self.editing.new_record()

    def delete_selected(self) -> None:
        self.editing.delete_selected()

    def export_page(self) -> Task | None:
        return self.list.export(self.title)


class TargetsPanel(QWidget):
    """The yearly targets of the metric chosen on the left."""

    def __init__(self, context: LedgerContext, metrics: RecordList) -> None:
        super().__init__()
        self.context, self.metrics = context, metrics
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.list = RecordList(
            context, MetricTargets(), self._query(None), title=self.tr("Yearly targets")
        )
        self.editing = RecordEditing(
            self.list, TARGET, self._form, can_add=lambda: metrics.selected_id() is not None
        )
        self.empty_note = QLabel(self.tr("Choose a metric to see and set its yearly targets."))
        self.empty_note.setObjectName("hint")
        self.empty_note.setWordWrap(True)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_note)
        metrics.selection_changed.connect(self._follow)
        self._follow()

    @staticmethod
    def _query(metric_id: int | None) -> ListQuery:
        # No metric chosen: id 0 matches nothing, so the panel is empty rather than all targets.
        return ListQuery(filters={"metric_id": metric_id or 0}, sort_key="year")

    def _follow(self) -> None:
        metric_id = self.metrics.selected_id()
        if self.list.model.query.filters.get("metric_id") != (metric_id or 0):
            self.list.model.set_query(self._query(metric_id))
        name = self.metrics.selected_text("name")
        self.list.title_label.setText(
            self.tr("Yearly targets: {metric}").format(metric=name)
            if name
            else self.tr("Yearly targets")
        )
        self.list.update_buttons()
        self.empty_note.setVisible(metric_id is None)

    def _form(self, record_id: int | None) -> MetricTargetForm:
        metric_id = self.metrics.selected_id()
        assert metric_id is not None  # New is enabled only with a metric chosen
        return MetricTargetForm(
            self.context, metric_id, self.metrics.selected_text("name"), record_id, parent=self
        )


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


def metrics_tab(context: LedgerContext) -> CatalogTab:
    return CatalogTab(
        context,
        METRIC,
        Metrics(),
        MetricForm,
        title=translate("CatalogTabs", "Metrics"),
        intro=translate(
            "CatalogTabs",
            "The outcome figures recorded for each field. Choose a metric to give it a target "
            "per year; the quarterly summary shows the progress against it.",
        ),
        side=lambda metrics: TargetsPanel(context, metrics),
    )
