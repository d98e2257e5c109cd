"""The self-test's look at the window: every page opens, the dashboard draws its charts.

A frozen build fails here when a page's module, a Qt plugin or matplotlib's QtAgg
canvas was left out of the bundle: each page is built on its first visit, so only a
visit proves it came along. The window is shown on Qt's offscreen platform (main.py
picks it for `--self-test`), so nothing appears on the clerk's screen, and the Qt
settings live in the test's temporary folder, so the clerk's window size, recent files
and remembered pages stay as they were. `docs/make_screenshots.py` walks the pages
the same way.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.db.ledger import Ledger
from app.demo.self_test import failed
from ui.application import LedgerApplication
from ui.context import LedgerContext
from ui.i18n import install_gui_translators
from ui.launch import create_qt_application
from ui.main_window import MainWindow

translate = QCoreApplication.translate
SETTLE_SECONDS = 120  # the first charts also build matplotlib's font cache
QUIET_TURNS = 20  # of 20 ms: longer than a page's debounce (outcome totals wait 250 ms)


def isolated_application(settings_folder: Path, language: str) -> QApplication:
    """The app's QApplication (style, icon, translators) with QSettings kept in
    `settings_folder`; made before any QSettings is read."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_folder))
    existing = QCoreApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("a QGuiApplication exists already; widgets need a QApplication")
    app = create_qt_application()
    install_gui_translators(language)
    return app


def settle(context: LedgerContext, seconds: float = SETTLE_SECONDS) -> None:
    """Let the worker finish and its results reach the pages (signals are queued)."""
    deadline = time.monotonic() + seconds
    quiet = 0
    while quiet < QUIET_TURNS:  # idle for a while: nothing left in flight, nothing due
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        quiet = quiet + 1 if context.tasks.is_idle() else 0
        if time.monotonic() > deadline:
            raise TimeoutError(f"background work still running after {seconds:.0f} s")


def visit_pages(window: MainWindow, context: LedgerContext) -> list[str]:
    """Show each page in navigation order, waiting for what it computes; their titles."""
    titles = []
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        settle(context)
        titles.append(window.navigation.item(row).text())
    return titles


def check_window(database: Path, language: str) -> str:
    """Open the main window on `database`, visit every page; what was seen, or raise."""
    what = translate("SelfCheck", "Window")
    app = isolated_application(database.parent / "settings", language)
    if app.windowIcon().isNull():
        raise failed(what, translate("SelfCheck", "the application icon is missing"))
    context = LedgerContext(Ledger.open(database, exclusive=True))
    window = MainWindow(context, LedgerApplication(), is_demo=True)
    try:
        window.show()
        titles = visit_pages(window, context)
        window.go_to("dashboard")
        settle(context)
        charts = [canvas for canvas in _canvases(window) if not canvas.grab().isNull()]
    except TimeoutError as error:
        raise failed(what, str(error)) from None
    finally:
        window.hide()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        context.close()
    if not charts:
        raise failed(what, translate("SelfCheck", "the dashboard drew no chart"))
    listed = translate("SelfCheck", ", ").join(titles)
    return translate(
        "SelfCheck", "Window: the {count} pages open ({titles}); the dashboard drew {charts} charts"
    ).format(count=len(titles), titles=listed, charts=len(charts))


def _canvases(window: QWidget) -> list[QWidget]:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    return list(window.findChildren(FigureCanvasQTAgg))
