"""Writing Excel workbooks the way clerks expect them, for every export.

Chinese headers in bold on a frozen first row, columns fitted to their text, A4
printing fitted to the page width, typed text never turned into a formula, and the
file written under a temporary name then renamed. openpyxl loads only when used.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from tempfile import SpooledTemporaryFile
from typing import IO, Any

from app.db.files import atomic_target, check_zip
from app.numbers import native

MAX_WIDTH = 60
SPOOL_BYTES = 32 * 1024 * 1024  # workbooks up to this size are assembled in memory
SCREEN_DPI = 96  # what Excel means by a pixel at 100 % zoom


@dataclass
class Sheet:
    """One worksheet: a title (the tab name), a header row and data rows.

    `notes` are lines printed above the table (e.g. the report's title and period);
    `images` are PNG bytes placed below the table, one after another, at their own dpi;
    `fills` colour single data cells: (row index in `rows`, column index) → "RRGGBB".
    """

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    notes: Sequence[str] = ()
    number_formats: dict[int, str] = field(default_factory=dict)
    images: Sequence[bytes] = ()
    landscape: bool = False
    fills: dict[tuple[int, int], str] = field(default_factory=dict)


def cell_value(value: Any) -> Any:
    """What openpyxl should store: numbers as numbers, dates as dates, enums as text."""
    if value is None or isinstance(value, bool | int | float | date | datetime):
        return value
    if isinstance(value, Decimal):
        return native(value)
    return str(value)


def _display_width(value: Any) -> int:
    text = value.isoformat() if isinstance(value, date) else str(value if value is not None else "")
    # CJK characters take two columns in Excel's default font.
    return max(
        (sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) for line in text.splitlines()), default=0
    )


def write_workbook(path: Path | str, sheets: Sequence[Sheet]) -> Path:
    """Write `sheets` to `path` atomically and return the final path."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    header_fill = PatternFill("solid", start_color="DDE7F0")
    for sheet in sheets:
        ws = workbook.create_sheet(_sheet_title(sheet.title))
        for line_no, note in enumerate(sheet.notes, start=1):
            _put(ws.cell(row=line_no, column=1), note).font = Font(bold=line_no == 1)
        header_row = len(sheet.notes) + (1 if sheet.notes else 0) + 1
        widths = [_display_width(header) for header in sheet.headers]
        for column, header in enumerate(sheet.headers, start=1):
            cell = _put(ws.cell(row=header_row, column=column), header)
            cell.font, cell.fill = bold, header_fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row_offset, row in enumerate(sheet.rows, start=1):
            for column, value in enumerate(row, start=1):
                cell = _put(ws.cell(row=header_row + row_offset, column=column), cell_value(value))
                if column - 1 in sheet.number_formats:
                    cell.number_format = sheet.number_formats[column - 1]
                elif isinstance(cell.value, datetime):  # before date: a datetime is a date
                    cell.number_format = "yyyy-mm-dd hh:mm"
                elif isinstance(cell.value, date):
                    cell.number_format = "yyyy-mm-dd"
                if (fill := sheet.fills.get((row_offset - 1, column - 1))) is not None:
                    cell.fill = PatternFill("solid", start_color=fill)
                widths[column - 1] = max(widths[column - 1], _display_width(value))
        for column, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 2)
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
        if sheet.headers:
            last = get_column_letter(len(sheet.headers))
            ws.print_title_rows = f"{header_row}:{header_row}"
            ws.auto_filter.ref = f"A{header_row}:{last}{header_row + len(sheet.rows)}"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6)
        anchor_row = header_row + len(sheet.rows) + 2
        for png in sheet.images:
            image = _image(png)
            ws.add_image(image, f"A{anchor_row}")
            anchor_row += int(image.height / 20) + 2
    with atomic_target(path, check=check_zip) as partial:
        save_workbook(workbook, partial)
    return Path(path).expanduser().resolve()


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


def _put(cell: Any, value: Any) -> Any:
    """Set a cell; text is always stored as text, so "=…" typed by a clerk stays text."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _sheet_title(title: str) -> str:
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
