"""How much validation, audit and closed-quarter checks cost per record.

Creates outcome entries through `app.records.commands.create` (what every clerk
action and import uses) and through a bare ORM insert (the floor), in the same run, and prints
medians and the ratio. Run: `uv run python bench/bench_records.py`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from app.db.ledger import Ledger
from app.db.models import Metric, OutcomeEntry
from app.outcomes.entries import OUTCOME
from app.records import commands
from app.records.work import Actor, unit_of_work
from app.roster.units import TEAM

ACTOR = Actor("bench")

ROWS, RUNS = 500, 5


def timed(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, Ledger.open(Path(folder) / "b.db") as ledger:
        with ledger.session() as session, unit_of_work(session, ACTOR) as work:
            team = commands.create(work, TEAM, {"name": "队", "field": "医疗"})
            metric = session.scalar(select(Metric.id).where(Metric.name == "手术"))
        values = {"date": date(2024, 8, 31), "team_id": team, "metric_id": metric, "value": 3}

        def validated() -> None:
            with ledger.session() as session, unit_of_work(session, ACTOR) as work:
                for _ in range(ROWS):
                    commands.create(work, OUTCOME, values)

        def floor() -> None:
            with ledger.session() as session, unit_of_work(session, ACTOR):
                session.add_all(OutcomeEntry(**values) for _ in range(ROWS))

        floors = [timed(floor) for _ in range(RUNS)]
        checked = [timed(validated) for _ in range(RUNS)]
    base, ours = statistics.median(floors), statistics.median(checked)
    print(f"bare insert:     {base / ROWS * 1e3:.3f} ms/record (median of {RUNS} x {ROWS})")
    print(f"commands.create: {ours / ROWS * 1e3:.3f} ms/record")
    print(f"ratio to floor:  {ours / base:.1f}x")


if __name__ == "__main__":
    main()
