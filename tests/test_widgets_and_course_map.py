"""The worksheet form and the course map."""

from __future__ import annotations

import pytest

from customer_focus import widgets
from customer_focus.course_map import load_course_map


def _html_outputs(form):
    return [item.data if hasattr(item, "data") else item.to_html() for item in form.results()]


def test_form_shows_value_table_and_chart_for_the_example():
    form = widgets.LifetimeValueForm(margin=100, retention=0.8, discount_rate=0.1)
    texts = _html_outputs(form)
    assert any("Lifetime value: $266.67" in text for text in texts)
    assert any('alt="Bar chart of present value by year' in text for text in texts)


def test_form_updates_when_an_input_changes():
    form = widgets.LifetimeValueForm()
    form.retention.value = 0.9
    assert any("Lifetime value: $450.00" in text for text in _html_outputs(form))


def test_form_shows_a_message_instead_of_a_traceback():
    form = widgets.LifetimeValueForm()
    form.margin.value = float("nan")
    texts = _html_outputs(form)
    assert len(texts) == 1
    assert 'role="alert"' in texts[0] and "margin must be a finite number" in texts[0]


def test_format_table_writes_money_and_percent():
    import pandas as pd

    shown = widgets.format_table(
        pd.DataFrame({"m": [-5.0, 1234.5], "r": [0.8, 0.25], "d": [1.23456, 2.0]}),
        money=["m"], percent=["r"], decimals={"d": 2},
    )
    assert shown.to_dict("list") == {"m": ["-$5.00", "$1,234.50"], "r": ["80.0%", "25.0%"], "d": ["1.23", "2.00"]}


def test_course_map_lists_the_lifetime_value_objectives(root):
    course = load_course_map(root / "book/course-map.yml")
    ids = [objective.id for objective in course.objectives_of("lifetime-value")]
    assert "clv-calculate" in ids and "spc-links" in ids


def test_course_map_has_six_learn_chapters_and_the_apply_part(root):
    course = load_course_map(root / "book/course-map.yml")
    assert len(course.learn_chapters) == 6
    assert all(chapter.page.startswith("learn/") for chapter in course.learn_chapters.values())
    apply = course.chapters["apply"]
    assert (apply.part, apply.page) == ("apply", "apply/index")
    assert 4 <= len(course.objectives_of("apply")) <= 6


def test_every_chapter_page_exists_and_lists_its_objectives(root):
    course = load_course_map(root / "book/course-map.yml")
    for chapter in course.chapters.values():
        page = root / "book" / f"{chapter.page}.md"
        assert page.is_file(), f"{chapter.id}: no page {page}"
        if chapter.part == "learn":
            assert f"```{{learning-objectives}} {chapter.id}\n" in page.read_text(), page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("chapters: []\nobjectives: []", "needs a non-empty list under 'chapters'"),
        ("chapters:\n- {id: a, title: A, page: p, part: extras}\nobjectives:\n- {id: x, chapter: a, text: t}", "chapter 'a' has part 'extras'; use one of learn, apply"),
        ("chapters:\n- {id: a, title: A, page: p}\n- {id: a, title: B, page: q}\nobjectives:\n- {id: x, chapter: a, text: t}", "chapter id 'a' appears twice"),
        ("chapters:\n- {id: a, title: A, page: p}\nobjectives:\n- {id: x, chapter: b, text: t}", "names chapter 'b', which is not in the chapters list"),
        ("chapters:\n- {id: a, title: A, page: p}\nobjectives:\n- {id: x, chapter: a}", "objectives entry 1 is missing text"),
        ("chapters: [", "cannot be read"),
    ],
)
def test_course_map_errors_name_the_problem(tmp_path, text, message):
    path = tmp_path / "map.yml"
    path.write_text(text)
    with pytest.raises(ValueError, match=message):
        load_course_map(path)
