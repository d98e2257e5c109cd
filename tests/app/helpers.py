"""Small look-ups the app tests share (records of the demo ledger by name)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import AuditEntry, Metric, ServiceType, Staff


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
