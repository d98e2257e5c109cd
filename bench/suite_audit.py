"""The audit log on the province ledger: statements issued and time, per page and export.

Every record of the data set was written through the audited path, so the log holds
one entry per record (about 590,000). Measured: the first page (the ids window of
100 newest entries and their worded rows, as the History page reads them) and an
export of every entry about service provisions (60,000) to .xlsx through the list
export. Statements are counted with a `before_cursor_execute` listener: constant per
page, never per row, is the target.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from app.db.ledger import Ledger
from app.db.listing import ListQuery
from app.exchange.list_export import ListExport, export_lists
from app.history.audit_log import AuditLog
from bench.harness import Result, median_of, timed

PAGE = 100


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    """The statements the engine runs inside the block."""
    seen: list[str] = []

    def note(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def statements(engine: Engine, run: Callable[[], object]) -> int:
    with counting(engine) as seen:
        run()
    return len(seen)


def audit_results(path: Path) -> list[Result]:
    listing = AuditLog()
    newest = ListQuery(sort_key="at", descending=True)
    with Ledger.open(path, create=False) as ledger:

        def page(offset: int = 0) -> object:
            with ledger.session() as session:
                ids = listing.window(session, newest, offset, PAGE)
                return listing.rows(session, ids)

        first = median_of(page)
        first_count = statements(ledger.engine, page)
        deep_count = statements(ledger.engine, lambda: page(50_000))
        provisions = ListQuery(sort_key="at", filters={"entity": "service_provision"})
        with tempfile.TemporaryDirectory() as folder, ledger.session() as session:
            target = Path(folder) / "audit.xlsx"
            export = [ListExport(listing, "操作日志", provisions)]
            with counting(ledger.engine) as seen:
                spent = timed(lambda: export_lists(session, target, export))
            rows = listing.count(session, provisions)
    return [
        Result("audit log: first page (100)", first, limit=0.100),
        Result(
            "audit log: statements, first page",
            first_count,
            unit="statements",
            note=f"page at offset 50,000: {deep_count}",
        ),
        Result("audit log: export", spent, note=f"{rows:,} entries, {len(seen):,} statements"),
    ]
