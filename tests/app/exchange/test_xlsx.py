from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.errors import DiskFull
from app.exchange import xlsx
from app.exchange.xlsx import Sheet, write_workbook


def test_text_never_becomes_a_formula_and_layout_is_set(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "out.xlsx",
        [
            Sheet(
                "人员/名单",
                ["姓名", "备注", "数值", "日期"],
                [
                    ["张文", '=HYPERLINK("http://x")', Decimal("71"), date(2024, 7, 1)],
                    ["李四", "+86 138", Decimal("761.5"), None],
                ],
                notes=["扎赉特旗帮扶人才名单"],
            )
        ],
    )
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "人员_名单"
    assert ws["A1"].value == "扎赉特旗帮扶人才名单"
    assert [c.value for c in ws[3]] == ["姓名", "备注", "数值", "日期"]
    assert ws["B4"].value == '=HYPERLINK("http://x")' and ws["B4"].data_type == "s"
    assert ws["C4"].value == 71 and ws["C5"].value == 761.5
    assert ws.freeze_panes == "A4"
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.fitToWidth == 1
    assert ws.column_dimensions["B"].width >= len('=HYPERLINK("http://x")')


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(source: object, target: Any) -> None:
        target.write(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(xlsx, "copy_file", disk_full)
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old content")
    with pytest.raises(DiskFull, match="no space left"):
        write_workbook(target, [Sheet("x", ["a"], [["b"]])])
    assert target.read_bytes() == b"old content"
    assert list(tmp_path.iterdir()) == [target]


def test_images_show_at_the_size_they_were_drawn_for(tmp_path: Path) -> None:
    """A 400×200 chart drawn at 200 dpi is 2 inches wide: 192 Excel pixels, not 400."""
    import io
    import re
    import zipfile

    from PIL import Image

    pngs = []
    for dpi in (200, None):
        buffer = io.BytesIO()
        Image.new("RGB", (400, 200), "white").save(
            buffer, "PNG", **({"dpi": (dpi, dpi)} if dpi else {})
        )
        pngs.append(buffer.getvalue())
    path = write_workbook(tmp_path / "charts.xlsx", [Sheet("图表", ["a"], [["b"]], images=pngs)])
    with zipfile.ZipFile(path) as archive:
        drawing = archive.read("xl/drawings/drawing1.xml").decode()
    sizes = [(int(cx), int(cy)) for cx, cy in re.findall(r'ext cx="(\d+)" cy="(\d+)"', drawing)]
    emu = 9525  # per pixel
    assert sizes == [(192 * emu, 96 * emu), (400 * emu, 200 * emu)]  # no dpi: one pixel each
