"""The status a person has today follows the dates (DESIGN.md §5), on every screen."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db.listing import ListQuery
from app.db.models import AuditEntry, ServiceType, Staff
from app.db.vocabulary import DutyState, Field, StaffStatus
from app.periods import Quarter
from app.records import commands
from app.reports.summary import staff_figures
from app.roster.departures import confirm_departures
from app.roster.duty import state_of
from app.roster.lists import StaffList
from app.roster.staff import STAFF
from app.roster.staff_file import staff_file
from app.services.entry_for_many import candidates
from app.services.matrix import coverage_matrix
from tests.app.helpers import run

TODAY = datetime(2024, 12, 10, 9, 0)


def add(session: Session, name: str, start: date, planned: date | None, **more: object) -> int:
    values = {"name": name, "field": Field.MEDICAL, "start_date": start, "planned_end": planned}
    return run(session, commands.create, STAFF, {**values, **more})


def shown(session: Session, **filters: str) -> dict[str, str]:
    listing = StaffList()
    keys = [column.key for column in listing.columns()]
    ids = listing.ids(session, ListQuery(filters=filters))
    rows = listing.rows(session, ids)
    return {rows[i][0]: rows[i][keys.index("status")] for i in ids}


def test_a_planned_end_that_passed_reads_awaiting_departure_and_counts_nowhere(
    session: Session,
) -> None:
    with clock.frozen(TODAY):
        past = add(session, "刘洋", date(2023, 8, 1), date(2024, 7, 31))
        add(session, "张文", date(2023, 8, 1), date(2025, 7, 31))
        add(session, "李明", date(2025, 1, 1), date(2026, 7, 31))
        add(session, "王芳", date(2023, 1, 1), date(2025, 7, 31), actual_end=date(2024, 3, 1),
            status=StaffStatus.ROTATED)  # fmt: skip
        assert shown(session) == {
            "刘洋": DutyState.AWAITING_DEPARTURE.label(),
            "张文": DutyState.ON_DUTY.label(),
            "李明": DutyState.NOT_ARRIVED.label(),
            "王芳": DutyState.ROTATED.label(),
        }
        assert DutyState.AWAITING_DEPARTURE.zh == "已过期满，待确认离岗"
        assert list(shown(session, status=DutyState.ON_DUTY.value)) == ["张文"]
        assert list(shown(session, status=DutyState.AWAITING_DEPARTURE.value)) == ["刘洋"]
        facts = dict(staff_file(session, past).facts)
        assert facts["Status"] == DutyState.AWAITING_DEPARTURE.label()
        # The head count of this quarter, the services' entry for many and the matrix.
        assert staff_figures(session, Quarter(2024, 4)).on_duty_by_field[Field.MEDICAL] == 1
        service = session.scalars(select(ServiceType.id)).first()
        if service is not None:
            people = candidates(session, service, clock.today())
            assert [person.name for person in people] == ["张文"]
            rows = coverage_matrix(session, Quarter(2024, 4)).rows
            assert "刘洋" not in {row.name for row in rows}


def test_confirming_a_departure_sets_the_actual_end_and_is_audited(session: Session) -> None:
    with clock.frozen(TODAY):
        past = add(session, "刘洋", date(2023, 8, 1), date(2024, 7, 31))
        serving = add(session, "张文", date(2023, 8, 1), date(2025, 7, 31))
        assert run(session, confirm_departures, [past, serving]) == 1
        person = session.get(Staff, past)
        assert person is not None
        assert (person.actual_end, person.status) == (date(2024, 7, 31), StaffStatus.COMPLETED)
        assert session.get(Staff, serving).actual_end is None  # type: ignore[union-attr]
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "staff", AuditEntry.entity_id == past)
            .order_by(AuditEntry.id.desc())
        ).first()  # fmt: skip
        assert entry is not None and entry.action == "update"
        assert "2024-07-31" in str(entry.after)
        assert shown(session) == {
            "刘洋": DutyState.COMPLETED.label(),
            "张文": DutyState.ON_DUTY.label(),
        }
        assert run(session, confirm_departures, [past]) == 0  # already confirmed


def test_the_python_rule_matches_the_sql_rule() -> None:
    today = date(2024, 12, 10)
    on = StaffStatus.ON_DUTY
    assert state_of(date(2024, 12, 11), None, None, on, today) is DutyState.NOT_ARRIVED
    assert state_of(date(2024, 1, 1), date(2024, 12, 10), None, on, today) is DutyState.ON_DUTY
    assert state_of(date(2024, 1, 1), date(2024, 12, 9), None, on, today) is (
        DutyState.AWAITING_DEPARTURE
    )
    assert state_of(date(2024, 1, 1), None, date(2024, 12, 9), on, today) is DutyState.COMPLETED
    early = StaffStatus.ENDED_EARLY
    assert state_of(date(2024, 1, 1), None, date(2024, 12, 10), early, today) is DutyState.ON_DUTY
