"""Lists to Excel exactly as shown: the same columns, filters and order, and the
ledgers by name for the command line (`export --what staff|…|all`).

Each list becomes one sheet under a title row naming the office, the list and the
day; the header carries a number column's unit (「数值（例）」). ID numbers are
masked as on screen unless the clerk asks for them in full, and such an export is a
command: it is written to the audit log (who, when, which file, how many rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from app import clock
from app.db.listing import ListColumn, Listing, ListQuery
from app.exchange.coverage_workbook import matrix_sheet
from app.exchange.xlsx import Progress, Sheet, write_workbook
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.outcomes.lists import MentorshipList, OutcomeList
from app.periods import Quarter
from app.records.permissions import Permission, require
from app.records.settings import get_setting
from app.records.work import Work
from app.roster.lists import StaffList
from app.services.lists import ProvisionList
from app.services.matrix import coverage_matrix


@dataclass(frozen=True)
class ListExport:
    """One list to export: what it lists, as the clerk sees it (query, columns)."""

    listing: Listing
    title: str
    query: ListQuery = field(default_factory=ListQuery)
    columns: Sequence[str] | None = None  # keys in the order shown; None: every column


@dataclass(frozen=True)
class Exported:
    path: Path
    rows: tuple[int, ...]  # per list, in order

    @property
    def total(self) -> int:
        return sum(self.rows)


def title_line(session: Session, title: str) -> str:
    """「扎赉特旗委组织部　帮扶人才　2025-01-06」: the office, the list, the day."""
    office = get_setting(session, "office_name")
    parts = (
        [office, title, clock.today().isoformat()] if office else [title, clock.today().isoformat()]
    )
    return "\u3000".join(parts)


def header_text(column: ListColumn) -> str:
    label = column.label()
    return (
        translate("Export", "{label} ({unit})").format(label=label, unit=column.unit)
        if column.unit
        else label
    )


def list_sheet(session: Session, part: ListExport, *, full: bool = False) -> Sheet:
    """The sheet of one list; its rows are read as they are written."""
    listing = part.listing
    available = {column.key: column for column in listing.columns()}
    keys = part.columns if part.columns is not None else list(available)
    columns = [available[key] for key in keys if key in available]
    query = (
        part.query
        if part.query.sort_key
        else ListQuery(
            part.query.search, part.query.filters, listing.default_sort, part.query.descending
        )
    )
    return Sheet(
        part.title,
        [header_text(column) for column in columns],
        listing.stream(session, query, columns, full=full),
        notes=[title_line(session, part.title)],
        widths=[column.width for column in columns],
        total=listing.count(session, query),
    )


def export_lists(
    session: Session,
    path: Path | str,
    parts: Sequence[ListExport],
    *,
    full: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    more: Sequence[Sheet] = (),
) -> Exported:
    """Write one sheet per list, then the `more` sheets, to `path` (atomically); the
    file and the rows written per sheet."""
    sheets = [*(list_sheet(session, part, full=full) for part in parts), *more]
    saved = write_workbook(path, sheets, progress=progress, cancelled=cancelled)
    return Exported(saved, tuple(sheet.total or 0 for sheet in sheets))


def export_lists_in_full(
    work: Work, path: Path | str, parts: Sequence[ListExport], more: Sequence[Sheet] = ()
) -> Exported:
    """The command for an export with ID numbers in full (an administrator's): written,
    then audited (each list; the `more` sheets hold no ID numbers)."""
    require(work.actor, Permission.EXPORT_IDS)
    exported = export_lists(
        work.session,
        path,
        parts,
        full=True,
        progress=work.progress,
        cancelled=_stop(work),
        more=more,
    )
    for part, rows in zip(parts, exported.rows[: len(parts)], strict=True):
        work.audit(
            action="export-full-id",
            entity=str(part.listing.model.__tablename__),
            entity_id=None,
            after={
                "file": str(exported.path),
                "rows": rows,
                "sheet": part.title,
            },
        )
    return exported


def _stop(work: Work) -> Callable[[], bool]:
    def cancelled() -> bool:
        work.check_cancelled()  # raises Cancelled once the clerk pressed Cancel
        return False

    return cancelled


# ----------------------------------------------------------------- by name (CLI)
# The lists `export --what` names, as their pages export them by default (every
# column in the listing's order; the roster's hidden columns too, so a roster moves
# back in whole), and the filter `--quarter` puts on them (None: not dated).
PARTS: dict[str, tuple[Callable[[], Listing], str, str | None]] = {
    "staff": (StaffList, QT_TRANSLATE_NOOP("Export", "Staff"), None),
    "services": (ProvisionList, QT_TRANSLATE_NOOP("Export", "Service records"), "quarter"),
    "outcomes": (OutcomeList, QT_TRANSLATE_NOOP("Export", "Outcomes"), "quarter"),
    "mentorships": (MentorshipList, QT_TRANSLATE_NOOP("Export", "Mentorships"), "quarter"),
}
COVERAGE = "coverage"
WHAT = (*PARTS, COVERAGE, "all")


def parts_named(what: str, quarter: Quarter | None = None) -> list[ListExport]:
    """The lists `export --what` names ("all": every one; "coverage": none), the dated
    ones kept to `quarter` when one is given."""
    keys = list(PARTS) if what == "all" else [what] if what in PARTS else []
    parts = []
    for key in keys:
        listing, title, quarter_filter = PARTS[key]
        filters = {quarter_filter: str(quarter)} if quarter and quarter_filter else {}
        parts.append(ListExport(listing(), translate("Export", title), ListQuery(filters=filters)))
    return parts


def sheets_named(session: Session, what: str, quarter: Quarter | None) -> list[Sheet]:
    """The sheets besides the lists: the coverage matrix of `quarter` (for "coverage",
    and for "all" when a quarter is given), the very sheet the Services page writes."""
    if quarter is None or what not in (COVERAGE, "all"):
        return []
    return [matrix_sheet(coverage_matrix(session, quarter))]
