"""The number of SQL statements of the summary, the trend and a list page stays the same
as the ledger grows (counts, never times: timings live in bench/). Two ledgers built by
the province generator, one three times the other."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event

from app.db.ledger import Ledger
from app.db.listing import Listing, ListQuery
from app.history.audit_log import AuditLog
from app.outcomes.lists import OutcomeList
from app.periods import Quarter
from app.reports.summary import quarterly_summary, recent_summaries
from app.roster.lists import StaffList
from app.services.lists import ProvisionList
from bench.province import Scale, populate

SMALL = Scale(staff=12, units=4, teams=2, provisions=100, outcomes=400, mentorships=20, seed=5)
LARGE = Scale(staff=36, units=12, teams=6, provisions=300, outcomes=1200, mentorships=60, seed=5)
QUARTER = Quarter(2020, 4)


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Ledger]]:
    opened = {}
    for name, scale in (("small", SMALL), ("large", LARGE)):
        ledger = Ledger.open(tmp_path_factory.mktemp(name) / "p.db")
        populate(ledger, scale, log=lambda line: None)
        opened[name] = ledger
    yield opened
    for ledger in opened.values():
        ledger.close()


def statements(ledger: Ledger, run: Callable[[Any], object]) -> int:
    seen: list[str] = []

    def note(*args: Any) -> None:
        seen.append(args[2])

    with ledger.session() as session:
        run(session)  # warm: settings and catalogs cached the same way on both
        event.listen(ledger.engine, "before_cursor_execute", note)
        try:
            run(session)
        finally:
            event.remove(ledger.engine, "before_cursor_execute", note)
    return len(seen)


def page(listing: Listing) -> Callable[[Any], object]:
    def run(session: Any) -> object:
        ids = listing.window(session, ListQuery(), 0, 100)
        return listing.count(session, ListQuery()), listing.rows(session, ids)

    return run


CASES: dict[str, Callable[[Any], object]] = {
    "summary": lambda session: quarterly_summary(session, QUARTER),
    "trend": lambda session: recent_summaries(session, QUARTER, 8),
    "staff page": page(StaffList()),
    "provision page": page(ProvisionList()),
    "outcome page": page(OutcomeList()),
    "audit log page": page(AuditLog()),
}


@pytest.mark.parametrize("name", list(CASES))
def test_statements_do_not_grow_with_rows(ledgers: dict[str, Ledger], name: str) -> None:
    small, large = (statements(ledgers[size], CASES[name]) for size in ("small", "large"))
    assert small == large


def test_the_trend_is_not_eight_summaries(ledgers: dict[str, Ledger]) -> None:
    """Per-section grouped queries: eight quarters cost fewer statements than eight
    summaries (coverage's two reads per quarter and the catalog stay per quarter)."""
    one = statements(ledgers["small"], CASES["summary"])
    eight = statements(ledgers["small"], CASES["trend"])
    assert eight < 8 * one - 30
