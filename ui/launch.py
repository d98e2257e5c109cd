"""Starting the GUI: a window on the screen first, the ledger right after it.

Anki and other desktop programs paint a shell before their database stack is loaded;
so does this. Only Qt and a few small modules load before the first window appears
(no SQLAlchemy, no matplotlib); the database stack is imported on a background thread
while that window already responds, then the ledger opens and its window takes the
shell's place. A second start on a file already open hands over before any window.
"""

from __future__ import annotations

import importlib
import sys
import threading
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from app import APP_NAME, __version__
from app.db.paths import default_db_path, ledger_file
from app.i18n import translate
from ui import exception_handler
from ui.garbage import collect_on_the_gui_thread
from ui.i18n import DEFAULT_LANGUAGE, install_gui_translators
from ui.icons import APP_ICON, icon
from ui.single_instance import hand_over
from ui.style import apply_style

HEAVY_MODULE = "ui.application"  # the database stack and the pages behind it


def create_qt_application() -> QApplication:
    """The QApplication with our names (QSettings), style sheet and Chinese translators."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        qt_app = existing
    else:  # fractional scaling on 125 %/150 % Windows displays, set before the app exists
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        qt_app = QApplication(sys.argv)
    qt_app.setOrganizationName(APP_NAME)
    qt_app.setApplicationName(APP_NAME)
    qt_app.setApplicationVersion(__version__)
    qt_app.setWindowIcon(icon(APP_ICON))  # every window's title bar and taskbar button
    install_gui_translators(DEFAULT_LANGUAGE)
    apply_style(qt_app)
    collect_on_the_gui_thread(qt_app)
    return qt_app


class StartWindow(QMainWindow):
    """The window the clerk sees while the ledger opens: where the main window will be."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("startWindow")
        self.setWindowTitle(translate("Launch", "Bangfu Ledger"))
        geometry = QSettings().value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        note = QLabel(translate("Launch", "Opening the ledger…"))
        note.setObjectName("hint")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(note)


class _Loader(QObject):
    """Imports the heavy modules off the GUI thread; `loaded` arrives on the GUI thread."""

    loaded = Signal()
    failed = Signal(object)

    def run(self) -> None:
        try:
            importlib.import_module(HEAVY_MODULE)
        except Exception as error:  # a broken installation: said on the GUI thread
            self.failed.emit(error)
        else:
            self.loaded.emit()


_running: list[Any] = []  # the application, alive as long as the event loop


def run(db: str | None) -> int:
    _own_taskbar_button()
    qt_app = create_qt_application()
    exception_handler.install()
    target = ledger_file(db)
    if target is not None and hand_over(target):  # already open in a window: that one comes
        print(
            translate(
                "Application",
                "{path} is already open in a Bangfu Ledger window; it was brought to the front.",
            ).format(path=target),
            file=sys.stderr,
        )
        return 0
    shell = StartWindow()
    shell.show()
    loader = _Loader()
    loader.loaded.connect(lambda: _open(qt_app, shell, db))
    loader.failed.connect(lambda error: exception_handler.handle(type(error), error, None))
    _running.append(loader)
    threading.Thread(target=loader.run, name="bangfu-start", daemon=True).start()
    return qt_app.exec()


def _open(qt_app: QApplication, shell: StartWindow, db: str | None) -> None:
    from ui.application import LedgerApplication

    application = LedgerApplication(shell)
    _running.append(application)
    qt_app.aboutToQuit.connect(application.shutdown)
    if not may_create_there(db, shell) or not application.open_database(db or default_db_path()):
        qt_app.exit(1)


def may_create_there(db: str | None, parent: QMainWindow) -> bool:
    """`--db` naming a file in a folder that does not exist is most often a typing slip:
    the clerk is asked before a new, empty ledger is made there (and its folder)."""
    target = ledger_file(db) if db is not None else None
    if target is None or target.parent.exists():
        return True
    from ui.dialogs import ask

    return ask.confirm(
        parent,
        translate("Application", "New ledger"),
        translate(
            "Application",
            "The folder {folder} does not exist.\n\n"
            "Create it and start a new, empty ledger {name} there?",
        ).format(folder=target.parent, name=target.name),
    )


def _own_taskbar_button() -> None:
    """Run from source, Windows would group the window under python.exe and show its
    icon on the taskbar; an app id of our own gives it ours. The installed program is
    its own .exe (whose icon the taskbar takes), so it needs none."""
    if sys.platform == "win32" and not getattr(sys, "frozen", False):
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(f"{APP_NAME}.source")
