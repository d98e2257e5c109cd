"""The main window: left navigation over the six screens of DESIGN.md §6.

Menus and the toolbar act on the current page through a few optional page methods
(`new_record`, `focus_search`, `delete_selected`, `print_page`, `export_page`), so a
page offers exactly the actions it supports and the window holds no business rule.
Pages see the window only as a `PageHost` (go to a page, show a status line); a page
holding unsaved work offers `can_leave()`, asked before another page, file or exit. A
ledger that cannot be written shows a banner, and the actions that write are off.

The window is also the program's first paint: `ui.launch` shows it before the database
stack is imported, "opening" (navigation, menus, a hint where the page goes), and
`attach` fills it once the ledger is open. So this module imports nothing heavy; the
ledger's types are for the type checker only.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs import ask
from ui.host import Shell
from ui.icons import icon
from ui.pages.registry import PageSpec, page_specs, page_titles

if TYPE_CHECKING:
    from app.records.work import Changes
    from ui.context import LedgerContext

PAGE_ACTIONS = ("new_record", "focus_search", "delete_selected", "print_page", "export_page")
WRITING_ACTIONS = frozenset({"new_record", "delete_selected"})  # off: read-only, a viewer
MAX_RECENT = 8
DB_FILTER = "Bangfu Ledger (*.db);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(
        self, context: LedgerContext | None, shell: Shell | None, *, is_demo: bool = False
    ) -> None:
        """`context` None: the window opening, shown before the ledger (see `attach`)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setMinimumSize(QSize(960, 600))
        self.is_demo = False
        self._specs: list[PageSpec] = []
        self._pages: dict[str, QWidget] = {}
        self._ledger_actions: list[QAction] = []  # off until a ledger is attached
        self.guide: QWidget | None = None  # Help → 使用说明, made on first use
        self._build_body()
        self._build_actions()
        self._build_status_bar()
        self._restore_state()
        if context is None:
            self.setWindowTitle(self.tr("Bangfu Ledger"))
            self._show_row(self.navigation.currentRow())
        else:
            assert shell is not None
            self.attach(context, shell, is_demo=is_demo)

    def attach(self, context: LedgerContext, shell: Shell, *, is_demo: bool = False) -> None:
        """The ledger is open: fill the window opened without it (its page appears)."""
        self.context, self.shell, self.is_demo = context, shell, is_demo
        self._specs = self._page_specs()
        self.setWindowTitle(self._title())
        self.read_only_banner.setText(
            self.tr("Read-only: {reason}").format(reason=context.read_only or "")
        )
        self.read_only_banner.setVisible(context.read_only is not None)
        self.path_label.setText(context.ledger.location)
        self._show_clerk()
        self.switch_user_action.setVisible(context.signed_in)
        for action in self._ledger_actions:
            action.setEnabled(True)
        context.bus.changed.connect(self._on_data_changed)
        self._show_row(self.navigation.currentRow())

    @property
    def is_open(self) -> bool:
        """A ledger is attached (the window is not opening any more)."""
        return bool(self._specs)

    # ----------------------------------------------------------------- structure
    def _page_specs(self) -> list[PageSpec]:
        return page_specs(self.context, self)

    def _build_body(self) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setVisible(False)
        column.addWidget(self.read_only_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        column.addLayout(layout, 1)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFixedWidth(168)
        self.stack = QStackedWidget()
        for _key, title, icon_name in page_titles():
            item = QListWidgetItem(icon(icon_name), title)
            item.setSizeHint(QSize(160, 44))
            self.navigation.addItem(item)
            opening = QLabel(self.tr("Opening the ledger…"))  # replaced by the page
            opening.setObjectName("hint")
            opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(opening)
        self.navigation.currentRowChanged.connect(self._show_row)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for text, handler, shortcut, name in (
            (self.tr("&New database…"), self._new_database, None, None),
            (
                self.tr("&Open database…"),
                self._open_database,
                QKeySequence.StandardKey.Open,
                "open",
            ),
            (self.tr("Open the &demo database"), lambda: self.shell.open_demo(), None, None),
            (self.tr("Connect to &server…"), self._connect_server, None, None),
        ):
            action = file_menu.addAction(text, handler)
            if name is not None:
                action.setIcon(icon(name))
            if shortcut is not None:
                action.setShortcut(shortcut)
            self._ledger_actions.append(action)
        self.recent_menu = QMenu(self.tr("&Recent files"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._ledger_actions.append(file_menu.addMenu(self.recent_menu))
        self.switch_user_action = file_menu.addAction(
            self.tr("Sign out / switch &user…"), lambda: self.shell.switch_user()
        )
        self.switch_user_action.setVisible(False)  # shown to a signed-in user
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("E&xit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        for action in self._ledger_actions:
            action.setEnabled(False)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.page_actions: dict[str, QAction] = {}
        labels = {
            "new_record": (self.tr("&New"), "new", QKeySequence("Ctrl+N")),
            "focus_search": (self.tr("&Find"), "search", QKeySequence("Ctrl+F")),
            "delete_selected": (self.tr("&Delete to recycle bin"), "delete", None),
            "print_page": (self.tr("&Print…"), "print", QKeySequence("Ctrl+P")),
            "export_page": (self.tr("&Export to Excel…"), "export", QKeySequence("Ctrl+E")),
        }
        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        for name in PAGE_ACTIONS:
            text, icon_name, keys = labels[name]
            action = QAction(icon(icon_name), text, self)
            action.setIconText(re.sub(r"\(&\w\)|&|…", "", text))
            if keys is not None:
                action.setShortcut(keys)
            else:  # Delete belongs to the page's table, where it cannot eat a text field's key
                key = QKeySequence(Qt.Key.Key_Delete).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
                action.setText(f"{text}\t{key}")
            action.triggered.connect(lambda _checked=False, name=name: self._on_page_action(name))
            self.page_actions[name] = action
            edit_menu.addAction(action)
            toolbar.addAction(action)
            if name == "focus_search":
                edit_menu.addSeparator()

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for row, (_key, title, _icon) in enumerate(page_titles()):
            action = view_menu.addAction(title)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(
                lambda _checked=False, row=row: self.navigation.setCurrentRow(row)
            )

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide_action = help_menu.addAction(self.tr("User &guide"), self.show_guide)
        guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self._ledger_actions.append(
            help_menu.addAction(self.tr("&About Bangfu Ledger"), self._about)
        )

    def _build_status_bar(self) -> None:
        self.path_label = QLabel()
        self.path_label.setObjectName("pathLabel")
        self.clerk_label = QLabel()
        self.clerk_label.setObjectName("clerkLabel")
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.clerk_label)

    # ----------------------------------------------------------------- pages
    def page(self, key: str) -> QWidget:
        """The page for `key`, built on first use (keeps start-up fast)."""
        if key not in self._pages:
            row = next(row for row, spec in enumerate(self._specs) if spec.key == key)
            page = self._specs[row].factory()
            page.setObjectName(f"page_{key}")
            old = self.stack.widget(row)
            assert old is not None
            self.stack.removeWidget(old)
            old.deleteLater()
            self.stack.insertWidget(row, page)
            self._pages[key] = page
        return self._pages[key]

    def go_to(self, key: str) -> QWidget:
        row = next(row for row, (each, _title, _icon) in enumerate(page_titles()) if each == key)
        self.navigation.setCurrentRow(row)
        return self.page(key)

    def current_key(self) -> str:
        return page_titles()[max(self.navigation.currentRow(), 0)][0]

    def may_leave(self) -> bool:
        """Whether the page shown lets the clerk go (a page with unsaved work, such as the
        outcome grid, offers `can_leave()`, which asks)."""
        current = self.stack.currentWidget()
        can_leave = getattr(current, "can_leave", None)
        return not callable(can_leave) or bool(can_leave())

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        if row != self.stack.currentIndex() and not self.may_leave():
            self.navigation.blockSignals(True)  # stay: put the selection back
            self.navigation.setCurrentRow(self.stack.currentIndex())
            self.navigation.blockSignals(False)
            return
        if not self.is_open:  # opening: the hint stays until the ledger is attached
            self.stack.setCurrentIndex(row)
            for action in self.page_actions.values():
                action.setEnabled(False)
            return
        from app.records.permissions import Permission

        page = self.page(self._specs[row].key)
        self.stack.setCurrentIndex(row)
        writable = self.context.can(Permission.ENTER)  # a viewer, a read-only ledger: off
        for name, action in self.page_actions.items():
            offered = callable(getattr(page, name, None))
            action.setEnabled(offered and (writable or name not in WRITING_ACTIONS))

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_page_action(self, name: str) -> None:
        handler = getattr(self.page(self.current_key()), name, None)
        if callable(handler):
            handler()

    # ----------------------------------------------------------------- files
    def _open_database(self) -> None:
        if not self.may_leave():
            return
        path = ask.ask_open_path(self, self.tr("Open database"), DB_FILTER, self._folder())
        if path is not None:
            self.shell.open_database(path)

    def _connect_server(self) -> None:
        """A ledger shared on a PostgreSQL server (`ui.dialogs.connection_dialog`)."""
        if not self.may_leave():
            return
        from ui.dialogs.connection_dialog import ConnectionDialog  # the server stack: on use

        dialog = ConnectionDialog(self)
        if ask.run_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.shell.open_database(dialog.connection().url(), password=dialog.password_source())

    def _new_database(self) -> None:
        if not self.may_leave():
            return
        path = ask.ask_save_path(self, self.tr("New database"), DB_FILTER, self._folder())
        if path is not None:
            self.shell.new_database(path)

    def _folder(self) -> Path | None:
        file = self.context.ledger.file
        return file.parent if file is not None else None

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.shell.recent_files():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(
                lambda _checked=False, path=path: self.shell.open_database(path)
            )
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    # ----------------------------------------------------------------- state
    def _title(self) -> str:
        name = self.context.ledger.name
        title = self.tr("Bangfu Ledger — {file}").format(file=name)
        return title + (self.tr(" (demo data)") if self.is_demo else "")

    def _show_clerk(self) -> None:
        from app.records.permissions import who

        if self.context.signed_in:  # 「已登录：李医（填报员，医疗）」
            self.clerk_label.setText(
                self.tr("Signed in: {who}").format(who=who(self.context.actor))
            )
            return
        clerk = self.context.setting("clerk_name") or self.tr("not set")
        self.clerk_label.setText(self.tr("Clerk: {name}").format(name=clerk))

    def _on_data_changed(self, changes: Changes) -> None:
        if "setting" in changes.entities:
            self._show_clerk()

    def show_guide(self) -> None:
        """The guide stays open beside the window (not modal) while the clerk follows it."""
        from ui.dialogs.guide_dialog import GuideDialog

        if self.guide is None:
            self.guide = GuideDialog(self)
        self.guide.show()
        self.guide.raise_()

    def _about(self) -> None:
        from ui.dialogs.about_dialog import AboutDialog

        ask.run_dialog(AboutDialog(self.context.ledger.location, self))

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = settings.value("main/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        keys = [key for key, _title, _icon in page_titles()]
        last = settings.value("main/page", keys[0])
        self.navigation.setCurrentRow(keys.index(last) if last in keys else 0)

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        settings.setValue("main/page", self.current_key())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_leave():
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)
