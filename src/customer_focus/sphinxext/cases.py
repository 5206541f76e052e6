"""The ``{case}`` role: a figure of the course's invented cases, computed at build time.

``{case}`opening.harbor.lifetime_value``` writes ``$108,000``, computed from
the inputs in ``customer_focus/data/cases.yml`` by
:mod:`customer_focus.course.case_figures`; ``{case}`name:style``` chooses how it is
written (styles in :mod:`customer_focus.core.formats`). An unknown name or
style is an error at the page's ``file:line`` (the build fails with ``-W``).
Pages that use the role are rebuilt when the data file changes. The
setting ``cf_cases_file`` (empty by default: the packaged file) points the
role at another file, for tests.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from ..core.cases import CaseError, data_path
from ..course.cases import Cases, course_cases, load_cases
from .registry import Extension

logger = logging.getLogger(__name__)


def _cases(app: Sphinx) -> tuple[Cases, Path]:
    configured = app.config.cf_cases_file
    if not configured:
        return course_cases(), data_path()
    path = Path(app.confdir) / configured
    return load_cases(path), path


class CaseRole(SphinxRole):
    """Write one case figure, or report the unknown name where it was used."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        reference = self.text.strip()
        try:
            cases, path = _cases(self.env.app)
            self.env.note_dependency(str(path))
            written = cases.figure(reference, self.config.language)
        except (KeyError, CaseError) as error:
            message = error.args[0] if isinstance(error, KeyError) else str(error)
            logger.error(f"case: {message}", location=self.get_location())
            return [nodes.problematic(self.rawtext, self.rawtext)], []
        return [nodes.inline(self.rawtext, written, classes=["cf-case-figure"])], []


#: The role and its setting.
EXTENSION = Extension(config={"cf_cases_file": ""}, roles={"case": CaseRole()})
setup = EXTENSION.setup
