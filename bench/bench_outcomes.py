"""Does the Outcomes page stay quick on a large ledger?

Builds a ledger of 500,000 outcome entries (460 staff, 13 teams, four years) and a
team of 60 staff on a field of 12 active metrics, then measures, as medians of
several runs (offscreen, each until the window has painted):

- the Outcomes page's first paint (ledger tab, newest rows) and a filter change
  (quarter, field, team, person, metric, highlights only) — target ≤ 200 ms; the
  totals, read on the worker meanwhile, are timed on their own;
- the batch grid of 60 staff × 12 metrics opening with 720 stored values — ≤ 150 ms;
- a Save of 720 changed cells: the command alone (validation, writes, audit, batch,
  commit) and the whole GUI round trip (write runner, reload) — ≤ 1 s.

The floor is a bare `SELECT id … ORDER BY date DESC LIMIT 200` in the same run.

Seeding: the 500,000 background entries are inserted in bulk with SQLAlchemy Core,
bypassing validation (validating and auditing them one by one would take minutes and
is what `bench_records.py` measures); the grid's 720 stored values go through
`save_period_values`, the validated path. Run: `uv run python bench/bench_outcomes.py`.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select

from app.db.ledger import Ledger
from app.db.listing import ListQuery
from app.db.models import Metric, OutcomeEntry, Staff, Team
from app.db.vocabulary import Field
from app.outcomes.grid import PeriodCell, save_period_values
from app.outcomes.lists import outcome_totals
from app.periods import Month
from app.records.work import Actor, perform
from bench.harness import median_of
from ui.context import LedgerContext
from ui.pages.outcomes.page import OutcomesPage

ENTRIES, RUNS = 500_000, 7
GRID_STAFF, GRID_METRICS = 60, 12
PERIOD = Month(2024, 9)
ACTOR = Actor("bench")
TARGETS = {"paint": 0.200, "grid": 0.150, "save": 1.0}


def median(run: Callable[[], object], runs: int = RUNS) -> float:
    return median_of(run, runs, warm=False)


def build(path: Path) -> tuple[Ledger, int, list[int], list[int]]:
    """The ledger, the grid's team, its 60 members and the field's 12 metrics."""
    ledger = Ledger.open(path)
    rng = random.Random(7)
    with ledger.session() as session:
        teams = [Team(name=f"团队{i}", field=list(Field)[i % 4]) for i in range(12)]
        grid_team = Team(name="综合帮扶队", field=Field.GENERAL)
        session.add_all([*teams, grid_team])
        session.flush()
        staff = [
            Staff(
                name=f"人员{i}",
                field=list(Field)[i % 4],
                team_id=teams[i % 12].id,
                start_date=date(2020, 1, 1),
            )
            for i in range(400)
        ]
        members = [
            Staff(
                name=f"综合{i}",
                field=Field.GENERAL,
                team_id=grid_team.id,
                start_date=date(2023, 1, 1),
            )
            for i in range(GRID_STAFF)
        ]
        general = session.scalars(select(Metric).where(Metric.field == Field.GENERAL)).all()
        extra = [
            Metric(name=f"综合指标{i}", field=Field.GENERAL, unit="次", sort_order=100 + i)
            for i in range(GRID_METRICS - len(general))
        ]
        session.add_all([*staff, *members, *extra])
        session.flush()
        metrics = session.scalars(select(Metric.id)).all()
        people = [*staff, *members]
        rows = [
            {
                "date": date(2021, 1, 1) + timedelta(days=rng.randrange(1460)),
                "period": None,
                "staff_id": people[i % len(people)].id,  # the grid's members too
                "team_id": None,
                "metric_id": metrics[rng.randrange(len(metrics))],
                "value": rng.randrange(1, 50),
                "description": "门诊坐诊" if i % 5 else "",
                "is_highlight": i % 997 == 0,
            }
            for i in range(ENTRIES)
        ]
        session.execute(insert(OutcomeEntry), rows)
        session.commit()
        grid_metrics = session.scalars(
            select(Metric.id)
            .where(Metric.field == Field.GENERAL, Metric.active.is_(True))
            .order_by(Metric.sort_order, Metric.id)
        ).all()
        member_ids = [member.id for member in members]
        team_id = grid_team.id
    cells = [PeriodCell(s, None, m, 5) for s in member_ids for m in grid_metrics]
    perform(ledger, partial(save_period_values, period=PERIOD, cells=cells), actor=ACTOR)
    return ledger, team_id, member_ids, list(grid_metrics)


def paint(widget: object) -> None:
    QApplication.processEvents()  # lay out and paint what changed


def app_events() -> None:
    QApplication.processEvents()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        ledger, team_id, members, metrics = build(Path(folder) / "outcomes.db")
        print(f"seeded {ENTRIES:,} entries in {time.perf_counter() - started:.0f} s")
        context = LedgerContext(ledger)

        def floor() -> object:
            with ledger.session() as session:
                return session.scalars(
                    select(OutcomeEntry.id).order_by(OutcomeEntry.date.desc()).limit(200)
                ).all()

        results["floor (newest 200 ids)"] = median(floor)

        def open_page() -> float:
            started = time.perf_counter()
            page = OutcomesPage(context)
            page.resize(1400, 850)
            page.show()
            paint(page)
            painted = time.perf_counter() - started
            page.close()
            page.deleteLater()
            context.tasks.wait()  # the page's totals, read on the worker meanwhile
            return painted

        results["ledger first paint"] = statistics.median(open_page() for _ in range(RUNS))
        page = OutcomesPage(context)
        page.resize(1400, 850)
        page.show()
        paint(page)
        ledger_tab = page.ledger
        filters = {
            "quarter 2023Q3": (ledger_tab.period, ledger_tab.period.findData("2023Q3")),
            "field 医疗": (ledger_tab.filters["field"], 1),
            "team": (ledger_tab.filters["team_id"], 3),
            "person": (ledger_tab.filters["staff_id"], 5),
            "metric": (ledger_tab.filters["metric_id"], 4),
        }
        for name, (combo, index) in filters.items():

            def change(combo: object = combo, index: int = index) -> None:
                combo.setCurrentIndex(index)  # type: ignore[attr-defined]
                paint(page)
                combo.setCurrentIndex(0)  # type: ignore[attr-defined]
                paint(page)

            # Two filter changes per run (to the choice and back): half is one change.
            results[f"filter: {name}"] = median(change) / 2
            context.tasks.wait()

        def highlights() -> None:
            ledger_tab.highlights.setChecked(True)
            paint(page)
            ledger_tab.highlights.setChecked(False)
            paint(page)

        results["filter: highlights only"] = median(highlights) / 2
        context.tasks.wait()

        def search() -> None:
            ledger_tab.search.setText("门诊")
            paint(page)
            ledger_tab.search.clear()
            paint(page)

        results["search (no target)"] = median(search, 3) / 2
        context.tasks.wait()
        header = ledger_tab.list.view.horizontalHeader()
        value_column = [c.key for c in ledger_tab.list.model.listing.columns()].index("value")

        def sort() -> None:
            header.setSortIndicator(value_column, Qt.SortOrder.DescendingOrder)
            paint(page)
            header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
            paint(page)

        results["sort by value (no target)"] = median(sort, 3) / 2
        context.tasks.wait()

        def totals() -> object:
            with ledger.session() as session:
                return outcome_totals(session, ListQuery())

        results["totals, whole ledger (worker)"] = median(totals, 3)

        def totals_shown() -> None:
            # From a filter change until its totals are on screen (after the 250 ms pause
            # the ledger waits for, so a clerk flicking through filters is not slowed).
            combo = ledger_tab.period
            combo.setCurrentIndex(0 if combo.currentIndex() else combo.findData("2023Q3"))
            while "…" in ledger_tab.totals_title.text():
                app_events()

        results["totals on screen after a change"] = median(totals_shown, 3)
        context.tasks.wait()

        grid = page.grid
        page.show_tab("grid")

        def open_grid() -> None:
            grid._shown = None  # force a reload of the same choice
            grid.choose(PERIOD, team_id=team_id)
            paint(page)

        results["grid 60x12 opening"] = median(open_grid)
        assert grid.model.rowCount() == GRID_STAFF + 1 and grid.model.columnCount() == GRID_METRICS
        assert len(grid.model.grid.values) == GRID_STAFF * GRID_METRICS  # type: ignore[union-attr]

        value = iter(range(6, 10_000))

        def save_command() -> None:
            number = next(value)
            cells = [PeriodCell(s, None, m, number) for s in members for m in metrics]
            done = perform(
                ledger, partial(save_period_values, period=PERIOD, cells=cells), actor=ACTOR
            )
            assert done.value.changed == GRID_STAFF * GRID_METRICS

        results["save 720 cells (command)"] = median(save_command, 5)

        def save_from_grid() -> None:
            number = str(next(value))
            grid.model.edit(
                {(r, c): number for r in range(GRID_STAFF) for c in range(GRID_METRICS)}
            )
            assert len(grid.model.changed_cells()) == GRID_STAFF * GRID_METRICS
            grid.save()
            while grid.saving or not context.writes.is_idle():
                app_events()
            paint(page)
            assert not grid.model.changed_cells()

        results["save 720 cells (GUI, to reloaded)"] = median(save_from_grid, 5)
        page.close()
        context.close()

    floor_time = results["floor (newest 200 ids)"]
    targets = {
        "ledger first paint": "paint",
        "filter": "paint",
        "grid": "grid",
        "save": "save",
    }
    print(f"{'median':36} {'ms':>9}  {'x floor':>7}  target")
    for name, seconds in results.items():
        target = next((TARGETS[t] for key, t in targets.items() if name.startswith(key)), None)
        verdict = (
            f"≤ {target * 1e3:.0f} ms {'ok' if seconds <= target else 'MISSED'}" if target else ""
        )
        print(f"{name:36} {seconds * 1e3:9.1f}  {seconds / floor_time:7.1f}  {verdict}")
    del app


if __name__ == "__main__":
    main()
