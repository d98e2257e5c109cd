"""The office's preferences, stored in the ledger itself (DESIGN.md §4 Setting).

The clerk named here is who acts in the GUI today (`clerk_actor`); commands take
the acting user from their `Work`, never from this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.backup import BackupPolicy
from app.db.models import Setting
from app.db.paths import backup_dir_for
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate
from app.records.permissions import Permission, require
from app.records.validation import Problems, clean_text
from app.records.work import Actor, Work

LANGUAGES = ("zh_CN", "en")
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}  # each in its own language

# key -> (label, default)
SETTINGS: dict[str, tuple[str, str]] = {
    "office_name": (QT_TRANSLATE_NOOP("Settings", "Office name"), ""),
    "county": (QT_TRANSLATE_NOOP("Settings", "County"), ""),
    "clerk_name": (QT_TRANSLATE_NOOP("Settings", "Clerk name"), ""),
    "backup_dir": (QT_TRANSLATE_NOOP("Settings", "Backup folder"), ""),
    "backup_keep": (QT_TRANSLATE_NOOP("Settings", "Backups to keep"), "10"),
    "backup_second_dir": (QT_TRANSLATE_NOOP("Settings", "Second copy to"), ""),
    "backup_minutes": (QT_TRANSLATE_NOOP("Settings", "Back up while working every"), "30"),
    "language": (QT_TRANSLATE_NOOP("Settings", "Language"), "zh_CN"),
}


def setting_label(key: str) -> str:
    return translate("Settings", SETTINGS[key][0]) if key in SETTINGS else key


def get_setting(session: Session, key: str) -> str:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return value if value is not None else SETTINGS[key][1]


def all_settings(session: Session) -> dict[str, str]:
    stored = {key: value for key, value in session.execute(select(Setting.key, Setting.value))}
    return {key: stored.get(key, default) for key, (_, default) in SETTINGS.items()}


def normalise_settings(values: Mapping[str, object]) -> dict[str, str]:
    problems = Problems(setting_label)
    clean: dict[str, str] = {}
    for key, value in values.items():
        if key not in SETTINGS:
            problems.add(key, translate("Settings", "unknown setting"))
            continue
        text = problems.take(key, clean_text, value, max_length=255)
        if text is None:
            continue
        if key == "backup_keep" and not (text.isdigit() and 1 <= int(text) <= 999):
            problems.add(key, translate("Settings", "must be a whole number from 1 to 999"))
        if key == "backup_minutes" and not (text.isdigit() and 5 <= int(text) <= 480):
            problems.add(
                key, translate("Settings", "must be a whole number of minutes from 5 to 480")
            )
        if key == "language" and text not in LANGUAGES:
            problems.add(key, translate("Settings", "must be zh_CN or en"))
        clean[key] = text
    problems.raise_if_any()
    return clean


def settings_problems(values: Mapping[str, object]) -> dict[str, list[str]]:
    """Messages per setting for these values, writing nothing (the form checks as you type)."""
    try:
        normalise_settings(values)
    except ValidationError as error:
        return error.errors
    return {}


def backup_policy(session: Session, db_path: Path) -> BackupPolicy:
    """The folder chosen in Settings, or `backups/` beside the ledger file; how many are
    kept; the optional second folder (a USB stick) that gets a copy when present."""
    chosen = get_setting(session, "backup_dir")
    folder = Path(chosen).expanduser() if chosen else backup_dir_for(db_path)
    second = get_setting(session, "backup_second_dir")
    return BackupPolicy(
        folder,
        int(get_setting(session, "backup_keep")),
        Path(second).expanduser() if second else None,
    )


def clerk_actor(session: Session) -> Actor:
    """The clerk named in Settings as the acting user (the GUI and the CLI, until sign-in)."""
    return Actor(name=get_setting(session, "clerk_name"))


def save_settings(work: Work, values: Mapping[str, object]) -> dict[str, str]:
    """Validate, store and audit settings; return all settings. A new clerk name is
    recorded as set by the clerk who was acting."""
    session = work.session
    require(work.actor, Permission.SETTINGS)
    clean = normalise_settings(values)
    before = all_settings(session)
    changed = {key: value for key, value in clean.items() if before.get(key) != value}
    if changed:
        work.audit(
            action="update",
            entity="setting",
            entity_id=None,
            before={key: before[key] for key in changed},
            after=changed,
        )
    for key, value in clean.items():
        row = session.scalar(select(Setting).where(Setting.key == key))
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
    session.flush()
    return all_settings(session)
