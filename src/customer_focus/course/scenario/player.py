"""The branching scenario in a notebook (ipywidgets), with the book's rules.

It shows a story read by :mod:`.model` (see :func:`customer_focus.course.scenario.play`).
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from .model import Scenario, all_paths, ending_variant, walk

__all__ = ["ScenarioPlayer"]


class ScenarioPlayer:
    """Plays a :class:`~customer_focus.course.scenario.model.Scenario`; ``widget`` is what to
    display."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.path: list[int] = []
        self.max_points = max(points for _, _, points in all_paths(scenario))
        self.previous = w.HTMLMath()
        self.node = w.HTMLMath()
        self.choices = w.VBox()
        self.restart = w.Button(description="Start again")
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
                f"<p><strong>You chose:</strong> {choice.label}</p>{choice.consequence}"
                f"<p><strong>Why it matters:</strong></p>{choice.feedback}"
            )
        else:
            self.previous.value = ""
        if node.ending:
            # the text that is true on this path
            _, variant = ending_variant(self.scenario, self.path)
            body = f"<h4>{escape(node.title)}</h4>{variant.text}"
            body += (f"<p><strong>Your score: {points} of a possible {self.max_points} "
                     "points.</strong></p>")
            body += f"<p><strong>Debrief:</strong></p>{variant.debrief}"
            self.choices.children = ()
        else:
            body = f"<h4>{escape(node.title)}</h4>{node.text}"
            body += f"<p>Points so far: {points}</p><p><strong>What do you do?</strong></p>"
            buttons = []
            for index, choice in enumerate(node.choices):
                button = w.Button(description=f"Option {index + 1}", tooltip="Choose this option")
                button.on_click(lambda _button, index=index: self.choose(index))
                buttons.append(w.HBox([button, w.HTMLMath(choice.label)]))
            self.choices.children = tuple(buttons)
        self.node.value = body
