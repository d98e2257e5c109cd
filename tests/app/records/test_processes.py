"""Two clerks' apps in two OS processes writing at the same moment (not threads: no
shared Python state, each with its own connections), released together by a barrier.

Adding the same ID number: exactly one person is written; the other clerk reads the
duplicate-ID message naming the field (the app's check or the database's unique rule,
whichever saw the other first) — or on a file, where one writer works at a time, that
the ledger is busy — and nothing of theirs is written. Saving the same version of one
record: one save wins, the other is refused with 「此记录已被 … 修改」 (or, on a file,
the busy message), never "damaged".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.db.ledger import Ledger
from app.db.models import AuditEntry, Staff, Unit
from app.roster.id_numbers import id_check_char
from tests.app.records.test_concurrency import add_unit
from tests.clerk_process import wait_for

ROOT = Path(__file__).resolve().parents[3]
BUSY = "数据完好"  # 「数据库 … 正被其他程序使用…请稍后再试；数据完好。」: a lock, never "damaged"


def clerks_at_once(
    target: Path | str, folder: Path, action: str, argument: str
) -> list[dict[str, Any]]:
    """Start 张三's and 李四's processes, release them together; their outcomes."""
    environment = {**os.environ, "BANGFU_BUSY_TIMEOUT_MS": "2000"}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.clerk_process",
                str(target),
                str(folder),
                name,
                action,
                argument,
            ],
            cwd=ROOT,
            env=environment,
        )
        for name in ("张三", "李四")
    ]
    try:
        for name in ("张三", "李四"):
            wait_for(folder / f"{name}.ready", 60)
        (folder / "go").touch()  # the barrier opens for both at once
        for process in processes:
            assert process.wait(60) == 0
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
    return [json.loads((folder / f"{name}.json").read_text("utf-8")) for name in ("张三", "李四")]


def test_two_processes_adding_the_same_id_number_write_one(
    ledger_target: Path | str, tmp_path: Path
) -> None:
    first17 = "11010519800501123"
    number = first17 + id_check_char(first17)
    Ledger.open(ledger_target).close()
    outcomes = clerks_at_once(ledger_target, tmp_path, "add-id", number)
    written = [outcome for outcome in outcomes if "value" in outcome]
    refused = [outcome for outcome in outcomes if "error" in outcome]
    assert len(written) == 1 and len(refused) == 1, outcomes
    error, message = refused[0]["error"], refused[0]["message"]
    if error == "StorageLocked":  # a file: the other clerk's write held it
        assert isinstance(ledger_target, Path) and BUSY in message
    else:
        assert error in ("ValidationError", "ConflictError"), refused
        assert "身份证号" in message, message  # the field is named
    with Ledger.open(ledger_target) as ledger, ledger.session() as session:
        people = session.scalars(select(Staff).where(Staff.id_number == number)).all()
        assert [person.id for person in people] == [written[0]["value"]]
        audits = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "staff")
        )
        assert audits == 1  # nothing half-written by the refused clerk


def test_two_processes_saving_the_same_version_one_is_refused(
    ledger_target: Path | str, tmp_path: Path
) -> None:
    with Ledger.open(ledger_target) as ledger:
        unit = add_unit(ledger)  # both forms read version 1
    outcomes = clerks_at_once(ledger_target, tmp_path, "rename", str(unit))
    saved = [outcome for outcome in outcomes if "value" in outcome]
    refused = [outcome for outcome in outcomes if "error" in outcome]
    assert len(saved) == 1 and len(refused) == 1, outcomes
    winner = "张三" if outcomes[0] is saved[0] else "李四"
    error, message = refused[0]["error"], refused[0]["message"]
    if error == "StorageLocked":
        assert isinstance(ledger_target, Path) and BUSY in message
    else:
        assert error == "StaleRecordError", refused
        assert message.startswith(f"此记录已被 {winner} 于 "), message
    with Ledger.open(ledger_target) as ledger, ledger.session() as session:
        record = session.get(Unit, unit)
        assert record is not None
        assert (record.name, record.version) == (f"{winner}改的名", 2)
