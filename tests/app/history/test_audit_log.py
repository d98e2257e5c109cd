"""The audit log read back in the clerk's words: actions, kinds, records, changed fields."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import event
from sqlalchemy.orm import Session

from app import clock
from app.db.ledger import Ledger
from app.db.listing import ListQuery
from app.history.audit_log import (
    NEWEST_FIRST,
    AuditLog,
    change_lines,
    change_summary,
    entry_details,
)
from app.outcomes.metrics import TARGET
from app.periods import Quarter
from app.records import commands
from app.records.closing import close_quarter, reopen_quarter
from app.records.settings import save_settings
from app.roster.id_numbers import id_check_char
from app.roster.staff import STAFF
from app.roster.units import UNIT
from app.services.catalog import SERVICE_TYPE
from app.services.provisions import PROVISION
from tests.app.helpers import last_entry, metric_id, run, service_id, staff_id

LATER = datetime(2025, 3, 10, 9, 15)
ID_NUMBER = "11010519741111001" + id_check_char("11010519741111001")


def test_an_update_names_each_changed_field_with_labels_names_and_masks(
    demo_session: Session,
) -> None:
    person = staff_id(demo_session, "刘建国")
    other_unit = run(
        demo_session, commands.create, UNIT, {"name": "兴安盟人民医院", "kind": "receiving"}
    )
    run(
        demo_session,
        commands.update,
        STAFF,
        person,
        {
            "phone": "13812345678",
            "field": "technology",
            "receiving_unit_id": other_unit,
            "id_number": ID_NUMBER,
        },
    )
    entry = last_entry(demo_session, entity="staff", action="update")
    lines = change_lines(demo_session, entry)
    assert "Phone: 13929276530 → 13812345678" in lines
    assert "Field: General → Science & Technology" in lines
    assert "Receiving unit: 扎赉特旗乡村振兴局 → 兴安盟人民医院" in lines
    id_line = next(line for line in lines if line.startswith("ID number"))
    assert ID_NUMBER not in id_line and f"110105********{ID_NUMBER[-4:]}" in id_line
    assert not any(line.startswith(("Name", "Start date")) for line in lines)  # unchanged
    assert change_summary(demo_session, entry) == "; ".join(lines)


def test_a_renamed_person_shows_the_name_not_its_pinyin_sort_key(demo_session: Session) -> None:
    run(demo_session, commands.update, STAFF, staff_id(demo_session, "刘建国"), {"name": "单建国"})
    renamed = change_lines(demo_session, last_entry(demo_session, entity="staff", action="update"))
    assert renamed == ["Name: 刘建国 → 单建国"]  # not "name_key: liu2 … → shan4 …"
    new = run(demo_session, commands.create, UNIT, {"name": "曾家医院", "kind": "receiving"})
    created = change_lines(demo_session, last_entry(demo_session, entity="unit", action="create"))
    assert not any("zeng" in line or "name_key" in line for line in created), created
    assert new is not None


def test_a_new_record_lists_its_values_and_deleting_restoring_needs_no_lines(
    demo_session: Session,
) -> None:
    new = run(
        demo_session, commands.create, SERVICE_TYPE, {"name": "法律咨询", "rule": "on_demand"}
    )
    created = last_entry(demo_session, entity="service_type", action="create")
    assert change_lines(demo_session, created) == [
        "Name: 法律咨询",
        "Rule: On demand",
        "Sort order: 0",
    ]
    run(demo_session, commands.delete, SERVICE_TYPE, new)
    run(demo_session, commands.restore, SERVICE_TYPE, new)
    for action in ("delete", "restore"):
        assert change_lines(demo_session, last_entry(demo_session, action=action)) == []


def test_decimals_read_back_are_not_reported_as_changes(demo_session: Session) -> None:
    target = run(
        demo_session,
        commands.create,
        TARGET,
        {"metric_id": metric_id(demo_session, "会诊"), "year": 2025, "target_value": "150"},
    )
    run(demo_session, commands.update, TARGET, target, {"target_value": "180.5"})
    entry = last_entry(demo_session, entity="metric_target", action="update")
    assert change_lines(demo_session, entry) == ["Target: 150 → 180.5"]
    assert entry_details(demo_session, entry.id) == ["Target: 150 → 180.5"]


def test_settings_quarters_and_purged_records_are_worded_too(demo_session: Session) -> None:
    run(demo_session, save_settings, {"county": "科尔沁右翼前旗", "language": "en"})
    entry = last_entry(demo_session, entity="setting")
    assert change_lines(demo_session, entry) == [
        "County: 扎赉特旗 → 科尔沁右翼前旗",
        "Language: 简体中文 → English",
    ]
    run(demo_session, close_quarter, Quarter.parse("2025Q1"))
    run(demo_session, reopen_quarter, Quarter.parse("2025Q1"), reason="补录手术例数")
    listing = AuditLog()
    rows = listing.rows(demo_session, listing.ids(demo_session, NEWEST_FIRST)[:2])
    reopened, closed = (rows[key] for key in sorted(rows, reverse=True))
    assert reopened[2:] == ("Reopened quarter", "Quarter closing", "2025Q1", "Reason: 补录手术例数")
    assert closed[2:] == ("Closed quarter", "Quarter closing", "2025Q1", "Quarter: 2025Q1")

    unit = run(demo_session, commands.create, UNIT, {"name": "临时单位", "kind": "sending"})
    run(demo_session, commands.delete, UNIT, unit)
    run(demo_session, commands.purge, UNIT, unit)
    purged = last_entry(demo_session, action="purge")
    assert listing.rows(demo_session, [purged.id])[purged.id][2:] == (
        "Purged",
        "Unit",
        "临时单位",
        "",
    )


def test_newest_first_and_filters_by_day_and_kind(demo_session: Session) -> None:
    with clock.frozen(LATER):
        run(
            demo_session,
            commands.create,
            PROVISION,
            {
                "staff_id": staff_id(demo_session, "张文"),
                "service_type_id": service_id(demo_session, "谈心谈话走访"),
                "date": "2025-03-10",
            },
        )
        run(demo_session, save_settings, {"clerk_name": "李明"})
    listing = AuditLog()
    everything = listing.ids(demo_session, NEWEST_FIRST)
    first = listing.rows(demo_session, everything[:2])
    assert [first[key][:4] for key in everything[:2]] == [
        (LATER, "王丽", "Changed", "Settings"),
        (LATER, "王丽", "Added", "Service record"),
    ]
    assert first[everything[1]][4] == "谈心谈话走访 for 张文 on 2025-03-10"

    def count(**filters: object) -> int:
        return len(listing.ids(demo_session, ListQuery(filters=filters, sort_key="at")))

    assert count(since=date(2025, 3, 10)) == 2
    assert count(until=date(2025, 3, 9)) == len(everything) - 2
    assert count(since=date(2025, 3, 10), until=date(2025, 3, 10), entity="setting") == 1
    assert count(entity="service_provision") < len(everything)
    assert count(since=date(2025, 3, 11)) == 0
    assert count(entity="") == len(everything)  # "all kinds"


def test_a_page_of_the_log_costs_the_same_statements_whatever_its_length(
    demo_ledger: Ledger,
) -> None:
    """Constant per page, not per row: 10 rows and 200 rows of provisions, same count."""
    listing = AuditLog()
    query = ListQuery(filters={"entity": "service_provision"}, sort_key="at")
    counts = []
    for size in (10, 200):
        with demo_ledger.session() as session:
            ids = listing.ids(session, query)[:size]
            statements: list[str] = []

            def record(*args: object, statements: list[str] = statements) -> None:
                statements.append(str(args[2]))

            event.listen(demo_ledger.engine, "before_cursor_execute", record)
            listing.rows(session, ids)
            event.remove(demo_ledger.engine, "before_cursor_execute", record)
            counts.append(len(statements))
    assert counts[0] == counts[1] <= 20, counts
