"""Starting the GUI, and switching between database files while it runs.

`LedgerApplication` owns the open ledger and its main window; the window asks it to
open, create or demo a file, and it rebuilds the window when the language changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app import APP_NAME, __version__
from app.db.backup import back_up, daily_backup_due, newest_good_backup, restore
from app.db.ledger import Ledger, backend_for, inspect_file
from app.db.paths import default_db_path, demo_db_path
from app.demo.build import create_demo
from app.errors import DatabaseCorrupt, LedgerError
from app.records.settings import backup_policy, get_setting
from ui import exception_handler
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.i18n import DEFAULT_LANGUAGE, install_gui_translators
from ui.icons import APP_ICON, icon
from ui.main_window import MAX_RECENT, MainWindow
from ui.style import apply_style

translate = QCoreApplication.translate


class LedgerApplication:
    """The running app: one open ledger, one main window."""

    def __init__(self) -> None:
        self.context: LedgerContext | None = None
        self.window: MainWindow | None = None
        self.language = DEFAULT_LANGUAGE

    def open_database(self, path: Path | str) -> bool:
        """Open `path` in place of the current file; on refusal keep the current one.

        A damaged file gets the offer to restore its newest good backup; the day's
        first session starts with a backup (DESIGN.md §8). A file that cannot be
        written opens read-only, with the window's banner saying so.
        """
        ledger = self._open_or_recover(path)
        if ledger is None:
            return False
        self._close_current()
        self._back_up(ledger, "daily", only_if_due=True)
        self.context = LedgerContext(ledger)
        self._remember(ledger.path)
        with ledger.session() as session:
            self.language = get_setting(session, "language")
        self._show_window()
        return True

    def _open_or_recover(self, path: Path | str) -> Ledger | None:
        try:
            return Ledger.open(path, exclusive=True)
        except DatabaseCorrupt as error:
            db_path = backend_for(path).path
            backup = newest_good_backup(db_path)
            question = translate(
                "Application", "{problem}\n\nRestore the newest good backup ({backup})?"
            ).format(problem=error, backup=backup.name if backup else "")
            if backup is None or not ask.confirm(
                self.window, translate("Application", "Restore"), question
            ):
                ask.show_error(self.window, str(error))
                return None
            try:
                restore(db_path, backup)
                return Ledger.open(path, exclusive=True)
            except LedgerError as again:
                ask.show_error(self.window, str(again))
                return None
        except LedgerError as error:
            ask.show_error(self.window, str(error))
            return None

    def _back_up(self, ledger: Ledger, reason: str, *, only_if_due: bool = False) -> None:
        """Automatic backups never stop the clerk; a failure is reported and work goes on.
        A read-only ledger cannot change, so it needs none."""
        if ledger.read_only is not None or ledger.file is None:
            return
        try:
            with ledger.session() as session:
                policy = backup_policy(session, ledger.file)
            if not only_if_due or daily_backup_due(ledger, policy.folder):
                back_up(ledger, folder=policy.folder, keep=policy.keep, reason=reason)
        except LedgerError as error:
            ask.show_error(self.window, str(error))

    def new_database(self, path: Path) -> None:
        if path.exists() and path.stat().st_size > 0:
            ask.show_error(
                self.window,
                translate("Application", "{path} already exists; choose a new file name.").format(
                    path=path
                ),
            )
            return
        self.open_database(path)

    def open_demo(self) -> None:
        path = demo_db_path()
        if not path.exists():
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                create_demo(path)
            except LedgerError as error:
                ask.show_error(self.window, str(error))
                return
            finally:
                QGuiApplication.restoreOverrideCursor()
        self.open_database(path)

    def recent_files(self) -> list[Path]:
        stored = QSettings().value("files/recent", [])
        names = [stored] if isinstance(stored, str) else list(stored or [])
        return [Path(name) for name in names if Path(name).exists()]

    def restore_backup(self, backup: Path) -> None:
        """Put `backup` in place of the open ledger (kept as a backup first), then reopen it."""
        assert self.context is not None
        db_path = self.context.ledger.path
        problems = inspect_file(backup)
        if problems:
            ask.show_error(self.window, problems[0])
            return
        self._close_current()
        try:
            restore(db_path, backup)
        except LedgerError as error:
            ask.show_error(None, str(error))
        self.open_database(db_path)

    def change_language(self, language: str) -> None:
        """Rebuild the window in the newly chosen language (the setting is already saved)."""
        self.language = language
        self._show_window()

    def _show_window(self) -> None:
        assert self.context is not None
        install_gui_translators(self.language)
        old = self.window
        if old is not None:
            old.save_state()
        self.window = MainWindow(
            self.context, self, is_demo=self.context.ledger.file == demo_db_path().resolve()
        )
        if old is not None:
            old.hide()
            old.deleteLater()
        self.window.show()

    def _remember(self, path: Path) -> None:
        recent = [path] + [old for old in self.recent_files() if old != path]
        QSettings().setValue("files/recent", [str(p) for p in recent[:MAX_RECENT]])

    def _close_current(self) -> None:
        if self.window is not None:
            self.window.save_state()
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        if self.context is not None:
            self.context.tasks.wait()
            self._back_up(self.context.ledger, "exit")
            self.context.close()
            self.context = None

    def shutdown(self) -> None:
        self._close_current()


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
    return qt_app


def run_gui(db: str | None) -> int:
    _own_taskbar_button()
    qt_app = create_qt_application()
    exception_handler.install()
    application = LedgerApplication()
    if not application.open_database(db or default_db_path()):
        return 1
    qt_app.aboutToQuit.connect(application.shutdown)
    return qt_app.exec()


def _own_taskbar_button() -> None:
    """Run from source, Windows would group the window under python.exe and show its
    icon on the taskbar; an app id of our own gives it ours. The installed program is
    its own .exe (whose icon the taskbar takes), so it needs none."""
    if sys.platform == "win32" and not getattr(sys, "frozen", False):
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(f"{APP_NAME}.source")
