"""Help → About: what this program is, which version, where its data are, its licences.

IT staff asked where the data live and which version runs; the Qt libraries' LGPL asks
that every user can read the licence and learn that Qt may be replaced. The texts are
files in resources/licenses, shipped with the program and shown here unchanged.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.db.paths import data_dir
from ui.icons import APP_ICON, icon

LICENSE_DIR = Path(__file__).resolve().parents[2] / "resources" / "licenses"
LICENSE_FILES = ("LICENSE.txt", "THIRD-PARTY.txt", "LGPL-3.0.txt", "GPL-3.0.txt")


class AboutDialog(QDialog):
    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Bangfu Ledger"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        layout.addLayout(self._heading())
        layout.addLayout(self._facts(database))
        self.tabs = QTabWidget()
        titles = (
            self.tr("Licence"),
            self.tr("Third-party licences"),
            self.tr("GNU LGPL 3.0"),
            self.tr("GNU GPL 3.0"),
        )
        for title, name in zip(titles, LICENSE_FILES, strict=True):
            self.tabs.addTab(self._text(name), title)
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        about_qt = buttons.addButton(self.tr("About Qt"), QDialogButtonBox.ButtonRole.HelpRole)
        about_qt.clicked.connect(lambda: QApplication.aboutQt())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        picture = QLabel()
        picture.setPixmap(icon(APP_ICON).pixmap(QSize(64, 64)))
        row.addWidget(picture)
        name = QLabel(
            self.tr(
                "<b>Bangfu Ledger</b> (帮扶台账) {version}<br>"
                "Records of dispatched assistance staff, their services and outcomes, "
                "and the quarterly summary."
            ).format(version=__version__)
        )
        name.setObjectName("aboutName")
        name.setWordWrap(True)
        row.addWidget(name, 1)
        return row

    def _facts(self, database: str) -> QGridLayout:
        grid = QGridLayout()
        self.version_label = QLabel(__version__)
        self.data_folder_label = QLabel(str(data_dir()))
        self.database_label = QLabel(database)
        built_with = self.tr("Qt {qt}, PySide6 {pyside}, Python {python}").format(
            qt=qVersion(), pyside=pyside_version, python=platform.python_version()
        )
        rows = (
            (self.tr("Version"), self.version_label),
            (self.tr("Data folder"), self.data_folder_label),
            (self.tr("This database"), self.database_label),
            (self.tr("Built with"), QLabel(built_with)),
        )
        for row, (label, value) in enumerate(rows):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(value, row, 1)
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.clicked.connect(self._open_data_folder)
        grid.addWidget(self.open_folder, 1, 2)
        grid.setColumnStretch(1, 1)
        return grid

    def _text(self, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setObjectName(f"license_{Path(name).stem}")
        view.setReadOnly(True)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        path = LICENSE_DIR / name
        view.setPlainText(
            path.read_text(encoding="utf-8")
            if path.exists()
            else self.tr("{file} is missing from this installation.").format(file=path)
        )
        return view

    def _open_data_folder(self) -> None:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
