"""The quarterly summary, the 8-quarter trend and `report --json/--pdf/--xlsx`.

The summary's floor is hand-written raw SQL reading the same numbers over the same
rows (staff heads and moves by field, provisions per service, the outcome windows of
every sum metric, the latest values, highlights, mentorships) plus the rows coverage
is decided from (the people serving, their provisions of the year), with no ORM, no
statement building and no Python rules: the least a summary can cost on this file.
The reports' floor is `report --json` in the same run, each a fresh process with the
project's interpreter.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from app.db.ledger import Ledger
from app.periods import Quarter
from app.reports.summary import quarterly_summary, recent_summaries
from bench.harness import ROOT, Result, median_of, median_value

PYTHON = ROOT / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")

_LIVE_ENTRY = """
    FROM outcome_entry e
    LEFT JOIN staff s ON s.id = e.staff_id
    LEFT JOIN team t ON t.id = e.team_id
    WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL AND t.deleted_at IS NULL
      AND e.metric_id IS NOT NULL AND e.value IS NOT NULL
"""

RAW_SUMMARY = [
    """SELECT field,
        SUM(start_date <= :end AND (COALESCE(actual_end, planned_end) IS NULL
            OR COALESCE(actual_end, planned_end) > :end)),
        SUM(start_date BETWEEN :start AND :end),
        SUM(COALESCE(actual_end, planned_end) BETWEEN :start AND :end)
       FROM staff WHERE deleted_at IS NULL GROUP BY field""",
    """SELECT p.service_type_id, COUNT(*) FROM service_provision p
       JOIN staff s ON s.id = p.staff_id
       WHERE p.deleted_at IS NULL AND s.deleted_at IS NULL AND p.date BETWEEN :start AND :end
       GROUP BY p.service_type_id""",
    """SELECT id, start_date, COALESCE(actual_end, planned_end) FROM staff
       WHERE deleted_at IS NULL AND start_date <= :end
         AND (COALESCE(actual_end, planned_end) IS NULL
              OR COALESCE(actual_end, planned_end) >= :start)""",
    """SELECT p.staff_id, p.service_type_id, p.date, p.id FROM service_provision p
       JOIN staff s ON s.id = p.staff_id
       WHERE s.deleted_at IS NULL AND s.start_date <= :end
         AND (COALESCE(s.actual_end, s.planned_end) IS NULL
              OR COALESCE(s.actual_end, s.planned_end) >= :start)
         AND p.deleted_at IS NULL AND p.date <= :end
         AND (p.service_type_id IN (SELECT id FROM service_type WHERE rule = 'once')
              OR p.date >= :year_start)""",
    f"""SELECT e.metric_id,
        SUM(CASE WHEN e.date BETWEEN :start AND :end THEN e.value END),
        SUM(CASE WHEN e.date BETWEEN :prev_start AND :prev_end THEN e.value END),
        SUM(CASE WHEN e.date BETWEEN :year_start AND :end THEN e.value END),
        SUM(e.value) {_LIVE_ENTRY} AND e.date <= :end GROUP BY e.metric_id""",
    f"""SELECT metric_id, MAX(date) FROM (SELECT e.metric_id, e.date {_LIVE_ENTRY}
        AND e.date <= :end AND e.metric_id IN
            (SELECT id FROM metric WHERE aggregation = 'latest')) GROUP BY metric_id""",
    """SELECT e.date, s.name, t.name, e.description FROM outcome_entry e
       LEFT JOIN staff s ON s.id = e.staff_id LEFT JOIN team t ON t.id = e.team_id
       WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL AND t.deleted_at IS NULL
         AND e.is_highlight = 1 AND e.date BETWEEN :start AND :end ORDER BY e.date, e.id""",
    """SELECT SUM(m.start_date <= :end AND (m.end_date IS NULL OR m.end_date >= :start)),
              SUM(m.start_date BETWEEN :start AND :end)
       FROM mentorship m JOIN staff s ON s.id = m.mentor_id
       WHERE m.deleted_at IS NULL AND s.deleted_at IS NULL""",
]


def raw_bounds(quarter: Quarter) -> dict[str, str]:
    previous = quarter.previous()
    return {
        "start": quarter.start.isoformat(),
        "end": quarter.end.isoformat(),
        "prev_start": previous.start.isoformat(),
        "prev_end": previous.end.isoformat(),
        "year_start": quarter.year_start().isoformat(),
    }


def summary_results(path: Path, quarter: Quarter) -> list[Result]:
    with Ledger.open(path, create=False) as ledger, ledger.session() as session:
        statements = [text(sql) for sql in RAW_SUMMARY]
        bounds = raw_bounds(quarter)

        def raw() -> None:
            for statement in statements:
                session.execute(statement, bounds).all()

        floor = median_of(raw)
        one = median_of(lambda: quarterly_summary(session, quarter))
        trend = median_of(lambda: recent_summaries(session, quarter, 8), runs=5)
    return [
        Result(
            "summary: one quarter",
            one,
            floor=floor,
            max_ratio=1.2,
            limit=0.300,
            note="floor: hand-written raw SQL",
        ),
        Result("summary: 8-quarter trend", trend, floor=one, max_ratio=2, note="floor: one"),
    ]


def report_results(path: Path, quarter: Quarter, runs: int = 3) -> list[Result]:
    """`report --json`, `--pdf`, `--xlsx` and both at once, each in a fresh process."""
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)

        def run(*extra: str) -> float:
            command = [str(PYTHON), str(ROOT / "main.py"), "report", "--db", str(path)]
            started = time.perf_counter()
            subprocess.run(
                [*command, "--quarter", str(quarter), *extra],
                cwd=ROOT,
                check=True,
                capture_output=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
            return time.perf_counter() - started

        json_floor = median_value(lambda: run("--json"), runs)
        results.append(Result("report --json (process)", json_floor))
        for name, extra in (
            ("report --pdf", ("--pdf", str(out / "s.pdf"))),
            ("report --xlsx", ("--xlsx", str(out / "s.xlsx"))),
            ("report --pdf --xlsx", ("--pdf", str(out / "b.pdf"), "--xlsx", str(out / "b.xlsx"))),
        ):
            value = median_value(lambda extra=extra: run(*extra), runs)
            results.append(Result(name, value, floor=json_floor, max_ratio=3, note="floor: --json"))
    return results
