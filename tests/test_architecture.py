"""The layering, read from the code: arrows point down (main → ui → widgets → models), never back.

Every import counts, also one inside a function: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("models", "widgets", "ui", "cli")
SQL_CALLS = {"execute", "executemany", "executescript", "query"}


def _modules() -> dict[str, Path]:
    found = {"main": ROOT / "main.py"}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path, top_level_only: bool = False) -> set[str]:
    """Every module `name` imports (or only those at module level), absolute, relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = _module_level(tree) if top_level_only else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            out.add(stem)
            out.update(f"{stem}.{alias.name}" for alias in node.names)
    return out


def _module_level(tree: ast.Module):
    """The statements run when the module is imported: its body, into if/try blocks, not into functions."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.If, ast.Try, ast.With)):
            for field in ("body", "orelse", "finalbody", "handlers"):
                stack.extend(getattr(node, field, []) or [])
        elif isinstance(node, ast.ExceptHandler):
            stack.extend(node.body)


IMPORTS = {name: _imports(name, path) for name, path in MODULES.items()}
LOAD_IMPORTS = {name: _imports(name, path, top_level_only=True) for name, path in MODULES.items()}


def _top(module: str) -> str:
    return module.split(".")[0]


def test_models_import_no_qt_and_no_screens():
    bad = {name: sorted(m for m in imports if _top(m) in {"PySide6", "ui", "widgets", "matplotlib.backends.backend_qtagg"})
           for name, imports in IMPORTS.items() if _top(name) == "models"}
    assert {k: v for k, v in bad.items() if v} == {}


def test_widgets_import_no_ui():
    bad = {name: sorted(m for m in imports if _top(m) == "ui")
           for name, imports in IMPORTS.items() if _top(name) == "widgets"}
    assert {k: v for k, v in bad.items() if v} == {}


def test_no_import_cycles():
    """No cycle among the imports a module makes when it loads. A function may import a module that imports
    its own (models.output.report asks models.output.report_final for the final report's content, which borrows the
    report's table drawing): that is a call at run time, not a load-order knot."""
    graph = {name: {m for m in imports if m in MODULES and m != name} for name, imports in LOAD_IMPORTS.items()}
    # A package's __init__ importing its own submodules is not a cycle of meaning.
    for name in graph:
        graph[name] = {m for m in graph[name] if not m.startswith(name + ".")}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(trail[trail.index(nxt):] + [nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == [], "\n".join(" → ".join(c) for c in cycles)


def _sql_calls(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS:
            lines.append(node.lineno)
    return lines


def test_no_sql_outside_models():
    found = {str(path.relative_to(ROOT)): _sql_calls(path) for name, path in MODULES.items() if _top(name) != "models"}
    assert {k: v for k, v in found.items() if v} == {}


def test_the_core_imports_without_qt():
    import subprocess
    import sys

    code = ("import sys, importlib.abc\n"
            "class Block(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('PySide6', 'shiboken6'): raise ImportError('no Qt: ' + name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "import pkgutil, importlib, models\n"
            "for m in pkgutil.walk_packages(models.__path__, 'models.'):\n"
            "    importlib.import_module(m.name)\n"
            "print('ok')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_only_the_command_line_prints():
    """The core returns results and raises errors with messages; printing is the cli package's (and the
    window's) business. A `print` in models/ would write into a window's void, or twice in a batch run."""
    printing = {}
    for name, path in MODULES.items():
        if _top(name) != "models":
            continue
        calls = [node.lineno for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"]
        if calls:
            printing[str(path.relative_to(ROOT))] = calls
    assert printing == {}


def test_the_cli_imports_no_qt():
    bad = {name: sorted(m for m in imports if _top(m) in {"PySide6", "ui", "widgets"})
           for name, imports in IMPORTS.items() if _top(name) == "cli"}
    assert {k: v for k, v in bad.items() if v} == {}


# models/ is in layers, each folder importing only from the folders before it (issue 12).
MODEL_LAYERS = ("base", "store", "returns", "planning", "output")


def test_models_folders_are_layers_each_importing_only_those_below():
    folders = {p.name for p in (ROOT / "models").iterdir() if (p / "__init__.py").exists()}
    assert folders == set(MODEL_LAYERS), "a new folder under models/ needs its place in MODEL_LAYERS"
    assert not [p.name for p in (ROOT / "models").glob("*.py") if p.name != "__init__.py"], \
        "every module of models/ lives in one of its folders"
    upward = []
    for name, imports in IMPORTS.items():
        parts = name.split(".")
        if parts[0] != "models" or len(parts) < 3:
            continue
        mine = MODEL_LAYERS.index(parts[1])
        for target in imports:
            tparts = target.split(".")
            if tparts[0] == "models" and len(tparts) > 1 and tparts[1] in MODEL_LAYERS \
                    and MODEL_LAYERS.index(tparts[1]) > mine:
                upward.append(f"{name} → {target}")
    assert sorted(set(upward)) == []
