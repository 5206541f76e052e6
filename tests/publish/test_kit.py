"""The learner's kit: the wheel, ``customer-focus worksheets DIR`` and the site's download.

The last test installs the wheel in a fresh virtual environment, away from the
repository, and runs the notebooks it writes under nbval, as a learner would.
No package index is needed: the new environment sees the dependencies already
installed in this one (a ``.pth`` file), and the wheel is installed from its folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from customer_focus import cli
from customer_focus.publish import kit

ROOT = Path(__file__).resolve().parents[2]
SANITIZE = ROOT / "tests" / "nbval-sanitize.cfg"


def kit_notebooks(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*.ipynb")}


def expected_notebooks() -> set[str]:
    tools = {f"worksheets/{p.name}" for p in (ROOT / "book/apply/tools").glob("*.ipynb")}
    lab = {f"lab/{p.name}" for p in (ROOT / "book/apply/lab").glob("*.ipynb")}
    exercises = {f"exercises/{p.name}" for p in (ROOT / "exercises").glob("*.ipynb")}
    return tools | lab | exercises


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    return kit.build_wheel(ROOT, tmp_path_factory.mktemp("dist"))


def test_the_command_writes_every_worksheet_exercise_and_sample(tmp_path, capsys):
    target = tmp_path / "my-worksheets"
    assert cli.main(["worksheets", str(target)]) == 0
    assert f"jupyter lab {target}" in capsys.readouterr().out
    assert kit_notebooks(target) == expected_notebooks()
    assert len(expected_notebooks()) == 9 + 1 + 10
    data = ROOT / "book/apply/tools/data"
    samples = {p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file()}
    copied = target / "worksheets" / "data"
    assert {p.relative_to(copied).as_posix() for p in copied.rglob("*") if p.is_file()} == samples
    assert "zh_TW/kano-sample.csv" in samples
    assert "jupyter lab" in (target / "README.md").read_text(encoding="utf-8")


def test_a_folder_with_files_is_not_overwritten_without_force(tmp_path, capsys):
    target = tmp_path / "copy"
    assert cli.main(["worksheets", str(target)]) == 0
    mine = target / "worksheets" / "lifetime-value-worksheet.ipynb"
    mine.write_text("my changes", encoding="utf-8")
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["worksheets", str(target)]) == 1
    error = capsys.readouterr().err
    assert f"error: {target} is not empty" in error and "--force" in error
    assert mine.read_text(encoding="utf-8") == "my changes"
    assert cli.main(["worksheets", str(target), "--force"]) == 0
    assert json.loads(mine.read_text(encoding="utf-8"))["cells"]
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_file_in_the_way_is_reported(tmp_path, capsys):
    target = tmp_path / "taken"
    target.write_text("", encoding="utf-8")
    assert cli.main(["worksheets", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"error: {target} is a file, not a folder. Give the name of a new folder.\n"
    )


def test_the_wheel_carries_the_course_files_and_the_command(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "customer-focus = customer_focus.cli:main" in archive.read(entry_points).decode()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    carried = {name.removeprefix("customer_focus/course_files/") for name in names
               if name.startswith("customer_focus/course_files/")}
    assert carried == {str(path) for path in kit.course_files(ROOT)}
    assert {"book/quizzes/lifetime-value.yml", "book/course-map.yml", "references.bib",
            "book/apply/tools/data/kano-sample.csv", "book/apply/tools/data/zh_TW/kano-sample.csv",
            "exercises/kano.ipynb"} <= carried
    assert 'Requires-Dist: jupyterlab>=4; extra == "jupyter"' in metadata.decode()
    package = ROOT / "src" / "customer_focus"
    data = {f"customer_focus/{path.relative_to(package).as_posix()}" for path in package.rglob("*")
            if path.is_file() and path.suffix not in (".py", ".pyc")}
    assert data - names == set(), "package data the wheel leaves out (pyproject's package-data)"


def test_the_download_holds_the_readme_the_wheel_and_the_notebooks(tmp_path):
    archive = kit.write_download(ROOT, tmp_path)
    top = "customer-focus-worksheets/"
    with zipfile.ZipFile(archive) as bundle:
        assert bundle.testzip() is None
        names = set(bundle.namelist())
        readme = bundle.read(top + "README.md").decode()
    wheels = [name for name in names if name.endswith(".whl")]
    assert len(wheels) == 1
    wheel = wheels[0].removeprefix(top)
    assert f'python -m pip install "{wheel}[jupyter]"' in readme
    assert "customer-focus worksheets my-worksheets" in readme
    assert "jupyter lab my-worksheets" in readme
    assert {name.removeprefix(top) for name in names if name.endswith(".ipynb")} == (
        expected_notebooks()
    )
    assert top + "worksheets/data/feedback-sample.xlsx" in names
    assert top + "worksheets/data/zh_TW/feedback-sample.xlsx" in names


def _fresh_environment(folder: Path, wheel: Path) -> Path:
    """A new virtual environment with the wheel installed; returns its Python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    # The dependencies (and pip, pytest, nbval) come from this environment, after the new
    # one's own site-packages, where the wheel goes.
    Path(site, "course-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-index",
         "--no-deps", "--ignore-installed", "--find-links", str(wheel.parent), "customer-focus"],
        check=True, capture_output=True, text=True, env=_learner_environment(),
    )
    return python


def _learner_environment() -> dict[str, str]:
    hidden = {"CUSTOMER_FOCUS_COURSE", "PYTHONPATH", "VIRTUAL_ENV"}
    return {key: value for key, value in os.environ.items() if key not in hidden}


@pytest.mark.slow
def test_in_a_fresh_environment_the_worksheets_run_under_nbval(wheel, tmp_path):
    python = _fresh_environment(tmp_path / "env", wheel)
    environment = _learner_environment()
    where = subprocess.run(
        [python, "-c", "import customer_focus\nfrom customer_focus.core import paths\n"
         "print(customer_focus.__file__)\nprint(paths.course_root())"],
        cwd=tmp_path, check=True, capture_output=True, text=True, env=environment,
    ).stdout.splitlines()
    installed = Path(where[0]).parent
    assert installed.is_relative_to(tmp_path / "env"), where
    assert Path(where[1]) == installed / "course_files"

    command = tmp_path / "env" / "bin" / "customer-focus"
    made = subprocess.run([command, "worksheets", "my-worksheets"], cwd=tmp_path,
                          capture_output=True, text=True, env=environment, check=False)
    assert made.returncode == 0, made.stderr
    copy = tmp_path / "my-worksheets"
    assert kit_notebooks(copy) == expected_notebooks()

    # The Chinese copy (the zh-TW edition's download): translated from the catalogs the wheel
    # carries, its notebooks run in Chinese (their outputs are cleared: run, not compared).
    made = subprocess.run([command, "worksheets", "my-zh", "--language", "zh_TW"], cwd=tmp_path,
                          capture_output=True, text=True, env=environment, check=False)
    assert made.returncode == 0, made.stderr
    chinese = tmp_path / "my-zh"
    assert kit_notebooks(chinese) == expected_notebooks()
    assert "問卷答案的狩野分類" in (chinese / "worksheets/kano-worksheet.ipynb").read_text("utf-8")

    nbval = [python, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--nbval-current-env",
             "--nbval-cell-timeout", "300"]
    for folder, options, notebooks in (
        (copy, ["--nbval", "--nbval-sanitize-with", str(SANITIZE)], ["worksheets", "lab"]),
        (copy, ["--nbval-lax"], ["exercises"]),
        (chinese, ["--nbval-lax"], ["worksheets", "lab", "exercises"]),
    ):
        result = subprocess.run([*nbval, "--rootdir", str(folder), *options, *notebooks],
                                cwd=folder, capture_output=True, text=True, env=environment,
                                check=False)
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
        assert " passed" in result.stdout and " failed" not in result.stdout
