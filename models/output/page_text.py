"""Plain text of the report's pages (table cells, headers, notes) drawn as one artist per block.

A matplotlib `Text` per table cell costs its own artist machinery on every draw: properties checked when it
is made, a layout measured when it is drawn, transforms, a bounding box. A report has a thousand such cells,
and that machinery took about half of the time spent drawing its text. `TextBlock` holds many plain strings
(one font, no rotation, no mathtext) with their positions, alignment, size and colour, and draws them
straight through the renderer: a line measured only when its alignment needs its width (a left-aligned one
is placed by the ink of a typical line, "中lp", within a fraction of a point of its own), then drawn —
the same glyphs and the same PDF text operators as `Text`, so pdftotext and the SVG printing path read it
alike. `plot_table` draws a whole table of the report (cells, rules, shading) with one such block.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Piece:
    """One string at (x, y) in the block's coordinates; `ha` left/center/right, `va` top/center/bottom/baseline
    as matplotlib's Text understands them; lines split at "\\n" and spaced by `linespacing`."""

    x: float
    y: float
    text: str
    size: float = 8.0
    color: str = "#222222"
    ha: str = "left"
    va: str = "baseline"
    linespacing: float = 1.2


def add_text_block(figure, transform=None):
    """A new, empty TextBlock on `figure` (a Figure or SubFigure), in `transform` (default: the (sub)figure's
    own 0–1 coordinates). Add strings with `.add(x, y, text, …)`."""
    block = _text_block_class()()
    block.set_transform(transform if transform is not None else figure.transSubfigure)
    figure.add_artist(block)
    return block


@lru_cache(maxsize=1)
def _text_block_class():
    """The artist class, made once matplotlib is imported (this module does not import it at load)."""
    from matplotlib.artist import Artist

    class TextBlock(Artist):
        """Many plain strings drawn by one artist (see the module docstring)."""

        def __init__(self):
            super().__init__()
            self.pieces: list[Piece] = []
            self.set_in_layout(False)
            self.set_zorder(3)  # above shading and rules, as Text is

        def add(self, x: float, y: float, text: str, **style) -> None:
            if text:
                self.pieces.append(Piece(x, y, str(text), **style))

        def texts(self) -> list[str]:
            return [p.text for p in self.pieces]

        def draw(self, renderer) -> None:
            if not self.get_visible() or not self.pieces:
                return
            transform = self.get_transform()
            dpi = self.get_figure(root=True).dpi
            fonts: dict[float, tuple] = {}
            gc = renderer.new_gc()
            try:
                for piece in self.pieces:
                    font = fonts.get(piece.size)
                    if font is None:
                        prop, ascent, descent = _font_metrics(piece.size, dpi)
                        # the ink of a line of Chinese with Latin letters and digits, for lines whose width is
                        # not needed (left-aligned): measuring each costs as much as drawing it
                        typical = renderer.get_text_width_height_descent("中lp", prop, ismath=False)
                        font = fonts[piece.size] = (prop, ascent, descent, typical)
                    prop, ascent, descent, typical = font
                    # as matplotlib's Text lays out lines at a fixed spacing: each line is linespacing × the
                    # font's ascent + descent high, its own ink centred in it
                    pitch = piece.linespacing * (ascent + descent)
                    lines = piece.text.split("\n")
                    height = pitch * len(lines)
                    x, y = transform.transform((piece.x, piece.y))
                    top = {"top": y, "center": y + height / 2, "bottom": y + height}.get(piece.va)
                    gc.set_foreground(piece.color)
                    for i, line in enumerate(lines):
                        if not line:
                            continue
                        if piece.ha == "left":
                            w, h, d = typical
                        else:
                            w, h, d = renderer.get_text_width_height_descent(line, prop, ismath=False)
                        if top is None:  # va "baseline" (single lines only): this line's baseline at y
                            top = y + (pitch + h - 2 * d) / 2
                        baseline = top - i * pitch - (pitch + (h - d) - d) / 2
                        left = x - (w if piece.ha == "right" else w / 2 if piece.ha == "center" else 0)
                        renderer.draw_text(gc, left, baseline, line, prop, 0.0, ismath=False)
            finally:
                gc.restore()
            self.stale = False

    return TextBlock


@lru_cache(maxsize=32)
def _font_metrics(size: float, dpi: float) -> tuple:
    """(FontProperties, ascent, descent) of the report's font at `size` points, in display units at `dpi`:
    the font's typographic ascender and descender (its OS/2 table, else hhea), as matplotlib's Text uses."""
    from matplotlib.font_manager import FontProperties, fontManager, get_font

    prop = FontProperties(size=size)
    font = get_font(fontManager._find_fonts_by_props(prop))
    scale = size * dpi / 72 / font.get_sfnt_table("head")["unitsPerEm"]
    for table_name, ascent_key, descent_key in (("OS/2", "sTypoAscender", "sTypoDescender"),
                                                ("hhea", "ascent", "descent")):
        table = font.get_sfnt_table(table_name)
        if table is not None:
            return prop, table[ascent_key] * scale, -table[descent_key] * scale
    return prop, size * dpi / 72 * 0.88, size * dpi / 72 * 0.12


def plot_table(figure, title: str, columns: list[tuple[str, float, str]], rows: list[tuple],
               total_row: tuple | None = None, note: str = "") -> None:
    """A table drawn with text on `figure` (a page slot): `columns` are (header, x anchor 0–1, alignment),
    `rows` the cell texts; `total_row`, if given, is set off by a rule; `note` is printed under it. Nothing
    here takes part in the constrained layout (the table fills its slot).

    Texts, rules and shading go on the slot itself, in its own coordinates: an Axes (its axis, ticks and
    spines, all hidden) cost about 30 ms a table to make and draw for nothing."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    where = figure.transSubfigure
    cells = add_text_block(figure)

    def at(x: float) -> float:  # the anchors run 0–1 inside a 1 % margin on either side
        return (x + 0.01) / 1.02

    def rule(y: float, width: float) -> None:
        figure.add_artist(Line2D([0, 1], [y, y], transform=where, color="#333333", linewidth=width))

    cells.add(at(0.5), 0.98, title, ha="center", va="top", size=11)
    row_h = min(0.065, 0.8 / (len(rows) + 2))
    y = 0.88
    for header, x, align in columns:
        cells.add(at(x), y, header, size=8.5, ha=align, va="center", linespacing=1.2)
    rule(y - row_h * 0.6, 0.8)
    y -= row_h * 1.2
    body = list(rows) + ([total_row] if total_row else [])
    for i, row in enumerate(body):
        if total_row and i == len(rows):
            rule(y + row_h / 2, 0.6)
        elif i % 2 == 0:
            figure.add_artist(Rectangle((0, y - row_h / 2), 1, row_h, transform=where, facecolor="#f2f5f8",
                                        edgecolor="none", zorder=0))
        for (_, x, align), text in zip(columns, row):
            cells.add(at(x), y, text, size=8, ha=align, va="center")
        y -= row_h
    rule(y + row_h / 2, 0.8)
    if note:
        import textwrap

        cells.add(at(0.0), y - row_h * 0.2, "\n".join(textwrap.wrap(note, 62)), size=7.5, color="#555555",
                  ha="left", va="top", linespacing=1.4)
