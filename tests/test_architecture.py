"""The package's shape: layers that import only downward, no private names across modules,
no import cycles, and arithmetic that needs nothing outside the standard library.

Layers, from the bottom: ``core`` (0), ``tools`` (1), ``course`` (2), ``publish`` and
``sphinxext`` (3), and the command line on top (4). A module may import from its own
layer and the layers below it.

Modules not moved into a layer folder yet are listed in :data:`UNMOVED` with the layer
they are going to, and are held to that layer's rule already. The list shrinks stage by
stage: a module that moves must leave the list (a test says so), and a new module must
go into a layer folder, not the top level. What still breaks a rule is named in an
allowlist (:data:`UNDERSCORE_ALLOWED`, :data:`CYCLES_ALLOWED`, :data:`UPWARD_ALLOWED`),
each entry tied to a module not moved yet; an entry no longer needed fails its test.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "customer_focus"

LAYERS = {"core": 0, "tools": 1, "course": 2, "publish": 3, "sphinxext": 3, "cli": 4}
#: The package itself and its command line sit on top.
TOP = {"customer_focus": 4, "customer_focus.__main__": 4}

#: Top-level modules and packages still to move, and the layer each is going to.
UNMOVED: dict[str, str] = {}

#: Private names that modules not moved yet still take from each other: (importer, name).
UNDERSCORE_ALLOWED: set[tuple[str, str]] = set()

#: Import cycles among modules not moved yet (imports made on use count too): none now.
CYCLES_ALLOWED: list[set[str]] = []

#: Imports that go up a layer, each to a module not moved yet: (importer, module). None now:
#: a tool reads the invented cases' inputs from ``core.cases`` and computes what it quotes.
UPWARD_ALLOWED: set[tuple[str, str]] = set()

#: What a tool's ``calc.py`` may import from the package (all standard library only), besides
#: another tool's ``calc.py`` (held to the same rule), as ``from ..<tool> import calc``.
CALC_MAY_IMPORT = {
    "customer_focus.core.validation", "customer_focus.core.formats", "customer_focus.core.fields",
    "customer_focus.core.messages",
}
#: Core modules that use the standard library only, and may import only each other.
STDLIB_CORE = CALC_MAY_IMPORT | {"customer_focus.core.problems", "customer_focus.core.languages"}
#: What Pyodide in a reader's browser does not have.
HEAVY = ("numpy", "pandas", "scipy", "matplotlib", "ipywidgets", "IPython", "yaml", "openpyxl")


@dataclass(frozen=True)
class Import:
    """One import of a package module: where it stands and what it takes."""

    importer: str
    module: str
    names: tuple[str, ...]
    line: int


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _resolve(importer: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    is_package = MODULES[importer].name == "__init__.py"
    base = importer.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(module: str) -> list[Import]:
    """Every import of a ``customer_focus`` module in ``module``, at any depth of its code."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "customer_focus":
                    found.append(Import(module, alias.name, (), node.lineno))
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, node)
            if source.split(".")[0] != "customer_focus":
                continue
            for alias in node.names:
                target = f"{source}.{alias.name}"
                if target in MODULES:  # a submodule: ``from . import calc``
                    found.append(Import(module, target, (), node.lineno))
                else:
                    found.append(Import(module, source, (alias.name,), node.lineno))
    return found


IMPORTS = [item for module in MODULES for item in _imports(module)]


def _unmoved_entry(module: str) -> str | None:
    for name in UNMOVED:
        if module == name or module.startswith(name + "."):
            return name
    return None


def layer(module: str) -> int:
    """The layer of a module: by its folder, or by where it is going (:data:`UNMOVED`)."""
    if module in TOP:
        return TOP[module]
    parts = module.split(".")
    if parts[1] in LAYERS:
        return LAYERS[parts[1]]
    entry = _unmoved_entry(module)
    if entry is None:
        raise AssertionError(
            f"{module} is in no layer: put it in core/, tools/, course/, publish/ or sphinxext/"
        )
    return LAYERS[UNMOVED[entry]]


def test_modules_still_to_move_are_listed_exactly():
    top_level = {
        module for module in MODULES
        if module.count(".") == 1 and module not in TOP and module.split(".")[1] not in LAYERS
    }
    print("\nNot moved into a layer yet (module: its layer to be):")
    for module, target in sorted(UNMOVED.items()):
        print(f"  {module}: {target}")
    new, moved = sorted(top_level - set(UNMOVED)), sorted(set(UNMOVED) - top_level)
    assert new == [], f"put these in a layer folder: {new}"
    assert moved == [], f"moved, so remove them from UNMOVED: {moved}"


def _upward() -> list[Import]:
    return [
        item for item in IMPORTS
        if item.module in MODULES and layer(item.module) > layer(item.importer)
    ]


def test_every_import_goes_down_or_stays_on_its_layer():
    upward = [
        f"{item.importer} (layer {layer(item.importer)}) line {item.line} imports {item.module} "
        f"(layer {layer(item.module)})"
        for item in _upward()
        if (item.importer, item.module) not in UPWARD_ALLOWED
    ]
    assert upward == []


def test_the_upward_allowlist_only_holds_imports_of_modules_not_moved_still_made():
    assert all(_unmoved_entry(module) for _, module in UPWARD_ALLOWED)
    stale = UPWARD_ALLOWED - {(item.importer, item.module) for item in _upward()}
    assert stale == set(), f"no longer imported, so remove from UPWARD_ALLOWED: {sorted(stale)}"


def test_every_import_names_a_module_that_exists():
    missing = [f"{item.importer} line {item.line}: {item.module}" for item in IMPORTS
               if item.module not in MODULES]
    assert missing == []


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _private_imports() -> set[tuple[str, str]]:
    found = {(item.importer, name) for item in IMPORTS for name in item.names if _private(name)}
    for module, path in MODULES.items():  # ``module._name`` on an imported package module
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bound = {
            (alias.asname or alias.name.split(".")[-1])
            for item in _imports(module) if not item.names
            for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
            for alias in node.names if item.module.endswith(alias.name)
        }
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and _private(node.attr)
                    and isinstance(node.value, ast.Name) and node.value.id in bound):
                found.add((module, node.attr))
    return found


def test_no_private_name_is_taken_from_another_module():
    taken = _private_imports()
    assert sorted(taken - UNDERSCORE_ALLOWED) == []


def test_the_private_name_allowlist_only_holds_modules_not_moved_and_still_needed():
    assert all(_unmoved_entry(importer) for importer, _ in UNDERSCORE_ALLOWED)
    stale = UNDERSCORE_ALLOWED - _private_imports()
    assert stale == set(), f"no longer imported, so remove from UNDERSCORE_ALLOWED: {sorted(stale)}"


def _cycles() -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {module: set() for module in MODULES}
    for item in IMPORTS:
        if item.module in MODULES and item.module != item.importer:
            graph[item.importer].add(item.module)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for module in graph:
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles():
    cycles = _cycles()
    assert [cycle for cycle in cycles if cycle not in CYCLES_ALLOWED] == []
    assert all(_unmoved_entry(module) for cycle in CYCLES_ALLOWED for module in cycle)
    assert [cycle for cycle in CYCLES_ALLOWED if cycle not in cycles] == [], "remove it: gone"


CALCS = sorted(path for path in (PACKAGE / "tools").glob("*/calc.py"))


def _stdlib_only(module: str, allowed: set[str]) -> list[str]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    wrong = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, node)
            names = [  # ``from ..lifetime_value import calc`` imports the submodule
                f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source
                for alias in node.names
            ]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if name in allowed or (top != "customer_focus" and top in sys.stdlib_module_names):
                continue
            if top == "__future__":
                continue
            wrong.append(f"{module} line {node.lineno}: {name}")
    return wrong


@pytest.mark.parametrize("path", CALCS, ids=[path.parent.name for path in CALCS])
def test_calc_imports_only_the_standard_library_and_the_plain_core(path):
    other_calcs = {_module_name(other) for other in CALCS if other != path}
    assert _stdlib_only(_module_name(path), CALC_MAY_IMPORT | other_calcs) == []


@pytest.mark.parametrize("module", sorted(STDLIB_CORE))
def test_the_plain_core_imports_only_the_standard_library(module):
    assert _stdlib_only(module, STDLIB_CORE) == []


_BLOCKER = textwrap.dedent(
    """
    import importlib.abc, sys

    class Blocked(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {heavy!r}:
                raise ImportError(f"{{name}} is not available in the browser")
            return None

    sys.meta_path.insert(0, Blocked())
    try:
        import pandas
    except ImportError:
        pass
    else:
        raise SystemExit("the blocker does not block")
    """
)


def test_calc_modules_import_with_the_heavy_packages_blocked():
    tools = [path.parent.name for path in CALCS]
    script = _BLOCKER.format(heavy=set(HEAVY)) + textwrap.dedent(
        f"""
        import importlib
        for name in ["customer_focus", "customer_focus.core", "customer_focus.tools"]:
            importlib.import_module(name)
        for tool in {tools!r}:
            importlib.import_module(f"customer_focus.tools.{{tool}}")
            calc = importlib.import_module(f"customer_focus.tools.{{tool}}.calc")
            assert calc.FIELDS, tool
        print("ok", len({tools!r}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ok {len(tools)}"
