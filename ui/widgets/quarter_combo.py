"""A drop-down of quarters, newest first, read as `Quarter` values ("2024年第3季度")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from app.periods import Quarter

translate = QCoreApplication.translate


def quarter_text(quarter: Quarter) -> str:
    return translate("Quarters", "{year} Q{number}").format(
        year=quarter.year, number=quarter.number
    )


class QuarterCombo(QComboBox):
    """`quarter_changed` fires when the clerk (or `set_quarters`) changes the choice."""

    quarter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxVisibleItems(12)
        self.currentIndexChanged.connect(self._changed)

    def set_quarters(self, quarters: Sequence[Quarter], chosen: Quarter) -> None:
        """Offer `quarters` (any order) and choose `chosen`, announcing only a real change."""
        before = self.quarter()
        self.blockSignals(True)
        self.clear()
        for quarter in sorted(quarters, reverse=True):
            self.addItem(quarter_text(quarter), str(quarter))
        self.setCurrentIndex(max(self.findData(str(chosen)), 0))
        self.blockSignals(False)
        if self.quarter() != before:
            self._changed()

    def quarters(self) -> list[Quarter]:
        return [Quarter.parse(self.itemData(row)) for row in range(self.count())]

    def quarter(self) -> Quarter | None:
        data = self.currentData()
        return Quarter.parse(data) if data else None

    def choose(self, quarter: Quarter) -> None:
        row = self.findData(str(quarter))
        if row >= 0:
            self.setCurrentIndex(row)

    def _changed(self, *_args: object) -> None:
        self.quarter_changed.emit(self.quarter())
