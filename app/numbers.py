"""Decimal figures as clerks read them: one formatter for every screen, file and report.

The database keeps quantities with four decimal places (71.0000, 761.5000); a clerk
expects 71 and 761.5 — no trailing zeros, no exponent, no thousands separator in
data cells — and JSON and Excel want a whole number as an integer.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation, localcontext

# Beyond this many digits a number is shown with its exponent (no cell holds such).
_MAX_DIGITS = 400


def plain(value: Decimal) -> Decimal:
    """The same number without trailing zeros or an exponent (71.0000 → 71, 1E+3 → 1000).

    Precision follows the number, so a float as large as 1e28 read from a cell keeps
    every digit instead of overflowing the default 28-digit context.
    """
    with localcontext() as context:
        context.prec = max(context.prec, min(value.adjusted() + 1, _MAX_DIGITS))
        if value.adjusted() < _MAX_DIGITS and value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return value.normalize()


def number_text(value: Decimal | int | float | str) -> str:
    """15207, 761.5: a number as text for a cell or a message.

    Text that is not a number (an old audit snapshot) is returned as it is.
    """
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not number.is_finite() or abs(number.adjusted()) >= _MAX_DIGITS:
        return str(value)
    return format(plain(number), "f")


def native(value: Decimal) -> int | float:
    """A whole Decimal as an int (15207, not 15207.0), any other as a float (JSON, Excel)."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
