"""On a server ledger the users ARE PostgreSQL login roles, and the server keeps the rules.

Signing in is connecting as one's own login role (the server checks the password,
stored as a scram-sha-256 verifier; the app never stores it). Each login is a member
of one group role per database — `<db>_admin`, `<db>_clerk` or `<db>_viewer` — whose
GRANTs match what the app lets the role do (`app.records.permissions`), and a clerk
limited to one field is also a member of `<db>_field_<field>`; row-level security on
the record tables then refuses them rows of another field. So a viewer, or a clerk
with their password and another client (psql, Excel over ODBC), cannot write outside
their rights: the app's own checks come first with a clear message, the server's are
the wall behind them.

Group names carry the database's name because roles are shared by every database of
a server (a prefecture keeps one database per county); login names are too, so a
name is unique on the whole server.

`install` sets the groups, grants and policies up; it is run by the database's owner
(the role that created the ledger and runs its migrations): by `server-roles` the
first time, then by the ledger itself in the transaction of every migration
(`PostgresServer.migrating`), so new tables and columns get their grants. An
administrator's login has CREATEROLE, so they can add, change and disable users from
Settings → 用户 (`create_user`, …).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from psycopg import Connection, sql

from app.db.vocabulary import Field, Role

# Tables a clerk writes (the records of the work); the audit log only grows.
ENTRY_TABLES = ("staff", "service_provision", "outcome_entry", "mentorship", "batch")
APPEND_ONLY = ("audit_entry",)
# A clerk's import remembers its column mapping in `setting` under this prefix.
IMPORT_MEMORY = "import-map:"

# How each record table finds the field its row belongs to (NULL: no field).
FIELD_OF = {
    "staff": "field",
    "service_provision": "(SELECT s.field FROM staff s WHERE s.id = staff_id)",
    "mentorship": "(SELECT s.field FROM staff s WHERE s.id = mentor_id)",
    "outcome_entry": (
        "COALESCE((SELECT s.field FROM staff s WHERE s.id = staff_id),"
        " (SELECT t.field FROM team t WHERE t.id = team_id))"
    ),
}


@dataclass(frozen=True)
class ServerUser:
    """A login role of this ledger as Settings → 用户 lists it."""

    name: str
    role: Role
    field: Field | None
    disabled: bool


def group(database: str, role: Role) -> str:
    return f"{database}_{role.value}"


def field_group(database: str, field: Field) -> str:
    return f"{database}_field_{field.value}"


def _database(connection: Connection[Any]) -> str:
    name = connection.execute("SELECT current_database()").fetchone()
    assert name is not None
    return str(name[0])


def _run(connection: Connection[Any], statement: sql.SQL | sql.Composed) -> None:
    connection.execute(statement)


# ----------------------------------------------------------------- setting up
def install(connection: Connection[Any]) -> None:
    """Create the group roles, grant them what each may do, and put row-level security
    on the record tables. Idempotent; run by the owner of the ledger's tables."""
    database = _database(connection)
    groups = {role: group(database, role) for role in Role}
    for name in [*groups.values(), *(field_group(database, field) for field in Field)]:
        _run(
            connection,
            sql.SQL(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {name}) "
                "THEN CREATE ROLE {role} NOLOGIN; END IF; END $$"
            ).format(name=sql.Literal(name), role=sql.Identifier(name)),
        )
    db = sql.Identifier(database)
    admin, clerk, viewer = (sql.Identifier(groups[role]) for role in Role)
    everyone = sql.SQL(", ").join([admin, clerk, viewer])
    _run(connection, sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(db))
    _run(connection, sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(db, everyone))
    _run(connection, sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(everyone))
    _run(connection, sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(everyone))
    _run(connection, sql.SQL("GRANT ALL ON ALL TABLES IN SCHEMA public TO {}").format(admin))
    _run(connection, sql.SQL("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {}").format(admin))
    _run(
        connection,
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(clerk),
    )
    tables = set(_tables(connection))
    _field_check(connection, database)
    _row_guard(connection)
    for table in [name for name in ENTRY_TABLES if name in tables]:
        _run(
            connection,
            sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO {}").format(
                sql.Identifier(table), clerk
            ),
        )
    for table in [name for name in APPEND_ONLY if name in tables]:
        _run(connection, sql.SQL("GRANT INSERT ON {} TO {}").format(sql.Identifier(table), clerk))
    if "setting" in tables:
        _run(connection, sql.SQL("GRANT INSERT, UPDATE ON setting TO {}").format(clerk))
        _policies(connection, "setting", groups, f"key LIKE '{IMPORT_MEMORY}%'")
    for table, field_sql in FIELD_OF.items():
        if table in tables:
            _policies(connection, table, groups, f"bangfu_field_ok({field_sql})")


def installed(connection: Connection[Any]) -> bool:
    """Whether `install` has set this database's roles up (its clerk group exists)."""
    row = connection.execute(
        "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = %s)",
        (group(_database(connection), Role.CLERK),),
    ).fetchone()
    return bool(row and row[0])


def _tables(connection: Connection[Any]) -> list[str]:
    rows = connection.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    ).fetchall()
    return [str(row[0]) for row in rows]


def _field_check(connection: Connection[Any], database: str) -> None:
    """bangfu_field_ok(field): a clerk without a field limit may write any field; one
    limited to a field (a member of `<db>_field_<field>`) only that one."""
    prefix = f"{database}_field_"
    _run(
        connection,
        sql.SQL(
            "CREATE OR REPLACE FUNCTION bangfu_field_ok(wanted text) RETURNS boolean "
            "LANGUAGE sql STABLE AS $$ "
            "SELECT NOT EXISTS (SELECT FROM pg_roles r WHERE r.rolname LIKE {like} "
            "  AND pg_has_role(current_user, r.oid, 'MEMBER')) "
            "OR (wanted IS NOT NULL AND pg_has_role(current_user, {prefix} || wanted, 'MEMBER')) "
            "$$"
        ).format(like=sql.Literal(prefix.replace("_", r"\_") + "%"), prefix=sql.Literal(prefix)),
    )


def _row_guard(connection: Connection[Any]) -> None:
    """bangfu_row_guard(check, clerk group): a row trigger refusing a clerk's UPDATE or
    DELETE of a row that fails `check` as it is, with SQLSTATE 42501 and the table's
    name. A USING clause would hide such rows instead (0 rows changed), which the app
    would take for another clerk's save; the refusal says what it is."""
    _run(
        connection,
        sql.SQL(
            "CREATE OR REPLACE FUNCTION bangfu_row_guard() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ DECLARE allowed boolean; BEGIN "
            "IF pg_has_role(current_user, TG_ARGV[1], 'MEMBER') AND NOT "
            "  (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN "
            "  EXECUTE format('SELECT %s FROM (SELECT ($1).*) AS old_row', TG_ARGV[0]) "
            "    INTO allowed USING OLD; "
            "  IF allowed IS NOT TRUE THEN RAISE EXCEPTION "
            "    'row-level security refuses % of this row on table \"%\"', "
            "    lower(TG_OP), TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege', "
            "    TABLE = TG_TABLE_NAME; END IF; "
            "END IF; "
            "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$"
        ),
    )


def _policies(
    connection: Connection[Any], table: str, groups: dict[Role, str], clerk_check: str
) -> None:
    """Everyone reads every row; an administrator writes any; a clerk writes rows that
    pass `clerk_check`, as they are (the row guard trigger, loudly) and as they would
    be (WITH CHECK)."""
    name = sql.Identifier(table)
    admin, clerk = sql.Identifier(groups[Role.ADMIN]), sql.Identifier(groups[Role.CLERK])
    check = sql.SQL(clerk_check)  # type: ignore[arg-type]
    _run(connection, sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(name))
    statements = {
        "bangfu_read": sql.SQL("FOR SELECT USING (true)"),
        "bangfu_admin": sql.SQL("FOR ALL TO {} USING (true) WITH CHECK (true)").format(admin),
        "bangfu_clerk_insert": sql.SQL("FOR INSERT TO {} WITH CHECK ({})").format(clerk, check),
        "bangfu_clerk_update": sql.SQL("FOR UPDATE TO {} USING (true) WITH CHECK ({})").format(
            clerk, check
        ),
        "bangfu_clerk_delete": sql.SQL("FOR DELETE TO {} USING (true)").format(clerk),
    }
    _run(connection, sql.SQL("DROP TRIGGER IF EXISTS bangfu_row_guard ON {}").format(name))
    _run(
        connection,
        sql.SQL(
            "CREATE TRIGGER bangfu_row_guard BEFORE UPDATE OR DELETE ON {} FOR EACH ROW "
            "EXECUTE FUNCTION bangfu_row_guard({}, {})"
        ).format(name, sql.Literal(clerk_check), sql.Literal(groups[Role.CLERK])),
    )
    for policy, body in statements.items():
        _run(
            connection,
            sql.SQL("DROP POLICY IF EXISTS {} ON {}").format(sql.Identifier(policy), name),
        )
        _run(
            connection,
            sql.SQL("CREATE POLICY {} ON {} ").format(sql.Identifier(policy), name) + body,
        )


# ----------------------------------------------------------------- users
def _verifier(connection: Connection[Any], name: str, password: str) -> str:
    """The scram-sha-256 verifier, made on the client: the password itself never
    reaches the server (nor its log)."""
    encrypted = connection.pgconn.encrypt_password(
        password.encode(), name.encode(), b"scram-sha-256"
    )
    return encrypted.decode()


def create_user(
    connection: Connection[Any], name: str, role: Role, field: Field | None, password: str
) -> None:
    """A new login role in the group of `role` (and of `field`, for a limited clerk)."""
    _run(
        connection,
        sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
            sql.Identifier(name), sql.Literal(_verifier(connection, name, password))
        ),
    )
    _assign(connection, name, role, field)


def change_user(connection: Connection[Any], name: str, role: Role, field: Field | None) -> None:
    """Another role or field limit for an existing user."""
    database = _database(connection)
    user = sql.Identifier(name)
    for old in [*(group(database, r) for r in Role), *(field_group(database, f) for f in Field)]:
        if _member(connection, name, old):
            _run(connection, sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(old), user))
    _assign(connection, name, role, field)


def _assign(connection: Connection[Any], name: str, role: Role, field: Field | None) -> None:
    database = _database(connection)
    user = sql.Identifier(name)
    _run(connection, sql.SQL("GRANT {} TO {}").format(sql.Identifier(group(database, role)), user))
    if field is not None and role == Role.CLERK:
        _run(
            connection,
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(field_group(database, field)), user),
        )
    # An administrator adds and changes users: CREATEROLE (attributes are not inherited).
    attribute = "CREATEROLE" if role == Role.ADMIN else "NOCREATEROLE"
    _run(connection, sql.SQL("ALTER ROLE {} " + attribute).format(user))  # type: ignore[operator]


def set_disabled(connection: Connection[Any], name: str, disabled: bool) -> None:
    """A disabled user can no longer sign in (connect); their name stays in the log."""
    _run(
        connection,
        sql.SQL("ALTER ROLE {} " + ("NOLOGIN" if disabled else "LOGIN")).format(  # type: ignore[operator]
            sql.Identifier(name)
        ),
    )


def reset_password(connection: Connection[Any], name: str, password: str) -> None:
    _run(
        connection,
        sql.SQL("ALTER ROLE {} PASSWORD {}").format(
            sql.Identifier(name), sql.Literal(_verifier(connection, name, password))
        ),
    )


def _member(connection: Connection[Any], name: str, group_name: str) -> bool:
    row = connection.execute(
        "SELECT EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = %s AND u.rolname = %s)",
        (group_name, name),
    ).fetchone()
    return bool(row and row[0])


def list_users(connection: Connection[Any]) -> list[ServerUser]:
    """Every login role of this ledger (a member of one of its three groups)."""
    database = _database(connection)
    rows = connection.execute(
        "SELECT u.rolname, g.rolname, u.rolcanlogin FROM pg_auth_members m "
        "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
        "WHERE g.rolname LIKE %s ORDER BY u.rolname",
        (database.replace("_", r"\_") + r"\_%",),
    ).fetchall()
    found: dict[str, dict[str, Any]] = {}
    for user, group_name, can_login in rows:
        entry = found.setdefault(user, {"role": None, "field": None, "login": can_login})
        suffix = group_name[len(database) + 1 :]
        if suffix.startswith("field_"):
            entry["field"] = Field(suffix[len("field_") :])
        elif suffix in {role.value for role in Role}:
            entry["role"] = Role(suffix)
    return [
        ServerUser(user, entry["role"], entry["field"], not entry["login"])
        for user, entry in found.items()
        if entry["role"] is not None
    ]


def rights_of(connection: Connection[Any]) -> tuple[Role, Field | None]:
    """The connected user's role and field limit (who acts after signing in). The
    ledger's owner and a superuser (who set it up) are administrators; a login in
    none of the ledger's groups may only read (and the server lets it do no more)."""
    row = connection.execute(
        "SELECT current_user, r.rolsuper OR d.datdba = r.oid FROM pg_roles r, pg_database d "
        "WHERE r.rolname = current_user AND d.datname = current_database()"
    ).fetchone()
    assert row is not None
    for user in list_users(connection):
        if user.name == row[0]:
            return user.role, user.field
    return (Role.ADMIN if row[1] else Role.VIEWER), None
