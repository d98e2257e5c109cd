"""Ctrl+P on a list (and a person's file): read it on the worker, then the summary's preview.

Every list page prints through here (`RecordList.print_list`): the rows are read in the
background through the page's own listing and query (`app.reports.list_document`),
so a long or windowed list prints whole without freezing the window, and the
preview (`ui.printing`, A4 landscape) shows exactly what the printer gets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QWidget

from app.db.listing import Listing, ListQuery
from app.errors import NotFoundError
from app.reports.document import PrintableDocument
from app.reports.list_document import (
    ListFilter,
    TooLongToPrint,
    list_document,
    read_printable_list,
)
from app.reports.staff_files import staff_files_document
from ui import printing
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.tasks import Task, Work
from ui.widgets.date_edit import DateEdit

translate = QCoreApplication.translate


def chosen_filters(filters: Iterable[tuple[str, QWidget]]) -> list[ListFilter]:
    """The filters the clerk set, worded as on screen, from (name, widget) pairs: a
    combo's chosen text (none while it shows its "All …" first entry), a ticked box's
    own text, a typed date, a date box switched on. Widgets or left at "any" say nothing."""
    chosen = []
    for label, widget in filters:
        if isinstance(widget, QComboBox) and widget.currentIndex() > 0 and widget.currentData():
            chosen.append(ListFilter(label, widget.currentText()))
        elif isinstance(widget, QCheckBox) and widget.isChecked():
            chosen.append(ListFilter(label, widget.text().replace("&", "")))
        elif isinstance(widget, DateEdit) and widget.date() is not None:
            day = widget.date()
            assert day is not None
            chosen.append(ListFilter(label, day.isoformat()))
        elif isinstance(widget, QDateEdit) and widget.isEnabled():  # ticked on (audit log)
            chosen.append(ListFilter(label, widget.date().toString("yyyy-MM-dd")))
    return chosen


def print_list(
    parent: QWidget,
    context: LedgerContext,
    listing: Listing,
    query: ListQuery,
    title: str,
    *,
    columns: Sequence[str] | None = None,
    widths: Sequence[int] | None = None,
    filters: Sequence[ListFilter] = (),
) -> Task:
    """Read every row `listing` shows for `query` (in `columns`, sharing the paper's width
    as `widths` say: the screen's) on the worker, then show
    the print preview, A4 landscape; a list too long to print says so and what to do."""
    return print_in_background(
        parent,
        context,
        lambda session, _progress: list_document(
            read_printable_list(
                session, listing, query, title, columns=columns, widths=widths, filters=filters
            )
        ),
        landscape=True,
    )


def print_staff_files(parent: QWidget, context: LedgerContext, staff_ids: Sequence[int]) -> Task:
    """The files of `staff_ids` (个人档案), each person from the top of a page, A4 portrait."""
    ids = list(staff_ids)
    return print_in_background(
        parent, context, lambda session, _progress: staff_files_document(session, ids)
    )


def print_in_background(
    parent: QWidget, context: LedgerContext, work: Work, *, landscape: bool = False
) -> Task:
    """Build a `PrintableDocument` with `work(session, progress)` on the worker (behind a
    progress dialog), then show the one print preview (`ui.printing`)."""
    task = context.tasks.start(parent, translate("ListPrint", "Preparing the printout…"), work)
    task.finished.connect(lambda document: _preview(parent, document, landscape))
    task.failed.connect(partial(_refused, parent))
    return task


def _preview(parent: QWidget, document: PrintableDocument, landscape: bool) -> None:
    printing.print_with_preview(parent, document, landscape=landscape)


def _refused(parent: QWidget, error: BaseException) -> None:
    if isinstance(error, TooLongToPrint | NotFoundError):
        ask.show_info(parent, str(error))
    else:
        reason = translate("ListPrint", "The printout could not be prepared: {reason}")
        ask.show_error(parent, reason.format(reason=error))
