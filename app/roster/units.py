"""Units (sending 派出单位 / receiving 受援单位) and teams (帮扶团队)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import OutcomeEntry, Staff, Team, Unit
from app.db.vocabulary import Field, UnitKind
from app.errors import ValidationError
from app.i18n import translate
from app.records import commands
from app.records.audit import snapshot
from app.records.fields import read_text
from app.records.kinds import (
    RecordKind,
    Reference,
    check_reference,
    count_references,
    get_live,
    unique_name_problem,
)
from app.records.permissions import require
from app.records.validation import Problems, parse_vocabulary
from app.records.work import Work


def _normalise_unit(session: Session, values: dict[str, Any], current: Unit | None) -> dict:
    problems = Problems(UNIT.label)
    name = read_text(problems, values, Unit, "name")
    if name and (message := unique_name_problem(session, Unit, name, current)):
        problems.add("name", message)
    kind = problems.read(values, "kind", parse_vocabulary, UnitKind)
    problems.require("kind", kind)
    region = read_text(problems, values, Unit, "region")
    field = problems.read(values, "field", parse_vocabulary, Field)
    if current is not None and kind is not None and kind != current.kind:
        used = _unit_uses(session, current.id, purge=True)
        if used:
            problems.add(
                "kind",
                translate("Units", "cannot change while {uses}").format(
                    uses=translate("Units", ", ").join(used)
                ),
            )
    problems.raise_if_any()
    return {"name": name, "kind": kind, "region": region, "field": field}


def _unit_uses(session: Session, unit_id: int, *, purge: bool) -> list[str]:
    return count_references(
        session,
        unit_id,
        [
            Reference(Staff.sending_unit_id, translate("Units", "{count} staff were sent by it")),
            Reference(
                Staff.receiving_unit_id, translate("Units", "{count} staff are placed in it")
            ),
            Reference(Team.receiving_unit_id, translate("Units", "{count} teams serve it")),
        ],
        purge=purge,
    )


UNIT = RecordKind(
    model=Unit,
    normalise=_normalise_unit,
    describe=lambda unit: unit.name,
    blockers=lambda session, unit, purge: _unit_uses(session, unit.id, purge=purge),
)


def _normalise_team(session: Session, values: dict[str, Any], current: Team | None) -> dict:
    problems = Problems(TEAM.label)
    name = read_text(problems, values, Team, "name")
    if name and (message := unique_name_problem(session, Team, name, current)):
        problems.add("name", message)
    field = problems.read(values, "field", parse_vocabulary, Field)
    problems.require("field", field)
    batch = read_text(problems, values, Team, "batch")
    unit = check_reference(session, problems, values, "receiving_unit_id", Unit, required=False)
    if unit is not None and unit.kind != UnitKind.RECEIVING:
        problems.add(
            "receiving_unit_id",
            translate("Units", "{name} is not a receiving unit").format(name=unit.name),
        )
    problems.raise_if_any()
    return {
        "name": name,
        "field": field,
        "batch": batch,
        "receiving_unit_id": unit.id if unit else None,
    }


TEAM = RecordKind(
    model=Team,
    normalise=_normalise_team,
    describe=lambda team: team.name,
    blockers=lambda session, team, purge: count_references(
        session,
        team.id,
        [
            Reference(Staff.team_id, translate("Units", "{count} staff belong to it")),
            Reference(OutcomeEntry.team_id, translate("Units", "{count} outcome entries")),
        ],
        purge=purge,
    ),
)


def save_team(
    work: Work, team_id: int | None, values: dict[str, Any], *, leader_id: int | None
) -> int:
    """Create or change a team and choose its leader in one command; return its id."""
    if team_id is None:
        team_id = commands.create(work, TEAM, values)
    else:
        commands.update(work, TEAM, team_id, values)
    _assign_leader(work, team_id, leader_id)
    return team_id


def set_team_leader(work: Work, team_id: int, staff_id: int | None) -> None:
    """Make one member the team's leader (领队), or leave the team without one."""
    _assign_leader(work, team_id, staff_id)


def _assign_leader(work: Work, team_id: int, staff_id: int | None) -> None:
    require(work.actor, TEAM.permission)
    session = work.session
    team = get_live(session, TEAM, team_id)
    leader = None
    if staff_id is not None:
        leader = session.get(Staff, staff_id)
        if leader is None or leader.deleted_at is not None or leader.team_id != team.id:
            raise ValidationError(
                {"leader": [translate("Units", "the leader must be a member of the team")]},
                {"leader": translate("Units", "Team leader")},
            )
    members = session.scalars(
        select(Staff).where(Staff.team_id == team.id, Staff.deleted_at.is_(None))
    ).all()
    before = {member.id: snapshot(member) for member in members}
    for member in members:  # unset first: one leader per team is a unique index
        member.is_leader = False
    session.flush()
    if leader is not None:
        leader.is_leader = True
        session.flush()
    for member in members:
        after = snapshot(member)
        if after != before[member.id]:
            work.audit(
                action="update",
                entity="staff",
                entity_id=member.id,
                before=before[member.id],
                after=after,
            )
