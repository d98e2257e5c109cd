"""Quarters and months, in one place (DESIGN.md §5: "2024Q3" = 2024-07-01..2024-09-30)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from app.errors import ValidationError
from app.i18n import translate

_PATTERN = re.compile(r"^\s*(\d{4})\s*[Qq]\s*([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read "2024Q3" (case and spaces forgiven); raise ValidationError otherwise."""
        match = _PATTERN.match(text or "")
        if not match or not 1900 <= int(match.group(1)) <= 2999:
            raise ValidationError(
                {"quarter": [translate("Quarters", "write it as 2024Q3 (quarters 1–4)")]},
                {"quarter": translate("Quarters", "Quarter")},
            )
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    # Remembered: coverage and the trend ask a quarter's bounds per person and row.
    @cached_property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @cached_property
    def end(self) -> date:
        return self.next().start - timedelta(days=1)

    def previous(self) -> Quarter:
        return (
            Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)
        )

    def next(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def half_start(self) -> date:
        """First day of the half-year this quarter belongs to."""
        return date(self.year, 1 if self.number <= 2 else 7, 1)

    def year_start(self) -> date:
        return date(self.year, 1, 1)

    def months(self) -> Iterator[tuple[date, date]]:
        """The quarter's three calendar months as (first day, last day)."""
        for month in range(3 * self.number - 2, 3 * self.number + 1):
            first = date(self.year, month, 1)
            following = date(self.year + month // 12, month % 12 + 1, 1)
            yield first, following - timedelta(days=1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    def label(self) -> str:
        """「2024年第3季度」: how tables, pickers and headings name the quarter."""
        return translate("Quarters", "{year} Q{number}").format(year=self.year, number=self.number)

    def short_label(self) -> str:
        """「24年Q3」: the same quarter where room is short (a chart's axis)."""
        return translate("Quarters", "{short_year}Q{number}").format(
            short_year=f"{self.year % 100:02d}", number=self.number
        )

    def back(self, count: int) -> list[Quarter]:
        """This quarter and the `count - 1` before it, oldest first (for trend charts)."""
        quarters = [self]
        while len(quarters) < count:
            quarters.append(quarters[-1].previous())
        return quarters[::-1]


_MONTH = re.compile(r"^\s*(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*月?\s*$")
_CHINESE_QUARTER = re.compile(r"^\s*(\d{4})\s*年\s*第\s*([1-4一二三四])\s*季度\s*$")
_CHINESE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, the period of a monthly table ("2024-09")."""

    year: int
    number: int

    @classmethod
    def containing(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @property
    def start(self) -> date:
        return date(self.year, self.number, 1)

    @property
    def end(self) -> date:
        following = date(self.year + self.number // 12, self.number % 12 + 1, 1)
        return following - timedelta(days=1)

    @property
    def quarter(self) -> Quarter:
        return Quarter.containing(self.start)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.year}-{self.number:02d}"


Period = Month | Quarter


def parse_period(text: str) -> Period:
    """A month ("2024-09", "2024年9月", "2024.9") or a quarter ("2024Q3", "2024年第3季度").

    Outcome entries made by the grid or a wide import carry the period's canonical text
    (`str(period)`: "2024-09" or "2024Q3") and are dated its last day.
    """
    value = str(text or "")
    month = _MONTH.match(value)
    if month and 1900 <= int(month.group(1)) <= 2999 and 1 <= int(month.group(2)) <= 12:
        return Month(int(month.group(1)), int(month.group(2)))
    chinese = _CHINESE_QUARTER.match(value)
    if chinese:
        number = chinese.group(2)
        return Quarter(int(chinese.group(1)), _CHINESE_DIGITS.get(number) or int(number))
    try:
        return Quarter.parse(value)
    except ValidationError:
        raise ValidationError(
            {
                "period": [
                    translate("Quarters", "write it as 2024-09 (a month) or 2024Q3 (quarters 1–4)")
                ]
            },
            {"period": translate("Quarters", "Period")},
        ) from None
