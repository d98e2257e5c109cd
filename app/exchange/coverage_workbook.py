"""The coverage matrix as an Excel workbook: the same cells as on screen and on paper.

One sheet, A4 landscape: a title line, the legend (symbol, word and meaning), then
one row per person — name, field, team, a cell per service (the symbol and the date
or status word of `app.services.matrix.cell_text`, on the same light colour), the
person's percent — and a last row with each service's covered / eligible and percent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.db.base import label_of
from app.db.models import Staff
from app.exchange.xlsx import Sheet, write_workbook
from app.i18n import translate
from app.services.matrix import (
    COLOURS,
    CoverageMatrix,
    cell_text,
    column_heading,
    figures_text,
    legend,
    percent_text,
)

_LEADING = 3  # name, field, team


def matrix_title(matrix: CoverageMatrix) -> str:
    return translate("Matrix", "Service coverage {quarter} (as of {day})").format(
        quarter=matrix.quarter, day=matrix.as_of.isoformat()
    )


def legend_lines() -> list[str]:
    return [
        translate("Matrix", "{symbol} {word}: {meaning}").format(
            symbol=symbol, word=status.label(), meaning=meaning
        )
        for status, symbol, meaning in legend()
    ]


def matrix_sheet(matrix: CoverageMatrix) -> Sheet:
    headers = [
        label_of(Staff, "name"),
        label_of(Staff, "field"),
        label_of(Staff, "team_id"),
        *(column_heading(column) for column in matrix.columns),
        translate("Matrix", "Done"),
    ]
    rows: list[list[Any]] = []
    fills: dict[tuple[int, int], str] = {}
    for index, row in enumerate(matrix.rows):
        rows.append(
            [
                row.name,
                row.field.label(),
                row.team,
                *(cell_text(cell) for cell in row.cells),
                percent_text(row.rate),
            ]
        )
        for column, cell in enumerate(row.cells, start=_LEADING):
            fills[(index, column)] = COLOURS[cell.status]
    rows.append(
        [
            translate("Matrix", "Coverage"),
            "",
            "",
            *(figures_text(column) for column in matrix.columns),
            "",
        ]
    )
    return Sheet(
        title=translate("Matrix", "Coverage {quarter}").format(quarter=matrix.quarter),
        headers=headers,
        rows=rows,
        notes=[matrix_title(matrix), *legend_lines()],
        landscape=True,
        fills=fills,
        total=len(rows),
    )


def write_coverage_workbook(path: Path | str, matrix: CoverageMatrix) -> Path:
    """Write the matrix to `path` (atomically, as every export); the final path."""
    return write_workbook(path, [matrix_sheet(matrix)])
