"""The printable summary on A4 paper: to a printer (after a preview) or to a PDF file.

Qt's text engine lays the HTML out (CJK fonts, table headers repeated after page
breaks, images never split); we paint it page by page so every page gets the footer
"第 N 页 共 M 页". The page is measured in the device's own pixels at an explicit
resolution, so the same document looks the same in the preview, on paper and in the PDF.
Headings stay with the table or chart below them, and a chart that would leave its page
more than a third empty is lifted above its section's tables when that fills the pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QWidget

from app import APP_NAME
from app.db.files import atomic_target, check_pdf
from app.reports.charts import CJK_FAMILIES
from app.reports.document import PrintableDocument
from ui.dialogs import ask
from ui.pdf_text import radical_equivalents, restore_ideographs

translate = QCoreApplication.translate

PDF_DPI = 300
MARGIN_MM = 15
FOOTER_MM = 8  # the band under the text that holds the page number
BODY_POINTS, FOOTER_POINTS = 10.5, 9
OBJECT_CHARACTER = "\ufffc"  # what an image stands on in its text line
PAGE_BREAK_AUTO = QTextFormat.PageBreakFlag.PageBreak_Auto
KEPT_HEADINGS = 2  # the lines kept with a table: a section title and a field title
MOST_EMPTY = 1 / 3  # no page but the last should be emptier than this


def a4_layout(*, landscape: bool = False) -> QPageLayout:
    """A4 with our margins; landscape for wide tables (the coverage matrix)."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def paint_document(document: PrintableDocument, device: QPagedPaintDevice) -> int:
    """Paint `document` on `device` (printer, preview or PDF); return the page count."""
    footer_height = FOOTER_MM / 25.4 * device.logicalDpiY()
    body = QSizeF(device.width(), device.height() - footer_height)
    text = paged_document(document, device, body)
    pages = text.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(translate("Printing", "The printer or file could not be opened."))
    try:
        painter.setFont(_font(FOOTER_POINTS))
        for index in range(pages):
            if index:
                device.newPage()
            top = index * body.height()
            painter.save()
            painter.translate(0, -top)
            text.drawContents(painter, QRectF(0, top, body.width(), body.height()))
            painter.restore()
            painter.drawText(
                QRectF(0, body.height(), body.width(), footer_height),
                Qt.AlignmentFlag.AlignCenter,
                translate("Printing", "Page {page} of {pages}").format(page=index + 1, pages=pages),
            )
    finally:
        painter.end()
    return pages


def paged_document(
    document: PrintableDocument, device: QPagedPaintDevice, body: QSizeF
) -> QTextDocument:
    """`document` laid out on pages of `body`'s size: headings kept with their tables and
    charts, the end kept together, and a chart that would leave a page more than a
    third empty lifted above its section's tables when that fills the pages better."""
    text = _paged(document, device, body)
    for name in document.liftable:
        if worst_gap(page_fill(text)) <= MOST_EMPTY:
            break
        candidate = document.with_chart_lifted(name)
        lifted = _paged(candidate, device, body)
        if _pages_and_gap(lifted) < _pages_and_gap(text):  # fewer pages, then fuller ones
            document, text = candidate, lifted
    return text


def _pages_and_gap(text: QTextDocument) -> tuple[int, float]:
    return text.pageCount(), worst_gap(page_fill(text))


def _paged(document: PrintableDocument, device: QPagedPaintDevice, body: QSizeF) -> QTextDocument:
    text = text_document(document, device)
    text.setPageSize(body)
    keep_headings_with_tables(text)
    if document.keep_end:
        keep_the_end_together(text, document.keep_end)
    return text


def page_fill(text: QTextDocument) -> list[float]:
    """How far down each page its content reaches, as a share of the page (0 to 1)."""
    page_height = text.pageSize().height()
    layout = text.documentLayout()
    fill = [0.0] * text.pageCount()
    block = text.begin()
    while block.isValid():
        if block.text().strip():
            for top, bottom in _lines(block, layout):
                page = min(int((top + 1) // page_height), len(fill) - 1)  # 1 px: rounding
                fill[page] = max(fill[page], min(bottom / page_height - page, 1.0))
        block = block.next()
    return fill


def _lines(block: QTextBlock, layout: QAbstractTextDocumentLayout) -> Iterator[tuple[float, float]]:
    """Where each line of `block` lies in the document (top, bottom).

    A line pushed onto the next page (an image that did not fit) keeps its block's
    position on the page before and moves down inside it: the block's bounding rect
    then starts on the earlier page, the line itself on the later one.
    """
    origin = layout.blockBoundingRect(block).top()
    lines = block.layout()
    for index in range(lines.lineCount()):
        line = lines.lineAt(index)
        yield origin + line.y(), origin + line.y() + line.height()


def _first_line_top(block: QTextBlock, layout: QAbstractTextDocumentLayout) -> float:
    return next(_lines(block, layout), (layout.blockBoundingRect(block).top(), 0.0))[0]


def worst_gap(fill: list[float]) -> float:
    """The largest empty share of any page but the last."""
    return max((1 - share for share in fill[:-1]), default=0.0)


def text_document(
    document: PrintableDocument, device: QPagedPaintDevice | None = None
) -> QTextDocument:
    """The HTML laid out in the device's pixels, its charts added as image resources.

    Without a device it is laid out for the screen: the Reports page previews the very
    document it prints.
    """
    text = QTextDocument()
    if device is not None:
        text.documentLayout().setPaintDevice(device)
    text.setDocumentMargin(0)  # the page layout already has its margins
    text.setDefaultFont(_font(BODY_POINTS))
    for name, png in document.images.items():
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png))
    text.setHtml(document.html)
    return text


def keep_headings_with_tables(text: QTextDocument) -> None:
    """Move headings left at a page's foot to the next page, where their table starts.

    Qt has no keep-with-next: a section or field title can end a page while its table
    (header row repeated) or chart begins the next. The last KEPT_HEADINGS lines before
    a table whose first row, or a chart that, lands on a later page get a page break
    before them; then the layout is checked again, since every move shifts what follows.
    """
    page_height = text.pageSize().height()
    layout = text.documentLayout()

    def page(top: float) -> int:
        return int(top // page_height)

    for _attempt in range(len(text.rootFrame().childFrames()) + text.blockCount()):
        headings: list[QTextBlock] = []
        for child in _root_children(text):
            if isinstance(child, QTextBlock) and child.text() != OBJECT_CHARACTER:
                if child.text().strip():
                    headings = [*headings[-(KEPT_HEADINGS - 1) :], child]
                continue
            if isinstance(child, QTextBlock):  # a chart, never split: where its line is
                row_page = page(_first_line_top(child, layout) + 1)  # 1 px: rounding
            else:
                row_page = page(_first_row_top(child, layout))
            left_behind = [
                block
                for block in headings
                if page(layout.blockBoundingRect(block).top()) < row_page
                and block.blockFormat().pageBreakPolicy() == PAGE_BREAK_AUTO
            ]
            headings = []
            if left_behind:
                cursor = QTextCursor(left_behind[0])
                moved = left_behind[0].blockFormat()
                moved.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(moved)
                # A format change mid-layout leaves Qt's lazy layout short of the end.
                text.markContentsDirty(0, text.characterCount())
                break
        else:
            return


def keep_the_end_together(text: QTextDocument, blocks: int) -> None:
    """Keep the document's last `blocks` paragraphs on one page (the summary's sign-off:
    heading, names, date, seal), moving them together when the page would split them."""
    layout = text.documentLayout()
    page_height = text.pageSize().height()
    tail = [
        child
        for child in _root_children(text)
        if isinstance(child, QTextBlock) and child.text().strip()
    ][-blocks:]
    if len(tail) < blocks or any(not isinstance(block, QTextBlock) for block in tail):
        return
    first, last = tail[0], tail[-1]
    top = layout.blockBoundingRect(first).top()
    bottom = layout.blockBoundingRect(last).bottom()
    if int(top // page_height) != int((bottom - 1) // page_height):
        cursor = QTextCursor(first)
        moved = first.blockFormat()
        moved.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.setBlockFormat(moved)
        text.markContentsDirty(0, text.characterCount())


def _root_children(text: QTextDocument) -> Iterator[QTextBlock | QTextFrame]:
    """The top-level blocks and tables of the document, in reading order."""
    position = text.rootFrame().begin()
    while not position.atEnd():
        yield position.currentFrame() or position.currentBlock()
        position += 1


def _first_row_top(frame: QTextFrame, layout: QAbstractTextDocumentLayout) -> float:
    """Where the first row under a table's header starts (the frame's top otherwise)."""
    if isinstance(frame, QTextTable) and frame.rows() > frame.format().headerRowCount():
        cell = frame.cellAt(frame.format().headerRowCount(), 0)
        return layout.blockBoundingRect(cell.firstCursorPosition().block()).top()
    return layout.frameBoundingRect(frame).top()


def _font(points: float) -> QFont:
    """The first installed CJK family, so Chinese never falls back to a random font.

    Noto/Source Han Sans swap the digits of Latin text for glyphs outside the font's
    character map ('locl'); Qt's PDF then cannot map them back to text, and the
    figures vanish from copy, search and pdftotext. The SC faces need no 'locl'.
    """
    font = QFont()
    font.setFamilies(list(CJK_FAMILIES))
    font.setPointSizeF(points)
    font.setFeature(QFont.Tag("locl"), 0)
    font.setFeature(QFont.Tag("liga"), 0)  # "ff" stays two letters in copied text
    return font


def render_pdf(document: PrintableDocument, path: Path | str, *, landscape: bool = False) -> Path:
    """Write `document` as an A4 PDF, under a temporary name until it is complete and
    checked: Qt's PDF writer does not report a full disk, it leaves a truncated file."""
    with atomic_target(path, check=check_pdf) as partial:
        _write_pdf(document, partial, landscape=landscape)
        restore_ideographs(partial, radical_equivalents(_font(BODY_POINTS)))
    return Path(path).expanduser().resolve()


def _write_pdf(document: PrintableDocument, path: Path, *, landscape: bool = False) -> int:
    # The writer lives only in this frame: it is gone (file closed) before the rename.
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(a4_layout(landscape=landscape))
    writer.setTitle(document.title)
    writer.setCreator(APP_NAME)
    return paint_document(document, writer)


def print_with_preview(
    parent: QWidget | None, document: PrintableDocument, *, landscape: bool = False
) -> None:
    """Show the print preview (A4, portrait unless `landscape`); its Print button sends
    it to the printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(a4_layout(landscape=landscape))
    printer.setDocName(document.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        translate("Printing", "Print preview: {title}").format(title=document.title)
    )
    dialog.paintRequested.connect(lambda device: _paint_busy(document, device))
    ask.run_dialog(dialog)


def _paint_busy(document: PrintableDocument, device: QPagedPaintDevice) -> int:
    """Paint under the busy cursor: a long list takes Qt some seconds to lay out."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return paint_document(document, device)
    finally:
        QApplication.restoreOverrideCursor()
