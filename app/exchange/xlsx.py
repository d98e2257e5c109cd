"""Writing Excel workbooks the way clerks expect them, for every export.

One writer for every workbook the app makes (lists, the import's error rows, the
quarterly summary): Chinese headers in bold on a frozen row with an auto-filter,
columns fitted to their text (a CJK character is two columns wide), A4 landscape
fitted to the page width with the header repeated and 「第 N 页 共 M 页」 in the footer.
Dates are real dates with an explicit yyyy-mm-dd format (built-in formats follow the
PC's locale); text is always a text cell formatted "@" (so an ID or phone number never
turns into a number, and "=…" typed by a clerk never into a formula); numbers stay
numbers. Rows stream through openpyxl's write-only mode, so a list of half a million
rows needs no more memory than one of ten; the file goes to a temporary name and is
renamed once whole. openpyxl loads only when used.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from itertools import chain, islice
from pathlib import Path
from tempfile import SpooledTemporaryFile
from typing import IO, Any

from app.db.files import atomic_target, check_zip
from app.errors import Cancelled
from app.i18n import translate
from app.numbers import native

MAX_WIDTH = 60
MEASURED_ROWS = 200  # column widths are fitted to the header and the first rows
PROGRESS_STEP = 1000
SPOOL_BYTES = 32 * 1024 * 1024  # workbooks up to this size are assembled in memory
SCREEN_DPI = 96  # what Excel means by a pixel at 100 % zoom
A4 = "9"  # the paper size code of the spreadsheet format
DATE_FORMAT, DATETIME_FORMAT, TEXT_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "@"
# Characters XML cannot carry (openpyxl refuses them); tab, LF and CR stay.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

Progress = Callable[[int, int], None]


@dataclass
class Sheet:
    """One worksheet: a tab name, a header row and data rows (any iterable, streamed).

    `notes` are lines above the table (the title row with the office and the date);
    `images` are PNG bytes placed below the table at their own dpi; `widths` are
    typical widths per column (Latin characters) used where the measured rows are
    narrower; `total` is the number of rows when known (progress counts up to it);
    `fills` colour single data cells: (row index in `rows`, column index) → "RRGGBB".
    """

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Any]]
    notes: Sequence[str] = ()
    number_formats: dict[int, str] = field(default_factory=dict)
    images: Sequence[bytes] = ()
    landscape: bool = True
    widths: Sequence[int] = ()
    total: int | None = None
    fills: dict[tuple[int, int], str] = field(default_factory=dict)


def cell_value(value: Any) -> Any:
    """What a cell stores: numbers as numbers, dates as dates, anything else as text."""
    if value is None or isinstance(value, bool | int | float | date | datetime):
        return value
    if isinstance(value, Decimal):
        return native(value)
    if isinstance(value, Enum) and hasattr(value, "label"):
        return value.label()
    return _ILLEGAL.sub("", str(value))


def display_width(value: Any) -> int:
    """Columns a value takes in Excel's default font (CJK characters count two)."""
    if isinstance(value, datetime):
        return 16
    text = value.isoformat() if isinstance(value, date) else str(value if value is not None else "")
    return max(
        (sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) for line in text.splitlines()), default=0
    )


def text_cell(ws: Any, value: str) -> Any:
    """A cell that holds `value` as text whatever it starts with (=, +, -, @, tab, CR)."""
    cell = _write_only_cell()(ws, value=value)
    cell.data_type = "s"  # openpyxl would read a leading "=" as a formula
    cell.number_format = TEXT_FORMAT
    return cell


@cache
def _write_only_cell() -> Any:
    from openpyxl.cell import WriteOnlyCell

    return WriteOnlyCell


class RowCells:
    """Typed cells for the rows of one sheet: text as text "@", dates with an explicit
    yyyy-mm-dd, numbers as numbers (with the column's format, if any). A hot loop: it
    runs for every cell of a half-million-row export."""

    def __init__(self, ws: Any, number_formats: Sequence[str | None]) -> None:
        self.ws, self.formats = ws, list(number_formats)
        self.make = _write_only_cell()

    def __call__(self, values: Sequence[Any]) -> list[Any]:
        ws, make = self.ws, self.make
        cells: list[Any] = []
        append = cells.append
        for value, number_format in zip(values, self.formats, strict=False):
            kind = type(value)
            if kind is str:
                if not value:
                    append(None)
                    continue
                if _ILLEGAL.search(value):
                    value = _ILLEGAL.sub("", value)
                cell = make(ws, value=value)
                cell.data_type = "s"
                cell.number_format = TEXT_FORMAT
            elif value is None:
                append(None)
                continue
            elif kind is int or kind is float or kind is bool:
                cell = make(ws, value=value)
                if number_format is not None:
                    cell.number_format = number_format
            elif kind is Decimal:
                cell = make(ws, value=native(value))
                if number_format is not None:
                    cell.number_format = number_format
            elif kind is date or kind is datetime:
                cell = make(ws, value=value)
                cell.number_format = number_format or (
                    DATETIME_FORMAT if kind is datetime else DATE_FORMAT
                )
            else:  # an enum, a subclass of a plain type, anything else: as cell_value says
                converted = cell_value(value)
                cell = make(ws, value=converted)
                if isinstance(converted, str):
                    cell.data_type, cell.number_format = "s", TEXT_FORMAT
                elif isinstance(converted, date):
                    cell.number_format = DATE_FORMAT
            append(cell)
        return cells


def write_workbook(
    path: Path | str,
    sheets: Iterable[Sheet],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write `sheets` to `path` atomically and return the final path.

    `progress(done, total)` hears every thousand rows; when `cancelled()` turns true
    the export stops with `Cancelled` and the target is left as it was.
    """
    from openpyxl import Workbook

    sheets = list(sheets)
    workbook = Workbook(write_only=True)
    total = sum(sheet.total or 0 for sheet in sheets)
    done = 0
    try:
        for sheet in sheets:
            done = _write_sheet(workbook, sheet, done, total, progress, cancelled)
    except BaseException:
        _discard(workbook)
        raise
    if progress is not None:
        progress(done, max(total, done))
    with atomic_target(path, check=check_zip) as partial:
        save_workbook(workbook, partial)
    return Path(path).expanduser().resolve()


def _write_sheet(
    workbook: Any,
    sheet: Sheet,
    done: int,
    total: int,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    ws = workbook.create_sheet(sheet_title(sheet.title))
    rows = iter(sheet.rows)
    first = list(islice(rows, MEASURED_ROWS))
    columns = len(sheet.headers)
    widths = [display_width(header) for header in sheet.headers]
    for column, hint in enumerate(sheet.widths[:columns]):
        widths[column] = max(widths[column], hint)
    for row in first:
        for column, value in enumerate(row[:columns]):
            widths[column] = max(widths[column], display_width(value))
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 2)
    header_row = len(sheet.notes) + (1 if sheet.notes else 0) + 1
    if sheet.headers:
        ws.freeze_panes = f"A{header_row + 1}"
    # The sheet's properties are written with its first row, the rest of the page
    # setup after its last.
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for line, note in enumerate(sheet.notes, start=1):
        cell = text_cell(ws, cell_value(note))
        cell.font = Font(bold=line == 1, size=14 if line == 1 else 11)
        ws.append([cell])
    if sheet.notes:
        ws.append([])
    bold, fill = Font(bold=True), PatternFill("solid", start_color="DDE7F0")
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    headers = []
    for header in sheet.headers:
        cell = text_cell(ws, cell_value(header))
        cell.font, cell.fill, cell.alignment = bold, fill, centred
        headers.append(cell)
    ws.append(headers)
    row_cells = RowCells(ws, [sheet.number_formats.get(column) for column in range(columns)])
    written = 0
    for row in chain(first, rows):
        cells = row_cells(row)
        if sheet.fills:
            _fill(cells, sheet.fills, written, PatternFill)
        ws.append(cells)
        written += 1
        if written % PROGRESS_STEP == 0:
            if cancelled is not None and cancelled():
                raise Cancelled(translate("Export", "Export cancelled; no file was written."))
            if progress is not None:
                progress(done + written, max(total, done + written))
    if sheet.headers:
        last = get_column_letter(columns)
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.auto_filter.ref = f"A{header_row}:{last}{header_row + written}"
    _print_setup(ws, sheet.landscape, PageMargins)
    anchor_row = header_row + written + 2
    for png in sheet.images:
        image = _image(png)
        ws.add_image(image, f"A{anchor_row}")
        anchor_row += int(image.height / 20) + 2
    return done + written


def _discard(workbook: Any) -> None:
    """Close the sheets' half-written streams (a cancel, a failure), so nothing is left
    open for the garbage collector to trip over."""
    for ws in workbook.worksheets:
        with suppress(Exception):
            ws.close()


def _fill(cells: list[Any], fills: dict[tuple[int, int], str], row: int, pattern: Any) -> None:
    for column, cell in enumerate(cells):
        colour = fills.get((row, column))
        if colour is not None and cell is not None:
            cell.fill = pattern("solid", start_color=colour)


def _print_setup(ws: Any, landscape: bool, margins: Any) -> None:
    """A4, fitted to the page width, page numbers in the footer."""
    ws.page_setup.paperSize = A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.page_margins = margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
    ws.oddFooter.center.text = translate("Export", "Page &P of &N")
    ws.oddFooter.center.size = 9


def save_workbook(workbook: Any, target: Path) -> None:
    """Write the workbook's zip to a spooled temporary file, then copy it to `target`.

    openpyxl leaves its zip file open when a write fails, and the zip's finaliser later
    prints a traceback; our own copy fails cleanly with an OSError instead.
    """
    with SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        workbook.save(spool)
        spool.seek(0)
        with open(target, "wb") as handle:
            copy_file(spool, handle)


def copy_file(source: IO[bytes], target: IO[bytes]) -> None:
    shutil.copyfileobj(source, target)


def sheet_title(title: str) -> str:
    """Excel tab names: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31] or "Sheet"


def _image(png: bytes) -> Any:
    """A PNG at the size it was drawn for (its own dpi), not one screen pixel per dot.

    A chart drawn at 200 dpi for print would otherwise cover twice its width and,
    with the sheet fitted to the page width, shrink the table beside it.
    """
    from io import BytesIO

    from openpyxl.drawing.image import Image
    from PIL import Image as PillowImage

    image = Image(BytesIO(png))
    dpi = PillowImage.open(BytesIO(png)).info.get("dpi", (SCREEN_DPI, SCREEN_DPI))[0]
    scale = SCREEN_DPI / dpi if dpi else 1
    image.width, image.height = round(image.width * scale), round(image.height * scale)
    return image
