"""Build the demo ledger from the seeds' facts (`app.demo_data`).

Everything goes through the same validated services as a clerk's input, inside one
transaction; the clock is frozen and randomness seeded, so one seed gives one file.
Outcome totals over 2023–2024 are exactly the reports' figures (71 surgeries, 15,207
patient visits, 5,700 farmers trained, …), spread unevenly over months and people.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import clock
from app.db.files import atomic_target
from app.db.ledger import Ledger
from app.db.models import Metric, ServiceType
from app.db.sqlite import InstanceLock, check_backup
from app.db.vocabulary import ServiceRule
from app.demo.facts import (
    BUILT_AT,
    CLERK,
    DEFAULT_SEED,
    FESTIVALS,
    FIRST_MONTH,
    HEALTH_CHECKS,
    HIGHLIGHTS,
    LAST_MONTH,
    MENTORSHIPS,
    MISSED,
    ON_DEMAND,
    PEOPLE,
    PERSONAL_TOTALS,
    QUARTERLY_PERSONAL,
    SETTINGS,
    SINGLE_FIGURES,
    TARGETS_2024,
    TEAM_TOTALS,
    TEAMS,
    UNITS,
    M,
    Person,
)
from app.errors import LedgerError
from app.i18n import translate
from app.outcomes.entries import OUTCOME
from app.outcomes.mentorships import MENTORSHIP
from app.outcomes.metrics import TARGET
from app.periods import Quarter
from app.records import commands
from app.records.kinds import RecordKind
from app.records.settings import save_settings
from app.records.work import Actor, Work, perform
from app.roster.id_numbers import id_check_char
from app.roster.staff import STAFF
from app.roster.units import TEAM, UNIT
from app.services.provisions import PROVISION


def create_demo(path: Path | str, *, seed: int = DEFAULT_SEED, overwrite: bool = False) -> Path:
    """Write the demo ledger to `path` (built under a temporary name, then renamed)."""
    target = Path(path).expanduser().resolve()
    if target.exists() and not overwrite:
        raise LedgerError(
            translate("Demo", "{path} already exists; choose another file name.").format(
                path=target
            )
        )
    target.parent.mkdir(parents=True, exist_ok=True)  # `demo --db` into a new folder
    lock = InstanceLock(target)
    lock.acquire()  # never over a ledger a window has open
    try:
        with (
            atomic_target(target, check=check_backup) as partial,
            clock.frozen(BUILT_AT),
            Ledger.open(partial) as ledger,
        ):
            perform(ledger, lambda work: build_demo(work, seed=seed), actor=Actor(CLERK))
    finally:
        lock.release()
    return target


def build_demo(work: Work, *, seed: int = DEFAULT_SEED) -> None:
    """Add the demo records in the command's transaction."""
    rng = random.Random(seed)
    save_settings(work, SETTINGS)
    units = {
        name: _add(work, UNIT, name=name, kind=kind, region=region, field=field)
        for name, (kind, region, field) in UNITS.items()
    }
    teams = {
        name: _add(work, TEAM, name=name, field=field, batch=batch, receiving_unit_id=units[unit])
        for name, (field, batch, unit) in TEAMS.items()
    }
    staff = {
        person.name: _add_person(work, rng, index, person, units, teams)
        for index, person in enumerate(PEOPLE)
    }
    metrics = {
        (metric.field, metric.name): metric.id for metric in work.session.scalars(select(Metric))
    }
    by_name = {name: metric_id for (_, name), metric_id in metrics.items()}
    _outcomes(work, rng, staff, teams, by_name)
    _provisions(work, rng, staff)
    for mentor, mentee, unit, start, end, goal in MENTORSHIPS:
        _add(
            work,
            MENTORSHIP,
            mentor_id=staff[mentor],
            mentee_name=mentee,
            mentee_unit=unit,
            start_date=start,
            end_date=end,
            goal=goal,
            result="已结业" if end else "",
        )
    for key, value in TARGETS_2024.items():
        _add(work, TARGET, metric_id=metrics[key], year=2024, target_value=value)


def _add(work: Work, record_kind: RecordKind, **values: Any) -> int:
    return commands.create(work, record_kind, values)


def _id_number(person: Person, index: int) -> str:
    """A valid (checksummed) ID number: Fengtai district code, the real birth date."""
    sequence = 100 + 2 * index + (1 if person.gender == M else 0)  # odd digit: male
    first17 = f"110106{person.born:%Y%m%d}{sequence:03d}"
    return first17 + id_check_char(first17)


def _add_person(
    work: Work,
    rng: random.Random,
    index: int,
    person: Person,
    units: dict[str, int],
    teams: dict[str, int],
) -> int:
    return _add(
        work,
        STAFF,
        name=person.name,
        id_number=_id_number(person, index),
        ethnicity="汉族",
        phone=f"139{rng.randrange(10**8):08d}",
        political_status="中共党员",
        education="大学本科" if person.field.zh == "教育" else "硕士研究生",
        title=person.title,
        specialty=person.specialty,
        field=person.field,
        sending_unit_id=units[person.sending],
        receiving_unit_id=units[person.receiving],
        post=person.post,
        team_id=teams[person.team] if person.team else None,
        is_leader=person.leader,
        start_date=person.start,
        planned_end=person.planned_end,
        actual_end=person.actual_end,
        status=person.status,
    )


def _months() -> Iterator[tuple[date, date]]:
    """(first day, last day) of every month of the demo's two years."""
    first = FIRST_MONTH
    while first <= LAST_MONTH:
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        yield first, following - timedelta(days=1)
        first = following


def _serving(person: Person, first: date, last: date) -> bool:
    return person.start <= last and person.end >= first


def split_total(total: int, count: int, rng: random.Random) -> list[int]:
    """Split `total` into `count` uneven whole parts that add up exactly."""
    weights = [rng.uniform(0.4, 1.6) for _ in range(count)]
    shares = [total * weight / sum(weights) for weight in weights]
    parts = [int(share) for share in shares]
    for i in sorted(range(count), key=lambda i: (parts[i] - shares[i], i))[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _outcomes(
    work: Work,
    rng: random.Random,
    staff: dict[str, int],
    teams: dict[str, int],
    metrics: dict[str, int],
) -> None:
    """Monthly personal figures, quarterly team figures, single figures and highlights."""

    def entry(day: date, metric: str, value: Any, **owner: int) -> None:
        if value:
            _add(work, OUTCOME, date=day, metric_id=metrics[metric], value=value, **owner)

    for field, totals in PERSONAL_TOTALS.items():
        slots = [
            (person, min(last, person.end))
            for first, last in _months()
            for person in PEOPLE
            if person.field == field and _serving(person, first, last)
        ]
        for metric, total in totals.items():
            for (person, day), value in zip(
                slots, split_total(total, len(slots), rng), strict=True
            ):
                entry(day, metric, value, staff_id=staff[person.name])
    quarter_ends = [last for _, last in _months() if last.month % 3 == 0]
    spread = [
        (metric, total, {"team_id": teams[team]})
        for team, totals in TEAM_TOTALS.items()
        for metric, total in totals.items()
    ] + [(metric, total, {"staff_id": staff[name]}) for name, metric, total in QUARTERLY_PERSONAL]
    for metric, total, owner in spread:
        parts = split_total(total, len(quarter_ends), rng)
        for day, value in zip(quarter_ends, parts, strict=True):
            entry(day, metric, value, **owner)
    for day, name, metric, figure in SINGLE_FIGURES:
        entry(day, metric, figure, staff_id=staff[name])
    for day, who, is_team, text in HIGHLIGHTS:
        owner_id = {"team_id": teams[who]} if is_team else {"staff_id": staff[who]}
        _add(work, OUTCOME, date=day, is_highlight=True, description=text, **owner_id)


def _period_start(rule: ServiceRule, day: date) -> date | None:
    """Which period a provision serves, to match the demo's planned gaps."""
    quarter = Quarter.containing(day)
    return {
        ServiceRule.YEARLY: quarter.year_start(),
        ServiceRule.HALF_YEARLY: quarter.half_start(),
        ServiceRule.QUARTERLY: quarter.start,
        ServiceRule.MONTHLY: day.replace(day=1),
    }.get(rule)


def _provisions(work: Work, rng: random.Random, staff: dict[str, int]) -> None:
    """Each service at its rhythm for everyone serving, with a few realistic gaps."""
    services = {service.name: service for service in work.session.scalars(select(ServiceType))}

    def give(
        person: Person, name: str, day: date, amount: int | None = None, details: str = ""
    ) -> None:
        service = services[name]
        if (person.name, name, _period_start(service.rule, day)) in MISSED:
            return
        if _serving(person, day, day):
            _add(
                work,
                PROVISION,
                staff_id=staff[person.name],
                service_type_id=service.id,
                date=day,
                amount=amount,
                details=details,
                handled_by=CLERK,
            )

    for person in PEOPLE:
        for name, service in services.items():
            if service.rule == ServiceRule.ONCE:
                give(person, name, person.start + timedelta(days=rng.randrange(8)))
        for day in HEALTH_CHECKS:
            give(person, "免费健康体检", day, amount=860)
        for day in FESTIVALS:
            give(person, "重要节日慰问", day, 500, "春节慰问" if day.month < 6 else "中秋慰问")
        for first, last in _months():
            give(person, "生活补助发放", min(max(first.replace(day=10), person.start), last), 3000)
            if first.month % 3 == 2:
                give(person, "谈心谈话走访", first.replace(day=15 + rng.randrange(10)))
            if first.month in (1, 7):  # home for the Spring Festival and the summer
                give(person, "探亲往返交通", first.replace(day=20), 1200 + 100 * rng.randrange(10))
    for name, day, details in ON_DEMAND:
        give(next(p for p in PEOPLE if p.name == name), "子女入学入托协调", day, details=details)
