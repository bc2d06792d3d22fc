"""Interface language: Simplified Chinese by default, English on request.

Source strings are English and go through `tr()`; `resources/i18n/changning_zh_CN.ts` holds their
Chinese, compiled to `.qm` by `scripts/translations.py`.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from models.base import paths

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
SETTINGS_KEY = "language"


def choose_language(settings: QSettings) -> str:
    """The saved choice if any; else English when the system locale is English; else Chinese."""
    saved = settings.value(SETTINGS_KEY, "", str)
    if saved in LANGUAGES:
        return saved
    if QLocale.system().language() == QLocale.Language.English:
        return "en"
    return DEFAULT_LANGUAGE


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load the application's and Qt's own translations for `language`; returns them (keep them alive)."""
    for old in getattr(app, "_changning_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if language == "zh_CN":
        ours = QTranslator(app)
        if ours.load(str(paths.resource_path("i18n", "changning_zh_CN.qm"))):
            app.installTranslator(ours)
            installed.append(ours)
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    app._changning_translators = installed
    app.setProperty("changning_language", language)
    return installed


def is_chinese() -> bool:
    """Whether the interface currently speaks Chinese (data labels pick their language by this)."""
    app = QApplication.instance()
    return app is None or app.property("changning_language") != "en"


def label(pair: tuple[str, ...]) -> str:
    """Pick the interface language from a (Chinese, English, ...) label pair of `models.store.plan`."""
    return pair[0] if is_chinese() else pair[1]
