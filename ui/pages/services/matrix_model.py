"""The coverage matrix as a Qt table model: a row per person, a column per service.

Columns: the name, the team, one per service, the person's percent; a last row holds
each service's covered / eligible and percent (the figures of the quarterly summary).
Cells carry the symbol and date or word of `app.services.matrix.cell_text` on a light
colour, so colour is never the only sign.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from app.db.base import label_of
from app.db.models import Staff
from app.db.vocabulary import CoverageStatus
from app.services.matrix import (
    COLOURS,
    CoverageMatrix,
    MatrixCell,
    MatrixRow,
    cell_text,
    figures_text,
    percent_text,
)

Index = QModelIndex | QPersistentModelIndex
LEADING = 2  # name, team


class MatrixModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.matrix: CoverageMatrix | None = None
        self.rows: list[MatrixRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def show_matrix(self, matrix: CoverageMatrix, name_filter: str = "") -> None:
        self.beginResetModel()
        self.matrix = matrix
        words = name_filter.split()
        self.rows = [
            row for row in matrix.rows if all(word in f"{row.name} {row.team}" for word in words)
        ]
        self.endResetModel()

    # ----------------------------------------------------------------- look-ups
    def cell_at(self, index: Index) -> tuple[MatrixRow, int, MatrixCell] | None:
        """(row, service id, cell) of a service cell; None for names, percents, totals."""
        if self.matrix is None or not index.isValid() or index.row() >= len(self.rows):
            return None
        column = index.column() - LEADING
        if not 0 <= column < len(self.matrix.columns):
            return None
        row = self.rows[index.row()]
        return row, self.matrix.columns[column].service_id, row.cells[column]

    def index_of(self, staff_id: int, service_id: int) -> QModelIndex:
        assert self.matrix is not None
        row = next(i for i, each in enumerate(self.rows) if each.staff_id == staff_id)
        column = next(
            i for i, each in enumerate(self.matrix.columns) if each.service_id == service_id
        )
        return self.index(row, column + LEADING)

    # ----------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.matrix is None:
            return 0
        return len(self.rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.matrix is None:
            return 0
        return LEADING + len(self.matrix.columns) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            self.matrix is None
            or orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
        ):
            return None
        if section == 0:
            return label_of(Staff, "name")
        if section == 1:
            return label_of(Staff, "team_id")
        if section - LEADING < len(self.matrix.columns):
            column = self.matrix.columns[section - LEADING]
            return f"{column.name}\n{column.rule.label()}"  # two short lines: narrow columns
        return self.tr("Done")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.matrix is None or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row == len(self.rows):
            return self._total(column, role)
        person = self.rows[row]
        service = column - LEADING
        if 0 <= service < len(self.matrix.columns):
            return self._cell(person.cells[service], self.matrix.columns[service].name, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return person.name
            if column == 1:
                return person.team
            return percent_text(person.rate)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return f"{person.name} · {person.field.label()}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _cell(self, cell: MatrixCell, service: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(f"#{COLOURS[cell.status]}")
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#1a1a1a")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if cell.status == CoverageStatus.DONE:
                return self.tr("{service}: done on {day} (double-click to open)").format(
                    service=service, day=cell.day.isoformat() if cell.day else ""
                )
            if cell.status in (CoverageStatus.DUE, CoverageStatus.OVERDUE):
                return self.tr("{service}: {status} (click to record it)").format(
                    service=service, status=cell.status.label()
                )
            return self.tr("{service}: not applicable").format(service=service)
        if role == Qt.ItemDataRole.UserRole:
            return cell.status.value
        return None

    def _total(self, column: int, role: int) -> Any:
        assert self.matrix is not None
        service = column - LEADING
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return self.tr("Coverage")
        if 0 <= service < len(self.matrix.columns):
            return figures_text(self.matrix.columns[service])
        return ""
