"""Run in a fresh process by `bench.suite_start`: the program's real start, watched.

`python bench/gui_probe.py bare [--quit]` shows a bare PySide6 QMainWindow (the
floor); `python bench/gui_probe.py app DB [--quit | --visit]` starts Bangfu Ledger
through `ui.launch.run` on DB. A timer polls for the main window; each moment is
printed as `moment seconds`, counted from BENCH_T0 (the parent's `time.time()` just
before it started this process):

- `shown`: the main window is visible and the event loop has gone idle once (it is
  shown opening, before the ledger: `ui.launch`);
- `ready`: the ledger is attached to it (its first page built);
- `data`: the first page's data painted (the dashboard's figures: `figures_ready`);
- `charts`: its background work all done and painted (the dashboard's charts too);
- `peak_mb`: with `--visit`, the peak resident memory (VmHWM) after every page was
  opened and its reads painted; `rss_after_<page>` the resident memory after each.

With `--quit` the window is closed as soon as it is shown (the clerk quitting at
once); the parent times the whole process. The clock is frozen at 2024-12-20, the
data set's last quarter, so the dashboard computes a quarter full of records.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TODAY = datetime(2024, 12, 20, 9, 0)
T0 = float(os.environ.get("BENCH_T0", time.time()))
TIMEOUT = 120.0


def say(moment: str, value: float | None = None) -> None:
    print(f"{moment} {time.time() - T0 if value is None else value:.4f}", flush=True)


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import psutil  # not Linux

    return float(psutil.Process().memory_info().peak_wset) / 2**20


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def bare(quit_at_once: bool) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()

    def idle() -> None:
        say("shown")
        if quit_at_once:
            window.close()
        else:
            app.quit()

    QTimer.singleShot(0, idle)
    return app.exec()


def watched(db: str, mode: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    import ui.launch
    from app import clock

    # The data set ends in 2024: the dashboard's "this quarter" is its last quarter.
    clock.frozen(TODAY).__enter__()

    state: dict[str, Any] = {"stage": "start", "visit": 0}
    create = ui.launch.create_qt_application

    def poll() -> None:
        if time.time() - T0 > TIMEOUT:
            say("timeout")
            QApplication.exit(3)
            return
        window = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if w.objectName() == "mainWindow" and w.isVisible()
            ),
            None,
        )
        if window is None:
            return
        if state["stage"] == "start":
            state["stage"] = "shown"
            QTimer.singleShot(0, lambda: shown(window))
            return
        if not window.is_open:  # type: ignore[attr-defined]
            return
        if "ready" not in state:
            state["ready"] = 1
            say("ready")
        tasks = window.context.tasks  # type: ignore[attr-defined]
        if state["stage"] == "data" and page_ready(window, "figures_ready"):
            QApplication.processEvents()
            say("data")
            state["stage"] = "charts"
        elif state["stage"] == "charts" and tasks.is_idle() and page_ready(window):
            QApplication.processEvents()
            say("charts")
            if mode != "--visit":
                QApplication.exit(0)
                return
            state["stage"] = "visit"
        elif state["stage"] == "visit" and tasks.is_idle():
            keys = [spec.key for spec in window._specs]  # type: ignore[attr-defined]
            if state["visit"] < len(keys):
                if state["visit"]:
                    say(f"rss_after_{keys[state['visit'] - 1]}", rss_mb())
                window.go_to(keys[state["visit"]])  # type: ignore[attr-defined]
                state["visit"] += 1
                QApplication.processEvents()
            else:
                say(f"rss_after_{keys[-1]}", rss_mb())
                say("peak_mb", peak_mb())
                QApplication.exit(0)

    def page_ready(window: Any, test: str = "is_ready") -> bool:
        """The page shown has its background figures (a dashboard's `is_ready`; with
        `figures_ready`, its first data, where a part tells it apart)."""
        page = window.stack.currentWidget()
        ready = []
        for part in [page, *page.findChildren(QWidget)]:
            check = getattr(part, test, None) or getattr(part, "is_ready", None)
            if callable(check):
                ready.append(check())
        return all(ready)

    def shown(window: object) -> None:
        say("shown")
        if mode == "--quit":
            window.close()  # type: ignore[attr-defined]
            state["stage"] = "quitting"
        else:
            state["stage"] = "data"

    def patched() -> QApplication:
        app = create()
        timer = QTimer(app)
        timer.setInterval(5)
        timer.timeout.connect(poll)
        timer.start()
        return app

    ui.launch.create_qt_application = patched  # type: ignore[assignment]
    return ui.launch.run(db)


def main() -> int:
    if sys.argv[1] == "bare":
        return bare("--quit" in sys.argv)
    return watched(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")


if __name__ == "__main__":
    sys.exit(main())
