"""matplotlib set-up: Chinese fonts, no pyplot, and a persistent cache folder.

Import this module instead of matplotlib itself; it is imported lazily, only when a chart is drawn.
"""

from __future__ import annotations

import os
import sys
import types
from functools import lru_cache

from ..base import paths

FONT_FILE = "NotoSansSC-GB2312.ttf"
BUNDLED_FAMILY = "Noto Sans CJK SC"
# System fonts preferred when present: they cover rarer characters than the bundled GB 2312 cut.
SYSTEM_FAMILIES = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "SimHei")


def skip_3d_axes() -> None:
    """matplotlib registers its 3D axes when first imported, which loads mpl_toolkits.mplot3d (about 0.3 s
    of a report's run); no chart here is 3D. A stand-in module whose Axes3D is None makes matplotlib leave
    them out (as it does when they cannot be imported), without a warning. Called when this module is
    imported: main.py imports it at process start, before matplotlib."""
    if "matplotlib.projections" not in sys.modules and "mpl_toolkits.mplot3d" not in sys.modules:
        stand_in = types.ModuleType("mpl_toolkits.mplot3d")
        stand_in.Axes3D = None
        sys.modules["mpl_toolkits.mplot3d"] = stand_in


skip_3d_axes()


def use_user_cache_dir() -> None:
    """Point MPLCONFIGDIR at a folder in the user's state folder; call before matplotlib is first imported.

    A frozen app's matplotlib hook points MPLCONFIGDIR at a new temporary folder on every launch, which
    rebuilds the font cache each start. matplotlib reads the variable once, when it is imported (any
    `matplotlib.backends...` import counts), so `main.py` calls this at process start.
    """
    if os.environ.get("CHANGNING_KEEP_MPLCONFIGDIR"):
        return
    cache = paths.user_state_dir() / "matplotlib"
    try:
        cache.mkdir(parents=True, exist_ok=True)
        os.environ["MPLCONFIGDIR"] = str(cache)
    except OSError:
        pass


@lru_cache(maxsize=1)
def setup() -> str:
    """Configure matplotlib once; returns the CJK family in use."""
    if "matplotlib" not in sys.modules:
        use_user_cache_dir()
    import matplotlib

    matplotlib.use("Agg", force=False)
    _skip_set_docstrings()
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    family = next((f for f in SYSTEM_FAMILIES if f in installed), None)
    if family is None:
        font_manager.fontManager.addfont(str(paths.resource_path("fonts", FONT_FILE)))
        family = BUNDLED_FAMILY
    matplotlib.rcParams["font.family"] = [family, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["pdf.fonttype"] = 42
    # matplotlib 3.11's PDF backend sizes its font subsets by ps.fonttype, not pdf.fonttype (backend_pdf.py:
    # CharacterTracker(_FONT_MAX_GLYPH[rcParams['ps.fonttype']])): with the default 3 a report's ~700 CJK
    # characters became four 256-glyph copies of the font, each subset from the whole font file (about
    # 0.3 s of a report). 42 gives one subset per font, as a Type 42 (CID) font allows.
    matplotlib.rcParams["ps.fonttype"] = 42
    # A title at a fixed height (where it goes anyway: no chart has x ticks on top) is not moved at every
    # draw, which measured the x axis's whole tick labels per chart: about a tenth of a report's drawing.
    matplotlib.rcParams["axes.titley"] = 1.0
    matplotlib.rcParams["svg.fonttype"] = "path"
    _remember_font_lookups(font_manager.fontManager)
    return family


def _remember_font_lookups(manager) -> None:
    """Remember which font files a text's font properties resolve to.

    matplotlib's PDF and SVG renderers look the files up again for every text they measure and draw
    (`FontManager._find_fonts_by_props`, each call reading six rcParams per family to key its own cache):
    about 9,000 look-ups and a tenth of a report's time for a handful of distinct answers. The answer
    depends only on the properties (our families are named fonts, never rcParams' generic ones) and on
    the font list, which this process does not change after `setup`.
    """
    find = getattr(manager, "_find_fonts_by_props", None)
    if find is None or getattr(find, "remembered", False):
        return
    known: dict = {}

    def find_fonts(prop, fontext="ttf", directory=None, fallback_to_default=True, rebuild_if_missing=True):
        if isinstance(prop, str):
            key = prop
        else:
            key = (tuple(prop.get_family()), prop.get_style(), prop.get_variant(), prop.get_weight(),
                   prop.get_stretch(), prop.get_size_in_points(), prop.get_file())
        key = (key, fontext, directory, fallback_to_default, rebuild_if_missing)
        found = known.get(key)
        if found is None:
            found = known[key] = find(prop, fontext, directory, fallback_to_default, rebuild_if_missing)
        return found

    find_fonts.remembered = True
    manager._find_fonts_by_props = find_fonts


def _skip_set_docstrings() -> None:
    """Leave out the docstring and signature matplotlib writes for each Artist class's `set()` as the class
    is made: it inspects every setter's docstring (`artist.kwdoc`) of ~90 classes, about 0.1 s of every
    report's start for help texts nothing here reads. The flag that chains `set()` down the class tree is
    kept, so `set()` and every setter behave as before. Done before the first Artist subclass is imported
    (call `setup()` before importing matplotlib.figure or a backend); later classes only."""
    from matplotlib.artist import Artist

    if getattr(Artist._update_set_signature_and_docstring, "skipped", False):
        return

    def update(cls) -> None:
        cls.set._autogenerated_signature = True

    update.skipped = True
    Artist._update_set_signature_and_docstring = classmethod(update)


def new_figure(width: float = 6.4, height: float = 4.0, dpi: float = 100):
    """A matplotlib Figure (no pyplot), fonts configured."""
    setup()
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=dpi, layout="constrained")
