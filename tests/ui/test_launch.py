"""Starting the GUI with `--db`: a file in a missing folder is made only when asked
(the `application` fixture installs the zh_CN translators, as a clerk sees it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from tests.ui.conftest import ScriptedDialogs
from ui.launch import may_create_there


def test_a_missing_folder_is_asked_about_and_a_no_creates_nothing(
    application: object, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "typo" / "ledger.db"
    dialogs.confirm.append(False)
    assert not may_create_there(str(target), QMainWindow())
    assert "typo" in dialogs.asked[0] and "不存在" in dialogs.asked[0]
    assert not target.parent.exists()


def test_a_yes_goes_on_and_an_existing_folder_or_the_default_asks_nothing(
    application: object, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialogs.confirm.append(True)
    assert may_create_there(str(tmp_path / "new" / "ledger.db"), QMainWindow())
    assert may_create_there(str(tmp_path / "ledger.db"), QMainWindow())
    assert may_create_there(None, QMainWindow())
    assert may_create_there("postgresql://clerk@localhost/county", QMainWindow())
    assert len(dialogs.asked) == 1
