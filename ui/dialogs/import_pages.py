"""The import wizard's pages: file, sheet and header row, columns, preview.

Each page shows what `app.exchange` found and lets the clerk correct it; the wizard
(`ui.dialogs.import_wizard`) holds what they share (the workbook, the layout) and
commits.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from app.errors import LedgerError
from app.exchange.importing import ImportOptions, Preview, RowStatus
from app.exchange.imports import preview, write_refused_rows
from app.exchange.layout import FieldSpec, Layout, column_name
from app.exchange.reading import SourceBook, read_workbook
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.exporting import suggested_path, with_suffix
from ui.table_models import cell_text


class ImportWizard(Protocol):
    """What the pages share through the wizard (`ui.dialogs.import_wizard`)."""

    context: LedgerContext
    what: str
    book: SourceBook | None
    sheet_layout: Layout | None
    wide_layouts: list[Layout]
    untitled: list[str]
    done_value: Preview | None
    committing: bool

    def importer(self) -> Any: ...
    def wide(self) -> bool: ...
    def find_wide_layouts(self) -> list[Layout]: ...
    def fields(self) -> list[FieldSpec]: ...
    def missing(self, layout: Layout) -> list[str]: ...
    def find_layout(self, options: ImportOptions) -> Layout: ...
    def import_options(self, period: str | None = None) -> ImportOptions: ...
    def commit(self, planned: Preview, period: str | None) -> None: ...
    def pageIds(self) -> list[int]: ...


translate = QCoreApplication.translate
SAMPLE_ROWS = 12
STATUS_COLOURS = {
    RowStatus.NEW: "#e8f5e9",
    RowStatus.UPDATE: "#e3f2fd",
    RowStatus.DUPLICATE: "#f5f5f5",
    RowStatus.WARNING: "#fff8e1",
    RowStatus.ERROR: "#ffebee",
}


def status_label(status: RowStatus) -> str:
    return {
        RowStatus.NEW: translate("ImportWizard", "New"),
        RowStatus.UPDATE: translate("ImportWizard", "Update"),
        RowStatus.DUPLICATE: translate("ImportWizard", "Unchanged"),
        RowStatus.WARNING: translate("ImportWizard", "Warning"),
        RowStatus.ERROR: translate("ImportWizard", "Refused"),
    }[status]


def counts_text(preview: Preview) -> str:
    counts = preview.counts()
    return translate(
        "ImportWizard",
        "{new} new, {updated} updated, {duplicate} unchanged, {warning} with warnings, "
        "{error} refused",
    ).format(
        new=counts[RowStatus.NEW],
        updated=counts[RowStatus.UPDATE],
        duplicate=counts[RowStatus.DUPLICATE],
        warning=counts[RowStatus.WARNING],
        error=counts[RowStatus.ERROR],
    )


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill_sheet(table: QTableWidget, rows: list[tuple[Any, ...]], highlight: int = 0) -> None:
    """The sheet's first rows as Excel shows them (row numbers at the side)."""
    width = max((len(row) for row in rows), default=0)
    table.setRowCount(len(rows))
    table.setColumnCount(width)
    table.setHorizontalHeaderLabels([column_name(column) for column in range(width)])
    table.setVerticalHeaderLabels([str(number) for number in range(1, len(rows) + 1)])
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(cell_text(value))
            if row + 1 == highlight:
                item.setBackground(QBrush(QColor("#fff3c4")))
            table.setItem(row, column, item)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Choose the workbook"))
        self.setSubTitle(self.tr("An Excel or WPS workbook (.xlsx, or the older .xls)."))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.clicked.connect(self.choose_file)
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("formError")
        layout.addWidget(self.message)
        layout.addStretch(1)

    def choose_file(self) -> None:
        path = ask.ask_open_path(
            self, self.tr("Import from Excel"), self.tr("Excel workbooks (*.xlsx *.xls)")
        )
        if path is None:
            return
        self.path.setText(str(path))
        try:
            self.owner.book = read_workbook(path)
        except Exception as error:  # an unreadable file: say why, stay on this page
            self.owner.book = None
            self.message.setText(str(error))
        else:
            self.message.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.book is not None

    def nextId(self) -> int:
        """Monthly team tables are found sheet by sheet: straight on to their columns."""
        if self.owner.book is not None and self.owner.wide():
            return self.owner.pageIds()[2]
        return super().nextId()


class SheetPage(QWizardPage):
    """Which sheet, and which row holds the headers (found; the clerk may change both)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Sheet and header row"))
        self.setSubTitle(self.tr("The highlighted row names the columns; data start below it."))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.sheet = QComboBox()
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 30)
        sheet_label = QLabel(self.tr("Sheet:"))
        sheet_label.setBuddy(self.sheet)
        header_label = QLabel(self.tr("Header row:"))
        header_label.setBuddy(self.header_row)
        for widget in (sheet_label, self.sheet, header_label, self.header_row):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.sample = _table(1)
        layout.addWidget(self.sample, 1)
        self.sheet.currentIndexChanged.connect(self._sheet_chosen)
        self.header_row.valueChanged.connect(self._header_chosen)

    def initializePage(self) -> None:
        book = self.owner.book
        assert book is not None
        try:
            layout = self.owner.find_layout(ImportOptions())
        except LedgerError as error:  # no sheet names the columns: the clerk chooses
            layout = Layout(book.sheets[0].name, 1, 1, [])
            self.setSubTitle(str(error))
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for sheet in book.sheets:
            self.sheet.addItem(sheet.name)
        self.sheet.setCurrentText(layout.sheet)
        self.sheet.blockSignals(False)
        self._show(layout)

    def _show(self, layout: Layout) -> None:
        self.owner.sheet_layout = layout
        self.header_row.blockSignals(True)
        self.header_row.setValue(layout.header_top)
        self.header_row.blockSignals(False)
        sheet = self.owner.book.sheet(layout.sheet) if self.owner.book else None
        rows = sheet.rows[: max(SAMPLE_ROWS, layout.first_row + 3)] if sheet else []
        _fill_sheet(self.sample, rows, layout.header_top)

    def _sheet_chosen(self) -> None:
        self._find(ImportOptions(sheet=self.sheet.currentText()))

    def _header_chosen(self, row: int) -> None:
        self._find(ImportOptions(sheet=self.sheet.currentText(), header_row=row))

    def _find(self, options: ImportOptions) -> None:
        try:
            self._show(self.owner.find_layout(options))
        except LedgerError as error:
            self.setSubTitle(str(error))
            self.owner.sheet_layout = Layout(options.sheet or "", options.header_row or 1, 1, [])
            self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.sheet_layout is not None and bool(self.owner.sheet_layout.headers)


class MappingPage(QWizardPage):
    """One line per column: its header, a sample value, and the field it fills. For
    monthly team tables, one sheet at a time (chosen above the table)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Check which field each column fills; your choice is remembered."))
        layout = QVBoxLayout(self)
        sheet_row = QHBoxLayout()
        self.sheet_label = QLabel(self.tr("Team sheet:"))
        self.sheet = QComboBox()
        self.sheet_label.setBuddy(self.sheet)
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet)
        sheet_row.addStretch(1)
        layout.addLayout(sheet_row)
        self.table = _table(4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header"), self.tr("First value"), self.tr("Field")]
        )
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.combos: list[QComboBox] = []
        self.fields: list[FieldSpec] = []
        self.sheet.currentIndexChanged.connect(self._sheet_chosen)

    def initializePage(self) -> None:
        owner = self.owner
        assert owner.book is not None
        wide = owner.wide()
        self.sheet.setVisible(wide)
        self.sheet_label.setVisible(wide)
        self.fields = owner.fields()
        if wide:
            try:
                layouts = owner.find_wide_layouts()
            except LedgerError as error:
                self.message.setText(str(error))
                owner.sheet_layout = None
                self.table.setRowCount(0)
                self.completeChanged.emit()
                return
            self.sheet.blockSignals(True)
            self.sheet.clear()
            for each in layouts:
                self.sheet.addItem(each.sheet)
            self.sheet.blockSignals(False)
            owner.sheet_layout = layouts[0]
        self._fill()

    def _sheet_chosen(self, index: int) -> None:
        if 0 <= index < len(self.owner.wide_layouts):
            self.owner.sheet_layout = self.owner.wide_layouts[index]
            self._fill()

    def _fill(self) -> None:
        layout = self.owner.sheet_layout
        assert layout is not None and self.owner.book is not None
        sheet = self.owner.book.sheet(layout.sheet)
        first = sheet.rows[layout.first_row - 1] if layout.first_row <= len(sheet.rows) else ()
        self.table.setRowCount(len(layout.headers))
        self.combos = []
        for column, header in enumerate(layout.headers):
            sample = first[column] if column < len(first) else None
            for position, text in enumerate((column_name(column), header, cell_text(sample))):
                self.table.setItem(column, position, QTableWidgetItem(text))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), "")
            for spec in self.fields:
                combo.addItem(spec.label(), spec.key)
            combo.setCurrentIndex(max(combo.findData(layout.mapping.get(column, "")), 0))
            combo.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(column, 3, combo)
            self.combos.append(combo)
        self._changed()

    def _changed(self) -> None:
        layout = self.owner.sheet_layout
        assert layout is not None
        layout.mapping = {
            column: combo.currentData()
            for column, combo in enumerate(self.combos)
            if combo.currentData()
        }
        missing = self._missing()
        self.message.setText(
            self.tr("Choose a column for: {fields}").format(fields="、".join(missing))
            if missing
            else ""
        )
        self.completeChanged.emit()

    def _missing(self) -> list[str]:
        """What the mapping lacks (wide: the first team sheet lacking anything)."""
        layouts = self.owner.wide_layouts if self.owner.wide() else [self.owner.sheet_layout]
        for layout in layouts:
            missing = self.owner.missing(layout) if layout is not None else ["?"]
            if missing:
                return [f"{layout.sheet}：{field}" for field in missing] if layout else missing
        return []

    def isComplete(self) -> bool:
        return self.owner.sheet_layout is not None and not self._missing()


class PreviewPage(QWizardPage):
    """Every row with its status and reason; counts above; refused rows can be saved."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Nothing is written until you press Import."))
        layout = QVBoxLayout(self)
        period_row = QHBoxLayout()
        self.period_label = QLabel(self.tr("Period of the tables:"))
        self.period = QLineEdit()
        self.period.setPlaceholderText(self.tr("2024-09 or 2024Q3 (else from the title)"))
        self.period.editingFinished.connect(self._period_given)
        self.period_label.setBuddy(self.period)
        period_row.addWidget(self.period_label)
        period_row.addWidget(self.period)
        period_row.addStretch(1)
        layout.addLayout(period_row)
        self.counts = QLabel()
        self.counts.setObjectName("sectionTitle")
        layout.addWidget(self.counts)
        self.created = QLabel()
        self.created.setWordWrap(True)
        layout.addWidget(self.created)
        self.rows = _table(4)
        self.rows.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Status"), self.tr("Name"), self.tr("Details")]
        )
        layout.addWidget(self.rows, 1)
        self.save_refused = QPushButton(self.tr("Save refused rows…"))
        self.save_refused.clicked.connect(self.save_refused_rows)
        layout.addWidget(self.save_refused, 0, Qt.AlignmentFlag.AlignLeft)
        self.result: Preview | None = None
        self.checked_period: str | None = None

    def _period_given(self) -> None:
        """A new period is checked again; leaving the field (for Import) is not one."""
        if (self.period.text().strip() or None) != self.checked_period:
            self.refresh()

    def initializePage(self) -> None:
        """Monthly team tables: the period is asked for when a title does not say it
        (and may be given to override the titles)."""
        wide = self.owner.wide()
        self.period.setVisible(wide)
        self.period_label.setVisible(wide)
        if wide and self.owner.untitled:
            self.period_label.setText(
                self.tr("Period (not in the title of {sheets}):").format(
                    sheets="、".join(self.owner.untitled)
                )
            )
            self.period.setFocus()
        else:
            self.period_label.setText(self.tr("Period of the tables:"))
        self.refresh()

    def refresh(self) -> None:
        self.result = None
        self.counts.setText(self.tr("Checking every row…"))
        self.completeChanged.emit()
        owner = self.owner
        self.checked_period = self.period.text().strip() or None
        book, options = owner.book, owner.import_options(self.checked_period)
        assert book is not None  # the file page read it before this page shows
        task = owner.context.tasks.start(
            self,
            self.tr("Checking the rows…"),
            lambda session, progress: preview(
                session, owner.context.actor, book, owner.what, options, progress=progress
            ),
        )
        task.finished.connect(self._show)
        task.failed.connect(self._failed)

    def _failed(self, error: BaseException) -> None:
        self.counts.setText(str(error))

    def _show(self, result: Preview) -> None:
        self.result = result
        self.counts.setText(counts_text(result))
        created = "、".join(f"{what} {name}" for what, name in result.new_records)
        self.created.setText(self.tr("Created on the way: {records}").format(records=created))
        self.created.setVisible(bool(created))
        self.rows.setRowCount(len(result.rows))
        for index, plan in enumerate(result.rows):
            details = plan.messages() or (
                [self.tr("Changes: {fields}").format(fields="、".join(plan.changed))]
                if plan.changed
                else []
            )
            texts = [plan.label, status_label(plan.status), plan.name, "；".join(details)]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setBackground(QBrush(QColor(STATUS_COLOURS[plan.status])))
                self.rows.setItem(index, column, item)
        self.save_refused.setEnabled(bool(result.errors))
        self.completeChanged.emit()

    def save_refused_rows(self) -> None:
        if self.result is None or self.owner.book is None:
            return
        path = ask.ask_save_path(
            self,
            self.tr("Save refused rows"),
            self.tr("Excel workbook (*.xlsx)"),
            suggested_path(self.tr("Refused rows")),
        )
        if path is not None:
            saved = write_refused_rows(with_suffix(path, ".xlsx"), self.owner.book, self.result)
            ask.show_info(self, self.tr("Saved to {path}").format(path=saved))

    def isComplete(self) -> bool:
        return self.result is not None and any(
            plan.status in (RowStatus.NEW, RowStatus.UPDATE, RowStatus.WARNING)
            for plan in self.result.rows
        )

    def validatePage(self) -> bool:
        """Import: commit on the worker; the wizard closes once it is written."""
        if self.owner.done_value is not None:
            return True  # committed: the wizard may close
        if self.result is None or self.owner.committing:
            return False
        self.owner.commit(self.result, self.period.text().strip() or None)
        return False  # the wizard closes itself when the commit is done
