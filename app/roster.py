"""Read-only queries over the roster for lists and panels (plain data out)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Staff


def staff_count(session: Session) -> int:
    """Staff not in the recycle bin (the welcome panel shows when there are none)."""
    return (
        session.scalar(select(func.count()).select_from(Staff).where(Staff.deleted_at.is_(None)))
        or 0
    )
