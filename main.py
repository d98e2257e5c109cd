"""Bangfu Ledger (帮扶台账): the composition root.

Parses the command line, installs the translator, and hands `app.cli` what only Qt
can do (the GUI, the summary's PDF renderer), so `app/` never imports Qt.
"""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from app import cli

if TYPE_CHECKING:
    from app.reports.document import PrintableDocument


def _language(argv: list[str]) -> str:
    """The --lang option, read before argparse so its help is translated too."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return "zh_CN"


def _frozen_setup(argv: list[str]) -> None:
    """Before Qt or matplotlib load: what the installed program (and its self-test) need.

    PyInstaller's matplotlib hook points MPLCONFIGDIR at a new temporary folder at every
    launch, so matplotlib would rebuild its font cache (seconds) each time the charts
    first show; the cache lives in the data folder instead. The self-test draws the
    window on Qt's offscreen platform, so nothing flashes on the clerk's screen.
    """
    if getattr(sys, "frozen", False):
        from app.db.paths import matplotlib_dir

        os.environ["MPLCONFIGDIR"] = str(matplotlib_dir())
    if "--self-test" in argv:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _start_gui(db: str | None) -> int:
    from ui.launch import run

    return run(db)


def _render_pdf(language: str, document: PrintableDocument, path: Path) -> Path:
    """Qt's text engine renders the summary's PDF, with or without a screen (a server, cron)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if _no_display():
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _keep.append(QGuiApplication(sys.argv[:1]))
        from ui.i18n import install_gui_translators

        install_gui_translators(language)  # the page footers speak the messages' language
    from ui.printing import render_pdf

    return render_pdf(document, path)


def _no_display() -> bool:
    """Only X11/Wayland systems need a display server; Windows and macOS always draw."""
    if sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


_keep: list[object] = []  # the QGuiApplication made for rendering lives as long as we run


def _check_window(language: str, database: Path) -> str:
    from ui.self_check import check_window

    return check_window(database, language)


def _log_to_file() -> None:
    """Unexpected errors go to a rotating log in the data folder (named in the messages)."""
    import logging
    from logging.handlers import RotatingFileHandler

    from app.db.paths import log_path

    try:
        log_path().parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            log_path(), maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()  # a read-only profile: stderr is all there is
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _frozen_setup(argv)
    _log_to_file()
    from ui.i18n import install_core_translator

    language = _language(argv)
    install_core_translator(language)
    hooks = cli.Hooks(
        render_pdf=partial(_render_pdf, language),
        start_gui=_start_gui,
        check_window=partial(_check_window, language),
    )
    return cli.run(argv, hooks)


if __name__ == "__main__":
    sys.exit(main())
