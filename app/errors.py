"""The outcomes of a command other than success; the UI and the CLI decide how to show them.

A command either returns what it changed or raises one of these (DESIGN.md §3):

- `ValidationError`: input was refused, with messages per field, or per row and field
  for a batch command; nothing was written.
- `Refusal`: the input is fine but the ledger will not do it (a closed quarter, a record
  still in use, a read-only ledger, not allowed).
- `StorageError`: the database or a file could not be written or read (disk full,
  read-only, locked by another program, vanished, damaged). Translated from the
  driver's own errors in one place per backend (`app.db.sqlite`, `app.db.postgres`,
  `app.db.files`).
- `NeedsConfirmation`: warnings the clerk must confirm first (a provision dated before
  the person arrived); nothing was written, and the caller repeats the command with
  those warnings confirmed.

Every message is already in the user's language (see `app.i18n`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.i18n import translate

FieldMessages = Mapping[str, Sequence[str]]


class LedgerError(Exception):
    """Base of every error a clerk may see; `str(error)` is the message to show."""


# ----------------------------------------------------------------- validation
class ValidationError(LedgerError):
    """Input was refused; nothing was written.

    `errors` maps a field name to its messages, so a form can show each message beside
    its field; `labels` gives the readable name of each field. A batch command fills
    `rows` instead: a row's label (as the clerk knows the row: 「第 7 行」, a person's
    name) to that row's messages per field.
    """

    def __init__(
        self,
        errors: FieldMessages | None = None,
        labels: Mapping[str, str] | None = None,
        *,
        rows: Mapping[str, FieldMessages] | None = None,
    ) -> None:
        self.errors: dict[str, list[str]] = {
            key: list(msgs) for key, msgs in (errors or {}).items()
        }
        self.labels: dict[str, str] = dict(labels or {})
        self.rows: dict[str, dict[str, list[str]]] = {
            row: {key: list(msgs) for key, msgs in fields.items()}
            for row, fields in (rows or {}).items()
        }
        super().__init__(self.summary())

    def lines(self) -> list[str]:
        """One line per message: 「姓名：不能为空」, or 「第 7 行 姓名：不能为空」 in a batch."""
        colon = translate("Errors", ": ")
        lines = [
            f"{self.labels.get(key, key)}{colon}{message}"
            for key, messages in self.errors.items()
            for message in messages
        ]
        for row, fields in self.rows.items():
            lines += [
                translate("Errors", "{row} {field}: {message}").format(
                    row=row, field=self.labels.get(key, key), message=message
                )
                if key
                else f"{row}{colon}{message}"
                for key, messages in fields.items()
                for message in messages
            ]
        return lines

    def summary(self) -> str:
        return translate("Errors", "; ").join(self.lines())


# ----------------------------------------------------------------- refusals
class Refusal(LedgerError):
    """The ledger will not do what was asked (the input itself is fine); nothing was written."""


class NotFoundError(Refusal):
    """The record does not exist (or was purged), or is in the recycle bin."""


class InUseError(Refusal):
    """A record cannot be deleted because other records still refer to it."""


class QuarterClosedError(Refusal):
    """The change touches a quarter that has been closed after reporting."""


class NotAllowed(Refusal):
    """The acting user, or the ledger as opened (read-only), may not do this."""


class NotPermitted(NotAllowed):
    """The acting user's role (or field limit) does not allow this (app.records.permissions)."""


class SignInFailed(NotAllowed):
    """A file ledger's sign-in was refused: wrong name or password, a disabled user, or
    too many wrong passwords lately (the message says how long to wait)."""


class Cancelled(Refusal):
    """The clerk cancelled a long command before it committed."""


class DatabaseRefused(Refusal):
    """The file is not one of ours, or was made by a newer version; it was not touched."""


class DatabaseInUse(Refusal):
    """Another running Bangfu Ledger window has this database open."""


class ConflictError(Refusal):
    """The database refused a write that passed our checks: a record saved meanwhile by
    another window or user holds the same unique value (or was removed). Raised by each
    backend's error translation from its unique/foreign-key violation, so a race ends in
    the same message on a file and on a server."""


class StaleRecordError(Refusal):
    """Optimistic locking: the record changed since the form read it. `changed_by` and
    `changed_at` say who saved it last (from the audit log), so the form can offer to
    reload the record and apply the clerk's input again."""

    def __init__(
        self,
        message: str,
        *,
        entity: str = "",
        record_id: int | None = None,
        changed_by: str = "",
        changed_at: datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.entity = entity
        self.record_id = record_id
        self.changed_by = changed_by
        self.changed_at = changed_at


# ----------------------------------------------------------------- storage
class StorageError(LedgerError):
    """The database or a file could not be read or written; nothing was half-written."""


class DiskFull(StorageError):
    """No space is left where the database or a file was being written."""


class ReadOnlyStorage(StorageError):
    """The database file, or the folder a file goes to, cannot be written."""


class StorageLocked(StorageError):
    """Another program holds the database (or a file) locked; the data are fine."""


class StorageVanished(StorageError):
    """The file or its folder is gone (a USB stick pulled, a share disconnected)."""


class WriteConflict(StorageError):
    """Two writers collided on a server (serialization failure, deadlock): nothing was
    written; `perform` runs the command again a few times before showing this."""


class ServerUnreachable(StorageError):
    """The database server could not be reached (wrong address, server down, SSL)."""


class SignInRefused(StorageError):
    """The server refused the user name or password."""


class DatabaseMissing(StorageError):
    """The server has no database of that name."""


class DatabaseCorrupt(StorageError):
    """The integrity check failed; the UI offers to restore the newest good backup."""


# ----------------------------------------------------------------- warnings
@dataclass(frozen=True)
class Caution:
    """A warning the clerk may confirm (something unusual, not wrong).

    `code` names it stably, so a retry can say which cautions were confirmed; `row` is
    the batch row it belongs to (None in a single-record command), `field` the field
    it concerns.
    """

    code: str
    field: str
    message: str
    row: str | None = None


class NeedsConfirmation(LedgerError):
    """The command stopped before writing: these warnings need the clerk's confirmation."""

    def __init__(self, cautions: Sequence[Caution], labels: Mapping[str, str] | None = None):
        self.cautions = list(cautions)
        self.labels = dict(labels or {})
        super().__init__(self.summary())

    def codes(self) -> frozenset[str]:
        return frozenset(caution.code for caution in self.cautions)

    def lines(self) -> list[str]:
        colon = translate("Errors", ": ")
        return [
            (f"{caution.row} " if caution.row else "")
            + f"{self.labels.get(caution.field, caution.field)}{colon}{caution.message}"
            for caution in self.cautions
        ]

    def summary(self) -> str:
        return translate("Errors", "; ").join(self.lines())
