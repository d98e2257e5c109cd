"""A quarter's summary with everything drawn from it, prepared in one background step.

The Reports page, the Dashboard and the command line all need the same things: the
summary, the quarters before it (for the trend), the three charts and whether Chinese
can be shown in them; the printout and the workbook add the charts as PNGs and the
printable document. Preparing them here, once, keeps the screens and the command line
showing the same figures and drawing each chart once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from app.periods import Quarter
from app.reports.figures import QuarterlySummary
from app.reports.summary import recent_summaries

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from app.reports.document import Chart, PrintableDocument

TREND_QUARTERS = 8


@dataclass(frozen=True)
class PreparedSummary:
    summary: QuarterlySummary
    recent: list[QuarterlySummary]  # oldest first, ending with `summary`
    # the charts, keyed by the table each illustrates (empty when printable: the PNGs
    # are what the printout and the workbook use, and drawn figures weigh megabytes)
    figures: dict[str, Figure]
    font_message: str | None  # no CJK font: what to tell the clerk
    charts: list[Chart]  # the figures as PNGs (empty unless printable)
    document: PrintableDocument | None  # the printout (None unless printable)

    @property
    def quarter(self) -> Quarter:
        return self.summary.quarter


def prepare_summary(
    session: Session,
    quarter: Quarter,
    *,
    printable: bool,
    progress: Callable[[int, int], None] | None = None,
) -> PreparedSummary:
    """The summary of `quarter` and its charts; with `printable`, also the PNGs and the
    printable document (what printing, PDF and Excel need). matplotlib loads here, on
    first use, never at start-up. `progress(done, total)` is called between the steps
    (a caller that is closing stops the work by raising from it)."""
    step = progress or (lambda done, total: None)
    steps = 4 if printable else 3
    # Between the trend's sections too: a quit waits for one section at most.
    recent = recent_summaries(
        session, quarter, TREND_QUARTERS, progress=lambda done, total: step(0, steps)
    )
    summary = recent[-1]
    step(1, steps)
    from app.reports.charts import missing_font_message, summary_figures

    step(2, steps)
    figures = summary_figures(summary, recent)
    step(3, steps)
    charts: list[Chart] = []
    document = None
    if printable:
        from app.reports.document import chart_images, summary_document

        charts = chart_images(figures)
        document = summary_document(summary, charts)
        figures = {}  # let go: the Reports page keeps its preparation while it is shown
        step(4, steps)
    return PreparedSummary(summary, recent, figures, missing_font_message(), charts, document)
