"""Messy workbooks as offices hand them in, built in the tests (and valid ID numbers)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from app.roster.id_numbers import id_check_char


def id_number(birth: str, serial: str = "123", region: str = "110105") -> str:
    """A valid 18-character ID number for a birth date "19800101" (check digit computed)."""
    first17 = region + birth + serial
    return first17 + id_check_char(first17)


def write_xlsx(
    path: Path,
    sheets: dict[str, Sequence[Sequence[Any]]],
    *,
    merges: dict[str, Sequence[str]] | None = None,
    text_columns: dict[str, Sequence[str]] | None = None,
) -> Path:
    """Sheets of rows (row 1 first); `merges` per sheet ("A1:F1"); `text_columns` are
    formatted "@" as a careful clerk does for ID numbers."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        ws = workbook.create_sheet(title)
        for row in rows:
            ws.append(list(row))
        for cells in (merges or {}).get(title, ()):
            top_left = ws[cells.split(":")[0]].value
            ws.merge_cells(cells)
            ws[cells.split(":")[0]] = top_left
        for column in (text_columns or {}).get(title, ()):
            for cell in ws[column]:
                cell.number_format = "@"
    workbook.save(path)
    return path
