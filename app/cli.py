"""The command line of DESIGN.md §7, for IT staff, automation and tests.

Commands call the same `app/` functions as the GUI. Anything that needs Qt (the
summary's PDF) arrives through `Hooks`, filled in by `main.py`, so this module stays
importable without Qt. Errors go to stderr with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from app import __version__
from app.errors import LedgerError
from app.i18n import translate
from app.ledger import Ledger, default_db_path, demo_db_path

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3


class Unavailable(LedgerError):
    """What was asked for exists in a later version only (exit code EXIT_UNAVAILABLE)."""


@dataclass
class Hooks:
    """What the composition root provides: renderers that need Qt, and the GUI."""

    render_pdf: Callable[[Any, Path], None] | None = None
    start_gui: Callable[[Path | None], int] | None = None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bangfu-ledger",
        description=translate("Cli", "Bangfu Ledger: records of dispatched assistance staff."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), help=translate("Cli", "language of messages")
    )
    db_help = translate("Cli", "database file (default: the one in your user data folder)")
    parser.add_argument("--db", type=Path, help=db_help)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
        return sub

    demo = command("demo", translate("Cli", "create a demo database from the news reports' facts"))
    demo.add_argument(
        "--seed",
        type=int,
        default=None,
        help=translate("Cli", "random seed (same seed, same file)"),
    )
    demo.add_argument(
        "--force", action="store_true", help=translate("Cli", "overwrite an existing file")
    )
    report = command("report", translate("Cli", "print or save the quarterly summary"))
    report.add_argument("--quarter", required=True, help=translate("Cli", "quarter, e.g. 2024Q3"))
    report.add_argument(
        "--pdf", type=Path, help=translate("Cli", "save the printable summary as PDF")
    )
    report.add_argument(
        "--xlsx", type=Path, help=translate("Cli", "save the summary as an Excel workbook")
    )
    report.add_argument(
        "--json", action="store_true", help=translate("Cli", "print the figures as JSON")
    )
    export = command("export", translate("Cli", "export records to Excel"))
    export.add_argument(
        "--xlsx", type=Path, required=True, help=translate("Cli", "workbook to write")
    )
    export.add_argument(
        "--what",
        choices=("staff", "services", "outcomes", "all"),
        default="all",
        help=translate("Cli", "which records"),
    )
    for kind in ("staff", "services", "outcomes"):
        sub = command(f"import-{kind}", translate("Cli", "import records from an Excel workbook"))
        sub.add_argument("file", type=Path, help=translate("Cli", "workbook to read"))
        sub.add_argument(
            "--dry-run", action="store_true", help=translate("Cli", "check only; write nothing")
        )
    backup = command("backup", translate("Cli", "back up the database now"))
    backup.add_argument("--to", type=Path, help=translate("Cli", "folder for the backup"))
    restore = command("restore", translate("Cli", "replace the database with a backup"))
    restore.add_argument("file", type=Path, help=translate("Cli", "backup file"))
    command("check", translate("Cli", "check the database's integrity"))
    return parser


def run(
    argv: Sequence[str],
    hooks: Hooks | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run one command line; return the process exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    hooks = hooks or Hooks()
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as stop:  # argparse already printed usage or --version
        return int(stop.code or 0)
    if args.command is None:
        if hooks.start_gui is None:
            parser.print_usage(err)
            return EXIT_USAGE
        return hooks.start_gui(args.db)
    handler = COMMANDS.get(args.command)
    if handler is None:
        print(
            translate("Cli", "The command '{name}' is not available in this version yet.").format(
                name=args.command
            ),
            file=err,
        )
        return EXIT_UNAVAILABLE
    try:
        return handler(args, hooks, out)
    except Unavailable as error:
        print(error, file=err)
        return EXIT_UNAVAILABLE
    except LedgerError as error:
        print(translate("Cli", "Error: {message}").format(message=error), file=err)
        return EXIT_ERROR


def _demo(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    from app.demo import DEFAULT_SEED, create_demo

    seed = DEFAULT_SEED if args.seed is None else args.seed
    path = create_demo(args.db or demo_db_path(), seed=seed, overwrite=args.force)
    print(translate("Cli", "Demo database written to {path}").format(path=path), file=out)
    return EXIT_OK


def _report(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    """The summary's figures as JSON (also when no file is asked for)."""
    from app.quarters import Quarter
    from app.reports import quarterly_summary

    quarter = Quarter.parse(args.quarter)
    if (args.pdf or args.xlsx) and not args.json:  # branch point: --pdf / --xlsx come here
        raise Unavailable(
            translate("Cli", "Saving the summary as PDF or Excel is not available yet; use --json.")
        )
    with Ledger.open(args.db, create=False) as ledger, ledger.session() as session:
        summary = quarterly_summary(session, quarter)
    if out is sys.stdout and hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")  # a Windows console's code page cannot carry 帮扶
    print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2), file=out)
    return EXIT_OK


def _check(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    with Ledger.open(args.db, create=False) as ledger:
        problems = ledger.check()
    if problems:
        raise LedgerError("\n".join(problems))
    print(translate("Cli", "{path}: ok").format(path=ledger.path), file=out)
    return EXIT_OK


def _backup(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    from app.backup import back_up

    with Ledger.open(args.db, create=False) as ledger:
        target = back_up(ledger, reason="manual", folder=args.to)
    print(translate("Cli", "Backup written to {path}").format(path=target), file=out)
    return EXIT_OK


def _restore(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    from app.backup import restore

    db_path = (args.db or default_db_path()).expanduser().resolve()
    safety = restore(db_path, args.file.expanduser().resolve())
    print(
        translate(
            "Cli", "{path} restored from {backup}; the previous file was kept as {safety}"
        ).format(path=db_path, backup=args.file, safety=safety),
        file=out,
    )
    return EXIT_OK


Handler = Callable[[argparse.Namespace, Hooks, TextIO], int]
COMMANDS: dict[str, Handler] = {
    "demo": _demo,
    "report": _report,
    "check": _check,
    "backup": _backup,
    "restore": _restore,
}
