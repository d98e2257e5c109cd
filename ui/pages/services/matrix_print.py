"""The coverage matrix on paper: A4 landscape, the legend, the header row on every page.

The document is HTML for `ui.printing` (the summary's machinery: page numbers
「第 N 页 共 M 页」, Qt repeating <thead> after each page break). Ten services, the
name, the team and the percent fit the width of a landscape page, so every page
holds whole rows and the name column is on each of them. Cells carry the same symbol
and date or word as on screen, on the same light colours, so a black-and-white copy
reads the same.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from app.db.base import label_of
from app.db.models import Staff
from app.exchange.coverage_workbook import legend_lines, matrix_title
from app.reports.document import PrintableDocument
from app.services.matrix import (
    COLOURS,
    CoverageMatrix,
    cell_text,
    column_heading,
    figures_text,
    percent_text,
)

translate = QCoreApplication.translate

STYLE = """
body { font-size: 9pt; }
p.title { font-size: 14pt; font-weight: bold; margin-bottom: 4px; }
p.legend { margin: 0px; }
table { border-collapse: collapse; border-color: #777777; }
th { background-color: #dde7f0; font-weight: bold; }
td, th { padding: 2px; }
"""


def matrix_document(matrix: CoverageMatrix, filters: str = "") -> PrintableDocument:
    """The printable matrix; `filters` says which field or team it shows, if any."""
    title = matrix_title(matrix)
    heads = [
        label_of(Staff, "name"),
        label_of(Staff, "team_id"),
        *(column_heading(column) for column in matrix.columns),
        translate("MatrixPrint", "Done"),
    ]
    parts = [
        f"<html><head><style>{STYLE}</style></head><body>",
        f'<p class="title">{escape(title)}</p>',
    ]
    if filters:
        parts.append(f'<p class="legend">{escape(filters)}</p>')
    legend_title = translate("MatrixPrint", "Legend")
    parts.append(
        f'<p class="legend"><b>{escape(legend_title)}</b></p>'
        + "".join(f'<p class="legend">{escape(line)}</p>' for line in legend_lines())
    )
    parts.append('<table border="1" cellspacing="0" width="100%"><thead><tr>')
    parts += [f"<th>{escape(head)}</th>" for head in heads]
    parts.append("</tr></thead><tbody>")
    for row in matrix.rows:
        parts.append(f"<tr><td>{escape(row.name)}</td><td>{escape(row.team)}</td>")
        parts += [
            f'<td align="center" bgcolor="#{COLOURS[cell.status]}">{escape(cell_text(cell))}</td>'
            for cell in row.cells
        ]
        parts.append(f'<td align="center">{percent_text(row.rate)}</td></tr>')
    coverage = translate("MatrixPrint", "Coverage")
    parts.append(f"<tr><td><b>{escape(coverage)}</b></td><td></td>")
    parts += [
        f'<td align="center"><b>{escape(figures_text(column))}</b></td>'
        for column in matrix.columns
    ]
    parts.append("<td></td></tr></tbody></table></body></html>")
    return PrintableDocument(title=title, html="".join(parts), images={})
