"""Any list to an Excel workbook exactly as shown: same columns, filters and order."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.db.listing import Listing, ListQuery
from app.exchange.xlsx import Sheet, write_workbook


def export_listing(
    session: Session, *, listing: Listing, query: ListQuery, path: Path, title: str
) -> Path:
    """Write the rows `listing` shows for `query` to `path` (one sheet named `title`)."""
    headers, rows = listing.table(session, query)
    return write_workbook(path, [Sheet(title, headers, rows)])
