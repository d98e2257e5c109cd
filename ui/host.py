"""The small interfaces pages get instead of the main window.

A page can go to another page and show a status line (`PageHost`), and reach the
few application actions it offers as buttons (`Shell`): nothing else of the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget


class Shell(Protocol):
    """What the window asks of the application: switching database files or users,
    and rebuilding itself in another language once Settings has stored the choice."""

    def open_database(
        self, path: Path | str, *, password: Callable[[], str | None] | None = None
    ) -> object: ...
    def new_database(self, path: Path) -> None: ...
    def open_demo(self) -> None: ...
    def recent_files(self) -> list[Path]: ...
    def change_language(self, language: str) -> None: ...
    def restore_backup(self, backup: Path) -> None: ...
    def switch_user(self) -> None: ...


class PageHost(Protocol):
    """What a page may ask of the window around it."""

    @property
    def shell(self) -> Shell: ...

    def go_to(self, key: str) -> QWidget:
        """Show the page `key` (built on first use) and return it."""
        ...

    def show_status(self, text: str) -> None:
        """A short message in the status bar (what was just saved, exported, …)."""
        ...
