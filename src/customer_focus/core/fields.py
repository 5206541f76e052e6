"""The inputs of a tool: one description per input, read from the tool's spec.

Each tool declares its inputs once, under ``fields:`` in its YAML spec
(``tools/<tool>/<tool>.yml``)::

    fields:
      retention:                      # the parameter's name in calc.py
        label: Retention rate         # what a form shows next to the input
        kind: rate                    # number | rate | whole | choice | text | yes_no
        help: the share of customers who stay from one year to the next, e.g. 0.8 for 80%
        why_high: A retention of 1 or more would mean that no customer ever leaves...
        slider: [0, 0.99]             # the live form shows a slider over this range
        step: 0.01

The same description serves the arithmetic (``calc.py`` checks every argument
with :meth:`Field.check`, whose :class:`~customer_focus.core.validation.InputError`
names the input), the live form (label, unit, slider, step), the paper form
and, through the spec's JSON twin, a page in the browser.

Keys of a field
---------------
``label`` (required)
    What a form shows next to the input.
``help`` (required)
    What the input means, in a manager's words; error messages quote it.
``kind``
    ``number`` (the default), ``rate`` (a share written as a decimal),
    ``whole`` (a whole number), ``choice`` (one of ``options``), ``text`` or
    ``yes_no`` (an answer: yes/no, y/n, true/false or 1/0, read as True or False).
``unit``
    Shown after the label, e.g. ``$``.
``min``, ``max``
    The allowed range (included). A ``rate`` is from 0 up to 1, 1 excluded,
    unless said otherwise; a ``whole`` number is at least 1.
``max_included``
    For a rate: whether ``max`` itself is allowed (default false).
``why_high``
    For a rate: a sentence saying why values at or above ``max`` make no sense.
``step``
    The step of a slider or a number box.
``slider``
    ``[low, high]``: the live form shows a slider over this range (within
    ``min`` and ``max``) instead of a box to type in.
``options``
    For a choice: a mapping from each allowed value to the words a form shows.
``default``
    The value used when the caller gives none.

Standard library only, so that ``calc.py`` can use it in a browser's Pyodide,
which reads the spec's JSON twin (:func:`load_fields`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from importlib import resources
from typing import Any

from .messages import Messages, current_language
from .problems import DataFileError, Problem, Problems
from .validation import (
    InputError,
    as_choice,
    as_number,
    as_rate,
    as_text,
    as_whole_number,
    as_yes_no,
)

_ = Messages("core")

__all__ = [
    "KINDS", "Field", "Fields", "read_fields", "read_twin", "load_fields", "load_example",
    "language_twin",
]

KINDS = ("number", "rate", "whole", "choice", "text", "yes_no")
_KEYS = {
    "label", "help", "kind", "unit", "min", "max", "max_included", "why_high", "step", "slider",
    "options", "default",
}


@dataclass(frozen=True)
class Field:
    """One input of a tool, as its spec describes it (see the module's docstring).

    Examples
    --------
    >>> margin = Field("margin", "Yearly margin per customer", help="the yearly margin", unit="$")
    >>> margin.check(250), margin.caption
    (250.0, 'Yearly margin per customer ($)')
    """

    name: str
    label: str
    help: str
    kind: str = "number"
    unit: str = ""
    min: float | None = None
    max: float | None = None
    max_included: bool | None = None  # None: the kind's default (a rate's max is excluded)
    why_high: str = ""
    step: float | None = None
    slider: tuple[float, float] | None = None
    options: tuple[tuple[str, str], ...] = ()
    default: Any = None

    @property
    def caption(self) -> str:
        """The label with its unit, as a form shows it."""
        return f"{self.label} ({self.unit})" if self.unit else self.label

    def check(self, value: object) -> Any:
        """``value`` as this input's type, or an ``InputError`` naming the input and its range."""
        if self.kind == "rate":
            low = 0.0 if self.min is None else self.min
            high = 1.0 if self.max is None else self.max
            return as_rate(
                value, self.name, meaning=self.help, low=low, high=high,
                high_inclusive=bool(self.max_included), why_high=self.why_high,
            )
        if self.kind == "whole":
            minimum = 1 if self.min is None else int(self.min)
            maximum = None if self.max is None else int(self.max)
            return as_whole_number(
                value, self.name, meaning=self.help, minimum=minimum, maximum=maximum
            )
        if self.kind == "choice":
            values = [option for option, _ in self.options]
            return as_choice(
                value, self.name, options=values, meaning=self.help, default=self.default or ""
            )
        if self.kind == "text":
            return as_text(value, self.name, meaning=self.help)
        if self.kind == "yes_no":
            return as_yes_no(value, self.name, meaning=self.help)
        return as_number(value, self.name, meaning=self.help, minimum=self.min, maximum=self.max)

    @property
    def limits(self) -> tuple[float | None, float | None, bool]:
        """A form's allowed range: lowest, highest, and whether the highest is allowed.

        Examples
        --------
        >>> Field("r", "Rate", help="a share", kind="rate", min=0.0, max=1.0).limits
        (0.0, 1.0, False)
        """
        if self.kind == "rate":
            low = 0.0 if self.min is None else self.min
            high = 1.0 if self.max is None else self.max
            return low, high, bool(self.max_included)
        if self.kind == "whole":
            return (1 if self.min is None else self.min), self.max, True
        return self.min, self.max, True

    def parse(self, text: object) -> Any:
        """What a reader typed in a form's box, checked as :meth:`check` checks a value.

        A number may be typed with thousands separators and a leading ``$``;
        an empty box is an ``InputError`` naming the input, and anything else
        gets :meth:`check`'s message, the same as in a notebook.

        Examples
        --------
        >>> margin = Field("margin", "Yearly margin", help="the yearly margin", unit="$")
        >>> margin.parse(" $1,250 ")
        1250.0
        >>> Field("years", "Years", help="years to count", kind="whole").parse("10")
        10
        >>> margin.parse("")
        Traceback (most recent call last):
        ...
        customer_focus.core.validation.InputError: margin is empty (the yearly margin); type a...
        """
        if not isinstance(text, str) or self.kind not in ("number", "rate", "whole"):
            return self.check(text)
        cleaned = text.strip().replace(",", "").removeprefix("$").strip()
        if not cleaned:
            raise InputError(self.name, _(
                "{name} is empty ({help}); type a number, for example {example}."
            ).format(name=self.name, help=self.help,
                     example=self.default if self.default is not None else 1))
        try:
            number = float(cleaned)
        except ValueError:
            return self.check(text)
        if self.kind == "whole" and number.is_integer():
            return self.check(int(number))
        return self.check(number)

    def check_as(self, value: object, words: str) -> Any:
        """``value`` checked as :meth:`check` does, the message calling it ``words``.

        For one of several values an input holds (a value per dimension, per
        category): the message names that value, and the error's ``name``
        stays the field's.

        Examples
        --------
        >>> points = Field("points", "Points", help="points out of 100", min=0)
        >>> points.check_as(-5, "weight for empathy")
        Traceback (most recent call last):
        ...
        customer_focus.core.validation.InputError: weight for empathy must be 0 or more (points...
        """
        try:
            return replace(self, name=words).check(value)
        except InputError as error:
            raise InputError(self.name, str(error)) from None

    def to_data(self) -> dict[str, Any]:
        """The field as plain JSON-ready data (the keys of the spec, defaults left out)."""
        data: dict[str, Any] = {"label": self.label, "help": self.help, "kind": self.kind}
        optional = {
            "unit": self.unit, "min": self.min, "max": self.max, "why_high": self.why_high,
            "step": self.step, "default": self.default,
        }
        data.update({key: value for key, value in optional.items() if value not in (None, "")})
        if self.kind == "rate" and self.max_included:
            data["max_included"] = True
        if self.slider is not None:
            data["slider"] = list(self.slider)
        if self.options:
            data["options"] = dict(self.options)
        return data


class Fields(Mapping[str, Field]):
    """A tool's inputs by name, in the spec's order.

    Examples
    --------
    >>> fields = Fields([Field("years", "Years", help="years to count", kind="whole", min=1)])
    >>> fields.check(years=10)
    {'years': 10}
    >>> fields.check(yeras=10)
    Traceback (most recent call last):
    ...
    customer_focus.core.validation.InputError: yeras is not an input of this tool; its inputs...
    """

    def __init__(
        self, fields: list[Field], translations: Callable[[str], Fields | None] | None = None,
    ) -> None:
        self._fields = {field.name: field for field in fields}
        self._translations = translations

    def _speaking(self) -> dict[str, Field]:
        """The fields in the language the package speaks now: their labels, help and
        ``why_high`` from the language's twin when there is one (names, kinds and limits
        are the English's: :func:`load_fields`)."""
        code = current_language()
        translated = self._translations(code) if code and self._translations else None
        return translated._fields if translated is not None else self._fields

    def __getitem__(self, name: str) -> Field:
        return self._speaking()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def check(self, **values: object) -> dict[str, Any]:
        """Every value checked by its field; an unknown name is an ``InputError`` too."""
        checked, fields = {}, self._speaking()
        for name, value in values.items():
            if name not in fields:
                known = ", ".join(fields)
                message = _("{name} is not an input of this tool; its inputs are {known}.").format(
                    name=name, known=known)
                raise InputError(name, message)
            checked[name] = fields[name].check(value)
        return checked

    def checked(self, values: Mapping[str, object]) -> tuple[Any, ...]:
        """The values of ``values``, each checked by its field, in the mapping's order.

        Called first thing in a function as ``FIELDS.checked(locals())``, it
        checks every argument, in the order of the signature, by the field of
        the same name.

        Parameters
        ----------
        values : Mapping
            Input names and the values given for them.

        Returns
        -------
        tuple
            The checked values, in the order of ``values``.

        Raises
        ------
        InputError
            At the first value that is not valid, or whose name is not an
            input of the tool.

        Examples
        --------
        >>> fields = Fields([Field("years", "Years", help="years to count", kind="whole", min=1),
        ...                  Field("rate", "Rate", help="the rate", min=0)])
        >>> fields.checked({"years": 10, "rate": 2})
        (10, 2.0)
        """
        return tuple(self.check(**values).values())

    def check_rows(
        self, rows: Sequence[Mapping[str, Any]], names: Sequence[str], *,
        optional: Sequence[str] = (), item: str = "row",
    ) -> list[dict[str, Any]]:
        """Each row (a dict) with its values of ``names`` (and ``optional``, if present) checked.

        Other keys are kept. A bad value is an ``InputError`` naming the input
        and the row (``step 3: minutes must be 0 or more...``).

        Examples
        --------
        >>> fields = Fields([Field("minutes", "Minutes", "elapsed time", min=0)])
        >>> fields.check_rows([{"step": "Wait", "minutes": 30}], ["minutes"], item="step")
        [{'step': 'Wait', 'minutes': 30.0}]
        >>> fields.check_rows([{"minutes": -5}], ["minutes"], item="step")
        Traceback (most recent call last):
        ...
        customer_focus.core.validation.InputError: step 1: minutes must be 0 or more (elapsed...
        """
        plural = f"{item}s"
        if isinstance(rows, (str, bytes, Mapping)) or not rows:
            raise InputError(plural, _("{plural} must be a list with one dict per {item}.").format(
                plural=plural, item=item))
        checked = []
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, Mapping) or any(name not in row for name in names):
                raise InputError(plural, _("{item} {number} must be a dict with {names}.").format(
                    item=item, number=number, names=", ".join(names)))
            present = [*names, *(name for name in optional if name in row)]
            try:
                values = {name: self[name].check(row[name]) for name in present}
            except InputError as error:
                raise InputError(error.name, _("{item} {number}: {error}").format(
                    item=item, number=number, error=error)) from None
            checked.append({**row, **values})
        return checked

    def to_data(self) -> dict[str, dict[str, Any]]:
        """The fields as plain JSON-ready data, keyed by name."""
        return {name: field.to_data() for name, field in self._fields.items()}


def _bounds(data: Mapping, kind: str, where: str, problems: Problems) -> dict[str, Any]:
    """``min``, ``max``, ``max_included`` and ``step`` with the kind's defaults."""
    low, high = problems.number(data, "min", where), problems.number(data, "max", where)
    included = problems.flag(data, "max_included", where)
    if included is not None and kind != "rate":
        problems.add(data, "max_included", f"{where}: 'max_included' applies to rates only")
    if kind == "rate":
        low = 0.0 if low is None else low
        high = 1.0 if high is None else high
    elif kind == "whole":
        low = 1 if low is None else low
        for key, value in (("min", low), ("max", high)):
            if value is not None and value != int(value):
                problems.add(data, key, f"{where}: {key!r} must be a whole number, not {value!r}")
    if low is not None and high is not None and low >= high:
        problems.add(data, "max", f"{where}: 'max' ({high:g}) must be above 'min' ({low:g})")
    step = problems.number(data, "step", where)
    if step is not None and step <= 0:
        problems.add(data, "step", f"{where}: 'step' must be above 0, not {step:g}")
    return {
        "min": low, "max": high, "max_included": kind != "rate" or bool(included), "step": step,
    }


def _slider(
    data: Mapping, bounds: Mapping[str, Any], where: str, problems: Problems
) -> tuple[float, float] | None:
    value = data.get("slider")
    if value is None:
        return None
    numbers = isinstance(value, list) and len(value) == 2 and all(
        isinstance(end, (int, float)) and not isinstance(end, bool) for end in value
    )
    if not numbers or value[0] >= value[1]:
        problems.add(data, "slider", f"{where}: 'slider' must be [low, high], low first")
        return None
    low, high = bounds["min"], bounds["max"]
    outside = (low is not None and value[0] < low) or (high is not None and value[1] > high)
    if outside or (high is not None and not bounds["max_included"] and value[1] >= high):
        problems.add(data, "slider", f"{where}: 'slider' {list(value)} leaves the allowed range")
    return (value[0], value[1])


def _options(
    data: Mapping, kind: str, where: str, problems: Problems
) -> tuple[tuple[str, str], ...]:
    value = data.get("options")
    if kind != "choice":
        if value is not None:
            problems.add(data, "options", f"{where}: 'options' applies to a choice only")
        return ()
    if not isinstance(value, Mapping) or not value:
        problems.add(data, "options" if value is not None else None,
                     f"{where}: a choice needs 'options', a mapping from each value to its words")
        return ()
    options = []
    for option, words in value.items():
        if not isinstance(option, str) or not isinstance(words, str) or not words.strip():
            problems.add(value, option, f"{where}: option {option!r} needs its words, as text")
        else:
            options.append((option, words))
    return tuple(options)


def _read_field(name: str, data: Any, problems: Problems, where: str) -> Field | None:
    if not isinstance(data, Mapping):
        problems.add(data, None, f"{where}: must be a mapping with label, help and kind")
        return None
    problems.keys(data, _KEYS, where)
    label = problems.text(data, "label", where, required=True)
    meaning = problems.text(data, "help", where, required=True)
    kind = problems.text(data, "kind", where) or "number"
    if kind not in KINDS:
        kinds = ", ".join(KINDS)
        problems.add(data, "kind", f"{where}: 'kind' must be one of {kinds}, not {kind!r}")
        return None
    bounds = _bounds(data, kind, where, problems)
    slider = _slider(data, bounds, where, problems)
    options = _options(data, kind, where, problems)
    if label is None or meaning is None:
        return None
    field = Field(
        name, label, meaning, kind=kind, unit=problems.text(data, "unit", where) or "",
        why_high=problems.text(data, "why_high", where) or "", slider=slider, options=options,
        **bounds,
    )
    if "default" in data:
        try:
            field = replace(field, default=field.check(data["default"]))
        except ValueError as error:
            problems.add(data, "default", f"{where}: 'default': {error}")
    return field


def read_fields(data: Any, problems: Problems, *, where: str = "fields") -> Fields:
    """The fields described by ``data`` (the ``fields:`` mapping of a spec).

    Everything wrong is added to ``problems`` with its line; the fields that
    could be read are returned.

    Examples
    --------
    >>> found = Problems("spec.yml")
    >>> fields = read_fields({"years": {"label": "Years", "help": "years", "kind": "whole"}}, found)
    >>> fields["years"].min, found.found
    (1, [])
    """
    if not isinstance(data, Mapping) or not data:
        problems.add(data, None, f"{where}: must map each input's name to its label, help and kind")
        return Fields([])
    read = []
    for name, item in data.items():
        if not isinstance(name, str) or not name.isidentifier():
            problems.add(data, name, f"{where}: {name!r} must be a Python name, like discount_rate")
            continue
        field = _read_field(name, item, problems, f"{where}: {name}")
        if field is not None:
            read.append(field)
    return Fields(read)


def _twin(package: str, filename: str) -> tuple[dict[str, Any], str]:
    """The data of a tool's JSON twin shipped in ``package``, and its name for messages."""
    source = f"{package.replace('.', '/')}/{filename}"
    try:
        data = json.loads(resources.files(package).joinpath(filename).read_text("utf-8"))
    except (OSError, ValueError) as error:
        reason = f"cannot be read ({error}); run `python -m customer_focus specs`"
        problem = Problem(source, 1, reason)
        raise DataFileError([problem]) from None
    return (data if isinstance(data, dict) else {}), source


def read_twin(package: str, filename: str) -> dict[str, Any]:
    """The whole data of a tool's JSON twin shipped in ``package`` (what the page reads too),
    in the language the package speaks.

    While the package speaks a language (:mod:`customer_focus.core.messages`)
    whose twin is beside the English one (``<tool>.zh_TW.json``), that twin's
    data: the title, labels, help and headings in the reader's language; the
    names, kinds, limits, the example and the ``live:`` block are the
    English's, which the translation's twin copies.

    Raises
    ------
    DataFileError
        When the twin is missing or is not JSON.

    Examples
    --------
    >>> from customer_focus.core.messages import language
    >>> package = "customer_focus.tools.lifetime_value"
    >>> read_twin(package, "lifetime_value.json")["fields"]["retention"]["label"]
    'Retention rate'
    >>> with language("zh_TW"):
    ...     read_twin(package, "lifetime_value.json")["fields"]["retention"]["label"]
    '留存率'
    """
    code = current_language()
    if code and resources.files(package).joinpath(language_twin(filename, code)).is_file():
        filename = language_twin(filename, code)
    return _twin(package, filename)[0]


def load_fields(package: str, filename: str) -> Fields:
    """The fields of a tool's spec, from its JSON twin shipped in ``package``.

    ``calc.py`` calls this at import, with the standard library only: the twin
    is written from the YAML spec by ``python -m customer_focus specs``, and so
    is each translation's twin beside it (``<tool>.zh_TW.json``, from
    ``locales/zh_TW/tools/<tool>.yml``). While the package speaks a language
    (:mod:`customer_focus.core.messages`), the fields' labels, help and
    ``why_high`` are that twin's, so a message naming an input describes it in
    the reader's language.

    Raises
    ------
    DataFileError
        When the twin is missing or its fields are not valid.
    """
    data, source = _twin(package, filename)
    problems = Problems(source)
    fields = read_fields(data.get("fields"), problems)
    problems.raise_if_any()
    return Fields([fields[name] for name in fields],
                  translations=partial(_translated_fields, package, filename))


def language_twin(filename: str, code: str) -> str:
    """The name of a twin's translation: the spec in the language ``code`` (same folder).

    Examples
    --------
    >>> language_twin("lifetime_value.json", "zh_TW")
    'lifetime_value.zh_TW.json'
    """
    return filename.removesuffix(".json") + f".{code}.json"


@cache
def _translated_fields(package: str, filename: str, code: str) -> Fields | None:
    """The fields of a twin's translation in ``code``, or None when there is none."""
    name = language_twin(filename, code)
    if not resources.files(package).joinpath(name).is_file():
        return None
    data, source = _twin(package, name)
    problems = Problems(source)
    fields = read_fields(data.get("fields"), problems)
    problems.raise_if_any()
    return fields


def load_example(package: str, fields: Fields, filename: str) -> dict[str, Any]:
    """The worked example of a tool's spec (``example:``), from its JSON twin, checked.

    Each value is checked by its field, and so is each row of a table (a list of
    rows); a whole amount comes back as a whole number (``36000``, as the spec
    writes it, not ``36000.0``). While the
    package speaks a language whose twin is beside it (``<tool>.zh_TW.json``),
    the example's texts (a name, a step) are that twin's; its numbers and
    choices are the English's, as the translation gives only texts.

    Raises
    ------
    DataFileError
        When the twin is missing, or a value is not one of the fields or fails its check.

    Examples
    --------
    >>> package = "customer_focus.tools.lifetime_value"
    >>> load_example(package, load_fields(package, "lifetime_value.json"), "lifetime_value.json")
    {'margin': 100, 'retention': 0.8, 'discount_rate': 0.1, 'years': 10, 'timing': 'after_renewal'}
    """
    code = current_language()
    translated = language_twin(filename, code) if code else ""
    if translated and resources.files(package).joinpath(translated).is_file():
        filename = translated
    data, source = _twin(package, filename)
    example = data.get("example") or {}
    values = {name: value for name, value in example.items() if not isinstance(value, list)}
    try:
        checked: dict[str, Any] = _as_written(fields.check(**values))
        for name, rows in example.items():  # a table's rows, each checked by its fields
            if isinstance(rows, list):
                checked[name] = [_as_written(fields.check(**row)) for row in rows]
    except ValueError as error:
        raise DataFileError([Problem(source, 1, f"example: {error}")]) from None
    return {name: checked[name] for name in example}


def _as_written(values: Mapping[str, Any]) -> dict[str, Any]:
    """Checked values with a whole amount as a whole number (``36000``, not ``36000.0``)."""
    return {
        name: int(value) if isinstance(value, float) and value.is_integer() else value
        for name, value in values.items()
    }
