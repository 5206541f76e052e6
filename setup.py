"""The build step that puts the course's files into the package (``customer_focus/course_files``).

Everything else is configured in ``pyproject.toml``. The files come from the repository
itself, listed once in :mod:`customer_focus.publish.kit`: the wheel carries the worksheets,
the exercises, the sample data and what the notebooks read when they run, so that
``customer-focus worksheets DIR`` works from any install and no copy is committed.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithCourseFiles(build_py):
    """``build_py``, then the course's files copied into the built package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the repository itself
        sys.path.insert(0, str(ROOT / "src"))
        try:
            from customer_focus.publish.kit import copy_course_files
        finally:
            sys.path.remove(str(ROOT / "src"))
        copy_course_files(ROOT, Path(self.build_lib) / "customer_focus")


setup(cmdclass={"build_py": BuildWithCourseFiles})
