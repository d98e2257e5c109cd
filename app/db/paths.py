"""Where a clerk's data live on this computer (DESIGN.md §8): one per-user folder."""

from __future__ import annotations

import re
from pathlib import Path

import platformdirs

from app import APP_NAME


def data_dir() -> Path:
    """Per-user folder for databases, backups and logs (%APPDATA%\\BangfuLedger on Windows)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_db_path() -> Path:
    return data_dir() / "ledger.db"


def demo_db_path() -> Path:
    """The demo lives in its own file so demo and real records never mix."""
    return data_dir() / "demo.db"


def backup_dir_for(db_path: Path) -> Path:
    """Default folder for a database's backups, beside the file itself."""
    return db_path.parent / "backups"


def log_path() -> Path:
    """The rotating log of unexpected errors (named in the message a clerk sees)."""
    return data_dir() / "logs" / "bangfu-ledger.log"


def matplotlib_dir() -> Path:
    """matplotlib's font cache for the installed program: built on the first chart, kept
    for the next start (PyInstaller would otherwise give it a new temporary folder)."""
    return data_dir() / "matplotlib"


_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_server_address(target: str | Path | None) -> bool:
    """`postgresql://…` and the like: a server, not a file (and never made into a Path)."""
    return target is not None and bool(_URL.match(str(target)))


def ledger_file(target: str | Path | None) -> Path | None:
    """The file a `--db` value names (the per-user default for None); None for a server."""
    if is_server_address(target):
        return None
    return Path(target).expanduser().resolve() if target is not None else default_db_path()
