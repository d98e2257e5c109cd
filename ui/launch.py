"""Starting the GUI: the main window on the screen first, the ledger right after it.

Anki and other desktop programs paint a shell before their database stack is loaded;
here the shell is the main window itself, opening: its navigation and menus, a hint
where the page goes (`MainWindow(None, None)`). Only Qt and a few small modules load
before it appears (no SQLAlchemy, no matplotlib: `python -X importtime`); a background
thread imports the database stack and the first page's module and opens the file,
while the window already responds. Back on the GUI thread the ledger's refusals and
its sign-in are answered and the window is attached to it. Quitting before that does
not wait for the imports: the thread is cancelled before it opens the file (a file
being opened is waited for, then closed, never written) and the process ends at once.
A second start on a file already open hands over before any window.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Any, NoReturn

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_NAME, __version__
from app.db.paths import default_db_path, ledger_file
from app.i18n import translate
from ui import exception_handler
from ui.garbage import collect_on_the_gui_thread
from ui.i18n import DEFAULT_LANGUAGE, install_gui_translators
from ui.icons import APP_ICON, icon
from ui.main_window import MainWindow
from ui.single_instance import hand_over
from ui.style import apply_style

# the database stack, the application behind the window, the page most often first
HEAVY_MODULES = ("ui.application", "ui.pages.dashboard.page")


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


class _Loader(QObject):
    """Off the GUI thread: imports the heavy modules, then opens a file ledger (a
    server ledger, or a file in a folder still to be made, is opened on the GUI thread:
    connecting may ask for a password, the folder is asked about).
    `loaded` arrives on the GUI thread once done; `opened` then gives the ledger or
    raises its refusal (None for a server ledger)."""

    loaded = Signal()
    failed = Signal(object)

    def __init__(self, file: Path | None) -> None:
        super().__init__()
        self.file = file
        self.outcome: tuple[Any, BaseException | None] | None = None
        self._lock = threading.Lock()
        self.opening = False  # the file is being opened (a quit waits for that)
        self.cancelled = False  # the program quit first: the file is never opened

    def run(self) -> None:
        try:
            for name in HEAVY_MODULES:
                importlib.import_module(name)
        except Exception as error:  # a broken installation: said on the GUI thread
            self.failed.emit(error)
            return
        if self.file is not None:
            from app.db.ledger import Ledger

            with self._lock:
                if self.cancelled:
                    return
                self.opening = True
            try:
                self.outcome = (Ledger.open(self.file, exclusive=True), None)
            except Exception as error:  # answered on the GUI thread (restore, hand over)
                self.outcome = (None, error)
        self.loaded.emit()

    def opened(self) -> Any:
        """The ledger opened, or its refusal raised; taken once."""
        outcome, self.outcome = self.outcome, None
        assert outcome is not None
        ledger, error = outcome
        if error is not None:
            raise error
        return ledger

    def cancel(self) -> bool:
        """The program quits: the file is not opened after this; True when it is being
        opened already (the caller waits for that to end, then `abandon`s it)."""
        with self._lock:
            self.cancelled = True
            return self.opening

    def abandon(self) -> None:
        """The program quits before the ledger was attached: close what was opened."""
        outcome, self.outcome = self.outcome, None
        if outcome is not None and outcome[0] is not None:
            outcome[0].close()


class Start:
    """One start of the program: the window shown opening, the loader behind it, then
    the application that took the ledger (`application`, None until then)."""

    def __init__(self, qt_app: QApplication, db: str | None, target: Path | None) -> None:
        self.qt_app, self.db = qt_app, db
        self.application: Any = None  # ui.application.LedgerApplication, once loaded
        self.window = MainWindow(None, None)  # opening: attached once the ledger is open
        self.window.show()
        # A file in a missing folder is asked about first (`may_create_there`): opened on
        # the GUI thread after the answer, not behind the window.
        behind = target if target is not None and target.parent.exists() else None
        self.loader = _Loader(behind)
        self.loader.loaded.connect(self._open)
        self.loader.failed.connect(lambda error: exception_handler.handle(type(error), error, None))
        qt_app.aboutToQuit.connect(self.finish)
        self.thread = threading.Thread(target=self.loader.run, name="bangfu-start", daemon=True)
        self.thread.start()

    def _open(self) -> None:
        if not self.window.isVisible():  # closed meanwhile: the program is quitting
            self.loader.abandon()
            return
        from ui.application import LedgerApplication

        self.application = LedgerApplication(self.window)
        opened = self.loader.opened if self.loader.file is not None else None
        asked = opened is not None or may_create_there(self.db, self.window)
        path = self.db or default_db_path()
        if not (asked and self.application.open_database(path, opened=opened)):
            self.refused()

    def refused(self) -> None:
        """The ledger was refused or sign-in cancelled (the clerk was told): the program ends."""
        self.qt_app.exit(1)

    def finish(self) -> None:
        """Quitting: the exit backup and the ledger's close; before the ledger was
        attached, only what the loader may have opened is closed (nothing was written)."""
        if self.application is not None:
            self.application.shutdown()
            return
        if self.loader.cancel():  # being opened: let that end, then close it
            self.thread.join()
        self.loader.abandon()

    @property
    def nothing_open(self) -> bool:
        """Quit before the ledger was attached, and no file was or will be opened."""
        return self.application is None and self.loader.cancelled and not self.loader.opening


_running: list[Start] = []  # the start, alive as long as the event loop


def start(db: str | None) -> Start | None:
    """Show the window and start opening `db` behind it; None when another window
    has the file open already (it was brought to the front)."""
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
        return None
    started = Start(qt_app, db, target)
    _running.append(started)
    return started


def run(db: str | None) -> int:
    started = start(db)
    if started is None:
        return 0
    code = started.qt_app.exec()
    if started.nothing_open:  # quit while the database stack was still being imported
        _exit_now(code)
    return code


def _exit_now(code: int) -> NoReturn:
    """End at once, not after the loader's imports: Python's exit would share the GIL
    with them (a quit at start took 3× a bare window's). No file is open; the settings
    and the log are flushed first."""
    QSettings().sync()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def may_create_there(db: str | None, parent: QWidget) -> bool:
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
