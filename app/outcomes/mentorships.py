"""Mentorships (师徒结对): a dispatched person mentoring a local colleague."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from app.db.models import Mentorship, Staff
from app.i18n import translate
from app.records.kinds import RecordKind, check_reference, field_through
from app.records.permissions import Permission
from app.records.validation import (
    Problems,
    check_date_order,
    clean_text,
    normalise_name,
    parse_date,
)


def _normalise_mentorship(session: Session, values: dict[str, Any], current: Any) -> dict:
    problems = Problems(MENTORSHIP.label)
    mentor = check_reference(session, problems, values, "mentor_id", Staff)
    start = problems.read(values, "start_date", parse_date)
    problems.require("start_date", start)
    end = problems.read(values, "end_date", parse_date)
    problems.take("end_date", check_date_order, start, end)
    clean = {
        "mentor_id": mentor.id if mentor else None,
        "mentee_name": problems.take(
            "mentee_name", lambda: normalise_name(values.get("mentee_name"))
        ),
        "mentee_unit": problems.take(
            "mentee_unit", lambda: clean_text(values.get("mentee_unit"), max_length=100)
        )
        or "",
        "start_date": start,
        "end_date": end,
        "goal": problems.read(values, "goal", clean_text) or "",
        "result": problems.read(values, "result", clean_text) or "",
    }
    problems.raise_if_any()
    return clean


MENTORSHIP = RecordKind(
    model=Mentorship,
    normalise=_normalise_mentorship,
    describe=lambda m: translate("Mentorships", "{mentor} mentoring {mentee}").format(
        mentor=m.mentor.name, mentee=m.mentee_name
    ),
    period_fields=("start_date", "end_date"),
    permission=Permission.ENTER,
    field_of=field_through(("mentor_id", Staff)),
)
