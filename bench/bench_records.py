"""How much validation, audit and closed-quarter checks cost per record.

Creates outcome entries through `app.records.commands.write_rows` (what every import
and batch uses; a form's save is the same `create` per row) and through a bare ORM
insert (the floor), in the same run, and prints medians and the ratio.
Run: `uv run python bench/bench_records.py`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from app.db.ledger import Ledger
from app.db.models import Metric, OutcomeEntry
from app.outcomes.entries import OUTCOME
from app.records import commands
from app.records.commands import RowWrite, write_rows
from app.records.work import Actor, perform
from app.roster.units import TEAM
from bench.harness import timed

ROWS, RUNS = 500, 5
CLERK = Actor("王丽")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, Ledger.open(Path(folder) / "b.db") as ledger:
        team = perform(
            ledger,
            lambda work: commands.create(work, TEAM, {"name": "队", "field": "医疗"}),
            actor=CLERK,
        ).value
        with ledger.session() as session:
            metric = session.scalar(select(Metric.id).where(Metric.name == "手术"))

        def values() -> dict[str, object]:
            return {"date": date(2024, 8, 31), "team_id": team, "metric_id": metric, "value": 3}

        def validated() -> None:
            rows = [RowWrite(f"第{i}行", OUTCOME, values()) for i in range(ROWS)]
            perform(ledger, lambda work: write_rows(work, rows), actor=CLERK)

        def floor() -> None:
            with ledger.session() as session:
                session.add_all(OutcomeEntry(**values()) for _ in range(ROWS))
                session.commit()

        floors = [timed(floor) for _ in range(RUNS)]
        checked = [timed(validated) for _ in range(RUNS)]
    base, ours = statistics.median(floors), statistics.median(checked)
    print(f"bare insert:     {base / ROWS * 1e3:.3f} ms/record (median of {RUNS} x {ROWS})")
    print(f"write_rows:      {ours / ROWS * 1e3:.3f} ms/record")
    print(f"ratio to floor:  {ours / base:.1f}x")


if __name__ == "__main__":
    main()
