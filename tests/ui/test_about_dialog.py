"""Help → About: version, data folder, this database, the licences; the app's icon."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from app import __version__
from app.db.paths import data_dir
from tests.ui.conftest import ScriptedDialogs
from ui.dialogs.about_dialog import AboutDialog
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
ICO = ROOT / "resources" / "icons" / "bangfu-ledger.ico"


def open_about(window: MainWindow, dialogs: ScriptedDialogs) -> AboutDialog:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助(&H)")
    about = next(a for a in help_menu.actions() if a.text() == "关于帮扶台账(&A)")
    about.trigger()
    (dialog,) = dialogs.shown
    assert isinstance(dialog, AboutDialog)
    return dialog


def test_about_names_the_version_the_data_folder_and_this_database(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    dialog = open_about(window, dialogs)
    assert dialog.windowTitle() == "关于帮扶台账"
    assert dialog.version_label.text() == __version__ == "0.1.0"
    assert dialog.data_folder_label.text() == str(data_dir())
    assert dialog.database_label.text() == window.context.ledger.location
    assert dialogs.infos == []  # the old message box is gone


def test_about_shows_the_licence_and_the_third_party_licences_with_qt_s_lgpl(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    dialog = open_about(window, dialogs)
    tabs = [dialog.tabs.tabText(index) for index in range(dialog.tabs.count())]
    assert tabs == ["许可协议", "第三方软件许可", "GNU LGPL 3.0", "GNU GPL 3.0"]
    texts = [dialog.tabs.widget(i).toPlainText() for i in range(dialog.tabs.count())]  # type: ignore[attr-defined]
    assert all(isinstance(dialog.tabs.widget(i), QPlainTextEdit) for i in range(len(tabs)))
    assert "MIT License" in texts[0]
    assert "GNU Lesser General Public License version 3" in texts[1]
    assert "replace them with another build" in texts[1]  # LGPL: Qt may be replaced
    assert "SQLAlchemy" in texts[1] and "matplotlib" in texts[1] and "openpyxl" in texts[1]
    assert texts[2].startswith("                   GNU LESSER GENERAL PUBLIC LICENSE")
    assert "GNU GENERAL PUBLIC LICENSE" in texts[3][:200]


def test_every_window_carries_the_app_icon(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert not app.windowIcon().isNull()
    assert window.windowIcon().cacheKey() == app.windowIcon().cacheKey()


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    """(size, image bytes) of each image in an .ico, read by the format's own layout."""
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        width, _height, _colours, _, _planes, bits, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert bits == 32
        entries.append((width or 256, data[offset : offset + size]))
    return entries


def test_the_windows_icon_holds_every_size_drawn_from_the_svg(qapp: object) -> None:
    """Bitmaps below 256 (what NSIS and every Windows read), PNG at 256; and the
    committed .ico still shows the SVG (regenerate: installer/make_icon.py)."""
    sys.path.insert(0, str(ROOT / "installer"))
    import make_icon

    entries = ico_entries(ICO.read_bytes())
    assert [size for size, _ in entries] == [16, 20, 24, 32, 40, 48, 64, 128, 256]
    for size, image in entries:
        if size < 256:
            header_size, width, double_height = struct.unpack_from("<Iii", image)
            assert (header_size, width, double_height) == (40, size, 2 * size)
        else:
            assert image.startswith(b"\x89PNG")
    size, committed = entries[3]  # 32 × 32: BGRA rows, bottom-up
    fresh = make_icon.render(size).convertToFormat(QImage.Format.Format_ARGB32)
    differences = []
    for y in range(size):
        row = 40 + (size - 1 - y) * size * 4
        for x in range(size):
            b, g, r, a = committed[row + 4 * x : row + 4 * x + 4]
            pixel = fresh.pixelColor(x, y)
            differences.append(
                abs(r - pixel.red())
                + abs(g - pixel.green())
                + abs(b - pixel.blue())
                + abs(a - pixel.alpha())
            )
    assert sum(differences) / len(differences) < 4, "run installer/make_icon.py"
    assert fresh.pixelColor(16, 16).alpha() == 255  # the icon is drawn, not empty
