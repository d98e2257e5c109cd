from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont

from app.reports.charts import cjk_font
from ui.pdf_text import radical_equivalents, restore_ideographs

CMAP = b"""%PDF-1.4
7 0 obj
<< /Type /Font /ToUnicode 8 0 R >>
endobj
8 0 obj
<< /Length 300 >>
stream
/CIDInit /ProcSet findresource begin
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfrange
<0001> <0003> [<2F08> <624D> <2EDA>]
<0004> <0004> <2F3F>
<0005> <0006> <2F08>
endbfrange
1 beginbfchar
<2F08> <2EA8>
endbfchar
endcmap
endstream
endobj
9 0 obj
<< /ToUnicode 10 0 R >>
endobj
10 0 obj
<< /Length 20 /Filter /FlateDecode >>
stream
<0001> <0001> <2F08>
endstream
endobj
"""
EQUIVALENTS = {0x2F08: 0x4EBA, 0x2EDA: 0x9875, 0x2F3F: 0x624B, 0x2EA8: 0x95E8}


def test_radicals_become_ideographs_and_the_file_keeps_its_length(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(CMAP)
    assert restore_ideographs(path, EQUIVALENTS) == 4
    fixed = path.read_bytes()
    assert len(fixed) == len(CMAP)
    assert b"<0001> <0003> [<4EBA> <624D> <9875>]" in fixed
    assert b"<0004> <0004> <624B>" in fixed
    assert b"<0005> <0006> <2F08>" in fixed  # a run of code points is left whole
    assert b"<2F08> <95E8>" in fixed  # a glyph id that looks like a radical stays
    assert b"<0001> <0001> <2F08>\nendstream" in fixed  # a compressed map is not touched
    assert b"<0000> <FFFF>" in fixed


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font installed")
def test_the_font_tells_which_ideograph_a_radical_looks_like(qapp: Any) -> None:
    font = QFont()
    font.setFamilies([cjk_font() or ""])
    equivalents = radical_equivalents(font)
    assert equivalents[0x2F08] == ord("人") and equivalents[0x2F3F] == ord("手")
