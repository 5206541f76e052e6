"""The repository address, one setting: the How-to steps and the launch buttons follow it."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from customer_focus.sphinxext.repository import LAUNCHERS, apply_setting
from sphinx_site import build

ROOT = Path(__file__).resolve().parents[2]
URL = "https://github.com/example/customer-focus"
PAGE = """# T

```{if-repository}
Get it from {repository}`the repository`.
```

```{unless-repository}
Ask for a copy.
```

```{clone-commands}
```
"""


def _build(tmp_path: Path, url: str | None) -> tuple[str, str, str]:
    """Build the page with the address (or none), in the book's theme; return the page's HTML,
    its article's text, and the warnings."""
    options = {"repository_url": url} if url is not None else {}
    built = build(tmp_path, (
        "extensions = ['myst_parser', 'customer_focus.sphinxext.repository']\n"
        "exclude_patterns = ['_build']\nhtml_theme = 'sphinx_book_theme'\n"
        f"html_theme_options = {options!r}\n"
    ), {"index.md": PAGE})
    page = built.page()
    article = page[page.index("<article"):page.index("</article>")]
    text = html.unescape(re.sub(r"<[^>]+>", "", article))
    return page, text, built.warnings


def test_with_an_address_the_page_shows_it_and_the_clone_command(tmp_path):
    page, text, warnings = _build(tmp_path, URL)
    assert warnings == ""
    assert f'<a class="reference external" href="{URL}">the repository</a>' in page
    assert f'<a href="{URL}" target="_blank"' in page  # the theme's repository button
    assert "Ask for a copy" not in text
    assert f"git clone {URL} customer-focus\ncd customer-focus\nmake book" in text


@pytest.mark.parametrize("url", [None, ""])
def test_without_an_address_the_page_says_how_to_get_the_source(tmp_path, url):
    page, text, warnings = _build(tmp_path, url)
    assert warnings == ""
    assert "source-repository-button" not in page
    assert "Ask for a copy." in text and "Get it from" not in text
    assert "git clone" not in text and "make book" in text


def _config(url: str) -> SimpleNamespace:
    launch = {"notebook_interface": "jupyterlab", "binderhub_url": "https://mybinder.org",
              "colab_url": "https://colab.research.google.com", "thebe": False}
    return SimpleNamespace(
        html_theme="sphinx_book_theme",
        html_theme_options={"repository_url": url, "launch_buttons": launch},
    )


def test_launch_buttons_and_the_repository_button_only_with_an_address():
    with_url, without = _config(URL), _config("")
    apply_setting(None, with_url)
    apply_setting(None, without)
    assert with_url.html_theme_options["use_repository_button"] is True
    assert with_url.html_theme_options["launch_buttons"]["binderhub_url"] == "https://mybinder.org"
    assert without.html_theme_options["use_repository_button"] is False
    assert "repository_url" not in without.html_theme_options
    assert not set(LAUNCHERS) & set(without.html_theme_options["launch_buttons"])


def test_another_theme_gets_no_book_theme_options():
    other = SimpleNamespace(html_theme="alabaster", html_theme_options={})
    apply_setting(None, other)
    assert other.html_theme_options == {}


def test_the_course_sets_the_address_in_one_place():
    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert "url" in config["repository"]
    assert config["sphinx"]["recursive_update"] is True  # keeps the theme's repository options
    assert config["launch_buttons"]["binderhub_url"] and config["launch_buttons"]["colab_url"]


def test_no_placeholder_for_the_address_remains():
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    placeholder = "REPOSITORY" + "-URL"
    found = [name for name in files if (ROOT / name).is_file()
             and placeholder.encode() in (ROOT / name).read_bytes()]
    assert found == []
