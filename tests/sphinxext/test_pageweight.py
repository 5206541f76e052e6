"""What each page loads (customer_focus.sphinxext.pageweight), on Sphinx's own script entries."""

from __future__ import annotations

from sphinx.builders.html._assets import _JavaScript

from customer_focus.sphinxext.pageweight import SEARCH_IN_ORDER, trim_scripts

MATHJAX = "vendor/mathjax/tex-chtml.js"
LOADER = _JavaScript("_static/widget-loader.js", priority=900, defer="defer")


def _page_scripts() -> list[_JavaScript]:
    return [
        _JavaScript("_static/documentation_options.js", priority=200),
        _JavaScript("_static/doctools.js", priority=200),
        _JavaScript(None, priority=400, body="var require = {};"),
        _JavaScript("_static/quiz.js", priority=500, defer="defer"),
        _JavaScript(None, priority=500, body='window.MathJax = {"options": {}}'),
        _JavaScript(f"_static/{MATHJAX}", priority=500, defer="defer"),
        _JavaScript("_static/vendor/requirejs/require.js", priority=500),
        _JavaScript("_static/vendor/html-manager/embed-amd.js", priority=500),
    ]


def _trim(scripts, math: bool = True):
    return trim_scripts(scripts, math=math, mathjax_path=MATHJAX, loader=LOADER)


def _names(scripts) -> list[str]:
    return [str(script.filename or script.attributes.get("body", "")[:14]) for script in scripts]


def test_a_page_without_math_loads_no_mathjax():
    kept = _trim(_page_scripts(), math=False)
    assert not any("MathJax" in name or "mathjax" in name for name in _names(kept))


def test_a_page_with_math_keeps_mathjax_and_its_configuration():
    kept = _names(_trim(_page_scripts()))
    assert f"_static/{MATHJAX}" in kept
    assert "window.MathJax" in kept


def test_the_widget_manager_is_replaced_by_the_loader():
    kept = _trim(_page_scripts())
    names = _names(kept)
    assert not any(name.endswith(("require.js", "embed-amd.js")) for name in names)
    assert names[-1] == "_static/widget-loader.js"
    without_widgets = [s for s in _page_scripts() if "/requirejs/" not in str(s.filename)
                       and "embed-amd" not in str(s.filename)]
    assert "_static/widget-loader.js" not in _names(_trim(without_widgets))


def test_scripts_are_deferred_but_the_options_inline_scripts_use():
    kept = {str(s.filename): s for s in _trim(_page_scripts())}
    assert "defer" not in kept["_static/documentation_options.js"].attributes
    assert kept["_static/doctools.js"].attributes["defer"] == "defer"
    inline = [script for script in _trim(_page_scripts()) if script.filename is None]
    assert all("defer" not in s.attributes for s in inline)


def test_the_search_page_loads_doctools_in_order_for_the_search_script():
    kept = {str(s.filename): s for s in trim_scripts(
        _page_scripts(), math=False, mathjax_path=MATHJAX, loader=LOADER, in_order=SEARCH_IN_ORDER
    )}
    assert "defer" not in kept["_static/doctools.js"].attributes
    assert "defer" not in kept["_static/documentation_options.js"].attributes



def test_a_page_whose_widgets_gave_way_to_a_live_tool_loads_no_widget_manager():
    kept = _names(trim_scripts(
        _page_scripts(), math=True, mathjax_path=MATHJAX, loader=LOADER, shown=False
    ))
    manager = ("require.js", "embed-amd.js", "widget-loader.js")
    assert not any(name.endswith(manager) for name in kept)
    assert "_static/quiz.js" in kept
