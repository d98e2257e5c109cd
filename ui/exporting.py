"""Ctrl+E on a list: ask where, then write the workbook in the background.

The rows are read and written on the task thread (`context.tasks`), so a long list
never freezes the window; the clerk hears where the file went, or why it could not
be written (most often: the same file is open in Excel).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QWidget

from app.db.listing import Listing, ListQuery
from app.errors import LedgerError
from app.exchange.list_export import export_listing
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


def export_list(
    parent: QWidget, context: LedgerContext, listing: Listing, query: ListQuery, title: str
) -> Task | None:
    """Export what `listing` shows for `query`; None when the clerk cancels."""
    path = ask.ask_save_path(
        parent,
        translate("Export", "Export to Excel"),
        translate("Export", "Excel workbook (*.xlsx)"),
        suggested_path(title),
    )
    if path is None:
        return None
    path = with_suffix(path, ".xlsx")
    return write_in_background(
        parent,
        context,
        path,
        lambda session, _progress: export_listing(
            session, listing=listing, query=query, path=path, title=title
        ),
    )


def write_in_background(
    parent: QWidget,
    context: LedgerContext,
    path: Path,
    work: Work,
    *,
    done: str | None = None,
) -> Task:
    """Write a file on the worker behind a progress dialog, then say where it went
    (`done`, with {path}; "Saved to {path}" by default) or why it could not be written."""
    template = done or translate("Export", "Saved to {path}")
    label = translate("Export", "Writing {file}…").format(file=path.name)
    task = context.tasks.start(parent, label, work)
    task.finished.connect(lambda saved: ask.show_info(parent, template.format(path=saved)))
    task.failed.connect(lambda error: ask.show_error(parent, failure_message(error, path)))
    return task


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
