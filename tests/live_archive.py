"""The page's Python as an edition's browser runs it: the edition's archive (what the browser's
Python unpacks), unpacked, run with the standard library only (the heavy packages blocked) and
``CUSTOMER_FOCUS_LANGUAGE`` set as the page sets it. Import it from a test as
``from live_archive import unpack, ask, page_texts``; ``tests/tools/conftest.py`` gives the
zh-TW archive as the fixture ``page``."""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from customer_focus.sphinxext.live import archive_bytes

#: The packages the browser's Python does not have.
BLOCKED = ("numpy", "pandas", "matplotlib", "yaml", "ipywidgets", "IPython")


def unpack(folder: Path, edition: str = "zh_TW") -> Path:
    """The archive of ``edition`` (``"en"`` or ``"zh_TW"``) unpacked into ``folder``/edition."""
    target = Path(folder) / edition
    zipfile.ZipFile(io.BytesIO(archive_bytes(edition))).extractall(target)
    return target


def ask(archive: Path, expression: str, chosen: str | None = "zh_TW") -> object:
    """The value of the JSON text ``expression`` gives, computed in a fresh Python from the
    unpacked ``archive`` only (``live`` and ``json`` imported), in the language ``chosen`` (as
    the page sets it), or with no language set if ``None`` (what the archive says by itself)."""
    script = (
        "import sys, os, json\n"
        f"for name in {BLOCKED!r}:\n"
        "    sys.modules[name] = None\n"
        f"sys.path.insert(0, {str(archive)!r})\n"
        + (f"os.environ['CUSTOMER_FOCUS_LANGUAGE'] = {chosen!r}\n" if chosen else
           "os.environ.pop('CUSTOMER_FOCUS_LANGUAGE', None)\n")
        + "from customer_focus.tools import live\n"
        f"print({expression})\n"
    )
    done = subprocess.run([sys.executable, "-I", "-c", script], capture_output=True, text=True,
                          cwd=archive, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def page_texts(results: dict) -> list[str]:
    """Every text a page result shows: its summary, its messages, each table's caption, headers
    and cells, and its chart's alt text and the words drawn in its SVG.

    Examples
    --------
    >>> page_texts({"summary": ["A: 1"], "messages": [{"text": "B"}], "chart": None,
    ...             "tables": [{"caption": "C", "headers": ["D"], "rows": [[{"text": "2"}]]}]})
    ['A: 1', 'B', 'C', 'D', '2']
    """
    texts = [*results["summary"], *(message["text"] for message in results["messages"])]
    for shown in results["tables"]:
        texts += [shown["caption"], *shown["headers"]]
        texts += [cell["text"] for row in shown["rows"] for cell in row]
    if results["chart"]:
        texts.append(results["chart"]["alt"])
        texts += [html.unescape(text)
                  for text in re.findall(r">([^<>]+)</text>", results["chart"]["svg"])]
    return texts
