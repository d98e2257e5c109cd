"""The coverage rule of DESIGN.md §5, in one place.

A person on duty during quarter Q is covered by a service when they have a provision
of it dated on or before Q's last day and inside the rule's window: once — any date;
yearly — Q's calendar year; half-yearly — Q's half of the year; quarterly — Q;
monthly — every calendar month of Q in which they were on duty. On-demand services
have no coverage. The quarterly summary's counts and the Services page's matrix cells
come from the same `windows`, so the two always agree.

The rule is written twice, side by side, so the two cannot drift apart (as
`app.roster.duty` does for the staff dates): in Python (`_windows`, `QuarterCoverage`)
for the Services page's matrix, which shows each person's cell, its date and whether it
is overdue; and in SQL (`coverage_counts_of`) for the quarterly summary and its trend,
which need only how many are covered, across the thousands on duty of a province
ledger (issue #14: the Python rule over every person cost more than the summary's
SQL). tests/app/services/test_coverage.py holds them equal on random ledgers. Which
services count in a quarter, and under which rule, comes from
`app.services.catalog.services_in` (retirement days, rules kept for closed quarters).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import ServiceProvision, Staff
from app.db.vocabulary import CoverageStatus, ServiceRule
from app.periods import Quarter
from app.roster.duty import Serving, serving_between, staff_end
from app.services.catalog import QuarterService, services_in

# A once-service still missing this many days after arrival is overdue.
ONCE_GRACE_DAYS = 30


@dataclass(frozen=True)
class Window:
    """A provision dated `first`..`last` fills it; still empty after `due_by`, it is overdue."""

    first: date
    last: date
    due_by: date


def windows(rule: ServiceRule, quarter: Quarter, person: Serving) -> list[Window] | None:
    """What `person` needs for `quarter` to count as covered; None for on-demand services.

    `last` never passes the quarter's end (later provisions do not count for Q);
    `due_by` is the last day of the rule's period (the year, the half, the quarter, the
    month; arrival + 29 days for a once-service), or the person's last day served when
    that comes first, since nothing can be delivered after they have left.
    """
    found = _windows(rule, quarter, person)
    return None if found is None else list(found)


@lru_cache(maxsize=8192)
def _windows(rule: ServiceRule, quarter: Quarter, person: Serving) -> tuple[Window, ...] | None:
    """`windows`, remembered: a matrix asks the same person's windows for every service
    of a rule (four once-services, two half-yearly ones)."""
    end = quarter.end
    if rule == ServiceRule.ON_DEMAND:
        return None
    if rule == ServiceRule.MONTHLY:
        periods = [
            (first, last, last)
            for first, last in quarter.months()
            if person.serves_between(first, last)
        ]
    elif rule == ServiceRule.ONCE:
        periods = [(date.min, end, person.start + timedelta(days=ONCE_GRACE_DAYS - 1))]
    elif rule == ServiceRule.YEARLY:
        periods = [(quarter.year_start(), end, date(quarter.year, 12, 31))]
    elif rule == ServiceRule.HALF_YEARLY:
        half_end = Quarter(quarter.year, 2 if quarter.number <= 2 else 4).end
        periods = [(quarter.half_start(), end, half_end)]
    else:  # quarterly
        periods = [(quarter.start, end, end)]
    return tuple(
        Window(first, last, due if person.end is None else min(due, person.end))
        for first, last, due in periods
    )


class ServiceCoverage(NamedTuple):
    """Eligible and covered staff of one service in a quarter (None for on-demand)."""

    eligible: int | None
    covered: int | None

    @property
    def rate(self) -> float | None:
        """covered / eligible, unrounded; None when nobody is eligible or on demand."""
        if not self.eligible or self.covered is None:
            return None
        return self.covered / self.eligible


def period_containing(rule: ServiceRule, day: date) -> tuple[date, date]:
    """The rule's period around `day`: a second provision inside it is a repeat (entry
    for many shows who already has one; the provision form asks before a repeat).
    Once — ever; yearly — the year; half-yearly — the half; quarterly — the quarter;
    monthly — the month; on demand — the day itself."""
    quarter = Quarter.containing(day)
    if rule == ServiceRule.ONCE:
        return date.min, date.max
    if rule == ServiceRule.YEARLY:
        return quarter.year_start(), date(day.year, 12, 31)
    if rule == ServiceRule.HALF_YEARLY:
        return quarter.half_start(), Quarter(day.year, 2 if quarter.number <= 2 else 4).end
    if rule == ServiceRule.QUARTERLY:
        return quarter.start, quarter.end
    if rule == ServiceRule.MONTHLY:
        first, last = next((a, b) for a, b in quarter.months() if a <= day <= b)
        return first, last
    return day, day


class Provided(NamedTuple):
    """A provision as coverage sees it: its date and its id (the matrix opens it)."""

    day: date
    id: int


@dataclass(frozen=True)
class QuarterCoverage:
    """Everyone on duty during a quarter and their provisions, fetched once."""

    quarter: Quarter
    staff: dict[int, Serving]  # on duty during the quarter, by staff id
    # (staff id, service id) -> dated <= qe (a trend's quarters share a wider set; the
    # windows decide what counts)
    provided: dict[tuple[int, int], list[Provided]]

    def _missing(self, person: Serving, service_type_id: int, rule: ServiceRule) -> list[Window]:
        provided = self.provided.get((person.staff_id, service_type_id), [])
        return [
            window
            for window in _windows(rule, self.quarter, person) or ()
            if not any(window.first <= each.day <= window.last for each in provided)
        ]

    def missing(self, staff_id: int, service_type_id: int, rule: ServiceRule) -> list[Window]:
        """The windows still empty for one person (none when covered, on demand, or
        when the person was not on duty during the quarter)."""
        person = self.staff.get(staff_id)
        if person is None:
            return []
        return self._missing(person, service_type_id, rule)

    def covering(self, staff_id: int, service_type_id: int, rule: ServiceRule) -> Provided | None:
        """The latest provision inside one of the person's windows (a done cell's date)."""
        return self.cell(staff_id, service_type_id, rule)[1]

    def counts(self, service_type_id: int, rule: ServiceRule) -> ServiceCoverage:
        if rule == ServiceRule.ON_DEMAND:
            return ServiceCoverage(None, None)
        covered = 0
        for person in self.staff.values():
            if (person.staff_id, service_type_id) in self.provided:
                covered += not self._missing(person, service_type_id, rule)
            else:  # nothing provided: covered only when nothing was due (the common case
                # of a trend's many quarters, checked without building the missing list)
                covered += not _windows(rule, self.quarter, person)
        return ServiceCoverage(len(self.staff), covered)

    def status(
        self, staff_id: int, service_type_id: int, rule: ServiceRule, *, as_of: date | None = None
    ) -> CoverageStatus:
        """The matrix cell: done when covered; overdue when a missing window's `due_by`
        has passed on `as_of` (default today); else due. Not applicable to on-demand
        services and to anyone not on duty during the quarter."""
        return self.cell(staff_id, service_type_id, rule, as_of=as_of)[0]

    def cell(
        self, staff_id: int, service_type_id: int, rule: ServiceRule, *, as_of: date | None = None
    ) -> tuple[CoverageStatus, Provided | None]:
        """`status` and, for a done cell, the latest provision that fills it, at once (the
        matrix asks both for every cell, so the windows are worked out once)."""
        person = self.staff.get(staff_id)
        if person is None or rule == ServiceRule.ON_DEMAND:
            return CoverageStatus.NOT_APPLICABLE, None
        provided = self.provided.get((staff_id, service_type_id), [])
        missing: list[Window] = []
        inside: list[Provided] = []
        for window in _windows(rule, self.quarter, person) or ():
            found = [each for each in provided if window.first <= each.day <= window.last]
            inside += found
            if not found:
                missing.append(window)
        if not missing:
            return CoverageStatus.DONE, max(inside, default=None)
        today = as_of or clock.today()
        if any(today > window.due_by for window in missing):
            return CoverageStatus.OVERDUE, None
        return CoverageStatus.DUE, None


def load_coverage(
    session: Session, quarter: Quarter, services: list[QuarterService] | None = None
) -> QuarterCoverage:
    """Two queries for the whole quarter, whatever the number of staff (three when the
    caller has not looked up `services_in(quarter)` already).

    Provisions older than Q's year can only matter to services whose rule in Q is
    "once", so only those are fetched from before it. Records in the recycle bin count
    nowhere.
    """
    if services is None:
        services = services_in(session, quarter)
    return load_coverages(session, [quarter], [services])[0]


def load_coverages(
    session: Session, quarters: list[Quarter], services: list[list[QuarterService]]
) -> list[QuarterCoverage]:
    """`load_coverage` for several quarters (a trend) in two queries: the people serving
    in any of them and their provisions over the whole span; each quarter keeps its
    own people and shares the provisions (see below)."""
    first, last = quarters[0], quarters[-1]
    once_anywhere = {s.id for each in services for s in each if s.rule == ServiceRule.ONCE}
    eligible = (Staff.deleted_at.is_(None), serving_between(first.start, last.end))
    people = [
        Serving(staff_id, start, end)
        for staff_id, start, end in session.execute(
            select(Staff.id, Staff.start_date, staff_end()).where(*eligible)
        )
    ]
    rows = session.execute(
        select(
            ServiceProvision.staff_id,
            ServiceProvision.service_type_id,
            ServiceProvision.date,
            ServiceProvision.id,
        )
        .join(Staff, Staff.id == ServiceProvision.staff_id)
        .where(
            *eligible,
            ServiceProvision.deleted_at.is_(None),
            ServiceProvision.date <= last.end,
            or_(
                ServiceProvision.service_type_id.in_(once_anywhere),
                ServiceProvision.date >= first.year_start(),
            ),
        )
    ).all()
    # Shared by the quarters: every window ends by its quarter's end and starts on or
    # after its year's start (a once-service's at the arrival), so the provisions a
    # quarter would not have read never fall inside one of its windows.
    provided: dict[tuple[int, int], list[Provided]] = defaultdict(list)
    for staff_id, service_type_id, day, provision_id in rows:
        provided[(staff_id, service_type_id)].append(Provided(day, provision_id))
    shared = dict(provided)
    coverages = []
    for quarter in quarters:
        staff = {
            person.staff_id: person
            for person in people
            if person.serves_between(quarter.start, quarter.end)
        }
        coverages.append(QuarterCoverage(quarter, staff, shared))
    return coverages


def coverage_counts(
    session: Session, quarter: Quarter, services: list[QuarterService] | None = None
) -> dict[int, ServiceCoverage]:
    """Eligible and covered counts of every service counting in `quarter`, by service
    id, each under its rule for that quarter (`services`: `services_in(quarter)` when
    the caller has it already)."""
    if services is None:
        services = services_in(session, quarter)
    return coverage_counts_of(session, [quarter], [services])[0]


def coverage_counts_of(
    session: Session, quarters: Sequence[Quarter], services: Sequence[list[QuarterService]]
) -> list[dict[int, ServiceCoverage]]:
    """`QuarterCoverage.counts` of every service counting in each quarter, decided in
    SQL: two statements whatever the number of quarters, staff and provisions.

    The rule of `_windows`, per person and service: once — a provision dated on or
    before Q's last day (the first one is); yearly / half-yearly / quarterly — the
    latest provision up to Q's end falls on or after the year's / half's / quarter's
    first day; monthly — a provision in every month of Q the person served. A person
    with no provision is never covered (everyone on duty in Q needs at least one
    window), so the covered are counted from the provisions grouped per person and
    service; the eligible are everyone on duty during Q. Records in the recycle bin
    count nowhere; provisions before the span's first year are read only for the
    services that are once-services in one of the quarters (as `load_coverages`).
    """
    first, last = quarters[0], quarters[-1]
    on_duty = (Staff.deleted_at.is_(None), serving_between(first.start, last.end))
    eligible = session.execute(
        select(*(_count(serving_between(q.start, q.end)) for q in quarters)).where(*on_duty)
    ).one()
    counted = [[s for s in each if s.rule != ServiceRule.ON_DEMAND] for each in services]
    once_anywhere = {s.id for each in counted for s in each if s.rule == ServiceRule.ONCE}
    provision = ServiceProvision
    columns: dict[str, ColumnElement[Any]] = {"first": func.min(provision.date)}
    for index, (quarter, each) in enumerate(zip(quarters, counted, strict=True)):
        # Each column looks only at the services it is for (the service is compared
        # first, so the other rows cost one comparison).
        windowed = [s.id for s in each if s.rule not in (ServiceRule.ONCE, ServiceRule.MONTHLY)]
        if windowed:
            up_to_end = and_(provision.service_type_id.in_(windowed), provision.date <= quarter.end)
            columns[f"last{index}"] = func.max(case((up_to_end, provision.date)))
        monthly = [s.id for s in each if s.rule == ServiceRule.MONTHLY]
        for month, (day_one, day_last) in enumerate(quarter.months() if monthly else ()):
            inside = and_(
                provision.service_type_id.in_(monthly), provision.date.between(day_one, day_last)
            )
            columns[f"month{index}_{month}"] = func.max(case((inside, 1), else_=0))
    ids = {s.id for each in counted for s in each}
    # The provisions of the people on duty (found first: `IN`, which the planner walks
    # from the staff's start dates, 5× faster on a province ledger than a join that
    # starts from the provisions), grouped per person and service; the staff's dates
    # are joined to the groups after.
    per_person = (
        select(
            provision.staff_id.label("staff"),
            provision.service_type_id.label("service"),
            *(c.label(k) for k, c in columns.items()),
        )
        .where(
            provision.staff_id.in_(select(Staff.id).where(*on_duty)),
            provision.deleted_at.is_(None),
            provision.service_type_id.in_(ids),
            provision.date <= last.end,
            or_(provision.service_type_id.in_(once_anywhere), provision.date >= first.year_start()),
        )
        .group_by(provision.staff_id, provision.service_type_id)
        .subquery()
    )
    row = per_person.c
    start, end = Staff.start_date, staff_end()

    def serves(day_one: date, day_last: date) -> ColumnElement[bool]:  # `serving_between`
        return and_(start <= day_last, or_(end.is_(None), end >= day_one))

    def covered(index: int, quarter: Quarter, rule: ServiceRule) -> ColumnElement[bool]:
        latest = row[f"last{index}"]
        if rule == ServiceRule.ONCE:
            return row["first"] <= quarter.end
        if rule == ServiceRule.YEARLY:
            return latest >= quarter.year_start()
        if rule == ServiceRule.HALF_YEARLY:
            return latest >= quarter.half_start()
        if rule == ServiceRule.QUARTERLY:
            return latest >= quarter.start
        return and_(  # monthly: every month served has one
            *(
                or_(row[f"month{index}_{month}"] == 1, ~serves(day_one, day_last))
                for month, (day_one, day_last) in enumerate(quarter.months())
            )
        )

    sums = []
    for index, (quarter, each) in enumerate(zip(quarters, counted, strict=True)):
        by_rule: dict[ServiceRule, list[int]] = defaultdict(list)
        for service in each:
            by_rule[service.rule].append(service.id)
        rules = [
            and_(row["service"].in_(ids_of), covered(index, quarter, rule))
            for rule, ids_of in by_rule.items()
        ]
        condition = and_(serves(quarter.start, quarter.end), or_(false(), *rules))
        sums.append(_count(condition))
    found = {
        service: counts
        for service, *counts in session.execute(
            select(row["service"], *sums)
            .join(Staff, Staff.id == row["staff"])
            .where(*on_duty)
            .group_by(row["service"])
        )
    }
    return [
        {
            service.id: ServiceCoverage(None, None)
            if service.rule == ServiceRule.ON_DEMAND
            else ServiceCoverage(
                eligible[index], int(found.get(service.id, [0] * len(quarters))[index])
            )
            for service in each
        }
        for index, each in enumerate(services)
    ]


def _count(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
