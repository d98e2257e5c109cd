"""Settings → Metrics: the outcome figures of each field, and each metric's yearly targets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.db.listing import ListQuery
from app.outcomes.metrics import METRIC, TARGET, Metrics, MetricTargets
from ui.context import LedgerContext
from ui.dialogs.metric_form import MetricForm
from ui.dialogs.metric_target_form import MetricTargetForm
from ui.widgets.catalog_tab import CatalogTab
from ui.widgets.record_editing import RecordEditing
from ui.widgets.record_list import RecordList

translate = QCoreApplication.translate


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
