"""Bangfu Ledger (帮扶台账): the composition root.

Parses the command line, installs the translator, and hands `app.cli` what only Qt
can do (the GUI, the summary's PDF renderer), so `app/` never imports Qt.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app import cli


def _language(argv: list[str]) -> str:
    """The --lang option, read before argparse so its help is translated too."""
    for index, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return "zh_CN"


def _start_gui(db_path: Path | None) -> int:
    from ui.application import run_gui

    return run_gui(db_path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from ui.i18n import install_core_translator

    install_core_translator(_language(argv))
    return cli.run(argv, cli.Hooks(start_gui=_start_gui))


if __name__ == "__main__":
    sys.exit(main())
