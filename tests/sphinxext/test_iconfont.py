"""Which built files the icon font is cut for (the font's cutting is tested on the built
site: tests/browser/test_page_weight.py)."""

from __future__ import annotations

from customer_focus.sphinxext.iconfont import page_texts, used_icon_names


def test_an_edition_reads_its_own_pages_not_the_other_editions_or_the_vendored_files(tmp_path):
    """The English edition's folder holds the zh-TW edition's (``zh-TW/``), which cuts its
    own font and may be being written while the English build ends: its pages are not read,
    so the English font is the same whatever was built beside it."""
    files = {
        "index.html": '<i class="fa fa-bars"></i>',
        "book/page.html": '<i class="fa fa-download"></i>',
        "_static/scripts/site.js": 'icon.className = "fa fa-moon";',
        "_static/vendor/html-manager/embed.js": ".fa-camera{}",
        "zh-TW/index.html": '<i class="fa fa-language"></i>',
        "zh-TW/_static/scripts/site.js": 'icon.className = "fa fa-sun";',
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert used_icon_names(page_texts(tmp_path)) == {"bars", "download", "moon"}
    assert used_icon_names(page_texts(tmp_path / "zh-TW")) == {"language", "sun"}
