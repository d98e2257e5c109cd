"""Cycles are collected on the GUI thread, never on the worker (ui/garbage.py)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from pytestqt.qtbot import QtBot

from ui.application import LedgerApplication

FREED_ON_THE_GUI_THREAD: list[bool] = []


class Cycle:
    """An object in a reference cycle that notes on which thread it was freed."""

    def __init__(self) -> None:
        self.me: Any = self

    def __del__(self) -> None:
        FREED_ON_THE_GUI_THREAD.append(threading.current_thread() is threading.main_thread())


def test_the_cycle_collector_runs_on_the_gui_thread_only(
    application: LedgerApplication, qtbot: QtBot
) -> None:
    assert not gc.isenabled()
    FREED_ON_THE_GUI_THREAD.clear()

    def make_garbage_on_a_worker() -> None:
        for _ in range(gc.get_threshold()[0] * 3):  # past the threshold many times over
            Cycle()

    worker = threading.Thread(target=make_garbage_on_a_worker)
    worker.start()
    worker.join()
    assert FREED_ON_THE_GUI_THREAD == []  # the worker crossed the threshold but collected nothing
    qtbot.waitUntil(lambda: len(FREED_ON_THE_GUI_THREAD) > 0, timeout=5000)
    assert all(FREED_ON_THE_GUI_THREAD)
