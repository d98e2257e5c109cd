"""A process that forks children which write to a ledger until the test kills them.

Started once per test (`python tests/kill_zygote.py LEDGER`), it imports the app once and
then, for every `go MODE ROUND` line on stdin, forks a child that opens the ledger and
loops over one kind of write, printing `ack …` after each one has returned (committed).
The zygote prints `pid N` for each child and `dead N` once the test has killed it, so a
hundred kills cost a fork each rather than a Python start each.

Modes: `write` (one unit per transaction), `batch` (50 staff per transaction through the
batch path), `import` (a 50-row roster workbook through the importer's preview and commit,
its sending unit created on the way), `backup` (backups into LEDGER's folder/backups),
`restore` (restore from the two files LEDGER.a and LEDGER.b, in turn).
"""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.db.backup import BackupPolicy, back_up, restore
from app.db.ledger import Ledger, head_revision
from app.exchange.importing import ImportOptions
from app.exchange.imports import commit, preview
from app.exchange.reading import read_workbook
from app.records import commands
from app.records.commands import RowWrite, write_rows
from app.records.work import Actor, Work, perform
from app.roster.staff import STAFF
from app.roster.units import UNIT

ACTOR = Actor("断电测试")
BATCH_ROWS = 50


def say(text: str) -> None:
    os.write(1, (text + "\n").encode("utf-8"))


def batch(work: Work, label: str) -> None:
    work.begin_batch("import-staff", file_name=f"{label}.xlsx")
    rows = [
        RowWrite(
            f"{label}/{row}",
            STAFF,
            {"name": f"员工{row}", "field": "medical", "start_date": "2024-01-02"},
        )
        for row in range(BATCH_ROWS)
    ]
    write_rows(work, rows)


def import_roster(ledger: Ledger, label: str) -> None:
    """What a clerk's import does: write the workbook, preview it, commit the valid rows."""
    path = ledger.path.parent / f"{label}.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "花名册"
    sheet.append(["姓名", "派出单位", "领域", "到岗日期"])
    for row in range(BATCH_ROWS):
        sheet.append([f"员工{row}", f"{label}医院", "医疗", "2024-01-02"])
    workbook.save(path)
    book, options = read_workbook(path), ImportOptions()
    with ledger.session() as session:
        planned = preview(session, ACTOR, book, "staff", options)
    command = partial(commit, book=book, what="staff", preview=planned, options=options)
    perform(ledger, command, actor=ACTOR, confirmed=planned.cautions)


def child(db: Path, mode: str, round_no: str) -> None:
    if mode == "restore":
        sources = [db.with_name(db.name + ".a"), db.with_name(db.name + ".b")]
        turn = 0
        while True:
            restore(db, sources[turn % 2])
            say(f"ack {sources[turn % 2].suffix}")
            turn += 1
    ledger = Ledger.open(db)
    policy = BackupPolicy(db.parent / "backups", keep=3)
    count = 0
    while True:
        count += 1
        label = f"r{round_no}-{count}"
        if mode == "write":
            perform(
                ledger,
                lambda work, label=label: commands.create(
                    work, UNIT, {"name": label, "kind": "sending"}
                ),
                actor=ACTOR,
            )
        elif mode == "batch":
            perform(ledger, lambda work, label=label: batch(work, label), actor=ACTOR)
        elif mode == "import":
            import_roster(ledger, label)
        else:
            back_up(ledger, policy, reason="auto")
        say(f"ack {label}")


def main() -> None:
    db = Path(sys.argv[1])
    head_revision()  # Alembic's scripts load here once, not in every child
    for line in sys.stdin:
        _, mode, round_no = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                child(db, mode, round_no)
            finally:
                os._exit(1)
        say(f"pid {pid}")
        os.waitpid(pid, 0)
        say(f"dead {pid}")


if __name__ == "__main__":
    main()
