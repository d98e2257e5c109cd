"""Icons from resources/icons (SVG, drawn for this app; nothing from the network)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
APP_ICON = "bangfu-ledger"  # the application's own icon (its .ico: installer/make_icon.py)


@cache
def icon(name: str) -> QIcon:
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
