"""总览: the first screen, this quarter at a glance. On a new, empty ledger it welcomes
the clerk instead (and computes nothing)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.records.work import Changes
from app.roster.lists import staff_count
from ui.context import LedgerContext
from ui.host import PageHost
from ui.pages.dashboard.overview import QuarterOverview
from ui.pages.dashboard.reminders import RemindersPanel


class WelcomePanel(QWidget):
    """First run: start entering staff, look at the demo, or import a roster."""

    def __init__(self, host: PageHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        title = QLabel(self.tr("Welcome to Bangfu Ledger"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        text = QLabel(
            self.tr(
                "This ledger holds no staff yet. Start by entering the dispatched staff, or "
                "look around in the demo database first (it is a separate file, so demo and "
                "real records never mix)."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.start_button = QPushButton(self.tr("Start entering staff"))
        self.start_button.setObjectName("primaryButton")
        self.start_button.clicked.connect(lambda: self._start(host))
        self.demo_button = QPushButton(self.tr("Open the demo database"))
        self.demo_button.clicked.connect(host.shell.open_demo)
        self.import_button = QPushButton(self.tr("Import a roster from Excel"))
        self.import_button.setToolTip(
            self.tr("Read the roster you keep in Excel or WPS (.xlsx or .xls); preview first")
        )
        self.import_button.clicked.connect(lambda: self._import(host))
        for button in (self.start_button, self.demo_button, self.import_button):
            layout.addWidget(button)
        layout.addStretch(1)

    @staticmethod
    def _import(host: PageHost) -> None:
        page = host.go_to("staff")
        import_from_excel = getattr(page, "import_from_excel", None)
        if callable(import_from_excel):
            import_from_excel()

    @staticmethod
    def _start(host: PageHost) -> None:
        page = host.go_to("staff")
        new_record = getattr(page, "new_record", None)
        if callable(new_record):
            new_record()


class DashboardPage(QWidget):
    def __init__(self, context: LedgerContext, host: PageHost) -> None:
        super().__init__()
        self.context = context
        self._layout = QStackedLayout(self)
        self.welcome = WelcomePanel(host)
        self.overview = QuarterOverview(context)
        self.reminders = RemindersPanel(context, host)
        # The quarter at a glance with what to do today beside its leading figures; the
        # whole scrolls on a small screen rather than squeezing the charts.
        self.overview.add_side_panel(self.reminders)
        self.at_a_glance = QScrollArea()
        self.at_a_glance.setWidgetResizable(True)
        self.at_a_glance.setFrameShape(QFrame.Shape.NoFrame)
        self.at_a_glance.setWidget(self.overview)
        self._layout.addWidget(self.welcome)
        self._layout.addWidget(self.at_a_glance)
        context.bus.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        empty = self.context.read(staff_count) == 0
        self._layout.setCurrentWidget(self.welcome if empty else self.at_a_glance)

    def _on_changed(self, changes: Changes) -> None:
        if "staff" in changes.entities:
            self.refresh()
        self.overview.data_changed(changes)
        self.reminders.data_changed(changes)
