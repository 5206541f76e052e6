"""Where things are: package data from any install, the course's folder on demand."""

from __future__ import annotations

from pathlib import Path

import pytest

from customer_focus.core.paths import ROOT_VARIABLE, book_path, course_root, package_file, tool_file


def test_package_data_ships_inside_the_package():
    assert package_file("data", "cases.yml").is_file()
    assert tool_file("lifetime_value", "lifetime_value.yml").is_file()


def test_the_course_is_found_above_a_folder_inside_it(root, monkeypatch):
    monkeypatch.delenv(ROOT_VARIABLE, raising=False)
    assert course_root(root / "book" / "apply" / "tools") == root
    assert book_path("quizzes", start=root / "solutions") == root / "book" / "quizzes"


def test_the_variable_points_at_the_course(root, tmp_path, monkeypatch):
    monkeypatch.setenv(ROOT_VARIABLE, str(root))
    assert course_root(tmp_path) == root
    monkeypatch.setenv(ROOT_VARIABLE, str(tmp_path))
    with pytest.raises(FileNotFoundError, match="has no book/ folder"):
        course_root()


def test_outside_the_course_the_error_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.delenv(ROOT_VARIABLE, raising=False)
    with pytest.raises(FileNotFoundError, match=f"set {ROOT_VARIABLE} to the course's folder"):
        course_root(tmp_path)


def test_outside_the_course_an_installed_wheel_uses_the_copy_it_carries(tmp_path, monkeypatch):
    from customer_focus.core import paths

    carried = tmp_path / "site-packages" / "customer_focus"
    (carried / "course_files" / "book" / "quizzes").mkdir(parents=True)
    monkeypatch.delenv(ROOT_VARIABLE, raising=False)
    monkeypatch.setattr(paths, "package_file", lambda *parts: carried.joinpath(*parts))
    elsewhere = tmp_path / "my-worksheets"
    elsewhere.mkdir()
    assert course_root(elsewhere) == carried / "course_files"
    assert paths.sample_file("kano-sample.csv", start=elsewhere) == (
        carried / "course_files" / "book" / "apply" / "tools" / "data" / "kano-sample.csv"
    )


def test_a_sample_file_is_its_chinese_twin_while_the_package_speaks_chinese(root, monkeypatch):
    from customer_focus.core.messages import language
    from customer_focus.core.paths import sample_file

    monkeypatch.delenv(ROOT_VARIABLE, raising=False)
    data = root / "book" / "apply" / "tools" / "data"
    start = root / "solutions"
    assert sample_file("kano-sample.csv", start=start) == data / "kano-sample.csv"
    with language("zh_TW"):
        assert sample_file("kano-sample.csv", start=start) == data / "zh_TW" / "kano-sample.csv"
        assert sample_file("kano-sample.xlsx", start=start) == data / "zh_TW" / "kano-sample.xlsx"
        assert sample_file("servqual-sample.csv", start=start) == data / "servqual-sample.csv"
    with language("en"):
        assert sample_file("kano-sample.csv", start=start) == data / "kano-sample.csv"


def test_a_readers_own_file_is_read_as_it_is_unless_it_has_a_twin(tmp_path, monkeypatch):
    from customer_focus.core.messages import ENVIRONMENT, language
    from customer_focus.core.paths import localized

    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "mine.csv").write_text("a\n1\n", encoding="utf-8")
    monkeypatch.setenv(ENVIRONMENT, "zh_TW")
    assert localized("data/mine.csv") == Path("data/mine.csv")
    assert localized("data/missing.csv") == Path("data/missing.csv")
    (tmp_path / "data" / "zh_TW").mkdir()
    (tmp_path / "data" / "zh_TW" / "mine.csv").write_text("a\n1\n", encoding="utf-8")
    assert localized("data/mine.csv") == Path("data/zh_TW/mine.csv")
    with language("en"):
        assert localized("data/mine.csv") == Path("data/mine.csv")
