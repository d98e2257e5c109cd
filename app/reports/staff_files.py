"""People's files on paper (个人档案): one person per page, each starting a new page.

What the staff detail beside the roster shows (`app.roster.staff_file`): the person's
fields with the status they have today, the services they received, their outcomes
summed by metric (their own, then their team's) and their mentees. Built without Qt
as a `PrintableDocument` for `ui.printing` (A4 portrait there).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from sqlalchemy.orm import Session

from app import clock
from app.db.listing import cell_text
from app.i18n import translate
from app.outcomes.lists import StaffTotals, staff_outcome_totals
from app.records.settings import get_setting
from app.reports.document import PrintableDocument, html_table
from app.roster.staff_file import StaffFile, staff_file

STYLE = """
body { font-size: 10pt; }
p.office { color: #333333; margin: 0px; }
p.name { font-size: 16pt; font-weight: bold; margin-top: 2px; margin-bottom: 2px; }
p.meta { color: #333333; margin: 0px; }
p.section { font-size: 11.5pt; font-weight: bold; margin-top: 12px; margin-bottom: 4px; }
table { border-collapse: collapse; border-color: #777777; }
th { background-color: #dde7f0; font-weight: bold; }
td, th { padding: 3px; }
td.label { background-color: #f2f5f8; }
"""
FACT_PAIRS = 2  # label–value pairs side by side in a row of the data table


@dataclass(frozen=True)
class PrintedFile:
    """One person's file and outcome totals, as read for paper."""

    file: StaffFile
    totals: StaffTotals


def read_staff_files(session: Session, staff_ids: Sequence[int]) -> list[PrintedFile]:
    """The files of `staff_ids`, in that order (NotFoundError if one was deleted)."""
    return [
        PrintedFile(staff_file(session, staff_id), staff_outcome_totals(session, staff_id))
        for staff_id in staff_ids
    ]


def staff_files_document(
    session: Session, staff_ids: Sequence[int], *, today: date | None = None
) -> PrintableDocument:
    """The printout of several people's files, each from the top of a page."""
    files = read_staff_files(session, staff_ids)
    return files_document(files, get_setting(session, "office_name"), today or clock.today())


def files_document(files: Sequence[PrintedFile], office: str, today: date) -> PrintableDocument:
    title = translate("StaffFilePrint", "Staff files")
    if len(files) == 1:
        title = translate("StaffFilePrint", "Staff file: {name}").format(name=files[0].file.name)
    pages = "".join(
        _person_html(printed, office, today, first=index == 0)
        for index, printed in enumerate(files)
    )
    html = (
        f'<html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body>{pages}</body></html>"
    )
    return PrintableDocument(title=title, html=html, images={})


def _person_html(printed: PrintedFile, office: str, today: date, *, first: bool) -> str:
    file, totals = printed.file, printed.totals
    # Qt starts a page before a paragraph marked so: each person's file opens a page.
    brk = "" if first else ' style="page-break-before: always"'
    heading = translate("StaffFilePrint", "Staff file (as of {date})").format(
        date=today.isoformat()
    )
    parts = [
        f'<p class="office"{brk}>{escape(office)}</p>' if office else "",
        f'<p class="name"{"" if office else brk}>{escape(file.name)}</p>',
        f'<p class="meta">{escape(heading)}</p>',
        _section(translate("StaffFilePrint", "Data")),
        _facts_html(file.facts),
        _section(translate("StaffFilePrint", "Services received")),
        _table_html(
            [
                translate("StaffFilePrint", "Date"),
                translate("StaffFilePrint", "Service"),
                translate("StaffFilePrint", "Details"),
            ],
            [(line.date, line.service, line.details) for line in file.provisions],
            widths=(15, 30, 55),
        ),
        _section(translate("StaffFilePrint", "Outcomes by metric")),
        _table_html(
            [
                translate("StaffFilePrint", "Metric"),
                translate("StaffFilePrint", "Total"),
                translate("StaffFilePrint", "Unit"),
                translate("StaffFilePrint", "Whose"),
            ],
            totals.rows(),
            widths=(40, 20, 15, 25),
            numeric=(1,),
        ),
        _section(translate("StaffFilePrint", "Mentees")),
        _table_html(
            [
                translate("StaffFilePrint", "Mentee"),
                translate("StaffFilePrint", "Unit"),
                translate("StaffFilePrint", "From"),
                translate("StaffFilePrint", "To"),
                translate("StaffFilePrint", "Goal"),
            ],
            [(m.name, m.unit, m.start_date, m.end_date, m.goal) for m in file.mentees],
            widths=(14, 26, 13, 13, 34),
        ),
    ]
    return "".join(parts)


def _section(title: str) -> str:
    return f'<p class="section">{escape(title)}</p>'


def _facts_html(facts: Sequence[tuple[str, str]]) -> str:
    """The person's fields two to a row: label, value, label, value."""
    rows = []
    for start in range(0, len(facts), FACT_PAIRS):
        pairs = list(facts[start : start + FACT_PAIRS])
        pairs += [("", "")] * (FACT_PAIRS - len(pairs))
        rows.append(
            "<tr>"
            + "".join(
                f'<td class="label" width="15%">{escape(label)}</td>'
                f'<td width="35%">{escape(value)}</td>'
                for label, value in pairs
            )
            + "</tr>"
        )
    return f'<table width="100%" border="1" cellspacing="0" cellpadding="3">{"".join(rows)}</table>'


def _table_html(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    widths: Sequence[int],
    numeric: Sequence[int] = (),
) -> str:
    if not rows:
        none = translate("StaffFilePrint", "None.")
        return f"<p>{escape(none)}</p>"
    return html_table(
        headers,
        widths,
        [[cell_text(value) for value in row] for row in rows],
        right=[column in numeric for column in range(len(headers))],
    )
