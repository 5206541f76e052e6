"""Small scenarios the tests load: a loop with an exit, and endings with conditions."""

from __future__ import annotations

from customer_focus.course.cases import expand
from customer_focus.course.scenario.model import Scenario, load_scenario

GOOD = """\
scenario:
  id: demo
  title: Demo
  start: first
nodes:
  first:
    title: First
    text: Decide.
    choices:
      - {label: Left, next: left-end, points: 2, consequence: L., feedback: Good.}
      - {label: Right, next: second, points: 0, consequence: R., feedback: Hm.}
  second:
    title: Second
    text: Again.
    choices:
      - {label: Back, next: first, points: 1, consequence: B., feedback: Loop.}
      - {label: Onward, next: right-end, points: 1, consequence: O., feedback: Fine.}
  left-end:
    ending: true
    title: Left end
    text: Done.
    debrief: See [the chapter](../learn/lifetime-value.md).
  right-end:
    ending: true
    title: Right end
    text: Done too.
    debrief: Also fine.
"""


CONDITIONS = """\
scenario:
  id: demo
  title: Demo
  start: first
nodes:
  first:
    title: First
    text: Decide.
    choices:
      - {id: fast, label: Fast, next: second, points: 2, consequence: F., feedback: Good.}
      - {id: slow, label: Slow, next: second, points: 0, consequence: S., feedback: Hm.}
  second:
    title: Second
    text: Again.
    choices:
      - {id: fix, label: Fix, next: happy-end, points: 1, consequence: X., feedback: Fine.}
      - {id: skip, label: Skip, next: happy-end, points: 0, consequence: K., feedback: Meh.}
  happy-end:
    ending: true
    title: Happy end
    requires: [fix]
    text: You saved the day.
    debrief: Well done.
"""


def load_story(tmp_path, text: str = GOOD) -> Scenario:
    """Write ``text`` as ``s.yml`` and read it with the course's case figures."""
    path = tmp_path / "s.yml"
    path.write_text(text)
    return load_scenario(path, source="s.yml", expand=expand)
