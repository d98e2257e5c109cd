"""The import wizard: file → sheet → header row → columns → preview → import.

Every step shows what `app.exchange` found and lets the clerk correct it: another
sheet, another header row, a column mapped to another field (remembered for the next
file with the same headers). The preview runs on the worker thread and lists every
row with its status and reason; nothing is written until Import, which commits the
valid rows as one batch (undone from Settings → Import history) behind a progress
dialog whose Cancel stops it before anything is kept.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QWidget, QWizard

from app.errors import Cancelled
from app.exchange.importing import ImportOptions, Preview, guess_layout, missing_fields
from app.exchange.imports import IMPORTERS, commit, is_wide
from app.exchange.layout import FieldSpec, Layout
from app.exchange.reading import SourceBook
from app.exchange.wide_tables import wide_fields, wide_layouts, wide_missing
from app.records.work import Done
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.dialogs.import_pages import FilePage, MappingPage, PreviewPage, SheetPage, counts_text


class ImportWizard(QWizard):
    """`what` is the import ("staff", "services", "outcomes", "mentorships")."""

    def __init__(self, context: LedgerContext, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.what = context, what
        self.book: SourceBook | None = None
        self.sheet_layout: Layout | None = None  # the chosen sheet's header and columns
        # A wide outcome workbook: every team sheet's layout, and the sheets whose
        # title gives no period (the preview then asks for one).
        self.wide_layouts: list[Layout] = []
        self.untitled: list[str] = []
        self._wide: tuple[SourceBook, bool] | None = None
        self.done_value: Preview | None = None
        self.committing = False
        self.setWindowTitle(self.tr("Import from Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.resize(900, 620)
        self.file_page, self.sheet_page = FilePage(self), SheetPage(self)
        self.mapping_page, self.preview_page = MappingPage(self), PreviewPage(self)
        for page in (self.file_page, self.sheet_page, self.mapping_page, self.preview_page):
            self.addPage(page)

    def importer(self) -> Any:
        return IMPORTERS[self.what]()

    def wide(self) -> bool:
        """Whether the workbook holds monthly team tables (outcomes, the wide shape)."""
        assert self.book is not None
        if self._wide is None or self._wide[0] is not self.book:
            wide = self.context.read(is_wide, self.book, self.what, ImportOptions())
            self._wide = (self.book, wide)
        return self._wide[1]

    def find_wide_layouts(self) -> list[Layout]:
        """Each team sheet's layout as found (or remembered), for the columns page."""
        assert self.book is not None
        found = self.context.read(wide_layouts, self.book, ImportOptions())
        self.wide_layouts = [layout for layout, _period in found]
        self.untitled = [layout.sheet for layout, period in found if period is None]
        return self.wide_layouts

    def fields(self) -> list[FieldSpec]:
        """What a column may fill: the import's fields, or (wide) who and the metrics."""
        if self.wide():
            return self.context.read(wide_fields)
        return list(self.importer().fields)

    def missing(self, layout: Layout) -> list[str]:
        """What the mapping of `layout` still lacks."""
        if self.wide():
            return wide_missing(layout)
        return missing_fields(self.importer(), layout)

    def find_layout(self, options: ImportOptions) -> Layout:
        assert self.book is not None
        return self.context.read(guess_layout, self.book, self.importer(), options)

    def import_options(self, period: str | None = None) -> ImportOptions:
        layout = self.sheet_layout
        if self.book is not None and self.wide():
            mappings = {each.sheet: dict(each.mapping) for each in self.wide_layouts}
            return ImportOptions(period=period, mappings=mappings)
        if layout is None:
            return ImportOptions(period=period)
        return ImportOptions(
            sheet=layout.sheet,
            header_row=layout.header_top,
            mapping=dict(layout.mapping),
            period=period,
        )

    def commit(self, planned: Preview, period: str | None) -> None:
        assert self.book is not None
        self.committing = True
        op = self.context.write(
            partial(
                commit,
                book=self.book,
                what=self.what,
                preview=planned,
                options=self.import_options(period),
            ),
            confirmed=planned.cautions,
            progress_label=self.tr("Importing {file}…").format(file=self.book.file_name),
            parent=self,
            cancellable=True,
            backup_first="import",
        )
        op.done.connect(self._committed)
        op.failed.connect(self._refused)
        op.confirm.connect(self._refused)

    def _refused(self, error: BaseException) -> None:
        self.committing = False
        if not isinstance(error, Cancelled):
            ask.show_error(self, str(error))

    def _committed(self, done: Done[Preview]) -> None:
        self.done_value = done.value
        ask.show_info(
            self,
            self.tr("Imported: {counts}. Undo it in Settings → Import history.").format(
                counts=counts_text(done.value)
            ),
        )
        self.accept()  # the preview page now lets the wizard finish
