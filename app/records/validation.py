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
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from app import clock
from app.db.vocabulary import Gender, Vocabulary
from app.errors import ValidationError
from app.i18n import translate

T = TypeVar("T")
V = TypeVar("V", bound=Vocabulary)

# GB 11643-1999: weights of the first 17 digits and the MOD 11-2 check characters.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
# First two digits: provinces, autonomous regions and municipalities (GB/T 2260),
# plus 83 used by residence permits for Taiwan residents.
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
    | {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)
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
    re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


class InvalidValue(ValueError):
    """A single value was refused; the message names the problem, not the field."""


@dataclass(frozen=True)
class IdNumber:
    """A checked resident ID number and what it tells about its holder."""

    number: str
    birth_date: date
    gender: Gender


def _ascii(text: str) -> str:
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


def normalise_id_number(value: Any, *, today: date | None = None) -> IdNumber:
    """Check an 18-character resident ID number (GB 11643, MOD 11-2 check digit)."""
    text = re.sub(r"\s+", "", _ascii(str(value or ""))).upper()
    if len(text) == 15 and text.isdigit():
        raise InvalidValue(
            translate("Validation", "old 15-digit numbers are not accepted; enter the 18-digit one")
        )
    if len(text) != 18:
        raise InvalidValue(
            translate("Validation", "must have 18 characters (now {length})").format(
                length=len(text)
            )
        )
    if not (text[:17].isdigit() and (text[17].isdigit() or text[17] == "X")):
        raise InvalidValue(translate("Validation", "must be 17 digits followed by a digit or X"))
    if int(text[:2]) not in PROVINCE_CODES:
        raise InvalidValue(
            translate("Validation", "{code} is not a province code").format(code=text[:2])
        )
    try:
        birth = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise InvalidValue(
            translate("Validation", "{digits} is not a valid birth date").format(digits=text[6:14])
        ) from None
    if birth > (today or clock.today()) or birth.year < 1900:
        raise InvalidValue(
            translate("Validation", "birth date {date} is not possible").format(
                date=birth.isoformat()
            )
        )
    if id_check_char(text[:17]) != text[17]:
        raise InvalidValue(
            translate("Validation", "check digit is wrong; please re-check the number")
        )
    gender = Gender.MALE if int(text[16]) % 2 else Gender.FEMALE
    return IdNumber(text, birth, gender)


def id_check_char(first17: str) -> str:
    """The MOD 11-2 check character for the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def mask_id_number(number: str | None) -> str:
    """Show only the region and the last four characters: 110105********1234."""
    if not number:
        return ""
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def normalise_phone(value: Any) -> str:
    """A mobile (13812345678) or landline (0482-6112233, 010-12345678-806) number."""
    text = re.sub(r"[\s()（）]", "", _ascii(str(value or "")))
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
    """A date from a date, a datetime or text like 2024-07-01, 2024/7/1, 2024年7月1日."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _ascii(str(value)).strip()
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return date(*(int(part) for part in match.groups()))
            except ValueError:
                break
    raise InvalidValue(
        translate("Validation", "{text} is not a date; write it as 2024-07-01").format(text=text)
    )


def parse_decimal(value: Any, *, places: int = 4) -> Decimal | None:
    """A number ≥ 0 from a number or text ("1,200", "１２"); empty means none."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidValue(translate("Validation", "must be a number"))
    text = _ascii(str(value)).strip().replace(",", "")
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
    if number != number.quantize(Decimal(1).scaleb(-places)):
        raise InvalidValue(translate("Validation", "at most {n} decimal places").format(n=places))
    return number.normalize() if number == number.to_integral() else number


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


def check_date_order(start: date | None, end: date | None) -> None:
    """Refuse an end date before its start date (dates are inclusive days)."""
    if start is not None and end is not None and end < start:
        raise InvalidValue(
            translate("Validation", "must not be before the start date {start}").format(
                start=start.isoformat()
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
    text = _ascii(str(value)).strip().casefold()
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
