"""Copyable Chinese in Qt's PDFs: 人 must come out as 人, not the radical ⼈.

A PDF says which character each glyph stands for in its ToUnicode map. Qt fills it
by asking, for code points from 0 upwards, which glyph the font draws: CJK fonts
such as Noto Sans CJK draw the radical ⼈ (U+2F08) and the character 人 (U+4EBA)
with one glyph, so the radical, having the lower code point, wins. Copied text,
search and pdftotext then hold look-alikes (⼈员, ⻔急诊, 第 1 ⻚) that match nothing.

The fix rewrites those entries to the ideograph that shares the radical's glyph in
the same font. Qt writes ToUnicode maps uncompressed, and both code points take
four hex digits, so the file keeps its length and its cross-reference offsets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QFont, QRawFont

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
IDEOGRAPHS = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0))  # preferred first
_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


def radical_equivalents(font: QFont) -> dict[int, int]:
    """Radical → the ideograph `font` draws with the same glyph (only where one exists)."""
    return dict(_equivalents(QRawFont.fromFont(font).familyName()))


@lru_cache(maxsize=4)
def _equivalents(family: str) -> tuple[tuple[int, int], ...]:
    raw = QRawFont.fromFont(QFont(family))
    ideographs = "".join(chr(code) for block in IDEOGRAPHS for code in block)
    by_glyph: dict[int, int] = {}
    for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
        if glyph:
            by_glyph.setdefault(glyph, ord(char))
    radicals = "".join(chr(code) for code in RADICALS)
    return tuple(
        (ord(char), by_glyph[glyph])
        for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True)
        if glyph in by_glyph
    )


def restore_ideographs(path: Path, equivalents: Mapping[int, int]) -> int:
    """Rewrite radicals in the ToUnicode maps of the PDF at `path`; return how many."""
    data = bytearray(path.read_bytes())
    changed = 0
    for number in set(_TO_UNICODE.findall(data)):
        start = data.find(b"\n" + number + b" 0 obj")
        begin, end = data.find(b"stream\n", start), data.find(b"endstream", start)
        if min(start, begin, end) < 0 or b"/Filter" in data[start:begin]:
            continue  # compressed or not laid out as Qt writes it: leave it alone
        section = b""
        for line in re.finditer(rb"[^\n]+", data[begin:end]):
            text = line.group()
            last_word = text.rsplit(b" ", 1)[-1]
            if last_word.startswith((b"begin", b"end")):  # e.g. "4 beginbfrange"
                section = last_word
                continue
            for token in _destinations(section, text):
                code = int(token.group(1), 16)
                if code in equivalents:
                    at = begin + line.start() + token.start(1)
                    data[at : at + 4] = b"%04X" % equivalents[code]
                    changed += 1
    if changed:
        path.write_bytes(data)
    return changed


def _destinations(section: bytes, line: bytes) -> list[re.Match[bytes]]:
    """The Unicode side of a map line: `<code> <char>` or `<first> <last> [<char> …]`."""
    tokens = list(_HEX.finditer(line))
    if section == b"beginbfchar":
        return tokens[1:2]
    if section != b"beginbfrange" or len(tokens) < 3:
        return []
    if b"[" in line or tokens[0].group() == tokens[1].group():
        return tokens[2:]
    return []  # `<first> <last> <start>` maps a run of code points: left whole
