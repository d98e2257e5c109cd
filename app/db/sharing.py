"""What a write tells the backend when several clerks share one ledger.

Sessions made by `Ledger.session()` carry their backend in `session.info`, so the
records layer can ask for the closed-quarter lock and announce a commit's changes
without knowing which kind of storage it writes to (SQLite does nothing for either;
PostgreSQL takes an advisory lock and sends a NOTIFY). A session made elsewhere (a
test's own) has no backend and skips both.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy.orm import Session

_HELD = "held_locks"  # session.info: (transaction, locks taken in it)


def hold(session: Session, lock: str, *, exclusive: bool = False) -> bool:
    """Take `lock` until the transaction ends; True when it was taken just now (what
    was read before it may be stale), False when already held or not needed."""
    backend = session.info.get("backend")
    if backend is None:
        return False
    transaction = session.get_transaction()
    held: tuple[object, set[tuple[str, bool]]] | None = session.info.get(_HELD)
    key = (lock, exclusive)
    if held is not None and held[0] is transaction and (key in held[1] or (lock, True) in held[1]):
        return False
    backend.hold(session.connection(), lock, exclusive=exclusive)
    if held is None or held[0] is not transaction:
        held = (transaction, set())
        session.info[_HELD] = held
    held[1].add(key)
    return True


def announce(session: Session, entities: Collection[str]) -> None:
    """Tell the other clerks, at commit, which kinds of record this transaction changed."""
    backend = session.info.get("backend")
    if backend is not None and entities:
        backend.announce(session.connection(), frozenset(entities))
