"""Refresh the zh_CN catalog: collect strings, fill translations, compile the .qm.

    uv run python resources/i18n/refresh.py              # lupdate + lrelease
    uv run python resources/i18n/refresh.py --todo       # list untranslated strings
    uv run python resources/i18n/refresh.py --fill F.json  # {"Context": {"source": "译文"}}

Sources are every Python file under app/ and ui/ plus main.py; the .qm is committed
and tests/test_translations.py fails when it or the .ts falls behind the code.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "bangfu_zh_CN.ts"
QM = TS.with_suffix(".qm")


def sources() -> list[str]:
    files = sorted(ROOT.glob("app/**/*.py")) + sorted(ROOT.glob("ui/**/*.py")) + [ROOT / "main.py"]
    return [str(path.relative_to(ROOT)) for path in files if "migrations" not in path.parts]


def lupdate(ts: Path = TS) -> None:
    subprocess.run(
        ["pyside6-lupdate", *sources(), "-no-obsolete", "-locations", "none", "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def unfinished(ts: Path = TS) -> dict[str, list[str]]:
    todo: dict[str, list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not (translation.text or "").strip()
            ):
                todo.setdefault(name, []).append(message.findtext("source") or "")
    return todo


def fill(mapping: dict[str, dict[str, str]], ts: Path = TS) -> int:
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        wanted = mapping.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if source in wanted and translation is not None:
                translation.text = wanted[source]
                translation.attrib.pop("type", None)
                filled += 1
    ET.indent(tree)
    with open(ts, "wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
    return filled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--todo", action="store_true")
    parser.add_argument("--fill", type=Path)
    args = parser.parse_args()
    lupdate()
    if args.fill:
        print(f"filled {fill(json.loads(args.fill.read_text(encoding='utf-8')))}")
        lupdate()  # normalise the file's layout
    todo = unfinished()
    if args.todo or todo:
        print(json.dumps(todo, ensure_ascii=False, indent=1))
    lrelease()
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main())
