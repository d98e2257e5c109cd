"""zh_CN is the default UI language: every string must be translated and compiled."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("refresh", ROOT / "resources/i18n/refresh.py")
assert _spec and _spec.loader
refresh = importlib.util.module_from_spec(_spec)
sys.modules["refresh"] = refresh
_spec.loader.exec_module(refresh)


def messages(ts: Path) -> set[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }


def test_every_string_in_the_code_has_a_finished_translation(tmp_path: Path) -> None:
    fresh = Path(shutil.copy(refresh.TS, tmp_path / "fresh.ts"))
    refresh.lupdate(fresh)
    missing = messages(fresh) - messages(refresh.TS)
    assert not missing, f"run resources/i18n/refresh.py; new strings: {sorted(missing)[:10]}"
    assert refresh.unfinished(fresh) == {}, "untranslated strings (refresh.py --todo)"


def test_compiled_catalog_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    refresh.lrelease(refresh.TS, compiled)
    assert compiled.read_bytes() == refresh.QM.read_bytes(), "run resources/i18n/refresh.py"
