"""The one YAML loader: line numbers, and file:line errors for any bad file."""

from __future__ import annotations

import pytest

from customer_focus.core.problems import DataFileError, Problem, Problems, line_of
from customer_focus.core.yamlfile import load_yaml, parse_yaml

TEXT = """\
quiz:
  id: demo
questions:
  - id: first
    type: single
  - id: second
"""


def test_every_mapping_and_list_knows_its_lines():
    data = parse_yaml(TEXT, "demo.yml")
    assert line_of(data, "questions") == 3
    assert line_of(data["questions"], 1) == 6
    assert line_of(data["questions"][0], "type") == 5
    assert line_of(data["quiz"]) == 2
    assert line_of(data["questions"], 9) == 4  # no such item: the list's own line


def test_a_file_is_read_and_named_in_errors(tmp_path):
    path = tmp_path / "demo.yml"
    path.write_text(TEXT + "  - id: [\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_yaml(path, source="book/quizzes/demo.yml")
    assert str(caught.value).startswith("book/quizzes/demo.yml:8: not valid YAML")


def test_a_missing_file_is_a_data_file_error(tmp_path):
    with pytest.raises(DataFileError, match=r"nothing.yml:1: cannot be read"):
        load_yaml(tmp_path / "nothing.yml", source="nothing.yml")


def test_repeated_keys_are_refused_with_their_line():
    with pytest.raises(DataFileError, match=r"demo.yml:3: not valid YAML: duplicate key 'a'"):
        parse_yaml("a: 1\nb: 2\na: 3\n", "demo.yml")


def test_unsafe_tags_are_refused():
    with pytest.raises(DataFileError, match="not valid YAML"):
        parse_yaml("a: !!python/object/apply:os.system ['true']\n", "demo.yml")


def test_problems_are_collected_then_raised_together():
    data = parse_yaml("title: yes\nsize: big\nflag: 3\n", "demo.yml")
    problems = Problems("demo.yml")
    assert problems.text(data, "title", "spec") is None
    assert problems.number(data, "size", "spec") is None
    assert problems.flag(data, "flag", "spec") is None
    problems.keys(data, {"title", "size"}, "spec")
    with pytest.raises(DataFileError) as caught:
        problems.raise_if_any()
    assert [problem.line for problem in caught.value.problems] == [1, 2, 3, 3]
    assert caught.value.problems[-1] == Problem(
        "demo.yml", 3, "spec: unknown key 'flag' (known keys: size, title)"
    )
