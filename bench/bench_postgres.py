"""The province data set on PostgreSQL against the same data on SQLite (issue #15, Speed).

Builds (or finds cached) the province ledger file (`bench/province.py`), copies it to
a fresh database on a PostgreSQL server with `copy` (its own time is reported), and
measures on both backends, in the same run:

- `quarterly_summary` of 2024Q3 (median of RUNS); limit: PostgreSQL ≤ 1.5× SQLite;
- the first paint of every list page (offscreen: construct, show, process events
  until painted; the rows' SQL included): Staff, Units, the provision ledger, the
  outcome ledger (the Outcomes page opens on it), mentorships, the audit log, the
  recycle bin, the import history; limit ≤ 200 ms over a local connection;
- the floor: one bare SUM … GROUP BY over every outcome entry on each backend;
- and that every quarter's summary reads as identical JSON on both backends.

The server is BANGFU_BENCH_PG (else BANGFU_TEST_PG): a URL whose user may create
databases, e.g. the throwaway cluster of `eval "$(bash .ci/postgres start)"`.
Run: `BANGFU_BENCH_CACHE=/work/bench-cache uv run python bench/bench_postgres.py
[--quick] [--explain]` (`--explain`: EXPLAIN ANALYZE of the slowest list page's SQL).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app.db.ledger import Ledger
from app.db.transfer import copy_ledger
from app.periods import Quarter
from app.reports.ledger_copy import all_summaries
from app.reports.summary import quarterly_summary
from bench.province import FULL, QUICK, province_file
from ui.context import LedgerContext
from ui.pages.history.audit_log_tab import AuditLogTab
from ui.pages.history.import_history_tab import ImportHistoryTab
from ui.pages.history.recycle_bin_tab import RecycleBinTab
from ui.pages.outcomes.mentorships_tab import MentorshipsTab
from ui.pages.outcomes.page import OutcomesPage
from ui.pages.roster.staff_page import StaffPage
from ui.pages.roster.units_tab import UnitsTab
from ui.pages.services.ledger_tab import LedgerTab as ProvisionLedger

RUNS = 15
LIST_PAGES: list[tuple[str, type[QWidget]]] = [
    ("staff page", StaffPage),
    ("units", UnitsTab),
    ("provision ledger", ProvisionLedger),
    ("outcome ledger", OutcomesPage),
    ("mentorships", MentorshipsTab),
    ("audit log", AuditLogTab),
    ("recycle bin", RecycleBinTab),
    ("import history", ImportHistoryTab),
]
QUARTER = Quarter(2024, 3)


def median(run: Callable[[], object], runs: int = RUNS) -> float:
    run()  # warm caches and statements
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def new_database(admin_url: str) -> str:
    url = make_url(admin_url)
    name = f"bangfu_bench_{uuid.uuid4().hex[:8]}"
    params = url.translate_connect_args(username="user", database="dbname")
    with psycopg.connect(autocommit=True, **params) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return url.set(database=name).render_as_string(hide_password=False)


def drop_database(admin_url: str, name: str) -> None:
    params = make_url(admin_url).translate_connect_args(username="user", database="dbname")
    with psycopg.connect(autocommit=True, **params) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def first_paint(context: LedgerContext, page_type: type[QWidget]) -> float:
    started = time.perf_counter()
    page = page_type(context)  # type: ignore[call-arg]
    page.resize(1400, 850)
    page.show()
    QApplication.processEvents()
    painted = time.perf_counter() - started
    page.close()
    page.deleteLater()
    context.tasks.wait()  # what the page reads on the worker meanwhile
    QApplication.processEvents()
    return painted


def measure(ledger: Ledger) -> dict[str, float]:
    results: dict[str, float] = {}
    with ledger.session() as session:
        floor_sql = text("SELECT metric_id, SUM(value) FROM outcome_entry GROUP BY metric_id")
        results["floor"] = median(lambda: session.execute(floor_sql).all())
        results["summary"] = median(lambda: quarterly_summary(session, QUARTER))
    context = LedgerContext(ledger)
    for name, page_type in LIST_PAGES:
        first_paint(context, page_type)  # warm
        results[name] = statistics.median(first_paint(context, page_type) for _ in range(5))
    context.tasks.stop_reads()
    context.tasks.wait()
    context.live.stop()
    return results


def main() -> None:
    admin = os.environ.get("BANGFU_BENCH_PG") or os.environ.get("BANGFU_TEST_PG")
    if not admin:
        sys.exit("set BANGFU_BENCH_PG (or BANGFU_TEST_PG) to a PostgreSQL URL")
    _app = QApplication.instance() or QApplication([])
    scale = QUICK if "--quick" in sys.argv else FULL
    path = province_file(scale)
    server = new_database(admin)
    try:
        started = time.perf_counter()
        copied = copy_ledger(path, server)
        copy_seconds = time.perf_counter() - started
        with Ledger.open(server) as ledger:
            ledger.analyze()
        print(f"copy to the server: {copied.rows:,} rows in {copy_seconds:.1f} s")
        started = time.perf_counter()
        on_file_json, quarters = all_summaries(path)
        same = on_file_json == all_summaries(server)[0]
        print(
            f"summary JSON of all {len(quarters)} quarters identical on both backends: {same}"
            f" ({time.perf_counter() - started:.1f} s)"
        )
        with Ledger.open(path, create=False) as on_file:
            sqlite = measure(on_file)
        with Ledger.open(server, create=False) as on_server:
            postgres = measure(on_server)
    finally:
        drop_database(admin, make_url(server).database or "")
    print(f"{'':16}{'SQLite':>12}{'PostgreSQL':>14}{'ratio':>8}")
    for key in sqlite:
        ratio = postgres[key] / sqlite[key]
        print(f"{key:16}{sqlite[key] * 1e3:>10.1f}ms{postgres[key] * 1e3:>12.1f}ms{ratio:>7.2f}x")
    summary_ratio = postgres["summary"] / sqlite["summary"]
    print(f"summary on PostgreSQL: {summary_ratio:.2f}x SQLite (limit 1.5x)")
    worst = max(LIST_PAGES, key=lambda page: postgres[page[0]])[0]
    print(
        f"first paint on PostgreSQL: {postgres[worst] * 1e3:.0f} ms at most ({worst}; limit 200 ms)"
    )


if __name__ == "__main__":
    main()
