"""What the app remembers about each ledger file: closed cleanly? checked today? backed up where?

`PRAGMA quick_check` reads the whole file (185 ms on a 90 MB ledger): it runs when a
file changed since its last clean close (another program wrote it, or this app did not
close it properly) or has not been checked today; otherwise the cheap checks (header,
application id, revision) suffice. The record lives in the per-user data folder; when
it cannot be read or written, every open simply checks.
"""

from __future__ import annotations

import json
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any

from app.db.files import atomic_target
from app.db.paths import data_dir
from app.errors import StorageError


def _record_path() -> Path:
    return data_dir() / "clean-close.json"


def _load() -> dict[str, Any]:
    try:
        loaded = json.loads(_record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _fingerprint(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_size, stat.st_mtime_ns]


def needs_check(path: Path, today: date) -> bool:
    """True unless `path` is unchanged since its last clean close and was checked today."""
    entry = _entry(_load(), path)
    try:
        unchanged = entry.get("closed") == _fingerprint(path)
    except OSError:
        return True
    return not (unchanged and entry.get("checked") == today.isoformat())


def _entry(records: dict[str, Any], path: Path) -> dict[str, Any]:
    entry = records.get(str(path))
    return entry if isinstance(entry, dict) else {}


def remember(
    path: Path, *, checked: date | None = None, closed: bool = False, backups: Path | None = None
) -> None:
    """Note a passed check (`checked`), a clean close of `path` (its size and time now),
    or where its backups went (found again when the file itself can no longer be read)."""
    records = _load()
    entry = _entry(records, path)
    with suppress(OSError):
        if checked is not None:
            entry["checked"] = checked.isoformat()
        if backups is not None:
            entry["backups"] = str(backups)
        if closed:  # a crash after this changes the file's size or time: checked next open
            entry["closed"] = _fingerprint(path)
        records[str(path)] = entry
        with suppress(StorageError), atomic_target(_record_path()) as partial:
            partial.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


def backups_of(path: Path) -> Path | None:
    """The folder the last backup of `path` went to, if one is remembered."""
    folder = _entry(_load(), path).get("backups")
    return Path(folder) if isinstance(folder, str) else None


def forget(path: Path) -> None:
    """A file replaced wholesale (restored) is checked on its next open."""
    records = _load()
    if records.pop(str(path), None) is not None:
        with suppress(StorageError, OSError), atomic_target(_record_path()) as partial:
            partial.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
