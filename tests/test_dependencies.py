"""Every third-party import is a declared dependency.

The package's own imports must be in ``pyproject.toml`` (its ``dependencies``, or an
extra: ``book`` for the Sphinx extension, ``publish`` for handouts and SCORM); what
the tests, the benchmarks and the notebooks import must be in ``requirements.txt``
or ``pyproject.toml``. A module is matched to the distribution that installs it
(``importlib.metadata.packages_distributions``).
"""

from __future__ import annotations

import ast
import importlib.metadata
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "customer_focus"
#: Modules and packages the tests import from their own folder (``tests/`` is on their path).
LOCAL = {path.stem for path in (ROOT / "tests").glob("*.py")} | {
    path.parent.name for path in (ROOT / "tests").glob("*/__init__.py")
}


def _normal(name: str) -> str:
    """A distribution's name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(line: str) -> str:
    return _normal(re.split(r"[<>=!~;\[ ]", line.strip(), maxsplit=1)[0])


def _quoted(block: str) -> set[str]:
    lines = [line for line in block.splitlines() if not line.lstrip().startswith("#")]
    return {_requirement_name(item) for item in re.findall(r'"([^"]+)"', "\n".join(lines))}


def _pyproject() -> tuple[set[str], set[str]]:
    """The package's dependencies and its extras' (read as text: tomllib needs Python 3.11)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    core = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M)
    extras = re.search(r"^\[project\.optional-dependencies\]\n(.*?)^\[", text, re.S | re.M)
    assert core and extras, "pyproject.toml has no dependencies or optional-dependencies"
    return _quoted(core.group(1)), _quoted(extras.group(1))


def _requirements() -> set[str]:
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return {_requirement_name(line) for line in lines if line.strip() and not line.startswith("#")}


def _top_modules(source: str) -> set[str]:
    """The top-level modules a piece of Python imports (also through ``pytest.importorskip``)."""
    tree = ast.parse(source)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "importorskip"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.add(str(node.args[0].value).split(".")[0])
    return found


def _notebook_code(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
    lines = "\n".join(code).splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith(("%", "!")))


def _third_party(modules: set[str]) -> set[str]:
    own = {"customer_focus", "__future__"} | LOCAL
    return {name for name in modules if name not in sys.stdlib_module_names and name not in own}


def _undeclared(modules: set[str], declared: set[str]) -> list[str]:
    installed = importlib.metadata.packages_distributions()
    missing = []
    for module in sorted(_third_party(modules)):
        distributions = {_normal(name) for name in installed.get(module, [])}
        if not distributions:
            missing.append(f"{module} (not installed: which distribution provides it?)")
        elif not distributions & declared:
            missing.append(f"{module} (from {', '.join(sorted(distributions))})")
    return missing


def test_the_package_imports_only_what_pyproject_declares():
    core, extras = _pyproject()
    files = PACKAGE.rglob("*.py")
    modules = set().union(*(_top_modules(path.read_text("utf-8")) for path in files))
    assert _undeclared(modules, core | extras) == []


def test_the_calc_modules_and_the_core_need_no_extra():
    """What learners import in a notebook installs with the package alone (no extra)."""
    core, _ = _pyproject()
    light = [*PACKAGE.glob("core/*.py"), *PACKAGE.glob("tools/**/*.py")]
    modules = set().union(*(_top_modules(path.read_text("utf-8")) for path in light))
    assert _undeclared(modules, core) == []


@pytest.mark.parametrize("folder", ["tests", "benchmarks"])
def test_tests_and_benchmarks_import_only_declared_packages(folder):
    declared = _requirements() | set().union(*_pyproject())
    files = (ROOT / folder).rglob("*.py")
    modules = set().union(*(_top_modules(path.read_text("utf-8")) for path in files))
    assert _undeclared(modules, declared) == []


def test_the_notebooks_import_only_declared_packages():
    declared = _requirements() | set().union(*_pyproject())
    notebooks = [*ROOT.glob("book/**/*.ipynb"), *ROOT.glob("solutions/*.ipynb")]
    assert notebooks
    modules = set().union(*(_top_modules(_notebook_code(path)) for path in notebooks))
    assert _undeclared(modules, declared) == []
