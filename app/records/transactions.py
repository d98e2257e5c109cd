"""One user action, one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session


@contextmanager
def transaction(session: Session) -> Iterator[None]:
    """Commit what the block did, or roll all of it back on any error."""
    try:
        yield
        session.commit()
    except BaseException:
        session.rollback()
        raise
