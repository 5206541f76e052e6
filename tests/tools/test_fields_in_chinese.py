"""A tool's inputs described in the reader's language: the error a learner meets in a zh-TW
notebook names the input with the Chinese spec's description, from the translation's JSON twin
that `python -m customer_focus specs` writes beside the English one (`make drift` checks both)."""

from __future__ import annotations

import importlib
import re

import pytest

from customer_focus.core.messages import language
from customer_focus.tools.spec import load_spec, spec_tools


@pytest.mark.parametrize("tool", spec_tools())
def test_the_fields_speak_the_language_of_the_moment(tool):
    fields = importlib.import_module(f"customer_focus.tools.{tool}.calc").FIELDS
    chinese = load_spec(tool, "zh_TW").fields
    english = load_spec(tool).fields
    for name in fields:
        with language("zh_TW"):
            assert (fields[name].label, fields[name].help) == (chinese[name].label,
                                                                chinese[name].help)
            assert fields[name].kind == english[name].kind
            assert fields[name].limits == english[name].limits
        assert (fields[name].label, fields[name].help) == (english[name].label, english[name].help)


def test_a_notebook_error_describes_the_input_in_chinese():
    from customer_focus.tools.lifetime_value.calc import lifetime_value

    with language("zh_TW"), pytest.raises(ValueError) as error:
        lifetime_value(margin=100, retention=1.5, discount_rate=0.1)
    message = str(error.value)
    help_text = load_spec("lifetime_value", "zh_TW").fields["retention"].help
    assert help_text in message and "1.5" in message
    assert not re.search(r"\b(?!retention\b)[A-Za-z]{3,}\b", message), message
