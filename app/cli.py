"""The command line of DESIGN.md §7, for IT staff, automation and tests.

Commands call the same `app/` functions as the GUI; writes go through
`app.records.work.perform` with the clerk named in Settings as the actor (with sign-in
on, the user in BANGFU_USER / BANGFU_PASSWORD: `app.records.users.acting_user`). Anything
that needs Qt (the summary's PDF) arrives through `Hooks`, filled in by `main.py`, so
this module stays importable without Qt. Every error a clerk or a script can meet —
refused input, a locked or full disk, a closed pipe — ends in one line on stderr and
a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app import __version__
from app.db.files import storage_error
from app.db.ledger import Ledger, backend_for
from app.db.paths import demo_db_path, log_path
from app.db.postgres import server_backup_message
from app.errors import LedgerError, NotAllowed
from app.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from app.reports.document import PrintableDocument
    from app.reports.prepared import PreparedSummary

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNAVAILABLE, EXIT_REFUSED = 0, 1, 2, 3, 4
log = logging.getLogger(__name__)


class Unavailable(LedgerError):
    """What was asked for needs a part this installation lacks (exit code EXIT_UNAVAILABLE)."""


class WrongUsage(LedgerError):
    """Options that do not go together, found after parsing (exit code EXIT_USAGE)."""


@dataclass
class Hooks:
    """What the composition root provides: renderers that need Qt, and the GUI."""

    render_pdf: Callable[[PrintableDocument, Path], Path] | None = None
    start_gui: Callable[[str | None], int] | None = None
    check_window: Callable[[Path], str] | None = None  # --self-test: the window on a ledger


# argparse's own words (usage:, options, its error messages), through app.i18n: argparse
# looks each up with gettext at the moment it prints, so the parser names the hook.
_ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Argparse", "one of the arguments %s is required"),
)


def _argparse_text(message: str) -> str:
    return translate("Argparse", message) if message in _ARGPARSE_WORDS else message


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose own words follow the UI language (「用法」, 「选项」)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        argparse._ = _argparse_text  # type: ignore[attr-defined]  # argparse's gettext
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="bangfu-ledger",
        description=translate("Cli", "Bangfu Ledger: records of dispatched assistance staff."),
    )
    parser.add_argument(  # Python 3.11 takes this help text without asking gettext
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_argparse_text("show program's version number and exit"),
    )
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), help=translate("Cli", "language of messages")
    )
    db_help = translate("Cli", "database file (default: the one in your user data folder)")
    parser.add_argument("--db", help=db_help)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=translate("Cli", "check that this installation works, then exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
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
    backup = command("backup", translate("Cli", "back up the database now"))
    backup.add_argument("--to", type=Path, help=translate("Cli", "folder for the backup"))
    restore = command("restore", translate("Cli", "replace the database with a backup"))
    restore.add_argument("file", type=Path, help=translate("Cli", "backup file"))
    command("check", translate("Cli", "check the database's integrity"))
    copy = commands.add_parser(
        "copy",
        help=translate("Cli", "copy a whole ledger between a file and a server database"),
        description=translate(
            "Cli",
            "Copy every record, the audit log and the batches from SOURCE into TARGET, which "
            "must be a new file or an empty server database; then compare the row counts "
            "and every quarter's summary.",
        ),
    )
    copy.add_argument(
        "--from", dest="source", required=True, help=translate("Cli", "file or postgresql://…")
    )
    copy.add_argument(
        "--to", dest="target", required=True, help=translate("Cli", "file or postgresql://…")
    )
    roles = command(
        "server-roles",
        translate(
            "Cli",
            "set up a server ledger's roles, grants and row-level security (as its owner) "
            "and its first administrator",
        ),
    )
    roles.add_argument(
        "--admin",
        help=translate("Cli", "first administrator's user name (password: BANGFU_PASSWORD)"),
    )
    _exchange_commands(command)
    return parser


IMPORT_COMMANDS = {
    "import-staff": ("staff", QT_TRANSLATE_NOOP("Cli", "import staff from an Excel roster")),
    "import-services": (
        "services",
        QT_TRANSLATE_NOOP("Cli", "import service records from an Excel workbook"),
    ),
    "import-outcomes": (
        "outcomes",
        QT_TRANSLATE_NOOP("Cli", "import outcomes (one row per entry, or monthly team tables)"),
    ),
    "import-mentorships": (
        "mentorships",
        QT_TRANSLATE_NOOP("Cli", "import mentorships from an Excel workbook"),
    ),
}


def _exchange_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    from app.exchange.list_export import WHAT

    exit_codes = translate(
        "Cli",
        "exit codes: 0 every row imported or an unchanged duplicate; 4 some rows refused "
        "(listed; the valid ones committed unless --strict or --dry-run); 1 an error that "
        "stopped the command (the file cannot be read, storage, a locked ledger); 2 wrong usage",
    )
    for name, (_what, help_text) in IMPORT_COMMANDS.items():
        sub = command(name, translate("Cli", help_text))
        sub.epilog = exit_codes
        sub.add_argument("file", type=Path, help=translate("Cli", "the .xlsx or .xls workbook"))
        sub.add_argument(
            "--dry-run",
            action="store_true",
            help=translate("Cli", "show what would be imported; write nothing"),
        )
        sub.add_argument(
            "--strict",
            action="store_true",
            help=translate("Cli", "write nothing when any row is refused"),
        )
        sub.add_argument(
            "--period",
            help=translate("Cli", "period of a monthly table, e.g. 2024-09 or 2024Q3"),
        )
        sub.add_argument("--sheet", help=translate("Cli", "the sheet to read (default: found)"))
    export = command("export", translate("Cli", "export lists to an Excel workbook"))
    export.add_argument("--xlsx", type=Path, required=True, help=translate("Cli", "the workbook"))
    export.add_argument(
        "--what",
        choices=WHAT,
        default="all",
        help=translate("Cli", "which list (default: all)"),
    )
    export.add_argument(
        "--quarter",
        help=translate(
            "Cli",
            "quarter, e.g. 2024Q3: the dated lists keep that quarter's records; coverage "
            "(needed) is that quarter's matrix",
        ),
    )
    export.add_argument(
        "--full-id",
        action="store_true",
        help=translate("Cli", "ID numbers in full, not masked (recorded in the audit log)"),
    )


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
    command = "self-test" if args.self_test else args.command
    if command is None:
        if hooks.start_gui is None:
            parser.print_usage(err)
            return EXIT_USAGE
        return hooks.start_gui(args.db)
    try:
        return COMMANDS[command](args, hooks, out)
    except Unavailable as error:
        print(error, file=err)
        return EXIT_UNAVAILABLE
    except WrongUsage as error:
        print(translate("Cli", "Error: {message}").format(message=one_line(error)), file=err)
        return EXIT_USAGE
    except LedgerError as error:
        print(translate("Cli", "Error: {message}").format(message=one_line(error)), file=err)
        return EXIT_ERROR
    except BrokenPipeError:
        _silence_stdout()  # the reader (`| head`) has gone: end quietly
        return EXIT_OK
    except OSError as error:
        typed = storage_error(error, error.filename or "")
        print(translate("Cli", "Error: {message}").format(message=one_line(typed)), file=err)
        return EXIT_ERROR
    except Exception as error:  # a bug: keep the details in the log, tell where they are
        log.exception("command %s failed", command)
        print(
            translate(
                "Cli", "Unexpected error: {error}. The details are in {log}; please send it to IT."
            ).format(error=one_line(error), log=log_path()),
            file=err,
        )
        return EXIT_ERROR


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _silence_stdout() -> None:
    """Point stdout at the null device, so Python's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _demo(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    from app.demo.build import create_demo
    from app.demo.facts import DEFAULT_SEED

    seed = DEFAULT_SEED if args.seed is None else args.seed
    path = create_demo(args.db or demo_db_path(), seed=seed, overwrite=args.force)
    print(translate("Cli", "Demo database written to {path}").format(path=path), file=out)
    return EXIT_OK


def _report(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    """The summary's figures as JSON (also when no file is asked for), its PDF, its workbook."""
    from app.periods import Quarter

    quarter = Quarter.parse(args.quarter)
    if args.pdf and hooks.render_pdf is None:
        raise Unavailable(
            translate(
                "Cli", "Saving the summary as PDF needs the Qt libraries of the full program."
            )
        )
    files = bool(args.pdf or args.xlsx)
    with Ledger.open(args.db, create=False) as ledger, ledger.session() as session:
        if files:
            from app.reports.prepared import prepare_summary

            prepared = prepare_summary(session, quarter, printable=True)
            summary = prepared.summary
        else:
            from app.reports.summary import quarterly_summary

            summary = quarterly_summary(session, quarter)
    _reconfigure(out)
    if args.json or not files:
        print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2), file=out)
        out.flush()
    if files:
        _save_summary(args, hooks, prepared, sys.stderr if args.json else out)
    return EXIT_OK


def _save_summary(
    args: argparse.Namespace, hooks: Hooks, prepared: PreparedSummary, notices: TextIO
) -> None:
    """Write the files asked for; say where they went (on stderr when stdout is JSON)."""
    saved: list[Path] = []
    if args.xlsx:
        from app.reports.workbook import write_summary_workbook

        saved.append(write_summary_workbook(args.xlsx, prepared.summary, prepared.charts))
    if args.pdf and hooks.render_pdf is not None:
        assert prepared.document is not None
        saved.append(hooks.render_pdf(prepared.document, args.pdf))
    if prepared.font_message:
        print(prepared.font_message, file=sys.stderr)
    for path in saved:
        print(translate("Cli", "Summary saved to {path}").format(path=path), file=notices)


def _check(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    with Ledger.open(args.db, create=False) as ledger:
        problems = ledger.check()
    if problems:
        raise LedgerError("\n".join(problems))
    print(translate("Cli", "{path}: ok").format(path=ledger.location), file=out)
    return EXIT_OK


def _backup(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    from app.db.backup import back_up
    from app.records.settings import backup_policy

    with Ledger.open(args.db, create=False) as ledger:
        if ledger.file is None:
            raise NotAllowed(server_backup_message())
        with ledger.session() as session:
            policy = backup_policy(session, ledger.path)
        if args.to is not None:  # a folder of its own: one copy there, not the second one
            policy = replace(policy, folder=args.to.expanduser(), second_folder=None)
        target = back_up(ledger, policy)
    print(translate("Cli", "Backup written to {path}").format(path=target), file=out)
    return EXIT_OK


def _restore(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    from app.db.backup import restore

    db_path = backend_for(args.db).file
    if db_path is None:
        raise NotAllowed(server_backup_message())
    safety = restore(db_path, args.file.expanduser().resolve())
    print(
        translate(
            "Cli", "{path} restored from {backup}; the previous file was kept as {safety}"
        ).format(path=db_path, backup=args.file, safety=safety),
        file=out,
    )
    return EXIT_OK


def _import(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    """Preview every row, then (unless --dry-run, or --strict with refused rows) commit
    the valid ones in one transaction; print the counts and every refused row."""
    from functools import partial

    from app.exchange.importing import ImportOptions
    from app.exchange.imports import commit, preview, report_lines
    from app.exchange.reading import read_workbook
    from app.records.users import acting_user
    from app.records.work import perform

    what = IMPORT_COMMANDS[args.command][0]
    options = ImportOptions(sheet=args.sheet, period=args.period)
    book = read_workbook(args.file)
    with Ledger.open(args.db, exclusive=True) as ledger:
        actor = acting_user(ledger)
        with ledger.session() as session:
            planned = preview(session, actor, book, what, options)
        result = planned
        if not args.dry_run and not (args.strict and planned.errors):
            if ledger.file is not None:  # DESIGN §8: always a backup before an import
                from app.db.backup import back_up
                from app.records.settings import backup_policy

                with ledger.session() as session:
                    policy = backup_policy(session, ledger.path)
                back_up(ledger, policy, reason="import")
            result = perform(
                ledger,
                partial(
                    commit,
                    book=book,
                    what=what,
                    preview=planned,
                    options=options,
                    strict=args.strict,
                ),
                actor=actor,
                confirmed=planned.cautions,
            ).value
    _reconfigure(out)
    for line in report_lines(result):
        print(line, file=out)
    if result.committed:
        print(
            translate("Cli", "Imported in one batch; undo it in Settings → Import history."),
            file=out,
        )
    elif args.dry_run:
        print(translate("Cli", "Dry run: nothing was written."), file=out)
    else:
        print(
            translate("Cli", "Rows were refused and --strict was given: nothing was written."),
            file=out,
        )
    return EXIT_REFUSED if result.errors else EXIT_OK


def _export(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    """One list, the coverage matrix of a quarter, or all of them (one sheet each)."""
    from functools import partial

    from app.exchange.list_export import (
        COVERAGE,
        export_lists,
        export_lists_in_full,
        parts_named,
        sheets_named,
    )
    from app.periods import Quarter
    from app.records.users import acting_user
    from app.records.work import perform

    if args.what == COVERAGE and not args.quarter:
        raise WrongUsage(
            translate("Cli", "export --what coverage needs --quarter (e.g. --quarter 2024Q3)")
        )
    quarter = Quarter.parse(args.quarter) if args.quarter else None
    parts = parts_named(args.what, quarter)
    with Ledger.open(args.db, create=False, exclusive=args.full_id) as ledger:
        actor = acting_user(ledger) if args.full_id else None
        with ledger.session() as session:
            more = sheets_named(session, args.what, quarter)
            if actor is None:
                exported = export_lists(session, args.xlsx, parts, more=more)
        if actor is not None:
            command = partial(export_lists_in_full, path=args.xlsx, parts=parts, more=more)
            exported = perform(ledger, command, actor=actor).value
    _reconfigure(out)
    print(
        translate("Cli", "{rows} rows exported to {path}").format(
            rows=exported.total, path=exported.path
        ),
        file=out,
    )
    return EXIT_OK


def _reconfigure(out: TextIO) -> None:
    if out is sys.stdout and hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")  # a Windows console's code page cannot carry 帮扶


def _self_test(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    """The installed program checks itself (DESIGN.md §7); each check passed is a line."""
    from app.db.paths import data_dir
    from app.demo.self_test import run_self_test

    if hooks.render_pdf is None:
        raise Unavailable(
            translate("Cli", "The self-test needs the Qt libraries of the full program.")
        )

    def report(line: str) -> None:
        print(translate("Cli", "[ok] {check}").format(check=line), file=out, flush=True)

    run_self_test(render_pdf=hooks.render_pdf, check_window=hooks.check_window, report=report)
    print(
        translate("Cli", "Self-test passed: Bangfu Ledger {version}, data folder {folder}").format(
            version=__version__, folder=data_dir()
        ),
        file=out,
    )
    return EXIT_OK


def _copy(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    from app.reports.ledger_copy import copy_and_compare

    copied = copy_and_compare(args.source, args.target)
    print(
        translate(
            "Cli",
            "Copied {rows} rows in {tables} tables; the summaries of {quarters} quarters "
            "are the same in both.",
        ).format(rows=copied.rows, tables=len(copied.counts), quarters=len(copied.quarters)),
        file=out,
    )
    return EXIT_OK


def _server_roles(args: argparse.Namespace, hooks: Hooks, out: TextIO) -> int:
    """`install` the server's groups, grants and policies, then (once) add the first
    administrator, whose password comes from BANGFU_PASSWORD or is asked."""
    import getpass

    import psycopg

    from app.db import postgres_roles
    from app.db.vocabulary import Role

    if not str(args.db or "").startswith(("postgresql://", "postgres://")):
        raise LedgerError(translate("Cli", "server-roles needs --db postgresql://…"))
    try:
        with psycopg.connect(args.db, autocommit=True) as connection:
            postgres_roles.install(connection)
            if args.admin:
                password = os.environ.get("BANGFU_PASSWORD") or getpass.getpass()
                postgres_roles.create_user(connection, args.admin, Role.ADMIN, None, password)
    except psycopg.Error as error:  # the server's own words: wrong owner, role exists, …
        raise LedgerError(str(error).strip().splitlines()[0]) from error
    print(translate("Cli", "Roles, grants and row-level security are in place."), file=out)
    return EXIT_OK


Handler = Callable[[argparse.Namespace, Hooks, TextIO], int]
COMMANDS: dict[str, Handler] = {
    "demo": _demo,
    "report": _report,
    "check": _check,
    "backup": _backup,
    "restore": _restore,
    "server-roles": _server_roles,
    "export": _export,
    "copy": _copy,
    **{name: _import for name in IMPORT_COMMANDS},
    "self-test": _self_test,
}
