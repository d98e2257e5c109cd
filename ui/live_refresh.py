"""Other clerks' saves on a shared ledger refresh this window's pages (no polling).

The server sends a NOTIFY when another clerk's transaction commits, naming the kinds
of record it touched (`app.db.postgres`). A thread of this module blocks on its own
listening connection (`ChangeListener.wait`: a select on the socket, not a query
loop) and hands each notice to the GUI thread, which announces it on the app's one
data-changed signal as `Changes(touched=…)`; pages refresh as after the clerk's own
writes, within a second. A notice saying only "something changed" (a very large
commit) touches every kind. When the connection drops, the thread reconnects every
few seconds; nothing is lost but the refreshes in between.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from app.db.base import Base
from app.db.ledger import Ledger
from app.errors import LedgerError
from app.records.work import Changes
from ui.signals import DataBus

log = logging.getLogger(__name__)
WAIT_S = 0.5  # how long one wait blocks before the thread checks it should stop
RECONNECT_S = 5.0


class LiveRefresh(QObject):
    """Listens for the ledger's change notices while it is open (a server ledger only)."""

    arrived = Signal(object)  # frozenset[str], from the listening thread

    def __init__(self, ledger: Ledger, bus: DataBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ledger, self._bus = ledger, bus
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self.arrived.connect(self._announce)  # queued: emitted on the listening thread
        if ledger.is_server:
            self._thread = threading.Thread(target=self._listen, name="live-refresh", daemon=True)
            self._thread.start()

    def wait_until_listening(self, timeout: float = 10) -> bool:
        """True once the listening connection is open (tests, so no notice is missed)."""
        return self._ready.wait(timeout)

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                listener = self._ledger.backend.listener()  # type: ignore[union-attr]
            except LedgerError as error:
                log.warning("change notices unavailable: %s", error)
                self._stop.wait(RECONNECT_S)
                continue
            self._ready.set()
            try:
                while not self._stop.is_set():
                    for entities in listener.wait(WAIT_S):
                        self.arrived.emit(entities)
            except LedgerError as error:
                log.warning("change notices interrupted: %s", error)
                self._stop.wait(RECONNECT_S)
            finally:
                listener.close()

    def _announce(self, entities: frozenset[str]) -> None:
        self._bus.announce(Changes(touched=set(entities or Base.metadata.tables)))

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=WAIT_S * 4)
