"""Closed vocabularies of the domain (DESIGN.md §4).

Codes (the enum values) are what the database stores; `zh` is the official Chinese
term used in reports, JSON and imported spreadsheets whatever the UI language;
`label()` is the UI text in the current language.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from app.i18n import QT_TRANSLATE_NOOP, translate


class Vocabulary(StrEnum):
    """A StrEnum whose members know their Chinese term and their UI label."""

    @property
    def zh(self) -> str:
        return _ZH[self]

    def label(self) -> str:
        return translate("Vocabulary", _LABELS[self])

    @classmethod
    def parse(cls, text: object) -> Self | None:
        """Accept a code, the Chinese term or the English label (as clerks type them)."""
        wanted = str(text or "").strip().casefold()
        for member in cls:
            if wanted in (member.value, member.zh.casefold(), _LABELS[member].casefold()):
                return member
        return None


class Field(Vocabulary):
    MEDICAL = "medical"
    EDUCATION = "education"
    TECHNOLOGY = "technology"
    GENERAL = "general"


class Gender(Vocabulary):
    MALE = "male"
    FEMALE = "female"


class StaffStatus(Vocabulary):
    ON_DUTY = "on_duty"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"
    ROTATED = "rotated"


class UnitKind(Vocabulary):
    SENDING = "sending"
    RECEIVING = "receiving"


class ServiceRule(Vocabulary):
    ONCE = "once"
    YEARLY = "yearly"
    HALF_YEARLY = "half_yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    ON_DEMAND = "on_demand"


class Aggregation(Vocabulary):
    SUM = "sum"
    LATEST = "latest"


class CoverageStatus(Vocabulary):
    """A coverage matrix cell (DESIGN.md §5): a person × a service in a quarter."""

    DONE = "done"
    DUE = "due"
    OVERDUE = "overdue"
    NOT_APPLICABLE = "not_applicable"


class Role(Vocabulary):
    """What a user may do (app.records.permissions says what each may)."""

    ADMIN = "admin"
    CLERK = "clerk"
    VIEWER = "viewer"


_ZH: dict[Vocabulary, str] = {
    Field.MEDICAL: "医疗",
    Field.EDUCATION: "教育",
    Field.TECHNOLOGY: "科技",
    Field.GENERAL: "综合",
    Gender.MALE: "男",
    Gender.FEMALE: "女",
    StaffStatus.ON_DUTY: "在岗",
    StaffStatus.COMPLETED: "期满离岗",
    StaffStatus.ENDED_EARLY: "提前结束",
    StaffStatus.ROTATED: "轮换",
    UnitKind.SENDING: "派出单位",
    UnitKind.RECEIVING: "受援单位",
    ServiceRule.ONCE: "一次性",
    ServiceRule.YEARLY: "每年",
    ServiceRule.HALF_YEARLY: "每半年",
    ServiceRule.QUARTERLY: "每季度",
    ServiceRule.MONTHLY: "每月",
    ServiceRule.ON_DEMAND: "按需",
    Aggregation.SUM: "累加",
    Aggregation.LATEST: "取最新值",
    CoverageStatus.DONE: "已落实",
    CoverageStatus.DUE: "待落实",
    CoverageStatus.OVERDUE: "已逾期",
    CoverageStatus.NOT_APPLICABLE: "不适用",
    Role.ADMIN: "管理员",
    Role.CLERK: "填报员",
    Role.VIEWER: "查看",
}

_LABELS: dict[Vocabulary, str] = {
    Field.MEDICAL: QT_TRANSLATE_NOOP("Vocabulary", "Medical"),
    Field.EDUCATION: QT_TRANSLATE_NOOP("Vocabulary", "Education"),
    Field.TECHNOLOGY: QT_TRANSLATE_NOOP("Vocabulary", "Science & Technology"),
    Field.GENERAL: QT_TRANSLATE_NOOP("Vocabulary", "General"),
    Gender.MALE: QT_TRANSLATE_NOOP("Vocabulary", "Male"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("Vocabulary", "Female"),
    StaffStatus.ON_DUTY: QT_TRANSLATE_NOOP("Vocabulary", "On duty"),
    StaffStatus.COMPLETED: QT_TRANSLATE_NOOP("Vocabulary", "Completed"),
    StaffStatus.ENDED_EARLY: QT_TRANSLATE_NOOP("Vocabulary", "Ended early"),
    StaffStatus.ROTATED: QT_TRANSLATE_NOOP("Vocabulary", "Rotated"),
    UnitKind.SENDING: QT_TRANSLATE_NOOP("Vocabulary", "Sending unit"),
    UnitKind.RECEIVING: QT_TRANSLATE_NOOP("Vocabulary", "Receiving unit"),
    ServiceRule.ONCE: QT_TRANSLATE_NOOP("Vocabulary", "Once per assignment"),
    ServiceRule.YEARLY: QT_TRANSLATE_NOOP("Vocabulary", "Yearly"),
    ServiceRule.HALF_YEARLY: QT_TRANSLATE_NOOP("Vocabulary", "Half-yearly"),
    ServiceRule.QUARTERLY: QT_TRANSLATE_NOOP("Vocabulary", "Quarterly"),
    ServiceRule.MONTHLY: QT_TRANSLATE_NOOP("Vocabulary", "Monthly"),
    ServiceRule.ON_DEMAND: QT_TRANSLATE_NOOP("Vocabulary", "On demand"),
    Aggregation.SUM: QT_TRANSLATE_NOOP("Vocabulary", "Sum"),
    Aggregation.LATEST: QT_TRANSLATE_NOOP("Vocabulary", "Latest value"),
    CoverageStatus.DONE: QT_TRANSLATE_NOOP("Vocabulary", "Done"),
    CoverageStatus.DUE: QT_TRANSLATE_NOOP("Vocabulary", "Due"),
    CoverageStatus.OVERDUE: QT_TRANSLATE_NOOP("Vocabulary", "Overdue"),
    CoverageStatus.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Vocabulary", "Not applicable"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Vocabulary", "Administrator"),
    Role.CLERK: QT_TRANSLATE_NOOP("Vocabulary", "Clerk"),
    Role.VIEWER: QT_TRANSLATE_NOOP("Vocabulary", "Viewer"),
}
