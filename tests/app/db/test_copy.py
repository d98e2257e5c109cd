"""`copy`: a file to a server and back, every table and every quarter's figures equal;
a target that holds anything is refused untouched."""

from __future__ import annotations

import hashlib
import io
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import run
from app.db import transfer
from app.db.base import Base
from app.db.ledger import Ledger
from app.db.models import AuditEntry, Batch
from app.errors import StorageError
from app.records import commands
from app.records.work import Actor, Work, perform
from app.reports.ledger_copy import all_summaries
from app.roster.units import UNIT
from tests import pg


def counts(target: Path | str) -> dict[str, int]:
    with Ledger.open(target, create=False) as ledger, ledger.connection() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in Base.metadata.sorted_tables
        }


def batch_of_units(work: Work) -> None:
    work.begin_batch("import-units", file_name="单位.xlsx")
    for name in ("甲医院", "乙医院"):
        commands.create(work, UNIT, {"name": name, "kind": "派出单位"})


def copy(source: Path | str, target: Path | str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["copy", "--from", str(source), "--to", str(target)], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_a_file_goes_to_a_server_and_back_with_every_row_and_figure(
    demo_path: Path, tmp_path: Path
) -> None:
    with Ledger.open(demo_path) as ledger:  # a batch, so the copy has one to carry
        perform(ledger, batch_of_units, actor=Actor("张三"))
    server = pg.url_of(pg.create_database())
    code, out, err = copy(demo_path, server)
    assert code == 0, err
    assert "quarters are the same in both" in out
    back = tmp_path / "back.db"
    code, out, err = copy(server, back)
    assert code == 0, err
    original = counts(demo_path)
    assert original[AuditEntry.__tablename__] > 100 and original[Batch.__tablename__] > 0
    assert counts(server) == original == counts(back)
    assert all_summaries(back) == all_summaries(demo_path)
    with Ledger.open(server) as ledger:  # the server's ids go on after the copied ones
        made = perform(
            ledger,
            partial(commands.create, kind=UNIT, values={"name": "新单位", "kind": "派出单位"}),
            actor=Actor("张三"),
        ).value
    assert made > original["unit"]
    pg.drop_database(server.rsplit("/", 1)[-1])


def test_a_copy_never_goes_into_a_ledger_that_holds_anything(
    demo_path: Path, db_path: Path, server_ledger: Ledger
) -> None:
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    code, _out, err = copy(demo_path, db_path)
    assert code != 0 and "already holds data" in err
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    server = server_ledger.location
    url = server_ledger.backend.url.render_as_string(hide_password=False)  # type: ignore[union-attr]
    server_ledger.close()
    code, _out, err = copy(demo_path, url)
    assert code != 0 and "already holds data" in err and server in err
    assert counts(url)["staff"] == 0


def test_the_summary_reads_the_same_json_on_a_file_and_on_a_server(
    demo_path: Path, server_demo: str
) -> None:
    """The demo ledger on either backend: every quarter's summary, byte for byte."""
    on_file, quarters = all_summaries(demo_path)
    on_server, _ = all_summaries(server_demo)
    assert len(quarters) >= 8
    assert on_server == on_file


def test_a_failed_copy_leaves_the_target_as_empty_as_it_was(
    demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> dict[str, int]:
        raise StorageError("the network went away")

    monkeypatch.setattr(transfer, "_copy_tables", broken)
    target = tmp_path / "copy.db"
    code, _out, err = copy(demo_path, target)
    assert code != 0 and "the network went away" in err
    assert not target.exists()
    name = pg.create_database()
    try:
        code, _out, err = copy(demo_path, pg.url_of(name))
        assert code != 0 and "the network went away" in err
        transfer.refuse_unless_empty(pg.url_of(name))  # blank again: a new copy may go in
    finally:
        pg.drop_database(name)
