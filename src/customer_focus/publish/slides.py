"""Slide decks for workshops, made from the book's pages with a real MyST parser.

``python -m customer_focus slides`` (``make slides``) writes a reveal.js deck
for each deck of ``book/instructors/decks.yml``
(:mod:`customer_focus.course.decks`): one per Learn chapter, the opening-case
poll and the scenario debrief. A page is parsed with markdown-it-py and the
MyST plugins the book uses (front matter, targets and comments, roles, colon
fences, dollar math, definition lists), so nested fences are read as the book
reads them. Each ``##`` or ``###`` heading starts a slide: its lead paragraph
and its first list, table or formula go on the slide, the rest of the section
into the speaker notes (``<aside class="notes">``); a second list or table, and
every figure, get a slide of their own, so a slide holds one idea. Exercises
become "Try it" slides and boxed notes their own slides. The page's code cells
run as in the book, and the figures they draw are saved as images next to the
deck. Every slide's speaker notes start with its activity ("In the room: ...").
reveal.js and MathJax are copied from ``node_modules``, so a deck opens with
no network: copy the whole output folder to the room's laptop.

In another language (``language="zh_TW"``, the zh-TW edition's decks), the
outline's texts come from its translation (``locales/zh_TW/decks.yml``), each
paragraph, heading, list item and table cell of a page from the page's
catalog (``locales/zh_TW/LC_MESSAGES/book/<page>.po``, the one the edition's
page is built with), the objectives from the course map's translation and
the fixed words (a slide's "Try it", the notes' "In the room:") from
``data/deck-words.yml``; the deck says its language (``lang="zh-Hant-TW"``)
and names Traditional Chinese fonts first.
"""

from __future__ import annotations

import ast
import re
import shutil
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any
from unicodedata import east_asian_width
from urllib.parse import quote

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from ..core.languages import language_code
from ..core.pofile import read_po
from ..course.cases import course_cases, expand
from ..course.course_map import load_course_map
from ..course.decks import DeckOutline, WrittenSlide, load_outlines
from ..course.notebook_translation import catalog_path
from ..sphinxext.siteicons import icon_svg
from ..tools.spec import words

__all__ = [
    "Slide",
    "Deck",
    "markdown_parser",
    "render_markdown",
    "page_deck",
    "written_deck",
    "deck_html",
    "write_decks",
]

#: Files the decks need from node_modules: destination under assets/ -> source.
#: The site's icon, inside each deck: a deck opened from the kit or served on its own shows it
#: and does not ask its folder for a favicon.ico it does not have.
ICON_LINK = f'<link rel="icon" href="data:image/svg+xml,{quote(icon_svg())}" type="image/svg+xml">'
ASSETS = {
    "reveal/reset.css": "reveal.js/dist/reset.css",
    "reveal/reveal.css": "reveal.js/dist/reveal.css",
    "reveal/reveal.js": "reveal.js/dist/reveal.js",
    "reveal/theme": "reveal.js/dist/theme",
    "reveal/plugin/notes": "reveal.js/plugin/notes",
    "mathjax": "mathjax/es5",
}

#: Directives whose content is for the reader of the page, not for a slide.
_SKIPPED = {
    "solution",
    "quiz",
    "learning-objectives",
    "clv-comparison",
    "printable-form",
    "scenario",
    "bibliography",
    "toctree",
    "raw",
}
#: The most items of a list, or rows of a table, on one slide, and the most characters.
_MAX_ITEMS = 5
_MAX_CHARACTERS = 650
_DIRECTIVE = re.compile(r"^\{([a-z][a-z0-9-]*)\}\s*(.*)$")
_VISUAL = {"bullet_list_open", "ordered_list_open", "table_open", "math_block", "dl_open"}


@dataclass
class Slide:
    """One slide: a title, its HTML body, speaker notes (HTML) and the room's activity."""

    title: str
    body: str = ""
    notes: str = ""
    kind: str = "section"
    activity: str = ""


@dataclass
class Deck:
    """A deck's id, title and slides."""

    id: str
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


def markdown_parser(
    labels: dict[str, str] | None = None, catalog: dict[str, str] | None = None
) -> MarkdownIt:
    """markdown-it-py with the book's MyST syntax, rendering for a slide.

    Roles become text (a citation its author and year, a case figure its value,
    a download or cross-reference its title), links their text, and math the
    ``\\(...\\)`` and ``\\[...\\]`` MathJax reads. With a ``catalog``
    (English text to its translation, :func:`page_catalog`), each paragraph,
    heading, list item and table cell it has is read in translation; the
    English stays in the token's ``meta["en"]``, which the outline's section
    headings are matched against.

    Examples
    --------
    >>> parser = markdown_parser({"gupta2003": "Gupta et al., 2003"})
    >>> parser.render("A value of {case}`opening.harbor.lifetime_value` {cite:p}`gupta2003`.")
    '<p>A value of $108,000 (Gupta et al., 2003).</p>\\n'
    >>> parser.render("$m \\\\cdot r$ and a [link](page.md)")
    '<p>\\\\(m \\\\cdot r\\\\) and a link</p>\\n'
    >>> markdown_parser(catalog={"Try **this**.": "試試**這個**。"}).render("Try **this**.")
    '<p>試試<strong>這個</strong>。</p>\\n'
    >>> markdown_parser(catalog={"\\ny = x\\n": "\\ny = 甲\\n"}).render("$$\\ny = x\\n$$")
    '<div class="cf-math">\\\\[\\ny = 甲\\n\\\\]</div>\\n'
    """
    labels = labels or {}
    parser = (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(myst_block_plugin)
        .use(myst_role_plugin)
        .use(colon_fence_plugin)
        .use(dollarmath_plugin)
        .use(deflist_plugin)
    )

    def role(self, tokens: list[Token], index: int, options: dict, env: dict) -> str:
        token = tokens[index]
        name, content = token.meta.get("name", ""), token.content
        if name == "case":
            return escape(course_cases().figure(content))
        if name.startswith("cite"):
            parts = [labels.get(key.strip(), key.strip()) for key in content.split(",")]
            if name == "cite:t":
                return escape(
                    "; ".join(
                        f"{part.rsplit(', ', 1)[0]} ({part.rsplit(', ', 1)[-1]})" for part in parts
                    )
                )
            return escape("(" + "; ".join(parts) + ")")
        titled = re.match(r"^(.*?)\s*<[^>]*>$", content, flags=re.S)
        return escape(titled.group(1) if titled else content)

    def nothing(self, tokens: list[Token], index: int, options: dict, env: dict) -> str:
        return ""

    def inline_math(self, tokens: list[Token], index: int, options: dict, env: dict) -> str:
        return f"\\({escape(tokens[index].content)}\\)"

    def block_math(self, tokens: list[Token], index: int, options: dict, env: dict) -> str:
        return f'<div class="cf-math">\\[{escape(tokens[index].content)}\\]</div>\n'

    def translate(state: Any) -> None:
        for token in state.tokens:
            if token.type in ("inline", "math_block", "math_block_label") \
                    and token.content in (catalog or {}):
                token.meta = {**(token.meta or {}), "en": token.content}
                token.content = (catalog or {})[token.content]

    if catalog:
        parser.core.ruler.before("inline", "cf_translate", translate)
    parser.add_render_rule("myst_role", role)
    for rule in (
        "link_open",
        "link_close",
        "myst_target",
        "myst_line_comment",
        "front_matter",
        "myst_block_break",
    ):
        parser.add_render_rule(rule, nothing)
    parser.add_render_rule("math_inline", inline_math)
    parser.add_render_rule("math_block", block_math)
    parser.add_render_rule("math_block_label", block_math)
    return parser


def render_markdown(parser: MarkdownIt, text: str) -> str:
    """Markdown (with MyST roles) as slide HTML."""
    return parser.render(text)


def _options(content: str) -> tuple[dict, str]:
    """A directive's options (``:key: value`` lines or a ``---`` YAML block) and its content."""
    lines = content.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        return yaml.safe_load("\n".join(lines[1:end])) or {}, "\n".join(lines[end + 1 :])
    options = {}
    index = 0
    while index < len(lines):
        match = re.match(r"^:([a-z-]+):\s*(.*)$", lines[index])
        if not match:
            break
        options[match.group(1)] = match.group(2)
        index += 1
    return options, "\n".join(lines[index:])


def _run_cell(code: str, namespace: dict) -> object:
    """Run a page's code cell like a notebook does; return its last expression's value."""
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<page cell>", "exec"), namespace)  # noqa: S102 - the course's own page code
    if last is None:
        return None
    return eval(compile(ast.Expression(last.value), "<page cell>", "eval"), namespace)  # noqa: S307


def _blocks(tokens: list[Token]) -> list[list[Token]]:
    """The page's top-level blocks: each a run of tokens from an opening to its closing."""
    blocks, current, depth = [], [], 0
    for token in tokens:
        current.append(token)
        depth += token.nesting
        if depth == 0:
            blocks.append(current)
            current = []
    return blocks


def _items(block: list[Token]) -> list[list[Token]]:
    """The top-level items of a list block (without the list's own tokens)."""
    return _blocks(block[1:-1])


def _text_length(tokens: list[Token]) -> int:
    """The text's length on a slide: a wide character (Chinese) takes the room of two."""
    return sum(
        len(token.content) + sum(east_asian_width(char) in "WF" for char in token.content)
        for token in tokens
        if token.type == "inline"
    )


def _chunks(items: list[list[Token]]) -> list[list[list[Token]]]:
    """Items (of a list, or rows of a table) in runs that fit a slide."""
    chunks: list[list[list[Token]]] = [[]]
    for item in items:
        run = chunks[-1]
        if run and (
            len(run) >= _MAX_ITEMS
            or _text_length([t for i in run for t in i]) + _text_length(item) > _MAX_CHARACTERS
        ):
            chunks.append([])
        chunks[-1].append(item)
    return chunks


class _Builder:
    """Walks a page's blocks and lays them out as slides."""

    def __init__(
        self,
        deck: Deck,
        outline: DeckOutline,
        parser: MarkdownIt,
        images: Path,
        said: dict[str, str] | None = None,
        catalog: dict[str, str] | None = None,
    ) -> None:
        self.deck, self.outline, self.parser, self.images = deck, outline, parser, images
        self.said = said or words("deck-words.yml")
        self.catalog = catalog or {}
        self.namespace: dict = {}
        self.current: Slide | None = None
        self.section = ""
        self.title = ""
        self.figures = 0
        self.visual = False

    def html(self, block: list[Token]) -> str:
        return self.parser.renderer.render(block, self.parser.options, {})

    def activity(self) -> str:
        return self.outline.activities.get(self.section, "")

    def start(self, title: str, kind: str = "section") -> Slide:
        slide = Slide(
            title,
            kind=kind,
            activity=self.activity() if kind == "section" else self.outline.kinds.get(kind, ""),
        )
        self.deck.slides.append(slide)
        self.visual = False
        return slide

    def heading(self, level: int, text: str, english: str | None = None) -> None:
        """A heading of the page: ``text`` as shown, ``english`` (default ``text``) as keyed."""
        title = self.html_inline(text)
        text = english or text
        if level == 2:
            self.section = text
            if not self.outline.keeps(text):
                self.current = None
                return
            if text.lower().startswith("check yourself"):
                self.current = None
                self.start(
                    escape(self.said["check"]), "check"
                ).body = f"<p>{escape(self.said['check_body'], quote=False)}</p>"
                return
        elif self.current is None and not self.outline.keeps(self.section):
            return
        self.title = title
        self.current = self.start(title)

    def html_inline(self, text: str) -> str:
        rendered = self.parser.renderInline(text)
        return re.sub(r"<[^>]+>", "", rendered)

    def add_visual(self, block: list[Token]) -> None:
        self.resume()
        assert self.current is not None
        if block[0].type in {"bullet_list_open", "ordered_list_open"}:
            start = 1
            for number, chunk in enumerate(_chunks(_items(block))):
                if self.visual or number:
                    self.current = self.start(self.current.title)
                opening = block[0]
                tag = "ol" if opening.type == "ordered_list_open" else "ul"
                attribute = f' start="{start}"' if tag == "ol" and start > 1 else ""
                inner = "".join(self.html(item) for item in chunk)
                self.current.body += f"<{tag}{attribute}>{inner}</{tag}>"
                self.visual = True
                start += len(chunk)
            return
        body = next((i for i, token in enumerate(block) if token.type == "tbody_open"), None)
        if block[0].type == "table_open" and body is not None:
            head, rows = block[1:body], _blocks(block[body + 1 : -2])
            for number, chunk in enumerate(_chunks(rows)):
                if self.visual or number:
                    self.current = self.start(self.current.title)
                inner = "".join(self.html(row) for row in chunk)
                self.current.body += f"<table>{self.html(head)}<tbody>{inner}</tbody></table>"
                self.visual = True
            return
        if self.visual:
            self.current = self.start(self.current.title)
        self.current.body += self.html(block)
        self.visual = True

    def paragraph(self, block: list[Token]) -> None:
        self.resume()
        assert self.current is not None
        if not self.current.body:
            self.current.body = self.html(block)
        else:
            self.current.notes += self.html(block)

    def directive(self, token: Token) -> None:
        match = _DIRECTIVE.match(token.info.strip())
        if not match:
            if self.current is not None:
                self.current.notes += self.html([token])
            return
        name, argument = match.groups()
        options, content = _options(token.content)
        if name == "code-cell":
            result = _run_cell(content, self.namespace)
            if self.current is not None and result is not None:
                self.figure(result, options)
            return
        if self.current is None or name in _SKIPPED:
            return
        if name == "exercise":
            slide = self.start(escape(self.said["try_it"]), "exercise")
            slide.body = render_markdown(self.parser, content.strip())
        else:
            title = argument or name.replace("-", " ").capitalize()
            slide = self.start(self.html_inline(self.catalog.get(title, title)), "box")
            slide.body = render_markdown(self.parser, content.strip())
        self.current = slide

    def figure(self, result: object, options: dict) -> None:
        from matplotlib.figure import Figure

        assert self.current is not None
        if isinstance(result, Figure):
            self.figures += 1
            image = self.images / f"{self.deck.id}-{self.figures}.png"
            image.parent.mkdir(parents=True, exist_ok=True)
            result.savefig(image, facecolor="white", metadata={"Software": None})
            alt = ((options.get("mystnb") or {}).get("image") or {}).get("alt", "")
            alt = self.catalog.get(alt, alt)  # the page's translation of it, as on the page
            slide = self.start(self.title)
            slide.kind = "figure"
            slide.body = (
                f'<img class="cf-slide-figure" src="images/{image.name}" alt="{escape(alt)}">'
            )
            slide.notes = f"<p>{escape(alt)}</p>" if alt else ""
            self.current = slide
            self.visual = True
        elif hasattr(result, "to_html"):
            self.resume()
            if self.visual:
                self.current = self.start(self.current.title)
            self.current.body += result.to_html(border=0, classes="cf-slide-table")
            self.visual = True
        elif hasattr(result, "_repr_markdown_"):
            self.add_visual(self.parser.parse(result._repr_markdown_()))

    def walk(self, tokens: list[Token]) -> None:
        for block in _blocks(tokens):
            first = block[0]
            if first.type == "heading_open":
                level = int(first.tag[1])
                if level >= 2:
                    self.heading(level, block[1].content, block[1].meta.get("en"))
                continue
            if first.type in {"fence", "colon_fence"}:
                self.directive(first)
                continue
            if self.current is None:
                continue
            if first.type == "paragraph_open":
                self.paragraph(block)
            elif first.type in _VISUAL:
                self.add_visual(block)
            elif first.type not in {
                "myst_target",
                "myst_line_comment",
                "front_matter",
                "hr",
                "html_block",
            }:
                self.current.notes += self.html(block)

    def resume(self) -> Slide:
        """The slide the section's text goes on: after a figure, exercise or box, a new one."""
        assert self.current is not None
        if self.current.kind in {"figure", "exercise", "box"}:
            self.current = self.start(self.title)
        return self.current


def _title_slide(title: str, outline: DeckOutline, said: dict[str, str]) -> Slide:
    return Slide(
        title,
        f"<p>{escape(said['course'])}</p>",
        kind="title",
        activity=outline.kinds.get("title", ""),
    )


def _written(slide: WrittenSlide, parser: MarkdownIt) -> Slide:
    return Slide(
        slide.title,
        render_markdown(parser, expand(slide.body)),
        render_markdown(parser, expand(slide.notes)) if slide.notes else "",
        activity=slide.activity,
    )


def page_catalog(root: Path, page: str, language: str | None) -> dict[str, str]:
    """The translations of a page's texts (English to translated), from its catalog.

    Empty for English; the catalog is the edition's, ``locales/<lang>/LC_MESSAGES/book/<page>.po``
    (an entry left empty or marked fuzzy is not a translation, as in the built page).

    Examples
    --------
    >>> from customer_focus.core.paths import course_root
    >>> catalog = page_catalog(course_root(), "learn/lifetime-value", "zh_TW")
    >>> catalog["The formula"]
    '公式'
    >>> page_catalog(course_root(), "learn/lifetime-value", None)
    {}
    """
    if language_code(language) is None:
        return {}
    path = catalog_path(root, page, str(language))
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: no catalog for the page book/{page}.md; run `make translations`"
        )
    return read_po(path)


def page_deck(
    outline: DeckOutline,
    root: Path,
    images: Path,
    labels: dict[str, str],
    language: str | None = None,
) -> Deck:
    """A deck made from a page of the book (``outline.source``), figures written to ``images``,
    in ``language`` (default English; see the module's docstring)."""
    catalog = page_catalog(root, outline.source, language)
    said = words("deck-words.yml", language)
    parser = markdown_parser(labels, catalog)
    source = root / "book" / f"{outline.source}.md"
    tokens = parser.parse(source.read_text(encoding="utf-8"))
    page_title = next(
        (
            tokens[i + 1].content
            for i, token in enumerate(tokens)
            if token.type == "heading_open" and token.tag == "h1"
        ),
        outline.source,
    )
    page_title = catalog.get(page_title, page_title)
    title = outline.title or re.sub(r"<[^>]+>", "", parser.renderInline(page_title))
    deck = Deck(outline.id, title, [_title_slide(title, outline, said)])
    if outline.chapter:
        objectives = load_course_map(root / "book" / "course-map.yml", language).objectives_of(
            outline.chapter
        )
        items = "".join(f"<li>{escape(objective.text)}</li>" for objective in objectives)
        deck.slides.append(
            Slide(
                escape(said["objectives"]),
                f"<ul>{items}</ul>",
                kind="objectives",
                activity=outline.kinds.get("objectives", ""),
            )
        )
    builder = _Builder(deck, outline, parser, images, said, catalog)
    sections: list[tuple[str, list[Token]]] = []
    for block in _blocks(tokens):
        if block[0].type == "heading_open" and block[0].tag == "h2":
            sections.append((block[1].meta.get("en", block[1].content), []))
        if sections:
            sections[-1][1].extend(block)
        else:
            builder.walk(block)  # the page's set-up cells, before the first section
    for heading, section_tokens in sections:
        builder.walk(section_tokens)
        if builder.outline.keeps(heading):
            deck.slides.extend(_written(slide, parser) for slide in outline.after.get(heading, ()))
    deck.slides = [slide for slide in deck.slides if slide.body or slide.kind != "section"]
    return deck


def written_deck(
    outline: DeckOutline, labels: dict[str, str], language: str | None = None
) -> Deck:
    """A deck written out slide by slide in the outline (its texts already in ``language``)."""
    parser = markdown_parser(labels)
    said = words("deck-words.yml", language)
    deck = Deck(outline.id, outline.title, [_title_slide(outline.title, outline, said)])
    deck.slides.extend(_written(slide, parser) for slide in outline.slides)
    return deck


#: The decks' fonts: reveal.js's theme font, then fonts with Traditional Chinese glyphs
#: (Debian's fonts-noto-cjk, which `make` installs, gives "Noto Sans CJK TC"), as on the site.
FONTS = ('"Source Sans Pro", Helvetica, "Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", '
         '"Microsoft JhengHei", "Heiti TC", sans-serif')


def deck_html(deck: Deck, language: str | None = None) -> str:
    """A reveal.js page for a deck, loading only files next to it (16:9, 1280 by 720), with
    the fixed words of ``language`` (default English).

    Examples
    --------
    >>> page = deck_html(Deck("d", "顧客終身價值", [Slide("公式", activity="一起算")]), "zh_TW")
    >>> '<html lang="zh-Hant-TW">' in page, "課堂活動：" in page, "Noto Sans CJK TC" in page
    (True, True, True)
    """
    said = words("deck-words.yml", language)
    fonts = (f".reveal {{ --r-main-font: {FONTS}; --r-heading-font: {FONTS}; }}\n"
             if language_code(language) else "")
    sections = []
    for slide in deck.slides:
        room = (
            f"<p><strong>{escape(said['in_the_room'])}</strong> {escape(slide.activity)}</p>"
            if slide.activity
            else ""
        )
        notes = f'<aside class="notes">{room}{slide.notes}</aside>'
        heading = "h1" if slide.kind == "title" else "h2"
        sections.append(
            f'<section class="cf-slide-{slide.kind}"><{heading}>{slide.title}</{heading}>'
            f"{slide.body}{notes}</section>"
        )
    return f"""<!doctype html>
<html lang="{said['html_lang']}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(said['deck_title'].format(title=deck.title))}</title>
{ICON_LINK}
<link rel="stylesheet" href="assets/reveal/reset.css">
<link rel="stylesheet" href="assets/reveal/reveal.css">
<link rel="stylesheet" href="assets/reveal/theme/white.css">
<style>
{fonts}.reveal h1 {{ font-size: 1.8em; }} .reveal h2 {{ font-size: 1.2em; margin-bottom: 0.5em; }}
.reveal .slides section {{ text-align: left; font-size: 0.66em; line-height: 1.35; }}
.reveal .slides section.cf-slide-title {{ text-align: center; }}
.reveal table {{ font-size: 0.8em; }}
.reveal ul, .reveal ol {{ margin-left: 1.2em; }}
.reveal li p {{ margin: 0.15em 0; }}
.reveal img.cf-slide-figure {{ max-height: 520px; max-width: 100%; display: block;
  margin: 0.2em auto; background: #fff; }}
.reveal .cf-slide-exercise h2 {{ color: #1f5f99; }}
.reveal .slides section.cf-slide-box {{ box-sizing: border-box; border-left: 6px solid #1f5f99;
  padding-left: 0.8em; }}
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
<script>Reveal.initialize({{ hash: true, slideNumber: true, width: 1280, height: 720,
  margin: 0.04, plugins: [RevealNotes] }});</script>
</body>
</html>
"""


def _copy_assets(modules: Path, out: Path) -> None:
    missing = [source for source in ASSETS.values() if not (modules / source).exists()]
    if missing:
        raise FileNotFoundError(
            f"missing {', '.join(missing)} in {modules}: run `npm ci` (make does it)."
        )
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


def build_decks(root: Path, images: Path, language: str | None = None) -> list[Deck]:
    """Every deck of ``book/instructors/decks.yml`` in ``language`` (default English), figures
    written to ``images``."""
    labels = _bibliography(root / "references.bib")
    decks = []
    for outline in load_outlines(root / "book" / "instructors" / "decks.yml", language).values():
        if outline.source:
            decks.append(page_deck(outline, root, images, labels, language))
        else:
            decks.append(written_deck(outline, labels, language))
    return decks


def write_decks(
    root: Path, out: Path, *, node_modules: Path | None = None, language: str | None = None
) -> list[Path]:
    """Write every deck, the assets it needs and an index page into ``out``, in ``language``
    (default English; ``"zh_TW"`` for the zh-TW edition's decks).

    Returns
    -------
    list of pathlib.Path
        The deck files written.
    """
    _copy_assets(node_modules or root / "node_modules", out)
    said = words("deck-words.yml", language)
    written, links = [], []
    for deck in build_decks(root, out / "images", language):
        target = out / f"{deck.id}.html"
        target.write_text(deck_html(deck, language), encoding="utf-8")
        written.append(target)
        count = escape(said["slide_count"].format(count=len(deck.slides)))
        links.append(f'<li><a href="{target.name}">{escape(deck.title)}</a> ({count})</li>')
    (out / "index.html").write_text(
        f'<!doctype html><html lang="{said["html_lang"]}"><head><meta charset="utf-8">'
        f"<title>{escape(said['index_title'])}</title>{ICON_LINK}</head>"
        f"<body><h1>{escape(said['index_heading'])}</h1><p>{escape(said['index_intro'])}</p><ol>"
        + "".join(links)
        + "</ol></body></html>",
        encoding="utf-8",
    )
    return written
