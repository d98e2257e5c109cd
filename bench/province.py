"""The province-scale data set of issue #14, built deterministically through the app.

5,000 staff serving stints of one to three years over ten years (2015–2024), 600
units, 240 teams, 60,000 service provisions, 500,000 outcome entries (monthly figures
with a period, dated figures, quarterly team figures, highlights) and 20,000
mentorships. Every record goes through `app.records.commands.write_rows` — the batch
path the Excel import and entry for many use: each row is validated, checked against
closed quarters and audited, chunk by chunk, one command (transaction) per `CHUNK`
rows. The data avoids every caution (figures and provisions fall inside each person's
days of service, no repeat in a service's period), so no confirmation is needed.

Two ways in:

- `populate(ledger, scale)` fills an opened, empty ledger (any backend: the server
  bench passes its own PostgreSQL ledger) and returns the time each kind took;
- `province_file(scale)` gives a cached SQLite file, built once per content hash of
  the generator's inputs (this file's source, the scale, the head migration) under
  `bench/.cache/` (git-ignored). Open a copy when a bench writes to it.

Same seed, same rows: the generator draws from one `random.Random(scale.seed)` in a
fixed order and the clock is frozen while building.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from app import clock
from app.db.ledger import Ledger, head_revision
from app.db.models import Metric, ServiceType
from app.db.vocabulary import Field, ServiceRule, StaffStatus, UnitKind
from app.outcomes.entries import OUTCOME
from app.outcomes.mentorships import MENTORSHIP
from app.records.commands import RowWrite, write_rows
from app.records.kinds import RecordKind
from app.records.work import Actor, perform
from app.roster.staff import STAFF
from app.roster.units import TEAM, UNIT
from app.services.provisions import PROVISION

CACHE = Path(os.environ.get("BANGFU_BENCH_CACHE", Path(__file__).with_name(".cache")))
BUILT_AT = datetime(2025, 1, 6, 9, 0)
FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2024, 12, 31)
ACTOR = Actor("基准测试")
CHUNK = 5_000  # rows per command: one transaction, bounded memory


@dataclass(frozen=True)
class Scale:
    """How many of each record; `FULL` is the issue's province, `QUICK` a smoke run."""

    staff: int = 5_000
    units: int = 600
    teams: int = 240
    provisions: int = 60_000
    outcomes: int = 500_000
    mentorships: int = 20_000
    seed: int = 14

    def digest(self) -> str:
        """Content hash of the generator's inputs: names the cached file."""
        source = Path(__file__).read_bytes()
        inputs = json.dumps(asdict(self), sort_keys=True).encode() + source
        return hashlib.sha256(inputs + head_revision().encode()).hexdigest()[:16]


FULL = Scale()
QUICK = Scale(staff=200, units=24, teams=10, provisions=2_400, outcomes=20_000, mentorships=800)


@dataclass(frozen=True)
class Person:
    """What the generator knows of a staff member once created."""

    id: int
    field: Field
    start: date
    end: date  # last day served (planned or actual), never after LAST_DAY


def province_file(scale: Scale = FULL, *, log: Callable[[str], None] = print) -> Path:
    """The cached ledger file for `scale`, built first when absent."""
    CACHE.mkdir(parents=True, exist_ok=True)
    target = CACHE / f"province-{scale.digest()}.db"
    if target.exists():
        return target
    partial_file = target.with_suffix(".partial")
    for stale in (partial_file, partial_file.with_name(partial_file.name + "-journal")):
        stale.unlink(missing_ok=True)
    with Ledger.open(partial_file) as ledger:
        timings = populate(ledger, scale, log=log)
    os.replace(partial_file, target)
    target.with_suffix(".json").write_text(json.dumps(timings, indent=1), encoding="utf-8")
    return target


def build_timings(path: Path) -> dict[str, float]:
    """How long each kind took when `path` was built (seconds), as `populate` returned."""
    side = path.with_suffix(".json")
    return json.loads(side.read_text(encoding="utf-8")) if side.exists() else {}


def populate(
    ledger: Ledger, scale: Scale = FULL, *, log: Callable[[str], None] = print
) -> dict[str, float]:
    """Fill the empty, opened `ledger`; seconds spent per kind (and rows per second)."""
    rng = random.Random(scale.seed)
    timings: dict[str, float] = {}
    with clock.frozen(BUILT_AT):

        def write(name: str, kind: RecordKind, rows: list[dict[str, Any]]) -> list[int]:
            started = time.perf_counter()
            ids: list[int] = []
            for first in range(0, len(rows), CHUNK):
                chunk = [
                    RowWrite(f"{name} {first + i + 1}", kind, values)
                    for i, values in enumerate(rows[first : first + CHUNK])
                ]
                done = perform(ledger, partial(write_rows, rows=chunk), actor=ACTOR)
                ids += [row_id for row_id in done.value if row_id is not None]
            seconds = time.perf_counter() - started
            timings[name] = round(seconds, 2)
            log(f"  {name}: {len(rows):,} rows in {seconds:.1f} s ({len(rows) / seconds:,.0f}/s)")
            return ids

        with ledger.session() as session:
            metrics = {
                field: [
                    m.id
                    for m in session.scalars(
                        select(Metric).where(Metric.field == field).order_by(Metric.id)
                    )
                    if m.aggregation.value == "sum"
                ]
                for field in Field
            }
            services = {s.name: (s.id, s.rule) for s in session.scalars(select(ServiceType))}
        units = write("units", UNIT, list(_units(rng, scale)))
        sending, receiving = units[0::2], units[1::2]
        fields = list(Field)
        team_rows = [
            {
                "name": f"第{i // 24 + 1}批组团帮扶队{i + 1:03d}",
                "field": fields[i % len(fields)],
                "batch": f"第{i // 24 + 1}批",
                "receiving_unit_id": receiving[i % len(receiving)],
            }
            for i in range(scale.teams)
        ]
        teams = write("teams", TEAM, team_rows)
        staff_rows, spans = _staff(rng, scale, sending, receiving, teams, team_rows)
        staff_ids = write("staff", STAFF, staff_rows)
        people = [
            Person(staff_id, field, start, end)
            for staff_id, (field, start, end) in zip(staff_ids, spans, strict=True)
        ]
        write("provisions", PROVISION, list(_provisions(rng, scale, people, services)))
        write("outcomes", OUTCOME, _outcomes(rng, scale, people, teams, team_rows, metrics))
        write("mentorships", MENTORSHIP, list(_mentorships(rng, scale, people)))
    started = time.perf_counter()
    ledger.analyze()
    timings["analyze"] = round(time.perf_counter() - started, 2)
    return timings


# ----------------------------------------------------------------- generators
def _units(rng: random.Random, scale: Scale) -> Iterator[dict[str, Any]]:
    regions = ["北京市", "上海市", "广东省", "浙江省", "江苏省", "山东省", "福建省", "天津市"]
    for i in range(scale.units):
        sending = i % 2 == 0
        yield {
            "name": f"{'派出' if sending else '受援'}单位{i + 1:04d}",
            "kind": UnitKind.SENDING if sending else UnitKind.RECEIVING,
            "region": rng.choice(regions) if sending else f"受援县{i % 40 + 1:02d}",
            "field": list(Field)[i % len(Field)],
        }


def _staff(
    rng: random.Random,
    scale: Scale,
    sending: list[int],
    receiving: list[int],
    teams: list[int],
    team_rows: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[tuple[Field, date, date]]]:
    """Rows and (field, first day, last day) of each person; stints start over the ten
    years so that about a fifth of everyone serves at any one time."""
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国红梅志"
    rows: list[dict[str, Any]] = []
    spans: list[tuple[Field, date, date]] = []
    led: set[int] = set()
    span_days = (LAST_DAY - FIRST_DAY).days - 365
    for _ in range(scale.staff):
        team_index = rng.randrange(len(teams)) if rng.random() < 0.8 else None
        field = (
            team_rows[team_index]["field"] if team_index is not None else rng.choice(list(Field))
        )
        start = FIRST_DAY + timedelta(days=rng.randrange(span_days))
        planned = start + timedelta(days=365 * rng.choice((1, 1, 2, 3)) - 1)
        ended = planned <= LAST_DAY
        early = ended and rng.random() < 0.05
        actual = planned - timedelta(days=rng.randrange(30, 120)) if early else planned
        status = (
            (StaffStatus.ENDED_EARLY if early else StaffStatus.COMPLETED)
            if ended
            else StaffStatus.ON_DUTY
        )
        leader = team_index is not None and team_index not in led
        if leader:
            led.add(team_index)  # type: ignore[arg-type]
        rows.append(
            {
                "name": rng.choice(surnames) + rng.choice(given) + rng.choice(given + "　").strip(),
                "phone": f"13{rng.randrange(10**9):09d}",
                "field": field,
                "title": rng.choice(["主任医师", "副主任医师", "高级教师", "高级农艺师", ""]),
                "sending_unit_id": rng.choice(sending),
                "receiving_unit_id": rng.choice(receiving),
                "team_id": teams[team_index] if team_index is not None else None,
                "is_leader": leader,
                "start_date": start,
                "planned_end": planned,
                "actual_end": actual if ended else None,
                "status": status,
            }
        )
        spans.append((field, start, min(actual, LAST_DAY)))
    return rows, spans


def _months(first: date, last: date) -> list[date]:
    """Last days of the months wholly or partly inside [first, last], capped at `last`."""
    days: list[date] = []
    month = first.replace(day=1)
    while month <= last:
        following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        days.append(min(following - timedelta(days=1), last))
        month = following
    return days


def _provisions(
    rng: random.Random,
    scale: Scale,
    people: list[Person],
    services: dict[str, tuple[int, ServiceRule]],
) -> Iterator[dict[str, Any]]:
    """Each person's once-only services on arrival, then the monthly subsidy month by
    month (never twice in a month, always inside the stint), up to the scale's count."""
    once = [sid for sid, rule in services.values() if rule == ServiceRule.ONCE]
    subsidy = services["生活补助发放"][0]
    per_person, extra = divmod(scale.provisions, len(people))
    for index, person in enumerate(people):
        count = per_person + (1 if index < extra else 0)
        arrival = [(sid, person.start + timedelta(days=rng.randrange(7))) for sid in once]
        monthly = [
            (subsidy, max(day.replace(day=10), person.start))
            for day in _months(person.start, person.end)
        ]
        for service_id, day in (arrival + monthly)[:count]:
            yield {
                "staff_id": person.id,
                "service_type_id": service_id,
                "date": min(day, person.end),
                "amount": 3000 if service_id == subsidy else None,
                "handled_by": "办公室",
            }


def _outcomes(
    rng: random.Random,
    scale: Scale,
    people: list[Person],
    teams: list[int],
    team_rows: list[dict[str, Any]],
    metrics: dict[Field, list[int]],
) -> list[dict[str, Any]]:
    """Per person: monthly figures with a period (one per metric and month), dated
    figures inside the stint, a highlight now and then; per team: quarterly figures."""
    rows: list[dict[str, Any]] = []
    team_share = scale.outcomes // 50
    for i in range(team_share):  # quarterly team figures, one per team, metric, quarter
        team = i % len(teams)
        quarter = (i // len(teams)) % 40
        field = team_rows[team]["field"]
        metric = metrics[field][(i // (len(teams) * 40)) % len(metrics[field])]
        year, q = 2015 + quarter // 4, quarter % 4 + 1
        rows.append(
            {
                "period": f"{year}Q{q}",
                "team_id": teams[team],
                "metric_id": metric,
                "value": rng.randrange(1, 200),
            }
        )
    per_person, extra = divmod(scale.outcomes - team_share, len(people))
    for index, person in enumerate(people):
        count = per_person + (1 if index < extra else 0)
        months = _months(person.start, person.end)
        owned = metrics[person.field]
        slots = [(metric, month) for month in months for metric in owned]
        periodic = rng.sample(slots, min(len(slots), count * 3 // 5))
        for metric, month in periodic:
            rows.append(
                {
                    "period": f"{month:%Y-%m}",
                    "staff_id": person.id,
                    "metric_id": metric,
                    "value": rng.randrange(1, 60),
                }
            )
        days = (person.end - person.start).days + 1
        for n in range(count - len(periodic)):
            day = person.start + timedelta(days=rng.randrange(days))
            if n % 97 == 0:
                rows.append(
                    {
                        "date": day,
                        "staff_id": person.id,
                        "is_highlight": True,
                        "description": f"开展义诊、送教送技下乡活动第{n + 1}次",
                    }
                )
            else:
                rows.append(
                    {
                        "date": day,
                        "staff_id": person.id,
                        "metric_id": rng.choice(owned),
                        "value": rng.randrange(1, 30),
                        "description": "日常工作" if n % 3 else "",
                    }
                )
    return rows


def _mentorships(rng: random.Random, scale: Scale, people: list[Person]) -> Iterator[dict]:
    for i in range(scale.mentorships):
        person = people[rng.randrange(len(people))]
        start = person.start + timedelta(days=rng.randrange(60))
        end = start + timedelta(days=rng.randrange(90, 365))
        finished = end <= person.end
        yield {
            "mentor_id": person.id,
            "mentee_name": f"徒弟{i + 1:05d}",
            "mentee_unit": f"受援县{i % 40 + 1:02d}人民医院",
            "start_date": start,
            "end_date": end if finished else None,
            "goal": "独立开展常见病诊疗",
            "result": "已出师" if finished else "",
        }


def main() -> None:
    """`python bench/province.py [--quick]`: build (or find) the cached file."""
    scale = QUICK if "--quick" in sys.argv else FULL
    started = time.perf_counter()
    path = province_file(scale)
    print(f"{path} ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
