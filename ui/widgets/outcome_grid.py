"""The batch entry grid's table: keys behave as in Excel.

Typing starts editing the current cell (replacing it); Enter moves down, Tab right,
the arrows move; Delete clears the selection; Ctrl+V pastes a block copied from Excel
or WPS at the current cell; Ctrl+C copies the selection the same way; Ctrl+Z takes
back the last edit. Each cell paints, small and grey on its left, what other entries
already hold for it (`PARTS_ROLE`).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.grid_model import PARTS_ROLE, PROBLEM_ROLE, OutcomeGridModel, PasteRefused

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
PARTS_COLOUR = QColor("#8a8a8a")
BAD_FRAME = QColor("#c0392b")


class PartsDelegate(QStyledItemDelegate):
    """Paints a cell as usual plus its "already entered" note, and a red frame round a
    bad cell (seen even on the current, highlighted cell); edits in a right-aligned
    line edit."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        if index.data(PROBLEM_ROLE):
            painter.save()
            painter.setPen(QPen(BAD_FRAME, 2))
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))  # type: ignore[attr-defined]
            painter.restore()
        note = index.data(PARTS_ROLE)
        if note:
            painter.save()
            font = option.font  # type: ignore[attr-defined]
            font.setPointSizeF(max(font.pointSizeF() * 0.8, 7.0))
            painter.setFont(font)
            painter.setPen(PARTS_COLOUR)
            area = option.rect.adjusted(4, 0, -4, 0)  # type: ignore[attr-defined]
            painter.drawText(
                area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), note
            )
            painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        return editor


class GridView(QTableView):
    """`paste_refused(message)` fires when a copied block does not fit."""

    paste_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(PartsDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(104)
        self.horizontalHeader().setMinimumSectionSize(72)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(30)

    def grid_model(self) -> OutcomeGridModel:
        model = self.model()
        assert isinstance(model, OutcomeGridModel)
        return model

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self._fit_header)

    def _fit_header(self) -> None:
        header = self.horizontalHeader()
        lines = max(
            (
                str(self.model().headerData(c, Qt.Orientation.Horizontal) or "").count("\n") + 1
                for c in range(self.model().columnCount())
            ),
            default=1,
        )
        header.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 10)

    # ----------------------------------------------------------------- keys
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste(QGuiApplication.clipboard().text())
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy()
                return
            if event.matches(QKeySequence.StandardKey.Undo):
                self.grid_model().undo()
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.grid_model().clear(self.selected_cells())
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.move_by(1, 0)
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter in a cell commits it and moves down, Tab (Shift+Tab) right (left), as in
        Excel: the next cell is chosen, not opened for editing."""
        moves = {
            QAbstractItemDelegate.EndEditHint.SubmitModelCache: (1, 0),
            QAbstractItemDelegate.EndEditHint.EditNextItem: (0, 1),
            QAbstractItemDelegate.EndEditHint.EditPreviousItem: (0, -1),
        }
        move = moves.get(hint)
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if move else hint)
        if move is not None:
            self.move_by(*move)

    def move_by(self, rows: int, columns: int) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        row = min(max(current.row() + rows, 0), self.model().rowCount() - 1)
        column = min(max(current.column() + columns, 0), self.model().columnCount() - 1)
        self.setCurrentIndex(self.model().index(row, column))

    # ----------------------------------------------------------------- clipboard
    def selected_cells(self) -> list[tuple[int, int]]:
        cells = {(index.row(), index.column()) for index in self.selectedIndexes()}
        current = self.currentIndex()
        if not cells and current.isValid():
            cells = {(current.row(), current.column())}
        return sorted(cells)

    def paste(self, text: str) -> None:
        current = self.currentIndex()
        if not current.isValid() or not text:
            return
        refused = self.grid_model().paste(text, (current.row(), current.column()))
        if isinstance(refused, PasteRefused):
            self.paste_refused.emit(refused.message)

    def copy(self) -> None:
        cells = self.selected_cells()
        if not cells:
            return
        rows = sorted({r for r, _c in cells})
        columns = sorted({c for _r, c in cells})
        model = self.grid_model()
        text = "\n".join("\t".join(model.text((r, c)) for c in columns) for r in rows)
        QApplication.clipboard().setText(text + "\n")
