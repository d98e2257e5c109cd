"""Who may do what: roles, permissions and a clerk's field limit (DESIGN.md §3, issue #15).

Three roles (`Role`): 管理员 may do everything; 填报员 enters and edits the records of
the work (staff, provisions, outcomes, mentorships, imports, undoing their own
batches), optionally limited to one field; 查看 reads, prints and exports. Every
command is checked in the write path: `app.records.commands` asks each `RecordKind`
which permission it needs and whose field a record belongs to, and the commands that
are not record writes (closing a quarter, settings, users, …) call `require` here. A
refusal is a `NotPermitted` naming who, what and why; nothing is written.

The same rules are kept by the server itself on PostgreSQL (`app.db.postgres_roles`:
GRANTs per role and row-level security for a field limit), so another client with a
user's password cannot do more than the app lets them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from app.db.vocabulary import Field, Role
from app.errors import NotPermitted
from app.i18n import QT_TRANSLATE_NOOP, translate


class Acting(Protocol):
    """Who performs a command (`app.records.work.Actor`): the signed-in user, or on a
    file ledger without sign-in the clerk named in Settings, with every right (one
    clerk on one PC). `field` limits a 填报员 to one field's records."""

    @property
    def name(self) -> str: ...

    @property
    def role(self) -> str: ...

    @property
    def field(self) -> Field | None: ...


class Permission(StrEnum):
    """A right a command needs; reading, printing and exporting need none."""

    ENTER = "enter"  # staff, provisions, outcomes, mentorships, imports, own batches' undo
    CATALOG = "catalog"  # units & teams, services, metrics, targets
    CLOSE = "close"  # closing and reopening quarters
    SETTINGS = "settings"  # the office's settings, turning sign-in on or off
    USERS = "users"  # adding, changing and disabling users
    RESTORE = "restore"  # restoring a backup, purging the recycle bin, any batch's undo
    EXPORT_IDS = "export_ids"  # exporting lists with ID numbers in full


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.CLERK: frozenset({Permission.ENTER}),
    Role.VIEWER: frozenset(),
}

_WHAT: dict[Permission, str] = {
    Permission.ENTER: QT_TRANSLATE_NOOP("Permissions", "enter or change records"),
    Permission.CATALOG: QT_TRANSLATE_NOOP(
        "Permissions", "change the catalogs (units, teams, services, metrics, targets)"
    ),
    Permission.CLOSE: QT_TRANSLATE_NOOP("Permissions", "close or reopen quarters"),
    Permission.SETTINGS: QT_TRANSLATE_NOOP("Permissions", "change the settings"),
    Permission.USERS: QT_TRANSLATE_NOOP("Permissions", "manage users"),
    Permission.RESTORE: QT_TRANSLATE_NOOP(
        "Permissions", "restore backups, purge the recycle bin or undo others' batches"
    ),
    Permission.EXPORT_IDS: QT_TRANSLATE_NOOP("Permissions", "export ID numbers in full"),
}


def can(actor: Acting, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[Role(actor.role)]


def who(actor: Acting) -> str:
    """「张三（填报员，医疗）」: how a user is named in a refusal and the status bar."""
    parts = [Role(actor.role).label()]
    if actor.field is not None:
        parts.append(Field(actor.field).label())
    return translate("Permissions", "{name} ({rights})").format(
        name=actor.name or translate("Permissions", "unnamed user"),
        rights=translate("Permissions", ", ").join(parts),
    )


def require(actor: Acting, permission: Permission) -> None:
    """Refuse (NotPermitted) unless `actor` has `permission`."""
    if not can(actor, permission):
        raise NotPermitted(
            translate("Permissions", "{who} may not {what}; ask an administrator.").format(
                who=who(actor), what=translate("Permissions", _WHAT[permission])
            )
        )


def require_field(actor: Acting, field: Field | None, record: str) -> None:
    """Refuse a field-limited clerk a record of another field (or of none)."""
    if actor.field is None or field == actor.field:
        return
    raise NotPermitted(
        translate(
            "Permissions", "{who} enters only {limit} records; {record} belongs to {field}."
        ).format(
            who=who(actor),
            limit=Field(actor.field).label(),
            record=record,
            field=Field(field).label() if field else translate("Permissions", "no field"),
        )
    )
