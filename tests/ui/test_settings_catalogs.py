"""Settings → Services and Metrics: add, refuse bad input, retire on a day, refused delete,
yearly targets; a deleted service comes back from the bin into the list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.db.models import AuditEntry, MetricTarget, ServiceType
from tests.ui.conftest import ScriptedDialogs
from tests.ui.widget_helpers import (
    click,
    click_row,
    retype,
    settings_tab,
    texts,
    type_text,
    wait_for_writes,
)
from ui.dialogs.record_form import RecordForm
from ui.main_window import MainWindow


def stored_services(window: MainWindow) -> dict[str, date | None]:
    """Each service's retirement day (None while offered)."""
    with window.context.ledger.session() as session:
        rows = session.execute(select(ServiceType.name, ServiceType.retired_on))
        return {name: retired_on for name, retired_on in rows}


def test_a_new_service_is_typed_in_saved_and_listed(window: MainWindow, qtbot: QtBot) -> None:
    services = settings_tab(window, "services")
    assert len(texts(services.list, "name")) == 10
    click(qtbot, services.editing.new_button)
    form = services.editing.form
    assert form is not None and form.isVisible() and not form.save_button.isEnabled()
    type_text(qtbot, form.editors["name"], "法律咨询")
    qtbot.keyClick(form.editors["rule"], Qt.Key.Key_End)  # the last rule: on demand
    assert form.editors["sort_order"].value() == 11  # after the seeded ten
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert texts(services.list, "name")[-1] == "法律咨询"
    assert services.list.selected_text("rule") == "按需"  # the new row is chosen
    assert "法律咨询" in stored_services(window) and stored_services(window)["法律咨询"] is None


def test_an_empty_name_shows_a_message_and_writes_nothing(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    services = settings_tab(window, "services")
    click_row(qtbot, services.list, "人才公寓", "name")
    view = services.list.view
    row_center = view.visualRect(view.currentIndex()).center()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row_center)
    forms = [form for form in services.findChildren(RecordForm) if form.isVisible()]
    assert len(forms) == 1  # a double-click opens the form once
    form = services.editing.form
    assert form is forms[0]
    assert form.windowTitle() == "修改服务项目"
    retype(qtbot, form.editors["name"], "")
    assert form.errors["name"].isVisible() and form.errors["name"].text() == "必填"
    assert not form.save_button.isEnabled()
    qtbot.keyClick(form.editors["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with window.context.ledger.session() as session:
        assert session.scalar(select(AuditEntry.id)) is None  # nothing written
    assert "人才公寓" in stored_services(window)

    qtbot.keyClick(form, Qt.Key.Key_Escape)  # edits were made: ask first (answer: no)
    assert form.isVisible() and dialogs.asked == ["关闭表单并放弃所做的修改吗？"]
    dialogs.confirm.append(True)
    with qtbot.waitSignal(form.rejected):
        qtbot.keyClick(form, Qt.Key.Key_Escape)


def test_retiring_on_a_day_and_a_delete_refused_while_in_use(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    services = settings_tab(demo_window, "services")
    assert not services.active_button.isVisible()  # services are retired, not switched off
    click_row(qtbot, services.list, "暖心食堂", "name")
    assert services.retire_button.text() == "停用…"
    click(qtbot, services.retire_button)
    form = services.retire_form
    assert form.isVisible() and form.editors["retired_on"].text() == date.today().isoformat()
    retype(qtbot, form.editors["retired_on"], "2024-07-01")
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    wait_for_writes(qtbot, demo_window.context)
    assert stored_services(demo_window)["暖心食堂"] == date(2024, 7, 1)
    assert services.list.selected_text("retired_on") == "2024-07-01"
    assert not services.retire_button.isEnabled()  # already retired

    click_row(qtbot, services.list, "人才公寓", "name")
    dialogs.confirm.append(True)
    click(qtbot, services.editing.delete_button)
    wait_for_writes(qtbot, demo_window.context)
    assert dialogs.asked[-1].startswith("将“人才公寓”移入回收站吗？")
    assert len(dialogs.errors) == 1 and "条服务记录（可改为设置停用日期）" in dialogs.errors[0]
    assert "人才公寓" in texts(services.list, "name")


def test_an_unused_service_goes_to_the_bin_and_comes_back_into_the_list(
    window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    services = settings_tab(window, "services")
    click_row(qtbot, services.list, "公交乘车卡", "name")
    dialogs.confirm.append(True)
    qtbot.keyClick(services.list.view, Qt.Key.Key_Delete)
    wait_for_writes(qtbot, window.context)
    assert "公交乘车卡" not in texts(services.list, "name") and dialogs.errors == []

    recycle_bin = settings_tab(window, "recycle_bin")
    recycle_bin.show_kind("service_type")
    assert recycle_bin.kind_combo.currentText() == "服务项目（1）"
    click_row(qtbot, recycle_bin.list, "公交乘车卡")
    click(qtbot, recycle_bin.restore_button)
    wait_for_writes(qtbot, window.context)
    assert texts(recycle_bin.list) == [] and recycle_bin.kind_combo.currentText() == "服务项目"
    assert "公交乘车卡" in texts(settings_tab(window, "services").list, "name")


def test_yearly_targets_follow_the_chosen_metric(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    metrics = settings_tab(demo_window, "metrics")
    targets = metrics.side
    assert not targets.editing.new_button.isEnabled() and targets.empty_note.isVisible()
    click_row(qtbot, metrics.list, "门急诊诊疗", "name")
    assert (
        texts(targets.list) == ["2024"]
        and targets.list.title_label.text() == "年度目标：门急诊诊疗"
    )

    click(qtbot, targets.editing.new_button)
    form = targets.editing.form
    retype(qtbot, form.editors["year"], "2024")
    type_text(qtbot, form.editors["target_value"], "9000")
    assert "门急诊诊疗已有 2024 年度目标" in form.errors["year"].text()
    assert not form.save_button.isEnabled()
    retype(qtbot, form.editors["year"], "2025")
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert texts(targets.list) == ["2024", "2025"]
    assert texts(targets.list, "target_value") == ["8000", "9000"]

    click_row(qtbot, metrics.list, "手术", "name")
    assert texts(targets.list) == ["2024"]
    with demo_window.context.ledger.session() as session:
        assert session.query(MetricTarget).count() == 4

    click_row(qtbot, targets.list, "2024")
    dialogs.confirm.append(True)
    click(qtbot, targets.editing.delete_button)  # a target has no bin: asked, then gone
    wait_for_writes(qtbot, demo_window.context)
    assert dialogs.asked == ["删除“手术 2024”吗？此操作无法撤销。"]
    assert texts(targets.list) == []


def test_a_rule_change_is_confirmed_first(
    demo_window: MainWindow, qtbot: QtBot, dialogs: ScriptedDialogs
) -> None:
    services = settings_tab(demo_window, "services")
    click_row(qtbot, services.list, "谈心谈话走访", "name")
    click(qtbot, services.editing.edit_button)
    form = services.editing.form
    rule = form.editors["rule"]
    rule.setCurrentIndex(rule.findText("每月"))
    dialogs.confirm.append(False)
    click(qtbot, form.save_button)
    wait_for_writes(qtbot, demo_window.context)
    assert dialogs.asked[-1].startswith(
        "周期：周期由“每季度”改为“每月”：所有季度的覆盖率、覆盖矩阵和提醒都将按新周期计算"
    )
    assert form.isVisible() and services.list.selected_text("rule") == "每季度"
    dialogs.confirm.append(True)
    with qtbot.waitSignal(form.saved):
        click(qtbot, form.save_button)
    assert services.list.selected_text("rule") == "每月"
