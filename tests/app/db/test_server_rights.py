"""The server's own refusals reach the clerk as messages, and its rules follow upgrades.

A viewer's or a field-limited clerk's write that slipped past the app's checks (here:
the checks patched away, or an actor claiming more rights than its login has) is
refused by PostgreSQL itself — a GRANT missing (42501) or row-level security — and the
clerk reads `NotPermitted` saying what was refused; nothing is written. An upgrade of
a server ledger applies the roles' GRANTs and policies again, so whatever a
migration adds is usable by clerks at once.
"""

from __future__ import annotations

from functools import partial

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.db import postgres_roles as roles
from app.db.base import Base
from app.db.ledger import Ledger, _alembic_config, head_revision
from app.db.models import AuditEntry, Batch, Mentorship, OutcomeEntry, ServiceProvision, Staff
from app.db.seed import seed_catalogs
from app.db.vocabulary import Field, Role
from app.errors import NotPermitted, ValidationError
from app.outcomes.entries import OUTCOME
from app.outcomes.mentorships import MENTORSHIP
from app.records import commands
from app.records.commands import RowWrite, write_rows
from app.records.work import Actor, Work, perform
from app.roster.staff import STAFF
from app.services.provisions import PROVISION
from tests import pg
from tests.app.helpers import service_id

BOSS = Actor("owner", Role.ADMIN)


def person(name: str, field: str) -> dict[str, str]:
    return {"name": name, "field": field, "start_date": "2024-01-02"}


def add(ledger: Ledger, actor: Actor, values: dict[str, str]) -> int:
    return perform(ledger, partial(commands.create, kind=STAFF, values=values), actor=actor).value


def counts(office: pg.Office) -> tuple[int, int]:
    """(staff, audit entries) as the owner sees them."""
    with Ledger.open(office.url()) as ledger, ledger.session() as session:
        staff = session.scalar(select(func.count()).select_from(Staff)) or 0
        audits = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    return staff, audits


def test_a_viewers_write_past_the_apps_check_is_refused_by_the_server(
    server_office: pg.Office,
) -> None:
    viewer = server_office.users["viewer"]
    before = counts(server_office)
    with Ledger.open(server_office.url("viewer")) as ledger:
        claims_more = Actor(viewer, Role.ADMIN)  # the app's check passes; the server's not
        with pytest.raises(NotPermitted) as refused:
            add(ledger, claims_more, person("王医生", "medical"))
    assert str(refused.value) == (
        f"The server refused the change: {viewer} may not change Staff. Nothing was saved; "
        "ask an administrator for the rights (server: permission denied for table staff)."
    )
    assert counts(server_office) == before


def test_a_medical_clerks_writes_past_the_apps_check_are_refused_by_the_server(
    server_office: pg.Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk = server_office.users["clerk"]
    with Ledger.open(server_office.url()) as ledger:
        teacher = add(ledger, BOSS, person("李老师", "education"))
        with ledger.session() as session:
            visit = service_id(session, "谈心谈话走访")
    monkeypatch.setattr(commands, "require_field", lambda *args: None)  # the app's check off
    medical = Actor(clerk, Role.CLERK, Field.MEDICAL)
    before = counts(server_office)
    with Ledger.open(server_office.url("clerk")) as ledger:
        with pytest.raises(NotPermitted) as inserted:
            add(ledger, medical, person("张老师", "education"))
        phone = {"phone": "13900000009"}
        update = partial(commands.update, kind=STAFF, record_id=teacher, values=phone)
        with pytest.raises(NotPermitted) as updated:
            perform(ledger, update, actor=medical)
        provision = {"staff_id": teacher, "service_type_id": visit, "date": "2024-04-02"}
        with pytest.raises(NotPermitted):
            perform(
                ledger, partial(commands.create, kind=PROVISION, values=provision), actor=medical
            )
        # In a batch the refused row is reported by its label, and nothing is written.
        rows = [
            RowWrite("第 2 行", STAFF, person("赵医生", "medical")),
            RowWrite("第 3 行", STAFF, {"phone": "13800000008"}, teacher),
        ]
        with pytest.raises(ValidationError) as batch:
            perform(ledger, partial(write_rows, rows=rows), actor=medical)
    for refused in (inserted, updated):
        assert str(refused.value).startswith(
            f"The server refused the change: {clerk} may write Staff records of their own "
            "field only, and this one belongs to another field. Nothing was saved"
        )
    assert list(batch.value.rows) == ["第 3 行"]
    assert "belongs to another field" in batch.value.rows["第 3 行"][""][0]
    assert counts(server_office) == before
    with Ledger.open(server_office.url()) as ledger, ledger.session() as session:
        assert session.get(Staff, teacher).phone == ""  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(ServiceProvision)) == 0


def test_a_refusal_is_in_chinese_for_the_clerk(server_office: pg.Office) -> None:
    from app import i18n
    from ui.i18n import install_core_translator

    install_core_translator("zh_CN")
    try:
        with Ledger.open(server_office.url("viewer")) as ledger:
            viewer = Actor(server_office.users["viewer"], Role.ADMIN)
            with pytest.raises(NotPermitted) as refused:
                add(ledger, viewer, person("王医生", "medical"))
    finally:
        i18n.set_translator(None)
    assert str(refused.value).startswith(
        f"服务器拒绝了这次修改：{server_office.users['viewer']} 无权修改帮扶人才。"
    )


# ----------------------------------------------------------------- grants after upgrades
OLD = "0002"  # before the batch table (0003) and service_rule_period (0005)


@pytest.fixture
def old_office() -> pg.Office:  # type: ignore[misc]
    """A server ledger left at revision 0002, its roles set up then (by `server-roles`)."""
    from alembic import command

    name = pg.create_database()
    engine = create_engine(make_url(pg.url_of(name)).set(drivername="postgresql+psycopg"))
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), OLD)
    engine.dispose()
    with pg.office(name) as office:
        yield office


def test_an_upgrade_grants_clerks_what_it_adds(old_office: pg.Office) -> None:
    with pg.connect(old_office.database) as raw:
        assert "batch" not in roles._tables(raw)
    with Ledger.open(old_office.url()) as ledger:  # the owner's app upgrades it
        assert ledger.upgraded_from == OLD
    with pg.connect(old_office.database) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
        # Every table, old or new: everyone reads, an administrator writes, a clerk
        # writes the records of the work (the batch table came with 0003).
        for table in Base.metadata.tables:
            for who, privilege, expected in (
                ("viewer", "SELECT", True),
                ("viewer", "INSERT", False),
                ("admin", "INSERT", True),
                ("clerk", "INSERT", table in roles.ENTRY_TABLES + roles.APPEND_ONLY + ("setting",)),
            ):
                allowed = raw.execute(
                    "SELECT has_table_privilege(%s, %s, %s)",
                    (old_office.users[who], table, privilege),
                ).fetchone()
                assert allowed == (expected,), (who, privilege, table)
    with Ledger.open(old_office.url("admin")) as ledger, ledger.session() as session:
        seed_catalogs(session)  # the administrator's catalogs, in the upgraded tables
        session.commit()
    clerk = Actor(old_office.users["clerk"], Role.CLERK, Field.MEDICAL)
    with Ledger.open(old_office.url("clerk")) as ledger:
        with ledger.session() as session:
            visit = service_id(session, "谈心谈话走访")
        doctor = add(ledger, clerk, person("王医生", "medical"))
        day = "2024-04-02"
        for kind, values in (
            (PROVISION, {"staff_id": doctor, "service_type_id": visit, "date": day}),
            (OUTCOME, {"staff_id": doctor, "date": day, "description": "义诊", "is_highlight": 1}),
            (MENTORSHIP, {"mentor_id": doctor, "mentee_name": "小刘", "start_date": day}),
        ):
            perform(ledger, partial(commands.create, kind=kind, values=values), actor=clerk)

        def entry_for_many(work: Work) -> None:  # a batch: the table 0003 added
            work.begin_batch("entry")
            write_rows(work, [RowWrite("张医生", STAFF, person("张医生", "medical"))])

        perform(ledger, entry_for_many, actor=clerk)
        perform(ledger, partial(commands.update, kind=STAFF, record_id=doctor,
                                values={"phone": "13900000001"}), actor=clerk)  # fmt: skip
        perform(ledger, partial(commands.delete, kind=STAFF, record_id=doctor), actor=clerk)
    with Ledger.open(old_office.url()) as ledger, ledger.session() as session:
        for model, expected in ((Staff, 2), (ServiceProvision, 1), (OutcomeEntry, 1),
                                (Mentorship, 1), (Batch, 1)):  # fmt: skip
            assert session.scalar(select(func.count()).select_from(model)) == expected, model
        assert session.execute(text("SELECT count(*) FROM staff WHERE deleted_at IS NOT NULL")
                               ).scalar_one() == 1  # fmt: skip


def test_only_the_owner_upgrades_and_others_are_told_so(old_office: pg.Office) -> None:
    with pytest.raises(NotPermitted, match=r"must be upgraded .* only its owner bangfu may"):
        Ledger.open(old_office.url("admin"))
    with pg.connect(old_office.database) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (OLD,)


def test_roles_set_up_on_a_blank_database_get_the_grants_of_the_tables_made_later() -> None:
    """IT may run `server-roles` before anyone opened the database: the app creating
    the ledger's tables then grants them as well."""
    with pg.office(pg.create_database()) as office:
        with Ledger.open(office.url()) as ledger:
            assert ledger.created
        with Ledger.open(office.url("clerk")) as ledger:
            clerk = Actor(office.users["clerk"], Role.CLERK, Field.MEDICAL)
            assert add(ledger, clerk, person("王医生", "medical"))
