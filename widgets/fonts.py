"""Give Qt a Simplified Chinese font on machines that have none installed."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from models import paths
from models.mpl import FONT_FILE, SYSTEM_FAMILIES


def install_cjk_font() -> str:
    """Register the bundled font and make a Chinese family the application default; returns it.

    Qt draws empty boxes, without a warning, when no font has the glyphs, so this runs before any
    window is shown. A system CJK font is preferred when present.
    """
    families = set(QFontDatabase.families())
    family = next((f for f in SYSTEM_FAMILIES if f in families), None)
    if family is None:
        font_id = QFontDatabase.addApplicationFont(str(paths.resource_path("fonts", FONT_FILE)))
        loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not loaded:
            return ""
        family = loaded[0]
    from PySide6.QtWidgets import QApplication

    font = QFont(QApplication.font())
    font.setFamilies([family, *[f for f in QApplication.font().families() if f != family]])
    QApplication.setFont(font)
    return family
