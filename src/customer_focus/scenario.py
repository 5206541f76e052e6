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
          - label: Send a new shipment today at our cost
            next: next-node
            points: 3
            consequence: What happens (Markdown).
            feedback: Why it was a good or poor choice (Markdown).
      loyal-for-life:
        ending: true
        title: Loyal for life
        text: Markdown...
        debrief: Markdown, linking back to the chapters.

Validated on load, every problem reported with the file, line and node:
every choice leads to an existing node; every node is reachable from the
start; every node can reach an ending (so there is no dead end and no loop
without an exit); endings have no choices and a debrief.

:func:`play` shows a scenario in a notebook (ipywidgets) with the same rules
as the book's ``scenario.js``: choosing option *k* at a node adds its points
and moves to its ``next`` node; a path is the list of option indexes chosen.
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

from .quiz.bank import Problem, _line, _Loader
from .quiz.markup import render_block, render_inline

__all__ = ["Choice", "Node", "Scenario", "ScenarioError", "load_scenario", "walk", "all_paths", "play"]

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


@dataclass(frozen=True)
class Node:
    """A decision point or an ending."""

    id: str
    title: str
    text: str
    choices: tuple[Choice, ...] = ()
    ending: bool = False
    debrief: str = ""

    def to_data(self) -> dict[str, Any]:
        """Plain data for the page's script (and for tests)."""
        data: dict[str, Any] = {"id": self.id, "title": self.title, "text": self.text, "ending": self.ending}
        if self.ending:
            data["debrief"] = self.debrief
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
    return str(value)


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


def load_scenario(path: str | os.PathLike[str], *, source: str | None = None) -> Scenario:
    """Read and validate a scenario file.

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
        allowed = {"title", "text", "ending", "debrief"} if ending else {"title", "text", "choices"}
        for key in sorted(set(raw) - allowed, key=str):
            kind = "an ending" if ending else "a decision point"
            problems.append(Problem(name, _line(raw, key), f"{where}: {key!r} does not belong in {kind}"))
        node_title = _text(problems, name, raw, "title", where)
        text = render_block(_text(problems, name, raw, "text", where))
        if ending:
            nodes[node_id] = Node(node_id, node_title, text, ending=True,
                                  debrief=render_block(_text(problems, name, raw, "debrief", where)))
            continue
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
            for key in sorted(set(item) - {"label", "next", "points", "consequence", "feedback"}, key=str):
                problems.append(Problem(name, _line(item, key), f"{place}: unknown key {key!r}"))
            points = item.get("points", 0)
            if isinstance(points, bool) or not isinstance(points, int):
                problems.append(Problem(name, _line(item, "points"), f"{place}: 'points' must be a whole number (got {points!r})"))
                points = 0
            choices.append(Choice(
                label=render_inline(_text(problems, name, item, "label", place)),
                next=str(item.get("next", "")),
                points=points,
                consequence=render_block(_text(problems, name, item, "consequence", place)),
                feedback=render_block(_text(problems, name, item, "feedback", place)),
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
    if header and (not isinstance(start, str) or start not in raw_nodes):
        problems.append(Problem(name, _line(header, "start"), f"scenario: 'start' must name a node (got {start!r})"))
    if not problems:
        problems += _graph_problems(name, nodes, start, raw_nodes)
    if problems:
        raise ScenarioError(problems)
    payload = json.dumps({k: v.to_data() for k, v in nodes.items()}, sort_keys=True)
    return Scenario(str(scenario_id), title, str(start), nodes, name, hashlib.sha256(payload.encode()).hexdigest()[:16])


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

