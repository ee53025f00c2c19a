"""The UI language: Simplified Chinese by default, English when the system locale is not Chinese or
when the user chooses it (View → Language, stored in QSettings, applied at the next start).

The source texts in the code are Chinese, so Chinese needs no catalogue of ours; English comes
from `resources/i18n/viewer_en.qm`, built from the `.ts` source by `make translations`. Qt's own
catalogue (`qtbase_*.qm`: standard buttons, file dialogs) is loaded for both languages.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from viewer.paths import resource_path

CHINESE = "zh_CN"
ENGLISH = "en"
LANGUAGES = (CHINESE, ENGLISH)
SETTING = "ui/language"  # "" or absent: follow the system
TRANSLATIONS_DIR = ("resources", "i18n")

# Marks a source text for lupdate (which finds it by name) and returns it unchanged. PySide6's
# stub types it object -> object, which would make every table of marked texts a table of objects.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)


def system_language(locale: QLocale | None = None) -> str:
    """Chinese for any Chinese system locale (zh_CN, zh_TW, zh_HK, ...), English otherwise."""
    locale = locale if locale is not None else QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def chosen_language(settings: QSettings, locale: QLocale | None = None) -> str:
    """The language to start in: the user's choice if they made one, else the system's."""
    choice = str(settings.value(SETTING, "") or "")
    return choice if choice in LANGUAGES else system_language(locale)


def qm_path(language: str) -> str:
    """Where our compiled catalogue for `language` lives (source checkout or bundle)."""
    return str(resource_path(*TRANSLATIONS_DIR, f"viewer_{language}.qm"))


def install_translators(
    app: QApplication, language: str, catalogue: Path | None = None
) -> list[QTranslator]:
    """Load Qt's and our catalogues for `language` into `app` (ours from `catalogue`, default
    `qm_path(language)`); returns those that loaded. The app keeps them as children, so they stay
    alive."""
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    if language != CHINESE:
        ours = QTranslator(app)
        if ours.load(str(catalogue or qm_path(language))):
            app.installTranslator(ours)
            installed.append(ours)
    # Dates, numbers and the layout direction follow the language too.
    QLocale.setDefault(QLocale(language))
    return installed
