"""The line that says charts cannot show Chinese on this computer (never boxes instead)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class FontNotice(QLabel):
    """Hidden until `app.charts.missing_font_message()` has something to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(message is not None)
