"""The learner's kit in the zh-TW edition: its READMEs in Traditional Chinese, the English
ones' structure (the same sections, the same files and commands), the glossary's terms and
Taiwan usage; the copy and the download written with them when the language is asked for."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from chinese_text import english_words
from customer_focus import cli
from customer_focus.core.paths import package_file
from customer_focus.course import glossary
from customer_focus.publish import kit

ROOT = Path(__file__).resolve().parents[2]
READMES = (kit.COPY_README, kit.DOWNLOAD_README)
#: What the Chinese README may keep in English: names of programs, systems and sites, and the
#: words of English-only programs it quotes (JupyterLab's menu, the Python installer's box).
NAMES = ("Add python.exe to PATH", "Run All Cells", "Run", "Microsoft Store", "python.org",
         "Python", "JupyterLab", "Jupyter", "Windows", "macOS", "Linux", "Debian", "Ubuntu",
         "PowerShell", "venv", "README", "Customer Focus")
#: The one option the Chinese commands add: the copy's README in Chinese too.
CHINESE_COPY = " --language zh_TW"
CJK = re.compile(r"[\u4e00-\u9fff]")


def structure(text: str) -> dict[str, object]:
    """What two translations of a README share: its headings' levels, its list items, its
    commands (the fenced blocks) and every file, folder and command it names (inline code)."""
    blocks = re.findall(r"^```\n(.*?)^```", text, re.S | re.M)
    rest = re.sub(r"^```\n.*?^```", "", text, flags=re.S | re.M)
    return {
        "headings": re.findall(r"^(#+) ", rest, re.M),
        "items": len(re.findall(r"^- ", rest, re.M)),
        "commands": [block.replace(CHINESE_COPY, "") for block in blocks],
        "names": sorted(set(re.findall(r"`([^`]+)`", rest))),
    }


def prose(text: str) -> str:
    """The README without its commands and inline code."""
    return re.sub(r"`[^`]*`", " ", re.sub(r"^```\n.*?^```", "", text, flags=re.S | re.M))


def read(parts: tuple[str, ...], language: str | None = None) -> str:
    return package_file(*kit.readme_parts(parts, language)).read_text(encoding="utf-8")


@pytest.mark.parametrize("parts", READMES, ids=lambda parts: parts[-1])
def test_the_chinese_readme_has_the_english_ones_sections_files_and_commands(parts):
    english, chinese = read(parts), read(parts, "zh_TW")
    assert structure(chinese) == structure(english)
    assert structure(english)["headings"] and structure(english)["names"]
    assert len(CJK.findall(prose(chinese))) > 150
    assert english_words(prose(chinese), *NAMES) == []


@pytest.mark.parametrize("parts", READMES, ids=lambda parts: parts[-1])
def test_the_chinese_readme_uses_the_glossary_and_taiwan_usage(parts):
    english, chinese = read(parts), read(parts, "zh_TW")
    terms = glossary.load_glossary(ROOT / "locales" / "zh_TW" / "glossary.yml")
    usage = glossary.load_usage(ROOT / "locales" / "zh_TW" / "usage.yml")
    assert glossary.glossary_findings(prose(english), prose(chinese), terms) == []
    assert glossary.usage_problems(chinese, usage) == []
    assert "顧客" in chinese and "客戶" not in chinese


def test_the_download_tells_a_chinese_learner_to_ask_for_the_chinese_copy():
    blocks = re.findall(r"^```\n(.*?)^```", read(kit.DOWNLOAD_README, "zh_TW"), re.S | re.M)
    assert "customer-focus worksheets my-worksheets --language zh_TW\n" in blocks


def test_the_command_writes_the_readme_in_the_language_asked_for(tmp_path, capsys):
    chinese, english = tmp_path / "zh", tmp_path / "en"
    assert cli.main(["worksheets", str(chinese), "--language", "zh_TW"]) == 0
    assert cli.main(["worksheets", str(english)]) == 0
    assert (chinese / "README.md").read_text(encoding="utf-8") == read(kit.COPY_README, "zh_TW")
    assert (english / "README.md").read_text(encoding="utf-8") == read(kit.COPY_README)
    notebooks = {path.relative_to(chinese) for path in chinese.rglob("*.ipynb")}
    assert notebooks == {path.relative_to(english) for path in english.rglob("*.ipynb")}


def test_a_language_without_a_readme_is_refused_before_anything_is_written(tmp_path, capsys):
    target = tmp_path / "copy"
    assert cli.main(["worksheets", str(target), "--language", "fr"]) == 1
    error = capsys.readouterr().err
    assert "no translation in fr" in error and "zh_TW" in error
    assert not target.exists()


def test_the_chinese_download_holds_the_chinese_readme_and_the_same_files(tmp_path):
    archive = kit.write_download(ROOT, tmp_path, "zh_TW")
    top = "customer-focus-worksheets/"
    with zipfile.ZipFile(archive) as bundle:
        names = set(bundle.namelist())
        readme = bundle.read(top + "README.md").decode()
    wheel = next(name for name in names if name.endswith(".whl")).removeprefix(top)
    assert readme == read(kit.DOWNLOAD_README, "zh_TW").format(wheel=wheel)
    assert f'python -m pip install "{wheel}[jupyter]"' in readme
    notebooks = {name.removeprefix(top) for name in names if name.endswith(".ipynb")}
    assert len(notebooks) == 20 and "worksheets/kano-worksheet.ipynb" in notebooks
