"""matplotlib draws Chinese with the bundled font; a missing glyph would be an error (pytest.ini)."""

from __future__ import annotations

import io


def test_figure_with_chinese_title_renders_without_missing_glyphs():
    from models.output.mpl import new_figure, setup

    family = setup()
    fig = new_figure()
    ax = fig.add_subplot()
    ax.plot([2020, 2025], [74, 95])
    ax.set_title("每万人发明专利拥有量（件）")
    ax.set_xlabel("年度")
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    assert buf.getvalue()[:4] == b"\x89PNG"
    from matplotlib import font_manager

    path = font_manager.findfont(font_manager.FontProperties(family=[family]), fallback_to_default=False)
    assert path.endswith(".ttf") or path.endswith(".ttc") or path.endswith(".otf")
    assert family in ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "SimHei")
