"""Does the Staff page stay quick as the roster grows?

Builds two ledgers, one with 100 staff and one with 20,000 (bare inserts, spread over
units and teams), and measures on each, as medians of several runs: opening the
Staff page offscreen until its first rows are painted, a search, a filter, and a sort
on a joined column (the receiving unit's name). The floor is a bare `SELECT id FROM
staff` on the same file in the same run. Run: `uv run python bench/bench_roster.py`.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.db.ledger import Ledger
from app.db.listing import ListQuery
from app.db.models import Staff, Team, Unit
from app.db.vocabulary import Field, UnitKind
from app.roster.lists import StaffList
from ui.context import LedgerContext
from ui.pages.roster.staff_page import StaffPage

SIZES, RUNS = (100, 20_000), 7
FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def build(path: Path, count: int) -> Ledger:
    ledger = Ledger.open(path)
    with ledger.session() as session:
        sending = [Unit(name=f"派出单位{i}", kind=UnitKind.SENDING) for i in range(20)]
        receiving = [Unit(name=f"受援单位{i}", kind=UnitKind.RECEIVING) for i in range(30)]
        teams = [Team(name=f"团队{i}", field=list(Field)[i % 4]) for i in range(12)]
        session.add_all([*sending, *receiving, *teams])
        session.flush()
        session.add_all(
            Staff(
                name=FAMILY[i % 20] + GIVEN[(i // 20) % 20] + (GIVEN[i % 7] if i % 3 else ""),
                field=list(Field)[i % 4],
                sending_unit_id=sending[i % 20].id,
                receiving_unit_id=receiving[i % 30].id,
                team_id=teams[i % 12].id,
                post=f"岗位{i % 50}",
                phone=f"139{i:08d}",
                start_date=date(2020, 1, 1) + timedelta(days=i % 1500),
                planned_end=date(2025, 1, 1) + timedelta(days=i % 700),
            )
            for i in range(count)
        )
        session.commit()
    return ledger


def measure(ledger: Ledger) -> dict[str, float]:
    context = LedgerContext(ledger)
    listing = StaffList()

    def open_page() -> None:
        page = StaffPage(context)
        page.resize(1280, 800)
        page.show()
        QApplication.processEvents()  # lay out and paint the visible rows
        page.close()
        page.deleteLater()

    def query(**asked: object) -> Callable[[], object]:
        def run() -> object:
            with ledger.session() as session:
                ids = listing.ids(session, ListQuery(**asked))  # type: ignore[arg-type]
                return listing.rows(session, ids[:40])

        return run

    def floor() -> object:
        with ledger.session() as session:
            return session.scalars(select(Staff.id)).all()

    cases = {
        "floor (select ids)": floor,
        "open Staff page": open_page,
        "search 张伟": query(search="张伟"),
        "filter field+team": query(filters={"field": "medical", "team_id": 1}),
        "sort by receiving unit": query(sort_key="receiving_unit", descending=True),
    }
    QApplication.processEvents()
    return {name: statistics.median(timed(run) for _ in range(RUNS)) for name, run in cases.items()}


def main() -> None:
    app = QApplication.instance() or QApplication([])
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            ledger = build(Path(folder) / f"{size}.db", size)
            results[size] = measure(ledger)
            ledger.close()
    small, large = SIZES
    print(f"{'median of ' + str(RUNS):24} {small:>10} {large:>10}  ratio  x floor({large})")
    for name in results[small]:
        a, b = results[small][name], results[large][name]
        floor = results[large]["floor (select ids)"]
        print(f"{name:24} {a * 1e3:8.1f}ms {b * 1e3:8.1f}ms  {b / a:5.1f}  {b / floor:6.1f}")
    del app


if __name__ == "__main__":
    main()
