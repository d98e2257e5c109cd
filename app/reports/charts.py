"""The quarterly summary's charts as matplotlib `Figure`s: no pyplot, no Qt.

Figures are built on their own (never through pyplot's global state), so the report
thread, the dashboard and the tests cannot disturb each other. Chinese text needs a
CJK font found on this computer; every text of a figure is given that family, and
tick labels are formatted here, so the global rcParams (`axes.unicode_minus`, the
default family) never matter. matplotlib is imported only when a chart is built.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from io import BytesIO
from typing import TYPE_CHECKING, Any

from app.db.vocabulary import Aggregation, Field, ServiceRule
from app.i18n import translate
from app.reports.figures import QuarterlySummary

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Windows, then macOS, then Linux families; the first one installed wins.
CJK_FAMILIES = (
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)
WIDTH_INCHES = 7.0  # the A4 text width (180 mm) less a little, so charts print at 1:1
TREND_LINES = 4  # lines per field panel; more would be unreadable at this size
OWN_SCALE_RATIO = 20  # a line peaking this many times above the others gets its own scale
COLOURS = ("#1f5f99", "#d9822b", "#3a8f5c", "#b03a48")
BAR_COLOUR, MUTED = "#1f5f99", "#8a8a8a"


# Where the CJK fonts of Windows, macOS and Debian/Ubuntu live, registered by file so a
# font cache (MPLCONFIGDIR) built before the font was installed still finds them.
CJK_FILES = (
    r"C:\Windows\Fonts\msyh.ttc",
    r"C:\Windows\Fonts\simhei.ttf",
    r"C:\Windows\Fonts\simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The first installed family of CJK_FAMILIES, or None (looked up once, no network).

    matplotlib knows the fonts of its cache; the system's CJK font files are added to it
    first, so a cache built before the font came (or on another machine) still works.
    The "Glyph … missing" warnings of a font without Chinese are silenced for good: the
    clerk gets `missing_font_message` once instead."""
    import warnings

    from matplotlib import font_manager

    warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    if not any(family in installed for family in CJK_FAMILIES):
        for path in _cjk_files():
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue  # an unreadable file: try the next one
        installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in installed), None)


def _cjk_files() -> list[str]:
    """The known CJK font files that exist here, then what fontconfig lists for Chinese."""
    import os
    import shutil
    import subprocess

    found = [path for path in CJK_FILES if os.path.isfile(path)]
    if shutil.which("fc-list"):
        try:
            listed = subprocess.run(
                ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10
            ).stdout
        except (OSError, subprocess.SubprocessError):
            listed = ""
        found += [line.split(":")[0].strip() for line in listed.splitlines() if line.strip()]
    return list(dict.fromkeys(found))


def missing_font_message() -> str | None:
    """What to tell the clerk, once, when charts cannot show Chinese; None when they can."""
    if cjk_font() is not None:
        return None
    return translate(
        "Charts",
        "No Chinese font was found on this computer, so Chinese text in the charts cannot "
        "be shown. Install one of: {families}.",
    ).format(families=", ".join(CJK_FAMILIES))


def trend_figure(summaries: Sequence[QuarterlySummary]) -> Figure:
    """Sum metrics quarter by quarter, one panel per field that has figures.

    Each panel draws the field's metrics with the largest cumulative totals (at most
    TREND_LINES), so one chart shows the direction of the work without a tangle of lines.
    """
    labels = [summary.quarter.short_label() for summary in summaries]
    panels = _trend_panels(summaries)
    columns = 1 if len(panels) <= 1 else 2
    rows = max(1, (len(panels) + 1) // 2)
    figure = _figure(WIDTH_INCHES, 0.5 + 3.0 * rows)
    figure.suptitle(
        translate("Charts", "Outcomes over the last {count} quarters").format(count=len(labels)),
        fontsize=12,
    )
    if not panels:
        _no_data(figure.add_subplot(1, 1, 1))
    for index, (field, lines) in enumerate(panels.items(), start=1):
        axes = figure.add_subplot(rows, columns, index)
        large = _own_scale(lines)
        right = axes.twinx() if large else None
        handles = []
        for (name, values), colour in zip(lines.items(), COLOURS, strict=False):
            target = right if right is not None and name in large else axes
            shown = [value if value is not None else float("nan") for value in values]
            label = name + (translate("Charts", " (right scale)") if target is right else "")
            (line,) = target.plot(
                range(len(labels)), shown, marker="o", markersize=3, color=colour, label=label
            )
            handles.append(line)
        axes.set_title(field.label(), fontsize=10)
        axes.set_xticks(range(len(labels)), labels)
        axes.tick_params(axis="x", labelsize=7)
        for each in (axes, right):
            if each is not None:
                each.set_ylim(bottom=0)
                each.tick_params(axis="y", labelsize=8)
        axes.grid(axis="y", alpha=0.3)
        axes.legend(
            handles=handles,
            fontsize=8,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.12),
            ncol=2,
            frameon=False,
        )
    return _finish(figure)


def _trend_panels(
    summaries: Sequence[QuarterlySummary],
) -> dict[Field, dict[str, list[float | None]]]:
    """Per field, the metrics with the largest totals over the quarters shown, with their
    values per quarter: 0 for a quarter without a figure once the metric has begun, None
    (no point, no line rising from zero) for the quarters before its first figure. A
    field with nothing in those quarters has no panel, so a quiet period reads "no
    data" rather than flat zeros."""
    if not summaries:
        return {}
    keys = [
        (line.field, line.metric)
        for line in summaries[-1].outcomes
        if line.aggregation is Aggregation.SUM
    ]
    series = {key: _from_first(summaries, *key) for key in keys}
    panels: dict[Field, dict[str, list[float | None]]] = {}
    for field in Field:
        chosen = sorted(
            (key for key in keys if key[0] is field and _total(series[key]) > 0),
            key=lambda key: -_total(series[key]),
        )[:TREND_LINES]
        if chosen:
            panels[field] = {metric: series[(field, metric)] for _, metric in chosen}
    return panels


def _own_scale(lines: dict[str, list[float | None]]) -> set[str]:
    """The lines that dwarf the others (15,000 visits beside 70 surgeries): drawn on a
    right-hand axis of their own, so both read on a plain linear scale (no log scale,
    which leaders misread)."""
    peaks = {name: max(value or 0 for value in values) for name, values in lines.items()}
    smallest = max(min(peaks.values()), 1)
    large = {name for name, peak in peaks.items() if peak > OWN_SCALE_RATIO * smallest}
    return large if len(large) < len(peaks) else set()


def _from_first(summaries: Sequence[QuarterlySummary], field: Field, metric: str) -> list:
    values = [_quarter_value(summary, field, metric) for summary in summaries]
    first = next((index for index, value in enumerate(values) if value), len(values))
    return [None] * first + values[first:]


def _total(values: Iterable[float | None]) -> float:
    return sum(value or 0 for value in values)


def _quarter_value(summary: QuarterlySummary, field: Field, metric: str) -> float:
    for line in summary.outcomes:
        if line.field is field and line.metric == metric:
            return float(line.quarter or 0)
    return 0.0


def coverage_figure(summary: QuarterlySummary) -> Figure:
    """Coverage per service as horizontal bars, 0–100 %; on-demand services say so."""
    services = summary.services
    figure = _figure(WIDTH_INCHES, 0.9 + 0.32 * max(len(services), 3))
    axes = figure.add_subplot(1, 1, 1)
    positions = range(len(services))
    values = [100 * (line.coverage or 0) for line in services]
    axes.barh(positions, values, color=BAR_COLOUR, height=0.6)
    for position, line, value in zip(positions, services, values, strict=True):
        if line.rule is ServiceRule.ON_DEMAND:
            text, colour = ServiceRule.ON_DEMAND.label(), MUTED
        elif line.coverage is None:
            text, colour = translate("Charts", "no one eligible"), MUTED
        else:
            text, colour = f"{value:.1f}%", "black"
        axes.text(value + 1, position, text, va="center", fontsize=8, color=colour)
    axes.set_yticks(list(positions), [line.service for line in services], fontsize=8)
    axes.invert_yaxis()  # the catalog's order, top to bottom
    axes.set_xlim(0, 110)
    axes.set_xticks(range(0, 101, 20), [f"{tick}%" for tick in range(0, 101, 20)], fontsize=8)
    axes.grid(axis="x", alpha=0.3)
    axes.set_title(
        translate("Charts", "Service coverage, {quarter}").format(quarter=summary.quarter.label()),
        fontsize=11,
    )
    if not services:
        _no_data(axes)
    return _finish(figure)


def staff_figure(summary: QuarterlySummary) -> Figure:
    """Staff on duty at the quarter's end, one bar per field, each with its count."""
    from matplotlib.ticker import MaxNLocator

    counts = summary.staff.on_duty_by_field
    figure = _figure(WIDTH_INCHES * 0.6, 2.6)
    axes = figure.add_subplot(1, 1, 1)
    fields = list(counts)
    bars = axes.bar([field.label() for field in fields], [counts[f] for f in fields], width=0.55)
    for bar, field in zip(bars, fields, strict=True):
        bar.set_color(BAR_COLOUR)
        axes.annotate(
            str(counts[field]),
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=9,
        )
    axes.set_ylim(0, max([*counts.values(), 1]) * 1.2)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # people come whole
    axes.tick_params(labelsize=9)
    axes.set_title(
        translate("Charts", "Staff on duty on {date}: {total}").format(
            date=summary.quarter.end.isoformat(), total=summary.staff.on_duty_total
        ),
        fontsize=11,
    )
    return _finish(figure)


def summary_figures(
    summary: QuarterlySummary, recent: Sequence[QuarterlySummary]
) -> dict[str, Figure]:
    """The summary's three charts, keyed by the table each illustrates (`recent`, oldest
    first and ending with `summary`, feeds the trend)."""
    return {
        "staff": staff_figure(summary),
        "services": coverage_figure(summary),
        "outcomes": trend_figure(recent or [summary]),
    }


def figure_png(figure: Figure, dpi: int = 200) -> bytes:
    """The figure as PNG bytes, drawn by Agg (no GUI backend, safe off the GUI thread)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), facecolor="white", layout="constrained")


def _no_data(axes: Axes) -> None:
    axes.text(
        0.5,
        0.5,
        translate("Charts", "No figures recorded"),
        ha="center",
        va="center",
        transform=axes.transAxes,
        color=MUTED,
    )
    axes.set_axis_off()


def _finish(figure: Figure) -> Figure:
    """Give every text the CJK family and plain ASCII minus signs, whatever rcParams say."""
    from matplotlib.text import Text
    from matplotlib.ticker import FuncFormatter

    family = cjk_font()
    families = [family, "DejaVu Sans"] if family else ["DejaVu Sans"]
    for axes in figure.axes:
        axes.tick_params(labelfontfamily=families)
        for axis in (axes.xaxis, axes.yaxis):
            if _numeric(axis):
                axis.set_major_formatter(FuncFormatter(_tick_label))
    for text in figure.findobj(Text):
        text.set_fontfamily(families)
    return figure


def _numeric(axis: Any) -> bool:
    """Axes whose ticks matplotlib formats itself (not names or our own percent labels)."""
    from matplotlib.ticker import ScalarFormatter

    return isinstance(axis.get_major_formatter(), ScalarFormatter)


def _tick_label(value: float, _position: int | None) -> str:
    """'1500', '2.5', '0': never a Unicode minus (missing from many CJK fonts)."""
    text = f"{value + 0.0:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
