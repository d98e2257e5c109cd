"""Lists for the screens: search, filter and sort in SQL, rows fetched on demand.

A `Listing` describes one list once (Camelot's admin classes are the model): its
columns with the SQL expression behind each, which columns a search looks in, and
which filters it accepts. The UI's table model asks for the ordered ids of the
matching rows (cheap integers, Anki's browser does the same) and then for the
display values of only the rows on screen; exports ask for all rows the same way,
so a list exports exactly as shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import Session

from app.db.base import Record, label_of
from app.numbers import number_text


@dataclass(frozen=True)
class ListQuery:
    """What the clerk asked to see: search text, filters by key, and the sort column."""

    search: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)
    sort_key: str | None = None
    descending: bool = False


def display(value: Any) -> Any:
    """The default cell value: vocabulary labels and ✓ for yes; dates and numbers stay
    typed so an export writes real Excel dates and numbers (the table model formats them)."""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, Enum) and hasattr(value, "label"):
        return value.label()
    return value


def cell_text(value: Any) -> str:
    """A shown value as text, as the screen's table and a printed list show it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return number_text(value)
    return str(value)


@dataclass(frozen=True)
class ListColumn:
    """One column: its key, its label (a callable, so it follows the UI language), the
    SQL expression it shows and sorts by, how a value is shown, and how wide it
    usually is (so a view sizes columns without measuring every row)."""

    key: str
    label: Callable[[], str]
    expression: Any  # a column or SQL expression (ORM attributes included)
    format: Callable[[Any], Any] = display
    numeric: bool = False
    sortable: bool = True
    width: int = 0  # typical display width in Latin characters (a CJK one counts 2); 0 = any
    # How a full export shows the value (an ID number unmasked); None: as `format` does.
    unmasked: Callable[[Any], Any] | None = None
    hidden: bool = False  # left out of the screen's table unless the clerk shows it
    unit: str = ""  # what the numbers count (例, 元): an export puts it in the header
    # What the column sorts by when not its expression: a name's pinyin key (`name_key`),
    # so Chinese names come in 拼音 order rather than by code point.
    sort: Any = None


class Listing:
    """Base for a list over one ORM model; subclasses fill in the class attributes.

    `entities` are the record kinds whose change makes the list stale; `search_in`
    are expressions a search matches, case-insensitively on any backend (ILIKE);
    `filters` maps a filter key to a function adding its WHERE clause.
    """

    model: Any
    entities: frozenset[str] = frozenset()
    search_in: Sequence[Any] = ()  # columns or SQL expressions
    default_sort: str | None = None
    # A list that may hold hundreds of thousands of rows (the outcome ledger) sets
    # `windowed`: its table model then counts the rows and fetches windows of ids as they
    # scroll into view (`count`, `window`, `position`) instead of reading every id first.
    windowed: bool = False

    def columns(self) -> list[ListColumn]:
        raise NotImplementedError

    def base(self) -> Select[Any]:
        """The select of ids with the joins the columns need (override to join)."""
        return select(self.model.id)

    def filters(self) -> Mapping[str, Callable[[Select[Any], Any], Select[Any]]]:
        return {}

    def where(self, statement: Select[Any], query: ListQuery) -> Select[Any]:
        words = query.search.split()
        for word in words:
            pattern = f"%{_escape_like(word)}%"
            statement = statement.where(
                or_(*(column.ilike(pattern, escape="\\") for column in self.search_in))
            )
        available = self.filters()
        for key, value in query.filters.items():
            if value not in (None, "") and key in available:
                statement = available[key](statement, value)
        return statement

    def order(self, query: ListQuery) -> list[Any]:
        """The ORDER BY of the list: the chosen column (blanks last, as in Excel), then id."""
        columns = {column.key: column for column in self.columns()}
        sort_key = query.sort_key if query.sort_key in columns else self.default_sort
        clauses = []
        if sort_key is not None:
            column = columns[sort_key]
            expression = column.expression if column.sort is None else column.sort
            ordered = expression.desc() if query.descending else expression.asc()
            # NULLS LAST only where there can be NULLs: PostgreSQL sorts DESC NULLS FIRST
            # by default, so the clause would keep it from walking a NOT NULL column's
            # index backwards and sort every row for the first window instead. A column
            # of a joined table can be NULL (an outer join) whatever its own rule.
            own = getattr(expression, "table", None) is self.model.__table__
            nullable = not own or getattr(expression, "nullable", True)
            clauses.append(ordered.nulls_last() if nullable else ordered)
        clauses.append(self.model.id.desc() if query.descending else self.model.id)
        return clauses

    def ordered(self, query: ListQuery) -> Select[Any]:
        """The select of matching ids in display order (ties broken by id, stable)."""
        return self.where(self.base(), query).order_by(*self.order(query))

    def ids(self, session: Session, query: ListQuery) -> list[int]:
        """Ids of the matching rows in display order (ties broken by id, stable)."""
        return list(session.scalars(self.ordered(query)))

    def count(self, session: Session, query: ListQuery) -> int:
        statement = self.where(self.base(), query)
        return session.scalar(select(func.count()).select_from(statement.subquery())) or 0

    def window(self, session: Session, query: ListQuery, offset: int, limit: int) -> list[int]:
        """Ids of rows `offset` … `offset + limit - 1` in display order."""
        return list(session.scalars(self.ordered(query).offset(offset).limit(limit)))

    def position(self, session: Session, query: ListQuery, record_id: int) -> int | None:
        """Where a record stands in display order (None when the query does not show it)."""
        numbered = (
            self.where(self.base(), query)
            .with_only_columns(
                self.model.id, func.row_number().over(order_by=self.order(query)).label("place")
            )
            .subquery()
        )
        place = session.scalar(select(numbered.c.place).where(numbered.c.id == record_id))
        return None if place is None else int(place) - 1

    def rows(self, session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        """Display values of the given rows, keyed by id."""
        if not ids:
            return {}
        columns = self.columns()
        statement = (
            self.base()
            .with_only_columns(self.model.id, *(column.expression for column in columns))
            .where(self.model.id.in_(list(ids)))
        )
        return {
            row[0]: tuple(
                column.format(value) for column, value in zip(columns, row[1:], strict=True)
            )
            for row in session.execute(statement)
        }

    def table(self, session: Session, query: ListQuery) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Headers and every matching row in order (a small list, all in memory)."""
        columns = self.columns()
        return [column.label() for column in columns], list(self.stream(session, query, columns))

    def stream(
        self,
        session: Session,
        query: ListQuery,
        columns: Sequence[ListColumn] | None = None,
        *,
        full: bool = False,
        batch: int = 1000,
    ) -> Iterator[tuple[Any, ...]]:
        """Every matching row in display order, values of `columns` (all by default),
        read by one query a batch at a time: what an export writes, in constant memory
        however long the list. `full` shows masked values (ID numbers) in full."""
        if type(self).rows is not Listing.rows:  # values worded in Python, a block at a time
            yield from self._stream_worded(session, query, columns)
            return
        columns = list(self.columns() if columns is None else columns)
        formats = [
            (column.unmasked or column.format) if full else column.format for column in columns
        ]
        statement = self.ordered(query).with_only_columns(
            *(column.expression for column in columns)
        )
        for row in session.execute(statement.execution_options(yield_per=batch)):
            yield tuple(fmt(value) for fmt, value in zip(formats, row, strict=True))

    def _stream_worded(
        self, session: Session, query: ListQuery, columns: Sequence[ListColumn] | None
    ) -> Iterator[tuple[Any, ...]]:
        keys = [column.key for column in self.columns()]
        wanted = [keys.index(column.key) for column in columns] if columns is not None else None
        ids = self.ids(session, query)
        for start in range(0, len(ids), 500):  # stay under SQLite's variable limit
            block = ids[start : start + 500]
            rows = self.rows(session, block)
            for record_id in block:
                row = rows[record_id]
                yield row if wanted is None else tuple(row[index] for index in wanted)


def walked(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """`condition`, checked row by row while SQLite walks a better index (a CASE hides
    it from the planner).

    Without statistics SQLite's planner believes any indexed condition is selective:
    for a long list it would read the rows through the all-NULL deleted_at index (or
    every entry of a field's metrics, every dated entry through the period index) and
    sort them all before the first window, where walking the date index newest first
    finds a window's rows at once. Selective conditions (a person, a metric, a quarter)
    stay plain so their indexes serve them.
    """
    return case((condition, 1), else_=0) == 1


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_pattern(word: str) -> str:
    """`%word%` with LIKE's wildcards escaped (use with `escape="\\"`), for lists that
    search in their own way."""
    return f"%{_escape_like(word)}%"


def labelled_column(model: type[Record], key: str, **options: Any) -> ListColumn:
    """A column headed by the model's own label for `key` (one name for a field everywhere)."""
    return ListColumn(key, lambda: label_of(model, key), getattr(model, key), **options)


def next_sort_order(session: Session, model: Any) -> int:
    """Where a new catalog entry goes by default: after every existing one."""
    return (session.scalar(select(func.max(model.sort_order))) or 0) + 1
