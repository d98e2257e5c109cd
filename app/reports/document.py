"""The printable quarterly summary: HTML for Qt's text engine plus the chart PNGs.

Built here without Qt so the command line, the tests and the GUI share it; `ui.printing`
only lays it out on A4. The HTML keeps to what QTextDocument understands: tables with
<thead> (Qt repeats those rows after a page break), align attributes, simple CSS, and
each chart alone in its paragraph (Qt never splits an image line, so no chart is cut),
after its table or, when the page would otherwise be left partly empty, above it.
Image sizes are CSS pixels at 96 per inch: Qt scales them to the printer's resolution.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from html import escape
from itertools import groupby
from typing import TYPE_CHECKING, Any

from app.i18n import translate
from app.reports.figures import QuarterlySummary
from app.reports.tables import (
    ReportColumn,
    ReportTable,
    ValueKind,
    format_cell,
    heading_line,
    period_line,
    report_title,
    summary_tables,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CSS_DPI = 96
CHART_DPI = 200
STYLE = """
body { font-size: 10.5pt; }
p.title { font-size: 16pt; font-weight: bold; margin-bottom: 4px; }
p.section { font-size: 12.5pt; font-weight: bold; margin-top: 16px; margin-bottom: 6px; }
p.field { font-size: 11pt; font-weight: bold; margin-top: 10px; margin-bottom: 4px; }
p.meta { color: #333333; margin: 0px; white-space: pre-wrap; }
table { border-collapse: collapse; border-color: #777777; }
th { background-color: #dde7f0; font-weight: bold; }
td, th { padding: 3px; }
p.sign { margin-top: 10px; margin-bottom: 6px; }
p.seal { margin-top: 28px; margin-bottom: 8px; }
"""


SIGN_OFF_BLOCKS = 4  # the summary ends with its sign-off: heading, names, date, seal


@dataclass(frozen=True)
class PrintableDocument:
    """What a renderer needs: the HTML and the images it names in <img src="KEY">.

    `keep_end` paragraphs at the end stay on one page (the summary's sign-off).
    `liftable` charts (image name → its paragraph) may be lifted by the renderer to the
    top of their section, where `chart_slot(name)` marks the place, when after their
    table they would be pushed onto the next page and leave this one partly empty.
    """

    title: str
    html: str
    images: Mapping[str, bytes]
    keep_end: int = 0
    liftable: Mapping[str, str] = field(default_factory=dict)

    def with_chart_lifted(self, name: str) -> PrintableDocument:
        """This document with chart `name` moved up to its slot (above its section's
        tables); unchanged when it has no such chart or slot."""
        paragraph, slot = self.liftable.get(name), chart_slot(name)
        if paragraph is None or slot not in self.html or paragraph not in self.html:
            return self
        html = self.html.replace(paragraph, "", 1).replace(slot, paragraph, 1)
        rest = {key: value for key, value in self.liftable.items() if key != name}
        return replace(self, html=html, liftable=rest)


def chart_slot(name: str) -> str:
    """Where a chart may be lifted to: an HTML comment, which Qt's parser skips."""
    return f"<!--chart-slot:{name}-->"


@dataclass(frozen=True)
class Chart:
    """A chart's PNG and its printed size (inches), placed after the table of `key`."""

    key: str
    png: bytes
    width: float
    height: float

    @property
    def name(self) -> str:
        return f"{self.key}.png"


def chart_images(figures: Mapping[str, Figure]) -> list[Chart]:
    """The summary's charts (`app.reports.charts.summary_figures`) drawn once as PNGs, for
    the printout and the workbook alike."""
    from app.reports.charts import figure_png

    charts = []
    for key, figure in figures.items():
        width, height = figure.get_size_inches()
        charts.append(Chart(key, figure_png(figure, dpi=CHART_DPI), float(width), float(height)))
    return charts


def summary_document(summary: QuarterlySummary, charts: Sequence[Chart]) -> PrintableDocument:
    """The printable summary of `summary.quarter`, each chart after the table it illustrates."""
    title = report_title(summary)
    by_key = {chart.key: chart for chart in charts}
    parts = [
        f'<p class="title" align="center">{escape(title)}</p>',
        f'<p class="meta" align="center">{escape(heading_line(summary))}</p>',
        f'<p class="meta" align="center">{escape(period_line(summary))}</p>',
    ]
    liftable: dict[str, str] = {}
    for table in summary_tables(summary):
        parts.append(f'<p class="section">{escape(table.title)}</p>')
        chart = by_key.get(table.key)
        if chart is not None:
            parts.append(chart_slot(chart.name))
        parts.append(_section_html(table))
        if chart is not None:
            liftable[chart.name] = _image_html(chart)
            parts.append(liftable[chart.name])
    parts.append(_sign_off_html(summary))
    html = (
        '<html><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body>{''.join(parts)}</body></html>"
    )
    return PrintableDocument(
        title=title,
        html=html,
        images={chart.name: chart.png for chart in charts},
        keep_end=SIGN_OFF_BLOCKS,
        liftable=liftable,
    )


def _sign_off_html(summary: QuarterlySummary) -> str:
    """The block the leaders sign under the figures: head of office, reviewer and clerk
    with their names from Settings (a line to sign on each), the date, and room on the
    right for the office seal (盖章)."""
    heading = summary.heading
    made_on = heading.made_on
    date_text = translate("Report", "{year}-{month:02d}-{day:02d}").format(
        year=made_on.year, month=made_on.month, day=made_on.day
    )
    people = (
        (translate("Report", "Head of office (单位负责人)"), heading.head),
        (translate("Report", "Reviewer (审核人)"), heading.reviewer),
        (translate("Report", "Prepared by (填报人)"), heading.clerk),
    )
    gap = "&nbsp;" * 10  # (Qt collapses ordinary and ideographic spaces)
    names = gap.join(f"{escape(label)}：{escape(name) or '＿' * 6}" for label, name in people)
    seal = escape(translate("Report", "(Office seal 盖章)"))
    title = escape(translate("Report", "Sign-off"))
    day = escape(translate("Report", "Date"))
    # Paragraphs, not a table: Qt lays a borderless table at the document's end onto
    # an extra, empty page.
    return (
        f'<p class="section">{title}</p>'
        f'<p class="sign">{names}</p>'
        f'<p class="sign">{day}：{escape(date_text)}</p>'
        f'<p class="seal" align="right">{seal}{gap}</p>'
    )


def _section_html(table: ReportTable) -> str:
    if not table.rows:
        return f"<p>{escape(translate('Report', 'None in this quarter.'))}</p>"
    if table.key != "outcomes":
        return _table_html(table.columns, table.rows)
    # One table per field, under the field's name: the field column goes into the heading.
    return "".join(
        f'<p class="field">{escape(field)}</p>'
        + _table_html(table.columns[1:], [row[1:] for row in rows])
        for field, rows in groupby(table.rows, key=lambda row: row[0])
    )


def _table_html(columns: Sequence[ReportColumn], rows: Sequence[Sequence[Any]]) -> str:
    return html_table(
        [column.header for column in columns],
        [column.weight for column in columns],
        [
            [format_cell(value, column.kind) for column, value in zip(columns, row, strict=True)]
            for row in rows
        ],
        right=[column.kind is not ValueKind.TEXT for column in columns],
    )


def html_table(
    headers: Sequence[str],
    weights: Sequence[float],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[bool],
    padding: int = 3,
) -> str:
    """A printed table, the one shape every printout uses: a header row Qt repeats on
    each page, each column its share of the width by `weights`, and the cells' text
    (already formatted) aligned right where `right` says (numbers), else left."""
    total = sum(weights) or 1
    head = "".join(
        f'<th align="center" width="{round(100 * weight / total)}%">{escape(header)}</th>'
        for header, weight in zip(headers, weights, strict=True)
    )
    aligns = ["right" if flag else "left" for flag in right]
    body = "".join(
        "<tr>"
        + "".join(
            f'<td align="{align}">{escape(text)}</td>'
            for align, text in zip(aligns, row, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="{padding}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _image_html(chart: Chart) -> str:
    width, height = round(chart.width * CSS_DPI), round(chart.height * CSS_DPI)
    return (
        f'<p align="center"><img src="{escape(chart.name)}" width="{width}" height="{height}"></p>'
    )
