"""Fuzzing and a state machine: whatever comes in, only typed errors come out, nothing is lost.

Random bytes as a database file, random text to every validator, random values to the
record commands; and a state machine of add / edit / delete / restore / close quarter /
backup / restore from a backup checked against an in-memory model of what must be there.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, precondition, rule
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.backup import BackupPolicy, back_up, restore
from app.db.ledger import Ledger
from app.db.models import Staff
from app.db.sqlite import SQLITE_MAGIC
from app.db.vocabulary import Field
from app.errors import LedgerError, NeedsConfirmation, Refusal, ValidationError
from app.periods import Quarter, parse_period
from app.records import commands
from app.records.closing import close_quarter, reopen_quarter
from app.records.validation import (
    InvalidValue,
    clean_text,
    normalise_name,
    normalise_phone,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_int,
    parse_vocabulary,
)
from app.records.work import Actor, unit_of_work
from app.roster.id_numbers import normalise_id_number
from app.roster.staff import STAFF

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
ANYTHING = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.dates(),
)


@FUZZ
@given(content=st.binary(max_size=3000), sqlite_header=st.booleans())
def test_random_bytes_as_a_ledger_are_refused_untouched(
    tmp_path: Path, content: bytes, sqlite_header: bool
) -> None:
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "random.db"
    data = (SQLITE_MAGIC + content) if sqlite_header else content
    path.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    with contextlib.suppress(LedgerError):
        Ledger.open(path).close()
    if data:  # an empty file becomes a new ledger; anything else is refused as it was
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest or not data.strip(b"\0")


VALIDATORS: list[Callable[[Any], Any]] = [
    clean_text,
    normalise_name,
    normalise_phone,
    parse_date,
    parse_decimal,
    parse_bool,
    lambda value: parse_int(value, minimum=0, maximum=99),
    lambda value: parse_vocabulary(value, Field),
    normalise_id_number,
    lambda value: parse_period(str(value)),
]


@FUZZ
@given(value=ANYTHING)
def test_validators_raise_only_their_own_message(value: Any) -> None:
    for validator in VALIDATORS:
        try:
            validator(value)
        except (InvalidValue, ValidationError) as refused:
            assert str(refused)


@FUZZ
@given(
    values=st.dictionaries(st.sampled_from(sorted(STAFF.model.__table__.columns.keys())), ANYTHING)
)
def test_random_staff_records_are_written_whole_or_not_at_all(
    session: Session, values: dict[str, Any]
) -> None:
    before = session.scalars(select(Staff.id)).all()
    try:
        with unit_of_work(session, Actor("模糊测试")) as work:
            commands.create(work, STAFF, values)
    except (ValidationError, Refusal, NeedsConfirmation):
        assert session.scalars(select(Staff.id)).all() == before


# ----------------------------------------------------------------- the state machine
class LedgerMachine(RuleBasedStateMachine):
    """The ledger against a model: which staff are live, which binned, and their phones."""

    people = Bundle("people")
    backups = Bundle("backups")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="bangfu-machine-"))
        self.path = self.folder / "ledger.db"
        shutil.copy(TEMPLATE, self.path)
        self.ledger = Ledger.open(self.path)
        self.live: dict[int, str] = {}
        self.binned: dict[int, str] = {}
        self.closed = False
        self.serial = 0

    def run(self, command: Callable[..., Any], *args: Any) -> Any:
        with self.ledger.session() as session, unit_of_work(session, Actor("状态机")) as work:
            return command(work, *args)

    @rule(target=people)
    def add(self) -> int:
        self.serial += 1
        values = {"name": f"人员{self.serial}", "field": "medical", "start_date": "2024-02-01"}
        if self.closed:  # 2024Q1 closed: an arrival in February is refused
            try:
                self.run(commands.create, STAFF, values)
            except Refusal:
                return -1
            raise AssertionError("a record dated in a closed quarter was written")
        staff_id = self.run(commands.create, STAFF, values)
        self.live[staff_id] = ""
        return staff_id

    @rule(person=people, phone=st.sampled_from(["13812345678", "0482-6112233", ""]))
    def edit(self, person: int, phone: str) -> None:
        if person not in self.live:
            return
        self.run(commands.update, STAFF, person, {"phone": phone})  # not a report field
        self.live[person] = phone

    @rule(person=people)
    def delete(self, person: int) -> None:
        if person not in self.live:
            return
        try:
            self.run(commands.delete, STAFF, person)
        except Refusal:
            assert self.closed
            return
        self.binned[person] = self.live.pop(person)

    @rule(person=people)
    def bring_back(self, person: int) -> None:
        if person not in self.binned:
            return
        try:
            self.run(commands.restore, STAFF, person)
        except Refusal:
            assert self.closed
            return
        self.live[person] = self.binned.pop(person)

    @rule()
    def close_or_reopen(self) -> None:
        if self.closed:
            self.run(lambda work: reopen_quarter(work, Quarter(2024, 1), reason="状态机"))
        else:
            self.run(close_quarter, Quarter(2024, 1))
        self.closed = not self.closed

    @rule(target=backups)
    def backup(self) -> tuple[Path, dict[int, str], dict[int, str], bool]:
        self.serial += 1
        made = back_up(self.ledger, BackupPolicy(self.folder / f"b{self.serial}", keep=1))
        return made, dict(self.live), dict(self.binned), self.closed

    @precondition(lambda self: True)
    @rule(backup=backups)
    def restore_backup(self, backup: tuple[Path, dict[int, str], dict[int, str], bool]) -> None:
        path, live, binned, closed = backup
        self.ledger.close()
        restore(self.path, path)
        self.ledger = Ledger.open(self.path)
        self.live, self.binned, self.closed = dict(live), dict(binned), closed

    @invariant()
    def matches_the_model(self) -> None:
        with self.ledger.session() as session:
            rows = session.execute(select(Staff.id, Staff.phone, Staff.deleted_at)).all()
        assert {row.id: row.phone for row in rows if row.deleted_at is None} == self.live
        assert {row.id: row.phone for row in rows if row.deleted_at is not None} == self.binned

    def teardown(self) -> None:
        self.ledger.close()
        shutil.rmtree(self.folder, ignore_errors=True)


TEMPLATE = Path()


def test_the_ledger_behaves_like_its_model(empty_template: Path) -> None:
    global TEMPLATE
    TEMPLATE = empty_template
    machine = LedgerMachine.TestCase
    machine.settings = settings(max_examples=15, stateful_step_count=25, deadline=None)
    machine("runTest").runTest()
