"""The zh-TW edition's build settings and its search words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from customer_focus.course.glossary import GLOSSARY_FILE
from customer_focus.publish.editions import (
    SEARCH_WORDS,
    ZH_TW,
    main,
    overrides,
    write_search_words,
)

ROOT = Path(__file__).resolve().parents[2]


def test_the_zh_tw_build_keeps_its_doctrees_caches_and_search_words_apart(tmp_path):
    settings = overrides(tmp_path)
    build = (tmp_path / "_build" / ZH_TW).as_posix()
    assert settings["language"] == "zh_TW"
    assert settings["nb_execution_cache_path"] == f"{build}/.jupyter_cache"
    assert settings["cf_build_dir"] == build
    assert settings["html_search_options"] == {"dict": f"{build}/{SEARCH_WORDS}"}
    assert settings["cf_shared_root"] == "../"
    assert overrides(tmp_path, "gettext")["project"] == "Customer Focus"


def test_jieba_learns_the_glossary_terms_and_keeps_their_parts(tmp_path):
    import jieba

    (tmp_path / GLOSSARY_FILE).parent.mkdir(parents=True)
    shutil.copy(ROOT / GLOSSARY_FILE, tmp_path / GLOSSARY_FILE)
    path = write_search_words(tmp_path)
    words = path.read_text(encoding="utf-8").split()
    assert {"顧客終身價值", "傾聽站", "服務利潤鏈", "顧客", "品質"} <= set(words)
    assert "以顧" not in words  # a one-off guess of jieba's is not a word
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(path))
    assert {"顧客終身價值", "顧客", "價值"} <= set(tokenizer.cut_for_search("顧客終身價值是什麼"))
    before = path.stat().st_mtime_ns
    write_search_words(tmp_path)
    assert path.stat().st_mtime_ns == before  # unchanged: not written again


def test_the_command_line_says_what_is_missing(tmp_path, capsys):
    assert main(["html", str(tmp_path)]) == 1
    assert "no _config.yml" in capsys.readouterr().out
    (tmp_path / "_config.yml").write_text("title: T\n", encoding="utf-8")
    assert main(["html", str(tmp_path)]) == 1
    assert "build the English edition first" in capsys.readouterr().out


def test_the_english_edition_is_built_as_jupyter_book_builds_it(tmp_path):
    import jupyter_book.cli.main as cli

    # what `jupyter-book build . -W -n --keep-going` gives Sphinx (its own config reading)
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: index\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text("title: T\n", encoding="utf-8")
    _, _, jupyter_book = cli.build.callback(
        path_source=str(tmp_path), path_output=None, config=None, toc=None,
        warningiserror=True, nitpick=True, keep_going=True, freshenv=False, builder="html",
        custom_builder=None, verbose=0, quiet=0, individualpages=False, get_config_only=True,
    )
    ours = overrides(tmp_path, "english")
    assert ours["nitpicky"] is jupyter_book["nitpicky"] is True
    assert ours["latex_individualpages"] is jupyter_book["latex_individualpages"] is False
    assert ours["external_toc_path"] == (tmp_path / jupyter_book["external_toc_path"]).as_posix()


def test_the_command_line_takes_a_number_of_processes(tmp_path, capsys):
    for wrong in ("0", "-1", "two"):
        with pytest.raises(SystemExit) as stopped:
            main(["english", str(tmp_path), "--jobs", wrong])
        assert stopped.value.code == 2
        assert "--jobs" in capsys.readouterr().err
