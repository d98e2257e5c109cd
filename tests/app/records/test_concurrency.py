"""Several clerks on one ledger: a form's stale save, racing writes, closed quarters,
unique rules and change notices (the racing ones need a server: a file has one
writer at a time)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from sqlalchemy import select, text

from app.db.ledger import Ledger
from app.db.models import QuarterClose, Unit
from app.errors import ConflictError, QuarterClosedError, StaleRecordError
from app.periods import Quarter
from app.records import commands
from app.records.closing import close_quarter
from app.records.versions import version_of
from app.records.work import Actor, Work, perform
from app.roster.id_numbers import id_check_char
from app.roster.staff import STAFF
from app.roster.units import UNIT
from app.services.provisions import PROVISION
from tests.app.helpers import service_id

ZHANG, LI = Actor("张三"), Actor("李四")


def add_unit(ledger: Ledger, name: str = "北京丰台医院") -> int:
    return perform(
        ledger,
        partial(commands.create, kind=UNIT, values={"name": name, "kind": "派出单位"}),
        actor=ZHANG,
    ).value


def rename(ledger: Ledger, unit: int, name: str, actor: Actor, **options: Any) -> bool:
    command = partial(commands.update, kind=UNIT, record_id=unit, values={"name": name})
    return perform(ledger, partial(command, **options), actor=actor).value


def test_a_form_saving_an_old_version_is_told_who_changed_the_record(ledger: Ledger) -> None:
    unit = add_unit(ledger)
    with ledger.session() as session:
        shown = version_of(session, UNIT, unit)  # what 李四's form read
    assert shown == 1
    rename(ledger, unit, "北京丰台医院（本部）", ZHANG)
    with pytest.raises(StaleRecordError) as refused:
        rename(ledger, unit, "丰台医院", LI, expected_version=shown)
    assert refused.value.changed_by == "张三"
    assert refused.value.changed_at is not None
    assert f"changed by 张三 at {refused.value.changed_at:%H:%M}" in str(refused.value)
    with ledger.session() as session:
        assert session.get(Unit, unit).name == "北京丰台医院（本部）"  # type: ignore[union-attr]
        fresh = version_of(session, UNIT, unit)
    assert fresh == 2
    assert rename(ledger, unit, "丰台医院", LI, expected_version=fresh)  # reloaded, applied


def test_two_sessions_saving_one_record_at_once_write_both_in_turn(
    server_ledger: Ledger,
) -> None:
    """李四's command read the record, then 张三's save committed before 李四's UPDATE:
    the version check stops that UPDATE, and the command runs again on fresh data."""
    unit = add_unit(server_ledger)
    attempts: list[int] = []

    def slow_rename(work: Work) -> None:
        record = work.session.get(Unit, unit)
        assert record is not None
        attempts.append(record.version)
        if len(attempts) == 1:
            rename(server_ledger, unit, "张三改的名", ZHANG)  # another clerk, meanwhile
        record.region = "丰台区"
        work.session.flush()

    perform(server_ledger, slow_rename, actor=LI)
    assert attempts == [1, 2]
    with server_ledger.session() as session:
        record = session.get(Unit, unit)
        assert record is not None
        assert (record.name, record.region, record.version) == ("张三改的名", "丰台区", 3)


def valid_id() -> str:
    first17 = "11010519800501123"
    return first17 + id_check_char(first17)


def blocked_on_a_lock(ledger: Ledger, count: int = 1) -> None:
    """Wait (10 s at most) until `count` other sessions wait for a lock on the server."""
    deadline = time.monotonic() + 10
    with ledger.connection() as connection:
        while True:
            waiting = connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    " AND datname = current_database()"
                )
            ).scalar_one()
            if waiting >= count:
                return
            assert time.monotonic() < deadline, "the other write never waited"
            connection.rollback()
            time.sleep(0.01)


def in_thread(call: Callable[[], Any]) -> tuple[threading.Thread, list[BaseException | Any]]:
    outcome: list[BaseException | Any] = []

    def target() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # handed to the test
            outcome.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    return thread, outcome


def test_two_clerks_adding_the_same_id_number_at_once_one_is_refused(
    server_ledger: Ledger,
) -> None:
    """Both pass the check (neither sees the other's uncommitted row); the unique rule
    decides, and the second clerk reads the same message as on a file."""
    values = {
        "name": "张文",
        "field": "medical",
        "id_number": valid_id(),
        "start_date": "2024-01-02",
    }
    first_wrote = threading.Event()
    second_waits = threading.Event()

    def first(work: Work) -> int:
        created = commands.create(work, STAFF, values)
        first_wrote.set()
        assert second_waits.wait(10)
        return created

    thread, outcome = in_thread(lambda: perform(server_ledger, first, actor=ZHANG).value)
    assert first_wrote.wait(10)

    def watch() -> None:
        blocked_on_a_lock(server_ledger)
        second_waits.set()

    watcher = threading.Thread(target=watch)
    watcher.start()
    with pytest.raises(ConflictError, match=r"saved meanwhile.*: ID number"):
        perform(server_ledger, partial(commands.create, kind=STAFF, values=values), actor=LI)
    watcher.join()
    thread.join()
    assert isinstance(outcome[0], int)


def test_no_record_slips_into_a_quarter_while_it_is_being_closed(server_ledger: Ledger) -> None:
    """The closed-quarter check waits for a closing in progress, then sees it."""
    with server_ledger.session() as session:
        apartment = service_id(session, "人才公寓")
    person = perform(
        server_ledger,
        partial(
            commands.create,
            kind=STAFF,
            values={"name": "张文", "field": "medical", "start_date": "2024-01-02"},
        ),
        actor=ZHANG,
    ).value
    closing = threading.Event()
    may_commit = threading.Event()

    def close(work: Work) -> None:
        close_quarter(work, Quarter.parse("2024Q3"))
        closing.set()
        assert may_commit.wait(10)

    thread, outcome = in_thread(lambda: perform(server_ledger, close, actor=ZHANG))
    assert closing.wait(10)
    watcher = threading.Thread(target=lambda: (blocked_on_a_lock(server_ledger), may_commit.set()))
    watcher.start()
    values = {"staff_id": person, "service_type_id": apartment, "date": "2024-09-30"}
    with pytest.raises(QuarterClosedError, match="2024Q3 is closed"):
        perform(server_ledger, partial(commands.create, kind=PROVISION, values=values), actor=LI)
    watcher.join()
    thread.join()
    assert not isinstance(outcome[0], BaseException)
    with server_ledger.session() as session:
        assert session.scalars(select(QuarterClose)).all()
