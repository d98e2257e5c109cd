"""What every page and dialog needs from the open ledger, and nothing more.

Pages never hold a Session: they call `read` with an `app/` query, or `write` with an
`app/` command that validates, audits and commits; `write` shows a refused action's
message, and announces what changed on the bus so every page refreshes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QWidget

from app.db.ledger import Ledger
from app.errors import LedgerError
from app.records.settings import get_setting
from ui.dialogs import ask
from ui.signals import DataBus
from ui.tasks import TaskRunner

T = TypeVar("T")


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write that succeeded, with what the command returned."""

    value: T


class LedgerContext:
    def __init__(self, ledger: Ledger, bus: DataBus | None = None) -> None:
        self.ledger = ledger
        self.bus = bus or DataBus()
        self.tasks = TaskRunner(ledger)

    def read(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run an `app/` query in a short session; it must return plain data."""
        with self.ledger.session() as session:
            return query(session, *args, **kwargs)

    def write(
        self,
        parent: QWidget | None,
        command: Callable[..., T],
        *args: Any,
        changed: Iterable[str],
        **kwargs: Any,
    ) -> Done[T] | None:
        """Run an `app/` command; on refusal show its message and return None."""
        try:
            with self.ledger.session() as session:
                value = command(session, *args, **kwargs)
        except LedgerError as error:
            ask.show_error(parent, str(error))
            return None
        self.bus.announce(*changed)
        return Done(value)

    def setting(self, key: str) -> str:
        return self.read(get_setting, key)

    def close(self) -> None:
        self.tasks.wait()
        self.ledger.close()
