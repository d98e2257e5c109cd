"""Resident ID numbers (居民身份证号码, GB 11643-1999): checking, what they tell, masking."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from app import clock
from app.db.vocabulary import Gender
from app.i18n import translate
from app.records.validation import InvalidValue, to_ascii

# GB 11643-1999: weights of the first 17 digits and the MOD 11-2 check characters.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
# First two digits: provinces, autonomous regions and municipalities (GB/T 2260),
# plus 83 used by residence permits for Taiwan residents.
PROVINCE_CODES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
    | {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)


@dataclass(frozen=True)
class IdNumber:
    """A checked resident ID number and what it tells about its holder."""

    number: str
    birth_date: date
    gender: Gender


def normalise_id_number(value: Any, *, today: date | None = None) -> IdNumber:
    """Check an 18-character resident ID number (GB 11643, MOD 11-2 check digit)."""
    text = re.sub(r"\s+", "", to_ascii(str(value or ""))).upper()
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
