"""The outcome ledger: its filters, its windows, and totals per metric for what it shows
(sum metrics summed, latest metrics their latest value, never a sum of levels)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.db.listing import ListQuery
from app.errors import NeedsConfirmation, ValidationError
from app.outcomes.entries import OUTCOME
from app.outcomes.grid import PeriodCell, save_period_values
from app.outcomes.lists import (
    OutcomeList,
    all_metric_choices,
    metric_choices,
    outcome_totals,
    staff_outcome_totals,
)
from app.outcomes.metrics import METRIC
from app.periods import Quarter
from app.records import commands
from app.records.closing import close_quarter
from app.roster.staff import STAFF
from tests.app.helpers import metric_id, run
from tests.app.outcomes.conftest import Office


def entry(session: Session, day: str, value: Any, metric: int, **more: Any) -> int:
    return run(
        session,
        commands.create,
        OUTCOME,
        {"date": day, "metric_id": metric, "value": value, **more},
        confirmed={"off-duty"},
    )


@pytest.fixture
def ledger_rows(session: Session, office: Office) -> dict[str, int]:
    farmer = run(
        session,
        commands.create,
        STAFF,
        {"name": "孙农", "field": "technology", "start_date": "2023-01-02"},
    )
    return {
        "farmer": farmer,
        "a": entry(session, "2024-07-03", 6, office.surgery, staff_id=office.zhang),
        "b": entry(session, "2024-08-20", 4, office.surgery, staff_id=office.li),
        "c": entry(session, "2024-09-30", 3, office.surgery, team_id=office.team),
        "d": entry(session, "2024-10-02", 9, office.surgery, staff_id=office.zhang),
        "e": entry(session, "2024-06-30", 700, office.yield_, staff_id=farmer),
        "f": entry(session, "2024-09-15", 761.5, office.yield_, staff_id=farmer),
        "g": entry(session, "2024-08-01", 690, office.yield_, staff_id=farmer),
        "h": run(
            session,
            commands.create,
            OUTCOME,
            {
                "date": "2024-09-01",
                "team_id": office.team,
                "is_highlight": True,
                "description": "填补输尿管软镜钬激光碎石术空白",
            },
        ),
    }


def totals(session: Session, **filters: Any) -> dict[str, tuple[Decimal, int]]:
    lines = outcome_totals(session, ListQuery(filters=filters))
    return {line.metric: (line.value, line.entries) for line in lines}


def ids(session: Session, search: str = "", **filters: Any) -> list[int]:
    return OutcomeList().ids(session, ListQuery(search=search, filters=filters, sort_key="date"))


def test_totals_sum_the_sum_metrics_and_take_the_latest_level(
    session: Session, ledger_rows: dict[str, int]
) -> None:
    assert totals(session) == {"手术": (Decimal(22), 4), "亩产": (Decimal("761.5"), 3)}
    # 2024Q3 only: 6 + 4 + 3 surgeries; 亩产's latest in the quarter is 15 September's.
    assert totals(session, quarter="2024Q3") == {"手术": (13, 3), "亩产": (Decimal("761.5"), 2)}
    assert totals(session, date_to="2024-08-31") == {"手术": (10, 2), "亩产": (690, 2)}
    assert totals(session, field="technology") == {"亩产": (Decimal("761.5"), 3)}
    line = next(t for t in outcome_totals(session, ListQuery()) if t.metric == "亩产")
    assert line.as_of is not None and line.as_of.isoformat() == "2024-09-15"


def test_a_latest_metric_breaks_a_tie_on_the_date_by_the_entry_made_last(
    session: Session, office: Office, ledger_rows: dict[str, int]
) -> None:
    entry(session, "2024-09-15", 755, office.yield_, staff_id=ledger_rows["farmer"])
    assert totals(session)["亩产"] == (755, 4)


def test_filters_and_search(session: Session, office: Office, ledger_rows: dict[str, int]) -> None:
    rows = ledger_rows
    newest_first = OutcomeList().ids(session, ListQuery(sort_key="date", descending=True))
    assert newest_first == [rows[k] for k in ("d", "c", "f", "h", "b", "g", "a", "e")]
    assert ids(session, quarter="2024Q4") == [rows["d"]]
    assert set(ids(session, team_id=office.team)) == {rows[k] for k in "abcdh"}  # and members'
    assert set(ids(session, team_level=office.team)) == {rows["c"], rows["h"]}
    assert ids(session, staff_id=office.li) == [rows["b"]]
    assert set(ids(session, metric_id=office.yield_)) == {rows[k] for k in "efg"}
    assert ids(session, highlights=True) == [rows["h"]]
    assert ids(session, "钬激光") == [rows["h"]]
    assert set(ids(session, "李娜")) == {rows["b"]}
    assert set(ids(session, "亩产")) == {rows[k] for k in "efg"}
    assert ids(session, date_from="2024-09-01", date_to="2024-09-15") == [rows["h"], rows["f"]]


def test_the_ledger_shows_a_team_entry_as_the_teams(
    session: Session, office: Office, ledger_rows: dict[str, int]
) -> None:
    listing = OutcomeList()
    keys = [column.key for column in listing.columns()]
    row = dict(zip(keys, listing.rows(session, [ledger_rows["c"]])[ledger_rows["c"]], strict=True))
    assert (row["staff"], row["team"], row["metric"], row["unit"]) == (
        None,
        "医疗帮扶队",
        "手术",
        "例",
    )
    person = dict(
        zip(keys, listing.rows(session, [ledger_rows["a"]])[ledger_rows["a"]], strict=True)
    )
    assert (person["staff"], person["team"], person["field"]) == ("张文", "医疗帮扶队", "Medical")


def test_windows_count_and_position_agree_with_the_full_list(
    session: Session, ledger_rows: dict[str, int]
) -> None:
    listing, query = OutcomeList(), ListQuery(sort_key="value", descending=True)
    every = listing.ids(session, query)
    assert listing.count(session, query) == len(every) == 8
    assert listing.window(session, query, 2, 3) == every[2:5]
    assert [listing.position(session, query, record) for record in every] == list(range(8))
    assert listing.position(session, ListQuery(filters={"quarter": "2024Q4"}), every[-1]) is None


def test_binned_people_and_entries_count_nowhere(
    session: Session, office: Office, ledger_rows: dict[str, int]
) -> None:
    run(session, commands.delete, STAFF, office.li)
    run(session, commands.delete, OUTCOME, ledger_rows["a"])
    assert totals(session)["手术"] == (12, 2)
    assert ledger_rows["b"] not in ids(session)


def test_staff_totals_are_their_own_and_their_teams(
    session: Session, office: Office, ledger_rows: dict[str, int]
) -> None:
    run(session, save_period_values, "2024-09", [PeriodCell(None, office.team, office.visits, 50)])
    mine = staff_outcome_totals(session, office.zhang)
    assert [(t.metric, t.value, t.entries) for t in mine.own] == [("手术", 15, 2)]
    assert mine.team == "医疗帮扶队"
    assert [(t.metric, t.value) for t in mine.team_totals] == [("手术", 3), ("门急诊诊疗", 50)]
    teacher = staff_outcome_totals(session, office.teacher)
    assert (teacher.own, teacher.team, teacher.team_totals) == ([], "", [])


def test_a_figure_for_a_person_off_duty_on_its_date_is_asked(
    session: Session, office: Office
) -> None:
    values = {"date": "2024-09-02", "staff_id": office.li, "metric_id": office.surgery, "value": 1}
    with pytest.raises(NeedsConfirmation, match="served until 2024-08-15"):
        run(session, commands.create, OUTCOME, values)
    run(session, commands.create, OUTCOME, values, confirmed={"off-duty"})


def test_changing_a_metrics_aggregation_asks_and_names_closed_quarters(
    session: Session, office: Office
) -> None:
    entry(session, "2024-08-02", 3, office.visits, staff_id=office.zhang)
    with pytest.raises(NeedsConfirmation, match="1 entries will be counted as"):
        run(session, commands.update, METRIC, office.visits, {"aggregation": "latest"})
    run(
        session,
        commands.update,
        METRIC,
        office.visits,
        {"aggregation": "latest"},
        confirmed={"aggregation-change"},
    )
    # Once a quarter holding its entries is closed, its printed figures must not drift.
    run(session, close_quarter, Quarter(2024, 3))
    with pytest.raises(ValidationError, match=r"closed quarters hold its entries \(2024Q3\)"):
        run(session, commands.update, METRIC, office.visits, {"aggregation": "sum"})
    # A metric without entries changes freely.
    run(session, commands.update, METRIC, metric_id(session, "会诊"), {"aggregation": "latest"})


def test_the_ledger_exports_as_shown(session: Session, ledger_rows: dict[str, int]) -> None:
    query = ListQuery(filters={"quarter": "2024Q3"}, sort_key="date", descending=True)
    headers, rows = OutcomeList().table(session, query)
    assert headers[:5] == ["Date", "Staff", "Team", "Field", "Metric"]
    assert [row[0].isoformat() for row in rows] == [
        "2024-09-30",
        "2024-09-15",
        "2024-09-01",
        "2024-08-20",
        "2024-08-01",
        "2024-07-03",
    ]


def test_a_retired_metric_is_offered_no_more_but_keeps_its_entries(
    session: Session, office: Office, ledger_rows: dict[str, int]
) -> None:
    run(session, commands.update, METRIC, office.surgery, {"active": False})
    assert office.surgery not in [key for key, _name in metric_choices(session)]
    assert office.surgery in [key for key, _name in metric_choices(session, keep=office.surgery)]
    assert office.surgery in [key for key, _name in all_metric_choices(session)]
    with pytest.raises(ValidationError, match="retired"):
        entry(session, "2024-10-09", 1, office.surgery, staff_id=office.zhang)
    run(session, commands.update, OUTCOME, ledger_rows["d"], {"value": 10})  # history edits
    assert totals(session)["手术"] == (Decimal(23), 4)
