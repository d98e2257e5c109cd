"""The batch grid's data and its one save command: figures of a period, corrected in
place, never touching another period's entry or a dated ledger entry."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import AuditEntry, Batch, OutcomeEntry
from app.errors import NeedsConfirmation, QuarterClosedError, ValidationError
from app.history.batches import undo_batch
from app.outcomes.entries import OUTCOME
from app.outcomes.grid import PeriodCell, save_period_values
from app.outcomes.grid_data import EnteredPart, cell_field, period_grid
from app.outcomes.metrics import METRIC
from app.periods import Month, Quarter
from app.records import commands
from app.records.closing import close_quarter
from app.reports.summary import quarterly_summary
from app.roster.staff import STAFF
from tests.app.helpers import metric_id, run
from tests.app.outcomes.conftest import Office

SEPTEMBER, Q3 = Month(2024, 9), Quarter(2024, 3)


def live(session: Session, **where: object) -> list[tuple[object, ...]]:
    query = select(
        OutcomeEntry.staff_id,
        OutcomeEntry.team_id,
        OutcomeEntry.metric_id,
        OutcomeEntry.period,
        OutcomeEntry.date,
        OutcomeEntry.value,
    ).where(OutcomeEntry.deleted_at.is_(None))
    for key, value in where.items():
        query = query.where(getattr(OutcomeEntry, key) == value)
    return [tuple(row) for row in session.execute(query.order_by(OutcomeEntry.id))]


def test_rows_are_the_staff_on_duty_and_the_team_columns_its_active_metrics(
    session: Session, office: Office
) -> None:
    grid = period_grid(session, SEPTEMBER, team_id=office.team)
    # 李娜 left on 15 August, 王强 arrives in October: neither serves in September.
    assert [row.label for row in grid.rows] == ["张文", "医疗帮扶队 (team)"]
    assert [(row.staff_id, row.team_id) for row in grid.rows] == [
        (office.zhang, None),
        (None, office.team),
    ]
    assert [(c.name, c.unit) for c in grid.columns][:3] == [
        ("手术", "例"),
        ("门急诊诊疗", "人次"),
        ("疑难病例讨论", "例"),
    ]
    assert len(grid.columns) == 8  # the seeded medical metrics
    august = period_grid(session, Month(2024, 8), team_id=office.team)
    assert [row.label for row in august.rows] == ["李娜", "张文", "医疗帮扶队 (team)"]  # 拼音
    by_field = period_grid(session, Quarter(2024, 4), field="medical")
    assert [row.label for row in by_field.rows] == ["王强", "张文", "医疗帮扶队 (team)"]
    assert grid.closed is None


def test_saving_creates_then_corrections_replace_and_blanks_clear(
    session: Session, office: Office
) -> None:
    cells = [
        PeriodCell(office.zhang, None, office.surgery, "12"),
        PeriodCell(office.zhang, None, office.visits, "1,200"),  # as Excel copies it
        PeriodCell(None, office.team, office.surgery, "３ "),  # full-width, trailing space
    ]
    saved = run(session, save_period_values, "2024-09", cells)
    assert (saved.created, saved.changed, saved.cleared, saved.unchanged) == (3, 0, 0, 0)
    assert live(session) == [
        (office.zhang, None, office.surgery, "2024-09", date(2024, 9, 30), Decimal(12)),
        (office.zhang, None, office.visits, "2024-09", date(2024, 9, 30), Decimal(1200)),
        (None, office.team, office.surgery, "2024-09", date(2024, 9, 30), Decimal(3)),
    ]
    grid = period_grid(session, SEPTEMBER, team_id=office.team)
    assert grid.values == {
        ((office.zhang, None), office.surgery): 12,
        ((office.zhang, None), office.visits): 1200,
        ((None, office.team), office.surgery): 3,
    }

    again = run(
        session,
        save_period_values,
        SEPTEMBER,
        [
            PeriodCell(office.zhang, None, office.surgery, 14),  # corrected
            PeriodCell(office.zhang, None, office.visits, "1200"),  # the same
            PeriodCell(None, office.team, office.surgery, None),  # cleared
        ],
    )
    assert (again.created, again.changed, again.cleared, again.unchanged) == (0, 1, 1, 1)
    surgeries = live(session, staff_id=office.zhang, metric_id=office.surgery)
    assert surgeries == [
        (office.zhang, None, office.surgery, "2024-09", date(2024, 9, 30), Decimal(14))
    ]
    audit = session.scalars(
        select(AuditEntry).where(
            AuditEntry.batch_id == again.batch_id, AuditEntry.entity_id.is_not(None)
        )
    ).all()
    assert sorted(
        (entry.action, entry.before["value"], entry.after["value"]) for entry in audit
    ) == [
        ("delete", "3.0000", "3.0000"),
        ("update", "12.0000", "14"),
    ]
    batch = session.get(Batch, again.batch_id)
    assert batch is not None and batch.kind == "outcome-grid"
    assert (batch.rows_added, batch.rows_updated, batch.rows_removed) == (0, 1, 1)


def test_nothing_to_write_makes_no_batch(session: Session, office: Office) -> None:
    saved = run(
        session, save_period_values, SEPTEMBER, [PeriodCell(office.zhang, None, office.surgery, "")]
    )
    assert saved.batch_id is None and saved.unchanged == 1
    assert session.scalar(select(func.count()).select_from(Batch)) == 0


def test_every_bad_cell_is_named_and_nothing_is_saved(session: Session, office: Office) -> None:
    cells = [
        PeriodCell(office.zhang, None, office.surgery, "5"),  # fine on its own
        PeriodCell(office.zhang, None, office.visits, "many"),
        PeriodCell(None, office.team, office.surgery, "-2"),
        PeriodCell(None, office.team, office.visits, "1.23456"),
        PeriodCell(office.zhang, None, office.surgery, "6"),  # the same cell twice
        PeriodCell(office.zhang, office.team, metric_id(session, "会诊"), "1"),  # two owners
    ]
    with pytest.raises(ValidationError) as raised:
        run(session, save_period_values, SEPTEMBER, cells)
    rows = raised.value.rows
    surgery, visits = cell_field(office.surgery), cell_field(office.visits)
    assert rows["张文"][visits] == ["many is not a number"]
    assert rows["张文"][surgery] == ["is given twice"]
    assert rows["医疗帮扶队 (team)"] == {
        surgery: ["must not be negative"],
        visits: ["at most 4 decimal places"],
    }
    consultations = cell_field(metric_id(session, "会诊"))
    assert rows["张文"][consultations] == ["give either a staff member or a team"]
    assert "张文 门急诊诊疗: many is not a number" in raised.value.lines()
    assert live(session) == [] and session.scalar(select(func.count()).select_from(Batch)) == 0


def test_a_figure_for_someone_off_duty_is_asked_once(session: Session, office: Office) -> None:
    cells = [
        PeriodCell(office.li, None, office.surgery, 2),
        PeriodCell(office.li, None, office.visits, 30),
        PeriodCell(office.zhang, None, office.surgery, 4),
    ]
    with pytest.raises(NeedsConfirmation) as asked:
        run(session, save_period_values, SEPTEMBER, cells)
    assert asked.value.lines() == ["李娜 Staff: 李娜 served until 2024-08-15"]
    assert live(session) == []
    run(session, save_period_values, SEPTEMBER, cells, confirmed=asked.value.codes())
    assert len(live(session)) == 3
    # Holding a figure of the period, she now shows in its grid (marked off duty).
    rows = period_grid(session, SEPTEMBER, team_id=office.team).rows
    assert [(row.label, row.on_duty) for row in rows][:2] == [("李娜", False), ("张文", True)]


def test_other_periods_and_dated_entries_are_never_touched(
    session: Session, office: Office
) -> None:
    run(
        session,
        commands.create,
        OUTCOME,
        {"date": "2024-09-12", "staff_id": office.zhang, "metric_id": office.surgery, "value": 2},
    )
    run(session, save_period_values, "2024-08", [PeriodCell(office.zhang, None, office.surgery, 5)])
    run(session, save_period_values, "2024-09", [PeriodCell(office.zhang, None, office.surgery, 7)])
    run(session, save_period_values, Q3, [PeriodCell(office.zhang, None, office.surgery, 1)])
    run(session, save_period_values, Q3, [PeriodCell(office.zhang, None, office.surgery, 4)])
    assert sorted((period or "", value) for _s, _t, _m, period, _d, value in live(session)) == [
        ("", 2),
        ("2024-08", 5),
        ("2024-09", 7),
        ("2024Q3", 4),
    ]

    quarter = period_grid(session, Q3, team_id=office.team)
    key = ((office.zhang, None), office.surgery)
    assert quarter.values[key] == 4  # only its own quarter entry is editable
    assert quarter.parts[key] == EnteredPart(months=Decimal(12), dated=Decimal(2))
    month = period_grid(session, SEPTEMBER, team_id=office.team)
    assert month.values[key] == 7 and month.parts[key] == EnteredPart(None, Decimal(2))


def test_parts_of_a_latest_metric_show_its_latest_value(session: Session, office: Office) -> None:
    expert = run(
        session,
        commands.create,
        STAFF,
        {"name": "孙农", "field": "technology", "start_date": "2024-01-02"},
    )
    for month, value in (("2024-08", 720), ("2024-07", 700)):  # entered out of order
        run(session, save_period_values, month, [PeriodCell(expert, None, office.yield_, value)])
    run(
        session,
        commands.create,
        OUTCOME,
        {"date": "2024-09-20", "staff_id": expert, "metric_id": office.yield_, "value": 710},
    )
    grid = period_grid(session, Q3, field="technology")
    assert [row.label for row in grid.rows] == ["孙农"]
    assert "亩产" in [column.name for column in grid.columns]
    assert grid.parts[((expert, None), office.yield_)] == EnteredPart(
        months=Decimal(720), dated=Decimal(710)
    )


def test_a_closed_quarter_makes_the_grid_read_only_and_refuses_a_save(
    session: Session, office: Office
) -> None:
    run(session, close_quarter, Q3)
    grid = period_grid(session, SEPTEMBER, team_id=office.team)
    assert grid.closed is not None and "2024Q3 is closed" in grid.closed
    with pytest.raises(QuarterClosedError):
        run(
            session,
            save_period_values,
            SEPTEMBER,
            [PeriodCell(office.zhang, None, office.surgery, 1)],
        )
    assert period_grid(session, Month(2024, 10), team_id=office.team).closed is None


def test_a_save_is_undone_as_a_whole(session: Session, office: Office) -> None:
    first = run(
        session, save_period_values, SEPTEMBER, [PeriodCell(office.zhang, None, office.surgery, 5)]
    )
    second = run(
        session,
        save_period_values,
        SEPTEMBER,
        [
            PeriodCell(office.zhang, None, office.surgery, 9),
            PeriodCell(None, office.team, office.visits, 40),
        ],
    )
    assert first.batch_id is not None and second.batch_id is not None
    run(session, undo_batch, second.batch_id)
    assert [row[-1] for row in live(session)] == [5]


def test_a_retired_metric_leaves_the_grid_and_takes_no_new_figures(
    session: Session, office: Office
) -> None:
    run(session, save_period_values, "2024-08", [PeriodCell(office.zhang, None, office.visits, 10)])
    run(session, commands.update, METRIC, office.visits, {"active": False})
    grid = period_grid(session, SEPTEMBER, team_id=office.team)
    assert office.visits not in [column.metric_id for column in grid.columns]
    with pytest.raises(ValidationError, match="retired; it takes no new entries"):
        run(
            session,
            save_period_values,
            SEPTEMBER,
            [PeriodCell(office.zhang, None, office.visits, 3)],
        )
    # Its history stays, and can still be corrected.
    run(session, save_period_values, "2024-08", [PeriodCell(office.zhang, None, office.visits, 11)])
    assert [row[-1] for row in live(session)] == [11]


def test_the_summary_changes_by_exactly_the_saved_values(session: Session, office: Office) -> None:
    def figures() -> tuple[object, ...]:
        line = next(o for o in quarterly_summary(session, Q3).outcomes if o.metric == "手术")
        return line.quarter, line.ytd, line.cumulative

    run(
        session,
        commands.create,
        OUTCOME,
        {"date": "2024-07-03", "staff_id": office.zhang, "metric_id": office.surgery, "value": 6},
    )
    assert figures() == (6, 6, 6)
    run(
        session,
        save_period_values,
        SEPTEMBER,
        [
            PeriodCell(office.zhang, None, office.surgery, 12),
            PeriodCell(None, office.team, office.surgery, 3),  # a team's figure counts once
        ],
    )
    assert figures() == (21, 21, 21)
    run(
        session, save_period_values, SEPTEMBER, [PeriodCell(office.zhang, None, office.surgery, 10)]
    )
    assert figures() == (19, 19, 19)  # the correction replaced 12, it did not add 10


def test_the_current_month_may_be_entered(session: Session, office: Office) -> None:
    with clock.frozen(datetime(2024, 9, 12, 10, 0)):
        run(
            session,
            save_period_values,
            "2024-09",
            [PeriodCell(office.zhang, None, office.surgery, 2)],
        )
    assert live(session)[0][3:] == ("2024-09", date(2024, 9, 30), Decimal(2))
