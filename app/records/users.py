"""Sign-in on a file ledger: users with argon2 password hashes, off until an admin
turns it on (issue #15).

Without sign-in one clerk works on one PC and the clerk named in Settings acts, with
every right (`clerk_actor`). With sign-in on, the app asks who works at start and the
signed-in user acts: audit entries name a real person and their role is checked in
the write path (`app.records.permissions`). A file is only as safe as its folder (a
copy can be opened with any SQLite tool): sign-in on a file ledger gives an office
accountability and keeps clerks to their work, while a server ledger also keeps the
rules in the server (`app.db.postgres_roles`).

Passwords are hashed with argon2id (argon2-cffi): a slow, memory-hard hash with a
salt of its own per password, the current recommendation for stored passwords
(OWASP), so a copied ledger does not give the passwords away cheaply. Wrong passwords
slow the next attempt down, per user and kept in the ledger (a restart does not reset
the delay): none after one typo, then 2, 4, 8, … seconds, at most five minutes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db.ledger import Ledger
from app.db.models import Setting, UserAccount
from app.db.vocabulary import Field, Role
from app.errors import Refusal, SignInFailed, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.records.permissions import Permission, require
from app.records.settings import clerk_actor
from app.records.validation import Problems, clean_text, parse_vocabulary
from app.records.work import Actor, Work, perform

SIGN_IN_KEY = "sign_in"  # "on" when a file ledger asks who works
MIN_PASSWORD = 8
MAX_DELAY = 300  # seconds
FREE_FAILURES = 2  # from the second wrong password in a row on, the next try waits
ENTITY = "user_account"
_hasher = PasswordHasher()

LABELS = {
    "name": QT_TRANSLATE_NOOP("UserAccount", "User name"),
    "role": QT_TRANSLATE_NOOP("UserAccount", "Role"),
    "field": QT_TRANSLATE_NOOP("UserAccount", "Limited to field"),
    "password": QT_TRANSLATE_NOOP("UserAccount", "Password"),
}


def _label(key: str) -> str:
    return translate("UserAccount", LABELS.get(key, key))


@dataclass(frozen=True)
class UserRow:
    """A user as the Settings → 用户 tab lists them (no hash)."""

    id: int | str  # a file user's row id; on a server, the login role's name
    name: str
    role: Role
    field: Field | None
    disabled: bool


# ----------------------------------------------------------------- reading
def sign_in_required(session: Session) -> bool:
    """Whether this file ledger asks who works at start."""
    value = session.scalar(select(Setting.value).where(Setting.key == SIGN_IN_KEY))
    return value == "on"


def list_users(session: Session) -> list[UserRow]:
    users = session.scalars(select(UserAccount).order_by(UserAccount.name))
    return [
        UserRow(user.id, user.name, user.role, user.field, user.disabled_at is not None)
        for user in users
    ]


def actor_of(user: UserAccount) -> Actor:
    return Actor(name=user.name, role=user.role, field=user.field)


# ----------------------------------------------------------------- signing in
def delay_after(failures: int) -> int:
    """Seconds to wait after `failures` wrong passwords in a row: none after one (a
    typo), then 2, 4, 8, … at most 300."""
    return 0 if failures < FREE_FAILURES else min(2 ** (failures - 1), MAX_DELAY)


def attempt_sign_in(work: Work, name: str, password: str) -> Actor | str:
    """The user's Actor, or why signing in was refused; a wrong password is counted
    (and audited), so this command commits either way."""
    user = _by_name(work.session, name)
    wrong = translate("Users", "Wrong user name or password.")
    if user is None:  # as slow as a wrong password, so names cannot be probed
        _matches(_dummy_hash(), password)
        return wrong
    now = clock.now()
    if user.failed_count and user.failed_at is not None:
        ready = user.failed_at + timedelta(seconds=delay_after(user.failed_count))
        if now < ready:
            return translate(
                "Users", "Too many wrong passwords; try again in {seconds} seconds."
            ).format(seconds=int((ready - now).total_seconds()) or 1)
    if not _verify(user, password):
        user.failed_count += 1
        user.failed_at = now
        work.audit(action="sign-in-failed", entity=ENTITY, entity_id=user.id)
        return wrong
    if user.disabled_at is not None:
        return translate("Users", "{name} is disabled; ask an administrator.").format(
            name=user.name
        )
    if user.failed_count:
        user.failed_count, user.failed_at = 0, None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    work.audit(action="sign-in", entity=ENTITY, entity_id=user.id)
    return actor_of(user)


def sign_in(ledger: Ledger, name: str, password: str) -> Actor:
    """Sign in to a file ledger; SignInFailed says why not. On a read-only ledger the
    password is checked without counting a failure (nothing can be written)."""
    if ledger.read_only is not None:
        with ledger.session() as session:
            user = _by_name(session, name)
            if user is None or user.disabled_at is not None or not _verify(user, password):
                raise SignInFailed(translate("Users", "Wrong user name or password."))
            return actor_of(user)
    outcome = perform(
        ledger, lambda work: attempt_sign_in(work, name, password), actor=Actor(name.strip())
    ).value
    if isinstance(outcome, str):
        raise SignInFailed(outcome)
    return outcome


def acting_user(ledger: Ledger, environ: Mapping[str, str] | None = None) -> Actor:
    """Who acts for the command line: the clerk named in Settings without sign-in; with
    sign-in on, the user named in BANGFU_USER signing in with BANGFU_PASSWORD (a
    script's own account, e.g. a 填报员 for nightly imports), else SignInFailed."""
    environ = os.environ if environ is None else environ
    with ledger.session() as session:
        if not sign_in_required(session):
            return clerk_actor(session)
    name, password = environ.get("BANGFU_USER", ""), environ.get("BANGFU_PASSWORD", "")
    if not name:
        raise SignInFailed(
            translate(
                "Users",
                "This ledger asks who works: set BANGFU_USER and BANGFU_PASSWORD to a "
                "user's name and password.",
            )
        )
    return sign_in(ledger, name, password)


# ----------------------------------------------------------------- turning it on and off
def turn_sign_in_on(work: Work, name: str, password: str) -> int:
    """Ask who works from the next start on; the acting administrator becomes the first
    user, an administrator named `name` (without users yet). Returns their id."""
    require(work.actor, Permission.SETTINGS)
    session = work.session
    admins = session.scalar(
        select(func.count())
        .select_from(UserAccount)
        .where(UserAccount.role == Role.ADMIN, UserAccount.disabled_at.is_(None))
    )
    user_id = (
        _add(work, name, Role.ADMIN, None, password)
        if not admins
        else session.scalars(select(UserAccount.id).where(UserAccount.role == Role.ADMIN)).first()
    )
    _set_flag(work, "on")
    assert user_id is not None
    return user_id


def turn_sign_in_off(work: Work) -> None:
    """Back to one clerk on one PC: the clerk named in Settings acts (users are kept)."""
    require(work.actor, Permission.SETTINGS)
    _set_flag(work, "")


def _set_flag(work: Work, value: str) -> None:
    row = work.session.scalar(select(Setting).where(Setting.key == SIGN_IN_KEY))
    before = row.value if row is not None else ""
    if before == value:
        return
    if row is None:
        work.session.add(Setting(key=SIGN_IN_KEY, value=value))
    else:
        row.value = value
    work.audit(
        action="update",
        entity="setting",
        entity_id=None,
        before={SIGN_IN_KEY: before},
        after={SIGN_IN_KEY: value},
    )


# ----------------------------------------------------------------- managing users
def add_user(
    work: Work, name: str, role: Role | str, field: Field | str | None, password: str
) -> int:
    require(work.actor, Permission.USERS)
    return _add(work, name, role, field, password)


def change_user(work: Work, user_id: int, role: Role | str, field: Field | str | None) -> None:
    """Give a user another role or field limit (never the last administrator's)."""
    require(work.actor, Permission.USERS)
    user = _get(work.session, user_id)
    clean_role, clean_field = clean_rights(role, field)
    if user.role == Role.ADMIN and clean_role != Role.ADMIN:
        _keep_an_admin(work.session, user)
    before = _public(user)
    user.role, user.field = clean_role, clean_field
    work.session.flush()
    work.audit(
        action="update", entity=ENTITY, entity_id=user.id, before=before, after=_public(user)
    )


def set_disabled(work: Work, user_id: int, disabled: bool) -> None:
    """Disable a user (they can no longer sign in; their name stays in the audit log)
    or enable them again. Neither yourself nor the last administrator."""
    require(work.actor, Permission.USERS)
    user = _get(work.session, user_id)
    if disabled and user.disabled_at is None:
        if user.name == work.actor.name:
            raise Refusal(translate("Users", "You cannot disable yourself."))
        if user.role == Role.ADMIN:
            _keep_an_admin(work.session, user)
        user.disabled_at = clock.now()
    elif not disabled and user.disabled_at is not None:
        user.disabled_at = None
        user.failed_count, user.failed_at = 0, None
    else:
        return
    work.session.flush()
    work.audit(action="disable" if disabled else "enable", entity=ENTITY, entity_id=user.id)


def reset_password(work: Work, user_id: int, password: str) -> None:
    """An administrator sets a user's password (a forgotten one)."""
    require(work.actor, Permission.USERS)
    _store_password(work, _get(work.session, user_id), password)


def change_own_password(work: Work, old: str, new: str) -> None:
    """The signed-in user changes their own password, knowing the old one."""
    user = _by_name(work.session, work.actor.name)
    if user is None or not _verify(user, old):
        raise ValidationError(
            {"old": [translate("Users", "is not your current password")]},
            {"old": translate("Users", "Current password")},
        )
    _store_password(work, user, new)


# ----------------------------------------------------------------- helpers
def check_new_user(
    name: str,
    role: Role | str,
    field: Field | str | None,
    password: str,
    *,
    exists: Callable[[str], bool],
) -> tuple[str, Role, Field | None]:
    """A new user's clean name, role and field, or ValidationError naming every field
    (file and server users are checked alike)."""
    problems = Problems(_label)
    clean_name = problems.take("name", clean_text, name, max_length=50)
    problems.require("name", clean_name)
    if clean_name and exists(clean_name):
        problems.add("name", translate("Users", "{name} already exists").format(name=clean_name))
    _check_password(problems, password)
    clean_role, clean_field = clean_rights(role, field, problems)
    assert clean_name is not None
    return clean_name, clean_role, clean_field


def _add(work: Work, name: str, role: Role | str, field: Field | str | None, password: str) -> int:
    clean_name, clean_role, clean_field = check_new_user(
        name,
        role,
        field,
        password,
        exists=lambda wanted: _by_name(work.session, wanted) is not None,
    )
    user = UserAccount(
        name=clean_name,
        role=clean_role,
        field=clean_field,
        password_hash=_hasher.hash(password),
        failed_count=0,
    )
    work.session.add(user)
    work.session.flush()
    work.audit(action="create", entity=ENTITY, entity_id=user.id, after=_public(user))
    return user.id


def clean_rights(
    role: Role | str, field: Field | str | None, problems: Problems | None = None
) -> tuple[Role, Field | None]:
    """A clean role and field limit, or ValidationError naming each (with `problems`
    already found)."""
    problems = problems or Problems(_label)
    clean_role = problems.take("role", parse_vocabulary, role, Role)
    clean_field = problems.take("field", parse_vocabulary, field, Field)
    problems.require("role", clean_role)
    if clean_field is not None and clean_role != Role.CLERK:
        problems.add("field", translate("Users", "only a clerk is limited to a field"))
    problems.raise_if_any()
    assert clean_role is not None
    return clean_role, clean_field


def _check_password(problems: Problems, password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        problems.add(
            "password",
            translate("Users", "must have at least {count} characters").format(count=MIN_PASSWORD),
        )


def validate_password(password: str) -> None:
    problems = Problems(_label)
    _check_password(problems, password)
    problems.raise_if_any()


def _store_password(work: Work, user: UserAccount, password: str) -> None:
    validate_password(password)
    user.password_hash = _hasher.hash(password)
    user.failed_count, user.failed_at = 0, None
    work.session.flush()
    work.audit(action="password", entity=ENTITY, entity_id=user.id)


def _keep_an_admin(session: Session, user: UserAccount) -> None:
    others = session.scalar(
        select(func.count())
        .select_from(UserAccount)
        .where(
            UserAccount.role == Role.ADMIN,
            UserAccount.disabled_at.is_(None),
            UserAccount.id != user.id,
        )
    )
    if not others:
        raise Refusal(
            translate("Users", "{name} is the last administrator; make another one first.").format(
                name=user.name
            )
        )


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(_hasher.hash("not a password of anyone"))
    return _DUMMY[0]


def _verify(user: UserAccount, password: str) -> bool:
    return _matches(user.password_hash, password)


def _matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _by_name(session: Session, name: str) -> UserAccount | None:
    return session.scalar(select(UserAccount).where(UserAccount.name == (name or "").strip()))


def _get(session: Session, user_id: int) -> UserAccount:
    user = session.get(UserAccount, user_id)
    if user is None:
        raise Refusal(translate("Users", "No such user (id {id}).").format(id=user_id))
    return user


def _public(user: UserAccount) -> dict[str, str | None]:
    """What the audit log keeps of a user: never the hash."""
    return {
        "name": user.name,
        "role": str(user.role),
        "field": str(user.field) if user.field else None,
    }
