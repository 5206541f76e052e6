"""Branching scenarios: "what would you do?" stories kept in YAML.

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
``{case:opening.harbor.lifetime_value}`` (see :mod:`customer_focus.cases`),
expanded when the file is read.

Validated on load, every problem reported with the file, line and node:
every choice leads to an existing node; every node is reachable from the
start; every node can reach an ending (so there is no dead end and no loop
without an exit); endings have no choices and a debrief; every case
placeholder names a figure. Then **every path** from the start to an ending
is walked (:func:`all_paths`): each ending's ``requires`` and ``excludes``
must hold on every path that reaches it, every path must find a text (a
matching variant or the default), and every variant must be shown on at
least one path. A failure names the file, the line and the path, written as
the choices taken.

:func:`play` shows a scenario in a notebook (ipywidgets) with the same rules
as the book's ``scenario.js``: choosing option *k* at a node adds its points
and moves to its ``next`` node; a path is the list of option indexes chosen;
an ending shows the first variant whose conditions hold on the path
(:func:`ending_variant`), else its default text.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .cases import expand as expand_cases
from .quiz.bank import Problem, _line, _Loader
from .quiz.markup import render_block, render_inline

__all__ = [
    "Choice", "Node", "Variant", "Scenario", "ScenarioError", "load_scenario", "walk", "all_paths",
    "path_ids", "ending_variant", "describe_path", "play",
]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ScenarioError(ValueError):
    """A scenario file that cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


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
        return all(item in taken for item in self.requires) and not any(item in taken for item in self.excludes)


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
        data: dict[str, Any] = {"id": self.id, "title": self.title, "text": self.text, "ending": self.ending}
        if self.ending:
            data["debrief"] = self.debrief
            data["variants"] = [
                {"requires": list(v.requires), "excludes": list(v.excludes), "text": v.text, "debrief": v.debrief}
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
            "id": self.id, "title": self.title, "start": self.start, "fingerprint": self.fingerprint,
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


def _text(problems: list[Problem], source: str, data: Any, key: str, where: str, *, required: bool = True) -> str:
    value = data.get(key) if isinstance(data, dict) else None
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.append(Problem(source, _line(data), f"{where}: missing {key!r}"))
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        hint = " (quote it: YAML reads yes/no/on/off as true/false)" if isinstance(value, bool) else ""
        problems.append(Problem(source, _line(data, key), f"{where}: {key!r} must be text{hint}"))
        return ""
    try:
        return expand_cases(str(value))
    except ValueError as error:
        problems.append(Problem(source, _line(data, key), f"{where}: {key!r}: {error}"))
        return ""


def _ids(problems: list[Problem], source: str, data: dict, key: str, where: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item for item in value):
        problems.append(Problem(source, _line(data, key), f"{where}: {key!r} must be a list of node or choice ids"))
        return ()
    return tuple(value)


def _parse(data: Any, source: str) -> tuple[dict[str, Any], dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return {}, {}, [Problem(source, 1, "a scenario needs a 'scenario' section and a 'nodes' mapping")]
    header = data.get("scenario")
    nodes = data.get("nodes")
    for key in sorted(set(data) - {"scenario", "nodes"}, key=str):
        problems.append(Problem(source, _line(data, key), f"unknown top-level key {key!r} (a scenario has 'scenario' and 'nodes')"))
    if not isinstance(header, dict):
        problems.append(Problem(source, _line(data, "scenario"), "missing 'scenario' section with 'id', 'title' and 'start'"))
        header = {}
    if not isinstance(nodes, dict) or not nodes:
        problems.append(Problem(source, _line(data, "nodes"), "'nodes' must be a mapping of node ids to nodes"))
        nodes = {}
    return header, nodes, problems


_ENDING_KEYS = {"title", "text", "ending", "debrief", "requires", "excludes", "variants"}
_VARIANT_KEYS = {"requires", "excludes", "text", "debrief"}
_CHOICE_KEYS = {"id", "label", "next", "points", "consequence", "feedback"}


def _ending(problems: list[Problem], name: str, node_id: str, raw: dict, where: str, title: str) -> Node:
    raw_variants = raw.get("variants")
    has_variants = isinstance(raw_variants, list) and bool(raw_variants)
    text = render_block(_text(problems, name, raw, "text", where, required=not has_variants))
    debrief = render_block(_text(problems, name, raw, "debrief", where))
    variants: list[Variant] = []
    if raw_variants is not None and not has_variants:
        problems.append(Problem(name, _line(raw, "variants"), f"{where}: 'variants' must be a list of texts with conditions"))
    for index, item in enumerate(raw_variants if has_variants else []):
        place = f"{where}, variant {index + 1}"
        if not isinstance(item, dict):
            problems.append(Problem(name, _line(raw_variants, index), f"{place}: must be a mapping with requires/excludes and text"))
            continue
        for key in sorted(set(item) - _VARIANT_KEYS, key=str):
            problems.append(Problem(name, _line(item, key), f"{place}: unknown key {key!r} (a variant has {', '.join(sorted(_VARIANT_KEYS))})"))
        requires = _ids(problems, name, item, "requires", place)
        excludes = _ids(problems, name, item, "excludes", place)
        if not requires and not excludes:
            problems.append(Problem(name, _line(item), f"{place}: needs 'requires' or 'excludes' (the ending's own text is the default)"))
        variants.append(Variant(
            text=render_block(_text(problems, name, item, "text", place)),
            debrief=render_block(_text(problems, name, item, "debrief", place, required=False)) or debrief,
            requires=requires, excludes=excludes,
        ))
    if text:
        variants.append(Variant(text=text, debrief=debrief))
    return Node(node_id, title, text, ending=True, debrief=debrief, variants=tuple(variants))


def load_scenario(path: str | os.PathLike[str], *, source: str | None = None) -> Scenario:
    """Read and validate a scenario file, walking every path to check each ending's conditions.

    Raises
    ------
    ScenarioError
        Listing every problem as ``file:line: node 'x': what is wrong``.
    """
    name = source or str(path)
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except OSError as error:
        raise ScenarioError([Problem(name, 1, f"cannot be read: {error.strerror or error}")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ScenarioError([Problem(name, mark.line + 1 if mark else 1, f"not valid YAML: {getattr(error, 'problem', error)}")]) from None
    header, raw_nodes, problems = _parse(data, name)
    scenario_id = header.get("id")
    if header and (not isinstance(scenario_id, str) or not _ID.match(scenario_id)):
        problems.append(Problem(name, _line(header, "id"), f"scenario: 'id' must be lowercase letters, digits and hyphens (got {scenario_id!r})"))
    title = _text(problems, name, header, "title", "scenario") if header else ""
    start = header.get("start") if header else None
    nodes: dict[str, Node] = {}
    choice_lines: dict[str, int] = {}
    for node_id, raw in raw_nodes.items():
        where = f"node {node_id!r}"
        line = _line(raw_nodes, node_id)
        if not isinstance(node_id, str) or not _ID.match(node_id):
            problems.append(Problem(name, line, f"{where}: node ids must be lowercase letters, digits and hyphens"))
            continue
        if not isinstance(raw, dict):
            problems.append(Problem(name, line, f"{where}: must be a mapping with title, text and choices (or ending: true)"))
            continue
        ending = raw.get("ending", False) is True
        allowed = _ENDING_KEYS if ending else {"title", "text", "choices"}
        for key in sorted(set(raw) - allowed, key=str):
            kind = "an ending" if ending else "a decision point"
            problems.append(Problem(name, _line(raw, key), f"{where}: {key!r} does not belong in {kind}"))
        node_title = _text(problems, name, raw, "title", where)
        if ending:
            nodes[node_id] = _ending(problems, name, node_id, raw, where, node_title)
            continue
        text = render_block(_text(problems, name, raw, "text", where))
        raw_choices = raw.get("choices")
        if not isinstance(raw_choices, list) or not raw_choices:
            problems.append(Problem(name, _line(raw, "choices") if "choices" in raw else line,
                                    f"{where}: a decision point needs a list of 'choices' (or is it an ending? add 'ending: true')"))
            continue
        choices = []
        for index, item in enumerate(raw_choices):
            place = f"{where}, choice {index + 1}"
            if not isinstance(item, dict):
                problems.append(Problem(name, _line(raw_choices, index), f"{place}: must have label, next, points, consequence and feedback"))
                continue
            for key in sorted(set(item) - _CHOICE_KEYS, key=str):
                problems.append(Problem(name, _line(item, key), f"{place}: unknown key {key!r}"))
            points = item.get("points", 0)
            if isinstance(points, bool) or not isinstance(points, int):
                problems.append(Problem(name, _line(item, "points"), f"{place}: 'points' must be a whole number (got {points!r})"))
                points = 0
            choice_id = item.get("id", "")
            if choice_id != "" and (not isinstance(choice_id, str) or not _ID.match(choice_id)):
                problems.append(Problem(name, _line(item, "id"), f"{place}: 'id' must be lowercase letters, digits and hyphens"))
                choice_id = ""
            elif choice_id in choice_lines or choice_id in raw_nodes:
                problems.append(Problem(name, _line(item, "id"), f"{place}: id {choice_id!r} is already used by another choice or a node"))
                choice_id = ""
            elif choice_id:
                choice_lines[choice_id] = _line(item, "id")
            choices.append(Choice(
                label=render_inline(_text(problems, name, item, "label", place)),
                next=str(item.get("next", "")),
                points=points,
                consequence=render_block(_text(problems, name, item, "consequence", place)),
                feedback=render_block(_text(problems, name, item, "feedback", place)),
                id=choice_id,
            ))
            if not isinstance(item.get("next"), str) or not item.get("next"):
                problems.append(Problem(name, _line(item), f"{place}: missing 'next' (the id of the node it leads to)"))
        nodes[node_id] = Node(node_id, node_title, text, tuple(choices))
    # links
    for node in nodes.values():
        for index, choice in enumerate(node.choices):
            if choice.next and choice.next not in nodes and choice.next in raw_nodes:
                continue  # that node has problems of its own
            if choice.next and choice.next not in raw_nodes:
                raw = raw_nodes[node.id]
                problems.append(Problem(name, _line(raw["choices"], index),
                                        f"node {node.id!r}, choice {index + 1}: leads to {choice.next!r}, which is not a node"))
    # condition ids
    known = set(raw_nodes) | set(choice_lines)
    for node in nodes.values():
        raw = raw_nodes[node.id]
        checks = [(raw, f"node {node.id!r}")]
        checks += [(item, f"node {node.id!r}, variant {k + 1}") for k, item in enumerate(raw.get("variants") or []) if isinstance(item, dict)]
        for data, where in checks:
            for key in ("requires", "excludes"):
                for item in _ids([], name, data, key, where):
                    if item not in known:
                        problems.append(Problem(name, _line(data, key), f"{where}: {key!r} names {item!r}, which is neither a node nor a choice id"))
    if header and (not isinstance(start, str) or start not in raw_nodes):
        problems.append(Problem(name, _line(header, "start"), f"scenario: 'start' must name a node (got {start!r})"))
    if not problems:
        problems += _graph_problems(name, nodes, start, raw_nodes)
    payload = json.dumps({k: v.to_data() for k, v in nodes.items()}, sort_keys=True)
    story = Scenario(str(scenario_id), title, str(start), nodes, name, hashlib.sha256(payload.encode()).hexdigest()[:16])
    if not problems:
        problems += _path_problems(story, raw_nodes)
    if problems:
        raise ScenarioError(problems)
    return story


def _graph_problems(source: str, nodes: dict[str, Node], start: str, raw: dict) -> list[Problem]:
    problems = []
    reachable = {start}
    queue = deque([start])
    while queue:
        for choice in nodes[queue.popleft()].choices:
            if choice.next not in reachable:
                reachable.add(choice.next)
                queue.append(choice.next)
    for node_id in nodes:
        if node_id not in reachable:
            problems.append(Problem(source, _line(raw, node_id), f"node {node_id!r}: no choice leads here, so no reader can reach it"))
    # nodes that can reach an ending: walk the links backwards from the endings
    finishing = {node_id for node_id, node in nodes.items() if node.ending}
    changed = True
    while changed:
        changed = False
        for node_id, node in nodes.items():
            if node_id not in finishing and any(choice.next in finishing for choice in node.choices):
                finishing.add(node_id)
                changed = True
    for node_id in nodes:
        if node_id not in finishing:
            problems.append(Problem(source, _line(raw, node_id),
                                    f"node {node_id!r}: no path from here reaches an ending (a loop without an exit)"))
    if not any(node.ending for node in nodes.values()):
        problems.append(Problem(source, 1, "the scenario has no ending (a node with 'ending: true')"))
    return problems


def _path_problems(story: Scenario, raw: dict) -> list[Problem]:
    """Walk every path: each ending's conditions hold, each path finds a text, each variant is shown."""
    problems: list[Problem] = []
    shown: set[tuple[str, int]] = set()
    for path, ending_id, _points in all_paths(story):
        node = story.nodes[ending_id]
        taken = path_ids(story, path)
        data = raw[ending_id]
        route = describe_path(story, path)
        missing = [item for item in _ids([], story.source, data, "requires", "") if item not in taken]
        present = [item for item in _ids([], story.source, data, "excludes", "") if item in taken]
        if missing:
            problems.append(Problem(story.source, _line(data, "requires"),
                                    f"node {ending_id!r}: the path {route} reaches this ending without {', '.join(map(repr, missing))}, which it requires"))
        if present:
            problems.append(Problem(story.source, _line(data, "excludes"),
                                    f"node {ending_id!r}: the path {route} reaches this ending through {', '.join(map(repr, present))}, which it excludes"))
        index = next((k for k, variant in enumerate(node.variants) if variant.holds(taken)), None)
        if index is None:
            problems.append(Problem(story.source, _line(data, "variants"),
                                    f"node {ending_id!r}: the path {route} matches no variant, and the ending has no default text"))
        else:
            shown.add((ending_id, index))
    for node in story.nodes.values():
        raw_variants = raw[node.id].get("variants") or []
        for index in range(len(raw_variants)):
            if (node.id, index) not in shown:
                problems.append(Problem(story.source, _line(raw_variants, index),
                                        f"node {node.id!r}, variant {index + 1}: no path shows it (an earlier variant always matches first, or its conditions never hold)"))
    return problems


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
            raise ValueError(f"step {step + 1}: the path has already reached the ending {node.id!r}")
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(node.choices):
            raise ValueError(f"step {step + 1}: node {node.id!r} has no choice {index!r}")
        choice = node.choices[index]
        points += choice.points
        node = scenario.nodes[choice.next]
    return node.id, points


def all_paths(scenario: Scenario, limit: int = 10_000) -> list[tuple[list[int], str, int]]:
    """Every path from the start to an ending (paths revisiting a node are followed once)."""
    found: list[tuple[list[int], str, int]] = []
    stack: list[tuple[str, list[int], int, frozenset[str]]] = [(scenario.start, [], 0, frozenset({scenario.start}))]
    while stack and len(found) < limit:
        node_id, path, points, seen = stack.pop()
        node = scenario.nodes[node_id]
        if node.ending:
            found.append((path, node_id, points))
            continue
        for index, choice in reversed(list(enumerate(node.choices))):
            if choice.next not in seen:
                stack.append((choice.next, [*path, index], points + choice.points, seen | {choice.next}))
    return found


def find_scenario(name: str | os.PathLike[str]) -> Path:
    """The file of a scenario given by name (``book/practice/scenarios/<name>.yml``) or path."""
    path = Path(name)
    if path.suffix in {".yml", ".yaml"}:
        return path
    from .quiz import course_root

    folder = course_root() / "book" / "practice" / "scenarios"
    candidate = folder / f"{name}.yml"
    if not candidate.is_file():
        names = ", ".join(sorted(p.stem for p in folder.glob("*.yml")))
        raise FileNotFoundError(f"No scenario named {name!r}; the scenarios are: {names}.")
    return candidate


def play(name: str | os.PathLike[str]):
    """Play a scenario in a notebook, with the same rules as the book.

    Returns
    -------
    ipywidgets.VBox
    """
    from .scenario_view import ScenarioPlayer

    return ScenarioPlayer(load_scenario(find_scenario(name))).widget

