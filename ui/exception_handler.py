"""One handler for unexpected exceptions in the GUI: logged, shown, and the app goes on.

A bug in a slot or a background job must not kill the window and the clerk's
unsaved work. The traceback goes to the rotating log in the data folder (set up by
`main.py`); the clerk sees a short message naming that log, once per burst.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread

from app.db.paths import log_path
from ui.dialogs import ask

log = logging.getLogger("bangfu.gui")
translate = QCoreApplication.translate
_showing = False


def install() -> None:
    sys.excepthook = handle
    threading.excepthook = lambda args: handle(args.exc_type, args.exc_value, args.exc_traceback)


def handle(
    kind: type[BaseException],
    error: BaseException | None,
    trace: TracebackType | None,
) -> None:
    """Log the exception; on the GUI thread tell the clerk, unless a message is already up."""
    global _showing
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error or kind(), trace)
        return
    log.error("unexpected error", exc_info=(kind, error or kind(), trace))
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread() or _showing:
        return
    _showing = True
    try:
        ask.show_error(
            None,
            translate(
                "ExceptionHandler",
                "Something went wrong inside Bangfu Ledger: {error}\n\nYour saved records "
                "are safe and the program keeps running. The details were written to "
                "{log}; please send that file to whoever looks after the program.",
            ).format(error=error, log=log_path()),
        )
    finally:
        _showing = False
