"""What a spreadsheet cell really holds, before a field's own rule reads it.

Full-width digits and letters (１２３, ＡＢ) become ASCII, the ideographic and
non-breaking spaces become plain ones, runs of spaces shrink to one and the ends are
trimmed (a two-character name padded to four, 「张　文」, is the field rule's business:
`normalise_name` closes the gap). Date columns hold the spreadsheet's own day numbers
(serials) besides datetimes and typed text; an ID number that Excel turned into a
number has lost its last digits and can only be refused.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from app.i18n import translate
from app.numbers import number_text

_FULL_WIDTH = {
    **{code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)},  # ０-９
    **{code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
    **{code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)},  # ａ-ｚ
    0x3000: " ",
    0x00A0: " ",
    0x200B: None,
    0x200C: None,
    0x200D: None,
    0xFEFF: None,
}
_SPACES = re.compile(r"[ \t\r\n]+")
_EXPONENT = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")
EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's 1900 date system (after its 1900 leap bug)
_LAST_SERIAL = 2958465  # 9999-12-31


def clean_cell(value: Any) -> Any:
    """A cell's value with text tidied; None for an empty or all-space cell."""
    if isinstance(value, str):
        text = _SPACES.sub(" ", value.translate(_FULL_WIDTH)).strip()
        return text or None
    return value


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def date_cell(value: Any) -> Any:
    """A date column's cell as `parse_date` reads it: an Excel serial becomes its day;
    20220701 and 2022.7 stay the digits the clerk typed."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    if isinstance(value, int) and 19000101 <= value <= 29991231:
        return value  # yyyymmdd typed into a number cell
    if isinstance(value, float) and not value.is_integer() and 1900 < value < 3000:
        return value  # 2022.7: a month typed into a number cell
    if 1 <= value <= _LAST_SERIAL:
        return EXCEL_EPOCH + timedelta(days=int(value))
    return value


def month_number_warning(value: Any) -> str | None:
    """2022.10 typed into a number cell is kept as 2022.1: say how it was read."""
    if isinstance(value, float) and 1900 < value < 3000 and number_text(value).endswith(".1"):
        return translate(
            "Import",
            "{value} is a number in the sheet and was read as January {year}; if October "
            "was meant, write {year}.10 as text",
        ).format(value=number_text(value), year=int(value))
    return None


def lost_id_digits(value: Any) -> str | None:
    """Why an ID number cell cannot be trusted: Excel stored it as a number."""
    if isinstance(value, bool):
        return None
    shown = None
    if isinstance(value, int | float):
        shown = f"{value:.5E}" if abs(value) >= 1e11 else number_text(value)
    elif isinstance(value, str) and _EXPONENT.match(value.strip()):
        shown = value.strip()
    if shown is None:
        return None
    return translate(
        "Import",
        "Excel stored this ID number as a number ({shown}) and lost its last digits; format "
        "the column as text and enter the number again",
    ).format(shown=shown)
