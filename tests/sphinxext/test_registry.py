"""The extension's registry (sphinxext.registry): what a table adds, and the page sets."""

from types import SimpleNamespace

from customer_focus.sphinxext.registry import Extension, PageSet


class RecordingApp:
    """Records every call a Sphinx application would receive."""

    def __init__(self):
        self.calls = []

    def __getattr__(self, name):
        return lambda *args, **kwargs: self.calls.append((name, args, kwargs))


def handler(*args):
    return None


def test_an_extension_adds_everything_in_its_table_with_the_priorities_given():
    pages = PageSet("cf_test_pages", rebuild=True)
    app = RecordingApp()
    metadata = Extension(
        config={"cf_test_file": "book/test.yml"},
        directives={"test-directive": object},
        roles={"test-role": handler},
        events=(("doctree-read", handler), ("html-page-context", handler, 600)),
        scripts=("test.js",),
        pages=(pages,),
    ).setup(app)
    assert metadata == {"parallel_read_safe": True, "parallel_write_safe": True}
    assert ("add_config_value", ("cf_test_file", "book/test.yml", "env"), {"types": [str]}) in (
        app.calls
    )
    assert ("add_directive", ("test-directive", object), {}) in app.calls
    assert ("add_role", ("test-role", handler), {}) in app.calls
    assert ("connect", ("doctree-read", handler), {}) in app.calls
    assert ("connect", ("html-page-context", handler, 600), {}) in app.calls
    assert ("add_js_file", ("test.js",), {"loading_method": "defer"}) in app.calls
    connected = {args[0] for name, args, _ in app.calls if name == "connect"}
    assert {"env-purge-doc", "env-merge-info", "env-get-outdated"} <= connected


def test_pages_read_in_parallel_are_merged_and_a_page_read_again_is_forgotten():
    pages = PageSet("cf_test_pages")
    main, worker = SimpleNamespace(), SimpleNamespace()
    pages.add(main, "book/a")
    pages.add(worker, "book/b")
    pages.add(worker, "book/c")
    pages.merge(None, main, {"book/b"}, worker)
    assert pages.pages(main) == {"book/a", "book/b"}
    pages.purge(None, main, "book/a")
    assert pages.pages(main) == {"book/b"}
    assert pages.outdated(None, main, set(), set(), set()) == []


def test_pages_that_are_rebuilt_every_time_are_outdated_unless_already_read():
    pages = PageSet("cf_test_pages", rebuild=True)
    env = SimpleNamespace()
    pages.add(env, "book/site-map")
    pages.add(env, "book/progress")
    assert pages.outdated(None, env, set(), set(), set()) == ["book/progress", "book/site-map"]
    assert pages.outdated(None, env, set(), {"book/progress"}, set()) == ["book/site-map"]
