"""The HTML fixes of sphinxext.accessibility, in a small Sphinx build with the extension."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

TABLES = """\
Tables
======

.. list-table::
   :header-rows: 1

   * -
     - Short-term customers
     - Long-term customers
   * - High profitability
     - Butterflies
     - True friends
   * - Low profitability
     - Strangers
     - Barnacles

.. list-table::
   :header-rows: 1

   * - Customer
     - Margin
   * - Harbor Supply
     - 24000
"""


def test_a_table_of_row_labels_gets_row_headings_and_others_stay(tmp_path):
    """An empty top-left heading makes the first column row headings (axe: td-has-header)."""
    (tmp_path / "conf.py").write_text(
        textwrap.dedent(f"""
            extensions = ["customer_focus.sphinxext"]
            cf_node_modules = {str(ROOT / "node_modules")!r}
            exclude_patterns = ["_build"]
        """)
    )
    (tmp_path / "index.rst").write_text(TABLES)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(tmp_path),
         str(tmp_path / "_build")],
        capture_output=True, text=True, check=False,
        env={**os.environ, "CF_NODE_MODULES": str(ROOT / "node_modules")},
    )
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "_build" / "index.html").read_text(encoding="utf-8")
    first, second = html.split("<table")[1:3]
    assert '<th class="stub"><p>High profitability</p></th>' in first
    assert '<th class="stub"><p>Low profitability</p></th>' in first
    assert "stub" not in second
    assert "<td><p>Harbor Supply</p></td>" in second
