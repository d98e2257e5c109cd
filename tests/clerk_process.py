"""One clerk's app in a process of its own, for the tests of several clerks at once.

`python -m tests.clerk_process TARGET FOLDER NAME ACTION [ARG]` opens the ledger at
TARGET (a file or a server URL), says it is ready (FOLDER/NAME.ready), waits for the
others at the barrier (FOLDER/go, made by the test once every clerk is ready), runs
ACTION through the one write path and writes its outcome to FOLDER/NAME.json: the
value, or the typed error and its message as the clerk would read it (zh_CN).

Actions: `add-id ID` adds 张文 with that ID number; `rename UNIT_ID` renames the unit
from the version the test's form read (1) to "<NAME>改的名".
"""

from __future__ import annotations

import json
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any


def wait_for(path: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(path)
        time.sleep(0.002)


def main(target: str, folder: Path, name: str, action: str, argument: str) -> None:
    from app.db.ledger import Ledger
    from app.errors import LedgerError
    from app.records import commands
    from app.records.work import Actor, perform
    from app.roster.staff import STAFF
    from app.roster.units import UNIT
    from ui.i18n import install_core_translator

    install_core_translator("zh_CN")

    command: Any
    if action == "add-id":
        values = {"name": "张文", "field": "medical", "id_number": argument}
        command = partial(
            commands.create, kind=STAFF, values={**values, "start_date": "2024-01-02"}
        )
    else:
        values = {"name": f"{name}改的名"}
        command = partial(
            commands.update, kind=UNIT, record_id=int(argument), values=values, expected_version=1
        )
    outcome: dict[str, Any]
    with Ledger.open(target) as ledger:  # opened (connected) first: the race is the write's
        (folder / f"{name}.ready").touch()
        wait_for(folder / "go")
        try:
            outcome = {"value": perform(ledger, command, actor=Actor(name)).value}
        except LedgerError as error:
            outcome = {"error": type(error).__name__, "message": str(error)}
    (folder / f"{name}.json").write_text(json.dumps(outcome, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5])
