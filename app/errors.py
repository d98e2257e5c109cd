"""The exceptions the domain layer raises; the UI and the CLI decide how to show them.

Every message is already in the user's language (see `app.i18n`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from app.i18n import translate


class LedgerError(Exception):
    """Base of every error a clerk may see; `str(error)` is the message to show."""


class ValidationError(LedgerError):
    """Input was refused; nothing was written.

    `errors` maps a field name (or a row label such as "row 7") to its messages, so a
    form can show each message beside its field; `labels` gives the readable name of
    each key for a one-line summary.
    """

    def __init__(
        self, errors: Mapping[str, Sequence[str]], labels: Mapping[str, str] | None = None
    ) -> None:
        self.errors: dict[str, list[str]] = {key: list(msgs) for key, msgs in errors.items()}
        self.labels: dict[str, str] = dict(labels or {})
        super().__init__(self.summary())

    def summary(self) -> str:
        separator = translate("Errors", "; ")
        colon = translate("Errors", ": ")
        return separator.join(
            f"{self.labels.get(key, key)}{colon}{message}"
            for key, messages in self.errors.items()
            for message in messages
        )


class NotFoundError(LedgerError):
    """The record does not exist (or was purged)."""


class InUseError(LedgerError):
    """A record cannot be deleted because other records still refer to it."""


class QuarterClosedError(LedgerError):
    """The change touches a quarter that has been closed after reporting."""


class DatabaseRefused(LedgerError):
    """The file is not one of ours, or was made by a newer version; it was not touched."""


class DatabaseCorrupt(LedgerError):
    """The integrity check failed; the UI offers to restore the newest good backup."""


class DatabaseInUse(LedgerError):
    """Another running Bangfu Ledger has this database open."""
