"""Draw the application icon with Qt and write `resources/icons/changning-plan.png` and `.ico`.

    python scripts/make_icon.py

A blue tile with three rising bars and a trend line (no text, so it needs no font). The .ico holds
PNG-compressed images at the usual Windows sizes (ICO with PNG entries, understood since Windows Vista),
written by hand so that no imaging library is needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256


def draw(size: int):
    """The icon as a QImage of `size` × `size` pixels."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256.0
    tile = QRectF(8 * s, 8 * s, 240 * s, 240 * s)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0.0, QColor("#2b6cb0"))
    gradient.setColorAt(1.0, QColor("#17406d"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(gradient)
    p.drawRoundedRect(tile, 44 * s, 44 * s)
    p.setBrush(QColor("#ffffff"))
    for i, height in enumerate((62, 104, 146)):
        x = (50 + i * 56) * s
        p.drawRoundedRect(QRectF(x, (204 - height) * s, 40 * s, height * s), 6 * s, 6 * s)
    line = QPainterPath(QPointF(44 * s, 118 * s))
    line.lineTo(QPointF(104 * s, 86 * s))
    line.lineTo(QPointF(150 * s, 100 * s))
    line.lineTo(QPointF(212 * s, 46 * s))
    pen = QPen(QColor("#f6ad2b"), max(2.0, 16 * s))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(line)
    p.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are the given PNG images, keyed by their size in pixels."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries = b""
    body = b""
    offset = 6 + 16 * len(pngs)
    for size, data in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(body))
        body += data
    return header + entries + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs it
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in ICO_SIZES}
    (OUT_DIR / "changning-plan.png").write_bytes(pngs[PNG_SIZE])
    (OUT_DIR / "changning-plan.ico").write_bytes(ico_bytes(pngs))
    print(OUT_DIR / "changning-plan.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
