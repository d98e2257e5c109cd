"""The README's screenshots: docs/screenshot-<page>.png, one per page, on the demo ledger.

    uv run python docs/make_screenshots.py [FOLDER]

Runs on Qt's offscreen platform, so it needs no screen (a server, CI), only a CJK font
(Debian: fonts-noto-cjk). "Today" is the day the demo was built (2024-12-31), so the
dashboard shows the demo's last quarter and the quarterly summary the one before, as
a clerk would see them then. The window is the app's own, 1280 × 800, in Chinese, with
Qt settings kept in a temporary folder; each page is shown once its background work
has finished (ui/self_check.py walks the pages the same way for --self-test).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SIZE = (1280, 800)
STAFF_SHOWN = "徐兴健"  # the person whose file the staff page shows beside the list


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else ROOT / "docs"
    target.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_API"] = "PySide6"
    # One fixed folder, so the status bar's file path is the same in every run.
    folder = Path(tempfile.gettempdir()) / "bangfu-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    os.environ["XDG_DATA_HOME"] = str(folder / "data")  # nothing in the clerk's data folder
    try:
        for path in shoot(folder, target):
            print(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def shoot(folder: Path, target: Path) -> list[Path]:
    from app import clock
    from app.db.ledger import Ledger
    from app.demo.build import create_demo
    from app.demo.facts import BUILT_AT
    from ui.application import LedgerApplication
    from ui.context import LedgerContext
    from ui.main_window import MainWindow
    from ui.self_check import isolated_application, settle

    saved = []
    with clock.frozen(BUILT_AT):
        database = create_demo(folder / "demo.db")
        isolated_application(folder / "settings", "zh_CN")
        context = LedgerContext(Ledger.open(database, exclusive=True))
        window = MainWindow(context, LedgerApplication(), is_demo=True)
        window.resize(*SIZE)
        window.show()
        try:
            for row in range(window.navigation.count()):
                window.navigation.setCurrentRow(row)
                settle(context)
                key = window.current_key()
                if key == "staff":
                    select_person(window.page(key), STAFF_SHOWN)
                    settle(context)
                path = target / f"screenshot-{key}.png"
                if not window.grab().save(str(path)):
                    raise OSError(f"could not write {path}")
                saved.append(path)
            saved.append(shoot_staff_form(window, target))
            saved.append(shoot_sign_off(context, target))
        finally:
            window.hide()
            context.close()
    return saved


def shoot_staff_form(window: object, target: Path) -> Path:
    """A new staff form with a message under a date (the later fields stay put)."""
    from PySide6.QtWidgets import QApplication, QDialog

    from ui.dialogs.staff_form import StaffForm
    from ui.widgets.editors import set_editor_value

    page = window.go_to("staff")  # type: ignore[attr-defined]
    page.editing.new_record()
    form = page.editing.form
    assert isinstance(form, StaffForm)
    form.editors["name"].setText("林海")
    set_editor_value(form.editors["ethnicity"], "蒙古族")
    form.editors["start_date"].setText("2024-07-01")
    form.editors["actual_end"].setText("2024-06-01")
    form._touched.update({"name", "start_date", "actual_end"})
    form.check()
    QApplication.processEvents()
    path = target / "screenshot-staff-form.png"
    if not form.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    QDialog.done(form, 0)  # close without the "discard changes?" question
    return path


def shoot_sign_off(context: object, target: Path) -> Path:
    """The last page of the quarterly summary's PDF: the sign-off block (needs pdftoppm)."""
    import subprocess

    from app.periods import Quarter
    from app.reports.prepared import prepare_summary
    from ui.printing import render_pdf

    prepared = context.read(prepare_summary, Quarter(2024, 4), printable=True)  # type: ignore[attr-defined]
    assert prepared.document is not None
    pdf = render_pdf(prepared.document, target / "summary-sign-off.pdf")
    pages = int(
        next(
            line.split()[1]
            for line in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    stem = target / "screenshot-sign-off"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", str(pages), "-l", str(pages), "-singlefile",
         str(pdf), str(stem)],
        check=True,
    )  # fmt: skip
    pdf.unlink()
    return stem.with_suffix(".png")


def select_person(page: object, name: str) -> None:
    """Click the list's row of `name`, as a clerk would, so the person's file shows."""
    from PySide6.QtWidgets import QWidget

    from ui.widgets.record_list import RecordList

    assert isinstance(page, QWidget)
    records = page.findChild(RecordList)
    assert records is not None, "the staff page has no list"
    for row in range(records.model.rowCount()):
        if records.model.data(records.model.index(row, 0)) == name:
            records.view.selectRow(row)
            return
    raise LookupError(f"{name} is not in the demo's roster")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
