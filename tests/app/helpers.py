"""Small look-ups the app tests share (records of the demo ledger by name)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry, Metric, ServiceType, Staff
from app.records.settings import clerk_actor
from app.records.work import Actor, unit_of_work

T = TypeVar("T")


def staff_id(session: Session, name: str) -> int:
    return session.scalars(select(Staff.id).where(Staff.name == name)).one()


def service_id(session: Session, name: str) -> int:
    return session.scalars(select(ServiceType.id).where(ServiceType.name == name)).one()


def metric_id(session: Session, name: str) -> int:
    return session.scalars(select(Metric.id).where(Metric.name == name)).one()


def last_entry(session: Session, **where: Any) -> AuditEntry:
    query = select(AuditEntry).order_by(AuditEntry.id.desc())
    for key, value in where.items():
        query = query.where(getattr(AuditEntry, key) == value)
    return session.scalars(query).first()  # type: ignore[return-value]


def run(
    session: Session,
    command: Callable[..., T],
    *args: Any,
    actor: Actor | None = None,
    confirmed: Collection[str] = (),
    **kwargs: Any,
) -> T:
    """Perform one command in its own transaction on `session`, as the GUI's write runner
    does, acting as the clerk named in Settings unless `actor` is given."""
    with unit_of_work(session, actor or clerk_actor(session), confirmed=confirmed) as work:
        return command(work, *args, **kwargs)
