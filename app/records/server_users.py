"""Settings → 用户 on a server ledger: the same commands as `app.records.users`, kept by
the server as login roles (`app.db.postgres_roles`).

A login role's name is its id here (`UserRow.id`); the server keeps the password. Each
command runs inside the command's own transaction (role DDL is transactional in
PostgreSQL), is checked against the acting user's rights first and audited like any
write, so the audit log says who added or disabled whom. The server checks again: only
an administrator's login has CREATEROLE.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app import clock
from app.db import postgres_roles
from app.db.ledger import Ledger
from app.db.postgres import address_of
from app.db.vocabulary import Field, Role
from app.errors import Refusal, SignInFailed, SignInRefused
from app.i18n import translate
from app.records.permissions import Permission, require
from app.records.users import (
    ENTITY,
    UserRow,
    check_new_user,
    clean_rights,
    delay_after,
    validate_password,
)
from app.records.work import Actor, Work

# Wrong passwords per (server address, user) in this process: the server keeps no
# count a client could read, so the app slows its own next attempt down as on a file
# (`app.records.users.delay_after`). IT can slow every client on the server itself
# with PostgreSQL's `auth_delay` module (README).
_failures: dict[tuple[str, str], tuple[int, datetime]] = {}


def sign_in_to_server(url: str, name: str, password: str) -> Ledger:
    """Sign in to the server ledger at `url`: connect as the login role `name` (the
    server checks the password). SignInRefused for a wrong name or password (counted),
    SignInFailed while the delay after several wrong ones runs; any other refusal of
    the server (unreachable, no such database) as `Ledger.open` raises it."""
    key, now = (address_of(url), name.strip()), clock.now()
    if not key[1]:
        raise SignInFailed(translate("Users", "Wrong user name or password."))
    failures, last = _failures.get(key, (0, now))
    ready = last + timedelta(seconds=delay_after(failures))
    if failures and now < ready:
        raise SignInFailed(
            translate("Users", "Too many wrong passwords; try again in {seconds} seconds.").format(
                seconds=int((ready - now).total_seconds()) or 1
            )
        )
    target = make_url(url).set(username=key[1])._replace(password=None)  # set() keeps one
    try:
        ledger = Ledger.open(
            target.render_as_string(hide_password=False), exclusive=True, password=lambda: password
        )
    except SignInRefused:
        _failures[key] = (failures + 1, now)
        raise
    _failures.pop(key, None)
    return ledger


def _raw(session: Session) -> Any:
    """The psycopg connection under the session's transaction."""
    return session.connection().connection.driver_connection


def server_actor(ledger: Ledger) -> Actor:
    """Who acts on a server ledger: the login role the ledger is connected as, with the
    role and field limit of its groups there (`app.db.postgres_roles`)."""
    with ledger.engine.connect() as connection:
        raw = connection.connection.driver_connection
        name = str(connection.exec_driver_sql("SELECT current_user").scalar_one())
        role, field = postgres_roles.rights_of(raw)  # type: ignore[arg-type]
    return Actor(name=name, role=role, field=field)


def list_users(session: Session) -> list[UserRow]:
    return [
        UserRow(user.name, user.name, user.role, user.field, user.disabled)
        for user in postgres_roles.list_users(_raw(session))
    ]


def add_user(
    work: Work, name: str, role: Role | str, field: Field | str | None, password: str
) -> str:
    require(work.actor, Permission.USERS)

    def exists(wanted: str) -> bool:
        return _find(work.session, wanted) is not None

    clean_name, clean_role, clean_field = check_new_user(name, role, field, password, exists=exists)
    postgres_roles.create_user(_raw(work.session), clean_name, clean_role, clean_field, password)
    work.audit(
        action="create",
        entity=ENTITY,
        entity_id=None,
        after=_public(clean_name, clean_role, clean_field),
    )
    return clean_name


def change_user(work: Work, user_id: str, role: Role | str, field: Field | str | None) -> None:
    require(work.actor, Permission.USERS)
    user = _get(work.session, user_id)
    clean_role, clean_field = clean_rights(role, field)
    if user.role == Role.ADMIN and clean_role != Role.ADMIN:
        _keep_an_admin(work.session, user)
    postgres_roles.change_user(_raw(work.session), user.name, clean_role, clean_field)
    work.audit(
        action="update",
        entity=ENTITY,
        entity_id=None,
        before=_public(user.name, user.role, user.field),
        after=_public(user.name, clean_role, clean_field),
    )


def set_disabled(work: Work, user_id: str, disabled: bool) -> None:
    require(work.actor, Permission.USERS)
    user = _get(work.session, user_id)
    if disabled == user.disabled:
        return
    if disabled and user.name == work.actor.name:
        raise Refusal(translate("Users", "You cannot disable yourself."))
    if disabled and user.role == Role.ADMIN:
        _keep_an_admin(work.session, user)
    postgres_roles.set_disabled(_raw(work.session), user.name, disabled)
    work.audit(
        action="disable" if disabled else "enable",
        entity=ENTITY,
        entity_id=None,
        after={"name": user.name},
    )


def reset_password(work: Work, user_id: str, password: str) -> None:
    require(work.actor, Permission.USERS)
    user = _get(work.session, user_id)
    validate_password(password)
    postgres_roles.reset_password(_raw(work.session), user.name, password)
    work.audit(action="password", entity=ENTITY, entity_id=None, after={"name": user.name})


def _find(session: Session, name: str) -> UserRow | None:
    return next((user for user in list_users(session) if user.name == name), None)


def _get(session: Session, name: str) -> UserRow:
    user = _find(session, name)
    if user is None:
        raise Refusal(translate("Users", "No such user (id {id}).").format(id=name))
    return user


def _keep_an_admin(session: Session, user: UserRow) -> None:
    others = [
        each
        for each in list_users(session)
        if each.role == Role.ADMIN and not each.disabled and each.name != user.name
    ]
    if not others:
        raise Refusal(
            translate("Users", "{name} is the last administrator; make another one first.").format(
                name=user.name
            )
        )


def _public(name: str, role: Role, field: Field | None) -> dict[str, str | None]:
    return {"name": name, "role": str(role), "field": str(field) if field else None}
