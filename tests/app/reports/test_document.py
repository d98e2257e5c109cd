from __future__ import annotations

import dataclasses
import re

import pytest

from app.reports.document import PrintableDocument, summary_document
from tests.app.summary_samples import charts, outcome, recent, summary

A4_TEXT_WIDTH_CSS_PX = 180 / 25.4 * 96  # 15 mm margins on 210 mm paper


@pytest.fixture(scope="module")
def document() -> PrintableDocument:
    return summary_document(summary(), charts(summary(), recent()))


def cells(html: str) -> list[str]:
    return re.findall(r"<td[^>]*>(.*?)</td>", html)


def test_every_table_repeats_its_header_row(document: PrintableDocument) -> None:
    tables = re.findall(r"<table.*?</table>", document.html)
    # staff, services, two outcome fields, highlights, mentorships
    assert len(tables) == 6
    assert all("<thead><tr><th" in table for table in tables)


def test_data_is_escaped(document: PrintableDocument) -> None:
    assert "旗委组织部&lt;人才科&gt;" in document.html
    assert "&lt;首例&gt; &amp; 当天下地" in document.html
    assert "<首例>" not in document.html and "<人才科>" not in document.html


def test_numbers_are_right_aligned_with_dashes_and_percents(document: PrintableDocument) -> None:
    values = cells(document.html)
    # 手术: quarter, previous, change, ytd, cumulative, target, progress
    start = values.index("手术")
    assert values[start : start + 9] == ["手术", "例", "9", "8", "12.5%", "25", "71", "40", "62.5%"]
    start = values.index("亩产")
    assert values[start : start + 9] == ["亩产", "公斤/亩", "—", "—", "—", "—", "608.9", "—", "—"]
    start = values.index("免费健康体检")
    assert values[start + 2 : start + 6] == ["4", "19", "13", "68.4%"]
    start = values.index("子女入学入托协调")
    assert values[start + 1 : start + 6] == ["On demand", "1", "—", "—", "—"]
    assert '<td align="right">-2.6%</td>' in document.html
    assert '<td align="left">手术</td>' in document.html


def test_staff_row_and_mentorships(document: PrintableDocument) -> None:
    values = cells(document.html)
    assert values[:7] == ["7", "6", "5", "1", "19", "2", "1"]
    assert values[-2:] == ["12", "3"]


def test_charts_are_whole_paragraphs_within_the_text_width(document: PrintableDocument) -> None:
    images = re.findall(
        r'<p align="center"><img src="([^"]+)" width="(\d+)" height="(\d+)"></p>', document.html
    )
    assert [name for name, _, _ in images] == ["staff.png", "services.png", "outcomes.png"]
    assert set(document.images) == {"staff.png", "services.png", "outcomes.png"}
    assert all(png.startswith(b"\x89PNG") for png in document.images.values())
    assert all(int(width) <= A4_TEXT_WIDTH_CSS_PX for _, width, _ in images)


def test_target_columns_only_when_a_target_exists() -> None:
    plain = dataclasses.replace(
        summary(),
        outcomes=[outcome(summary().outcomes[0].field, "手术", "例", "9", "8", change="12.5")],
        highlights=[],
    )
    html = summary_document(plain, charts(plain)).html
    assert "Target for the year" not in html and "Progress" not in html
    assert "None in this quarter." in html  # no highlights
