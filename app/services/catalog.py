"""The ten services (十项服务): the catalog's rules and its list in Settings.

The catalog is data in the database (seeded by `app.db.seed`); the office edits it.

Which services count in a quarter, and under which rule, is decided here once
(`services_in`), for the summary, the coverage counts, the matrix and the reminders:

- A service retired on day R counts in every quarter that began before R and nowhere
  after (DESIGN.md §5); it is no longer offered for new provisions from R on.
- Closed quarters' printed figures never change. A retirement day that would add the
  service to, or take it from, a closed quarter is refused; so is deleting a service
  that a closed quarter counts.
- A rule change keeps the old rule for the closed quarters: the summary prints each
  service's rule, so a closed quarter must go on showing the rule it was reported
  with. `save_service` records the old rule up to the last closed quarter
  (`ServiceRulePeriod`) and the new rule applies from the first quarter not closed.
  The clerk is asked to confirm every rule change, told which quarters keep the old one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from app.db.listing import ListColumn, Listing, labelled_column
from app.db.models import ServiceProvision, ServiceRulePeriod, ServiceType
from app.db.vocabulary import ServiceRule
from app.i18n import translate
from app.periods import Quarter
from app.records import commands
from app.records.closing import closed_quarters
from app.records.fields import read_catalog_entry, read_text
from app.records.kinds import (
    RecordKind,
    Reference,
    count_references,
    get_live,
    unique_name_problem,
)
from app.records.validation import Problems, parse_date, parse_vocabulary
from app.records.work import Work


# ----------------------------------------------------------------- the retirement rule
def counts_in(retired_on: date | None, quarter: Quarter) -> bool:
    """A service retired on `retired_on` counts in `quarter` (the Python twin of
    `counted_in`)."""
    return retired_on is None or quarter.start < retired_on


def counted_in(quarter: Quarter) -> ColumnElement[bool]:
    """SQL: the service counts in `quarter` (not retired by the quarter's first day)."""
    return or_(ServiceType.retired_on.is_(None), ServiceType.retired_on > quarter.start)


def offered_on(day: date) -> ColumnElement[bool]:
    """SQL: the service may get a new provision dated `day` (not retired by then)."""
    return or_(ServiceType.retired_on.is_(None), ServiceType.retired_on > day)


@dataclass(frozen=True)
class QuarterService:
    """A service as it counts in one quarter: the rule is the one in force then."""

    id: int
    name: str
    rule: ServiceRule
    sort_order: int
    retired_on: date | None = None


def services_in(session: Session, quarter: Quarter) -> list[QuarterService]:
    """The services that count in `quarter`, in catalog order, each with its rule for
    that quarter (an older rule kept for a closed quarter wins over the current one).
    Two queries, whatever the size of the catalog."""
    kept: dict[int, tuple[str, ServiceRule]] = {}
    for service_id, last, rule in session.execute(
        select(
            ServiceRulePeriod.service_type_id,
            ServiceRulePeriod.last_quarter,
            ServiceRulePeriod.rule,
        ).where(ServiceRulePeriod.last_quarter >= str(quarter))
    ):
        if service_id not in kept or last < kept[service_id][0]:
            kept[service_id] = (last, rule)
    rows = session.execute(
        select(
            ServiceType.id,
            ServiceType.name,
            ServiceType.rule,
            ServiceType.sort_order,
            ServiceType.retired_on,
        )
        .where(ServiceType.deleted_at.is_(None), counted_in(quarter))
        .order_by(ServiceType.sort_order, ServiceType.id)
    )
    return [
        QuarterService(id_, name, kept[id_][1] if id_ in kept else rule, order, retired)
        for id_, name, rule, order, retired in rows
    ]


def service_choices(
    session: Session, day: date | None = None, *, keep: int | None = None
) -> list[tuple[int, str]]:
    """Services a new provision dated `day` may be for, in catalog order (every live
    service without a day: the ledger's filter); `keep` (the service of the provision
    being edited) stays listed even when retired since."""
    query = (
        select(ServiceType.id, ServiceType.name)
        .where(ServiceType.deleted_at.is_(None))
        .order_by(ServiceType.sort_order, ServiceType.id)
    )
    if day is not None:
        offered = offered_on(day)
        query = query.where(offered if keep is None else or_(offered, ServiceType.id == keep))
    return [(row.id, row.name) for row in session.execute(query)]


def service_rule(session: Session, service_type_id: int) -> ServiceRule | None:
    return session.scalar(select(ServiceType.rule).where(ServiceType.id == service_type_id))


# ----------------------------------------------------------------- closed quarters
def _quarters_text(quarters: Iterable[Quarter]) -> str:
    return translate("Catalogs", ", ").join(str(quarter) for quarter in sorted(quarters))


def _closed_counting(closed: Iterable[Quarter], retired_on: date | None) -> set[Quarter]:
    return {quarter for quarter in closed if counts_in(retired_on, quarter)}


def _retirement_problem(session: Session, current: ServiceType | None, new: date | None) -> str:
    """Why the retirement day `new` would change a closed quarter's summary ('' if not)."""
    closed = closed_quarters(session)
    if current is None or not closed:
        return ""
    before = _closed_counting(closed, current.retired_on)
    after = _closed_counting(closed, new)
    if before == after:
        return ""
    if before - after:
        last = max(before)
        return translate(
            "Catalogs",
            "the closed quarters {quarters} were reported with this service; retire it "
            "after {day}, or reopen them first",
        ).format(quarters=_quarters_text(before - after), day=last.start.isoformat())
    return translate(
        "Catalogs",
        "the closed quarters {quarters} were reported without this service; reopen them first",
    ).format(quarters=_quarters_text(after - before))


def _normalise_service(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(SERVICE_TYPE.label)
    clean = read_catalog_entry(problems, values, ServiceType)
    if clean["name"] and (
        message := unique_name_problem(session, ServiceType, clean["name"], current)
    ):
        problems.add("name", message)
    clean["rule"] = problems.read(values, "rule", parse_vocabulary, ServiceRule)
    problems.require("rule", clean["rule"])
    clean["description"] = read_text(problems, values, ServiceType, "description")
    clean["retired_on"] = problems.read(values, "retired_on", parse_date)
    if "retired_on" not in problems.errors and (
        message := _retirement_problem(session, current, clean["retired_on"])
    ):
        problems.add("retired_on", message)
    problems.raise_if_any()
    return clean


def _rule_change(
    session: Session, clean: dict[str, Any], current: Any
) -> list[tuple[str, str, str]]:
    """Every rule change is confirmed: it changes coverage, the matrix and the reminders
    of every quarter not closed; the closed ones keep the rule they were reported with."""
    if current is None or clean["rule"] in (None, current.rule):
        return []
    new = clean["rule"].label()
    keeping = _closed_counting(closed_quarters(session), current.retired_on)
    if keeping:
        message = translate(
            "Catalogs",
            "changes from {old} to {new}: the closed quarters {quarters} keep {old} as "
            "printed; {new} applies from {first} on",
        ).format(
            old=rule_in(session, current.id, max(keeping)).label(),
            new=new,
            quarters=_quarters_text(keeping),
            first=max(keeping).next(),
        )
    else:
        message = translate(
            "Catalogs",
            "changes from {old} to {new}: coverage, the matrix and the reminders of every "
            "quarter follow the new rule (no quarter is closed)",
        ).format(old=current.rule.label(), new=new)
    return [("rule-change", "rule", message)]


def rule_in(session: Session, service_type_id: int, quarter: Quarter) -> ServiceRule:
    """The rule of one service in `quarter` (see `services_in`)."""
    kept = session.scalar(
        select(ServiceRulePeriod.rule)
        .where(
            ServiceRulePeriod.service_type_id == service_type_id,
            ServiceRulePeriod.last_quarter >= str(quarter),
        )
        .order_by(ServiceRulePeriod.last_quarter)
        .limit(1)
    )
    if kept is not None:
        return kept
    rule = service_rule(session, service_type_id)
    assert rule is not None
    return rule


def _blockers(session: Session, service: ServiceType, purge: bool) -> list[str]:
    messages = count_references(
        session,
        service.id,
        [
            Reference(
                ServiceProvision.service_type_id,
                translate("Catalogs", "{count} service records (retire it instead)"),
            )
        ],
        purge=purge,
    )
    counted = _closed_counting(closed_quarters(session), service.retired_on)
    if counted:
        messages.append(
            translate(
                "Catalogs", "the closed quarters {quarters} count it (retire it instead)"
            ).format(quarters=_quarters_text(counted))
        )
    return messages


SERVICE_TYPE = RecordKind(
    model=ServiceType,
    normalise=_normalise_service,
    describe=lambda service: service.name,
    blockers=_blockers,
    cautions=_rule_change,
)


def save_service(work: Work, service_id: int | None, values: Mapping[str, Any]) -> int:
    """Create or change a service; a changed rule is kept as it was for the closed
    quarters that count the service (see the module's docstring). The service's id."""
    if service_id is None:
        return commands.create(work, SERVICE_TYPE, values)
    session = work.session
    service = get_live(session, SERVICE_TYPE, service_id)
    old_rule = service.rule
    keeping = _closed_counting(closed_quarters(session), service.retired_on)
    if commands.update(work, SERVICE_TYPE, service_id, values) and service.rule != old_rule:
        last = max(keeping, default=None)
        already = session.scalar(
            select(func.max(ServiceRulePeriod.last_quarter)).where(
                ServiceRulePeriod.service_type_id == service_id
            )
        )
        if last is not None and (already is None or already < str(last)):
            session.add(
                ServiceRulePeriod(service_type_id=service_id, rule=old_rule, last_quarter=str(last))
            )
            session.flush()
    return service_id


# ----------------------------------------------------------------- the Settings list
class ServiceTypes(Listing):
    model = ServiceType
    entities = frozenset({"service_type"})
    default_sort = "sort_order"

    def columns(self) -> list[ListColumn]:
        return [
            labelled_column(ServiceType, "sort_order", numeric=True),
            labelled_column(ServiceType, "name"),
            labelled_column(ServiceType, "rule"),
            labelled_column(ServiceType, "retired_on"),
            labelled_column(ServiceType, "description"),
        ]

    def base(self) -> Select[Any]:
        return select(ServiceType.id).where(ServiceType.deleted_at.is_(None))
