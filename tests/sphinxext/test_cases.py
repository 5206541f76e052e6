"""The ``{case}`` role in a real (small) Sphinx build: the figure in the page, an unknown name
at its line, a changed input in the rendered page."""

from __future__ import annotations

from customer_focus.core.cases import data_path


def _build(tmp_path, page: str, cases_text: str | None = None):
    from sphinx.application import Sphinx

    source = tmp_path / "src"
    source.mkdir()
    config = (
        "extensions = ['myst_parser', 'customer_focus.sphinxext.cases']\n"
        "exclude_patterns = ['_build']\n"
    )
    if cases_text is not None:
        (source / "cases.yml").write_text(cases_text, encoding="utf-8")
        config += "cf_cases_file = 'cases.yml'\n"
    (source / "conf.py").write_text(config, encoding="utf-8")
    (source / "index.md").write_text(page, encoding="utf-8")
    warnings = tmp_path / "warnings.txt"
    with warnings.open("w") as stream:
        app = Sphinx(
            str(source),
            str(source),
            str(tmp_path / "out"),
            str(tmp_path / "doctrees"),
            "html",
            status=None,
            warning=stream,
            freshenv=True,
        )
        app.build()
    # Several Sphinx apps in one test process re-register docutils nodes: not our warnings.
    ours = [
        line for line in warnings.read_text().splitlines() if "is already registered" not in line
    ]
    return (tmp_path / "out" / "index.html").read_text(encoding="utf-8"), "\n".join(ours)


def test_the_role_writes_the_figure_in_the_page(tmp_path):
    html, warnings = _build(
        tmp_path, "# T\n\nHarbor is worth {case}`opening.harbor.lifetime_value`.\n"
    )
    assert warnings == ""
    assert "Harbor is worth <span class=\"cf-case-figure\">$108,000</span>." in html


def test_the_role_reports_an_unknown_name_at_its_line(tmp_path):
    _, warnings = _build(tmp_path, "# T\n\nText.\n\nWorth {case}`opening.harbor.value`.\n")
    assert "index.md:5" in warnings and "no case figure named 'opening.harbor.value'" in warnings


def test_a_changed_input_changes_the_rendered_page(tmp_path):
    text = data_path().read_text(encoding="utf-8").replace('margin: "$24,000"', 'margin: "$12,000"')
    html, warnings = _build(
        tmp_path, "# T\n\nWorth {case}`opening.harbor.lifetime_value`.\n", cases_text=text
    )
    assert warnings == ""
    assert "$54,000" in html
