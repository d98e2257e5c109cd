"""File ledger sign-in: argon2 hashes, the delay after wrong passwords, disabled users."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app import clock
from app.db.ledger import Ledger
from app.db.models import AuditEntry, UserAccount
from app.db.vocabulary import Field, Role
from app.errors import NotPermitted, Refusal, SignInFailed, ValidationError
from app.records.users import (
    acting_user,
    add_user,
    change_own_password,
    change_user,
    delay_after,
    list_users,
    reset_password,
    set_disabled,
    sign_in,
    sign_in_required,
    turn_sign_in_off,
    turn_sign_in_on,
)
from app.records.work import Actor, perform

BOSS = Actor("老周", Role.ADMIN)
T0 = datetime(2025, 3, 1, 9, 0, 0)


def do(ledger: Ledger, command, *args, actor: Actor = BOSS):  # type: ignore[no-untyped-def]
    return perform(ledger, lambda work: command(work, *args), actor=actor).value


@pytest.fixture
def office(ledger: Ledger) -> Ledger:
    do(ledger, turn_sign_in_on, "老周", "zhou-secret-1")
    do(ledger, add_user, "李医", "填报员", "医疗", "li-secret-12")
    do(ledger, add_user, "赵看", Role.VIEWER, None, "zhao-secret-1")
    return ledger


def test_turning_sign_in_on_makes_the_first_administrator(ledger: Ledger) -> None:
    with ledger.session() as session:
        assert not sign_in_required(session)
    do(ledger, turn_sign_in_on, "老周", "zhou-secret-1")
    with ledger.session() as session:
        assert sign_in_required(session)
        user = session.scalars(select(UserAccount)).one()
        assert (user.name, user.role) == ("老周", Role.ADMIN)
        assert user.password_hash.startswith("$argon2id$")
        assert "zhou-secret-1" not in user.password_hash
        audited = session.scalars(select(AuditEntry).where(AuditEntry.entity == "user_account"))
        assert all("password_hash" not in (entry.after or {}) for entry in audited)
    assert sign_in(ledger, "老周", "zhou-secret-1") == Actor("老周", Role.ADMIN, None)


def test_only_an_administrator_turns_sign_in_on_or_adds_users(ledger: Ledger) -> None:
    clerk = Actor("王填", Role.CLERK)
    with pytest.raises(NotPermitted):
        do(ledger, turn_sign_in_on, "王填", "wang-secret-1", actor=clerk)
    with pytest.raises(NotPermitted):
        do(ledger, add_user, "王填", Role.ADMIN, None, "wang-secret-1", actor=clerk)
    with ledger.session() as session:
        assert not sign_in_required(session) and list_users(session) == []


def test_a_signed_in_clerk_acts_with_their_role_and_field(office: Ledger) -> None:
    actor = sign_in(office, " 李医 ", "li-secret-12")
    assert actor == Actor("李医", Role.CLERK, Field.MEDICAL)
    with office.session() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None and (entry.action, entry.who) == ("sign-in", "李医")


def test_bad_input_is_named_by_field(office: Ledger) -> None:
    with pytest.raises(ValidationError) as refused:
        do(office, add_user, "李医", "boss", "体育", "short")
    assert set(refused.value.errors) == {"name", "role", "field", "password"}
    with pytest.raises(ValidationError) as refused:
        do(office, add_user, "钱", Role.VIEWER, Field.MEDICAL, "qian-secret-1")
    assert refused.value.errors == {"field": ["only a clerk is limited to a field"]}


def test_wrong_passwords_slow_the_next_attempt_down_and_the_delay_is_kept(
    office: Ledger, db_path
) -> None:  # type: ignore[no-untyped-def]
    assert [delay_after(n) for n in (0, 1, 2, 3, 4, 10, 30)] == [0, 0, 2, 4, 8, 300, 300]
    with clock.frozen(T0):
        for _ in range(2):
            with pytest.raises(SignInFailed, match="Wrong user name or password"):
                sign_in(office, "李医", "guess")
        # two failures in a row: 2 seconds before the next try, even the right one
        with pytest.raises(SignInFailed, match="try again in 2 seconds"):
            sign_in(office, "李医", "li-secret-12")
    office.close()
    with Ledger.open(db_path) as reopened:  # kept in the ledger, not in memory
        with (
            clock.frozen(T0 + timedelta(seconds=1)),
            pytest.raises(SignInFailed, match="try again in 1 seconds"),
        ):
            sign_in(reopened, "李医", "li-secret-12")
        with clock.frozen(T0 + timedelta(seconds=2)):
            assert sign_in(reopened, "李医", "li-secret-12").name == "李医"
        with reopened.session() as session:
            user = session.scalars(select(UserAccount).where(UserAccount.name == "李医")).one()
            assert (user.failed_count, user.failed_at) == (0, None)
            failures = session.scalars(
                select(AuditEntry).where(AuditEntry.action == "sign-in-failed")
            ).all()
            assert [entry.who for entry in failures] == ["李医"] * 2


def test_other_users_are_not_slowed_by_one_users_failures(office: Ledger) -> None:
    with clock.frozen(T0):
        for _ in range(2):
            with pytest.raises(SignInFailed):
                sign_in(office, "李医", "guess")
        assert sign_in(office, "赵看", "zhao-secret-1").role == Role.VIEWER


def test_a_disabled_user_cannot_sign_in_until_enabled(office: Ledger) -> None:
    with office.session() as session:
        li = next(user.id for user in list_users(session) if user.name == "李医")
    do(office, set_disabled, li, True)
    with pytest.raises(SignInFailed, match="李医 is disabled"):
        sign_in(office, "李医", "li-secret-12")
    do(office, set_disabled, li, False)
    assert sign_in(office, "李医", "li-secret-12").field == Field.MEDICAL


def test_the_last_administrator_is_kept(office: Ledger) -> None:
    with office.session() as session:
        zhou = next(user.id for user in list_users(session) if user.name == "老周")
    with pytest.raises(Refusal, match="last administrator"):
        do(office, change_user, zhou, Role.CLERK, None)
    with pytest.raises(Refusal, match="cannot disable yourself"):
        do(office, set_disabled, zhou, True)


def test_passwords_change_and_reset(office: Ledger) -> None:
    li = Actor("李医", Role.CLERK, Field.MEDICAL)
    with pytest.raises(ValidationError):
        do(office, change_own_password, "wrong-old-pw", "li-new-secret", actor=li)
    do(office, change_own_password, "li-secret-12", "li-new-secret", actor=li)
    with pytest.raises(SignInFailed):
        sign_in(office, "李医", "li-secret-12")
    with office.session() as session:
        li_id = next(user.id for user in list_users(session) if user.name == "李医")
    do(office, reset_password, li_id, "li-reset-secret")
    assert sign_in(office, "李医", "li-reset-secret").name == "李医"
    do(office, change_user, li_id, Role.VIEWER, None)
    assert sign_in(office, "李医", "li-reset-secret").role == Role.VIEWER
    do(office, turn_sign_in_off)
    with office.session() as session:
        assert not sign_in_required(session)


def test_the_command_line_acts_as_the_user_in_its_environment(office: Ledger) -> None:
    with pytest.raises(SignInFailed, match="set BANGFU_USER and BANGFU_PASSWORD"):
        acting_user(office, {})
    with pytest.raises(SignInFailed, match="Wrong user name or password"):
        acting_user(office, {"BANGFU_USER": "李医", "BANGFU_PASSWORD": "guess"})
    clerk = acting_user(office, {"BANGFU_USER": "李医", "BANGFU_PASSWORD": "li-secret-12"})
    assert clerk == Actor("李医", Role.CLERK, Field.MEDICAL)
    do(office, turn_sign_in_off)
    assert acting_user(office, {}).role == Role.ADMIN  # the clerk named in Settings
