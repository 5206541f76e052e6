"""The package says its words in the chosen language: a block's choice, else the environment's."""

from __future__ import annotations

import pytest

from customer_focus.core.messages import ENVIRONMENT, Messages, current_language, language
from customer_focus.core.rows import read_csv

_ = Messages("core")


def test_the_environment_chooses_the_language_when_no_block_does(monkeypatch):
    monkeypatch.setenv(ENVIRONMENT, "zh-TW")
    assert current_language() == "zh_TW"
    with language("en"):
        assert current_language() is None
    monkeypatch.delenv(ENVIRONMENT)
    assert current_language() is None


def test_a_learners_file_error_is_said_in_the_editions_language(monkeypatch):
    """The message a learner reads, made where the package makes it (not looked up by hand)."""
    monkeypatch.setenv(ENVIRONMENT, "zh_TW")
    with pytest.raises(ValueError) as error:
        read_csv("customer,margn\nHarbor,1\n", ["customer", "margin"], source="a.csv")
    assert str(error.value).startswith("a.csv：缺少欄位 'margin'（檔案裡有 'margn'")
    monkeypatch.delenv(ENVIRONMENT)
    with pytest.raises(ValueError, match=r"^a\.csv: missing column 'margin'"):
        read_csv("customer,margn\nHarbor,1\n", ["customer", "margin"], source="a.csv")


def test_an_unknown_language_falls_back_to_english():
    with language("fr"):
        assert _("empty") == "empty"
