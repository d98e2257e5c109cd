"""Does the Services page stay quick on a large ledger?

Builds two ledgers through the app's bulk path (`write_rows`: validated, audited, one
transaction per chunk): a small one (50 staff, 600 provisions) and a large one (5,000
staff, 60,000 provisions). Staff come in ten yearly cohorts of a tenth each, so in
2024Q4 a tenth of them is on duty (500 on the large ledger); each person has the four
once-services in their first days and eight monthly allowances.

Measured, as medians of several runs, on each ledger: the ledger tab's first paint
(page built and shown offscreen until its rows are painted; then until the amount
total, summed off the GUI thread, is shown too), a filter change (a service, then a
quarter), the coverage matrix of 2024Q4 computed and painted, and an
entry for many of one service for everyone on duty (500 on the large ledger) in one
transaction (undone after each run). Floors measured in the same run: a bare
`SELECT id FROM service_provision` and a bare insert of as many provisions. Prints a
table of medians against the targets of issue 9.
Run: `uv run python bench/bench_services.py`.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app import clock
from app.db.ledger import Ledger
from app.db.models import ServiceProvision, ServiceType, Staff
from app.db.vocabulary import Field
from app.history.batches import undo_batch
from app.periods import Quarter
from app.records.commands import RowWrite, write_rows
from app.records.work import Actor, perform
from app.roster.staff import STAFF
from app.roster.units import TEAM
from app.services.entry_for_many import enter_for_many
from app.services.provisions import PROVISION
from bench.harness import timed
from ui.context import LedgerContext
from ui.pages.services.ledger_tab import LedgerTab
from ui.pages.services.matrix_tab import MatrixTab

SIZES, RUNS = (50, 5_000), 7
COHORTS = 10  # yearly cohorts 2015 … 2024: a tenth on duty in 2024Q4
TODAY = datetime(2024, 12, 31, 17, 0)
CLERK = Actor("王丽")
ONCE = ("人才公寓", "公交乘车卡", "暖心食堂", "就医绿色通道")
MONTHLY = "生活补助发放"
ENTERED = "谈心谈话走访"
CHUNK = 5_000
FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
TARGETS_MS = {
    "ledger first paint": 100,
    "filter: one service": 100,
    "filter: a quarter": 100,
    "matrix 2024Q4 compute+paint": 200,
    "entry for all on duty": 1000,
}


def in_chunks(ledger: Ledger, rows: list[RowWrite]) -> list[int | None]:
    written: list[int | None] = []
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        written += perform(
            ledger, lambda work, chunk=chunk: write_rows(work, chunk), actor=CLERK
        ).value
    return written


def build(path: Path, count: int) -> Ledger:
    ledger = Ledger.open(path)
    teams = [
        perform(
            ledger,
            lambda work, i=i: write_rows(
                work,
                [RowWrite(f"团队{i}", TEAM, {"name": f"团队{i}", "field": list(Field)[i % 4]})],
            ),
            actor=CLERK,
        ).value[0]
        for i in range(12)
    ]
    people = []
    for i in range(count):
        start = date(2015 + i * COHORTS // count, 1, 1) + timedelta(days=i % 20)
        people.append(
            RowWrite(
                f"第{i + 1}人",
                STAFF,
                {
                    "name": FAMILY[i % 20]
                    + GIVEN[(i // 20) % 20]
                    + (GIVEN[i % 7] if i % 3 else ""),
                    "field": list(Field)[i % 4].value,
                    "team_id": teams[i % 12],
                    "start_date": start,
                    "planned_end": start + timedelta(days=400),
                },
            )
        )
    staff_ids = in_chunks(ledger, people)
    with ledger.session() as session:
        services = dict(session.execute(select(ServiceType.name, ServiceType.id)).all())
    provisions = []
    for staff_id, person in zip(staff_ids, people, strict=True):
        start: date = person.values["start_date"]
        days = [(name, start + timedelta(days=k)) for k, name in enumerate(ONCE)]
        days += [(MONTHLY, date(start.year, month, 25)) for month in range(1, 9)]
        provisions += [
            RowWrite(
                f"#{staff_id}",
                PROVISION,
                {
                    "staff_id": staff_id,
                    "service_type_id": services[name],
                    "date": day,
                    "amount": 3000 if name == MONTHLY else None,
                    "handled_by": "王丽",
                },
            )
            for name, day in days
        ]
    in_chunks(ledger, provisions)
    return ledger


def measure(ledger: Ledger) -> dict[str, float]:
    context = LedgerContext(ledger)
    with ledger.session() as session:
        entered = session.scalar(select(ServiceType.id).where(ServiceType.name == ENTERED))
        monthly = session.scalar(select(ServiceType.id).where(ServiceType.name == MONTHLY))
        on_duty = list(
            session.scalars(
                select(Staff.id).where(
                    Staff.start_date <= TODAY.date(), Staff.planned_end >= TODAY.date()
                )
            )
        )
    day = date(2024, 12, 20)

    def first_paint() -> None:
        tab = LedgerTab(context)
        tab.resize(1280, 800)
        tab.show()
        QApplication.processEvents()
        tab.close()
        tab.deleteLater()

    def with_total() -> None:
        tab = LedgerTab(context)
        tab.resize(1280, 800)
        tab.show()
        QApplication.processEvents()
        while not tab.total_ready():  # the total is summed off the GUI thread
            QApplication.processEvents()
        tab.close()
        tab.deleteLater()

    ledger_tab = LedgerTab(context)
    ledger_tab.resize(1280, 800)
    ledger_tab.show()
    QApplication.processEvents()

    def filter_change(combo_key: str | None, value: Any) -> float:
        """One filter chosen (the list reloads and repaints), from "everything"."""
        combo = ledger_tab.filters[combo_key] if combo_key else ledger_tab.quarter
        combo.setCurrentIndex(0)
        QApplication.processEvents()
        start = time.perf_counter()
        combo.setCurrentIndex(combo.findData(value))
        QApplication.processEvents()
        return time.perf_counter() - start

    matrix_tab = MatrixTab(context)
    matrix_tab.resize(1280, 800)
    matrix_tab.show()
    matrix_tab.quarter.choose(Quarter(2024, 4))
    QApplication.processEvents()

    def matrix() -> None:
        matrix_tab.refresh()
        QApplication.processEvents()

    def entry_only() -> float:
        start = time.perf_counter()
        done = perform(
            ledger,
            partial(enter_for_many, service_type_id=entered, day=day, staff_ids=on_duty),
            actor=CLERK,
        )
        spent = time.perf_counter() - start
        batch = done.changes.created_id("batch")
        perform(ledger, lambda work: undo_batch(work, batch), actor=CLERK)
        return spent

    def floor_ids() -> object:
        with ledger.session() as session:
            return session.scalars(select(ServiceProvision.id)).all()

    def floor_insert() -> None:
        with ledger.session() as session:
            session.add_all(
                ServiceProvision(staff_id=staff_id, service_type_id=entered, date=day)
                for staff_id in on_duty
            )
            session.flush()
            session.rollback()

    cases: dict[str, Callable[[], object]] = {
        "floor: select ids": floor_ids,
        "floor: bare insert": floor_insert,
        "ledger first paint": first_paint,
        "  … and its amount total": with_total,
        "matrix 2024Q4 compute+paint": matrix,
    }
    results = {
        name: statistics.median(timed(run) for _ in range(RUNS)) for name, run in cases.items()
    }
    for name, key, value in (
        ("filter: one service", "service_type_id", monthly),
        ("filter: a quarter", None, "2024Q3"),
    ):
        results[name] = statistics.median(filter_change(key, value) for _ in range(RUNS))
    results["entry for all on duty"] = statistics.median(entry_only() for _ in range(RUNS))
    results["(on duty in 2024Q4)"] = len(matrix_tab.model.rows) / 1000  # shown as a count
    results["(entry rows)"] = len(on_duty) / 1000
    ledger_tab.close()
    matrix_tab.close()
    context.tasks.wait()
    return results


def main() -> None:
    app = QApplication.instance() or QApplication([])
    results: dict[int, dict[str, float]] = {}
    built: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder, clock.frozen(TODAY):
        for size in SIZES:
            start = time.perf_counter()
            ledger = build(Path(folder) / f"{size}.db", size)
            built[size] = time.perf_counter() - start
            results[size] = measure(ledger)
            ledger.close()
    small, large = SIZES
    print(
        f"built through write_rows: {small} staff + {12 * small} provisions in "
        f"{built[small]:.1f} s; {large} staff + {12 * large} provisions in {built[large]:.1f} s"
    )
    print(f"{'median of ' + str(RUNS):30} {small:>10} {large:>10}  ratio  target  ok")
    for name in results[small]:
        a, b = results[small][name], results[large][name]
        if name.startswith("("):
            print(f"{name:30} {a * 1e3:10.0f} {b * 1e3:10.0f}")
            continue
        target = TARGETS_MS.get(name)
        verdict = "" if target is None else ("yes" if b * 1e3 <= target else "NO")
        target_text = "" if target is None else f"{target:>4} ms"
        print(
            f"{name:30} {a * 1e3:8.1f}ms {b * 1e3:8.1f}ms  {b / a:5.1f}  "
            f"{target_text:>7}  {verdict}"
        )
    del app


if __name__ == "__main__":
    main()
