"""The quarterly summary (季度汇总) of DESIGN.md §5, computed as plain data.

Every section is a handful of aggregate queries over the whole ledger, never one
query per person, nor one summary per quarter of a trend (`summaries`). The rules: who
is on duty in `app.duty`, who is covered in `app.coverage`; this module adds the
outcome windows and the rounding. Records in the recycle bin count nowhere, nor do
the provisions, outcomes and mentorships of a person (or team) in the bin.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from app import clock
from app.db.models import Mentorship, OutcomeEntry, ServiceProvision, Staff, Team
from app.db.vocabulary import Field
from app.periods import Quarter
from app.records.settings import all_settings
from app.reports.figures import (
    Heading,
    Highlight,
    MentorshipFigures,
    QuarterlySummary,
    ServiceFigures,
    StaffFigures,
)
from app.reports.outcome_windows import live_entries, outcome_figures_of
from app.roster.duty import arrived_in, departed_in, on_duty_at_end
from app.services.catalog import services_in
from app.services.coverage import coverage_counts_of


def quarterly_summary(
    session: Session, quarter: Quarter, *, made_on: date | None = None
) -> QuarterlySummary:
    """The figures of `quarter` as DESIGN.md §5 defines them; `made_on` defaults to today."""
    return summaries(session, [quarter], made_on=made_on)[0]


def recent_summaries(
    session: Session,
    quarter: Quarter,
    count: int = 8,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[QuarterlySummary]:
    """The summaries of the `count` quarters ending with `quarter`, oldest first (trends)."""
    return summaries(session, quarter.back(count), progress=progress)


SECTIONS = 5


def summaries(
    session: Session,
    quarters: Sequence[Quarter],
    *,
    made_on: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[QuarterlySummary]:
    """The summaries of `quarters`, each section read for all of them at once: one
    grouped query per section (with a column per quarter), not one summary per quarter,
    so the 8-quarter trend costs about what one summary does. Coverage's per-person rules
    are decided in SQL too, for all the quarters at once (`coverage_counts_of`). `progress(done,
    SECTIONS)` is called after each section (a closing window stops the work there)."""
    settings = all_settings(session)
    heading = Heading(
        county=settings["county"],
        office=settings["office_name"],
        clerk=settings["clerk_name"],
        made_on=made_on or clock.today(),
        head=settings["office_head"],
        reviewer=settings["reviewer"],
    )
    readers: tuple[Callable[[Session, Sequence[Quarter]], list[Any]], ...] = (
        staff_figures_of,
        service_figures_of,
        outcome_figures_of,
        highlights_of,
        mentorship_figures_of,
    )
    sections: list[list[Any]] = []
    for done, read in enumerate(readers, start=1):
        sections.append(read(session, quarters))
        if progress is not None:
            progress(done, SECTIONS)
    return [
        QuarterlySummary(
            quarter=quarter,
            heading=heading,
            staff=staff,
            services=services,
            outcomes=outcomes,
            highlights=highlights,
            mentorships=mentorships,
        )
        for quarter, staff, services, outcomes, highlights, mentorships in zip(
            quarters, *sections, strict=True
        )
    ]


def _count(condition: ColumnElement[bool]) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def staff_figures(session: Session, quarter: Quarter) -> StaffFigures:
    return staff_figures_of(session, [quarter])[0]


def staff_figures_of(session: Session, quarters: Sequence[Quarter]) -> list[StaffFigures]:
    """Head count by field and moves of each quarter: one query grouped by field."""
    columns = [
        column
        for quarter in quarters
        for column in (
            _count(on_duty_at_end(quarter)),
            _count(arrived_in(quarter)),
            _count(departed_in(quarter)),
        )
    ]
    rows = session.execute(
        select(Staff.field, *columns).where(Staff.deleted_at.is_(None)).group_by(Staff.field)
    ).all()
    figures = []
    for index in range(len(quarters)):
        on_duty = {field: 0 for field in Field}
        for row in rows:
            on_duty[row[0]] = row[1 + 3 * index]
        figures.append(
            StaffFigures(
                on_duty_by_field=on_duty,
                arrived=sum(row[2 + 3 * index] for row in rows),
                departed=sum(row[3 + 3 * index] for row in rows),
            )
        )
    return figures


def service_figures_of(session: Session, quarters: Sequence[Quarter]) -> list[list[ServiceFigures]]:
    """The services counting in each quarter (`app.services.catalog.services_in`: not
    retired before it began), in catalog order, each with the rule it had then;
    provisions are counted even on demand (one query for every quarter)."""
    rows = session.execute(
        select(
            ServiceProvision.service_type_id,
            *(
                _count(ServiceProvision.date.between(quarter.start, quarter.end))
                for quarter in quarters
            ),
        )
        .join(Staff, Staff.id == ServiceProvision.staff_id)
        .where(
            ServiceProvision.deleted_at.is_(None),
            Staff.deleted_at.is_(None),
            ServiceProvision.date.between(quarters[0].start, quarters[-1].end),
        )
        .group_by(ServiceProvision.service_type_id)
    ).all()
    catalogs = [services_in(session, quarter) for quarter in quarters]
    coverages = coverage_counts_of(session, quarters, catalogs)
    figures = []
    for index, (services, coverage) in enumerate(zip(catalogs, coverages, strict=True)):
        provided = {row[0]: row[1 + index] for row in rows}
        figures.append(
            [
                ServiceFigures(
                    service=service.name,
                    rule=service.rule,
                    provisions=provided.get(service.id, 0),
                    eligible=coverage[service.id].eligible,
                    covered=coverage[service.id].covered,
                    coverage=coverage[service.id].rate,
                )
                for service in services
            ]
        )
    return figures


def highlights_of(session: Session, quarters: Sequence[Quarter]) -> list[list[Highlight]]:
    """Flagged entries dated in each quarter, by date; named by the person, else the
    team (one query over the quarters' whole span)."""
    rows = session.execute(
        live_entries(OutcomeEntry.date, Staff.name, Team.name, OutcomeEntry.description)
        .where(
            OutcomeEntry.is_highlight.is_(True),
            OutcomeEntry.date.between(quarters[0].start, quarters[-1].end),
        )
        .order_by(OutcomeEntry.date, OutcomeEntry.id)
    ).all()
    return [
        [
            Highlight(date=day, staff=person or team or "", text=text)
            for day, person, team, text in rows
            if quarter.start <= day <= quarter.end
        ]
        for quarter in quarters
    ]


def highlights(session: Session, quarter: Quarter) -> list[Highlight]:
    """Flagged entries dated in the quarter, by date; named by the person, else the team."""
    return highlights_of(session, [quarter])[0]


def mentorship_figures_of(session: Session, quarters: Sequence[Quarter]) -> list[MentorshipFigures]:
    """Active and new mentorships per quarter; only those overlapping the quarters'
    span are counted (the others would add nothing to any column)."""
    first, last = quarters[0], quarters[-1]
    columns = []
    for quarter in quarters:
        active = and_(
            Mentorship.start_date <= quarter.end,
            or_(Mentorship.end_date.is_(None), Mentorship.end_date >= quarter.start),
        )
        columns += [
            _count(active),
            _count(Mentorship.start_date.between(quarter.start, quarter.end)),
        ]
    row = session.execute(
        select(*columns)
        .join(Staff, Staff.id == Mentorship.mentor_id)
        .where(
            Mentorship.deleted_at.is_(None),
            Staff.deleted_at.is_(None),
            Mentorship.start_date <= last.end,
            or_(Mentorship.end_date.is_(None), Mentorship.end_date >= first.start),
        )
    ).one()
    return [
        MentorshipFigures(active=row[2 * index], new=row[2 * index + 1])
        for index in range(len(quarters))
    ]
