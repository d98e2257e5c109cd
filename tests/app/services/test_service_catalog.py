"""The service catalog: retiring on a day, rule changes that keep closed quarters as
printed, and what a closed quarter refuses. Figures are worked out by hand from
tests/app/report_dataset.py (its docstring lists who serves when)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.ledger import _alembic_config
from app.db.models import ServiceRulePeriod
from app.db.sqlite import SqliteFile
from app.db.vocabulary import CoverageStatus, ServiceRule
from app.errors import InUseError, NeedsConfirmation, ValidationError
from app.periods import Quarter
from app.records import commands
from app.records.closing import close_quarter, reopen_quarter
from app.reports.summary import quarterly_summary
from app.services.catalog import SERVICE_TYPE, save_service, service_choices, services_in
from app.services.matrix import coverage_matrix
from app.services.provisions import PROVISION
from tests.app.helpers import run
from tests.app.report_dataset import Dataset, build_dataset

Q1, Q2, Q3, Q4 = (Quarter(2024, n) for n in range(1, 5))
MADE_ON = date(2024, 10, 8)


@pytest.fixture
def data(session: Session) -> Dataset:
    return build_dataset(session)


def lines(session: Session, quarter: Quarter) -> dict[str, tuple[Any, ...]]:
    summary = quarterly_summary(session, quarter, made_on=MADE_ON)
    return {s.service: (s.rule, s.provisions, s.eligible, s.covered) for s in summary.services}


def retire(session: Session, service_id: int, day: str | None) -> None:
    run(session, commands.update, SERVICE_TYPE, service_id, {"retired_on": day})


# ----------------------------------------------------------------- retirement
def test_a_service_retired_mid_year_counts_in_the_quarters_begun_before(
    session: Session, data: Dataset
) -> None:
    visit = data.services["走访"]
    retire(session, visit, "2024-08-15")
    assert lines(session, Q1)["走访"] == (ServiceRule.QUARTERLY, 0, 5, 0)
    # 2024Q3 began on 1 July, before 15 August: it counts in full (甲 乙 丙 丁 戊; 乙 丙 covered)
    assert lines(session, Q3)["走访"] == (ServiceRule.QUARTERLY, 2, 5, 2)
    assert "走访" not in lines(session, Q4)
    assert [s.name for s in services_in(session, Q4)] == [
        "公寓",
        "体检",
        "慰问",
        "补助",
        "入学协调",
    ]
    retire(session, visit, "2024-07-01")  # the quarter's first day: not "before" it
    assert "走访" not in lines(session, Q3)
    assert lines(session, Q2)["走访"] == (ServiceRule.QUARTERLY, 1, 4, 1)
    assert "走访" not in [c.name for c in coverage_matrix(session, Q3).columns]


def test_a_retired_service_leaves_new_entry(session: Session, data: Dataset) -> None:
    visit = data.services["走访"]
    retire(session, visit, "2024-08-15")
    names = [name for _, name in service_choices(session, date(2024, 8, 15))]
    assert "走访" not in names and "补助" in names
    assert "走访" in [name for _, name in service_choices(session, date(2024, 8, 14))]
    assert (visit, "走访") in service_choices(session, date(2024, 9, 1), keep=visit)
    values = {"staff_id": data.staff["甲"], "service_type_id": visit}
    with pytest.raises(ValidationError, match="走访 was retired on 2024-08-15"):
        run(session, commands.create, PROVISION, {**values, "date": "2024-08-15"})
    run(session, commands.create, PROVISION, {**values, "date": "2024-08-14"})


# ----------------------------------------------------------------- closed quarters
def close_first_half(session: Session) -> None:
    run(session, close_quarter, Q1)
    run(session, close_quarter, Q2)


def test_a_rule_change_keeps_the_old_rule_for_closed_quarters(
    session: Session, data: Dataset
) -> None:
    close_first_half(session)
    visit = data.services["走访"]
    before = {q: lines(session, q)["走访"] for q in (Q1, Q2)}
    with pytest.raises(NeedsConfirmation) as asked:
        run(session, save_service, visit, {"rule": "yearly"})
    assert asked.value.lines() == [
        "Rule: changes from Quarterly to Yearly: the closed quarters 2023Q1, 2023Q2, 2023Q3, "
        "2023Q4, 2024Q1, 2024Q2 keep Quarterly as printed; Yearly applies from 2024Q3 on"
    ]
    run(session, save_service, visit, {"rule": "yearly"}, confirmed={"rule-change"})
    assert {q: lines(session, q)["走访"] for q in (Q1, Q2)} == before
    assert before[Q2] == (ServiceRule.QUARTERLY, 1, 4, 1)  # 甲 on 30 June
    # yearly in 2024Q3: 甲 (30 June), 乙 (30 September), 丙 (1 July) of five
    assert lines(session, Q3)["走访"] == (ServiceRule.YEARLY, 2, 5, 3)
    q2 = coverage_matrix(session, Q2, as_of=MADE_ON)
    column = next(c for c in q2.columns if c.name == "走访")
    assert (column.rule, column.eligible, column.covered) == (ServiceRule.QUARTERLY, 4, 1)

    # closing 2024Q3 and changing again keeps each closed quarter's own rule
    run(session, close_quarter, Q3)
    run(session, save_service, visit, {"rule": "monthly"}, confirmed={"rule-change"})
    assert [lines(session, q)["走访"][0] for q in (Q1, Q2, Q3, Q4)] == [
        ServiceRule.QUARTERLY,
        ServiceRule.QUARTERLY,
        ServiceRule.YEARLY,
        ServiceRule.MONTHLY,
    ]
    kept = session.execute(
        select(ServiceRulePeriod.rule, ServiceRulePeriod.last_quarter).order_by(
            ServiceRulePeriod.id
        )
    ).all()
    assert kept == [(ServiceRule.QUARTERLY, "2024Q2"), (ServiceRule.YEARLY, "2024Q3")]
    # a reopened quarter keeps the rule it was reported with
    run(session, reopen_quarter, Q3, reason="更正")
    assert lines(session, Q3)["走访"][0] == ServiceRule.YEARLY


def test_a_rule_change_without_closed_quarters_applies_everywhere(
    session: Session, data: Dataset
) -> None:
    visit = data.services["走访"]
    with pytest.raises(NeedsConfirmation, match="every quarter follow the new rule"):
        run(session, save_service, visit, {"rule": "yearly"})
    run(session, save_service, visit, {"rule": "yearly"}, confirmed={"rule-change"})
    assert lines(session, Q2)["走访"][0] == ServiceRule.YEARLY
    assert session.scalars(select(ServiceRulePeriod)).all() == []
    run(session, save_service, visit, {"description": "每季度走访"})  # no rule change: no question


def test_retiring_may_not_change_a_closed_quarter(session: Session, data: Dataset) -> None:
    close_first_half(session)
    visit = data.services["走访"]
    with pytest.raises(ValidationError) as refused:
        retire(session, visit, "2024-04-01")
    assert refused.value.errors == {
        "retired_on": [
            "the closed quarters 2024Q2 were reported with this service; retire it after "
            "2024-04-01, or reopen them first"
        ]
    }
    retire(session, visit, "2024-04-02")
    assert "走访" in lines(session, Q2)
    # bringing back a service retired before the closed quarters would add it to them
    with pytest.raises(ValidationError, match="2024Q1, 2024Q2 were reported without"):
        retire(session, data.services["停用服务"], None)
    retire(session, data.services["停用服务"], "2022-01-01")  # unchanged: fine


def test_a_service_a_closed_quarter_counts_cannot_be_deleted(
    session: Session, data: Dataset
) -> None:
    close_first_half(session)
    new = run(session, commands.create, SERVICE_TYPE, {"name": "法律咨询", "rule": "yearly"})
    with pytest.raises(InUseError, match=r"closed quarters 2023Q1, .*, 2024Q2 count it"):
        run(session, commands.delete, SERVICE_TYPE, new)
    run(session, commands.update, SERVICE_TYPE, new, {"retired_on": "2024-04-02"})
    with pytest.raises(InUseError, match="2024Q1, 2024Q2"):
        run(session, commands.delete, SERVICE_TYPE, new)
    # closing 2024Q2 closed the run from the first record (2023Q1); reopening its first
    # quarter reopens them all
    run(session, reopen_quarter, Quarter(2023, 1), reason="补录")
    run(session, commands.delete, SERVICE_TYPE, new)  # no closed quarter counts it now
    run(session, commands.purge, SERVICE_TYPE, new)


def test_the_matrix_cells_follow_the_quarters_rule(session: Session, data: Dataset) -> None:
    """乙 had 走访 on 30 September: done in 2024Q3 quarterly; under a yearly rule 甲's
    June visit fills 2024Q3 too."""
    close_first_half(session)
    run(session, save_service, data.services["走访"], {"rule": "yearly"}, confirmed={"rule-change"})
    q3 = coverage_matrix(session, Q3, as_of=MADE_ON)
    assert q3.cell(data.staff["甲"], data.services["走访"]).status == CoverageStatus.DONE  # type: ignore[union-attr]
    q2 = coverage_matrix(session, Q2, as_of=MADE_ON)
    assert q2.cell(data.staff["丙"], data.services["走访"]).status == CoverageStatus.OVERDUE  # type: ignore[union-attr]


# ----------------------------------------------------------------- the migration
def test_migration_0005_retires_switched_off_services_on_their_last_change(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    backend = SqliteFile(path)
    backend.prepare(is_new=True, exclusive=False)
    engine = backend.engine()
    with engine.connect() as connection, backend.migrating(connection):
        command.upgrade(_alembic_config(connection), "0004")
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO service_type (name, description, rule, sort_order, active, created_at,"
            " updated_at) VALUES (?, '', 'yearly', ?, ?, '2023-01-01 08:00:00', ?)",
            [
                ("在用", 1, 1, "2024-03-05 10:00:00.000000"),
                ("停用", 2, 0, "2024-05-20 16:45:00.000000"),
            ],
        )
    with engine.connect() as connection, backend.migrating(connection):
        command.upgrade(_alembic_config(connection), "head")
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT name, retired_on FROM service_type ORDER BY sort_order"
        ).fetchall()
    assert rows == [("在用", None), ("停用", "2024-05-20")]
    with engine.connect() as connection, backend.migrating(connection):
        command.downgrade(_alembic_config(connection), "0004")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT name, active FROM service_type").fetchall() == [
            ("在用", 1),
            ("停用", 0),
        ]
    engine.dispose()
