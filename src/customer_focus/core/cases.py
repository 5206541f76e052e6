"""The inputs of the course's invented cases, from the package's ``data/cases.yml``.

Every invented case (Greenleaf, Brightwater, the food distributor of the
opening case, Northfield, Halden, Crossroads, the scenario...) has its inputs
in one file, each written the way a reader sees it: money as ``"$30,000"``,
shares and rates as ``"25%"``, counts and other numbers plain, text quoted.
The file is read with :mod:`customer_focus.core.yamlfile` and checked; every
problem is reported as ``file:line: what is wrong`` (a :class:`CaseError`).

This is what a tool may read: :func:`value` (an input's number), :func:`text`
(an input that is text), :func:`figure` (an input written for readers) and the
example tables built from the inputs (:func:`opening_case`,
:func:`distributor_accounts`, :func:`crossroads_segments`, :func:`crossroads_offers`).

The texts that are not names (a label, a segment's name, "a catering firm")
have their translations in the course's folder, ``locales/<language>/cases.yml``,
keyed by the inputs' dotted names, texts only (:func:`read_translation`). While
the package speaks a language (:mod:`customer_focus.core.messages`), the
look-ups and the example tables give its texts; the numbers are the English
file's, in every language. The figures
derived from the inputs (lifetime values, break-evens, totals...) are
computed with the tools, a layer up, by :mod:`customer_focus.course.cases`.

Examples
--------
>>> value("opening.harbor.margin")
24000.0
>>> text("opening.harbor.name"), figure("opening.harbor.retention")
('Harbor Supply', '90%')
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .formats import STYLES, format_number
from .languages import language_code
from .messages import current_language
from .paths import course_root, package_file
from .problems import DataFileError, LinedDict, LinedList, Problems
from .yamlfile import load_yaml

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Quantity",
    "CaseError",
    "CaseInputs",
    "DATA_FILE",
    "TRANSLATION",
    "CODE_WORDS",
    "data_path",
    "translation_path",
    "read_translation",
    "translated_texts",
    "course_inputs",
    "value",
    "text",
    "figure",
    "opening_case",
    "distributor_accounts",
    "crossroads_segments",
    "crossroads_offers",
]

#: The packaged data file.
DATA_FILE = "data/cases.yml"

#: A language's translation of the texts, under ``locales/<language>/`` in the course's folder.
TRANSLATION = "cases.yml"

#: The inputs written as text that the tools read as a word (``yes``/``no``): never translated.
CODE_WORDS = ("easy_to_switch",)

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_MONEY = re.compile(r"^([-\u2212]?)\$(\d{1,3}(?:,\d{3})*|\d+)(\.\d+)?$")
_PERCENT = re.compile(r"^([-\u2212]?\d+(?:\.\d+)?)%$")

#: The style a quantity is written in when the placeholder names none.
DEFAULT_STYLE = {"money": "money", "percent": "percent", "count": "count", "number": "number"}


@dataclass(frozen=True)
class Quantity:
    """A number with its kind: ``money``, ``percent`` (a decimal), ``count`` or ``number``.

    ``style`` overrides how it is written by default (a name from
    :data:`customer_focus.core.formats.STYLES`).

    Examples
    --------
    >>> Quantity(0.25, "percent").text(), Quantity(1234.5, "money", "dollars").text()
    ('25%', '$1,235')
    """

    value: float
    kind: str
    style: str = ""

    def text(self, style: str | None = None, language: str | None = None) -> str:
        """The number written for readers (of the edition in ``language``; English by default)."""
        return format_number(
            self.value, style or self.style or DEFAULT_STYLE[self.kind], language
        )


class CaseError(DataFileError):
    """A cases file that cannot be used; ``problems`` lists every reason with its line."""


def _quantity(read: Any) -> Quantity | str | None:
    """One value: ``"$1,234"`` money, ``"12%"`` percent, ``12`` count, ``1.5`` number, or text.

    ``None`` for what is no input at all: nothing, or a yes/no word.
    """
    if read is None or isinstance(read, bool) or read == "":
        return None
    if isinstance(read, int):
        return Quantity(float(read), "count")
    if isinstance(read, float):
        return Quantity(read, "number")
    written = str(read).strip()
    money = _MONEY.match(written)
    if money:
        amount = float(money.group(2).replace(",", "") + (money.group(3) or ""))
        return Quantity(-amount if money.group(1) else amount, "money")
    percent = _PERCENT.match(written)
    if percent:
        return Quantity(float(percent.group(1).replace("\u2212", "-")) / 100, "percent")
    return written



def _read_cases(path: str | os.PathLike[str], source: str | None) -> tuple[str, Any]:
    """A cases file's name in messages and its YAML data (a YAML error as a CaseError)."""
    name = source or str(path)
    try:
        return name, load_yaml(path, source=name)
    except DataFileError as error:
        raise CaseError(error.problems) from None


class CaseInputs:
    """The inputs of the invented cases: numbers (:class:`Quantity`) and texts, by dotted name.

    Read one with :meth:`load`; the course's own are :func:`course_inputs`.
    ``lines`` gives each input's line in the file, in file order.
    """

    def __init__(
        self,
        numbers: dict[str, Quantity],
        texts: dict[str, str],
        lines: dict[str, int],
        source: str,
    ) -> None:
        self.numbers = numbers
        self.texts = texts
        self.lines = lines
        self.source = source

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, source: str | None = None):
        """Read and check a cases file.

        Raises
        ------
        CaseError
            Listing every problem as ``file:line: what is wrong``.
        """
        name, data = _read_cases(path, source)
        found = Problems(name)
        numbers: dict[str, Quantity] = {}
        texts: dict[str, str] = {}
        lines: dict[str, int] = {}
        if not isinstance(data, dict):
            found.add(data, None, "the file must be a mapping of case names to their inputs")
        else:
            _read(found, data, "", numbers, texts, lines)
        if found.found:
            raise CaseError(found.found)
        return cls(numbers, texts, lines, name)

    @classmethod
    @cache
    def of_course(cls):
        """The course's own cases (``customer_focus/data/cases.yml``), read once."""
        return cls.load(data_path(), source=f"customer_focus/{DATA_FILE}")

    def __getitem__(self, name: str) -> float:
        """An input's number (raises ``KeyError`` naming close matches)."""
        if name in self.numbers:
            return self.numbers[name].value
        raise KeyError(self.unknown(name, self.numbers))

    def text(self, name: str, language: str | None = None) -> str:
        """An input that is text (a name, a label); in ``language`` (a code such as
        ``"zh_TW"``), its translation from the course's ``locales/`` when there is one.

        Examples
        --------
        >>> course_inputs().text("crossroads.segments.fleets.name", "zh_TW")
        '車隊顧客'
        """
        if name in self.texts:
            code = language_code(language)
            return translated_texts(code).get(name, self.texts[name]) if code else self.texts[name]
        raise KeyError(self.unknown(name, self.texts))

    def group(self, prefix: str) -> list[str]:
        """The names of the mappings directly under ``prefix``, in file order.

        Examples
        --------
        >>> course_inputs().group("crossroads.segments")
        ['fleets', 'families', 'coupon']
        """
        found: list[str] = []
        start = prefix + "."
        for name in self.lines:
            if name.startswith(start):
                head = name[len(start) :].split(".")[0]
                if head not in found and "." in name[len(start) :]:
                    found.append(head)
        if not found:
            raise KeyError(f"no group {prefix!r} in {self.source}")
        return found

    def quantity(self, name: str) -> Quantity:
        """A number, as a :class:`Quantity`."""
        if name in self.numbers:
            return self.numbers[name]
        raise KeyError(self.unknown(name, self.numbers))

    def value(self, name: str) -> float:
        """The number behind a figure."""
        return self.quantity(name).value

    def figure(self, reference: str, language: str | None = None) -> str:
        """A figure written for readers: ``"name"`` or ``"name:style"``.

        ``language`` is the edition's (``"zh_TW"`` writes the ``word`` and
        ``ordinal`` styles in Chinese numerals, and a text in its translation);
        English by default.

        Examples
        --------
        >>> course_inputs().figure("opening.crestline.margin")
        '$30,000'
        >>> course_inputs().figure("opening.crestline.retention:decimal2")
        '0.25'
        >>> course_inputs().figure("opening.harbor.years_as_customer:word", "zh_TW")
        '九'
        """
        name, _, style = reference.partition(":")
        if style and style not in STYLES:
            raise KeyError(
                f"unknown style {style!r} in {reference!r}; use one of: {', '.join(STYLES)}"
            )
        if name in self.texts:
            if style:
                raise KeyError(f"{name!r} is text ({self.texts[name]!r}); it takes no style")
            return self.text(name, language)
        return self.quantity(name).text(style or None, language)

    def unknown(self, name: str, known: dict[str, Any]) -> str:
        """What to say about a name that is not among ``known``: the closest names, and where."""
        close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        return (
            f"no case figure named {name!r}.{hint} Inputs are in {self.source}; "
            "derived figures in customer_focus/course/case_figures.py."
        )


def _read(
    found: Problems,
    data: LinedDict,
    path: str,
    numbers: dict[str, Quantity],
    texts: dict[str, str],
    lines: dict[str, int],
) -> None:
    """Read one mapping of the file (a case, or a group of inputs) into the three dicts."""
    for key, item in data.items():
        where = f"{path}.{key!s}" if path else f"{key!s}"
        if not isinstance(key, str) or not _NAME.match(key):
            found.add(data, key, f"{where}: names are lowercase letters, digits and underscores, "
                      "starting with a letter")
        elif isinstance(item, dict):
            _read(found, item, where, numbers, texts, lines)
        elif not path:
            found.add(data, key, f"{where}: a case must be a mapping of inputs")
        elif isinstance(item, LinedList):
            found.add(data, key,
                      f"{where}: lists are not allowed; give each item a name (a mapping)")
        elif (read := _quantity(item)) is None:
            found.add(data, key, f"{where}: empty, or a yes/no word; write a number "
                      '("$1,200", "25%", 12) or quoted text')
        else:
            lines[where] = data.lines[key]
            if isinstance(read, Quantity):
                numbers[where] = read
            else:
                texts[where] = read


def data_path() -> Path:
    """Where the course's cases file is (for build dependencies)."""
    return Path(str(package_file(*DATA_FILE.split("/"))))


def translation_path(code: str) -> Path | None:
    """Where the cases' texts in a language are: ``locales/<code>/cases.yml`` in the course's
    folder (which the wheel carries too); ``None`` with no course folder around."""
    try:
        return course_root() / "locales" / code / TRANSLATION
    except FileNotFoundError:
        return None


def read_translation(inputs: CaseInputs, path: str | os.PathLike[str], *,
                     source: str | None = None) -> dict[str, str]:
    """The translated texts of a cases file, by the inputs' dotted names, checked.

    The file maps an input's dotted name (``crossroads.segments.fleets.name``)
    to its text in the language. It gives only texts: a name that is not a text
    input of ``inputs``, a number input, a word the tools read
    (:data:`CODE_WORDS`), a value that is not a text or a text that reads as a
    number (``"$30,000"``, ``"25%"``) is a problem. A name left out keeps its
    English text (the people's and companies' names stay as written).

    Raises
    ------
    CaseError
        Listing every problem as ``file:line: what is wrong``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder, "cases.yml")
    ...     _ = path.write_text("opening.crestline.margin: 三萬\\n", encoding="utf-8")
    ...     read_translation(course_inputs(), path, source="zh.yml")
    Traceback (most recent call last):
    ...
    customer_focus.core.cases.CaseError: zh.yml:1: opening.crestline.margin: is a number ...
    """
    name, data = _read_cases(path, source)
    found = Problems(name)
    texts: dict[str, str] = {}
    if data is not None and not isinstance(data, dict):
        found.add(data, None, "a translation of the cases maps each text input's dotted name "
                  "(opening.crestline.label) to its text")
        data = {}
    for key, item in (data or {}).items():
        where = str(key)
        if where in inputs.numbers:
            found.add(data, key, f"{where}: is a number in {inputs.source} "
                      f"({inputs.figure(where)}); a translation gives only texts, leave it out")
        elif where not in inputs.texts:
            close = difflib.get_close_matches(where, list(inputs.texts), n=3, cutoff=0.6)
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            found.add(data, key, f"{where}: no text input of that name in {inputs.source}.{hint}")
        elif where.rsplit(".", 1)[-1] in CODE_WORDS:
            found.add(data, key, f"{where}: is a word the tools read "
                      f"({inputs.texts[where]!r}), not a text to translate; leave it out")
        elif not isinstance(item, str) or not item.strip():
            found.add(data, key, f"{where}: must be a text (the English: "
                      f"{inputs.texts[where]!r})")
        elif isinstance(_quantity(item), Quantity):
            found.add(data, key, f"{where}: {item!r} reads as a number; give the text of "
                      f"{inputs.texts[where]!r} in words")
        else:
            texts[where] = item.strip()
    if found.found:
        raise CaseError(found.found)
    return texts


@cache
def translated_texts(code: str) -> dict[str, str]:
    """The course's case texts in the language ``code`` (``locales/<code>/cases.yml``), read
    once and checked against the English inputs; empty when there is no translation.

    Examples
    --------
    >>> translated_texts("zh_TW")["distributor.caterer.name"]
    '一家外燴公司'
    """
    path = translation_path(code)
    if path is None or not path.is_file():
        return {}
    return read_translation(CaseInputs.of_course(), path, source=f"locales/{code}/{TRANSLATION}")


@cache
def _in_language(code: str) -> CaseInputs:
    english = CaseInputs.of_course()
    texts = {**english.texts, **translated_texts(code)}
    return CaseInputs(english.numbers, texts, english.lines, english.source)


def course_inputs(language: str | None = None) -> CaseInputs:
    """The course's case inputs (``customer_focus/data/cases.yml``), read once: their texts in
    ``language``, by default the one the package speaks (numbers are the same in every one).

    Examples
    --------
    >>> course_inputs("zh_TW").text("opening.crestline.name")  # a name stays as written
    'Crestline Foods'
    """
    code = language_code(language or current_language())
    return CaseInputs.of_course() if code is None else _in_language(code)


def value(name: str) -> float:
    """The number of one of the course's case inputs.

    Examples
    --------
    >>> value("opening.crestline.retention")
    0.25
    """
    return course_inputs()[name]


def text(name: str) -> str:
    """One of the course's case inputs that is text (a name, a label), in the language the
    package speaks."""
    return course_inputs().text(name)


def figure(reference: str) -> str:
    """One of the course's case inputs written for readers: ``"name"`` or ``"name:style"``."""
    return course_inputs().figure(reference)


# ---- the example tables the tools read, built from the inputs --------------------------
# (pandas is imported by each, so that reading the inputs needs only the standard library
# and PyYAML)

#: The opening case's two accounts, in the order the pages show them.
_OPENING = ("crestline", "harbor")


def _account(c: CaseInputs, case: str, *, label: str = "name", margin: float | None = None) -> dict:
    """One account as a row of the lifetime value tool's table."""
    return {
        "customer": c.text(f"{case}.{label}"),
        "annual_margin": c[f"{case}.margin"] if margin is None else margin,
        "retention_rate": c[f"{case}.retention"],
        "acquisition_cost": c[f"{case}.cost_to_win"],
    }


def opening_case(inputs: CaseInputs | None = None) -> pd.DataFrame:
    """The two accounts of the course's opening case, "What would you do?", as the lifetime
    value tool's :func:`~customer_focus.tools.lifetime_value.table.compare_customers` reads them.

    A new account that buys on price and switches at the next deal (Crestline
    Foods), and a loyal account (Harbor Supply). The numbers are the course's
    own, invented for teaching, so the pages, the interactive comparison, the
    exercise and the scenario all use the same ones. ``inputs``: other cases to
    read (default: the course's own), as for every table here.

    Examples
    --------
    >>> opening_case()["customer"].str.split().str[0].tolist()
    ['Crestline', 'Harbor']
    """
    import pandas as pd

    c = inputs or course_inputs()
    return pd.DataFrame([_account(c, f"opening.{key}", label="label") for key in _OPENING])


def distributor_accounts(inputs: CaseInputs | None = None) -> pd.DataFrame:
    """The six accounts of the lifetime value steps, as the lifetime value tool's
    :func:`~customer_focus.tools.lifetime_value.table.compare_customers` reads them.

    Crestline Foods and Harbor Supply come from the opening case; the other
    four are the distributor's (all invented). The cafés' margin is their
    revenue less the cost of goods and the cost to serve them. The worksheet's
    sample file ``clv-customers-sample.csv`` holds the same rows (a test checks it).

    Examples
    --------
    >>> distributor_accounts()["customer"].tolist()[:3]
    ['Crestline Foods', 'Harbor Supply', 'Maple Street Cafes']
    """
    import pandas as pd

    c = inputs or course_inputs()
    cafes = "distributor.cafes"
    cafe_margin = (
        c[f"{cafes}.revenue"] - c[f"{cafes}.cost_of_goods"] - c[f"{cafes}.cost_to_serve"]
    )
    rows = [_account(c, f"opening.{key}") for key in _OPENING]
    rows.append(_account(c, cafes, margin=cafe_margin))
    rows += [_account(c, f"distributor.{key}") for key in ("northgate", "riverside", "summit")]
    return pd.DataFrame(rows)


def crossroads_segments(inputs: CaseInputs | None = None) -> pd.DataFrame:
    """Crossroads Auto Care's three segments (chapter "Delivering value"), as the satisfaction
    targets tool's ``plan_targets`` reads them.

    The satisfaction targets worksheet's example and the chapter both use this table.

    Examples
    --------
    >>> crossroads_segments()["segment"].tolist()
    ['Fleet accounts', 'Regular families', 'Coupon customers']
    >>> crossroads_segments()["customers"].tolist()
    [20, 520, 140]
    """
    import pandas as pd

    c = inputs or course_inputs()
    rows = []
    for key in c.group("crossroads.segments"):
        p = f"crossroads.segments.{key}"
        rows.append(
            {
                "segment": c.text(f"{p}.name"),
                "customers": int(c[f"{p}.customers"]),
                "annual_margin": c[f"{p}.margin"],
                "retention_rate": c[f"{p}.retention"],
                "top_box_share": c[f"{p}.rated_5"],
                "target_top_box_share": c[f"{p}.target"],
                "easy_to_switch": c.text(f"{p}.easy_to_switch"),
            }
        )
    return pd.DataFrame(rows)


def crossroads_offers(inputs: CaseInputs | None = None) -> pd.DataFrame:
    """Crossroads Auto Care's current service, a rival's and one idea, as its fleet panel
    scored them from 1 to 10 (the value equation worksheet's example), as the value equation
    tool's ``compare_alternatives`` reads them. The current service comes first.

    Examples
    --------
    >>> crossroads_offers()["alternative"].tolist()[0], crossroads_offers()["price"].tolist()
    ('Current service', [6.0, 5.2, 6.3])
    """
    import pandas as pd

    c = inputs or course_inputs()
    columns = ("results", "process_quality", "price", "access_costs")
    rows = []
    for key in c.group("crossroads.offers"):
        p = f"crossroads.offers.{key}"
        rows.append({"alternative": c.text(f"{p}.name"),
                     **{column: c[f"{p}.{column}"] for column in columns}})
    return pd.DataFrame(rows)
