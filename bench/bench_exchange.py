"""Excel exchange speed: importing a 5,000-row roster and exporting 500,000 outcome rows.

Import (issue 11: preview ≤ 5 s, commit ≤ 5 s): a roster workbook of 5,000 people
with title rows, aliased headers and 40 units and 10 teams to create; the preview
(every row planned, nothing written) and the commit (one batch, one transaction) on
a fresh copy of an empty ledger each run; medians and rows per second.

Export (≤ 1.3× a bare openpyxl write-only loop writing the same cells with the same
formats; peak memory < 300 MB and not growing with rows): the outcome ledger of
500,000 entries exported through the app's list export, against a loop that writes
the same values (already in memory) as write-only cells with the same number formats.
Each export runs in a subprocess that reports its own peak resident memory
(`resource.getrusage`), for 100,000 and for 500,000 rows.

Run: `uv run python bench/bench_exchange.py [--rows 500000] [--runs 3]`.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook
from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from app.db.base import label_of
from app.db.ledger import Ledger
from app.db.listing import ListColumn, Listing, ListQuery, labelled_column
from app.db.models import Metric, OutcomeEntry, Staff, Team
from app.exchange.importing import ImportOptions
from app.exchange.imports import commit, preview
from app.exchange.list_export import ListExport, export_lists
from app.exchange.reading import read_workbook
from app.exchange.xlsx import DATE_FORMAT, TEXT_FORMAT
from app.records.work import Actor, perform
from app.roster.id_numbers import id_check_char

ROSTER_ROWS = 5000
ACTOR = Actor("bench")


# ----------------------------------------------------------------- import
def roster_workbook(path: Path, rows: int) -> Path:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "花名册"
    ws.append(["扎赉特旗“组团式”帮扶人才花名册"])
    ws.append(["填报单位：旗委组织部", None, None, None, "填报日期：2024年9月30日"])
    headers = "序号 姓名 性别 公民身份号码 选派单位 派驻单位 挂任职务 帮扶类型 所属团队 到岗时间"
    ws.append([*headers.split(), "计划期满", "手机号"])
    fields = ["医疗", "教育", "科技", "综合"]
    start = date(2020, 1, 1)
    for index in range(rows):
        birth = date(1970, 1, 1) + timedelta(days=index * 3)
        first17 = f"110105{birth:%Y%m%d}{index % 1000:03d}"
        arrived = start + timedelta(days=index % 1500)
        ws.append(
            [
                index + 1,
                f"人员{index:05d}",
                "男" if index % 1000 % 2 else "女",
                first17 + id_check_char(first17),
                f"北京市派出单位{index % 20:02d}",
                f"扎赉特旗受援单位{index % 20:02d}",
                "副院长",
                fields[index % 4],
                f"第{index % 10}团队",
                arrived.strftime("%Y.%m.%d"),
                arrived + timedelta(days=730),
                f"138{index:08d}",
            ]
        )
    ws.append(["制表人：王丽", None, None, "审核人：李娜"])
    workbook.save(path)
    return path


def bare_insert(db: Path, book: Any) -> None:
    """The floor: the same people as plain ORM rows, no checks, no audit, one commit."""
    with Ledger.open(db) as ledger, ledger.session() as session:
        session.add_all(
            Staff(
                name=row[1],
                id_number=row[3],
                field="medical",
                post=row[6],
                start_date=date(2022, 7, 1),
                phone=row[11],
            )
            for row in book.sheets[0].rows[3 : 3 + ROSTER_ROWS]
        )
        session.commit()


def bench_import(runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        template = root / "empty.db"
        Ledger.open(template).close()
        source = roster_workbook(root / "roster.xlsx", ROSTER_ROWS)
        previews, commits, floors = [], [], []
        for run in range(runs):
            db = Path(shutil.copy(template, root / f"run{run}.db"))
            with Ledger.open(db) as ledger:
                started = time.perf_counter()
                book = read_workbook(source)
                with ledger.session() as session:
                    planned = preview(session, ACTOR, book, "staff", ImportOptions())
                previews.append(time.perf_counter() - started)
                assert planned.counts()["new"] == ROSTER_ROWS, planned.counts()
                started = time.perf_counter()
                done = perform(
                    ledger,
                    lambda work, book=book, planned=planned: commit(
                        work, book, "staff", planned, options=ImportOptions()
                    ),
                    actor=ACTOR,
                )
                commits.append(time.perf_counter() - started)
                assert done.value.committed
            floor_db = Path(shutil.copy(template, root / f"floor{run}.db"))
            started = time.perf_counter()
            bare_insert(floor_db, book)
            floors.append(time.perf_counter() - started)
    first, second = statistics.median(previews), statistics.median(commits)
    floor = statistics.median(floors)
    print(f"import {ROSTER_ROWS} staff rows (median of {runs}; best in brackets):")
    print(
        f"  preview {first:6.2f} s [{min(previews):.2f}]  ({ROSTER_ROWS / first:,.0f} rows/s)"
        "   limit 5 s (reading the workbook included)"
    )
    print(
        f"  commit  {second:6.2f} s [{min(commits):.2f}]  ({ROSTER_ROWS / second:,.0f} rows/s)"
        "   limit 5 s (the previewed workbook, as the wizard and the CLI commit it)"
    )
    print(f"  floor: bare ORM insert of the same rows {floor:.2f} s; commit {second / floor:.1f}x")


# ----------------------------------------------------------------- export
class OutcomeLedger(Listing):
    """The outcome ledger's columns (date, person, team, metric, value, unit, text)."""

    model = OutcomeEntry
    default_sort = "date"
    person = aliased(Staff)

    def columns(self) -> list[ListColumn]:
        return [
            labelled_column(OutcomeEntry, "date", width=10),
            ListColumn("staff", lambda: label_of(OutcomeEntry, "staff_id"), self.person.name),
            ListColumn("team", lambda: label_of(OutcomeEntry, "team_id"), Team.name),
            ListColumn("metric", lambda: label_of(OutcomeEntry, "metric_id"), Metric.name),
            labelled_column(OutcomeEntry, "value", numeric=True),
            ListColumn("unit", lambda: label_of(Metric, "unit"), Metric.unit),
            labelled_column(OutcomeEntry, "description"),
        ]

    def base(self) -> Select[Any]:
        return (
            select(OutcomeEntry.id)
            .outerjoin(self.person, OutcomeEntry.staff_id == self.person.id)
            .outerjoin(Team, OutcomeEntry.team_id == Team.id)
            .outerjoin(Metric, OutcomeEntry.metric_id == Metric.id)
            .where(OutcomeEntry.deleted_at.is_(None))
        )


def outcome_ledger(path: Path, rows: int) -> Path:
    with Ledger.open(path) as ledger, ledger.session() as session:
        metrics = list(session.scalars(select(Metric.id)))
        team = Team(name="医疗队", field="medical")
        people = [
            Staff(name=f"人员{index:03d}", field="medical", start_date=date(2022, 7, 1))
            for index in range(200)
        ]
        session.add_all([team, *people])
        session.flush()
        table = OutcomeEntry.__table__
        batch = []
        for index in range(rows):
            batch.append(
                {
                    "date": date(2022, 7, 1) + timedelta(days=index % 900),
                    "staff_id": people[index % 200].id,
                    "team_id": team.id if index % 3 == 0 else None,
                    "metric_id": metrics[index % len(metrics)],
                    "value": index % 97,
                    "description": "门诊坐诊" if index % 5 else "=SUM(A1)",
                    "is_highlight": False,
                }
            )
            if len(batch) == 20000:
                session.execute(table.insert(), batch)
                batch = []
        if batch:
            session.execute(table.insert(), batch)
        session.commit()
    return path


def _ours(db: Path, target: Path) -> None:
    with Ledger.open(db) as ledger, ledger.session() as session:
        export_lists(session, target, [ListExport(OutcomeLedger(), "工作成效")])


def _floor(db: Path, target: Path) -> None:
    """The same cells, values read into memory first, written by a bare write-only loop."""
    from openpyxl.cell import WriteOnlyCell

    from app.numbers import native

    with Ledger.open(db) as ledger, ledger.session() as session:
        listing = OutcomeLedger()
        values = list(listing.stream(session, ListQuery(sort_key="date")))
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("工作成效")
    ws.append(["title"])
    ws.append([])
    ws.append([column.label() for column in listing.columns()])
    for row in values:
        cells = []
        for value in row:
            if value is None or value == "":
                cells.append(None)
                continue
            if isinstance(value, str):
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"
                cell.number_format = TEXT_FORMAT
            elif isinstance(value, date):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = DATE_FORMAT
            else:
                cell = WriteOnlyCell(ws, value=native(value))
            cells.append(cell)
        ws.append(cells)
    workbook.save(target)
    print(json.dumps({"write_seconds": time.perf_counter() - started}))


def child(kind: str, db: Path, target: Path) -> None:
    started = time.perf_counter()
    (_ours if kind == "ours" else _floor)(db, target)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak}))


def measure(kind: str, db: Path, target: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(db), str(target)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = {}
    for line in done.stdout.splitlines():
        result.update(json.loads(line))
    return result


def bench_export(rows: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        small = outcome_ledger(root / "small.db", rows // 5)
        large = outcome_ledger(root / "large.db", rows)
        ours, floor = [], []
        for _ in range(runs):  # alternated, so a busy machine weighs on both alike
            ours.append(measure("ours", large, root / "ours.xlsx"))
            floor.append(measure("floor", large, root / "floor.xlsx"))
        small_peak = measure("ours", small, root / "small.xlsx")["peak_mb"]
    ours_time = statistics.median(run["seconds"] for run in ours)
    floor_time = statistics.median(run["write_seconds"] for run in floor)
    peak = max(run["peak_mb"] for run in ours)
    print(f"export {rows:,} outcome rows (median of {runs}):")
    print(f"  list export (SQL read included)  {ours_time:6.1f} s")
    print(f"  bare write-only loop (floor)     {floor_time:6.1f} s")
    print(f"  ratio {ours_time / floor_time:.2f}x   limit 1.3x")
    print(f"  peak memory {peak:.0f} MB at {rows:,} rows, {small_peak:.0f} MB at {rows // 5:,}")
    print("  limit 300 MB, not growing with rows")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=3)
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()
    if args.child:
        kind, db, target = args.child
        child(kind, Path(db), Path(target))
        return
    if not args.skip_import:
        bench_import(args.runs)
    bench_export(args.rows, args.runs)


if __name__ == "__main__":
    main()
