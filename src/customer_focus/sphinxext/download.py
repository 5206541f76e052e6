"""The site's "Download the worksheets" zip, made at build time.

A page links the zip with the role ``{worksheets-download}`Download the worksheets```,
and shows the command that installs its wheel with ``{worksheets-install}``.
When a page of the build uses it, the end of the HTML build writes
``downloads/customer-focus-worksheets.zip`` into the site: the notebooks, their
sample data, the package's wheel and a README for a manager
(:func:`customer_focus.publish.kit.write_download`). The zip is made in
``_build/.kit/`` and made again only when what it is made from has changed
(:func:`customer_focus.publish.kit.fingerprint`), so an unchanged build stays fast.
The zh-TW edition writes its own, ``zh-TW/downloads/customer-focus-worksheets.zip``
(made in ``_build/zh-TW/.kit/``), the same wheel and notebooks with the READMEs in
Traditional Chinese.
"""

from __future__ import annotations

import shutil
from importlib.metadata import version
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..core.languages import language_code
from ..publish import kit
from .editions import build_folder
from .registry import Extension, PageSet

logger = logging.getLogger(__name__)

#: Where the zip is served, relative to the site's root.
FOLDER = "downloads"
#: The pages that link the zip (kept in the build environment).
USERS = PageSet("cf_worksheets_download_pages")


def download_uri(docname: str) -> str:
    """The zip's address relative to the page ``docname`` (each edition has its own zip).

    Examples
    --------
    >>> download_uri("book/start/how-to-use")
    '../../downloads/customer-focus-worksheets.zip'
    """
    return "../" * docname.count("/") + f"{FOLDER}/{kit.DOWNLOAD_NAME}"


def download_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{worksheets-download}`text```: a link to the zip of the worksheets."""
    env = inliner.document.settings.env
    USERS.add(env, env.docname)
    link = nodes.reference(rawtext, text, refuri=download_uri(env.docname),
                           classes=["cf-download"])
    return [link], []


def wheel_name() -> str:
    """The file name of the package's wheel, which the download carries.

    Examples
    --------
    >>> wheel_name().startswith("customer_focus-") and wheel_name().endswith("-py3-none-any.whl")
    True
    """
    return f"customer_focus-{version('customer-focus')}-py3-none-any.whl"


class InstallCommand(SphinxDirective):
    """``{worksheets-install}``: the pip command that installs the downloaded wheel."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        text = f'python -m pip install "{wheel_name()}[jupyter]"'
        return [nodes.literal_block(text, text)]


def cached_download(root: Path, cache: Path, language: str | None = None) -> Path:
    """The zip in ``cache`` (its READMEs in ``language``), made again only when its inputs
    changed; returns its path."""
    archive, stamp = cache / kit.DOWNLOAD_NAME, cache / "fingerprint.txt"
    digest = f"{language_code(language) or 'en'} {kit.fingerprint(root)}"
    if archive.is_file() and stamp.is_file() and stamp.read_text() == digest:
        return archive
    logger.info("building the worksheets' download (the wheel and the notebooks)")
    kit.write_download(root, cache, language)
    stamp.write_text(digest)
    return archive


def _write(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    if not USERS.pages(app.env):
        return
    out = Path(app.outdir) / FOLDER
    try:
        archive = cached_download(
            Path(app.srcdir), build_folder(app) / ".kit", app.config.language
        )
    except kit.KitError as error:
        raise ExtensionError(f"the worksheets' download could not be made: {error}") from error
    out.mkdir(exist_ok=True)
    shutil.copyfile(archive, out / archive.name)


#: The role, the directive and the build step.
EXTENSION = Extension(
    roles={"worksheets-download": download_role},
    directives={"worksheets-install": InstallCommand},
    events=(("build-finished", _write),),
    pages=(USERS,),
)
setup = EXTENSION.setup
