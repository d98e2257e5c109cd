"""The editable model behind the batch entry grid: a `PeriodGrid` plus what the clerk
typed or pasted, cell by cell, until Save.

Typed text is checked as it arrives with the same rule the save command applies
(`app.records.validation.parse_decimal`), so text, negatives and more than four
decimals are marked at once; a refusal from the command (a person binned meanwhile)
marks its cells the same way. Every edit — a typed cell, a pasted block, a cleared
selection — is one step Ctrl+Z takes back. Nothing here writes: `cells()` hands the
changed cells to `app.outcomes.grid.save_period_values`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.errors import ValidationError
from app.numbers import number_text
from app.outcomes.grid import PeriodCell
from app.outcomes.grid_data import EnteredPart, PeriodGrid, cell_field
from app.periods import Quarter
from app.records.validation import InvalidValue, parse_decimal
from ui.table_models import Index

translate = QCoreApplication.translate
Cell = tuple[int, int]  # (row, column)

PARTS_ROLE = Qt.ItemDataRole.UserRole + 1  # the read-only "already entered" text
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2  # why the cell will not be accepted, if it will not
CHANGED = QColor("#fff3c4")  # typed, not yet saved
BAD = QColor("#f8c9c4")  # will not be accepted: blocks Save
CLOSED = QColor("#eeeeee")


@dataclass(frozen=True)
class PasteRefused:
    """Why a pasted block was not pasted at all (it does not fit the grid)."""

    message: str


def _parse(text: str) -> tuple[Decimal | None, str | None]:
    """The value of typed text and the reason it is refused (None when fine)."""
    try:
        return parse_decimal(text), None
    except InvalidValue as problem:
        return None, str(problem)


class OutcomeGridModel(QAbstractTableModel):
    """`dirty_changed` fires when cells become changed or bad (Save's state follows)."""

    dirty_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.grid: PeriodGrid | None = None
        self._typed: dict[Cell, str] = {}
        self._refused: dict[Cell, str] = {}  # messages from the last save, per cell
        self._undo: list[dict[Cell, str | None]] = []

    # ----------------------------------------------------------------- loading
    def set_grid(self, grid: PeriodGrid | None, *, keep_typed: bool = False) -> None:
        self.beginResetModel()
        self.grid = grid
        if not keep_typed:
            self._typed, self._undo = {}, []
        self._refused = {}
        self.endResetModel()
        self.dirty_changed.emit()

    @property
    def read_only(self) -> bool:
        return self.grid is None or self.grid.closed is not None

    # ----------------------------------------------------------------- state
    def stored(self, cell: Cell) -> Decimal | None:
        assert self.grid is not None
        row, column = self.grid.rows[cell[0]], self.grid.columns[cell[1]]
        return self.grid.values.get((row.owner, column.metric_id))

    def text(self, cell: Cell) -> str:
        if cell in self._typed:
            return self._typed[cell]
        value = self.stored(cell)
        return "" if value is None else number_text(value)

    def problem(self, cell: Cell) -> str | None:
        if cell in self._refused:
            return self._refused[cell]
        return _parse(self._typed[cell])[1] if cell in self._typed else None

    def is_changed(self, cell: Cell) -> bool:
        if cell not in self._typed:
            return False
        value, problem = _parse(self._typed[cell])
        return problem is not None or value != self.stored(cell)

    def changed_cells(self) -> list[Cell]:
        return sorted(cell for cell in self._typed if self.is_changed(cell))

    def bad_cells(self) -> list[Cell]:
        return sorted(cell for cell in {*self._typed, *self._refused} if self.problem(cell))

    def cells(self) -> list[PeriodCell]:
        """The changed cells as the save command takes them (blank = clear)."""
        assert self.grid is not None
        found = []
        for cell in self.changed_cells():
            row, column = self.grid.rows[cell[0]], self.grid.columns[cell[1]]
            text = self._typed[cell].strip()
            found.append(PeriodCell(row.staff_id, row.team_id, column.metric_id, text or None))
        return found

    # ----------------------------------------------------------------- editing
    def edit(self, changes: dict[Cell, str]) -> None:
        """Put text into cells as one step of the undo history."""
        if self.read_only or not changes:
            return
        self._undo.append({cell: self._typed.get(cell) for cell in changes})
        for cell, text in changes.items():
            self._put(cell, text)
        self._announce(changes)

    def undo(self) -> bool:
        """Take back the last edit; False when there is none."""
        if not self._undo:
            return False
        step = self._undo.pop()
        for cell, text in step.items():
            self._typed.pop(cell, None)
            self._refused.pop(cell, None)
            if text is not None:
                self._typed[cell] = text
        self._announce(step)
        return True

    def clear(self, cells: list[Cell]) -> None:
        self.edit({cell: "" for cell in cells if self.text(cell) != ""})

    def paste(self, block: str, at: Cell) -> PasteRefused | None:
        """Paste a tab-separated block (Excel, WPS) with its top-left cell at `at`.

        Values are trimmed; numbers are shown as read ("１２" → 12, "1,200" → 1200);
        anything else is pasted as it is and marked. A block reaching past the grid is
        refused whole, with a message saying how much fits.
        """
        lines = block.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # Excel ends a copied block with a line break
        if not lines or self.grid is None:
            return None
        table = [line.split("\t") for line in lines]
        height, width = len(table), max(len(cells) for cells in table)
        room = (self.rowCount() - at[0], self.columnCount() - at[1])
        if height > room[0] or width > room[1]:
            return PasteRefused(
                translate(
                    "OutcomeGrid",
                    "The copied block has {rows} rows × {columns} columns, but from this cell "
                    "the grid has room for {room_rows} × {room_columns}; nothing was pasted.",
                ).format(rows=height, columns=width, room_rows=room[0], room_columns=room[1])
            )
        changes: dict[Cell, str] = {}
        for r, cells in enumerate(table):
            for c, raw in enumerate(cells):
                text = raw.replace("\u3000", " ").replace("\xa0", " ").strip()
                value, problem = _parse(text)
                shown = number_text(value) if value is not None and problem is None else text
                changes[(at[0] + r, at[1] + c)] = shown
        self.edit(changes)
        return None

    def mark_refused(self, error: ValidationError) -> list[str]:
        """Mark the cells a save refused; the messages that name no cell, to show."""
        assert self.grid is not None
        rows = {row.label: index for index, row in enumerate(self.grid.rows)}
        columns = {cell_field(c.metric_id): index for index, c in enumerate(self.grid.columns)}
        loose: list[str] = []
        for label, fields in error.rows.items():
            for key, messages in fields.items():
                if label in rows and key in columns:
                    self._refused[(rows[label], columns[key])] = "; ".join(messages)
                else:
                    loose += [f"{label} {error.labels.get(key, key)}: {m}" for m in messages]
        if not error.rows:
            loose += error.lines()
        self._announce(dict.fromkeys(self._refused, ""))
        return loose

    def _put(self, cell: Cell, text: str) -> None:
        self._refused.pop(cell, None)
        value, problem = _parse(text)
        if problem is None and value == self.stored(cell):
            self._typed.pop(cell, None)  # back to what is stored: nothing to save
        else:
            self._typed[cell] = text

    def _announce(self, cells: dict[Cell, Any]) -> None:
        for row, column in cells:
            index = self.index(row, column)
            self.dataChanged.emit(index, index)
        self.dirty_changed.emit()

    # ----------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self.read_only else flags | Qt.ItemFlag.ItemIsEditable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.grid.columns):
            column = self.grid.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{column.name}\n（{column.unit}）" if column.unit else column.name
            if role == Qt.ItemDataRole.ToolTipRole and column.aggregation.value == "latest":
                return translate("OutcomeGrid", "A level: the latest value counts, not a sum.")
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.grid.rows):
            row = self.grid.rows[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return row.label if row.on_duty else f"{row.label} ⚠"
            if role == Qt.ItemDataRole.ToolTipRole:
                if row.staff_id is None:
                    return translate("OutcomeGrid", "Figures of the team as a whole")
                if not row.on_duty:
                    return translate(
                        "OutcomeGrid", "Not on duty in this period; shown for the figures it holds"
                    )
            if role == Qt.ItemDataRole.FontRole and row.staff_id is None:
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None or not index.isValid():
            return None
        cell = (index.row(), index.column())
        if not (0 <= cell[0] < self.rowCount() and 0 <= cell[1] < self.columnCount()):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.text(cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.problem(cell):
                return QBrush(BAD)
            if self.is_changed(cell):
                return QBrush(CHANGED)
            if self.read_only:
                return QBrush(CLOSED)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell)
        if role == PARTS_ROLE:
            return self._parts_text(cell)
        if role == PROBLEM_ROLE:
            return self.problem(cell)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        cell = (index.row(), index.column())
        text = str(value if value is not None else "").strip()
        if text != self.text(cell):
            self.edit({cell: text})
        return True

    # ----------------------------------------------------------------- what a cell says
    def _part(self, cell: Cell) -> EnteredPart | None:
        assert self.grid is not None
        row, column = self.grid.rows[cell[0]], self.grid.columns[cell[1]]
        return self.grid.parts.get((row.owner, column.metric_id))

    def _parts_text(self, cell: Cell) -> str:
        part = self._part(cell)
        if part is None:
            return ""
        pieces = []
        if part.months is not None:
            pieces.append(
                translate("OutcomeGrid", "months {value}").format(value=number_text(part.months))
            )
        if part.dated is not None:
            pieces.append(
                translate("OutcomeGrid", "ledger {value}").format(value=number_text(part.dated))
            )
        return " · ".join(pieces)

    def _tooltip(self, cell: Cell) -> str | None:
        assert self.grid is not None
        lines = []
        problem = self.problem(cell)
        if problem:
            lines.append(problem)
        elif self.is_changed(cell):
            lines.append(translate("OutcomeGrid", "Changed, not saved yet"))
        if self.grid.closed:
            lines.append(self.grid.closed)
        part = self._part(cell)
        if part is not None:
            if part.months is not None:
                lines.append(
                    translate(
                        "OutcomeGrid", "Already entered in this quarter's monthly tables: {value}"
                    ).format(value=number_text(part.months))
                )
            if part.dated is not None:
                lines.append(
                    translate(
                        "OutcomeGrid", "Already entered as dated ledger entries: {value}"
                    ).format(value=number_text(part.dated))
                )
            if isinstance(self.grid.period, Quarter):
                note = translate(
                    "OutcomeGrid", "This cell holds only the quarter's own figure, on top of those."
                )
            else:
                note = translate(
                    "OutcomeGrid", "This cell holds only the month's own figure, on top of those."
                )
            lines.append(note)
        return "\n".join(lines) or None
