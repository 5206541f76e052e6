"""A learner's own file, in the notebook and in the page alike: what is kept, what is said.

The page's side is checked twice: through ``tools.live`` in this Python, and
through the edition's archive run as the browser's Python runs it
(``live_archive``: standard library only).
"""

from __future__ import annotations

import csv
import io

import pytest

from customer_focus.tools import live
from live_archive import ask, unpack

from .live_cases import EXPECTED

#: Alternatives with two further columns (an owner between, a note at the end).
ALTERNATIVES = (
    "alternative,owner,results,process_quality,price,access_costs,note\r\n"
    "Current service,Ops,7,5,6,7,today\r\n"
    "Same-day collection,Fleet desk,7,7,6,3,pilot in May\r\n"
)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return unpack(tmp_path_factory.mktemp("archive"), "en")


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix(live.BOM))))


def test_the_value_equations_results_csv_keeps_the_learners_further_columns(archive):
    values = {"costs": "score"}
    shown = EXPECTED["value_equation"].table(ALTERNATIVES, values, "ideas.csv")
    expected = _csv(shown.download)
    assert expected[0][:3] == ["alternative", "owner", "results"] and "note" in expected[0]
    page = live.table_results("value_equation", ALTERNATIVES, values, source="ideas.csv")
    in_browser = ask(archive, (
        f"json.dumps(json.loads(live.run_table_json('value_equation', {ALTERNATIVES!r}, "
        f"json.dumps({values!r}), 'ideas.csv'))['download'])"), "en")
    for download in (page.download.text, in_browser["text"]):
        found = _csv(download)
        assert found[0] == expected[0]
        for row, other in zip(found[1:], expected[1:], strict=True):
            assert row[1] == other[1] and row[6] == other[6]  # owner, note: as typed
