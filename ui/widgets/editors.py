"""One way to read, fill and watch any field editor, and to show a message under it.

Record forms and the office settings both lay out fields this way, so a message
beside a field and a field's red border look the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.db.vocabulary import Vocabulary
from ui.table_models import cell_text

translate = QCoreApplication.translate
Editor = QLineEdit | QPlainTextEdit | QComboBox | QCheckBox | QSpinBox
COMPACT_WIDTH = 180


def vocabulary_combo(enum_class: type[Vocabulary], *, blank: bool = False) -> QComboBox:
    """A drop-down of a vocabulary's labels; the item data is the stored code. With
    `blank`, a first empty choice (data None) for a field that may stay unset."""
    combo = QComboBox()
    if blank:
        combo.addItem("", None)
    for member in enum_class:
        combo.addItem(member.label(), member.value)
    return combo


def editor_value(editor: Editor) -> Any:
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QComboBox):
        return editor.currentText() if editor.isEditable() else editor.currentData()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    return editor.value()


def set_editor_value(editor: Editor, value: Any) -> None:
    if isinstance(value, Enum):
        value = value.value
    if isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(value or 0))
    elif isinstance(editor, QComboBox) and not editor.isEditable():
        editor.setCurrentIndex(max(editor.findData(value), 0))
    elif isinstance(editor, QComboBox):
        editor.setCurrentText(cell_text(value))
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText(cell_text(value))
    else:
        editor.setText(cell_text(value))


def on_edit(editor: Editor, slot: Callable[..., Any]) -> None:
    """Call `slot` when the clerk changes the value (not when the program fills it in,
    for line edits, so loading a record does not count as an edit)."""
    if isinstance(editor, QLineEdit):
        editor.textEdited.connect(slot)
    elif isinstance(editor, QPlainTextEdit):
        editor.textChanged.connect(slot)
    elif isinstance(editor, QComboBox) and editor.isEditable():
        editor.currentTextChanged.connect(slot)
    elif isinstance(editor, QComboBox):
        editor.currentIndexChanged.connect(slot)
    elif isinstance(editor, QCheckBox):
        editor.toggled.connect(slot)
    else:
        editor.valueChanged.connect(slot)


class FieldMessage(QLabel):
    """A field's message on one line reserved under it, so a message appearing never
    pushes the later fields down. A message longer than the line is drawn shortened
    with 「…」 and whole in its tooltip; `fits_changed` tells the form, which then shows it
    in full in its message area (the form's last line), so no message is ever cut off.
    `text()` is always the whole message."""

    fits_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("fieldError")
        self.ensurePolished()
        self.setText("必填 Mg")  # one line as drawn, with the CJK font's taller line
        self.setFixedHeight(self.sizeHint().height())
        self.setText("")
        # Its width is the field's, never the message's: a long one cannot widen the form.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._fitted = True
        self.hide()

    def fits(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) <= self.contentsRect().width()

    def set_message(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(text)
        self._refit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def _refit(self) -> None:
        if self.fits() != self._fitted:
            self._fitted = not self._fitted
            self.fits_changed.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.fits():
            super().paintEvent(event)
            return
        area = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, area.width()
        )
        self.style().drawItemText(
            QPainter(self), area, int(self.alignment()), self.palette(), self.isEnabled(), shown,
            self.foregroundRole(),
        )  # fmt: skip


def field_box(editor: QWidget, hint: str = "") -> tuple[QWidget, FieldMessage]:
    """The editor, an optional grey hint and a hidden message label, stacked.

    The box takes the whole width of the form's field column, so hints wrap at the
    form's width rather than at a narrow editor's; drop-downs and spin boxes keep a
    compact width on the left, text fields fill the line.
    """
    box = QWidget()
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if isinstance(editor, QComboBox | QSpinBox):
        editor.setMinimumWidth(COMPACT_WIDTH)
        column.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)
    else:
        column.addWidget(editor)
    if hint:
        note = QLabel(hint)
        note.setObjectName("hint")
        note.setWordWrap(True)
        column.addWidget(note)
    error = FieldMessage()
    column.addWidget(error)
    return box, error


def choice_combo(choices: Sequence[str]) -> QComboBox:
    """An editable drop-down over a code table (`app.db.code_tables`): typing filters the
    list (any part of the entry, 「蒙」 finds 蒙古族), and a value outside the list is kept
    as typed; `mark_unlisted` flags it."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("")
    combo.addItems(list(choices))
    completer = QCompleter(list(choices), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    combo.currentTextChanged.connect(lambda text: mark_unlisted(combo, choices, text))
    return combo


def mark_unlisted(combo: QComboBox, choices: Sequence[str], text: str) -> None:
    """Flag (amber, with a tooltip) a value that is not one of the standard choices."""
    unlisted = bool(text.strip()) and text.strip() not in choices
    combo.setProperty("unlisted", unlisted)
    combo.setToolTip(
        translate("Editors", "Not in the standard list; kept as written") if unlisted else ""
    )
    combo.style().polish(combo)


def show_messages(editor: QWidget, error: FieldMessage, messages: Sequence[str]) -> None:
    """Put `messages` under the field and mark it red, or clear both."""
    error.set_message(translate("Editors", "; ").join(messages))
    error.setVisible(bool(messages))
    editor.setProperty("invalid", bool(messages))
    editor.style().polish(editor)
