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


#: Stand-ins for the two editions' builds: the English one prints slowly; the zh-TW one
#: prints at once, then waits for the English one as its workshop kit does.
FAKE_BUILDS = {
    "english": "import time\nprint('english starts', flush=True)\ntime.sleep(0.5)\n"
               "print('english done', flush=True)\nraise SystemExit({status})",
    "html": "from customer_focus.publish.editions import wait_for_english\n"
            "print('zh-TW starts', flush=True)\n"
            "print('zh-TW waited' if wait_for_english(timeout=60, poll=0.05) else 'no wait')\n",
}


def fake_starter(status: int, started: list):
    import os
    import subprocess
    import sys

    def start(root, what, jobs, env):
        process = subprocess.Popen(
            [sys.executable, "-c", FAKE_BUILDS[what].format(status=status)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, **env}, start_new_session=True,
        )
        started.append(process)
        return process

    return start


def test_both_editions_build_at_once_and_the_chinese_one_prints_after_the_english(
    tmp_path, monkeypatch, capfd
):
    """``make book`` builds the editions side by side; the zh-TW build's handouts wait for
    the English build (its pages print with the English edition's MathJax), and what
    each build says is shown whole, the English first."""
    from customer_focus.publish import editions

    started: list = []
    monkeypatch.setattr(editions, "_start", fake_starter(0, started))
    assert editions.build_site(tmp_path, jobs=2) == 0
    out = capfd.readouterr().out.splitlines()
    assert out == ["english starts", "english done", "zh-TW starts", "zh-TW waited"]
    assert [process.returncode for process in started] == [0, 0]
    assert not (tmp_path / "_build" / ZH_TW / editions.ENGLISH_BUILT_FILE).exists()


def test_a_failed_english_build_stops_the_chinese_one(tmp_path, monkeypatch, capfd):
    from customer_focus.publish import editions

    started: list = []
    monkeypatch.setattr(editions, "_start", fake_starter(3, started))
    assert editions.build_site(tmp_path) == 3
    out = capfd.readouterr().out
    assert "english done" in out and "zh-TW starts" not in out  # its output is not shown
    assert "the zh-TW edition's build was stopped" in out
    assert started[1].returncode is not None  # stopped, not left waiting


def test_a_chinese_build_on_its_own_does_not_wait(monkeypatch):
    from customer_focus.publish import editions

    monkeypatch.delenv(editions.ENGLISH_BUILT, raising=False)
    assert editions.wait_for_english(timeout=0) is False


def test_waiting_for_an_english_build_that_never_ends_says_so(tmp_path, monkeypatch):
    from customer_focus.publish import editions

    monkeypatch.setenv(editions.ENGLISH_BUILT, str(tmp_path / "never"))
    with pytest.raises(TimeoutError, match="English edition's build did not finish"):
        editions.wait_for_english(timeout=0.1, poll=0.02)
