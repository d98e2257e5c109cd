"""Translation hook for user-visible text produced by the domain layer.

`app/` cannot import Qt, yet its messages reach clerks. Messages are written in
English as `translate("Context", "text")` (which Qt's lupdate collects into the
.ts file) and the composition root installs Qt's translator here at start-up.
`QT_TRANSLATE_NOOP` marks text that is translated later (column labels).
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _identity(context: str, text: str) -> str:
    return text


_translator: Translator = _identity


def set_translator(translator: Translator | None) -> None:
    """Install the function that turns (context, English text) into the UI language."""
    global _translator
    _translator = translator or _identity


def translate(context: str, text: str) -> str:
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for extraction without translating it now."""
    return text
