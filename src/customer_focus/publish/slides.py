"""Slide decks for the Learn chapters, made from the chapters themselves.

``python -m customer_focus slides`` (``make slides``) reads each chapter's
MyST source and writes a reveal.js deck per chapter: a title slide, the
chapter's learning objectives (from the course map), one slide per section
(its lead paragraph, lists, tables and figure, with the rest of the section
as speaker notes), a slide per "try it" exercise, the executive-perspective
boxes, and the summary. Figures are drawn by :mod:`customer_focus.course.diagrams`.
reveal.js and MathJax are copied from ``node_modules``, so a deck opens with
no network: copy the whole output folder to the room's laptop.
"""

from __future__ import annotations

import ast
import re
import shutil
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml
from matplotlib.figure import Figure

from ..course.cases import course_cases
from ..course.course_map import load_course_map
from ..course.markup import render_block

__all__ = ["Slide", "Deck", "chapter_deck", "write_decks"]

_FENCE = re.compile(r"^(`{3,}|:{3,})\{([a-z-]+)\}\s*(.*)$")
_CITE = re.compile(r"\{cite:(p|t)\}`([^`]+)`")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_CASE = re.compile(r"\{case\}`([^`]+)`")
_DOWNLOAD = re.compile(r"\{download\}`([^`<]+?)\s*(?:<[^>]*>)?`")

#: Files the decks need from node_modules: destination under assets/ -> source.
ASSETS = {
    "reveal/reset.css": "reveal.js/dist/reset.css",
    "reveal/reveal.css": "reveal.js/dist/reveal.css",
    "reveal/reveal.js": "reveal.js/dist/reveal.js",
    "reveal/theme": "reveal.js/dist/theme",
    "reveal/plugin/notes": "reveal.js/plugin/notes",
    "mathjax": "mathjax/es5",
}


@dataclass
class Slide:
    """One slide: a title, its HTML body and speaker notes (HTML)."""

    title: str
    body: str = ""
    notes: str = ""
    kind: str = "section"


@dataclass
class Deck:
    """A chapter's slides."""

    chapter: str
    title: str
    slides: list[Slide] = field(default_factory=list)


def _bibliography(bib: Path) -> dict[str, str]:
    """Short author-year labels for each citation key ("Heskett et al., 1994")."""
    from pybtex.database import parse_file

    labels = {}
    for key, entry in parse_file(str(bib)).entries.items():
        people = entry.persons.get("author") or entry.persons.get("editor") or []
        names = [" ".join(person.last_names).replace("{", "").replace("}", "") for person in people]
        if not names:
            who = entry.fields.get("institution", key).strip("{}")
        elif len(names) == 1:
            who = names[0]
        elif len(names) == 2:
            who = f"{names[0]} & {names[1]}"
        else:
            who = f"{names[0]} et al."
        labels[key] = f"{who}, {entry.fields.get('year', 'n.d.')}"
    return labels


def _plain_markdown(text: str, labels: dict[str, str]) -> str:
    """Turn MyST roles (citations, case figures, downloads) and links into text a slide can show."""

    def cite(match: re.Match[str]) -> str:
        keys = [key.strip() for key in match.group(2).split(",")]
        parts = [labels.get(key, key) for key in keys]
        if match.group(1) == "t":
            return "; ".join(f"{p.rsplit(', ', 1)[0]} ({p.rsplit(', ', 1)[1]})" for p in parts)
        return "(" + "; ".join(parts) + ")"

    def case(match: re.Match[str]) -> str:
        return course_cases().figure(match.group(1)).replace("$", "\\$")

    text = _DOWNLOAD.sub(lambda match: match.group(1).strip(), _CASE.sub(case, text))
    return _LINK.sub(r"\1", _CITE.sub(cite, text))


def _blocks(lines: list[str]) -> list[tuple[str, str, str, list[str]]]:
    """Split a chapter into blocks: ("heading", level, text, []), ("text", "", text, []),
    ("directive", name, argument, body lines)."""
    blocks: list[tuple[str, str, str, list[str]]] = []
    index = 0
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph and any(line.strip() for line in paragraph):
            blocks.append(("text", "", "\n".join(paragraph).strip(), []))
        paragraph.clear()

    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        if fence:
            flush()
            marker, name, argument = fence.groups()
            body = []
            index += 1
            while index < len(lines) and lines[index].strip() != marker:
                body.append(lines[index])
                index += 1
            blocks.append(("directive", name, argument.strip(), body))
        elif line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            blocks.append(("heading", str(level), line[level:].strip(), []))
        elif re.match(r"^\([a-z0-9-]+\)=\s*$", line):
            pass
        elif not line.strip():
            flush()
        else:
            paragraph.append(line)
        index += 1
    flush()
    return blocks


def _options(body: list[str]) -> tuple[dict, list[str]]:
    """The options (``:key: value`` lines or a ``---`` YAML block) and a directive's content."""
    if body and body[0].strip() == "---":
        end = body.index("---", 1) if "---" in body[1:] else 0
        return yaml.safe_load("\n".join(body[1:end])) or {}, body[end + 1 :]
    options, content = {}, []
    for number, line in enumerate(body):
        match = re.match(r"^:([a-z-]+):\s*(.*)$", line)
        if match and not content:
            options[match.group(1)] = match.group(2)
        else:
            content = body[number:]
            break
    return options, content


def _run_cell(code: str, namespace: dict) -> object:
    """Run a chapter's code cell like a notebook does; return its last expression's value."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<chapter cell>", "exec"), namespace)  # noqa: S102 - the course's own chapter code
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), "<chapter cell>", "eval"), namespace)  # noqa: S307


def chapter_deck(source: Path, *, course_map: Path, bib: Path, images: Path) -> Deck:
    """Build the deck of one chapter (figures are written to ``images``)."""
    text = source.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    labels = _bibliography(bib)
    lines = text.splitlines()
    blocks = _blocks(lines)
    title = next(block[2] for block in blocks if block[0] == "heading" and block[1] == "1")
    chapter = next(
        (
            block[2]
            for block in blocks
            if block[0] == "directive" and block[1] == "learning-objectives"
        ),
        source.stem,
    )
    deck = Deck(
        chapter,
        title,
        [
            Slide(
                title,
                f"<p>{escape('Customer Focus: creating value and loyalty')}</p>",
                kind="title",
            )
        ],
    )
    objectives = load_course_map(course_map).objectives_of(chapter) if chapter else []
    if objectives:
        items = "".join(f"<li>{escape(objective.text)}</li>" for objective in objectives)
        deck.slides.append(Slide("By the end of this chapter you can", f"<ul>{items}</ul>"))
    current: Slide | None = None
    figures = 0
    namespace: dict = {}
    for kind, name, value, body in blocks:
        if kind == "heading" and name in {"2", "3"}:
            if value.lower().startswith("check yourself"):
                current = None
                deck.slides.append(
                    Slide(
                        "Check yourself",
                        "<p>Take the chapter's quiz in the online course, or in Jupyter with "
                        f'<code>quiz.show("{escape(chapter)}")</code>.</p>',
                    )
                )
                continue
            current = Slide(_plain_markdown(value, labels))
            deck.slides.append(current)
        elif kind == "directive" and name == "code-cell" and current is None:
            _run_cell("\n".join(_options(body)[1]), namespace)
        elif current is None:
            continue
        elif kind == "text":
            html = render_block(_plain_markdown(value, labels))
            is_list_or_table = value.lstrip().startswith(("-", "*", "|", "$$")) or re.match(
                r"^\d+\.", value.lstrip()
            )
            if is_list_or_table or not current.body:
                current.body += html
            else:
                current.notes += html
        elif kind == "directive" and name == "code-cell":
            options, content = _options(body)
            result = _run_cell("\n".join(content), namespace)
            if result is None:
                continue
            if isinstance(result, Figure):
                figures += 1
                image = images / f"{chapter}-{figures}.png"
                image.parent.mkdir(parents=True, exist_ok=True)
                result.savefig(image, facecolor="white", metadata={"Software": None})
                alt = ((options.get("mystnb") or {}).get("image") or {}).get("alt", "")
                current.body += (
                    f'<img class="cf-slide-figure" src="images/{image.name}" alt="{escape(alt)}">'
                )
            elif hasattr(result, "to_html"):
                current.body += result.to_html(border=0, classes="cf-slide-table")
            elif hasattr(result, "_repr_markdown_"):
                current.body += render_block(result._repr_markdown_())
        elif kind == "directive" and name == "exercise":
            _, content = _options(body)
            deck.slides.append(
                Slide(
                    "Try it",
                    render_block(_plain_markdown("\n".join(content).strip(), labels)),
                    kind="exercise",
                )
            )
        elif kind == "directive" and name == "admonition":
            _, content = _options(body)
            deck.slides.append(
                Slide(
                    value,
                    render_block(_plain_markdown("\n".join(content).strip(), labels)),
                    kind="box",
                )
            )
    deck.slides = [
        slide for slide in deck.slides if slide.body or slide.notes or slide.kind != "section"
    ]
    return deck


def deck_html(deck: Deck) -> str:
    """A reveal.js page for a deck, loading only files next to it."""
    sections = []
    for slide in deck.slides:
        notes = f'<aside class="notes">{slide.notes}</aside>' if slide.notes else ""
        heading = "h1" if slide.kind == "title" else "h2"
        sections.append(
            f'<section class="cf-slide-{slide.kind}"><{heading}>{escape(slide.title)}</{heading}>'
            f"{slide.body}{notes}</section>"
        )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(deck.title)}: slides</title>
<link rel="stylesheet" href="assets/reveal/reset.css">
<link rel="stylesheet" href="assets/reveal/reveal.css">
<link rel="stylesheet" href="assets/reveal/theme/white.css">
<style>
.reveal h1 {{ font-size: 1.7em; }} .reveal h2 {{ font-size: 1.15em; }}
.reveal section {{ text-align: left; font-size: 0.62em; }}
.reveal .cf-slide-title {{ text-align: center; }}
.reveal table {{ font-size: 0.85em; }}
.reveal img.cf-slide-figure {{ max-height: 55vh; display: block; margin: 0.4em auto;
  background: #fff; }}
.reveal .cf-slide-exercise h2 {{ color: #1f5f99; }}
</style>
<script>window.MathJax = {{
  tex: {{ inlineMath: [["\\\\(", "\\\\)"]], displayMath: [["\\\\[", "\\\\]"]] }},
  startup: {{ typeset: true }} }};</script>
<script defer src="assets/mathjax/tex-chtml.js"></script>
</head>
<body>
<div class="reveal"><div class="slides">
{chr(10).join(sections)}
</div></div>
<script src="assets/reveal/reveal.js"></script>
<script src="assets/reveal/plugin/notes/notes.js"></script>
<script>Reveal.initialize({{ hash: true, slideNumber: true, plugins: [RevealNotes] }});</script>
</body>
</html>
"""


def write_decks(root: Path, out: Path, *, node_modules: Path | None = None) -> list[Path]:
    """Write one deck per Learn chapter of the course map, the assets and an index page.

    Returns
    -------
    list of pathlib.Path
        The deck files written.
    """
    modules = node_modules or root / "node_modules"
    missing = [source for source in ASSETS.values() if not (modules / source).exists()]
    if missing:
        raise FileNotFoundError(
            f"missing {', '.join(missing)} in {modules}: run `npm ci` (make does it)."
        )
    out.mkdir(parents=True, exist_ok=True)
    for destination, source in ASSETS.items():
        target = out / "assets" / destination
        target.parent.mkdir(parents=True, exist_ok=True)
        if (modules / source).is_dir():
            shutil.copytree(
                modules / source,
                target,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("*.map", "*.esm.js"),
            )
        else:
            shutil.copy2(modules / source, target)
    course = load_course_map(root / "book" / "course-map.yml")
    written = []
    links = []
    for chapter in course.learn_chapters.values():
        source = root / "book" / f"{chapter.page}.md"
        deck = chapter_deck(
            source,
            course_map=root / "book" / "course-map.yml",
            bib=root / "references.bib",
            images=out / "images",
        )
        target = out / f"{chapter.id}.html"
        target.write_text(deck_html(deck), encoding="utf-8")
        written.append(target)
        links.append(
            f'<li><a href="{target.name}">{escape(deck.title)}</a> ({len(deck.slides)} slides)</li>'
        )
    (out / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Customer Focus: slides</title></head>"
        "<body><h1>Customer Focus: slide decks</h1><p>One deck per Learn chapter. "
        "Press S in a deck for the speaker notes, F for full screen.</p><ol>"
        + "".join(links)
        + "</ol></body></html>",
        encoding="utf-8",
    )
    return written
