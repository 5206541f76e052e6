"""The worksheets' sample files and their translated twins, and the command that writes
each twin's Excel copy from its CSV.

A twin (``book/apply/tools/data/<language>/<name>``) has its English file's columns, rows and
numbers; only the text a reader reads is translated (:data:`TRANSLATED`). The Excel copies
are written from the CSV, as the English ones are: read with ``core.tables.read_table`` and
written with ``core.tables.write_table``. After editing a twin's CSV, run::

    .venv/bin/python tests/sample_twins.py

Import it from a test as ``from sample_twins import TRANSLATED, twins``.
"""

from __future__ import annotations

import csv
from pathlib import Path

from customer_focus.core import tables

ROOT = Path(__file__).resolve().parents[1]
#: The worksheets' sample files.
SAMPLES = ROOT / "book" / "apply" / "tools" / "data"
#: The languages with twins (their folders under :data:`SAMPLES`).
LANGUAGES = ("zh_TW",)

#: Per sample file with twins, the columns whose text a reader reads, which a twin translates.
#: Every other column is the same as the English file's: numbers, names of people and
#: companies, and the values the tools' code reads (Like/Must-be..., yes/no, overtime...).
TRANSLATED = {
    "feedback-sample.csv": ("segment", "went_well", "improve"),
    "kano-sample.csv": ("feature",),
    "replacement-cost-sample.csv": ("job",),
    "satisfaction-targets-sample.csv": ("segment",),
    "turnover-cost-sample.csv": ("job",),
    "value-equation-sample.csv": ("alternative", "notes"),
    "work-process-sample.csv": ("step", "what_goes_wrong", "who"),
}

#: The sample files with no twin, and why: they hold no text a reader reads but names.
NO_TWIN = {
    "clv-customers-sample.csv": ("customer",),
    "servqual-sample.csv": ("respondent",),
}

#: Names a twin's translated text keeps as they are (a company, a rival's brand).
NAMES = ("Crossroads", "QuickFix Fleet")


def twins(language: str = "zh_TW") -> list[Path]:
    """The CSV twins of one language."""
    return sorted((SAMPLES / language).glob("*.csv"))


def rows(path: Path) -> list[list[str]]:
    """A CSV file's rows as written (the header first), each cell as text."""
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def write_excel(path: Path) -> Path:
    """Write the Excel copy of the CSV file at ``path`` beside it (``.xlsx``)."""
    return tables.write_table(tables.read_table(path), path.with_suffix(".xlsx"))


if __name__ == "__main__":
    for language in LANGUAGES:
        for twin in twins(language):
            print(write_excel(twin).relative_to(ROOT))
