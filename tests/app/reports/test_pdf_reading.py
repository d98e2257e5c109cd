"""The PDF text reader on hand-made files laid out as Qt writes them.

(tests/ui/test_self_test.py compares it with poppler's pdftotext on a real printout.)
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from app.reports.pdf_reading import PdfUnreadable, page_count, pdf_text

# Glyphs 1–4 of font F1 stand for 季度汇总, glyph 5 for "A"; F2's glyph 1 is 人.
CMAP_F1 = b"""/CIDInit /ProcSet findresource begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0000> <0000> <0000>
<0001> <0003> [<5B63> <5EA6> <6C47>]
endbfrange
1 beginbfrange
<0005> <0006> <0041>
endbfrange
1 beginbfchar
<0004> <603B>
endbfchar
endcmap
"""
CMAP_F2 = b"begincmap\n1 beginbfchar\n<0001> <4EBA>\nendbfchar\nendcmap\n"
PAGE_ONE = b"BT\n/F1 12 Tf\n1 0 0 1 0 0 Tm <0001> Tj\n12 0 Td <0002> Tj [<0003> -5 <0004>] TJ\nET\n"
PAGE_TWO = b"BT /F1 10 Tf <00050006> Tj ET\nBT /F2 10 Tf <0001> Tj ET\n"


def make_pdf(objects: dict[int, bytes]) -> bytes:
    """A PDF of `objects` (number → body) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\n")
    offsets = {}
    for number, body in sorted(objects.items()):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    table = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, table)
    return bytes(out)


def stream(content: bytes, *, compress: bool) -> bytes:
    data = zlib.compress(content) if compress else content
    flate = b" /Filter /FlateDecode" if compress else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(data), flate) + data + b"\nendstream"


def two_pages(tmp_path: Path) -> Path:
    compressed = zlib.compress(PAGE_ONE)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R 7 0 R] /Count 2 >>",
        3: b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources 6 0 R >>",
        # Qt gives the length as another object, written after the stream
        4: b"<< /Length 5 0 R /Filter /FlateDecode >>\nstream\n" + compressed + b"\nendstream",
        5: b"%d" % len(compressed),
        6: b"<< /Font << /F1 9 0 R >> >>",
        7: b"<< /Type /Page /Parent 2 0 R /Contents [8 0 R] "
        b"/Resources << /Font << /F1 9 0 R /F2 11 0 R >> >> >>",
        8: stream(PAGE_TWO, compress=True),
        9: b"<< /Type /Font /Subtype /Type0 /ToUnicode 10 0 R >>",
        10: stream(CMAP_F1, compress=False),
        11: b"<< /Type /Font /Subtype /Type0 /ToUnicode 12 0 R >>",
        12: stream(CMAP_F2, compress=True),
    }
    path = tmp_path / "two.pdf"
    path.write_bytes(make_pdf(objects))
    return path


def test_text_of_every_page_through_each_font_s_map(tmp_path: Path) -> None:
    path = two_pages(tmp_path)
    assert pdf_text(path) == "季度汇总\nAB\n人"
    assert page_count(path) == 2


def test_a_file_cut_short_is_unreadable(tmp_path: Path) -> None:
    whole = two_pages(tmp_path).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(PdfUnreadable):
        pdf_text(cut)


def test_a_file_that_is_no_pdf_is_unreadable(tmp_path: Path) -> None:
    other = tmp_path / "other.pdf"
    other.write_bytes(b"PK\x03\x04 a zip")
    with pytest.raises(PdfUnreadable, match="not a PDF"):
        pdf_text(other)


def test_a_damaged_stream_is_unreadable(tmp_path: Path) -> None:
    objects = {
        1: b"<< /Type /Catalog >>",
        2: b"<< /Type /Page /Contents 3 0 R >>",
        3: b"<< /Length 8 /Filter /FlateDecode >>\nstream\nnot zlib\nendstream",
    }
    path = tmp_path / "damaged.pdf"
    path.write_bytes(make_pdf(objects))
    with pytest.raises(PdfUnreadable, match="damaged stream"):
        pdf_text(path)
