"""The province data set builder: deterministic, every record through the app's
validated batch path, the counts the scale asks for."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import func, select

from app.db.ledger import Ledger
from app.db.models import (
    AuditEntry,
    Mentorship,
    OutcomeEntry,
    ServiceProvision,
    Staff,
    Team,
    Unit,
)
from bench.province import Scale, populate

TINY = Scale(staff=20, units=6, teams=3, provisions=150, outcomes=600, mentorships=30, seed=3)
TABLES = (Unit, Team, Staff, ServiceProvision, OutcomeEntry, Mentorship)


def fingerprint(path: Path) -> tuple[dict[str, int], str]:
    """Row counts and a hash of every row of the built tables."""
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    with Ledger.open(path) as ledger, ledger.connection() as connection:
        for model in (*TABLES, AuditEntry):
            table = model.__table__
            rows = connection.execute(select(table).order_by(table.c.id)).all()
            counts[table.name] = len(rows)
            digest.update(repr(rows).encode())
    return counts, digest.hexdigest()


def build(path: Path) -> None:
    with Ledger.open(path) as ledger:
        populate(ledger, TINY, log=lambda line: None)


def test_the_builder_makes_the_asked_counts_the_same_way_twice(tmp_path: Path) -> None:
    build(tmp_path / "a.db")
    build(tmp_path / "b.db")
    counts, first = fingerprint(tmp_path / "a.db")
    assert fingerprint(tmp_path / "b.db") == (counts, first)
    assert counts == {
        "unit": 6,
        "team": 3,
        "staff": 20,
        "service_provision": 150,
        "outcome_entry": 600,
        "mentorship": 30,
        # every record written through the audited path, plus the team leaders' links
        "audit_entry": counts["audit_entry"],
    }
    assert counts["audit_entry"] >= 6 + 3 + 20 + 150 + 600 + 30


def test_every_dated_outcome_falls_inside_its_owners_days_of_service(tmp_path: Path) -> None:
    build(tmp_path / "p.db")
    with Ledger.open(tmp_path / "p.db") as ledger, ledger.session() as session:
        outside = session.scalar(
            select(func.count())
            .select_from(OutcomeEntry)
            .join(Staff, OutcomeEntry.staff_id == Staff.id)
            .where(
                OutcomeEntry.period.is_(None),  # a period's figure is dated its last day
                (OutcomeEntry.date < Staff.start_date)
                | (OutcomeEntry.date > func.coalesce(Staff.actual_end, Staff.planned_end)),
            )
        )
        assert outside == 0
