"""What every page and dialog needs from the open ledger, and nothing more.

Pages never hold a Session: they call `read` with an `app/` query (plain data back),
or `write` with an `app/` command, which the write runner performs on the worker
thread as the acting user and whose changes it announces on the bus. `can` says
what that user may do, so menus, toolbars and page buttons offer only that (the
write path refuses the rest anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from app.db.ledger import Ledger
from app.records.permissions import Permission, can
from app.records.settings import clerk_actor, get_setting
from app.records.work import Actor, Changes
from ui.backups import BackupScheduler
from ui.live_refresh import LiveRefresh
from ui.signals import DataBus
from ui.tasks import TaskRunner
from ui.write_runner import WriteRunner

T = TypeVar("T")


class LedgerContext:
    def __init__(
        self, ledger: Ledger, bus: DataBus | None = None, *, actor: Actor | None = None
    ) -> None:
        """`actor` is the signed-in user; without sign-in the clerk named in Settings."""
        self.ledger = ledger
        self.bus = bus or DataBus()
        self.tasks = TaskRunner(ledger)
        self.signed_in = actor is not None
        self.actor: Actor = actor if actor is not None else self.read(clerk_actor)
        self.writes = WriteRunner(ledger, self.tasks, self.bus, lambda: self.actor)
        # Perform an `app/` command on the worker; connect to the returned op's signals.
        self.write = self.writes.submit
        self.backups = BackupScheduler(ledger, self.tasks, self.bus)
        self.writes.before_write = self.backups.before_write
        self.bus.changed.connect(self._follow_clerk)
        self.live = LiveRefresh(ledger, self.bus)  # other clerks' saves, on a server

    def read(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run an `app/` query in a short session; it must return plain data."""
        with self.ledger.session() as session:
            return query(session, *args, **kwargs)

    @property
    def read_only(self) -> str | None:
        """Why this ledger cannot be changed (None when it can)."""
        return self.ledger.read_only

    def can(self, permission: Permission) -> bool:
        """Whether the acting user may do this on this ledger (not on a read-only one)."""
        return self.read_only is None and can(self.actor, permission)

    def setting(self, key: str) -> str:
        return self.read(get_setting, key)

    def _follow_clerk(self, changes: Changes) -> None:
        """Without sign-in, the clerk named in Settings is who acts."""
        if "setting" in changes.entities and not self.signed_in:
            self.actor = self.read(clerk_actor)

    def close(self) -> str | None:
        """The exit backup, then the ledger; why that backup failed, if it did."""
        self.live.stop()
        self.tasks.stop_reads()
        self.tasks.wait()
        failure = self.backups.finish()
        self.ledger.close()
        return failure
