"""Draw resources/icons/bangfu-ledger.svg into the Windows icon bangfu-ledger.ico.

Windows wants one .ico holding the icon at several sizes (Explorer, the taskbar, the
Start menu, shortcuts, the installer): each size is rendered from the SVG by Qt, so
small sizes stay sharp rather than being shrunk from one large picture. Sizes below
256 are stored as bitmaps (what every Windows version and NSIS read), 256 as PNG.

    uv run python installer/make_icon.py [OUTPUT]
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "bangfu-ledger.svg"
ICO = ROOT / "resources" / "icons" / "bangfu-ledger.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(size: int):  # type: ignore[no-untyped-def]
    """The SVG drawn at size × size as a non-premultiplied ARGB32 QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def bitmap_entry(image) -> bytes:  # type: ignore[no-untyped-def]
    """A BMP icon image: header, BGRA rows bottom-up, an all-clear AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    stride = image.bytesPerLine()
    pixels = bytes(image.constBits())  # ARGB32 in memory on little-endian: B, G, R, A
    rows = b"".join(pixels[row * stride : row * stride + size * 4] for row in reversed(range(size)))
    mask_stride = ((size + 31) // 32) * 4
    return header + rows + bytes(mask_stride * size)


def png_entry(image) -> bytes:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def icon_bytes(sizes: tuple[int, ...] = SIZES) -> bytes:
    entries = [png_entry(render(s)) if s >= 256 else bitmap_entry(render(s)) for s in sizes]
    directory = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    for size, entry in zip(sizes, entries, strict=True):
        side = size % 256  # 0 stands for 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(entry), offset)
        offset += len(entry)
    return directory + b"".join(entries)


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    target = Path(argv[0]) if argv else ICO
    target.write_bytes(icon_bytes())
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
