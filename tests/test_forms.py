"""Printable blank forms: declared once by a worksheet module, rendered by the book."""

from __future__ import annotations

import pytest

from customer_focus import clv
from customer_focus.forms import Field, FormSpec, Section, load_form, render_html


def test_lifetime_value_form_has_its_inputs_and_blank_rows():
    html = render_html(load_form("clv"))
    assert "Discount rate (i)" in html and "Yearly margin ($)" in html
    assert html.count('<td class="cf-form-blank"></td>') >= 8 * 7
    assert 'class="cf-print-button"' in html


def test_form_text_is_escaped():
    spec = FormSpec("T", "<b>intro</b>", (Section("<i>s</i>", fields=(Field("<script>x</script>", unit="$"),)),))
    html = render_html(spec)
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html and "&lt;b&gt;intro" in html


def test_table_section_can_label_its_rows():
    html = render_html(FormSpec("T", "i", (Section("Items", columns=("Item", "Score"), row_labels=("Tangibles 1", "Tangibles 2")),)))
    assert '<th scope="row">Tangibles 1</th><td class="cf-form-blank"></td>' in html


@pytest.mark.parametrize(("name", "message"), [("nope", "no module customer_focus.nope"), ("tables", "declares no PRINTABLE_FORM")])
def test_load_form_explains_a_wrong_name(name, message):
    with pytest.raises(ValueError, match=message):
        load_form(name)


def test_clv_declares_its_form():
    assert isinstance(clv.PRINTABLE_FORM, FormSpec)
