"""Give Qt a Simplified Chinese font on machines that have none installed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontDatabase

from models.base import paths
from models.output.mpl import FONT_FILE

# System CJK families, best first, each under every name Qt may list it by: on Chinese Windows Qt gives
# the localized name (微软雅黑, 黑体), elsewhere the English one. They cover GBK and more (镕, 喆, 珺), which the
# bundled GB 2312 cut does not.
CJK_FAMILIES = (
    ("Microsoft YaHei", "微软雅黑", "Microsoft YaHei UI"),
    ("PingFang SC", "苹方-简", "苹方"),
    ("Noto Sans CJK SC", "Noto Sans SC"),
    ("Source Han Sans SC", "Source Han Sans CN", "思源黑体", "思源黑体 CN"),
    ("DengXian", "等线"),
    ("SimHei", "黑体"),
    ("SimSun", "宋体", "NSimSun", "新宋体"),
)


def pick_family(available: Iterable[str]) -> str | None:
    """The best CJK family among `available` (Qt's list), as Qt names it; None if there is none.

    Matched case-insensitively, ignoring the " [foundry]" Qt appends when two foundries share a name.
    """
    listed: dict[str, str] = {}
    for name in available:
        listed.setdefault(re.sub(r"\s*\[[^\]]*\]$", "", name).casefold(), name)
    for names in CJK_FAMILIES:
        for name in names:
            if name.casefold() in listed:
                return listed[name.casefold()]
    return None


def install_cjk_font() -> str:
    """Register the bundled font and make a Chinese family the application default; returns it.

    Qt draws empty boxes, without a warning, when no font has the glyphs, so this runs before any
    window is shown. A system CJK font is preferred when present.
    """
    family = pick_family(QFontDatabase.families())
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
