"""One window per ledger file: a second start hands over to the first and goes away.

The first window listens on a local socket named after the file (Anki does the same);
a second start on that file connects, asks it to come forward, and exits by itself,
saying so on stderr. The file lock (`app.db.sqlite.InstanceLock`) stays the guard:
a lock left by a killed process is released by the operating system, and a stale
socket name is removed before listening.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAIT_MS = 500
MESSAGE = b"raise\n"


def server_name(path: Path) -> str:
    key = str(path.expanduser().resolve()).casefold().encode("utf-8")
    return "BangfuLedger-" + hashlib.sha1(key).hexdigest()[:20]


def hand_over(path: Path) -> bool:
    """Ask the window that has `path` open to come forward; True when one answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(path))
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(MESSAGE)
    socket.waitForBytesWritten(WAIT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """`asked` fires when a second start on the same file wants this window."""

    asked = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        name = server_name(path)
        QLocalServer.removeServer(name)  # a name left by a killed process
        self._server.listen(name)
        self._server.newConnection.connect(self._connected)

    def _connected(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(MESSAGE.strip()):
            self.asked.emit()

    def close(self) -> None:
        self._server.close()
