"""工作成效 → Batch entry (成效录入): one period's table for one team or field.

Clerks collect monthly tables of figures from each team; here they type or paste
them (from Excel or WPS) as fast as in a spreadsheet. The period's stored figures
load for correction; Save writes every changed cell through one command
(`app.outcomes.grid.save_period_values`) and says what was new, changed or cleared.
Nothing is saved while a cell is marked bad; a refused or failed save keeps every
typed cell. Leaving with unsaved cells (another period, team, tab or page) asks.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.db.vocabulary import Field
from app.errors import LedgerError, NeedsConfirmation, ValidationError
from app.outcomes.grid import GridSaved, save_period_values
from app.outcomes.grid_data import period_grid
from app.periods import Month, Period, Quarter, parse_period
from app.records.permissions import Permission
from app.records.work import Changes, Done
from app.roster.lists import team_choices
from ui.context import LedgerContext
from ui.dialogs import ask
from ui.dialogs.outcome_form import OutcomeForm
from ui.grid_model import OutcomeGridModel
from ui.widgets.outcome_grid import GridView
from ui.widgets.quarter_combo import quarter_text

MONTHS_BACK, QUARTERS_BACK = 24, 8
WATCHED = frozenset({"outcome_entry", "staff", "team", "metric", "quarter_close"})


class GridTab(QWidget):
    def __init__(self, context: LedgerContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.saving = False
        self.form: OutcomeForm | None = None
        self._confirmed: frozenset[str] = frozenset()
        self._shown: tuple[str, str] | None = None  # (period, scope) on screen
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        bar = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Month"), "month")
        self.kind.addItem(self.tr("Quarter"), "quarter")
        self.period = QComboBox()
        self.period.setMinimumWidth(140)
        self.scope = QComboBox()
        self.scope.setMinimumWidth(200)
        bar.addWidget(QLabel(self.tr("Period")))
        bar.addWidget(self.kind)
        bar.addWidget(self.period)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Team or field")))
        bar.addWidget(self.scope)
        bar.addStretch(1)
        self.highlight_button = QPushButton(self.tr("Highlight for this row…"))
        self.highlight_button.setToolTip(
            self.tr("A narrative highlight (亮点) of the chosen row's person or team")
        )
        self.highlight_button.clicked.connect(self.new_highlight)
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.discard_button.clicked.connect(self.discard)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        bar.addWidget(self.highlight_button)
        bar.addWidget(self.discard_button)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)

        self.hint = QLabel(
            self.tr(
                "Type, or paste a table copied from Excel or WPS (Ctrl+V). Enter moves down, "
                "Tab moves right, Delete clears, Ctrl+Z undoes. Yellow: changed, not saved; "
                "red: not a number Save accepts. Grey notes show what monthly tables or "
                "ledger entries already hold."
            )
        )
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.notice = QLabel()
        self.notice.setObjectName("formNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)

        self.model = OutcomeGridModel()
        self.model.setParent(self)
        self.view = GridView()
        self.view.setModel(self.model)
        self.view.paste_refused.connect(self._say)
        layout.addWidget(self.view, 1)
        self.empty = QLabel(self.tr("No staff on duty in this period for this choice."))
        self.empty.setObjectName("hint")
        self.empty.hide()
        layout.addWidget(self.empty)

        self.model.dirty_changed.connect(self._update_buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.kind.currentIndexChanged.connect(lambda _index: self._fill_periods())
        self.period.currentIndexChanged.connect(lambda _index: self._choice_changed())
        self.scope.currentIndexChanged.connect(lambda _index: self._choice_changed())
        context.bus.changed.connect(self._on_changed)
        self._fill_scopes()
        self._fill_periods()

    def showEvent(self, event: QShowEvent) -> None:
        """The grid is read when first shown (the page opens on the ledger)."""
        super().showEvent(event)
        if self._shown is None:
            self.load()

    # ----------------------------------------------------------------- choices
    def _fill_periods(self, *, then_show: bool = True) -> None:
        today = clock.today()
        self.period.blockSignals(True)
        self.period.clear()
        if self.kind.currentData() == "quarter":
            for quarter in reversed(Quarter.containing(today).back(QUARTERS_BACK)):
                self.period.addItem(self._period_label(quarter), str(quarter))
        else:
            month = Month.containing(today)
            for _ in range(MONTHS_BACK):
                self.period.addItem(self._period_label(month), str(month))
                month = _previous(month)
            self.period.setCurrentIndex(1)  # last month's table, what clerks collect
        self.period.blockSignals(False)
        if then_show:
            self._choice_changed()

    def _period_label(self, period: Period) -> str:
        if isinstance(period, Quarter):
            return quarter_text(period)
        return self.tr("{year}-{month:02d}").format(year=period.year, month=period.number)

    def _fill_scopes(self) -> None:
        keep = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        for team_id, name in self.context.read(team_choices):
            self.scope.addItem(name, f"team:{team_id}")
        if self.scope.count():
            self.scope.insertSeparator(self.scope.count())
        for field in Field:
            self.scope.addItem(
                self.tr("All of {field}").format(field=field.label()), f"field:{field.value}"
            )
        self.scope.setCurrentIndex(max(self.scope.findData(keep), 0) if keep else 0)
        self.scope.blockSignals(False)

    def choose(
        self, period: Period | str, *, team_id: int | None = None, field: str | None = None
    ) -> None:
        """Show one period's grid (what a clerk does with the drop-downs)."""
        period = parse_period(period) if isinstance(period, str) else period
        kind = self.kind.findData("quarter" if isinstance(period, Quarter) else "month")
        if kind != self.kind.currentIndex():
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(kind)
            self.kind.blockSignals(False)
            self._fill_periods(then_show=False)
        index = self.period.findData(str(period))
        if index < 0:  # older than the drop-down offers
            self.period.addItem(self._period_label(period), str(period))
            index = self.period.count() - 1
        scope = f"team:{team_id}" if team_id is not None else f"field:{field}"
        self.scope.blockSignals(True)
        self.scope.setCurrentIndex(self.scope.findData(scope))
        self.scope.blockSignals(False)
        self.period.blockSignals(True)
        self.period.setCurrentIndex(index)
        self.period.blockSignals(False)
        self._choice_changed(explicit=True)

    def current_period(self) -> Period | None:
        data = self.period.currentData()
        return parse_period(data) if data else None

    def _choice_changed(self, *, explicit: bool = False) -> None:
        wanted = (self.period.currentData() or "", self.scope.currentData() or "")
        hidden = self._shown is None and not self.isVisible() and not explicit
        if wanted == self._shown or hidden:
            return  # nothing new, or not shown yet (`showEvent` loads it)
        if not self.can_leave():
            self._restore_choice()
            return
        self.load()

    def _restore_choice(self) -> None:
        assert self._shown is not None
        for combo, value in ((self.period, self._shown[0]), (self.scope, self._shown[1])):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)

    # ----------------------------------------------------------------- loading
    def load(self, *, keep_typed: bool = False) -> None:
        period = self.current_period()
        scope = self.scope.currentData() or ""
        if period is None or not scope:
            self.model.set_grid(None)
            return
        kind, _, value = scope.partition(":")
        options = {"team_id": int(value)} if kind == "team" else {"field": value}
        grid = self.context.read(period_grid, period, **options)
        self.model.set_grid(grid, keep_typed=keep_typed)
        self._shown = (str(period), scope)
        self.empty.setVisible(not grid.rows)
        if grid.closed:
            self._say(grid.closed)
        elif not keep_typed:
            self.notice.hide()
        if not self.view.currentIndex().isValid() and grid.rows and grid.columns:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._update_buttons()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches({"team"}):
            self._fill_scopes()
        if changes.touches(WATCHED) and not self.saving and not self.model.changed_cells():
            self.load()

    # ----------------------------------------------------------------- saving
    def is_dirty(self) -> bool:
        return bool(self.model.changed_cells())

    def _update_buttons(self) -> None:
        changed, bad = self.model.changed_cells(), self.model.bad_cells()
        writable = self.context.can(Permission.ENTER) and not self.model.read_only
        self.save_button.setEnabled(writable and bool(changed) and not bad and not self.saving)
        self.discard_button.setEnabled(bool(changed) and not self.saving)
        self.highlight_button.setEnabled(writable and self.model.rowCount() > 0)
        if bad:
            self.save_button.setToolTip(
                self.tr("{count} cells are marked red; correct them to save.").format(
                    count=len(bad)
                )
            )
        else:
            self.save_button.setToolTip(self.tr("Save every changed cell (Ctrl+S)"))

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        period = self.current_period()
        assert period is not None
        self.saving = True
        self.save_button.setText(self.tr("Saving…"))
        self._update_buttons()
        command = partial(save_period_values, period=period, cells=self.model.cells())
        op = self.context.write(command, confirmed=self._confirmed, parent=self)
        op.done.connect(self._saved)
        op.failed.connect(self._refused)
        op.confirm.connect(self._confirm)

    def _end_saving(self) -> None:
        self.saving = False
        self.save_button.setText(self.tr("Save"))
        self._update_buttons()

    def _saved(self, done: Done[GridSaved]) -> None:
        self._end_saving()
        self._confirmed = frozenset()
        report = done.value
        self.load()
        self._say(
            self.tr("Saved: {new} new, {changed} changed, {cleared} cleared.").format(
                new=report.created, changed=report.changed, cleared=report.cleared
            )
        )

    def _refused(self, error: LedgerError) -> None:
        """Keep every typed cell; mark the cells named, say the rest above the grid."""
        self._end_saving()
        if isinstance(error, ValidationError):
            loose = self.model.mark_refused(error)
            self._say("\n".join([self.tr("Nothing was saved; correct the red cells."), *loose]))
        else:
            self._say(self.tr("Nothing was saved: {reason}").format(reason=error))
        self._update_buttons()

    def _confirm(self, needs: NeedsConfirmation) -> None:
        self._end_saving()
        question = "\n".join(needs.lines()) + "\n\n" + self.tr("Save anyway?")
        if ask.confirm(self, self.tr("Please confirm"), question):
            self._confirmed = self._confirmed | needs.codes()
            self.save()

    def discard(self) -> None:
        if self.is_dirty() and ask.confirm(
            self, self.tr("Discard changes"), self.tr("Throw away every changed cell?")
        ):
            self.load()

    def can_leave(self) -> bool:
        """Ask before unsaved cells are left behind; True when it is fine to go."""
        count = len(self.model.changed_cells())
        if not count:
            return True
        if ask.confirm(
            self,
            self.tr("Unsaved figures"),
            self.tr("{count} changed cells are not saved. Leave and throw them away?").format(
                count=count
            ),
        ):
            self.model.set_grid(self.model.grid)
            return True
        return False

    # ----------------------------------------------------------------- highlights
    def new_highlight(self) -> None:
        grid, current = self.model.grid, self.view.currentIndex()
        if grid is None or not current.isValid():
            return
        row = grid.rows[current.row()]
        defaults = {
            "staff_id": row.staff_id,
            "team_id": row.team_id,
            "date": min(grid.period.end, clock.today()),
            "is_highlight": True,
        }
        self.form = OutcomeForm(self.context, None, self, defaults=defaults)
        self.form.finished.connect(self.form.deleteLater)
        self.form.open()

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))


def _previous(month: Month) -> Month:
    return Month(month.year - 1, 12) if month.number == 1 else Month(month.year, month.number - 1)
