"""The one source of "now" for the domain layer.

Timestamps, audit entries and backups all read the clock here, so the demo
database and the tests can freeze time and produce the same file twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

_frozen: datetime | None = None


def now() -> datetime:
    """Local wall-clock time without tzinfo (what a clerk reads in the audit log)."""
    return _frozen if _frozen is not None else datetime.now().replace(microsecond=0)


def today() -> date:
    return now().date()


@contextmanager
def frozen(moment: datetime) -> Iterator[None]:
    """Make `now()` return `moment` inside the block."""
    global _frozen
    previous, _frozen = _frozen, moment
    try:
        yield
    finally:
        _frozen = previous
