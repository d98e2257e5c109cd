"""「记住密码」: a user's own password in the operating system's credential store.

Windows keeps it in the Credential Manager, macOS in the Keychain, Linux in the
Secret Service (via `keyring`); never in a settings file or the ledger. Only the
password of the user who ticked the box is stored, under this ledger's location, and
unticking (or a wrong stored password) removes it. Where no credential store works
(a locked-down PC), nothing is remembered and the clerk types the password.
"""

from __future__ import annotations

import logging

SERVICE = "Bangfu Ledger"
log = logging.getLogger(__name__)


def _key(location: str, name: str) -> str:
    return f"{location}\n{name}"


def recall(location: str, name: str) -> str | None:
    try:
        import keyring

        return keyring.get_password(SERVICE, _key(location, name))
    except Exception as error:  # no usable credential store: nothing remembered
        log.info("credential store unavailable: %s", error)
        return None


def remember(location: str, name: str, password: str) -> None:
    try:
        import keyring

        keyring.set_password(SERVICE, _key(location, name), password)
    except Exception as error:
        log.info("credential store unavailable: %s", error)


def forget(location: str, name: str) -> None:
    try:
        import keyring

        keyring.delete_password(SERVICE, _key(location, name))
    except Exception as error:  # not stored, or no store
        log.debug("nothing forgotten: %s", error)
