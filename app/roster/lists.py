"""The roster (帮扶人才) for screens: the staff list, units and teams, form choices.

Lists search, filter and sort in SQL on indexed columns (`app.listing`), so the
Staff page costs the same to open with ten staff or ten thousand. Everything here
reads; writes go through `app.records.commands` with the kinds of `app.roster`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from app import clock
from app.db.base import label_of
from app.db.listing import ListColumn, Listing, display, labelled_column
from app.db.models import Staff, Team, Unit
from app.db.vocabulary import DutyState, Field, UnitKind
from app.i18n import translate
from app.roster.duty import duty_state
from app.roster.id_numbers import mask_id_number

SendingUnit = aliased(Unit, name="sending_unit")
ReceivingUnit = aliased(Unit, name="receiving_unit")


def staff_count(session: Session) -> int:
    """Staff not in the recycle bin (the welcome panel shows when there are none)."""
    return (
        session.scalar(select(func.count()).select_from(Staff).where(Staff.deleted_at.is_(None)))
        or 0
    )


def _state_label(code: Any) -> str:
    state = DutyState(code) if code else None
    return state.label() if state else ""


class StaffList(Listing):
    """The Staff page's table. Filters: `field`, `status` (`DutyState` codes: the status
    today, read from the dates), `team_id`,
    `receiving_unit_id`; the search looks in name, both units, post and phone."""

    model = Staff
    entities = frozenset({"staff", "unit", "team"})
    default_sort = "name"
    search_in = (Staff.name, SendingUnit.name, ReceivingUnit.name, Staff.post, Staff.phone)

    def columns(self) -> list[ListColumn]:
        return [
            labelled_column(Staff, "name", width=8, sort=Staff.name_key),
            labelled_column(Staff, "gender", width=4),
            labelled_column(Staff, "field", width=6),
            ListColumn(
                "sending_unit",
                lambda: label_of(Staff, "sending_unit_id"),
                SendingUnit.name,
                width=18,
                sort=SendingUnit.name_key,
            ),
            ListColumn(
                "receiving_unit",
                lambda: label_of(Staff, "receiving_unit_id"),
                ReceivingUnit.name,
                width=20,
                sort=ReceivingUnit.name_key,
            ),
            labelled_column(Staff, "post", width=14),
            ListColumn(
                "team", lambda: label_of(Staff, "team_id"), Team.name, width=12, sort=Team.name_key
            ),
            labelled_column(Staff, "is_leader", width=4),
            labelled_column(Staff, "start_date", width=10),
            labelled_column(Staff, "planned_end", width=10),
            ListColumn(
                "status",
                lambda: label_of(Staff, "status"),
                duty_state(clock.today()),
                format=_state_label,
                width=12,
            ),
            labelled_column(Staff, "id_number", format=mask_id_number, unmasked=display, width=18),
            labelled_column(Staff, "phone", width=13),
            # The rest of a person's record: hidden on screen until the clerk shows them,
            # exported in full by the command line (a roster that moves back in whole).
            *(
                labelled_column(Staff, key, width=width, hidden=True)
                for key, width in (
                    ("ethnicity", 6),
                    ("birth_date", 10),
                    ("political_status", 8),
                    ("education", 8),
                    ("title", 10),
                    ("specialty", 10),
                    ("actual_end", 10),
                    ("notes", 20),
                )
            ),
        ]

    def base(self) -> Select[Any]:
        return (
            select(Staff.id)
            .outerjoin(SendingUnit, Staff.sending_unit_id == SendingUnit.id)
            .outerjoin(ReceivingUnit, Staff.receiving_unit_id == ReceivingUnit.id)
            .outerjoin(Team, Staff.team_id == Team.id)
            .where(Staff.deleted_at.is_(None))
        )

    def filters(self) -> dict[str, Any]:
        return {
            "field": lambda statement, code: statement.where(Staff.field == Field(code)),
            # The status today, from the dates (DESIGN.md §5), as the column shows it.
            "status": lambda statement, code: statement.where(
                duty_state(clock.today()) == DutyState(code).value
            ),
            "team_id": lambda statement, team_id: statement.where(Staff.team_id == team_id),
            "receiving_unit_id": lambda statement, unit_id: statement.where(
                Staff.receiving_unit_id == unit_id
            ),
        }


class Units(Listing):
    model = Unit
    entities = frozenset({"unit"})
    default_sort = "name"
    search_in = (Unit.name, Unit.region)

    def columns(self) -> list[ListColumn]:
        return [
            labelled_column(Unit, "name", width=28, sort=Unit.name_key),  # 14 CJK in full
            labelled_column(Unit, "kind", width=8),
            labelled_column(Unit, "region", width=24),
            labelled_column(Unit, "field", width=4),  # often empty: a narrow column
        ]

    def base(self) -> Select[Any]:
        return select(Unit.id).where(Unit.deleted_at.is_(None))


class Teams(Listing):
    model = Team
    entities = frozenset({"team", "unit", "staff"})
    default_sort = "name"
    search_in = (Team.name, Team.batch)

    def columns(self) -> list[ListColumn]:
        members = (
            select(func.count(Staff.id))
            .where(Staff.team_id == Team.id, Staff.deleted_at.is_(None))
            .scalar_subquery()
        )
        leader = (
            select(Staff.name)
            .where(Staff.team_id == Team.id, Staff.is_leader.is_(True), Staff.deleted_at.is_(None))
            .scalar_subquery()
        )
        return [
            labelled_column(Team, "name", width=20, sort=Team.name_key),
            labelled_column(Team, "field", width=4),
            labelled_column(Team, "batch", width=14),
            ListColumn(
                "receiving_unit",
                lambda: label_of(Team, "receiving_unit_id"),
                Unit.name,
                width=28,
                sort=Unit.name_key,
            ),
            ListColumn("leader", lambda: translate("Roster", "Team leader"), leader, width=8),
            ListColumn("members", lambda: translate("Roster", "Members"), members, numeric=True),
        ]

    def base(self) -> Select[Any]:
        return (
            select(Team.id)
            .outerjoin(Unit, Team.receiving_unit_id == Unit.id)
            .where(Team.deleted_at.is_(None))
        )


# ----------------------------------------------------------------- choices for forms
Choice = tuple[int, str]


def unit_choices(session: Session, kind: UnitKind | None = None) -> list[Choice]:
    """Live units (of one kind) by name, for a form's drop-down."""
    query = (
        select(Unit.id, Unit.name).where(Unit.deleted_at.is_(None)).order_by(Unit.name_key, Unit.id)
    )
    if kind is not None:
        query = query.where(Unit.kind == kind)
    return [(row.id, row.name) for row in session.execute(query)]


def team_choices(session: Session) -> list[Choice]:
    query = (
        select(Team.id, Team.name).where(Team.deleted_at.is_(None)).order_by(Team.name_key, Team.id)
    )
    return [(row.id, row.name) for row in session.execute(query)]


def team_members(session: Session, team_id: int) -> list[Choice]:
    """The team's live members, leader first: whom the team form offers as leader."""
    query = (
        select(Staff.id, Staff.name)
        .where(Staff.team_id == team_id, Staff.deleted_at.is_(None))
        .order_by(Staff.is_leader.desc(), Staff.name_key, Staff.id)
    )
    return [(row.id, row.name) for row in session.execute(query)]


def team_leader(session: Session, team_id: int) -> int | None:
    return session.scalar(
        select(Staff.id).where(
            Staff.team_id == team_id, Staff.is_leader.is_(True), Staff.deleted_at.is_(None)
        )
    )
