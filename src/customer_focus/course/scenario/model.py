"""The branching scenario as a story: loading, checking and walking its paths.

A scenario file (``book/practice/scenarios/<name>.yml``)::

    scenario:
      id: harbor-supply
      title: A late delivery
      start: the-call
    nodes:
      the-call:
        title: The call
        text: Markdown...
        choices:
          - id: ship-today            # optional; needed to name the choice in a condition
            label: Send a new shipment today at our cost
            next: next-node
            points: 3
            consequence: What happens (Markdown).
            feedback: Why it was a good or poor choice (Markdown).
      loyal-for-life:
        ending: true
        title: Loyal for life
        requires: [ship-today]      # optional: true of every path that reaches this ending
        excludes: [the-delay]       # optional: on no path that reaches it
        text: Markdown...           # the default text and debrief
        debrief: Markdown, linking back to the chapters.
        variants:                   # optional: text that depends on the path
          - requires: [the-delay]   # node ids visited or choice ids taken
            text: Markdown...       # replaces the default text on those paths
            debrief: Markdown...    # optional; else the default debrief

Text may hold figures of the course's invented cases as placeholders,
``{case:opening.harbor.lifetime_value}``; :func:`load_scenario` writes them in
with the function it is given (the course's is
:func:`customer_focus.course.cases.expand`, which
:func:`customer_focus.course.scenario.load` passes). Without one, the text is
kept as written: enough to walk the paths, which is what the case figures
that count the story's paths and points do.

Checked on load with :mod:`customer_focus.core.yamlfile`, every problem
reported with the file, line and node: every choice leads to an existing
node; every node is reachable from the start; every node can reach an ending
(so there is no dead end and no loop without an exit); endings have no
choices and a debrief; every case placeholder names a figure. Then **every
path** from the start to an ending is walked (:func:`all_paths`): each
ending's ``requires`` and ``excludes`` must hold on every path that reaches
it, every path must find a text (a matching variant or the default), and
every variant must be shown on at least one path. A failure names the file,
the line and the path, written as the choices taken.

The rules of play, the same as the book's ``scenario.js`` and the notebook's
player (:mod:`customer_focus.course.scenario.player`): choosing option *k* at
a node adds its points and moves to its ``next`` node; a path is the list of
option indexes chosen; an ending shows the first variant whose conditions
hold on the path (:func:`ending_variant`), else its default text.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...core.paths import book_path, course_root
from ...core.problems import DataFileError, Problem, Problems, line_of
from ...core.yamlfile import load_yaml
from ..markup import render_block, render_inline
from ..translation import Translation, language_code, translation_path

__all__ = [
    "Choice", "Node", "Variant", "Scenario", "ScenarioError", "load_scenario", "find_scenario",
    "walk", "all_paths", "path_ids", "ending_variant", "describe_path",
]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ScenarioError(DataFileError):
    """A scenario file that cannot be used; ``problems`` lists every reason."""


@dataclass(frozen=True)
class Choice:
    """An option at a decision point (HTML already rendered from Markdown)."""

    label: str
    next: str
    points: int
    consequence: str
    feedback: str
    id: str = ""


@dataclass(frozen=True)
class Variant:
    """An ending's text and debrief for the paths where its conditions hold.

    ``requires``: node ids visited or choice ids taken, all on the path;
    ``excludes``: none of them on the path. No conditions: every path (the
    ending's default, always last).
    """

    text: str
    debrief: str
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()

    def holds(self, taken: set[str]) -> bool:
        """Whether the conditions hold for a path (the set from :func:`path_ids`)."""
        return (all(item in taken for item in self.requires)
                and not any(item in taken for item in self.excludes))


@dataclass(frozen=True)
class Node:
    """A decision point or an ending."""

    id: str
    title: str
    text: str
    choices: tuple[Choice, ...] = ()
    ending: bool = False
    debrief: str = ""
    variants: tuple[Variant, ...] = ()

    def to_data(self) -> dict[str, Any]:
        """Plain data for the page's script (and for tests)."""
        data: dict[str, Any] = {
            "id": self.id, "title": self.title, "text": self.text, "ending": self.ending,
        }
        if self.ending:
            data["debrief"] = self.debrief
            data["variants"] = [
                {"requires": list(v.requires), "excludes": list(v.excludes), "text": v.text,
                 "debrief": v.debrief}
                for v in self.variants
            ]
        else:
            data["choices"] = [choice.__dict__ for choice in self.choices]
        return data


@dataclass(frozen=True)
class Scenario:
    """A validated scenario."""

    id: str
    title: str
    start: str
    nodes: dict[str, Node]
    source: str
    fingerprint: str

    def to_data(self) -> dict[str, Any]:
        """Everything ``scenario.js`` needs."""
        return {
            "id": self.id, "title": self.title, "start": self.start,
            "fingerprint": self.fingerprint,
            "nodes": {node_id: node.to_data() for node_id, node in self.nodes.items()},
        }

    @property
    def endings(self) -> list[str]:
        """The ids of the ending nodes, in file order."""
        return [node.id for node in self.nodes.values() if node.ending]

    @property
    def decision_points(self) -> list[str]:
        """The ids of the nodes with choices, in file order."""
        return [node.id for node in self.nodes.values() if not node.ending]


def _id_list(data: Any, key: str) -> tuple[str, ...] | None:
    """``data[key]`` as a tuple of ids (``()`` when absent), ``None`` when it is not one."""
    value = data.get(key) if isinstance(data, Mapping) else None
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        return None
    if not all(isinstance(item, str) and item for item in value):
        return None
    return tuple(value)


class _Reader(Problems):
    """Collects the problems of one scenario file while its nodes are read."""

    def __init__(self, source: str, expand: Callable[[str], str] | None) -> None:
        super().__init__(source)
        self.expand = expand

    def prose(self, data: Any, key: str, where: str, *, required: bool = True) -> str:
        """``data[key]``: text, with its case placeholders written in."""
        value = data.get(key) if isinstance(data, dict) else None
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add(data, None, f"{where}: missing {key!r}")
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            quote = " (quote it: YAML reads yes/no/on/off as true/false)"
            hint = quote if isinstance(value, bool) else ""
            self.add(data, key, f"{where}: {key!r} must be text{hint}")
            return ""
        if self.expand is None:
            return str(value)
        try:
            return self.expand(str(value))
        except ValueError as error:
            self.add(data, key, f"{where}: {key!r}: {error}")
            return ""

    def items(
        self, raw: list, label: str, known: set[str], *, shape: str, keys_hint: str = ""
    ) -> Iterator[tuple[str, dict]]:
        """The mappings of the list ``raw``, each with its place ("``label`` 2").

        An item that is not a mapping is reported ("must ``shape``") and
        skipped; an unknown key is reported (with ``keys_hint`` after it).
        """
        for index, item in enumerate(raw):
            place = f"{label} {index + 1}"
            if not isinstance(item, dict):
                self.add(raw, index, f"{place}: must {shape}")
                continue
            for key in sorted(set(item) - known, key=str):
                self.add(item, key, f"{place}: unknown key {key!r}{keys_hint}")
            yield place, item

    def ids(self, data: Mapping, key: str, where: str) -> tuple[str, ...]:
        """``data[key]``: a list of node or choice ids."""
        ids = _id_list(data, key)
        if ids is None:
            self.add(data, key, f"{where}: {key!r} must be a list of node or choice ids")
            return ()
        return ids


def _sections(found: _Reader, data: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``scenario`` header and the ``nodes`` mapping (empty when missing)."""
    if not isinstance(data, dict):
        found.add(None, None, "a scenario needs a 'scenario' section and a 'nodes' mapping")
        return {}, {}
    header = data.get("scenario")
    nodes = data.get("nodes")
    for key in sorted(set(data) - {"scenario", "nodes"}, key=str):
        found.add(data, key,
                  f"unknown top-level key {key!r} (a scenario has 'scenario' and 'nodes')")
    if not isinstance(header, dict):
        found.add(data, "scenario", "missing 'scenario' section with 'id', 'title' and 'start'")
        header = {}
    if not isinstance(nodes, dict) or not nodes:
        found.add(data, "nodes", "'nodes' must be a mapping of node ids to nodes")
        nodes = {}
    return header, nodes


_ENDING_KEYS = {"title", "text", "ending", "debrief", "requires", "excludes", "variants"}
_VARIANT_KEYS = {"requires", "excludes", "text", "debrief"}
_CHOICE_KEYS = {"id", "label", "next", "points", "consequence", "feedback"}


def _ending(found: _Reader, node_id: str, raw: dict, where: str, title: str) -> Node:
    raw_variants = raw.get("variants")
    has_variants = isinstance(raw_variants, list) and bool(raw_variants)
    text = render_block(found.prose(raw, "text", where, required=not has_variants))
    debrief = render_block(found.prose(raw, "debrief", where))
    variants: list[Variant] = []
    if raw_variants is not None and not has_variants:
        found.add(raw, "variants", f"{where}: 'variants' must be a list of texts with conditions")
    variant_items = found.items(
        raw_variants if has_variants else [], f"{where}, variant", _VARIANT_KEYS,
        shape="be a mapping with requires/excludes and text",
        keys_hint=f" (a variant has {', '.join(sorted(_VARIANT_KEYS))})",
    )
    for place, item in variant_items:
        requires = found.ids(item, "requires", place)
        excludes = found.ids(item, "excludes", place)
        if not requires and not excludes:
            found.add(item, None, f"{place}: needs 'requires' or 'excludes' (the ending's own "
                      "text is the default)")
        variants.append(Variant(
            text=render_block(found.prose(item, "text", place)),
            debrief=render_block(found.prose(item, "debrief", place, required=False)) or debrief,
            requires=requires, excludes=excludes,
        ))
    if text:
        variants.append(Variant(text=text, debrief=debrief))
    return Node(node_id, title, text, ending=True, debrief=debrief, variants=tuple(variants))


def _choices(
    found: _Reader, raw: dict, where: str, raw_nodes: dict, choice_lines: dict[str, int]
) -> list[Choice]:
    choices = []
    raw_choices = raw["choices"]
    choice_items = found.items(
        raw_choices, f"{where}, choice", _CHOICE_KEYS,
        shape="have label, next, points, consequence and feedback",
    )
    for place, item in choice_items:
        points = item.get("points", 0)
        if isinstance(points, bool) or not isinstance(points, int):
            found.add(item, "points", f"{place}: 'points' must be a whole number (got {points!r})")
            points = 0
        choice_id = item.get("id", "")
        if choice_id != "" and (not isinstance(choice_id, str) or not _ID.match(choice_id)):
            found.add(item, "id", f"{place}: 'id' must be lowercase letters, digits and hyphens")
            choice_id = ""
        elif choice_id in choice_lines or choice_id in raw_nodes:
            found.add(item, "id",
                      f"{place}: id {choice_id!r} is already used by another choice or a node")
            choice_id = ""
        elif choice_id:
            choice_lines[choice_id] = line_of(item, "id")
        choices.append(Choice(
            label=render_inline(found.prose(item, "label", place)),
            next=str(item.get("next", "")),
            points=points,
            consequence=render_block(found.prose(item, "consequence", place)),
            feedback=render_block(found.prose(item, "feedback", place)),
            id=choice_id,
        ))
        if not isinstance(item.get("next"), str) or not item.get("next"):
            found.add(item, None, f"{place}: missing 'next' (the id of the node it leads to)")
    return choices


def load_scenario(
    path: str | os.PathLike[str],
    *,
    source: str | None = None,
    expand: Callable[[str], str] | None = None,
    language: str | None = None,
    locales: str | os.PathLike[str] | None = None,
    fallback: bool = False,
) -> Scenario:
    """Read and validate a scenario file, walking every path to check each ending's conditions.

    With a ``language`` other than English, the story's text then comes from
    its translation, ``locales/<language>/scenarios/<name>.yml``: the
    scenario's id and title, and per node (by id) exactly the English node's
    text keys, its choices by id (label, consequence, feedback) and its
    variants in order (text, debrief). Everything else (where each choice
    leads, points, conditions) and the fingerprint stay the English's, so a
    path saved in one edition holds in the other.

    Parameters
    ----------
    path : str or path-like
        The YAML file.
    source : str, optional
        How to name the file in messages (default: the path as given).
    expand : callable, optional
        Writes the case placeholders of a text in (the course's is
        :func:`customer_focus.course.cases.expand`); it raises ``ValueError``
        for an unknown figure, reported at its line. Without it, texts are
        kept as written.
    language : str, optional
        ``None`` or ``"en"``: English; ``"zh_TW"``: laid over with its translation.
    locales : path-like, optional
        The ``locales`` folder (default: the one in the course's folder).
    fallback : bool, default False
        When the translation file does not exist, give the English story
        instead of raising.

    Raises
    ------
    ScenarioError
        Listing every problem as ``file:line: node 'x': what is wrong`` (of
        the English file, then of the translation).
    """
    name = source or str(path)
    try:
        data = load_yaml(path, source=name)
    except DataFileError as error:
        raise ScenarioError(error.problems) from None
    found = _Reader(name, expand)
    header, raw_nodes = _sections(found, data)
    scenario_id = header.get("id")
    if header and (not isinstance(scenario_id, str) or not _ID.match(scenario_id)):
        found.add(header, "id", "scenario: 'id' must be lowercase letters, digits and hyphens "
                  f"(got {scenario_id!r})")
    title = found.prose(header, "title", "scenario") if header else ""
    start = header.get("start") if header else None
    nodes: dict[str, Node] = {}
    choice_lines: dict[str, int] = {}
    for node_id, raw in raw_nodes.items():
        where = f"node {node_id!r}"
        if not isinstance(node_id, str) or not _ID.match(node_id):
            found.add(raw_nodes, node_id,
                      f"{where}: node ids must be lowercase letters, digits and hyphens")
            continue
        if not isinstance(raw, dict):
            found.add(raw_nodes, node_id, f"{where}: must be a mapping with title, text and "
                      "choices (or ending: true)")
            continue
        ending = raw.get("ending", False) is True
        allowed = _ENDING_KEYS if ending else {"title", "text", "choices"}
        for key in sorted(set(raw) - allowed, key=str):
            kind = "an ending" if ending else "a decision point"
            found.add(raw, key, f"{where}: {key!r} does not belong in {kind}")
        node_title = found.prose(raw, "title", where)
        if ending:
            nodes[node_id] = _ending(found, node_id, raw, where, node_title)
            continue
        text = render_block(found.prose(raw, "text", where))
        if not isinstance(raw.get("choices"), list) or not raw["choices"]:
            at = (raw, "choices") if "choices" in raw else (raw_nodes, node_id)
            found.add(*at, f"{where}: a decision point needs a list of 'choices' (or is it an "
                      "ending? add 'ending: true')")
            continue
        choices = _choices(found, raw, where, raw_nodes, choice_lines)
        nodes[node_id] = Node(node_id, node_title, text, tuple(choices))
    _link_problems(found, nodes, raw_nodes)
    _condition_problems(found, nodes, raw_nodes, set(raw_nodes) | set(choice_lines))
    if header and (not isinstance(start, str) or start not in raw_nodes):
        found.add(header, "start", f"scenario: 'start' must name a node (got {start!r})")
    if not found.found:
        _graph_problems(found, nodes, start, raw_nodes)
    payload = json.dumps({k: v.to_data() for k, v in nodes.items()}, sort_keys=True)
    story = Scenario(str(scenario_id), title, str(start), nodes, name,
                     hashlib.sha256(payload.encode()).hexdigest()[:16])
    if not found.found:
        _path_problems(found, story, raw_nodes)
    if found.found:
        raise ScenarioError(found.found)
    code = language_code(language)
    if code is None:
        return story
    translated = translation_path("scenarios", path, code, locales=locales)
    if not translated.is_file():
        if fallback:
            return story
        raise ScenarioError([Problem(name, 1, f"no translation into {code}: write "
                                     f"{_shown(translated)} (ids and text only; see README.md, "
                                     "\"How to translate a quiz bank or the scenario\")")])
    return _translate(story, raw_nodes, translated, _shown(translated), expand)


def _shown(path: Path) -> str:
    """A translation's path as messages show it: from the course's folder when inside it."""
    try:
        return path.resolve().relative_to(course_root(path.parent)).as_posix()
    except (ValueError, FileNotFoundError):
        return str(path)


class _Overlay(Translation):
    """A :class:`~customer_focus.course.translation.Translation` that writes case figures in."""

    def __init__(self, source: str, english: str, expand: Callable[[str], str] | None) -> None:
        super().__init__(source, english)
        self.expand = expand

    def prose(self, data: Any, key: str, where: str, render: Callable[[str], str]) -> str:
        text = self.phrase(data, key, where)
        if self.expand is not None and text:
            try:
                text = self.expand(text)
            except ValueError as error:
                self.add(data, key, f"{where}: {key!r}: {error}")
        return render(text)


def _translate(
    story: Scenario, raw_nodes: dict, path: Path, name: str, expand: Callable[[str], str] | None
) -> Scenario:
    """The story with the text of its translation (checked against the English file)."""
    check = _Overlay(name, story.source, expand)
    try:
        data = load_yaml(path, source=name)
    except DataFileError as error:
        raise ScenarioError(error.problems) from None
    if not check.same_keys(data, ("scenario", "nodes"), "the translation"):
        raise ScenarioError(check.found)
    title = story.title
    header = data.get("scenario")
    if "scenario" in data and check.same_keys(header, ("id", "title"), "scenario"):
        if header.get("id") != story.id:
            check.add(header, "id", f"scenario: 'id' must be the English scenario's id "
                      f"{story.id!r} (got {header.get('id')!r})")
        title = check.prose(header, "title", "scenario", str)
    english = [(node_id, line_of(raw_nodes, node_id)) for node_id in story.nodes]
    found = check.by_key(data.get("nodes"), english, "nodes", "node") if "nodes" in data else {}
    nodes = {
        node_id: _translated_node(check, node, raw_nodes[node_id], found[node_id])
        if node_id in found else node
        for node_id, node in story.nodes.items()
    }
    if check.found:
        raise ScenarioError(check.found)
    return replace(story, title=title, nodes=nodes)


def _translated_node(check: _Overlay, node: Node, raw: dict, item: Any) -> Node:
    where = f"node {node.id!r}"
    if not node.ending:
        if not check.same_keys(item, ("title", "text", "choices"), where):
            return node
        raw_choices = raw["choices"]
        english = []
        for index, choice in enumerate(node.choices):
            if not choice.id:
                check.add(item, "choices", f"{where}: the English choice {index + 1} "
                          f"({check.english}:{line_of(raw_choices, index)}) has no id; give it "
                          "one in the English to translate it")
            english.append((choice.id, line_of(raw_choices, index)))
        found = check.by_id(item.get("choices"), english, f"{where}, choices", "choice")
        choices = []
        for choice in node.choices:
            given = found.get(choice.id)
            if given is None:
                choices.append(choice)
                continue
            place = f"{where}, choice {choice.id!r}"
            check.same_keys(given, ("id", "label", "consequence", "feedback"), place)
            choices.append(replace(
                choice,
                label=check.prose(given, "label", place, render_inline),
                consequence=check.prose(given, "consequence", place, render_block),
                feedback=check.prose(given, "feedback", place, render_block),
            ))
        return replace(
            node,
            title=check.prose(item, "title", where, str),
            text=check.prose(item, "text", where, render_block),
            choices=tuple(choices),
        )
    keys = [key for key in ("title", "text", "debrief", "variants") if key in raw]
    if not check.same_keys(item, keys, where):
        return node
    text = check.prose(item, "text", where, render_block) if "text" in raw else ""
    debrief = check.prose(item, "debrief", where, render_block)
    raw_variants = raw.get("variants") or []
    given = item.get("variants") if "variants" in raw else []
    if not isinstance(given, list) or len(given) != len(raw_variants):
        check.add(item, "variants" if "variants" in item else None,
                  f"{where}: 'variants' must be a list of {len(raw_variants)} (one per variant of "
                  f"the English, in the same order: {check.english}:{line_of(raw, 'variants')})")
        given = []
    variants = []
    pairs = zip(raw_variants, node.variants[:len(raw_variants)], strict=True)
    for index, (english, variant) in enumerate(pairs):
        if not given:
            break
        place = f"{where}, variant {index + 1}"
        own = [key for key in ("text", "debrief") if key in english]
        check.same_keys(given[index], own, place)
        variants.append(replace(
            variant,
            text=check.prose(given[index], "text", place, render_block),
            debrief=(check.prose(given[index], "debrief", place, render_block)
                     if "debrief" in english else debrief),
        ))
    if text:
        variants.append(Variant(text=text, debrief=debrief))
    return replace(
        node,
        title=check.prose(item, "title", where, str),
        text=text,
        debrief=debrief,
        variants=tuple(variants) if given or not raw_variants else node.variants,
    )


def _link_problems(found: _Reader, nodes: dict[str, Node], raw_nodes: dict) -> None:
    """Every choice leads to a node of the file."""
    for node in nodes.values():
        for index, choice in enumerate(node.choices):
            if choice.next and choice.next not in raw_nodes:
                found.add(raw_nodes[node.id]["choices"], index, f"node {node.id!r}, choice "
                          f"{index + 1}: leads to {choice.next!r}, which is not a node")


def _condition_problems(
    found: _Reader, nodes: dict[str, Node], raw_nodes: dict, known: set[str]
) -> None:
    """Every ``requires`` and ``excludes`` names a node or a choice id."""
    for node in nodes.values():
        raw = raw_nodes[node.id]
        checks = [(raw, f"node {node.id!r}")]
        checks += [(item, f"node {node.id!r}, variant {k + 1}")
                   for k, item in enumerate(raw.get("variants") or []) if isinstance(item, dict)]
        for data, where in checks:
            for key in ("requires", "excludes"):
                for item in _id_list(data, key) or ():
                    if item not in known:
                        found.add(data, key, f"{where}: {key!r} names {item!r}, which is "
                                  "neither a node nor a choice id")


def _graph_problems(found: _Reader, nodes: dict[str, Node], start: str, raw: dict) -> None:
    """Every node is reachable from the start, and can reach an ending."""
    reachable = {start}
    queue = deque([start])
    while queue:
        for choice in nodes[queue.popleft()].choices:
            if choice.next not in reachable:
                reachable.add(choice.next)
                queue.append(choice.next)
    for node_id in nodes:
        if node_id not in reachable:
            found.add(raw, node_id,
                      f"node {node_id!r}: no choice leads here, so no reader can reach it")
    # nodes that can reach an ending: walk the links backwards from the endings
    finishing = {node_id for node_id, node in nodes.items() if node.ending}
    changed = True
    while changed:
        changed = False
        for node_id, node in nodes.items():
            if node_id not in finishing and any(c.next in finishing for c in node.choices):
                finishing.add(node_id)
                changed = True
    for node_id in nodes:
        if node_id not in finishing:
            found.add(raw, node_id, f"node {node_id!r}: no path from here reaches an ending "
                      "(a loop without an exit)")
    if not any(node.ending for node in nodes.values()):
        found.add(None, None, "the scenario has no ending (a node with 'ending: true')")


def _path_problems(found: _Reader, story: Scenario, raw: dict) -> None:
    """Walk every path: each ending's conditions hold, each path finds a text, each variant
    is shown."""
    shown: set[tuple[str, int]] = set()
    for path, ending_id, _points in all_paths(story):
        node = story.nodes[ending_id]
        taken = path_ids(story, path)
        data = raw[ending_id]
        reaches = f"node {ending_id!r}: the path {describe_path(story, path)}"
        missing = [item for item in _id_list(data, "requires") or () if item not in taken]
        present = [item for item in _id_list(data, "excludes") or () if item in taken]
        if missing:
            found.add(data, "requires", f"{reaches} reaches this ending without "
                      f"{', '.join(map(repr, missing))}, which it requires")
        if present:
            found.add(data, "excludes", f"{reaches} reaches this ending through "
                      f"{', '.join(map(repr, present))}, which it excludes")
        index = next((k for k, variant in enumerate(node.variants) if variant.holds(taken)), None)
        if index is None:
            found.add(data, "variants",
                      f"{reaches} matches no variant, and the ending has no default text")
        else:
            shown.add((ending_id, index))
    for node in story.nodes.values():
        raw_variants = raw[node.id].get("variants") or []
        for index in range(len(raw_variants)):
            if (node.id, index) not in shown:
                found.add(raw_variants, index, f"node {node.id!r}, variant {index + 1}: no path "
                          "shows it (an earlier variant always matches first, or its conditions "
                          "never hold)")


def path_ids(scenario: Scenario, path: list[int]) -> set[str]:
    """The node ids visited and the choice ids taken along a path (what conditions test)."""
    node = scenario.nodes[scenario.start]
    taken = {node.id}
    for index in path:
        choice = node.choices[index]
        if choice.id:
            taken.add(choice.id)
        node = scenario.nodes[choice.next]
        taken.add(node.id)
    return taken


def describe_path(scenario: Scenario, path: list[int]) -> str:
    """A path written for an error message: each choice's id, or ``node#option``."""
    node = scenario.nodes[scenario.start]
    steps = []
    for index in path:
        choice = node.choices[index]
        steps.append(choice.id or f"{node.id}#{index + 1}")
        node = scenario.nodes[choice.next]
    return " → ".join(steps) + f" → {node.id}"


def ending_variant(scenario: Scenario, path: list[int]) -> tuple[int, Variant]:
    """The text an ending shows for a path: the first variant whose conditions hold.

    Raises
    ------
    ValueError
        When the path does not end at an ending.
    """
    node_id, _ = walk(scenario, path)
    node = scenario.nodes[node_id]
    if not node.ending:
        raise ValueError(f"the path stops at {node_id!r}, which is not an ending")
    taken = path_ids(scenario, path)
    for index, variant in enumerate(node.variants):
        if variant.holds(taken):
            return index, variant
    raise ValueError(f"no text of ending {node_id!r} fits the path")  # load_scenario rules this out


def walk(scenario: Scenario, path: list[int]) -> tuple[str, int]:
    """Follow a path of choice indexes from the start: return the node reached and the points.

    Raises
    ------
    ValueError
        When an index does not exist at its node, or the path goes past an ending.
    """
    node, points = scenario.nodes[scenario.start], 0
    for step, index in enumerate(path):
        if node.ending:
            raise ValueError(
                f"step {step + 1}: the path has already reached the ending {node.id!r}"
            )
        if (isinstance(index, bool) or not isinstance(index, int)
                or not 0 <= index < len(node.choices)):
            raise ValueError(f"step {step + 1}: node {node.id!r} has no choice {index!r}")
        choice = node.choices[index]
        points += choice.points
        node = scenario.nodes[choice.next]
    return node.id, points


def all_paths(scenario: Scenario, limit: int = 10_000) -> list[tuple[list[int], str, int]]:
    """Every path from the start to an ending (paths revisiting a node are followed once)."""
    found: list[tuple[list[int], str, int]] = []
    stack: list[tuple[str, list[int], int, frozenset[str]]] = [
        (scenario.start, [], 0, frozenset({scenario.start}))
    ]
    while stack and len(found) < limit:
        node_id, path, points, seen = stack.pop()
        node = scenario.nodes[node_id]
        if node.ending:
            found.append((path, node_id, points))
            continue
        for index, choice in reversed(list(enumerate(node.choices))):
            if choice.next not in seen:
                stack.append(
                    (choice.next, [*path, index], points + choice.points, seen | {choice.next})
                )
    return found


def find_scenario(name: str | os.PathLike[str]) -> Path:
    """The file of a scenario given by name (``book/practice/scenarios/<name>.yml``) or path.

    Raises
    ------
    FileNotFoundError
        When there is no scenario of that name, listing the scenarios there are.
    """
    path = Path(name)
    if path.suffix in {".yml", ".yaml"}:
        return path
    folder = book_path("practice", "scenarios")
    candidate = folder / f"{name}.yml"
    if not candidate.is_file():
        names = ", ".join(sorted(p.stem for p in folder.glob("*.yml")))
        raise FileNotFoundError(f"No scenario named {name!r}; the scenarios are: {names}.")
    return candidate
