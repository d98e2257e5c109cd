"""Where the table is: which sheet, which row holds the headers, which column is what.

Clerks' sheets start with a title (「扎赉特旗2024年帮扶人才花名册」), sometimes a date
line, then the header — one row, or two when a merged group or a unit (「手术」 over
「例」) sits above the column names. The header row is the row, among the first
thirty, whose cells name the most known fields; the sheet is the one whose header
names the most (instruction sheets are passed over). Columns map to fields by
their header (`app.exchange.aliases`); a mapping the clerk corrected is remembered
in the ledger for the next file with the same headers.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Setting
from app.exchange.aliases import (
    IGNORED_HEADERS,
    INSTRUCTION_SHEETS,
    SHEET_HINTS,
    UNIT_WORDS,
    header_key,
    split_unit,
)
from app.exchange.reading import SheetData, SourceBook, UnreadableWorkbook
from app.i18n import translate
from app.records.work import Work

HEADER_SEARCH_ROWS = 30
MIN_HEADER_FIELDS = 2
Matcher = Callable[[str], str | None]  # header text -> field key


@dataclass(frozen=True)
class FieldSpec:
    """A field an importer reads: its key, its UI label, and the header spellings."""

    key: str
    label: Callable[[], str]
    aliases: tuple[str, ...]
    required: bool = False


def field_matcher(fields: Sequence[FieldSpec]) -> Matcher:
    """Header text -> field key, through each field's aliases and its own labels."""
    index: dict[str, str] = {}
    for spec in fields:
        for alias in (*spec.aliases, spec.label()):
            index.setdefault(header_key(alias), spec.key)
    ignored = {header_key(text) for text in IGNORED_HEADERS}

    def match(text: str) -> str | None:
        key = header_key(text)
        if not key or key in ignored:
            return None
        if key in index:
            return index[key]
        name, unit = split_unit(text)
        return index.get(header_key(name)) if unit else None

    return match


@dataclass
class Layout:
    """How one sheet is read: its header rows, the header text and the column mapping.

    `mapping` maps a column (0 for A) to a field key; `first_row` is the Excel row
    where the data start.
    """

    sheet: str
    header_top: int
    header_bottom: int
    headers: list[str]
    mapping: dict[int, str] = field(default_factory=dict)

    @property
    def first_row(self) -> int:
        return self.header_bottom + 1

    def column_of(self, key: str) -> int | None:
        for column, mapped in self.mapping.items():
            if mapped == key:
                return column
        return None


def column_name(column: int) -> str:
    """0 → A, 27 → AB: the column as Excel labels it."""
    name = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _row_score(cells: Sequence[str], match: Matcher) -> int:
    return len({key for text in cells if text and (key := match(text)) is not None})


_BRACKETED = re.compile(r"^[(（\[【][^()（）\[\]【】]{1,8}[)）\]】]$")


def _is_unit(text: str) -> bool:
    """例, 人次, or anything short in brackets: 「（公斤/亩）」."""
    return text in UNIT_WORDS or _BRACKETED.match(text) is not None


def _is_sub_header(upper: Sequence[str], lower: Sequence[str], match: Matcher) -> bool:
    """Whether `lower` completes the header above it (units, names under a group,
    cells merged down) rather than being the first row of data."""
    contributes = False
    for top, bottom in zip(upper, lower, strict=False):
        if not bottom or bottom == top:
            continue
        if not (_is_unit(bottom) or match(bottom) or match(top + bottom)):
            return False
        contributes = True
    return contributes


def combined_headers(upper: Sequence[str], lower: Sequence[str], match: Matcher) -> list[str]:
    """One header per column from two rows: the lower name, the pair, or the upper name;
    a unit under a name is written beside it, 「手术（例）」."""
    headers = []
    for top, bottom in zip(upper, lower, strict=False):
        if not bottom or bottom == top:
            headers.append(top)
        elif _is_unit(bottom):
            headers.append(f"{top}（{bottom.strip('()（）[]【】 ')}）")
        elif match(bottom):
            headers.append(bottom)
        elif match(top + bottom):
            headers.append(top + bottom)
        else:
            headers.append(bottom)
    return headers


def find_layout(sheet: SheetData, match: Matcher, *, header_row: int | None = None) -> Layout:
    """The header of `sheet` (at `header_row` when the clerk chose it) and its mapping."""
    rows = [[_text(value) for value in row] for row in sheet.rows[: HEADER_SEARCH_ROWS + 1]]
    if header_row is None:
        scores = [_row_score(cells, match) for cells in rows[:HEADER_SEARCH_ROWS]]
        best = max(scores, default=0)
        if best < MIN_HEADER_FIELDS:
            raise UnreadableWorkbook(
                translate(
                    "Import",
                    "No header row found in sheet {sheet}: none of its first {n} rows names "
                    "the columns this import needs.",
                ).format(sheet=sheet.name, n=HEADER_SEARCH_ROWS)
            )
        header_row = scores.index(best) + 1
    upper = rows[header_row - 1] if header_row <= len(rows) else []
    lower = rows[header_row] if header_row < len(rows) else []
    if lower and _is_sub_header(upper, lower, match):
        headers, bottom = combined_headers(upper, lower, match), header_row + 1
    else:
        headers, bottom = list(upper), header_row
    layout = Layout(sheet.name, header_row, bottom, headers)
    layout.mapping = guess_mapping(headers, match)
    return layout


def guess_mapping(headers: Sequence[str], match: Matcher) -> dict[int, str]:
    """Column -> field by header; when two columns name one field the first keeps it."""
    mapping: dict[int, str] = {}
    for column, text in enumerate(headers):
        key = match(text) if text else None
        if key is not None and key not in mapping.values():
            mapping[column] = key
    return mapping


def choose_sheet(book: SourceBook, match: Matcher, kind: str) -> SheetData:
    """The sheet whose header names the most fields; instruction and hidden sheets
    only when nothing else has a header."""

    def score(sheet: SheetData) -> tuple[int, int, int]:
        rows = [[_text(value) for value in row] for row in sheet.rows[:HEADER_SEARCH_ROWS]]
        best = max((_row_score(cells, match) for cells in rows), default=0)
        plain = not (sheet.hidden or INSTRUCTION_SHEETS.search(sheet.name))
        hinted = any(hint in sheet.name.casefold() for hint in SHEET_HINTS.get(kind, ()))
        return (int(plain and best >= MIN_HEADER_FIELDS), best, int(hinted))

    if not book.sheets:
        raise UnreadableWorkbook(
            translate("Import", "{file} has no sheets.").format(file=book.file_name)
        )
    return max(book.sheets, key=score)


# ----------------------------------------------------------------- remembered mappings
MEMORY_PREFIX = "import-map:"


def _memory_key(kind: str, headers: Sequence[str]) -> str:
    digest = hashlib.sha256("\x1f".join([kind, *map(header_key, headers)]).encode()).hexdigest()
    return MEMORY_PREFIX + digest[:32]


def remembered_mapping(
    session: Session, kind: str, headers: Sequence[str]
) -> dict[int, str] | None:
    """The mapping last committed for a file of `kind` with exactly these headers."""
    stored = session.scalar(select(Setting.value).where(Setting.key == _memory_key(kind, headers)))
    if not stored:
        return None
    return {int(column): key for column, key in json.loads(stored).items()}


def remember_mapping(
    work: Work, kind: str, headers: Sequence[str], mapping: dict[int, str]
) -> None:
    """Keep the clerk's mapping for the next file with the same headers.

    A remembered choice of columns is a preference like a column width, not a record:
    it is not audited."""
    key = _memory_key(kind, headers)
    value = json.dumps({str(column): field for column, field in sorted(mapping.items())})
    row = work.session.scalar(select(Setting).where(Setting.key == key))
    if row is None:
        work.session.add(Setting(key=key, value=value))
    elif row.value != value:
        row.value = value
    work.session.flush()
