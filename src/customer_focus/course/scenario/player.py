"""The branching scenario in a notebook (ipywidgets), with the book's rules.

It shows a story read by :mod:`.model` (see :func:`customer_focus.course.scenario.play`).
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ...core.messages import Messages
from .model import Scenario, all_paths, ending_variant, walk

_ = Messages("course")

__all__ = ["ScenarioPlayer"]


class ScenarioPlayer:
    """Plays a :class:`~customer_focus.course.scenario.model.Scenario`; ``widget`` is what to
    display."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.path: list[int] = []
        self.max_points = max(points for _node, _choices, points in all_paths(scenario))
        self.previous = w.HTMLMath()
        self.node = w.HTMLMath()
        self.choices = w.VBox()
        self.restart = w.Button(description=_("Start again"))
        self.restart.on_click(lambda _button: self.reset())
        header = w.HTML(f"<h3>{escape(scenario.title)}</h3>")
        self.widget = w.VBox([header, self.previous, self.node, self.choices, self.restart])
        self.render()

    def reset(self) -> None:
        """Go back to the start."""
        self.path = []
        self.render()

    def choose(self, index: int) -> None:
        """Take choice ``index`` at the current node."""
        self.path.append(index)
        self.render()

    @property
    def state(self) -> tuple[str, int]:
        """The current node id and the points so far."""
        return walk(self.scenario, self.path)

    def render(self) -> None:
        """Show the current node, the last choice's consequence and the options."""
        node_id, points = self.state
        node = self.scenario.nodes[node_id]
        if self.path:
            previous_node = self.scenario.nodes[walk(self.scenario, self.path[:-1])[0]]
            choice = previous_node.choices[self.path[-1]]
            self.previous.value = (
                _("<p><strong>You chose:</strong> {choice}</p>").format(choice=choice.label)
                + choice.consequence
                + _("<p><strong>Why it matters:</strong></p>") + choice.feedback
            )
        else:
            self.previous.value = ""
        if node.ending:
            # the text that is true on this path
            _ending, variant = ending_variant(self.scenario, self.path)
            body = f"<h4>{escape(node.title)}</h4>{variant.text}"
            body += _("<p><strong>Your score: {points} of a possible {most} "
                      "points.</strong></p>").format(points=points, most=self.max_points)
            body += _("<p><strong>Debrief:</strong></p>") + variant.debrief
            self.choices.children = ()
        else:
            body = f"<h4>{escape(node.title)}</h4>{node.text}"
            body += _("<p>Points so far: {points}</p><p><strong>What do you do?</strong></p>"
                      ).format(points=points)
            buttons = []
            for index, choice in enumerate(node.choices):
                button = w.Button(description=_("Option {number}").format(number=index + 1),
                                  tooltip=_("Choose this option"))
                button.on_click(lambda _button, index=index: self.choose(index))
                buttons.append(w.HBox([button, w.HTMLMath(choice.label)]))
            self.choices.children = tuple(buttons)
        self.node.value = body
