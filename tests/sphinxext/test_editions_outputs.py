"""Where each edition's notebook outputs are written (myst-nb's ``output_folder``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

from customer_focus.sphinxext.editions import OUTPUTS, keep_outputs_in_build_folder


@dataclasses.dataclass(frozen=True)
class NbParserConfig:
    """What the hook uses of myst-nb's configuration: the folder, and a changed copy."""

    output_folder: str

    def copy(self, **changes) -> NbParserConfig:
        return dataclasses.replace(self, **changes)


def app_for(tmp_path: Path, outdir: str, build_dir: str = "", shared_root: str = ""):
    default = (tmp_path / outdir).parent / OUTPUTS  # what myst-nb sets
    return SimpleNamespace(
        outdir=str(tmp_path / outdir), confdir=str(tmp_path),
        config=SimpleNamespace(cf_build_dir=build_dir, cf_shared_root=shared_root),
        env=SimpleNamespace(mystnb_config=NbParserConfig(output_folder=str(default))),
    )


def test_the_zh_tw_edition_keeps_its_outputs_in_its_build_folder_and_clears_old_ones(tmp_path):
    left = tmp_path / "_build" / "html" / OUTPUTS  # where an older build wrote them
    left.mkdir(parents=True)
    (left / "chart.png").write_bytes(b"png")
    app = app_for(tmp_path, "_build/html/zh-TW", "_build/zh-TW", "../")
    keep_outputs_in_build_folder(app)
    assert Path(app.env.mystnb_config.output_folder) == (tmp_path / "_build/zh-TW" / OUTPUTS)
    assert not left.exists()


def test_the_english_edition_and_the_catalogs_leave_the_english_outputs_alone(tmp_path):
    english = tmp_path / "_build" / OUTPUTS
    english.mkdir(parents=True)
    app = app_for(tmp_path, "_build/html")
    keep_outputs_in_build_folder(app)
    assert Path(app.env.mystnb_config.output_folder) == english  # as myst-nb set it
    gettext = app_for(tmp_path, "_build/gettext", "_build/gettext-build")
    keep_outputs_in_build_folder(gettext)
    catalogs = tmp_path / "_build" / "gettext-build" / OUTPUTS
    assert Path(gettext.env.mystnb_config.output_folder) == catalogs
    assert english.is_dir()  # the English edition's, beside the catalogs' output folder
