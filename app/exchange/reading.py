"""Reading the workbooks clerks have: .xlsx (openpyxl, read-only) and old .xls (xlrd).

Both come out the same way: per sheet, the rows as Excel numbers them (row 1 first,
blank rows kept, so every message can say 「第 7 行」 as the clerk sees it), with each
merged range's value copied into all its cells (a 受援单位 merged down ten people's
rows belongs to each of them; a title merged across the sheet stays one text). Dates
arrive as datetimes, whole numbers as ints. Which format a file is in is told by its
first bytes, not its name (a .xls renamed .xlsx still reads).

xlrd 2.x reads only the old binary .xls format, which is exactly what is needed here;
openpyxl reads everything newer.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import LedgerError
from app.i18n import translate

Merge = tuple[int, int, int, int]  # min_row, min_col, max_row, max_col (1-based, inclusive)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s+ref=\"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?\"")
_CHUNK = 1 << 20


class UnreadableWorkbook(LedgerError):
    """The file is not a workbook this app can read (or it is damaged or protected)."""


@dataclass
class SheetData:
    """One worksheet's cells; `rows[i]` is Excel's row i + 1, every row `width` long."""

    name: str
    rows: list[tuple[Any, ...]]
    merges: list[Merge] = field(default_factory=list)
    hidden: bool = False

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def value(self, row: int, column: int) -> Any:
        """The cell at Excel's `row` and `column` (1-based); None outside the data."""
        if 1 <= row <= len(self.rows):
            cells = self.rows[row - 1]
            if 1 <= column <= len(cells):
                return cells[column - 1]
        return None


@dataclass
class SourceBook:
    """A workbook read for import: where it came from, its checksum and its sheets."""

    path: Path
    sheets: list[SheetData]
    checksum: str

    @property
    def file_name(self) -> str:
        return self.path.name

    def sheet(self, name: str) -> SheetData:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise UnreadableWorkbook(
            translate("Import", "{file} has no sheet named {sheet}.").format(
                file=self.file_name, sheet=name
            )
        )


def read_workbook(path: Path | str) -> SourceBook:
    """Every sheet of an .xlsx or .xls file; UnreadableWorkbook when it cannot be read."""
    source = Path(path).expanduser()
    try:
        data = source.read_bytes()
    except OSError as error:
        raise UnreadableWorkbook(
            translate("Import", "{file} cannot be read: {reason}").format(
                file=source, reason=error.strerror or error
            )
        ) from error
    checksum = hashlib.sha256(data).hexdigest()
    try:
        if data.startswith(_OLE2):
            sheets = _read_xls(data)
        elif data.startswith(b"PK"):
            sheets = _read_xlsx(source)
        else:
            raise UnreadableWorkbook(_not_a_workbook(source))
    except UnreadableWorkbook:
        raise
    except Exception as error:  # a damaged, encrypted or foreign file: say so, never crash
        raise UnreadableWorkbook(
            translate(
                "Import", "{file} could not be read as a workbook ({reason}). Is it damaged?"
            ).format(file=source.name, reason=error)
        ) from error
    for sheet in sheets:
        _fill_merges(sheet)
    return SourceBook(source.resolve(), sheets, checksum)


def _not_a_workbook(source: Path) -> str:
    return translate(
        "Import",
        "{file} is not an Excel workbook (.xlsx or .xls). Open it in Excel or WPS and save "
        "it as an Excel workbook first.",
    ).format(file=source.name)


def _padded(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    width = max((len(row) for row in rows), default=0)
    while rows and not any(value not in (None, "") for value in rows[-1]):
        rows.pop()  # trailing formatted-but-empty rows
    return [row + (None,) * (width - len(row)) for row in rows]


# ----------------------------------------------------------------- .xlsx
def _read_xlsx(source: Path) -> list[SheetData]:
    from openpyxl import load_workbook

    workbook = load_workbook(source, read_only=True, data_only=True)
    try:
        sheets = []
        for ws in workbook.worksheets:
            ws.reset_dimensions()  # some programs write a wrong size; read what is there
            rows = [
                tuple(_xlsx_value(value) for value in row) for row in ws.iter_rows(values_only=True)
            ]
            merges = _xlsx_merges(workbook._archive, ws._worksheet_path)
            sheets.append(
                SheetData(
                    ws.title, _padded(rows), merges, getattr(ws, "sheet_state", "") != "visible"
                )
            )
        return sheets
    finally:
        workbook.close()


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _xlsx_merges(archive: zipfile.ZipFile, member: str) -> list[Merge]:
    """The merged ranges, read from the sheet's XML as a stream (read-only mode has none).

    They come after the cell data, so the whole part is scanned, a megabyte at a time.
    """
    from openpyxl.utils import column_index_from_string

    merges: list[Merge] = []
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            text = tail + chunk
            end = text.rfind(b"<")
            scan, tail = (text[:end], text[end:]) if end > 0 else (text, b"")
            for left, top, right, bottom in _MERGE.findall(scan):
                merges.append(
                    (
                        int(top),
                        column_index_from_string(left.decode()),
                        int(bottom or top),
                        column_index_from_string((right or left).decode()),
                    )
                )
    for left, top, right, bottom in _MERGE.findall(tail):
        merges.append(
            (
                int(top),
                column_index_from_string(left.decode()),
                int(bottom or top),
                column_index_from_string((right or left).decode()),
            )
        )
    return merges


# ----------------------------------------------------------------- .xls
def _read_xls(data: bytes) -> list[SheetData]:
    import xlrd

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    try:
        sheets = []
        for index in range(book.nsheets):
            ws = book.sheet_by_index(index)
            rows = [
                tuple(_xls_value(ws.cell(row, column), book.datemode) for column in range(ws.ncols))
                for row in range(ws.nrows)
            ]
            merges = [
                (top + 1, left + 1, bottom, right) for top, bottom, left, right in ws.merged_cells
            ]
            sheets.append(SheetData(ws.name, _padded(rows), merges, ws.visibility != 0))
        return sheets
    finally:
        book.release_resources()


def _xls_value(cell: Any, datemode: int) -> Any:
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return _xlsx_value(float(cell.value))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR")
    return cell.value


# ----------------------------------------------------------------- merges
def _fill_merges(sheet: SheetData) -> None:
    """Copy each merged range's value (its top-left cell) into every cell of the range."""
    if not sheet.merges:
        return
    rows = [list(row) for row in sheet.rows]
    for top, left, bottom, right in sheet.merges:
        if top > len(rows):
            continue
        value = rows[top - 1][left - 1] if left <= len(rows[top - 1]) else None
        for row in range(top, min(bottom, len(rows)) + 1):
            for column in range(left, min(right, len(rows[row - 1])) + 1):
                rows[row - 1][column - 1] = value
    sheet.rows = [tuple(row) for row in rows]
