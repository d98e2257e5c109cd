"""Importing the ledgers about people already on the roster: service records
(import-services), mentorships (import-mentorships) and outcome entries in the long
shape, one row per entry (import-outcomes).

Each row names its person by ID number, else by name and receiving unit
(`app.exchange.people`); services and metrics are found by name (a metric with the
catalog's field: the row's 领域, else the person's or the team's). A row that matches
a stored record — the same service for the same person on the same day, the same
mentor and mentee from the same day, the same figure of the same owner, metric and
day or period — updates it (blank cells leave values alone) or is an unchanged
duplicate, so importing a file twice adds nothing twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import partial
from typing import Any, ClassVar

from sqlalchemy import select

from app.db.base import label_of
from app.db.models import (
    Mentorship,
    Metric,
    OutcomeEntry,
    ServiceProvision,
    ServiceType,
    Staff,
    Team,
)
from app.db.vocabulary import Field
from app.errors import ValidationError
from app.exchange.aliases import (
    MENTORSHIP_ALIASES,
    OUTCOME_ALIASES,
    SERVICE_ALIASES,
    header_key,
    value_code,
)
from app.exchange.cells import date_cell, is_blank
from app.exchange.importing import (
    Problem,
    RowPlan,
    RowStatus,
    SourceRow,
    checked_plan,
    row_label,
)
from app.exchange.layout import FieldSpec
from app.exchange.people import Person, PersonFinder, name_text
from app.i18n import translate
from app.outcomes.entries import OUTCOME
from app.outcomes.mentorships import MENTORSHIP
from app.periods import parse_period
from app.records.commands import RowWrite, check_create, check_update
from app.records.kinds import RecordKind
from app.records.validation import InvalidValue, parse_date
from app.records.work import Work
from app.services.provisions import PROVISION


def _date(value: Any) -> date | None:
    try:
        return parse_date(date_cell(value))
    except InvalidValue:
        return None


def _period_text(value: Any) -> str:
    try:
        return str(parse_period(str(value)))
    except ValidationError:
        return str(value)


class LedgerImporter:
    """What the three ledger imports share; each says how a row becomes values."""

    kind = ""
    batch_kind = ""
    record_kind: RecordKind
    aliases: ClassVar[dict[str, tuple[str, ...]]] = {}
    required: tuple[str, ...] = ()
    targets: ClassVar[dict[str, str]] = {}  # import field -> record field
    dates: tuple[str, ...] = ()

    def __init__(self) -> None:
        self.people: PersonFinder | None = None
        self.existing: dict[Any, int] = {}

    @property
    def fields(self) -> Sequence[FieldSpec]:
        return tuple(
            FieldSpec(key, partial(self.label, key), aliases, key in self.required)
            for key, aliases in self.aliases.items()
        )

    def label(self, key: str) -> str:
        if key == "receiving_unit":
            return label_of(Staff, "receiving_unit_id")
        if key == "id_number":
            return label_of(Staff, "id_number")
        target = self.targets.get(key, key)
        model = self.record_kind.model
        return label_of(model, target) if target in model.__table__.columns else key

    def record_label(self, field_name: str) -> str:
        model = self.record_kind.model
        return label_of(model, field_name) if field_name in model.__table__.columns else field_name

    def prepare(self, work: Work, rows: list[SourceRow]) -> None:
        self.people = PersonFinder(work.session)
        self.load(work)

    def created_for(self, rows: list[SourceRow]) -> list[tuple[str, str]]:
        return []  # these imports create nothing on the way

    def load(self, work: Work) -> None:
        """Read the catalogs and the stored records the rows are matched against."""

    def values(
        self, work: Work, row: SourceRow, person: Person | None
    ) -> tuple[dict[str, Any], list[Problem]]:
        """The record values of a row (blank cells left out) and any problems."""
        raise NotImplementedError

    def identity(self, values: dict[str, Any]) -> Any:
        """The match key of a row's record (the same in the file and in the ledger)."""
        raise NotImplementedError

    def owner(self, row: SourceRow) -> tuple[Person | None, list[Problem]]:
        assert self.people is not None
        return self.people.find(row)

    def plan(self, work: Work, row: SourceRow, *, check: bool = True) -> RowPlan:
        person, problems = self.owner(row)
        name = person.name if person else name_text(row.values.get("name"))
        values, more = self.values(work, row, person)
        problems += more
        if problems:
            return RowPlan(row, RowStatus.ERROR, name, problems=problems)
        identity = self.identity(values)
        record_id = self.existing.get(identity)
        write = RowWrite(
            row_label(row.sheet, row.row), self.record_kind, values, record_id=record_id
        )
        keys = {target: key for key, target in self.targets.items()}
        plan = checked_plan(
            row,
            lambda: (
                check_update(work.session, self.record_kind, record_id, values)
                if record_id is not None
                else check_create(work.session, self.record_kind, values)
            ),
            write=write,
            keys=keys,
            name=name,
            labels=self.record_label,
            check=check,
        )
        plan.identity = identity
        return plan

    def common(self, row: SourceRow, keys: Sequence[str]) -> dict[str, Any]:
        """Cells copied as they are (dates read as dates), blank cells left out."""
        values: dict[str, Any] = {}
        for key in keys:
            raw = row.values.get(key)
            if not is_blank(raw):
                values[self.targets.get(key, key)] = date_cell(raw) if key in self.dates else raw
        return values


class ServicesImporter(LedgerImporter):
    kind = "services"
    batch_kind = "import-services"
    record_kind = PROVISION
    aliases = SERVICE_ALIASES
    required = ("name", "service", "date")
    targets: ClassVar[dict[str, str]] = {"name": "staff_id", "service": "service_type_id"}
    dates = ("date",)

    def load(self, work: Work) -> None:
        session = work.session
        self.services = {service.name: service for service in session.scalars(select(ServiceType))}
        self.existing = {
            (row.staff_id, row.service_type_id, row.date): row.id
            for row in session.execute(
                select(
                    ServiceProvision.id,
                    ServiceProvision.staff_id,
                    ServiceProvision.service_type_id,
                    ServiceProvision.date,
                ).where(ServiceProvision.deleted_at.is_(None))
            )
        }

    def values(
        self, work: Work, row: SourceRow, person: Person | None
    ) -> tuple[dict[str, Any], list[Problem]]:
        values = self.common(row, ("date", "details", "amount", "handled_by", "notes"))
        problems: list[Problem] = []
        name = str(row.values.get("service") or "")
        service = self.services.get(name)
        if service is None:
            message = translate("Import", "no service named {name} (see Settings → Services)")
            problems.append(row.problem("service", message.format(name=name)))
        elif service.deleted_at is not None:
            message = translate("Import", "{name} is in the recycle bin; restore it first")
            problems.append(row.problem("service", message.format(name=name)))
        else:
            values["service_type_id"] = service.id
        if person is not None:
            values["staff_id"] = person.id
        return values, problems

    def identity(self, values: dict[str, Any]) -> Any:
        return (values.get("staff_id"), values.get("service_type_id"), _date(values.get("date")))


class MentorshipsImporter(LedgerImporter):
    kind = "mentorships"
    batch_kind = "import-mentorships"
    record_kind = MENTORSHIP
    aliases = MENTORSHIP_ALIASES
    required = ("name", "mentee_name", "start_date")
    targets: ClassVar[dict[str, str]] = {"name": "mentor_id"}
    dates = ("start_date", "end_date")

    def load(self, work: Work) -> None:
        self.existing = {
            (row.mentor_id, row.mentee_name, row.start_date): row.id
            for row in work.session.execute(
                select(
                    Mentorship.id,
                    Mentorship.mentor_id,
                    Mentorship.mentee_name,
                    Mentorship.start_date,
                ).where(Mentorship.deleted_at.is_(None))
            )
        }

    def values(
        self, work: Work, row: SourceRow, person: Person | None
    ) -> tuple[dict[str, Any], list[Problem]]:
        values = self.common(
            row, ("mentee_name", "mentee_unit", "start_date", "end_date", "goal", "result")
        )
        if person is not None:
            values["mentor_id"] = person.id
        return values, []

    def identity(self, values: dict[str, Any]) -> Any:
        mentee = name_text(values.get("mentee_name"))
        return (values.get("mentor_id"), mentee, _date(values.get("start_date")))


class OutcomesImporter(LedgerImporter):
    """The long shape: one row per entry (person or team, metric, date or period, value)."""

    kind = "outcomes"
    batch_kind = "import-outcomes"
    record_kind = OUTCOME
    aliases = OUTCOME_ALIASES
    required = ("metric",)
    targets: ClassVar[dict[str, str]] = {
        "name": "staff_id",
        "team": "team_id",
        "metric": "metric_id",
    }
    dates = ("date",)

    def load(self, work: Work) -> None:
        session = work.session
        self.metrics: dict[str, list[Metric]] = {}
        for metric in session.scalars(select(Metric).where(Metric.deleted_at.is_(None))):
            self.metrics.setdefault(header_key(metric.name), []).append(metric)
        self.teams = {team.name: team for team in session.scalars(select(Team))}
        self.existing = {}
        for entry in session.scalars(select(OutcomeEntry).where(OutcomeEntry.deleted_at.is_(None))):
            values = {
                "staff_id": entry.staff_id,
                "team_id": entry.team_id,
                "metric_id": entry.metric_id,
                "date": entry.date,
                "period": entry.period,
                "description": entry.description,
            }
            self.existing.setdefault(self.identity(values), entry.id)

    def owner(self, row: SourceRow) -> tuple[Person | None, list[Problem]]:
        if is_blank(row.values.get("name")) and is_blank(row.values.get("id_number")):
            if is_blank(row.values.get("team")):
                message = translate("Import", "name a person or a team")
                return None, [row.problem("name", message)]
            return None, []  # a team's entry
        return super().owner(row)

    def values(
        self, work: Work, row: SourceRow, person: Person | None
    ) -> tuple[dict[str, Any], list[Problem]]:
        values = self.common(row, ("date", "value", "description", "is_highlight"))
        problems: list[Problem] = []
        period = row.values.get("period")
        if isinstance(period, datetime | date):  # Excel made "2024-09" a date
            period = f"{period.year}-{period.month:02d}"
        if not is_blank(period):
            values["period"] = str(period)
        if person is not None:
            values["staff_id"] = person.id
        team = None
        team_name = row.values.get("team")
        if not is_blank(team_name):
            team = self.teams.get(str(team_name))
            if team is None or team.deleted_at is not None:
                message = translate("Import", "no team named {name}").format(name=team_name)
                problems.append(row.problem("team", message))
            else:
                values["team_id"] = team.id
        metric = self._metric(row, person, team, problems)
        if metric is not None:
            values["metric_id"] = metric.id
        return values, problems

    def _metric(
        self, row: SourceRow, person: Person | None, team: Team | None, problems: list[Problem]
    ) -> Metric | None:
        name = row.values.get("metric")
        if is_blank(name):
            return None  # a highlight without a figure
        candidates = self.metrics.get(header_key(name), [])
        field = Field.parse(value_code("field", row.values.get("field")))
        if field is None and len(candidates) > 1:
            field = Field(person.field) if person else team.field if team else None
        if field is not None and len(candidates) > 1:
            candidates = [metric for metric in candidates if metric.field == field]
        if len(candidates) == 1:
            return candidates[0]
        message = (
            translate("Import", "{name} is a metric of several fields; add a 领域 column")
            if candidates
            else translate("Import", "no metric named {name} (see Settings → Metrics)")
        )
        problems.append(row.problem("metric", message.format(name=name)))
        return None

    def identity(self, values: dict[str, Any]) -> Any:
        owner = (values.get("staff_id"), values.get("team_id"), values.get("metric_id"))
        if values.get("period"):
            return (*owner, "period", _period_text(values["period"]))
        description = str(values.get("description") or "").strip()
        return (*owner, _date(values.get("date")), description)
