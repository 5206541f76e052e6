"""The worksheets' download in the build: its link, and a zip made again only when needed."""

from __future__ import annotations

from pathlib import Path

from customer_focus.publish import kit
from customer_focus.sphinxext import download


def test_the_link_is_relative_to_the_page():
    assert download.download_uri("index") == "downloads/customer-focus-worksheets.zip"
    assert download.download_uri("book/apply/index") == (
        "../../downloads/customer-focus-worksheets.zip"
    )


def test_the_zip_is_made_again_only_when_its_inputs_change(tmp_path, monkeypatch):
    made = []
    digest = ["first"]

    def write(root: Path, out: Path, language: str | None = None) -> Path:
        made.append(language)
        (out / kit.DOWNLOAD_NAME).write_bytes(b"zip %d" % len(made))
        return out / kit.DOWNLOAD_NAME

    monkeypatch.setattr(kit, "write_download", write)
    monkeypatch.setattr(kit, "fingerprint", lambda root: digest[0])
    cache = tmp_path / ".kit"
    cache.mkdir()
    first = download.cached_download(tmp_path, cache)
    assert download.cached_download(tmp_path, cache) == first
    assert len(made) == 1
    digest[0] = "second"
    assert download.cached_download(tmp_path, cache).read_bytes() == b"zip 2"
    assert len(made) == 2
    # the zh-TW edition's zip (its READMEs in Chinese) is not the English one
    assert download.cached_download(tmp_path, cache, "zh_TW").read_bytes() == b"zip 3"
    assert download.cached_download(tmp_path, cache, "zh_TW").read_bytes() == b"zip 3"
    assert made == [None, None, "zh_TW"]


def test_the_install_command_names_the_wheel_the_build_makes():
    from customer_focus import __version__

    assert download.wheel_name() == f"customer_focus-{__version__}-py3-none-any.whl"
