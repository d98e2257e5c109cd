"""How long the quarterly summary takes on the demo ledger.

Times `quarterly_summary` (one quarter) and `recent_summaries` (the eight quarters of
the trend chart) against a floor measured in the same run: one bare aggregate over
every outcome entry (SUM per metric), the least any summary has to do. Prints
medians and ratios. Run: `uv run python bench/bench_reports.py`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from app.db.ledger import Ledger
from app.demo.build import create_demo
from app.periods import Quarter
from app.reports.summary import quarterly_summary, recent_summaries

RUNS = 30
QUARTER = Quarter(2024, 3)


def median_of(run: Callable[[], object]) -> float:
    run()  # warm the statement cache and SQLite's pages
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = create_demo(Path(folder) / "demo.db")
        with Ledger.open(path, create=False) as ledger, ledger.session() as session:
            floor_sql = text("SELECT metric_id, SUM(value) FROM outcome_entry GROUP BY metric_id")
            floor = median_of(lambda: session.execute(floor_sql).all())
            one = median_of(lambda: quarterly_summary(session, QUARTER))
            eight = median_of(lambda: recent_summaries(session, QUARTER))
    print(f"bare aggregate:        {floor * 1e3:.2f} ms (median of {RUNS})")
    print(f"quarterly_summary:     {one * 1e3:.2f} ms ({one / floor:.0f}x the floor)")
    print(f"recent_summaries (8):  {eight * 1e3:.2f} ms ({eight / floor:.0f}x the floor)")


if __name__ == "__main__":
    main()
