"""Quarter arithmetic, in one place (DESIGN.md §5: "2024Q3" = 2024-07-01..2024-09-30)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

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
                {"quarter": [translate("Quarters", "write the quarter as 2024Q3")]},
                {"quarter": translate("Quarters", "Quarter")},
            )
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
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

    def back(self, count: int) -> list[Quarter]:
        """This quarter and the `count - 1` before it, oldest first (for trend charts)."""
        quarters = [self]
        while len(quarters) < count:
            quarters.append(quarters[-1].previous())
        return quarters[::-1]
