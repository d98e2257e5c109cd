"""The server keeps the rules: a viewer's or a field-limited clerk's write is refused by
PostgreSQL itself (GRANTs per group role, row-level security for a field limit).

Runs against BANGFU_TEST_PG (CI's cluster, `.ci/postgres`); skips with the reason
where there is none, and fails in CI.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

psycopg = pytest.importorskip("psycopg")

from app.db import postgres_roles as roles  # noqa: E402
from app.db.base import Base  # noqa: E402
from app.db.models import ServiceProvision, ServiceType, Staff, Unit  # noqa: E402
from app.db.vocabulary import Field, Role, ServiceRule, UnitKind  # noqa: E402
from tests import pg  # noqa: E402


@pytest.fixture(scope="module")
def server() -> str:
    """The URL of a superuser's maintenance database on the test server (`tests.pg`:
    CI's throwaway cluster; skipped with the reason where there is none)."""
    return pg.require_server()


def _params(url: str, **changes: Any) -> dict[str, Any]:
    return make_url(url).set(**changes).translate_connect_args(username="user", database="dbname")


@pytest.fixture(scope="module")
def ledger_db(server: str) -> Iterator[dict[str, Any]]:
    """A database with the ledger's tables, its roles installed, one user per role."""
    name = f"bangfu_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(autocommit=True, **_params(server)) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    owner_url = make_url(server).set(drivername="postgresql+psycopg", database=name)
    engine = create_engine(owner_url)
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        unit = Unit(name="北京丰台医院", kind=UnitKind.SENDING)
        service = ServiceType(name="谈心谈话走访", rule=ServiceRule.QUARTERLY)
        session.add_all([unit, service])
        session.flush()
        teacher = _staff("李老师", Field.EDUCATION)
        session.add(teacher)
        session.commit()
        ids = {"unit": unit.id, "service": service.id, "teacher": teacher.id}
    engine.dispose()
    suffix = uuid.uuid4().hex[:6]
    users = {
        "admin": f"zhou_{suffix}",
        "clerk": f"li_{suffix}",
        "viewer": f"zhao_{suffix}",
    }
    with psycopg.connect(autocommit=True, **_params(server, database=name)) as connection:
        roles.install(connection)
        roles.create_user(connection, users["admin"], Role.ADMIN, None, "zhou-secret-1")
    # The administrator adds the others, as Settings → 用户 does.
    admin = _params(server, database=name, username=users["admin"], password="zhou-secret-1")
    with psycopg.connect(autocommit=True, **admin) as connection:
        roles.create_user(connection, users["clerk"], Role.CLERK, Field.MEDICAL, "li-secret-12")
        roles.create_user(connection, users["viewer"], Role.VIEWER, None, "zhao-secret-1")
    yield {"server": server, "name": name, "users": users, **ids}
    with psycopg.connect(autocommit=True, **_params(server)) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        for user in users.values():
            connection.execute(f'DROP ROLE IF EXISTS "{user}"')
        for role in [
            *(roles.group(name, r) for r in Role),
            *(roles.field_group(name, f) for f in Field),
        ]:
            connection.execute(f'DROP ROLE IF EXISTS "{role}"')


def _staff(name: str, field: Field) -> Staff:
    return Staff(name=name, field=field, start_date=date(2024, 3, 1))


def _session_as(db: dict[str, Any], who: str, password: str) -> Session:
    url = make_url(db["server"]).set(
        drivername="postgresql+psycopg", database=db["name"], username=who, password=password
    )
    return Session(create_engine(url, poolclass=None))


def test_a_viewer_reads_but_the_server_refuses_their_insert(ledger_db: dict[str, Any]) -> None:
    viewer = _session_as(ledger_db, ledger_db["users"]["viewer"], "zhao-secret-1")
    with viewer:
        assert viewer.get(Staff, ledger_db["teacher"]) is not None
        viewer.add(_staff("王医生", Field.MEDICAL))
        with pytest.raises(Exception) as refused:
            viewer.flush()
        assert isinstance(refused.value.orig, psycopg.errors.InsufficientPrivilege)  # type: ignore[attr-defined]
        assert "permission denied for table staff" in str(refused.value)


def test_a_clerk_limited_to_medical_writes_medical_rows_only(ledger_db: dict[str, Any]) -> None:
    clerk = _session_as(ledger_db, ledger_db["users"]["clerk"], "li-secret-12")
    with clerk:
        doctor = _staff("王医生", Field.MEDICAL)
        clerk.add(doctor)
        clerk.commit()  # their own field: allowed
        clerk.add(_staff("张老师", Field.EDUCATION))
        with pytest.raises(Exception, match="row-level security"):
            clerk.flush()
        clerk.rollback()
        # Another field's person cannot be changed, loudly (not "0 rows": the app would
        # take that for another clerk's save) …
        with pytest.raises(Exception, match=r'row-level security refuses update.*"staff"'):
            clerk.execute(
                text("UPDATE staff SET phone = '139' WHERE id = :id"), {"id": ledger_db["teacher"]}
            )
        clerk.rollback()
        with pytest.raises(Exception, match="row-level security refuses delete"):
            clerk.execute(text("DELETE FROM staff WHERE id = :id"), {"id": ledger_db["teacher"]})
        clerk.rollback()
        # … nor moved into their field, nor their own moved out of it.
        with pytest.raises(Exception, match="row-level security"):
            clerk.execute(
                text("UPDATE staff SET field = 'education' WHERE id = :id"), {"id": doctor.id}
            )
        clerk.rollback()
        # A service record follows its person's field.
        clerk.add(
            ServiceProvision(
                staff_id=ledger_db["teacher"],
                service_type_id=ledger_db["service"],
                date=date(2024, 4, 2),
            )
        )
        with pytest.raises(Exception, match="row-level security"):
            clerk.flush()
        clerk.rollback()
        clerk.add(
            ServiceProvision(
                staff_id=doctor.id, service_type_id=ledger_db["service"], date=date(2024, 4, 2)
            )
        )
        clerk.commit()
        # Catalogs are an administrator's.
        clerk.add(Unit(name="某医院", kind=UnitKind.SENDING))
        with pytest.raises(Exception, match="permission denied for table unit"):
            clerk.flush()


def test_users_are_listed_changed_and_disabled(ledger_db: dict[str, Any]) -> None:
    users = ledger_db["users"]
    admin = _params(
        ledger_db["server"],
        database=ledger_db["name"],
        username=users["admin"],
        password="zhou-secret-1",
    )
    with psycopg.connect(autocommit=True, **admin) as connection:
        listed = {user.name: user for user in roles.list_users(connection)}
        assert listed[users["clerk"]] == roles.ServerUser(
            users["clerk"], Role.CLERK, Field.MEDICAL, False
        )
        assert listed[users["viewer"]].role == Role.VIEWER
        assert roles.rights_of(connection) == (Role.ADMIN, None)
        roles.set_disabled(connection, users["viewer"], True)
    viewer = _params(
        ledger_db["server"],
        database=ledger_db["name"],
        username=users["viewer"],
        password="zhao-secret-1",
    )
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(**viewer)
    with psycopg.connect(autocommit=True, **admin) as connection:
        roles.set_disabled(connection, users["viewer"], False)
        roles.reset_password(connection, users["viewer"], "zhao-new-secret")
        roles.change_user(connection, users["viewer"], Role.CLERK, Field.EDUCATION)
    viewer["password"] = "zhao-new-secret"
    with psycopg.connect(**viewer) as connection:
        assert roles.rights_of(connection) == (Role.CLERK, Field.EDUCATION)


def test_the_command_line_sets_a_server_ledger_up(
    server: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import run as main

    name = f"bangfu_{uuid.uuid4().hex[:10]}"
    admin = f"boss_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(autocommit=True, **_params(server)) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    monkeypatch.setenv("BANGFU_PASSWORD", "boss-secret-12")
    try:
        assert main(["server-roles", "--db", url, "--admin", admin]) == 0
        assert "row-level security" in capsys.readouterr().out
        signed = _params(server, database=name, username=admin, password="boss-secret-12")
        with psycopg.connect(**signed) as connection:
            assert roles.rights_of(connection) == (Role.ADMIN, None)
        assert main(["server-roles", "--db", url, "--admin", admin]) == 1  # exists already
        assert "already exists" in capsys.readouterr().err
    finally:
        with psycopg.connect(autocommit=True, **_params(server)) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            connection.execute(f'DROP ROLE IF EXISTS "{admin}"')
            for role in [*(roles.group(name, r) for r in Role),
                         *(roles.field_group(name, f) for f in Field)]:  # fmt: skip
                connection.execute(f'DROP ROLE IF EXISTS "{role}"')


def test_on_a_server_the_connected_login_acts_with_its_groups_rights(
    ledger_db: dict[str, Any],
) -> None:
    from types import SimpleNamespace

    from app.records.server_users import server_actor

    url = make_url(ledger_db["server"]).set(
        drivername="postgresql+psycopg",
        database=ledger_db["name"],
        username=ledger_db["users"]["clerk"],
        password="li-secret-12",
    )
    engine = create_engine(url)
    try:
        actor = server_actor(SimpleNamespace(engine=engine))  # type: ignore[arg-type]
    finally:
        engine.dispose()
    assert (actor.name, actor.role, actor.field) == (
        ledger_db["users"]["clerk"],
        Role.CLERK,
        Field.MEDICAL,
    )


def test_an_administrator_manages_server_users_through_the_write_path(
    ledger_db: dict[str, Any],
) -> None:
    from app.errors import NotPermitted, Refusal, ValidationError
    from app.records import server_users
    from app.records.work import Actor, unit_of_work

    users = ledger_db["users"]
    boss = Actor(users["admin"], Role.ADMIN)
    newcomer = f"sun_{uuid.uuid4().hex[:6]}"
    admin = _session_as(ledger_db, users["admin"], "zhou-secret-1")
    try:
        with admin, unit_of_work(admin, boss) as work:
            server_users.add_user(work, newcomer, "填报员", "教育", "sun-secret-12")
        with admin, unit_of_work(admin, boss) as work:
            server_users.set_disabled(work, newcomer, True)
        with admin:
            listed = {user.name: user for user in server_users.list_users(admin)}
            assert listed[newcomer] == server_users.UserRow(
                newcomer, newcomer, Role.CLERK, Field.EDUCATION, True
            )
            who = admin.execute(
                text("SELECT who, action FROM audit_entry WHERE entity = 'user_account'")
            ).all()
            assert [tuple(row) for row in who] == [
                (users["admin"], "create"),
                (users["admin"], "disable"),
            ]
        with pytest.raises(ValidationError) as refused, admin, unit_of_work(admin, boss) as work:
            server_users.add_user(work, newcomer, Role.VIEWER, None, "short")
        assert set(refused.value.errors) == {"name", "password"}
        with (
            pytest.raises(Refusal, match="last administrator"),
            admin,
            unit_of_work(admin, boss) as work,
        ):
            server_users.change_user(work, users["admin"], Role.VIEWER, None)
        clerk = _session_as(ledger_db, users["clerk"], "li-secret-12")
        medical = Actor(users["clerk"], Role.CLERK, Field.MEDICAL)
        with pytest.raises(NotPermitted), clerk, unit_of_work(clerk, medical) as work:
            server_users.add_user(work, "x_" + newcomer, Role.ADMIN, None, "x-secret-123")
    finally:
        with psycopg.connect(autocommit=True, **_params(ledger_db["server"])) as connection:
            connection.execute(f'DROP ROLE IF EXISTS "{newcomer}"')
