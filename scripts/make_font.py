"""Cut Noto Sans CJK SC down to GB 2312 plus punctuation and convert it to TrueType outlines.

The application ships this font so that Chinese renders on a PC with no Chinese font installed.
TrueType (glyf) outlines rather than CFF are used because matplotlib embeds them in PDFs as Type 42.

Usage (needs fonttools, and the Debian package fonts-noto-cjk unpacked or installed):
    python scripts/make_font.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "NotoSansSC-GB2312.ttf"


def gb2312_characters() -> str:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    chars.update(chr(c) for c in range(0x20, 0x7F))
    chars.update(chr(c) for c in range(0xA0, 0x180))  # Latin-1 and Latin Extended-A
    chars.update(chr(c) for c in range(0x2000, 0x206F))  # general punctuation
    chars.update(chr(c) for c in range(0x3000, 0x303F))  # CJK punctuation
    chars.update(chr(c) for c in range(0xFF00, 0xFFEF))  # full-width forms
    chars.update("℃№‰←↑→↓√∞≈≠≤≥①②③④⑤⑥⑦⑧⑨⑩")
    return "".join(sorted(chars))


def to_truetype(font) -> None:
    """Replace CFF outlines with quadratic glyf outlines (fontTools' otf2ttf recipe)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def main(ttc_path: str) -> None:
    collection = TTCollection(ttc_path)
    font = next(f for f in collection.fonts if f["name"].getDebugName(1).endswith(" SC"))
    options = subset.Options()
    options.layout_features = ["kern", "vert", "vrt2"]  # no locl: this is the SC cut already
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=gb2312_characters())
    subsetter.subset(font)
    to_truetype(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(OUT)
    print(f"{OUT} {OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1])
