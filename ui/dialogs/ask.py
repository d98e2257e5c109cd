"""Every question the UI asks the clerk goes through one of these functions.

Tests replace them (monkeypatch) so no modal dialog ever blocks a test run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

translate = QCoreApplication.translate


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes/No, defaulting to No (deleting, discarding edits)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, translate("Ask", "Bangfu Ledger"), text)


def show_info(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, translate("Ask", "Bangfu Ledger"), text)


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """A line of text (e.g. the reason for reopening a quarter); None when cancelled."""
    text, accepted = QInputDialog.getText(parent, title, label)
    return text if accepted else None


def ask_open_path(
    parent: QWidget | None, title: str, filters: str, start: Path | None = None
) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start or ""), filters)
    return Path(name) if name else None


def ask_save_path(
    parent: QWidget | None, title: str, filters: str, start: Path | None = None
) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start or ""), filters)
    return Path(name) if name else None


def ask_directory(parent: QWidget | None, title: str, start: Path | None = None) -> Path | None:
    """A folder (e.g. where backups go); None when cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(start or ""))
    return Path(name) if name else None


def run_dialog(dialog: QDialog) -> int:
    """Run a dialog the caller built (the print preview) until the clerk closes it."""
    return dialog.exec()
