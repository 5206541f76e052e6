"""The project's own fact sheet and blueprint (``docs/``): sources that exist, sections that
the tests can cite, and a blueprint part for each part of the book."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "docs" / "facts.md"
BLUEPRINT = ROOT / "docs" / "blueprint.md"
#: How a test, a module or a page points at a section of the fact sheet.
SECTION_CITED = re.compile(r"docs/facts\.md section (\d+)")


def _bib_keys() -> set[str]:
    text = (ROOT / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\{([^,\s]+),", text, re.M))


def _fact_keys() -> set[str]:
    return set(re.findall(r"`\[([a-z0-9]+)\]`", FACTS.read_text(encoding="utf-8")))


def _sections() -> list[int]:
    text = FACTS.read_text(encoding="utf-8")
    return [int(number) for number in re.findall(r"^## (\d+)\. ", text, re.M)]


def test_every_source_the_fact_sheet_names_is_in_references_bib():
    assert _fact_keys(), "the fact sheet names no source"
    assert sorted(_fact_keys() - _bib_keys()) == []


def test_every_work_in_references_bib_is_in_the_fact_sheet():
    assert sorted(_bib_keys() - _fact_keys()) == []


def test_the_fact_sheet_sections_are_numbered_in_order():
    assert _sections() == list(range(1, len(_sections()) + 1))
    assert len(_sections()) >= 16  # the authors' fact sheet's sixteen, in the same order


@pytest.mark.parametrize("folder", ["tests", "src", "book"])
def test_every_citation_of_a_section_names_one_that_exists(folder):
    sections = set(_sections())
    wrong = [
        f"{path.relative_to(ROOT)}: section {number}"
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in {".py", ".md", ".yml", ".ipynb"}
        for number in SECTION_CITED.findall(path.read_text(encoding="utf-8"))
        if int(number) not in sections
    ]
    assert wrong == []


def test_the_blueprint_has_a_part_for_each_part_of_the_book():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    headings = re.findall(r"^## (.+)$", BLUEPRINT.read_text(encoding="utf-8"), re.M)
    missing = [
        part["caption"] for part in toc["parts"]
        if not any(part["caption"].lower() in heading.lower() for heading in headings)
    ]
    assert missing == []


def test_docs_are_for_authors_and_not_built_into_the_book():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "docs" in config["exclude_patterns"]
