"""Text in the report's PDF, laid out once per string instead of at every draw.

matplotlib's PDF renderer shapes each string it draws or measures from scratch: libraqm lays it out, every
glyph is loaded twice through FreeType (once to shape it, once more only to be "current" afterwards), and
each glyph's PDF operators are built in Python. A report draws about 1,300 strings, half of them again and
again ("—", "未填报", the year ticks, the running header), and this was a third of the time spent writing
its pages.

`install()` makes the PDF renderer remember, for the file being written, the operators that show a string
in a font at a size (everything between BT and ET): a string drawn again is its position (one `cm`
operator) and those bytes. What a string measures is remembered for the process. The first drawing of a
string is matplotlib's own, minus the second glyph load, so a PDF written either way is the same byte
for byte (tests/models/output/test_pdf_text.py). Strings with mathtext, links, OpenType features or a
language go through matplotlib's own code untouched.
"""

from __future__ import annotations

import math
import types

_GSAVE_AND_MATRIX = 4  # draw_text's first writes: "q", "\n", "cos sin -sin cos x y cm", "\n"
_MEASURED_LIMIT = 50_000


def install() -> None:
    """Make matplotlib's PDF renderer draw and measure plain text as described above; once per process.
    Call after `mpl.setup()` (it imports matplotlib's PDF backend)."""
    from matplotlib.backends import backend_pdf
    from matplotlib.ft2font import FT2Font

    renderer = backend_pdf.RendererPdf
    if getattr(renderer.draw_text, "remembered", False):
        return
    if not (hasattr(backend_pdf, "_text_helpers") and hasattr(FT2Font, "_layout")):
        return  # not the matplotlib this was written for (requirements.txt pins 3.11.2): its own drawing, as is
    renderer.draw_text = _remembering_draw(renderer.draw_text, backend_pdf.Op)
    renderer.get_text_width_height_descent = _remembering_measure(renderer.get_text_width_height_descent)
    backend_pdf._text_helpers = types.SimpleNamespace(layout=_layout_without_reload())


def font_key(prop) -> tuple:
    """What of a FontProperties decides a plain string's glyphs and size."""
    return (tuple(prop.get_family()), prop.get_style(), prop.get_variant(), prop.get_weight(),
            prop.get_stretch(), prop.get_size_in_points(), prop.get_file())


def _plain(ismath, gc, mtext) -> bool:
    if ismath or gc.get_url() is not None:
        return False
    if mtext is not None:
        features = getattr(mtext, "get_fontfeatures", lambda: None)()
        language = getattr(mtext, "get_language", lambda: None)()
        if features or language:
            return False
    return True


def _remembering_draw(draw_text, op):
    def draw(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if not _plain(ismath, gc, mtext):
            return draw_text(self, gc, x, y, s, prop, angle, ismath, mtext)
        pdf_file = self.file
        shown = pdf_file.__dict__.setdefault("_shown_strings", {})
        key = (s, font_key(prop))
        body = shown.get(key)
        self.check_gc(gc, gc._rgb)  # the colour goes before the text, as draw_text's own call puts it
        if body is None:
            write = pdf_file.write
            written: list[bytes] = []
            pdf_file.write = written.append
            try:
                draw_text(self, gc, x, y, s, prop, angle, ismath, mtext)
            finally:
                del pdf_file.write  # back to the class's method
            if len(written) > _GSAVE_AND_MATRIX and written[2].endswith(b" cm"):
                shown[key] = b"".join(written[_GSAVE_AND_MATRIX:])
            for chunk in written:
                write(chunk)
            return
        radians = math.radians(angle)
        cos, sin = math.cos(radians), math.sin(radians)
        pdf_file.output(op.gsave)
        pdf_file.output(cos, sin, -sin, cos, x, y, op.concat_matrix)
        pdf_file.write(body)

    draw.remembered = True
    draw.original = draw_text
    return draw


def _remembering_measure(measure):
    measured: dict = {}

    def get_text_width_height_descent(self, s, prop, ismath):
        if ismath:
            return measure(self, s, prop, ismath)
        key = (s, font_key(prop))
        found = measured.get(key)
        if found is None:
            if len(measured) > _MEASURED_LIMIT:
                measured.clear()
            found = measured[key] = measure(self, s, prop, ismath)
        return found

    get_text_width_height_descent.original = measure
    return get_text_width_height_descent


def _layout_without_reload():
    """matplotlib's `_text_helpers.layout` without loading each glyph again after shaping it: the PDF
    renderer reads only the layout's glyph indices and positions, never the font's current glyph."""
    from matplotlib.ft2font import LoadFlags

    def layout(string, font, *, features=None, language=None):
        return font._layout(string, LoadFlags.NO_HINTING, features=features, language=language)

    return layout
