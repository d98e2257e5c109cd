"""Checking and normalising what clerks type or paste (one place for each rule).

Each `normalise_*` returns the clean value or raises `InvalidValue` with a message
that can stand beside the field; `Problems` gathers those messages per field and
raises one `ValidationError`, so a form shows every problem at once and nothing is
written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from app.db.vocabulary import Vocabulary
from app.errors import ValidationError
from app.i18n import translate
from app.numbers import number_text, plain

T = TypeVar("T")
V = TypeVar("V", bound=Vocabulary)

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_NAME = re.compile(rf"^[{_CJK}·\s]+$")
_MIDDLE_DOTS = str.maketrans({"\u30fb": "·", "\u2022": "·", "\u2027": "·", "\uff65": "·"})
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# Area code 010 or 02x (three digits) or 0xxx (four), then a 7–8 digit local number.
_LANDLINE = re.compile(
    r"^(?:(?P<area>0(?:10|2\d|[3-9]\d{2}))-?)?(?P<local>[2-9]\d{6,7})"
    r"(?:(?:-|转|ext\.?)(?P<ext>\d{1,6}))?$",
    re.IGNORECASE,
)
_DATE_PATTERNS = (
    # A time after the day (text exported by other programs: "2022-07-01 00:00:00").
    re.compile(
        r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
        r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
    ),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
# A month only ("2022.7", "2022年7月", "2022-07"): its first day.
_MONTH_PATTERN = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")


class InvalidValue(ValueError):
    """A single value was refused; the message names the problem, not the field."""


def to_ascii(text: str) -> str:
    """Full-width digits, letters and spaces to their ASCII forms (NFKC)."""
    return unicodedata.normalize("NFKC", text)


def clean_text(value: Any, *, max_length: int | None = None) -> str:
    """Trim and unify spaces; refuse text longer than the column."""
    text = "" if value is None else str(value)
    text = text.replace("\u3000", " ").strip()
    if max_length is not None and len(text) > max_length:
        raise InvalidValue(
            translate("Validation", "at most {n} characters (now {length})").format(
                n=max_length, length=len(text)
            )
        )
    return text


def normalise_name(value: Any, *, max_length: int = 50) -> str:
    """A person's name: trimmed; spaces inside a Chinese name removed ("张　文" → "张文")."""
    text = clean_text(value, max_length=None).translate(_MIDDLE_DOTS)
    if not text:
        raise InvalidValue(translate("Validation", "must not be empty"))
    text = re.sub(r"\s+", "" if _CJK_NAME.match(text) else " ", text)
    return clean_text(text, max_length=max_length)


def normalise_phone(value: Any) -> str:
    """A mobile (13812345678) or landline (0482-6112233, 010-12345678-806) number."""
    text = re.sub(r"[\s()（）]", "", to_ascii(str(value or "")))
    if not text:
        return ""
    mobile = re.sub(r"^(?:\+|00)?86(?=1\d{10}$)", "", text.replace("-", ""))
    if _MOBILE.match(mobile):
        return mobile
    match = _LANDLINE.match(text)
    if match:
        return "-".join(part for part in match.group("area", "local", "ext") if part)
    raise InvalidValue(
        translate(
            "Validation", "not a phone number; write a mobile like 13812345678 or 0482-6112233"
        )
    )


def parse_date(value: Any) -> date | None:
    """A date from a date, a datetime or text like 2024-07-01, 2024/7/1, 2024.7.1,
    2024年7月1日 or 20240701; a month alone (2024.7, 2024年7月) means its first day.

    A number is read as the digits a clerk typed (a spreadsheet keeps 20240701 and
    2024.7 as numbers); a spreadsheet's own date serials are the importer's business.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise InvalidValue(translate("Validation", "must be a date"))
    text = number_text(value) if isinstance(value, int | float | Decimal) else str(value)
    text = to_ascii(text).strip()
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                break
    month = _MONTH_PATTERN.match(text)
    if month and 1 <= int(month.group(2)) <= 12:
        return date(int(month.group(1)), int(month.group(2)), 1)
    raise InvalidValue(
        translate("Validation", "{text} is not a date; write it as 2024-07-01").format(text=text)
    )


def parse_decimal(value: Any, *, places: int = 4, digits: int = 18) -> Decimal | None:
    """A number ≥ 0 from a number or text ("1,200", "１２"); empty means none. It must fit
    its column: at most `places` decimals and `digits` digits in all (NUMERIC(18, 4))."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidValue(translate("Validation", "must be a number"))
    text = to_ascii(str(value)).strip().replace(",", "")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise InvalidValue(
            translate("Validation", "{text} is not a number").format(text=text)
        ) from None
    if not number.is_finite():
        raise InvalidValue(translate("Validation", "must be a number"))
    if number < 0:
        raise InvalidValue(translate("Validation", "must not be negative"))
    if number >= Decimal(10) ** (digits - places):
        raise InvalidValue(
            translate("Validation", "is too large (at most {n} digits before the point)").format(
                n=digits - places
            )
        )
    if number != number.quantize(Decimal(1).scaleb(-places)):
        raise InvalidValue(translate("Validation", "at most {n} decimal places").format(n=places))
    return plain(number)


def parse_vocabulary(value: Any, enum_class: type[V]) -> V | None:
    """A vocabulary member from its code, Chinese term or label; empty means none."""
    if value is None or value == "":
        return None
    member = enum_class.parse(value)
    if member is None:
        choices = "、".join(member.label() for member in enum_class)
        raise InvalidValue(
            translate("Validation", "{text} is not one of: {choices}").format(
                text=value, choices=choices
            )
        )
    return member


def check_date_order(start: date | None, end: date | None, start_label: str = "") -> None:
    """Refuse an end date before its start date (dates are inclusive days); the message
    names the field it compares with (「不能早于到岗日期 2024-07-01」)."""
    if start is not None and end is not None and end < start:
        raise InvalidValue(
            translate("Validation", "must not be before {field} {start}").format(
                field=start_label or translate("Validation", "the start date"),
                start=start.isoformat(),
            )
        )


class Problems:
    """Collects messages per field, then raises them together as one ValidationError."""

    def __init__(self, labels: Callable[[str], str]) -> None:
        self._labels = labels
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def take(self, field: str, parse: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Call `parse(*args, **kwargs)`; record its InvalidValue under `field`, return None."""
        try:
            return parse(*args, **kwargs)
        except InvalidValue as problem:
            self.add(field, str(problem))
            return None

    def read(
        self,
        values: Mapping[str, Any],
        field: str,
        parse: Callable[..., T],
        *args: Any,
        **kwargs: Any,
    ) -> T | None:
        """`take` applied to `values[field]`: the common case of checking one input."""
        return self.take(field, parse, values.get(field), *args, **kwargs)

    def require(self, field: str, value: Any) -> None:
        """Say the field is required, unless it already has a message of its own."""
        if (value is None or value == "") and field not in self.errors:
            self.add(field, translate("Validation", "is required"))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(
                self.errors, {field: self._labels(field) for field in self.errors}
            )


_TRUE = {"1", "true", "yes", "y", "是", "√", "✓", "x"}
_FALSE = {"0", "false", "no", "n", "否", ""}


def parse_bool(value: Any) -> bool:
    """A yes/no from a bool or the words clerks put in a cell (是/否, √, 1/0)."""
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    text = to_ascii(str(value)).strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InvalidValue(translate("Validation", "write 是 or 否"))


def parse_int(value: Any, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """A whole number within bounds, from a number or text."""
    number = parse_decimal(value, places=0) if not isinstance(value, int) else value
    if number is None:
        raise InvalidValue(translate("Validation", "is required"))
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise InvalidValue(
            translate("Validation", "must be between {low} and {high}").format(
                low=minimum, high=maximum
            )
        )
    return int(number)
