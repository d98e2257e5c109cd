from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from app.db.vocabulary import Field
from app.reports import charts
from tests.app.summary_samples import outcome, recent, summary

ROOT = Path(__file__).resolve().parents[3]


def texts(figure: Figure) -> list[str]:
    return [text.get_text() for text in figure.findobj(Text) if text.get_text()]


def test_trend_has_a_panel_per_field_with_sum_figures_and_quarter_labels() -> None:
    figure = charts.trend_figure(recent())
    panels = [axes for axes in figure.axes if axes.get_title()]  # not the right-hand scales
    assert [axes.get_title() for axes in panels] == ["Medical", "Science & Technology"]
    medical, technology = panels
    assert all(axes.get_yscale() == "linear" for axes in figure.axes)  # never a log scale
    labels = [label.get_text() for label in medical.get_xticklabels()]
    assert labels == ["22Q4", "23Q1", "23Q2", "23Q3", "23Q4", "24Q1", "24Q2", "24Q3"]
    # Largest total over the quarters shown first; 新设科室 (nothing in them, only an
    # earlier cumulative) and the latest metric 亩产 never become lines.
    # 1,900 visits a quarter beside 9 surgeries (211×): the visits get their own scale.
    assert [t.get_text() for t in medical.get_legend().get_texts()] == [
        "门急诊诊疗 (right scale)",
        "手术",
    ]
    assert [t.get_text() for t in technology.get_legend().get_texts()] == ["农牧民培训"]
    surgeries = medical.get_lines()[0]  # the visits are on the twin (right-hand) axes
    assert list(surgeries.get_ydata()) == [9.0 * scale for scale in range(1, 9)]
    assert "Outcomes over the last 8 quarters" in texts(figure)


def test_trend_keeps_the_four_largest_metrics_of_a_field() -> None:
    crowded = dataclasses.replace(
        summary(),
        outcomes=[
            outcome(Field.EDUCATION, f"指标{n}", "次", str(n), cumulative=str(10 * n))
            for n in range(1, 7)
        ],
    )
    (axes,) = charts.trend_figure([crowded]).axes
    assert [t.get_text() for t in axes.get_legend().get_texts()] == [
        "指标6",
        "指标5",
        "指标4",
        "指标3",
    ]


def test_trend_without_figures_says_so() -> None:
    empty = dataclasses.replace(summary(), outcomes=[])
    assert "No figures recorded" in texts(charts.trend_figure([empty]))


def test_coverage_bars_are_percent_and_on_demand_is_marked() -> None:
    figure = charts.coverage_figure(summary())
    (axes,) = figure.axes
    widths = [round(bar.get_width(), 1) for bar in axes.patches]
    assert widths == [100.0, 68.4, 93.8, 0.0, 0.0]
    assert [label.get_text() for label in axes.get_yticklabels()][:2] == [
        "人才公寓",
        "免费健康体检",
    ]
    assert {"100.0%", "68.4%", "On demand", "no one eligible"} <= set(texts(figure))
    assert axes.get_xlim() == (0, 110)


def test_staff_bars_count_people_by_field() -> None:
    figure = charts.staff_figure(summary())
    (axes,) = figure.axes
    assert [bar.get_height() for bar in axes.patches] == [7, 6, 5, 1]
    assert [label.get_text() for label in axes.get_xticklabels()] == [f.label() for f in Field]
    assert {"7", "6", "5", "1", "Staff on duty on 2024-09-30: 19"} <= set(texts(figure))


@pytest.mark.skipif(charts.cjk_font() is None, reason="no CJK font installed")
def test_every_text_uses_the_cjk_family() -> None:
    figure = charts.trend_figure(recent())
    charts.figure_png(figure, dpi=50)  # tick labels exist once drawn
    families = {text.get_fontfamily()[0] for text in figure.findobj(Text) if text.get_text()}
    assert families == {charts.cjk_font()}
    assert charts.missing_font_message() is None


def test_without_a_cjk_font_the_caller_has_one_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    message = charts.missing_font_message()
    assert message and "No Chinese font" in message and "Noto Sans CJK SC" in message
    charts.staff_figure(summary())  # still draws, in the default family


def test_tick_labels_never_use_the_unicode_minus() -> None:
    assert [charts._tick_label(v, None) for v in (-0.0, -1.5, 2.0, 15207)] == [
        "0",
        "-1.5",
        "2",
        "15207",
    ]


def test_png_is_drawn_at_the_asked_resolution() -> None:
    figure = charts.staff_figure(summary())
    png = charts.figure_png(figure, dpi=100)
    width, height = figure.get_size_inches()
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size == (round(width * 100), round(height * 100))


def test_charts_leave_pyplot_and_qt_alone() -> None:
    """Built in a fresh process: neither pyplot's global state nor a Qt backend loads."""
    code = (
        "import sys\n"
        "from tests.app.summary_samples import recent, summary\n"
        "from app.reports import charts\n"
        "assert 'matplotlib' not in sys.modules, 'imported on start'\n"
        "for figure in (charts.trend_figure(recent()), charts.coverage_figure(summary()),\n"
        "               charts.staff_figure(summary())):\n"
        "    charts.figure_png(figure, dpi=30)\n"
        "loaded = [m for m in ('matplotlib.pyplot', 'PySide6') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_a_quiet_period_says_no_data_instead_of_flat_zeros() -> None:
    quiet = [
        dataclasses.replace(
            each,
            outcomes=[dataclasses.replace(line, quarter=Decimal(0)) for line in each.outcomes],
        )
        for each in recent()
    ]
    figure = charts.trend_figure(quiet)
    assert len(figure.axes) == 1 and not figure.axes[0].get_lines()
    assert "No figures recorded" in texts(figure)


def test_a_metric_that_begins_late_has_no_line_rising_from_zero() -> None:
    quarters = recent()
    late = [
        dataclasses.replace(
            each,
            outcomes=[
                line
                for line in each.outcomes
                if not (line.metric == "手术" and index < 3)  # no surgeries before the 4th
            ],
        )
        for index, each in enumerate(quarters)
    ]
    figure = charts.trend_figure(late)
    medical = next(axes for axes in figure.axes if axes.get_title() == "Medical")
    surgeries = next(line for line in medical.get_lines() if line.get_label() == "手术")
    values = list(surgeries.get_ydata())
    assert all(value != value for value in values[:3])  # NaN: no point, no line
    assert values[3:] == [9.0 * scale for scale in range(4, 9)]
