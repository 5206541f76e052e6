"""The course's repository address: one setting, ``repository: url:`` in ``_config.yml``.

Jupyter Book passes it to the theme as ``repository_url``. When it is set, the
theme shows its repository button and, on notebook pages, the launch buttons
configured under ``launch_buttons:`` (Binder, JupyterHub, Colab), and the
directive ``{if-repository}`` shows its content (the page may link the address
with the role ``{repository}`text```), and ``{clone-commands}`` starts with
``git clone`` and the address. When it is empty, there are no such buttons and
``{unless-repository}`` shows its content instead.
"""

from __future__ import annotations


from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.docutils import SphinxDirective

from .registry import Extension

#: What makes a launch button, in the theme's ``launch_buttons`` options.
LAUNCHERS = ("binderhub_url", "jupyterhub_url", "colab_url", "deepnote_url", "jupyterlite_url")


def repository_url(config: Config) -> str:
    """The repository's address, or "" when none is set."""
    return str((config.html_theme_options or {}).get("repository_url") or "").strip()


def apply_setting(app: Sphinx, config: Config) -> None:
    """Buttons only with an address: the repository button, and the launch buttons."""
    if config.html_theme != "sphinx_book_theme":
        return  # the buttons are the book theme's; another theme has none to switch
    options = config.html_theme_options
    if repository_url(config):
        options["use_repository_button"] = True
        return
    options.pop("repository_url", None)
    options["use_repository_button"] = False
    launch = dict(options.get("launch_buttons") or {})
    for key in LAUNCHERS:
        launch.pop(key, None)
    options["launch_buttons"] = launch


class CloneCommands(SphinxDirective):
    """The commands that get the source and build the site: ``git clone`` only with an address."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        url = repository_url(self.config)
        lines = ([f"git clone {url} customer-focus", "cd customer-focus"] if url else [])
        text = "\n".join([*lines, "make book"])
        block = nodes.literal_block(text, text, language="bash")
        return [block]


class IfRepository(SphinxDirective):
    """Its content, only when the repository's address is set."""

    has_content = True
    shown_when_set = True

    def run(self) -> list[nodes.Node]:
        if bool(repository_url(self.config)) != self.shown_when_set:
            return []
        container = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, container)
        return container.children


class UnlessRepository(IfRepository):
    """Its content, only when no repository address is set."""

    shown_when_set = False


def repository_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """``{repository}`text```: a link to the repository (its address, when text is empty)."""
    env = inliner.document.settings.env
    url = repository_url(env.config)
    if not url:
        message = inliner.reporter.error(
            "the {repository} role needs `repository: url:` in _config.yml; put it inside an "
            "{if-repository} block", line=lineno,
        )
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.reference(rawtext, text or url, refuri=url)], []


#: The setting's handler, the directives and the role.
EXTENSION = Extension(
    directives={
        "if-repository": IfRepository,
        "unless-repository": UnlessRepository,
        "clone-commands": CloneCommands,
    },
    roles={"repository": repository_role},
    events=(("config-inited", apply_setting),),
)
setup = EXTENSION.setup
