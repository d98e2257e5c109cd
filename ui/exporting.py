"""Ctrl+E on a list: ask where, then write the workbook in the background.

The rows are read and written on the worker thread, behind a progress dialog with
Cancel, so a long list never freezes the window; the clerk hears where the file
went, or why it could not be written (most often: the same file is open in Excel).
An export with ID numbers in full is asked about first and runs as a command, so it
is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import QWidget

from app.db.listing import Listing, ListQuery
from app.errors import Cancelled, LedgerError
from app.exchange.list_export import Exported, ListExport, export_lists, export_lists_in_full
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.tasks import Task, Work

translate = QCoreApplication.translate


def documents_folder() -> Path:
    """Where a clerk looks for what the app wrote (the Documents folder)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home())


def suggested_path(title: str) -> Path:
    """The Documents folder and a name that says what and when: 操作日志-2024-12-31.xlsx."""
    return documents_folder() / f"{title}-{date.today().isoformat()}.xlsx"


def with_suffix(path: Path, suffix: str) -> Path:
    """`path` ending in `suffix` (a clerk often types a name without it)."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def confirm_full_id(parent: QWidget) -> bool:
    return ask.confirm(
        parent,
        translate("Export", "Export ID numbers in full"),
        translate(
            "Export",
            "The workbook will hold complete ID numbers, which are personal data: keep it "
            "safe and delete it when no longer needed. This export is recorded in the "
            "audit log (who, when, which file, how many rows). Export in full?",
        ),
    )


def export_list(
    parent: QWidget,
    context: LedgerContext,
    listing: Listing,
    query: ListQuery,
    title: str,
    *,
    columns: Sequence[str] | None = None,
    full: bool = False,
) -> QObject | None:
    """Export what `listing` shows for `query` (in `columns`, in that order); the task
    or write under way, None when the clerk cancels. With `full`, ID numbers unmasked."""
    if full and not confirm_full_id(parent):
        return None
    path = ask.ask_save_path(
        parent,
        translate("Export", "Export to Excel"),
        translate("Export", "Excel workbook (*.xlsx)"),
        suggested_path(title),
    )
    if path is None:
        return None
    path = with_suffix(path, ".xlsx")
    part = ListExport(listing, title, query, columns)

    def saved(exported: Exported) -> str:
        return translate("Export", "{rows} rows saved to {path}").format(
            rows=exported.total, path=exported.path
        )

    if full:
        label = translate("Export", "Writing {file}…").format(file=path.name)
        op = context.write(
            partial(export_lists_in_full, path=path, parts=[part]),
            progress_label=label,
            parent=parent,
            cancellable=True,
        )
        op.done.connect(lambda done: ask.show_info(parent, saved(done.value)))
        op.failed.connect(lambda error: _report_failure(parent, error, path))
        return op
    return write_in_background(
        parent,
        context,
        path,
        lambda session, progress: export_lists(session, path, [part], progress=progress),
        done=saved,
        cancellable=True,
    )


def write_in_background(
    parent: QWidget,
    context: LedgerContext,
    path: Path,
    work: Work,
    *,
    done: Callable[[Any], str] | None = None,
    cancellable: bool = False,
) -> Task:
    """Write a file on the worker behind a progress dialog (with Cancel when
    `cancellable`), then say where it went (`done(result)`; "Saved to {path}" by default)
    or why it could not be written. A cancelled write leaves no file and no message."""
    label = translate("Export", "Writing {file}…").format(file=path.name)
    task = context.tasks.start(parent, label, work, cancellable=cancellable)

    def finished(result: Any) -> None:
        if done is None:
            ask.show_info(parent, translate("Export", "Saved to {path}").format(path=result))
        else:
            ask.show_info(parent, done(result))

    task.finished.connect(finished)
    task.failed.connect(lambda error: _report_failure(parent, error, path))
    return task


def _report_failure(parent: QWidget, error: BaseException, path: Path) -> None:
    if not isinstance(error, Cancelled):
        ask.show_error(parent, failure_message(error, path))


def failure_message(error: BaseException, path: Path) -> str:
    """Why `path` could not be written, in words a clerk can act on."""
    if isinstance(error, LedgerError):
        return str(error)
    if isinstance(error, OSError):
        return translate(
            "Export",
            "Could not write {path}. If the file is open in another program (Excel, a PDF "
            "reader), close it and try again. ({reason})",
        ).format(path=path, reason=error.strerror or error)
    return translate("Export", "The file could not be written: {reason}").format(reason=error)
