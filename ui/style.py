"""The app's look: one style sheet from resources/, a CJK-friendly UI font."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ui.icons import ICON_DIR

STYLE_SHEET = Path(__file__).resolve().parent.parent / "resources" / "style.qss"
# Windows' Chinese UI fonts first; elsewhere the platform default already falls back.
WINDOWS_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "SimSun"]


def apply_style(app: QApplication) -> None:
    if sys.platform == "win32":
        font = QFont()
        font.setFamilies(WINDOWS_FONTS)
        font.setPointSize(10)
        app.setFont(font)
    QDir.addSearchPath("icons", str(ICON_DIR))  # url(icons:…) in the style sheet
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
