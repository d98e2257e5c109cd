"""Loading translations: ours from resources/i18n, Qt's own for standard dialogs.

The domain layer's messages are translated through the same QTranslator, handed to
`app.i18n`, so a validation message from `app/` speaks the UI's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import i18n

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
CATALOG = "bangfu"
DEFAULT_LANGUAGE = "zh_CN"

_installed: list[QTranslator] = []


def load_catalog(language: str) -> QTranslator | None:
    """Our compiled catalog for `language`, or None for English (the source language)."""
    if language == "en":
        return None
    translator = QTranslator()
    if not translator.load(str(I18N_DIR / f"{CATALOG}_{language}.qm")):
        raise FileNotFoundError(I18N_DIR / f"{CATALOG}_{language}.qm")
    return translator


def _lookup(translator: QTranslator | None):  # type: ignore[no-untyped-def]
    def translate(context: str, text: str) -> str:
        return (translator.translate(context, text) if translator else "") or text

    return translate


def install_core_translator(language: str) -> None:
    """Translate `app/` messages (the command line needs no QApplication for this)."""
    translator = load_catalog(language)
    _installed[:] = [translator] if translator else []
    i18n.set_translator(_lookup(translator))


def install_gui_translators(language: str) -> None:
    """Translate widgets, `app/` messages and Qt's standard dialogs; replaces earlier ones."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for old in _installed:
        app.removeTranslator(old)
    ours = load_catalog(language)
    installed = [ours] if ours else []
    if language != "en":
        qt_own = QTranslator()
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_dir):
            installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    _installed[:] = installed
    QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
    i18n.set_translator(_lookup(ours))
