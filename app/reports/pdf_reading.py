"""The text a PDF carries, read back in plain Python (no poppler, no Qt).

The installed app checks its own printout (`--self-test`) on PCs where no PDF tools
exist. Reading every PDF is a large job; reading the ones Qt writes is a small one:
objects numbered `N 0 obj`, page content in Flate streams, text drawn glyph by glyph
with hex strings (`<0001> Tj`, `[<0001> 12 <0002>] TJ`) in Type0 fonts whose
ToUnicode map says which character each glyph stands for. Copy-and-paste and search
in a PDF reader use the same map, so text found here is text a clerk can find too.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

_STREAM = re.compile(rb"stream\r?\n")
_LENGTH = re.compile(rb"/Length (\d+)(?: 0 R)?")
_REFERENCE = re.compile(rb"/(\w+) (\d+) 0 R")
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
# A content stream's tokens: a font choice, a hex string, an array's brackets, text ends.
_TOKENS = re.compile(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|(\[)|(\])\s*TJ|(Tj)|(ET)")


@dataclass(frozen=True)
class _Object:
    dictionary: bytes
    stream: bytes | None


class PdfUnreadable(ValueError):
    """The file is not a PDF laid out as this reader knows (not a complete Qt PDF)."""


def pdf_text(path: Path) -> str:
    """Every page's text in drawing order, one line per text block."""
    objects = _objects(path.read_bytes())
    fonts = {
        number: _to_unicode(objects, obj.dictionary)
        for number, obj in objects.items()
        if b"/ToUnicode" in obj.dictionary
    }
    lines: list[str] = []
    for obj in objects.values():
        if not re.search(rb"/Type\s*/Page\b", obj.dictionary):
            continue
        names = _font_names(objects, obj.dictionary)
        for content in _references(obj.dictionary, b"Contents"):
            stream = objects[content].stream if content in objects else None
            if stream is not None:
                lines.extend(_show(stream, {name: fonts.get(n, {}) for name, n in names.items()}))
    return "\n".join(lines)


def page_count(path: Path) -> int:
    objects = _objects(path.read_bytes())
    return sum(1 for o in objects.values() if re.search(rb"/Type\s*/Page\b", o.dictionary))


def _objects(data: bytes) -> dict[int, _Object]:
    """Every object the cross-reference table lists, its stream inflated."""
    offsets = _cross_references(data)
    heads: dict[int, tuple[bytes, int | None]] = {}
    for number, offset in offsets.items():
        start = data.index(b"obj", offset) + 3
        stream = _STREAM.search(data, start)
        end = data.find(b"endobj", start)
        if stream is not None and (end < 0 or stream.start() < end):
            heads[number] = (data[start : stream.start()], stream.end())
        else:
            heads[number] = (data[start:end], None)
    objects: dict[int, _Object] = {}
    for number, (dictionary, stream_start) in heads.items():
        content = None
        if stream_start is not None:
            content = _stream(data, stream_start, dictionary, heads)
        objects[number] = _Object(dictionary, content)
    return objects


def _cross_references(data: bytes) -> dict[int, int]:
    """Object number → byte offset, from the table `startxref` points at."""
    if not data.startswith(b"%PDF-"):
        raise PdfUnreadable("not a PDF")
    pointer = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", data[-1024:])
    if pointer is None or not data.startswith(b"xref", int(pointer.group(1))):
        raise PdfUnreadable("no cross-reference table at the end (an incomplete file)")
    offsets: dict[int, int] = {}
    lines = iter(data[int(pointer.group(1)) :].splitlines()[1:])
    for line in lines:
        section = line.split()
        if len(section) != 2:
            break  # the trailer
        first, count = int(section[0]), int(section[1])
        for number in range(first, first + count):
            offset, _generation, kind = next(lines).split()
            if kind == b"n":
                offsets[number] = int(offset)
    return offsets


def _stream(
    data: bytes, start: int, dictionary: bytes, heads: dict[int, tuple[bytes, int | None]]
) -> bytes:
    length = _LENGTH.search(dictionary)
    if length is None:
        raise PdfUnreadable("a stream without a length")
    size = int(length.group(1))
    if length.group(0).endswith(b"R"):  # an indirect length: the number is another object
        size = int(heads[size][0].strip())
    content = data[start : start + size]
    if b"/FlateDecode" in dictionary:
        try:
            return zlib.decompress(content)
        except zlib.error as error:
            raise PdfUnreadable(f"a damaged stream: {error}") from None
    return content


def _references(dictionary: bytes, key: bytes) -> list[int]:
    found = re.search(rb"/" + key + rb"\s*(\[[^\]]*\]|\d+ 0 R)", dictionary)
    return [int(n) for n in re.findall(rb"(\d+) 0 R", found.group(1))] if found else []


def _font_names(objects: dict[int, _Object], page: bytes) -> dict[bytes, int]:
    """/F11 → the font object, from the page's /Resources (given inline or by reference)."""
    resources = _references(page, b"Resources")
    text = objects[resources[0]].dictionary if resources and resources[0] in objects else page
    fonts = re.search(rb"/Font\s*<<(.*?)>>", text, re.S)
    return {name: int(n) for name, n in _REFERENCE.findall(fonts.group(1))} if fonts else {}


def _to_unicode(objects: dict[int, _Object], font: bytes) -> dict[int, str]:
    reference = _references(font, b"ToUnicode")
    cmap = objects[reference[0]].stream if reference and reference[0] in objects else None
    mapping: dict[int, str] = {}
    if not cmap:
        return mapping
    for block in _BFCHAR.findall(cmap):
        codes = _HEX.findall(block)
        for code, text in zip(codes[::2], codes[1::2], strict=False):
            mapping[int(code, 16)] = _utf16(text)
    for block in _BFRANGE.findall(cmap):
        for line in block.strip().splitlines():
            parts = _HEX.findall(line.split(b"[")[0])
            if len(parts) < 2:
                continue
            first, last = int(parts[0], 16), int(parts[1], 16)
            if b"[" in line:
                for offset, text in enumerate(_HEX.findall(line.split(b"[", 1)[1])):
                    mapping[first + offset] = _utf16(text)
            elif len(parts) == 3:
                base = int(parts[2], 16)
                for code in range(first, last + 1):
                    mapping[code] = chr(base + code - first)
    return mapping


def _utf16(text: bytes) -> str:
    return bytes.fromhex(text.decode()).decode("utf-16-be", errors="replace")


def _show(content: bytes, fonts: dict[bytes, dict[int, str]]) -> list[str]:
    """The text of each BT … ET block: hex glyph strings decoded through the current font."""
    lines: list[str] = []
    current: dict[int, str] = {}
    line: list[str] = []
    pending: list[str] = []  # hex strings of an array or before their Tj
    for match in _TOKENS.finditer(content):
        font, hex_string, _open, close, show, end = match.groups()
        if font is not None:
            current = fonts.get(font, {})
        elif hex_string is not None:
            pending.append(hex_string.decode())
        elif close is not None or show is not None:
            for string in pending:
                glyphs = bytes.fromhex(string)
                codes = [int.from_bytes(glyphs[i : i + 2], "big") for i in range(0, len(glyphs), 2)]
                line.extend(current.get(code, "") for code in codes)
            pending.clear()
        elif end is not None:
            if line:
                lines.append("".join(line))
            line = []
            pending.clear()
    return lines
