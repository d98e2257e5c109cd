"""Any list on paper, as the clerk sees it: the same rows, order and columns as on screen.

A printed list is read from the page's own `Listing` and `ListQuery` (search, filters,
sort) in the columns the view shows, in their order, every matching row — not only the
rows a windowed view has loaded. It becomes a `PrintableDocument` for `ui.printing`
(A4 landscape there): a title naming the office and the list, a line naming the
filters, the day it was printed, and one table whose header row Qt repeats on every
page. Nothing here knows Qt, so the command line or a test can build the same paper.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from sqlalchemy.orm import Session

from app import clock
from app.db.listing import Listing, ListQuery, cell_text
from app.exchange.list_export import header_text
from app.i18n import translate
from app.records.settings import get_setting
from app.reports.document import PrintableDocument, html_table

DEFAULT_WIDTH = 10  # a column of any width counts as this many Latin characters
# Beyond this a printout is a stack of paper, and Qt's table layout (a few seconds per
# thousand rows, on the GUI thread while the preview paints) keeps the clerk waiting:
# the clerk is asked to narrow the list or export it instead.
MAX_PRINTED_ROWS = 1000

STYLE = """
body { font-size: 9pt; }
p.title { font-size: 14pt; font-weight: bold; margin-bottom: 4px; }
p.meta { color: #333333; margin: 0px; }
table { border-collapse: collapse; border-color: #777777; margin-top: 6px; }
th { background-color: #dde7f0; font-weight: bold; }
td, th { padding: 2px; }
"""


@dataclass(frozen=True)
class ListFilter:
    """One filter the clerk set, worded as on screen: 「状态」 and 「在岗」; a filter
    without a name (a ticked 「只看亮点」) is its value alone."""

    label: str
    value: str


@dataclass(frozen=True)
class PrintableList:
    """A list read for paper: its name, the office, what it was filtered by, the day,
    the headers (with units) and every row as text, in the order shown."""

    title: str
    office: str
    filters: tuple[ListFilter, ...]
    search: str
    printed_on: date
    headers: tuple[str, ...]
    numeric: tuple[bool, ...]
    widths: tuple[int, ...]
    rows: tuple[tuple[str, ...], ...]
    total: int  # how many rows match (more than `rows` when the list was too long)


class TooLongToPrint(ValueError):
    """More rows match than a printout should hold; the message says what to do."""


def read_printable_list(
    session: Session,
    listing: Listing,
    query: ListQuery,
    title: str,
    *,
    columns: Sequence[str] | None = None,
    widths: Sequence[int] | None = None,
    filters: Sequence[ListFilter] = (),
    limit: int = MAX_PRINTED_ROWS,
) -> PrintableList:
    """Every row `listing` shows for `query` in `columns` (keys, in the order shown;
    None: every column), as text; TooLongToPrint when more than `limit` rows match.
    `widths` share the paper among the columns (the screen's, in any unit); by
    default each column's typical width."""
    available = {column.key: column for column in listing.columns()}
    keys = list(available) if columns is None else [key for key in columns if key in available]
    chosen = [available[key] for key in keys]
    if query.sort_key is None and listing.default_sort is not None:
        query = ListQuery(query.search, query.filters, listing.default_sort, query.descending)
    total = listing.count(session, query)
    if total > limit:
        raise TooLongToPrint(
            translate(
                "ListPrint",
                "The list has {rows} rows, more than {limit} can be printed at once. "
                "Narrow it with the search or the filters, or export it to Excel (Ctrl+E).",
            ).format(rows=total, limit=limit)
        )
    rows = tuple(
        tuple(cell_text(value) for value in row) for row in listing.stream(session, query, chosen)
    )
    return PrintableList(
        title=title,
        office=get_setting(session, "office_name"),
        filters=tuple(filters),
        search=query.search.strip(),
        printed_on=clock.today(),
        headers=tuple(header_text(column) for column in chosen),
        numeric=tuple(column.numeric for column in chosen),
        widths=tuple(widths)
        if widths is not None and len(widths) == len(chosen)
        else tuple(column.width or DEFAULT_WIDTH for column in chosen),
        rows=rows,
        total=total,
    )


def filter_line(filters: Sequence[ListFilter], search: str = "") -> str:
    """「筛选：状态＝在岗；受援单位＝…；搜索“王”」, or 「筛选：全部」 when nothing narrows it."""
    parts = [
        translate("ListPrint", "{label} = {value}").format(label=item.label, value=item.value)
        if item.label
        else item.value
        for item in filters
    ]
    if search:
        parts.append(translate("ListPrint", "search “{text}”").format(text=search))
    shown = translate("ListPrint", "; ").join(parts) if parts else translate("ListPrint", "all")
    return translate("ListPrint", "Filters: {filters}").format(filters=shown)


def list_title(printed: PrintableList) -> str:
    """「扎赉特旗委组织部人才工作科　帮扶人才花名册」: the office, then the list."""
    return "\u3000".join(part for part in (printed.office, printed.title) if part)


def list_document(printed: PrintableList) -> PrintableDocument:
    """The list as one table under its title, filter line and date (and row count)."""
    title = list_title(printed)
    meta = translate("ListPrint", "Printed {date} · {rows} rows").format(
        date=printed.printed_on.isoformat(), rows=printed.total
    )
    table = html_table(
        printed.headers, printed.widths, printed.rows, right=printed.numeric, padding=2
    )
    none = translate("ListPrint", "No rows match.")
    empty = "" if printed.rows else f'<p class="meta">{escape(none)}</p>'
    html = (
        f'<html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body>"
        f'<p class="title" align="center">{escape(title)}</p>'
        f'<p class="meta">{escape(filter_line(printed.filters, printed.search))}</p>'
        f'<p class="meta">{escape(meta)}</p>'
        f"{table}{empty}</body></html>"
    )
    return PrintableDocument(title=title, html=html, images={})
