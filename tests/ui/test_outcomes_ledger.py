"""工作成效 → Ledger and Mentorships on the demo ledger; the staff file's outcome totals;
a metric's aggregation changed in Settings."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.db.models import Mentorship, Metric, OutcomeEntry
from app.db.vocabulary import Aggregation
from app.periods import Quarter
from app.reports.summary import highlights
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import (
    click,
    click_row,
    settings_tab,
    texts,
    type_text,
    wait_for_writes,
)
from ui.main_window import MainWindow
from ui.pages.outcomes.page import OutcomesPage
from ui.pages.roster.staff_page import StaffPage


def outcomes_page(window: MainWindow) -> OutcomesPage:
    page = window.go_to("outcomes")
    assert isinstance(page, OutcomesPage)
    return page


def totals_shown(page: OutcomesPage, qtbot: QtBot) -> dict[str, str]:
    table = page.ledger.totals
    qtbot.waitUntil(lambda: "…" not in page.ledger.totals_title.text())
    return {
        table.item(row, 0).text().split(" · ")[-1]: table.item(row, 1).text()
        for row in range(table.rowCount())
    }


def choose(combo: object, text: str) -> None:
    index = combo.findText(text)  # type: ignore[attr-defined]
    assert index >= 0, text
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]


def test_filters_and_totals_follow_what_is_shown(demo_window: MainWindow, qtbot: QtBot) -> None:
    page = outcomes_page(demo_window)
    ledger = page.ledger
    with demo_window.context.ledger.session() as session:
        total = session.scalar(
            select(func.count()).select_from(OutcomeEntry).where(OutcomeEntry.deleted_at.is_(None))
        )
        q3_surgeries = session.scalar(
            select(func.sum(OutcomeEntry.value))
            .join(Metric, Metric.id == OutcomeEntry.metric_id)
            .where(
                Metric.name == "手术",
                OutcomeEntry.deleted_at.is_(None),
                OutcomeEntry.date.between("2024-07-01", "2024-09-30"),
            )
        )
        latest_yield = session.scalar(
            select(OutcomeEntry.value)
            .join(Metric, Metric.id == OutcomeEntry.metric_id)
            .where(Metric.name == "亩产", OutcomeEntry.deleted_at.is_(None))
            .order_by(OutcomeEntry.date.desc(), OutcomeEntry.id.desc())
            .limit(1)
        )
    assert ledger.list.count_label.text() == f"共 {total} 条"
    assert texts(ledger.list, "date", first=1) == ["2024-12-31"]  # newest first
    assert totals_shown(page, qtbot)["亩产（最新值）"] == f"{Decimal(latest_yield).normalize():f}"
    choose(ledger.period, "2024年第3季度")
    assert set(texts(ledger.list, "date")) <= {
        f"2024-0{m}-{d:02d}" for m in (7, 8, 9) for d in range(1, 32)
    }
    choose(ledger.filters["metric_id"], "医疗 · 手术")
    assert set(texts(ledger.list, "metric")) == {"手术"}
    assert totals_shown(page, qtbot) == {"手术": f"{Decimal(q3_surgeries).normalize():f}"}
    click(qtbot, ledger.clear_button)
    assert ledger.list.model.rowCount() == total
    ledger.highlights.setChecked(True)
    assert set(texts(ledger.list, "is_highlight")) == {"✓"}
    type_text(qtbot, ledger.search, "空白")
    assert all("空白" in text for text in texts(ledger.list, "description"))


def test_a_highlight_is_entered_in_the_ledger_and_reaches_the_summary(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = outcomes_page(demo_window)
    before = len(demo_window.context.read(highlights, Quarter(2024, 4)))
    click(qtbot, page.ledger.highlight_button)
    form = page.ledger.editing.form
    assert form is not None and form.isVisible()
    assert form.windowTitle() == "新增亮点" and form.editors["is_highlight"].isChecked()
    type_text(qtbot, form.editors["date"], "2024-11-05")
    choose(form.editors["team_id"], "医疗帮扶队")
    type_text(qtbot, form.editors["description"], "填补扎赉特旗输尿管软镜下钬激光碎石取石术空白")
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    found = demo_window.context.read(highlights, Quarter(2024, 4))
    assert len(found) == before + 1
    assert any(h.staff == "医疗帮扶队" and "钬激光" in h.text for h in found)
    assert page.ledger.list.selected_text("team") == "医疗帮扶队"
    assert page.ledger.list.selected_text("staff") == ""  # a team's own entry


def test_a_mentorship_is_added_and_listed(demo_window: MainWindow, qtbot: QtBot) -> None:
    page = outcomes_page(demo_window)
    tab = page.show_tab("mentorships")
    rows = tab.list.model.rowCount()  # type: ignore[attr-defined]
    click(qtbot, tab.editing.new_button)  # type: ignore[attr-defined]
    form = tab.editing.form  # type: ignore[attr-defined]
    choose(form.editors["mentor_id"], "徐兴健")
    type_text(qtbot, form.editors["mentee_name"], "包乌日娜")
    type_text(qtbot, form.editors["mentee_unit"], "扎赉特旗农牧局")
    type_text(qtbot, form.editors["start_date"], "2024-10-10")
    type_text(qtbot, form.editors["goal"], "掌握大豆密植栽培技术")
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert tab.list.model.rowCount() == rows + 1  # type: ignore[attr-defined]
    assert tab.list.selected_text("mentee_name") == "包乌日娜"  # type: ignore[attr-defined]
    with demo_window.context.ledger.session() as session:
        assert session.scalar(select(Mentorship.goal).where(Mentorship.mentee_name == "包乌日娜"))


def test_the_staff_file_shows_outcome_totals_own_and_the_teams(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = demo_window.go_to("staff")
    assert isinstance(page, StaffPage)
    click_row(qtbot, page.list, "徐兴健")
    table = page.detail.totals
    rows = [
        tuple(table.item(row, column).text() for column in range(4))
        for row in range(table.rowCount())
    ]
    assert any(whose == "本人" for *_line, whose in rows)
    assert any(whose == "团队：科技特派团" for *_line, whose in rows)
    assert any(metric == "亩产（最新值）" for metric, *_rest in rows)  # a level, not a sum
    with demo_window.context.ledger.session() as session:
        own = session.scalar(
            select(func.sum(OutcomeEntry.value))
            .join(Metric, Metric.id == OutcomeEntry.metric_id)
            .where(
                Metric.name == "农牧民培训",
                OutcomeEntry.staff_id == page.list.selected_id(),
                OutcomeEntry.deleted_at.is_(None),
            )
        )
    assert ("农牧民培训", f"{Decimal(own).normalize():f}", "人次", "本人") in rows


def aggregation_of(window: MainWindow, name: str) -> Aggregation:
    with window.context.ledger.session() as session:
        return session.scalars(select(Metric.aggregation).where(Metric.name == name)).one()


def test_changing_a_metrics_aggregation_asks_first(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    metrics = settings_tab(demo_window, "metrics")
    click_row(qtbot, metrics.list, "会诊", "name")
    qtbot.keyClick(metrics.list.view, Qt.Key.Key_Return)
    form = metrics.editing.form
    assert form is not None
    choose(form.editors["aggregation"], "取最新值")
    dialogs.confirm.append(False)
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: len(dialogs.asked) == 1)
    assert "它的 130 条记录今后在所有汇总中将按“取最新值”计入" in dialogs.asked[0]
    wait_for_writes(qtbot, demo_window.context)
    assert form.isVisible()  # a No keeps the form and writes nothing
    assert aggregation_of(demo_window, "会诊") == Aggregation.SUM
    dialogs.confirm.append(True)
    click(qtbot, form.save_button)
    qtbot.waitUntil(lambda: aggregation_of(demo_window, "会诊") == Aggregation.LATEST)
    assert len(dialogs.asked) == 2
