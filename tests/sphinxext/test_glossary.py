"""The Glossary page's table: from the glossary file, headings translatable, errors at file:line."""

from __future__ import annotations

from pathlib import Path

PAGE = """# Glossary

:::{course-glossary}
:english: English
:chinese: Traditional Chinese
:note: Note
:::
"""
GLOSSARY = """terms:
  - en: listening post
    zh: 傾聽站
  - en: customer lifetime value
    zh: 顧客終身價值
    note: 縮寫 CLV 保留英文。
"""


def _build(
    tmp_path: Path, glossary: str, builder: str = "html", page: str = PAGE
) -> tuple[Path, str]:
    """Build the page with the glossary file; return the output folder and the warnings."""
    from sphinx.application import Sphinx

    source = tmp_path / "src"
    (source / "locales" / "zh_TW").mkdir(parents=True)
    (source / "conf.py").write_text(
        "extensions = ['myst_parser', 'customer_focus.sphinxext.glossary']\n"
        "myst_enable_extensions = ['colon_fence']\nexclude_patterns = ['_build']\n"
        "gettext_compact = False\n",
        encoding="utf-8",
    )
    (source / "index.md").write_text(page, encoding="utf-8")
    (source / "locales" / "zh_TW" / "glossary.yml").write_text(glossary, encoding="utf-8")
    warnings = tmp_path / "warnings.txt"
    out = tmp_path / builder
    with warnings.open("w") as stream:
        app = Sphinx(str(source), str(source), str(out), str(tmp_path / "doctrees"),
                     builder, status=None, warning=stream, freshenv=True)
        app.build()
    ours = [line for line in warnings.read_text().splitlines() if "already registered" not in line]
    return out, "\n".join(ours)


def test_the_table_has_a_row_per_term_with_each_cell_in_its_language(tmp_path):
    out, warnings = _build(tmp_path, GLOSSARY)
    assert warnings == ""
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<table class="cf-glossary' in page
    assert page.count("<tr") == 3
    assert '<span lang="en">listening post</span>' in page
    assert '<span lang="zh-Hant-TW">傾聽站</span>' in page
    assert '<span lang="zh-Hant-TW">縮寫 CLV 保留英文。</span>' in page
    assert "cf-lang-" not in page


def test_the_headings_are_messages_to_translate_and_the_terms_are_not(tmp_path):
    out, warnings = _build(tmp_path, GLOSSARY, builder="gettext")
    assert warnings == ""
    catalog = (out / "index.pot").read_text(encoding="utf-8")
    for heading in ("English", "Traditional Chinese", "Note"):
        assert f'msgid "{heading}"' in catalog
    assert "listening post" not in catalog and "傾聽站" not in catalog


def test_a_mistake_in_the_glossary_is_a_warning_at_its_line(tmp_path):
    _, warnings = _build(tmp_path, "terms:\n  - en: listening post\n    zh: 傾聽站\n  - en: lab\n")
    assert "glossary.yml:4: term 'lab': missing 'zh' (text)" in warnings


def test_missing_headings_are_a_warning_that_names_them(tmp_path):
    _, warnings = _build(tmp_path, GLOSSARY, page=PAGE.replace(":note: Note\n", ""))
    assert "course-glossary: give the column headings as options: :note:" in warnings
