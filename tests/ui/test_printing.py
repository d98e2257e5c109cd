"""The printable summary laid out by Qt: page count, Chinese text, figures, preview."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from sqlalchemy.orm import Session

from app.periods import Quarter
from app.reports.document import STYLE, PrintableDocument, summary_document
from app.reports.summary import quarterly_summary, recent_summaries
from tests.app.summary_samples import charts, recent, summary
from ui import printing
from ui.dialogs import ask
from ui.i18n import install_gui_translators

POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")


@pytest.fixture
def chinese(qapp: Any) -> Iterator[None]:
    install_gui_translators("zh_CN")  # as the clerk sees it; the conftest resets app/ after
    yield


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line.split()[1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )


def pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_title_office_date_and_clerk_in_chinese(chinese: None) -> None:
    document = summary_document(summary(), charts(summary()))
    assert document.title == "扎赉特旗“组团式”帮扶工作季度汇总（2024年第3季度）"
    assert f">{document.title}</p>" in document.html
    assert "制表日期：2024年10月8日" in document.html and "制表人：王丽" in document.html
    assert "统计期间：2024年7月1日至2024年9月30日" in document.html
    for section in ("人员", "服务保障", "工作成效", "工作亮点", "师徒结对"):
        assert f">{section}</p>" in document.html


@needs_poppler
def test_demo_summary_as_pdf(chinese: None, demo_session: Session, tmp_path: Path) -> None:
    quarter = Quarter(2024, 3)
    figures = quarterly_summary(demo_session, quarter)
    document = summary_document(figures, charts(figures, recent_summaries(demo_session, quarter)))
    path = printing.render_pdf(document, tmp_path / "summary.pdf")
    assert path == (tmp_path / "summary.pdf").resolve() and not list(tmp_path.glob("*.partial"))
    pages = pdf_pages(path)
    assert 2 <= pages <= 6
    text = pdf_text(path)
    assert document.title in text
    assert not [char for char in text if 0x2E80 <= ord(char) < 0x2FE0], "radicals, not 人/门/页"
    footers = text.replace(" ", "")
    assert f"第1页共{pages}页" in footers and f"第{pages}页共{pages}页" in footers
    surgeries = next(line for line in figures.outcomes if line.metric == "手术")
    surgery_row = next(line.split() for line in text.splitlines() if line.split()[:1] == ["手术"])
    assert surgery_row[2] == str(surgeries.quarter) and surgery_row[6] == str(surgeries.cumulative)
    assert "扎赉特旗委组织部人才工作科" in text and "王丽" in text


def test_paint_document_counts_pages_at_any_resolution(qapp: Any, tmp_path: Path) -> None:
    document = summary_document(summary(), charts(summary(), recent()))
    counts = []
    for dpi in (150, 300, 600):
        writer = QPdfWriter(str(tmp_path / f"{dpi}.pdf"))
        writer.setResolution(dpi)
        writer.setPageLayout(printing.a4_layout())
        counts.append(printing.paint_document(document, writer))
        del writer
    assert counts[0] == counts[1] == counts[2] >= 2
    if POPPLER:
        assert pdf_pages(tmp_path / "300.pdf") == counts[1]


def test_print_preview_is_a4_portrait_and_paints(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = summary_document(summary(), charts(summary()))
    seen: dict[str, Any] = {}

    def run(dialog: QPrintPreviewDialog) -> int:
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()  # what showing the dialog does: paintRequested → our painter
        seen["pages"] = preview.pageCount()
        seen["title"] = dialog.windowTitle()
        return 0

    monkeypatch.setattr(ask, "run_dialog", run)
    painted: list[int] = []
    original = printing.paint_document

    def counting(document: PrintableDocument, device: QPrinter) -> int:
        layout = device.pageLayout()
        assert layout.pageSize().id() == QPageSize.PageSizeId.A4
        assert layout.orientation() == QPageLayout.Orientation.Portrait
        painted.append(original(document, device))
        return painted[-1]

    monkeypatch.setattr(printing, "paint_document", counting)
    printing.print_with_preview(None, document)
    assert painted and seen["pages"] == painted[0] >= 1
    assert document.title in seen["title"]


@needs_poppler
def test_a_heading_never_ends_a_page_without_its_table(qapp: Any, tmp_path: Path) -> None:
    """Whatever fills the page before it, a title and its table's first row share a page."""
    table = (
        "<table><thead><tr><th>metric</th></tr></thead>"
        + "".join(f"<tr><td>row{n}</td></tr>" for n in range(1, 4))
        + "</table>"
    )
    for filler in range(24, 32):  # about 30 lines fill a page
        html = f"<html><head><style>{STYLE}</style></head><body>"
        html += "".join(f"<p>line {n}</p>" for n in range(filler))
        html += f'<p class="section">Outcomes</p><p class="field">Medical</p>{table}</body></html>'
        path = printing.render_pdf(PrintableDocument("t", html, {}), tmp_path / f"{filler}.pdf")
        pages = pdf_text(path).split("\f")
        heading_page = next(i for i, page in enumerate(pages) if "Outcomes" in page)
        assert "Medical" in pages[heading_page] and "row1" in pages[heading_page], filler


def page_fills(path: Path, *, dpi: int = 40) -> list[float]:
    """How far down each page of the PDF its ink reaches, as a share of the text area
    (A4 portrait, 15 mm margins, the 8 mm footer band left out): read from the pixels."""
    done = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", str(path)], capture_output=True, check=True
    )
    data, fills = done.stdout, []
    while data:
        magic, width, height, _maximum, data = data.split(maxsplit=4)
        assert magic == b"P5"
        columns, rows = int(width), int(height)
        pixels, data = data[: columns * rows], data[columns * rows :]
        top = round(printing.MARGIN_MM / 25.4 * dpi)
        bottom = round((297 - printing.MARGIN_MM - printing.FOOTER_MM) / 25.4 * dpi)
        inked = [
            row
            for row in range(top, bottom)
            if min(pixels[row * columns : (row + 1) * columns]) < 160
        ]
        fills.append((max(inked) - top) / (bottom - top) if inked else 0.0)
    return fills


@needs_poppler
def test_no_page_of_the_demo_summary_is_more_than_a_third_empty(
    chinese: None, demo_session: Session, tmp_path: Path
) -> None:
    """Issue 12 point 6: a chart that does not fit after its table used to leave the page
    before it more than half empty; now every page but the last is filled to 2/3."""
    from app.reports.prepared import prepare_summary

    prepared = prepare_summary(demo_session, Quarter(2024, 3), printable=True)
    assert prepared.document is not None
    path = printing.render_pdf(prepared.document, tmp_path / "summary.pdf")
    fills = page_fills(path)
    assert len(fills) == pdf_pages(path) >= 3
    assert all(fill >= 2 / 3 for fill in fills[:-1]), fills
    assert fills[-1] > 0  # the sign-off is on the last page


def _png(width: int, height: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5b99"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


@needs_poppler
def test_a_heading_goes_with_its_chart_to_the_next_page(qapp: Any, tmp_path: Path) -> None:
    """A title directly above a chart that does not fit below it moves with the chart."""
    images = {"c.png": _png(400, 300)}
    for filler in range(18, 28):
        html = f"<html><head><style>{STYLE}</style></head><body>"
        html += "".join(f"<p>line {n}</p>" for n in range(filler))
        html += '<p class="section">Chart title</p>'
        html += '<p align="center"><img src="c.png" width="400" height="300"></p><p>after</p>'
        document = PrintableDocument("t", html + "</body></html>", images)
        path = printing.render_pdf(document, tmp_path / f"{filler}.pdf")
        pages = pdf_text(path).split("\f")
        title_page = next(i for i, page in enumerate(pages) if "Chart title" in page)
        assert "after" in pages[title_page], filler
