"""The pages on the province ledger, in process, offscreen: first paint and a filter.

Each case builds (or changes) the real widget and runs Qt's events until the visible
rows are painted. Floors, in the same run: a bare `QTableView` of 40 rows shown and
painted (what any list page pays); the newest 200 ids of each ledger by date are
shown for scale.
The outcome grid needs a team of 60 on a field of 12 metrics, which the province's
teams are not: it is added to a copy of the file through the app's commands first
(60 staff, the missing metrics, 720 stored values through `save_period_values`).
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from sqlalchemy import func, select

from app.db.ledger import Ledger
from app.db.models import Metric, OutcomeEntry, ServiceProvision, ServiceType
from app.db.vocabulary import Field
from app.outcomes.grid import PeriodCell, save_period_values
from app.outcomes.metrics import METRIC
from app.periods import Month, Quarter
from app.records.commands import RowWrite, write_rows
from app.records.work import Actor, perform
from app.roster.duty import on_duty_at_end
from app.roster.staff import STAFF
from app.roster.units import TEAM
from bench.harness import Result, median_of, timed

ACTOR = Actor("基准测试")
GRID_STAFF, GRID_METRICS = 60, 12
GRID_PERIOD = Month(2024, 9)


def paint() -> None:
    QApplication.processEvents()  # lay out and paint what changed


def show(widget: QWidget) -> QWidget:
    widget.resize(1280, 800)
    widget.show()
    paint()
    return widget


def bare_table() -> None:
    model = QStandardItemModel(40, 8)
    for row in range(40):
        for column in range(8):
            model.setData(model.index(row, column), f"{row}-{column}")
    view = QTableView()
    view.setModel(model)
    show(view)
    view.close()
    view.deleteLater()


def first_paint(factory: Callable[[], QWidget], wait: Callable[[], None]) -> float:
    def once() -> float:
        widget = factory()
        spent = timed(lambda: show(widget))
        widget.close()
        widget.deleteLater()
        wait()  # what the page reads on the worker meanwhile
        return spent

    once()
    return statistics.median(once() for _ in range(7))


def quarter_with_on_duty(session: Any, wanted: int) -> tuple[Quarter, int]:
    """The quarter whose head count at its end is nearest `wanted` (2015–2024)."""
    counts = [
        (quarter, session.scalar(select(func.count()).where(on_duty_at_end(quarter))))
        for quarter in Quarter(2024, 4).back(40)
    ]
    return min(counts, key=lambda pair: abs(pair[1] - wanted))


def page_results(path: Path) -> list[Result]:
    from ui.context import LedgerContext
    from ui.pages.outcomes.page import OutcomesPage
    from ui.pages.roster.staff_page import StaffPage
    from ui.pages.services.ledger_tab import LedgerTab
    from ui.pages.services.matrix_tab import MatrixTab

    QApplication.instance() or QApplication([])
    ledger = Ledger.open(path, create=False)
    context = LedgerContext(ledger)
    wait = context.tasks.wait
    results: list[Result] = []
    table_floor = median_of(bare_table)
    results.append(Result("floor: bare QTableView, 40 rows painted", table_floor))

    # ---- staff page
    staff_paint = first_paint(lambda: StaffPage(context), wait)
    results.append(Result("staff page: first paint", staff_paint, floor=table_floor, limit=0.100))
    page = show(StaffPage(context))
    letters = iter("张王李赵刘陈" * 100)

    def keystroke() -> None:
        page.search.setText(next(letters))  # type: ignore[attr-defined]
        paint()

    results.append(Result("staff page: search keystroke", median_of(keystroke), limit=0.100))
    page.close()

    # ---- provision ledger
    def newest(model: Any) -> Callable[[], object]:
        def run() -> object:
            with ledger.session() as session:
                return session.scalars(
                    select(model.id).order_by(model.date.desc()).limit(200)
                ).all()

        return run

    ids = median_of(newest(ServiceProvision))
    provision_paint = first_paint(lambda: LedgerTab(context), wait)
    results.append(
        Result("provision ledger: first paint", provision_paint, floor=table_floor, limit=0.100)
    )
    tab = show(LedgerTab(context))
    with ledger.session() as session:
        monthly = session.scalar(select(ServiceType.id).where(ServiceType.name == "生活补助发放"))

    def provision_filter() -> None:
        combo = tab.filters["service_type_id"]  # type: ignore[attr-defined]
        combo.setCurrentIndex(combo.findData(monthly) if combo.currentIndex() == 0 else 0)
        paint()

    results.append(
        Result("provision ledger: filter change", median_of(provision_filter), limit=0.100)
    )
    tab.close()
    wait()

    # ---- outcome ledger
    ids += median_of(newest(OutcomeEntry))
    outcome_paint = first_paint(lambda: OutcomesPage(context), wait)
    results.append(
        Result("outcome ledger: first paint", outcome_paint, floor=table_floor, limit=0.200)
    )
    outcomes = show(OutcomesPage(context))
    ledger_tab = outcomes.ledger  # type: ignore[attr-defined]

    def outcome_filter() -> None:
        combo = ledger_tab.period
        combo.setCurrentIndex(combo.findData("2020Q3") if combo.currentIndex() == 0 else 0)
        paint()

    results.append(Result("outcome ledger: filter change", median_of(outcome_filter), limit=0.200))
    outcomes.close()
    wait()

    # ---- coverage matrix
    with ledger.session() as session:
        quarter, heads = quarter_with_on_duty(session, 500)
    matrix = show(MatrixTab(context))
    matrix.quarter.choose(quarter)  # type: ignore[attr-defined]
    paint()

    def refresh() -> None:
        matrix.refresh()  # type: ignore[attr-defined]
        paint()

    results.append(
        Result(
            "coverage matrix: compute + paint",
            median_of(refresh),
            limit=0.200,
            note=f"{quarter}, {heads} on duty",
        )
    )
    matrix.close()
    wait()
    context.close()
    results.append(Result("(newest 200 ids of both ledgers, SQL)", ids))
    return results


def add_grid_team(ledger: Ledger) -> int:
    """A team of 60 on the general field with 12 active metrics, 720 values stored."""

    def command(work: Any) -> int:
        [team] = write_rows(
            work, [RowWrite("team", TEAM, {"name": "综合帮扶队", "field": "general"})]
        )
        members = write_rows(
            work,
            [
                RowWrite(
                    f"m{i}",
                    STAFF,
                    {
                        "name": f"综合队员{i:02d}",
                        "field": "general",
                        "team_id": team,
                        "start_date": date(2024, 1, 1),
                    },
                )
                for i in range(GRID_STAFF)
            ],
        )
        have = work.session.scalar(
            select(func.count()).where(Metric.field == Field.GENERAL, Metric.active.is_(True))
        )
        write_rows(
            work,
            [
                RowWrite(
                    f"k{i}",
                    METRIC,
                    {
                        "name": f"综合指标{i}",
                        "field": "general",
                        "unit": "次",
                        "sort_order": 100 + i,
                    },
                )
                for i in range(GRID_METRICS - have)
            ],
        )
        metrics = work.session.scalars(
            select(Metric.id).where(Metric.field == Field.GENERAL, Metric.active.is_(True))
        ).all()
        cells = [PeriodCell(s, None, m, 5) for s in members for m in metrics]
        save_period_values(work, period=GRID_PERIOD, cells=cells)
        return team  # type: ignore[return-value]

    return perform(ledger, command, actor=ACTOR).value


def grid_results(copy: Path) -> list[Result]:
    from ui.context import LedgerContext
    from ui.pages.outcomes.page import OutcomesPage

    QApplication.instance() or QApplication([])
    ledger = Ledger.open(copy, create=False)
    team_id = add_grid_team(ledger)
    context = LedgerContext(ledger)
    page = show(OutcomesPage(context))
    grid = page.grid  # type: ignore[attr-defined]
    page.show_tab("grid")  # type: ignore[attr-defined]

    def open_grid() -> None:
        grid._shown = None  # force a reload of the same choice
        grid.choose(GRID_PERIOD, team_id=team_id)
        paint()

    spent = median_of(open_grid)
    shape = f"{grid.model.rowCount() - 1}×{grid.model.columnCount()}"
    page.close()
    context.tasks.wait()
    context.close()
    return [Result("outcome grid: opening", spent, limit=0.150, note=f"{shape} cells, 720 stored")]
