"""Starting the GUI, and switching between database files while it runs.

`LedgerApplication` owns the open ledger and its main window; the window asks it to
open, create or demo a file, and it rebuilds the window when the language changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication

from app import clock
from app.db.backup import newest_good_backup, restore
from app.db.ledger import Ledger, backend_for, inspect_file
from app.db.paths import demo_db_path, ledger_file
from app.db.postgres import PostgresServer
from app.errors import DatabaseCorrupt, DatabaseInUse, LedgerError
from app.records.permissions import Permission
from app.records.settings import get_setting
from app.records.users import sign_in, sign_in_required
from app.records.work import Actor
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.dialogs.sign_in_dialog import SignInDialog, open_server_ledger
from ui.i18n import DEFAULT_LANGUAGE, install_gui_translators
from ui.main_window import MAX_RECENT, MainWindow
from ui.single_instance import InstanceServer, hand_over

translate = QCoreApplication.translate


class LedgerApplication:
    """The running app: one open ledger, one main window (at start, `shell` is that
    window already shown, opening: the first ledger is attached to it)."""

    def __init__(self, shell: MainWindow | None = None) -> None:
        self.context: LedgerContext | None = None
        self.window: MainWindow | None = None
        self._start_shell = shell
        self.language = DEFAULT_LANGUAGE
        self._instance: InstanceServer | None = None
        self._backup_told = False

    def open_database(
        self,
        path: Path | str,
        *,
        password: Callable[[], str | None] | None = None,
        opened: Callable[[], Ledger] | None = None,
    ) -> bool:
        """Open `path` in place of the current file; on refusal keep the current one.

        A damaged file gets the offer to restore its newest good backup (the damaged
        file is kept aside); a file that cannot be written opens read-only, with the
        window's banner saying so. Backups follow `ui.backups` (DESIGN.md §8).
        `opened`: the file's opening done off the GUI thread (the start), returning the
        ledger or raising its refusal, answered here as if it had been opened here.
        """
        ledger = self._open_or_recover(path, password, opened)
        if ledger is None:
            return False
        signed_in = self._sign_in(ledger)
        if signed_in is False:  # the clerk cancelled signing in: the ledger stays closed
            ledger.close()
            return False
        self._close_current()
        self.context = LedgerContext(ledger, actor=signed_in)
        self.context.backups.failed.connect(self._backup_failed)
        self._backup_told = False
        if ledger.file is not None:
            self._remember(ledger.file)
            self._instance = InstanceServer(ledger.file)
            self._instance.asked.connect(self._come_forward)
        with ledger.session() as session:
            self.language = get_setting(session, "language")
        self._show_window()
        return True

    def _sign_in(self, ledger: Ledger) -> Actor | Literal[False] | None:
        """The signed-in user of a ledger with sign-in on (False when the clerk
        cancelled); None without sign-in (the clerk named in Settings acts). On a server
        the connection dialog signed in: the connected login role acts."""
        if ledger.file is None:  # a server ledger: signing in was connecting as oneself
            from app.records.server_users import server_actor  # the server stack: on use

            return server_actor(ledger)
        with ledger.session() as session:
            if not sign_in_required(session):
                return None
        dialog = SignInDialog(
            ledger.location, partial(sign_in, ledger), self.window or self._start_shell
        )
        ask.run_dialog(dialog)
        return dialog.actor if dialog.actor is not None else False

    def switch_user(self) -> None:
        """File → 注销/切换用户: another user signs in on the open ledger (Cancel keeps
        the one signed in); the window is rebuilt for their rights."""
        assert self.context is not None
        signed_in = self._sign_in(self.context.ledger)
        if isinstance(signed_in, Actor):
            self.context.actor = signed_in
            self.context.signed_in = True
            self._show_window()

    def _open_or_recover(
        self,
        path: Path | str,
        password: Callable[[], str | None] | None = None,
        opened: Callable[[], Ledger] | None = None,
    ) -> Ledger | None:
        try:
            if opened is not None:
                return opened()
            backend = backend_for(path, password=password)
            if isinstance(backend, PostgresServer) and backend.asks_password:  # sign in
                return open_server_ledger(str(path), self.window or self._start_shell)
            return Ledger.open(path, exclusive=True, password=password)
        except DatabaseCorrupt as error:
            return self._recover(path, error)
        except DatabaseInUse as error:
            target = ledger_file(path)  # only a file is ever "in use" by another window
            if target is None or not hand_over(target):
                ask.show_error(self.window, str(error))
            return None
        except LedgerError as error:
            ask.show_error(self.window, str(error))
            return None

    def _recover(self, path: Path | str, error: DatabaseCorrupt) -> Ledger | None:
        """Offer the newest good backup; the damaged file is kept aside, never deleted."""
        db_path = ledger_file(path)
        assert db_path is not None  # only a file is found damaged
        backup = newest_good_backup(db_path)
        if backup is None:
            ask.show_error(self.window, str(error))
            return None
        question = translate(
            "Application",
            "{problem}\n\nRestore the newest good backup, made {when} ({age})? The damaged "
            "file is kept beside it with the ending .corrupt.",
        ).format(problem=error, when=_moment(backup.made_at), age=_age(backup.made_at))
        if not ask.confirm(self.window, translate("Application", "Restore"), question):
            ask.show_error(self.window, str(error))
            return None
        try:
            restore(db_path, backup.path, damaged=True)
            return Ledger.open(path, exclusive=True)
        except LedgerError as again:
            ask.show_error(self.window, str(again))
            return None

    def _backup_failed(self, reason: str) -> None:
        """Told once per session: the clerk's work goes on, the ledger is intact."""
        if self._backup_told:
            return
        self._backup_told = True
        ask.show_error(
            self.window,
            translate(
                "Application",
                "An automatic backup could not be made: {reason}\n\nThe ledger itself is "
                "intact and you can go on working; check the backup folder in Settings.",
            ).format(reason=reason),
        )

    def _come_forward(self) -> None:
        if self.window is None:
            return
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        self.window.show_status(
            translate("Application", "This ledger is already open here; this window is it.")
        )

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
            from app.demo.build import create_demo  # the demo builder: on use

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
        names = [stored] if isinstance(stored, str) else list(stored or [])  # type: ignore[call-overload]
        return [Path(name) for name in names if Path(name).exists()]

    def restore_backup(self, backup: Path) -> None:
        """Put `backup` in place of the open ledger (kept as a backup first), then reopen it."""
        assert self.context is not None
        if not self.context.can(Permission.RESTORE):
            ask.show_error(
                self.window, translate("Application", "Only an administrator restores a backup.")
            )
            return
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
        is_demo = self.context.ledger.file == demo_db_path().resolve()
        shell, self._start_shell = self._start_shell, None
        if shell is not None and self.language == DEFAULT_LANGUAGE:
            self.window = shell  # the window shown at start, in this language already
            shell.attach(self.context, self, is_demo=is_demo)
            return
        old = self.window or shell
        if old is not None:
            old.save_state()
        self.window = MainWindow(self.context, self, is_demo=is_demo)
        self.window.show()
        if old is not None:
            old.hide()
            old.deleteLater()

    def _remember(self, path: Path) -> None:
        recent = [path] + [old for old in self.recent_files() if old != path]
        QSettings().setValue("files/recent", [str(p) for p in recent[:MAX_RECENT]])

    def _close_current(self) -> None:
        """The exit backup (on the worker, waited for), then the ledger and its window."""
        if self.context is not None:
            failure = self.context.close()
            if failure is not None:
                ask.show_error(
                    self.window,
                    translate(
                        "Application", "The backup on closing could not be made: {reason}"
                    ).format(reason=failure),
                )
            self.context = None
        if self._instance is not None:
            self._instance.close()
            self._instance = None
        if self.window is not None:
            self.window.save_state()
            self.window.hide()
            self.window.deleteLater()
            self.window = None

    def shutdown(self) -> None:
        self._close_current()


def _moment(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M")


def _age(when: datetime) -> str:
    """How old a backup is, as the clerk weighs it."""
    hours = max(0, int((clock.now() - when).total_seconds() // 3600))
    if hours < 48:
        return translate("Application", "{hours} hours ago").format(hours=hours)
    return translate("Application", "{days} days ago").format(days=hours // 24)
