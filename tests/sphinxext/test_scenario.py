"""The branching scenario in the book: the HTML that ``scenario.js`` plays."""

from __future__ import annotations

import base64
import json
import re

from course.scenario.stories import load_story
from customer_focus.sphinxext.scenario import scenario_html


def test_book_html_links_to_pages_not_sources(tmp_path):
    html = scenario_html(load_story(tmp_path))
    data = json.loads(re.search(r'class="cf-scenario-data">(.*?)</script>', html).group(1))
    story = json.loads(base64.b64decode(data["payload"]))
    assert 'href="../learn/lifetime-value.html"' in story["nodes"]["left-end"]["debrief"]
    assert data["maxPoints"] == 2
