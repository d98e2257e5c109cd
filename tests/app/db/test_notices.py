"""Change notices on a shared ledger: a commit reaches the other clerks' connections
(LISTEN/NOTIFY), with the kinds of record it touched; a refused command and a
window's own writes send nothing it has to act on."""

from __future__ import annotations

from functools import partial

import pytest

from app.db.ledger import Ledger
from app.errors import ValidationError
from app.records import commands
from app.records.work import Actor, perform
from app.roster.units import UNIT


def add_unit(ledger: Ledger, name: str) -> None:
    perform(
        ledger,
        partial(commands.create, kind=UNIT, values={"name": name, "kind": "派出单位"}),
        actor=Actor("张三"),
    )


def test_a_commit_reaches_another_clerks_connection(server_ledger: Ledger) -> None:
    listener = server_ledger.backend.listener()  # type: ignore[union-attr]
    url = server_ledger.backend.url.render_as_string(hide_password=False)  # type: ignore[union-attr]
    try:
        add_unit(server_ledger, "本窗口的单位")  # this window's own: it refreshes itself
        assert listener.wait(0.3) == []
        with Ledger.open(url) as other:  # another clerk's app
            other.backend.origin = "another-clerk"  # type: ignore[union-attr]
            with pytest.raises(ValidationError):
                add_unit(other, "")  # refused: rolled back, nothing announced
            assert listener.wait(0.3) == []
            add_unit(other, "另一位办事员的单位")
            arrived = listener.wait(5)
        assert len(arrived) == 1 and "unit" in arrived[0]
    finally:
        listener.close()
