"""Every direct quotation attributed to a person or a company carries a citation in its paragraph.

The rule, kept simple so that an author can apply it by eye:

* A **direct quotation** is text between double quotes (straight "..." or
  curly “...”) of at least six words, in the prose of a page in ``book/``
  (code cells, code blocks and figure options are not prose) or in the text
  of a scenario.
* It is **attributed** when an attribution word stands within 120 characters
  before it or 60 characters after it, in the same paragraph: *said, says,
  wrote, writes, explains, according to, calls, called, puts it, put it,
  words, reads, argued, argues, defined, defines, remark, mantra, summary,
  states, stated, reported*. (A paragraph is a block between blank lines; a
  list item or a table row is a paragraph of its own.)
* An attributed quotation needs a **citation in the same paragraph**: a
  ``{cite:p}`` or ``{cite:t}`` role on a page. Scenario text cannot hold a
  role, so it may quote only the course's invented characters.
* **Invented characters are exempt.** A paragraph that names one of the
  course's invented people or companies (the ``people`` and ``companies`` of
  each case in ``customer_focus/data/cases.yml``) is their invented speech,
  not a quotation of a source. Keep invented dialogue and real quotations in
  separate paragraphs.

The rule catches, for example, a chief executive's remark quoted with "said"
and no citation, or a letter's wording quoted with "explains" and no source.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from customer_focus.course.cases import course_cases

ROOT = Path(__file__).resolve().parent.parent

QUOTE = re.compile(r"\"([^\"\n]+)\"|“([^”\n]+)”")
CUE = re.compile(
    r"\b(said|says|say|wrote|writes|explains|explained|according to|calls|called|puts it|put it|"
    r"words|reads|"
    r"argued|argues|defined|defines|remark|mantra|summary|states|stated|reported)\b",
    re.IGNORECASE,
)
CITATION = re.compile(r"\{cite(?::[pt])?\}`[^`]+`")
FENCE = re.compile(r"^(`{3,}|:{3,})\s*(\{([a-z-]+)\})?")
PROSE_DIRECTIVES = {
    "exercise",
    "solution",
    "admonition",
    "note",
    "tip",
    "warning",
    "caution",
    "important",
}
MIN_WORDS = 6
BEFORE, AFTER = 120, 60


def invented_names() -> list[str]:
    """Names of the course's invented people and companies, from the cases file."""
    cases = course_cases()
    names: list[str] = []
    for key, value in cases.texts.items():
        if key.endswith(".people") or key.endswith(".companies"):
            names += [name.strip() for name in value.split(",") if name.strip()]
    return names


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Prose paragraphs of a MyST page with their first line (no front matter, code, options)."""
    lines = text.splitlines()
    out: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    skip_until: str | None = None
    in_front = lines[:1] == ["---"]

    def flush() -> None:
        nonlocal current
        if current:
            out.append((start, " ".join(current)))
        current = []

    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if in_front:
            if number > 1 and stripped == "---":
                in_front = False
            continue
        if skip_until is not None:
            if stripped == skip_until:
                skip_until = None
            continue
        fence = FENCE.match(stripped)
        if fence:
            flush()
            directive = fence.group(3)
            if directive is None or directive not in PROSE_DIRECTIVES:
                if not stripped.endswith(fence.group(1)) or stripped == fence.group(1):
                    skip_until = fence.group(1)
            continue
        if stripped.startswith(":") and re.match(r"^:[a-z-]+:", stripped):
            continue  # directive option such as :label: or :class:
        if not stripped:
            flush()
            continue
        if re.match(r"^([-*+]|\d+\.|\|)\s", stripped) or stripped.startswith("#"):
            flush()
        if not current:
            start = number
        current.append(stripped)
    flush()
    return out


def problems_in(
    paragraph: str, where: str, names: list[str], *, citations_possible: bool = True
) -> list[str]:
    """The attributed quotations of one paragraph that lack a citation."""
    found = []
    if CITATION.search(paragraph) or any(
        re.search(rf"\b{re.escape(name)}\b", paragraph) for name in names
    ):
        return found
    for match in QUOTE.finditer(paragraph):
        quoted = match.group(1) or match.group(2)
        if len(quoted.split()) < MIN_WORDS:
            continue
        window = (
            paragraph[max(0, match.start() - BEFORE) : match.start()]
            + " "
            + paragraph[match.end() : match.end() + AFTER]
        )
        if CUE.search(window):
            hint = (
                "add a {cite:p} role"
                if citations_possible
                else "scenario text can quote only invented characters"
            )
            found.append(
                f"{where}: the quotation \"{quoted[:60]}\" is attributed but has no citation in "
                f"its paragraph ({hint})"
            )
    return found


def page_problems(path: Path, names: list[str]) -> list[str]:
    text = path.read_text(encoding="utf-8")
    relative = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    found = []
    for line, paragraph in paragraphs(text):
        found += problems_in(paragraph, f"{relative}:{line}", names)
    return found


def _strings(node, out):
    if isinstance(node, str):
        out.append(node)
    elif isinstance(node, dict):
        for value in node.values():
            _strings(value, out)
    elif isinstance(node, list):
        for value in node:
            _strings(value, out)


def scenario_problems(path: Path, names: list[str]) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts: list[str] = []
    _strings(data.get("nodes", {}), texts)
    found = []
    for text in texts:
        for block in re.split(r"\n\s*\n", text):
            found += problems_in(
                " ".join(block.split()),
                str(path.relative_to(ROOT)),
                names,
                citations_possible=False,
            )
    return found


def test_every_attributed_quotation_in_the_book_is_cited():
    names = invented_names()
    found = []
    for page in sorted((ROOT / "book").rglob("*.md")):
        found += page_problems(page, names)
    assert found == []


def test_every_attributed_quotation_in_the_scenarios_is_an_invented_character_speaking():
    names = invented_names()
    found = []
    for story in sorted((ROOT / "book/practice/scenarios").glob("*.yml")):
        found += scenario_problems(story, names)
    assert found == []


# ---- the rule itself, on the cases it must catch -----------------------------------------

NAMES = ["Elena", "Crossroads", "Grace"]


@pytest.mark.parametrize(
    "paragraph",
    [
        'Its president, Simon Cooper, said of the policy in 2009: "It doesn\'t get used much, '
        'but it displays a deep trust in our staff\'s judgment."',
        'Southwest\'s chief executive Gary Kelly said in 2015: "Our mantra is, we hire for '
        'attitude and train for skill."',
        'A letter from a TARP author in *Quality Progress* (2005) explains the original finding: '
        '"96% of consumers with a small-ticket problem don\'t complain to a company\'s '
        'headquarters."',
        "HBR's summary puts it the other way around: “merely satisfied customers were six times "
        "less likely to buy again”.",
    ],
)
def test_the_rule_catches_an_uncited_attributed_quotation(paragraph):
    assert len(problems_in(paragraph, "page.md:1", NAMES)) == 1


@pytest.mark.parametrize(
    "paragraph",
    [
        'Southwest\'s chief executive said: "Our mantra is, we hire for attitude and train for '
        'skill" {cite:p}`chiefexecutive2015`.',
        '"Our loyal accounts pay the bills," Tom says, "and we could lose both of them."'.replace(
            "Tom", "Elena"
        ),
        'An article titled "The One Number You Need to Grow" introduced the score.',
        'A customer asks: "Why?"',
    ],
)
def test_the_rule_accepts_cited_invented_short_or_unattributed_quotations(paragraph):
    assert problems_in(paragraph, "page.md:1", NAMES) == []


def test_paragraphs_skip_code_and_split_list_items():
    text = (
        "---\nfile_format: mystnb\n---\n\nOne\ntwo.\n\n```{code-cell} ipython3\n"
        "x = \"said a long quoted string of words here\"\n```\n\n- item one\n- item two\n\n"
        "```{exercise}\n:label: x\n\nInside.\n```\n"
    )
    assert paragraphs(text) == [
        (5, "One two."),
        (12, "- item one"),
        (13, "- item two"),
        (18, "Inside."),
    ]
