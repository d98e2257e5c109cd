"""The form of one unit: a sending unit (派出单位) or a receiving unit (受援单位)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.db.vocabulary import Field, UnitKind
from app.roster.units import UNIT
from ui.context import LedgerContext
from ui.dialogs.record_form import RecordForm
from ui.widgets.editors import vocabulary_combo


class UnitForm(RecordForm):
    def __init__(
        self,
        context: LedgerContext,
        record_id: int | None = None,
        parent: QWidget | None = None,
        *,
        kind: UnitKind = UnitKind.SENDING,
    ) -> None:
        """`kind` is the default of a new unit (the staff form knows which one it needs)."""
        super().__init__(context, UNIT, record_id, defaults={"kind": kind}, parent=parent)
        self.setWindowTitle(self.tr("New unit") if record_id is None else self.tr("Edit unit"))
        self.add_field("name", QLineEdit())
        self.add_field("kind", vocabulary_combo(UnitKind))
        self.add_field(
            "region", QLineEdit(), hint=self.tr("e.g. 北京市丰台区 or 内蒙古兴安盟扎赉特旗")
        )
        self.add_field("field", vocabulary_combo(Field, blank=True))
        self.finish()
