"""A list exported to Excel is the list as shown: headers, order, typed cells."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy.orm import Session

from app import clock
from app.db.listing import ListQuery
from app.exchange.list_export import ListExport, export_lists
from app.history.audit_log import AuditLog
from app.records import commands
from app.services.catalog import SERVICE_TYPE
from tests.app.helpers import run


def test_export_writes_the_filtered_rows_with_real_dates_and_times(
    session: Session, tmp_path: Path
) -> None:
    with clock.frozen(datetime(2025, 2, 3, 14, 5)):
        run(session, commands.create, SERVICE_TYPE, {"name": "法律咨询", "rule": "on_demand"})
    query = ListQuery(filters={"since": date(2025, 2, 3)}, sort_key="at", descending=True)
    saved = export_lists(
        session, tmp_path / "log.xlsx", [ListExport(AuditLog(), "操作日志", query)]
    )
    sheet = load_workbook(saved.path)["操作日志"]
    assert [cell.value for cell in sheet[3]] == [
        "When",
        "Who",
        "Action",
        "Kind",
        "Record",
        "Changes",
    ]
    when = sheet["A4"]
    assert when.value == datetime(2025, 2, 3, 14, 5) and when.number_format == "yyyy-mm-dd hh:mm"
    assert [cell.value for cell in sheet[4]][2:5] == ["Added", "Service", "法律咨询"]
    assert sheet.max_row == 4 and saved.rows == (1,)
