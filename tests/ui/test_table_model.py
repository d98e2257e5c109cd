"""The lazy table model: ids from SQL, rows fetched in blocks, refreshed by the bus."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import Select

from app.db.listing import ListColumn, Listing, ListQuery
from app.db.models import Unit
from app.i18n import translate
from app.records import commands
from app.records.work import Changes
from app.roster.units import UNIT
from tests.app.helpers import run
from ui.context import LedgerContext
from ui.record_view import make_record_table
from ui.table_models import RecordTableModel


class UnitNames(Listing):
    model = Unit
    entities = frozenset({"unit"})
    search_in = (Unit.name, Unit.region)
    default_sort = "name"

    def columns(self) -> list[ListColumn]:
        return [
            ListColumn("name", lambda: translate("Unit", "Name"), Unit.name),
            ListColumn("kind", lambda: translate("Unit", "Kind"), Unit.kind),
        ]

    def base(self) -> Select[Any]:
        return super().base().where(Unit.deleted_at.is_(None))

    def filters(self) -> dict[str, Any]:
        return {"kind": lambda statement, value: statement.where(Unit.kind == value)}


def test_model_lists_searches_filters_sorts_and_refreshes(demo_ledger: Any, qtbot: Any) -> None:
    context = LedgerContext(demo_ledger)
    model = RecordTableModel(context, UnitNames())
    view = make_record_table(model)
    qtbot.addWidget(view)
    assert model.rowCount() == 10
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    names = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert names == sorted(names)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == names[-1]
    model.set_query(ListQuery(search="扎赉特旗 医院"))
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["扎赉特旗人民医院"]
    model.set_query(ListQuery(filters={"kind": "sending"}))
    assert model.rowCount() == 5 and model.data(model.index(0, 1)) == "Sending unit"
    with context.ledger.session() as session:
        run(session, commands.create, UNIT, {"name": "北京市第八中学", "kind": "sending"})
    context.bus.announce(Changes.of("unit"))
    assert model.rowCount() == 6
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == model.record_id(0)
    assert model.data(model.index(99, 0)) is None


def test_search_text_is_not_a_pattern(demo_ledger: Any) -> None:
    context = LedgerContext(demo_ledger)
    assert context.read(UnitNames().ids, ListQuery(search="%")) == []
    assert context.read(UnitNames().ids, ListQuery(search="_")) == []


def test_a_windowed_model_reads_only_the_pages_it_shows(demo_ledger: Any, qtbot: Any) -> None:
    """The demo's 774 provisions in pages of 200: the same rows, in the same order, as the
    full list, without ever asking for every id until a record must be found."""
    from app.services.lists import ProvisionList
    from ui.windowed_table_model import WINDOW, WindowedTableModel

    context = LedgerContext(demo_ledger)
    listing = ProvisionList()
    asked: list[tuple[int, int]] = []
    window = listing.window

    def counting(session: Any, query: ListQuery, offset: int, limit: int) -> list[int]:
        asked.append((offset, limit))
        return window(session, query, offset, limit)

    listing.window = counting  # type: ignore[method-assign]
    assert WINDOW == 200
    model = WindowedTableModel(context, listing)
    qtbot.addWidget(make_record_table(model))
    everything = context.read(listing.ids, model.query)
    assert model.rowCount() == len(everything) == 774 and asked == []  # a count only
    assert model.record_id(0) == everything[0] and asked == [(0, 200)]
    assert (
        model.data(model.index(450, 0))
        == context.read(listing.rows, [everything[450]])[everything[450]][0].isoformat()
    )
    assert asked == [(0, 200), (400, 200)]  # page 2, not page 1
    assert model.row_of(everything[401]) == 401 and model.row_of(everything[700]) == 700
    model.sort(4, Qt.SortOrder.DescendingOrder)  # by service, in SQL
    ordered = context.read(listing.ids, model.query)
    assert [model.record_id(row) for row in (0, 199, 200, 773)] == [
        ordered[0],
        ordered[199],
        ordered[200],
        ordered[773],
    ]
