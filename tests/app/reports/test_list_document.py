"""A list on paper (`app.reports.list_document`): the rows and columns as shown, the
filter line, the refusal of a list too long to print."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.listing import ListQuery
from app.db.models import Staff
from app.reports.list_document import (
    ListFilter,
    PrintableList,
    TooLongToPrint,
    filter_line,
    list_document,
    read_printable_list,
)
from app.roster.lists import StaffList


def test_the_filter_line_names_each_filter_and_the_search() -> None:
    chosen = [ListFilter("Status", "On duty"), ListFilter("", "Highlights only")]
    assert filter_line(chosen, "Wang") == (
        "Filters: Status = On duty; Highlights only; search “Wang”"
    )
    assert filter_line([]) == "Filters: all"


def test_every_row_in_the_columns_and_order_asked(demo_session: Session) -> None:
    live = demo_session.scalar(
        select(func.count()).select_from(Staff).where(Staff.deleted_at.is_(None))
    )
    names = set(demo_session.scalars(select(Staff.name).where(Staff.deleted_at.is_(None))))
    printed = read_printable_list(
        demo_session,
        StaffList(),
        ListQuery(sort_key="start_date", descending=True),
        "Roster",
        columns=["start_date", "name", "no-such-column"],
        widths=[30, 70],
    )
    assert printed.headers == ("Start date", "Name") and printed.widths == (30, 70)
    assert printed.total == live == len(printed.rows) > 10
    assert {row[1] for row in printed.rows} == names
    starts = [row[0] for row in printed.rows]
    assert starts == sorted(starts, reverse=True)  # ISO dates: text order is date order
    assert printed.office == "扎赉特旗委组织部人才工作科"


def test_a_list_longer_than_the_limit_is_refused_with_its_count(demo_session: Session) -> None:
    live = demo_session.scalar(
        select(func.count()).select_from(Staff).where(Staff.deleted_at.is_(None))
    )
    with pytest.raises(TooLongToPrint, match=f"{live} rows, more than 5 "):
        read_printable_list(demo_session, StaffList(), ListQuery(), "Roster", limit=5)


def test_the_document_is_one_table_with_its_header_row_repeated() -> None:
    printed = PrintableList(
        title="Roster",
        office="Office",
        filters=(ListFilter("Status", "On duty"),),
        search="",
        printed_on=date(2025, 1, 6),
        headers=("Name", "Amount"),
        numeric=(False, True),
        widths=(3, 1),
        rows=(("<b>Li</b>", "12"),),
        total=1,
    )
    html = list_document(printed).html
    assert list_document(printed).title == "Office\u3000Roster"
    assert "<thead><tr><th" in html and 'width="75%">Name</th>' in html
    assert "&lt;b&gt;Li&lt;/b&gt;" in html and '<td align="right">12</td>' in html
    assert "Filters: Status = On duty" in html and "Printed 2025-01-06 · 1 rows" in html
