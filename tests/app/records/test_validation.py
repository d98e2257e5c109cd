from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.db.vocabulary import Field, Gender
from app.errors import ValidationError
from app.periods import Quarter
from app.records.validation import (
    InvalidValue,
    Problems,
    check_date_order,
    normalise_name,
    normalise_phone,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_vocabulary,
)
from app.roster.id_numbers import id_check_char, mask_id_number, normalise_id_number

# A published example of GB 11643 (checked by hand): 11010519491231002X.
KNOWN_GOOD = "11010519491231002X"


def test_known_id_number_is_accepted_and_tells_birth_and_gender() -> None:
    info = normalise_id_number(KNOWN_GOOD)
    assert info.number == KNOWN_GOOD
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender == Gender.FEMALE  # 17th digit 2 is even


def test_lower_case_x_full_width_digits_and_spaces_are_normalised() -> None:
    typed = "１１０１０５ 1949 1231 002x"
    assert normalise_id_number(typed).number == KNOWN_GOOD


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("110105194912310021", "check digit"),
        ("11010519491231002", "18 characters"),
        ("110105491231002", "15-digit"),
        ("1101051949123100AX", "17 digits"),
        ("990105194912310029", "province"),
        ("110105194902300023", "birth date"),
        ("110105290001010011", "not possible"),
    ],
)
def test_bad_id_numbers_are_refused_with_a_reason(number: str, problem: str) -> None:
    with pytest.raises(InvalidValue, match=problem):
        normalise_id_number(number, today=date(2026, 11, 22))


digits17 = st.text(alphabet="0123456789", min_size=11, max_size=11)


@given(
    region=st.sampled_from(["110105", "152223", "510100", "330203"]),
    birth=st.dates(min_value=date(1930, 1, 1), max_value=date(2020, 12, 31)),
    sequence=st.integers(min_value=0, max_value=999),
)
def test_the_computed_check_character_always_validates(
    region: str, birth: date, sequence: int
) -> None:
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    number = first17 + id_check_char(first17)
    info = normalise_id_number(number, today=date(2026, 1, 1))
    assert info.birth_date == birth
    assert info.gender == (Gender.MALE if sequence % 2 else Gender.FEMALE)


@given(
    birth=st.dates(min_value=date(1930, 1, 1), max_value=date(2020, 12, 31)),
    sequence=st.integers(min_value=0, max_value=999),
    position=st.integers(min_value=0, max_value=16),
    delta=st.integers(min_value=1, max_value=9),
)
def test_any_single_digit_typo_is_caught(
    birth: date, sequence: int, position: int, delta: int
) -> None:
    """MOD 11-2 detects every single-digit substitution."""
    first17 = f"110105{birth:%Y%m%d}{sequence:03d}"
    number = first17 + id_check_char(first17)
    typo = list(number)
    typo[position] = str((int(typo[position]) + delta) % 10)
    with pytest.raises(InvalidValue):
        normalise_id_number("".join(typo), today=date(2026, 1, 1))


def test_mask_keeps_region_and_last_four() -> None:
    assert mask_id_number(KNOWN_GOOD) == "110105********002X"
    assert mask_id_number(None) == ""


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13812345678", "13812345678"),
        ("１３８ １２３４ ５６７８", "13812345678"),
        ("+86 138-1234-5678", "13812345678"),
        ("0482-6112233", "0482-6112233"),
        ("04826112233", "0482-6112233"),
        ("010 62345678", "010-62345678"),
        ("(010)62345678-806", "010-62345678-806"),
        ("", ""),
    ],
)
def test_phone_numbers_are_normalised(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "23812345678", "138123456789", "电话"])
def test_bad_phone_numbers_are_refused(typed: str) -> None:
    with pytest.raises(InvalidValue, match="phone"):
        normalise_phone(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  张文 ", "张文"),
        ("张　文", "张文"),
        ("张 文", "张文"),
        ("阿不都・热合曼", "阿不都·热合曼"),
        ("Li  Wei", "Li Wei"),
    ],
)
def test_names_are_trimmed_and_padding_removed(typed: str, stored: str) -> None:
    assert normalise_name(typed) == stored


def test_empty_or_too_long_names_are_refused() -> None:
    with pytest.raises(InvalidValue, match="empty"):
        normalise_name("　 ")
    with pytest.raises(InvalidValue, match="at most 50"):
        normalise_name("张" * 51)


@pytest.mark.parametrize(
    "typed",
    [
        "2024-07-01",
        "2024/7/1",
        "2024.07.01",
        "2024.7.1",
        "2024年7月1日",
        "20240701",
        "２０２４-07-01",
        "2024-07-01 00:00:00",  # text exported by another program
        20240701,  # typed into a number cell
        "2024.7",  # a month alone: its first day
        "2024年7月",
        "2024-07",
        2024.7,
    ],
)
def test_dates_in_the_forms_clerks_type(typed: object) -> None:
    assert parse_date(typed) == date(2024, 7, 1)


def test_a_month_written_as_a_number_with_one_decimal_is_read_as_that_month() -> None:
    assert parse_date(2024.1) == date(2024, 1, 1)  # a spreadsheet keeps 2024.10 as 2024.1
    assert parse_date("2024.10") == date(2024, 10, 1)


@pytest.mark.parametrize("typed", ["2024-02-30", "next week", "2024-13-01", "2024.13", 44743])
def test_bad_dates_are_refused(typed: str) -> None:
    with pytest.raises(InvalidValue, match="not a date"):
        parse_date(typed)


def test_date_order() -> None:
    check_date_order(date(2024, 1, 1), date(2024, 1, 1))
    check_date_order(date(2024, 1, 1), None)
    with pytest.raises(InvalidValue, match="before the start date 2024-01-02"):
        check_date_order(date(2024, 1, 2), date(2024, 1, 1))


def test_decimals() -> None:
    assert parse_decimal("1,200") == Decimal(1200)
    assert parse_decimal("761.5") == Decimal("761.5")
    assert parse_decimal("１２") == Decimal(12)
    assert parse_decimal("") is None
    for bad, message in (("-1", "negative"), ("abc", "not a number"), ("0.00001", "decimal")):
        with pytest.raises(InvalidValue, match=message):
            parse_decimal(bad)


def test_vocabulary_accepts_code_chinese_and_label() -> None:
    assert parse_vocabulary("医疗", Field) == Field.MEDICAL
    assert parse_vocabulary("technology", Field) == Field.TECHNOLOGY
    assert parse_vocabulary("Science & Technology", Field) == Field.TECHNOLOGY
    with pytest.raises(InvalidValue, match="not one of"):
        parse_vocabulary("体育", Field)


def test_bool_words() -> None:
    assert parse_bool("是") and parse_bool("√") and not parse_bool("否") and not parse_bool(None)
    with pytest.raises(InvalidValue):
        parse_bool("maybe")


def test_problems_collect_per_field_and_raise_once() -> None:
    problems = Problems(lambda field: field.upper())
    problems.take("a", lambda: parse_decimal("-1"))
    problems.require("a", None)  # already has a message: not repeated
    problems.require("b", "")
    with pytest.raises(ValidationError) as raised:
        problems.raise_if_any()
    assert raised.value.errors == {"a": ["must not be negative"], "b": ["is required"]}
    assert str(raised.value) == "A: must not be negative; B: is required"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024Q3", date(2024, 7, 1), date(2024, 9, 30)),
        ("2024q1", date(2024, 1, 1), date(2024, 3, 31)),
        (" 2023 Q4 ", date(2023, 10, 1), date(2023, 12, 31)),
        ("2024Q2", date(2024, 4, 1), date(2024, 6, 30)),
    ],
)
def test_quarter_strings(text: str, start: date, end: date) -> None:
    quarter = Quarter.parse(text)
    assert (quarter.start, quarter.end) == (start, end)
    assert Quarter.containing(start) == quarter == Quarter.containing(end)
    assert str(quarter) == text.strip().upper().replace(" ", "")


@pytest.mark.parametrize("text", ["2024Q5", "2024", "Q3 2024", "", "24Q1"])
def test_bad_quarter_strings(text: str) -> None:
    with pytest.raises(ValidationError, match="2024Q3"):
        Quarter.parse(text)


def test_quarter_neighbours_and_months() -> None:
    q1 = Quarter.parse("2024Q1")
    assert str(q1.previous()) == "2023Q4" and str(q1.previous().next()) == "2024Q1"
    assert [last.day for _, last in q1.months()] == [31, 29, 31]
    assert Quarter.parse("2024Q4").half_start() == date(2024, 7, 1)
    assert [str(q) for q in q1.back(3)] == ["2023Q3", "2023Q4", "2024Q1"]
    assert date(2024, 3, 31) in q1 and date(2024, 4, 1) not in q1


def test_a_date_message_names_the_field_it_compares_with() -> None:
    with pytest.raises(InvalidValue, match=r"^must not be before Start date 2024-07-01$"):
        check_date_order(date(2024, 7, 1), date(2024, 6, 30), "Start date")
