"""`copy --from SOURCE --to TARGET`: a whole ledger moved between a file and a server,
and proved equal.

`app.db.transfer` moves every table (audit log and batches included) in one
transaction and compares the row counts; this adds the clerk's own proof: the
quarterly summary of every quarter from the ledger's first record to today, as the
JSON `report --json` prints, must read the same on both sides.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import clock
from app.db.ledger import Ledger
from app.db.postgres import Password
from app.db.transfer import copy_ledger
from app.errors import StorageError
from app.i18n import translate
from app.periods import Quarter
from app.reports.quarters import report_quarters
from app.reports.summary import quarterly_summary


@dataclass(frozen=True)
class CopyReport:
    counts: dict[str, int]
    quarters: list[Quarter]

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def copy_and_compare(
    source: str | Path,
    target: str | Path,
    *,
    password: Password | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    """Copy the ledger at `source` into the empty `target`, then compare the summaries
    of every quarter; StorageError names the first quarter that differs."""
    copied = copy_ledger(source, target, password=password, progress=progress)
    source_figures, quarters = all_summaries(source, password)
    target_figures, _ = all_summaries(target, password)
    for quarter in quarters:
        if source_figures[str(quarter)] != target_figures.get(str(quarter)):
            raise StorageError(
                translate(
                    "Ledger", "The copy's summary of {quarter} differs from the source's."
                ).format(quarter=quarter)
            )
    return CopyReport(copied.counts, quarters)


def all_summaries(
    target: str | Path, password: Password | None = None
) -> tuple[dict[str, str], list[Quarter]]:
    """Every quarter's summary as JSON text, made as of today; and the quarters."""
    today = clock.today()
    with Ledger.open(target, create=False, password=password) as ledger, ledger.session() as s:
        quarters = report_quarters(s, today)
        return {
            str(quarter): json.dumps(
                quarterly_summary(s, quarter, made_on=today).to_json(),
                ensure_ascii=False,
                sort_keys=True,
            )
            for quarter in quarters
        }, quarters
