"""Public data sets used by the course's advanced labs, read from where they are installed.

The CDNOW data are the purchase records of customers of the online music
retailer CDNOW who made their first purchase there in the first quarter of
1997, followed to the end of June 1998. Peter Fader and Bruce Hardie made them
available with their work on "buy 'til you die" models, among them Fader,
Hardie & Lee (2005), "'Counting Your Customers' the Easy Way: An Alternative to
the Pareto/NBD Model", *Marketing Science* 24(2), 275–284, and Fader, Hardie &
Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis",
*Journal of Marketing Research* 42(4), 415–430.

The course does not copy the data: it reads the text files that ship with the
``lifetimes`` package (``pip install lifetimes``). Only the files are read;
the ``lifetimes`` modules are never imported (locating a top-level package
with :func:`importlib.util.find_spec` does not run it).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path

import pandas as pd

from ...core.messages import N_, Messages

_ = Messages("tools.lab")

__all__ = ["cdnow_sample", "cdnow_master", "lifetimes_data_file", "CDNOW_CITATION"]

#: How the notebooks and docstrings credit the CDNOW data.
CDNOW_CITATION = (
    "CDNOW data made available by Peter Fader and Bruce Hardie; see Fader, Hardie & Lee (2005), "
    "\"'Counting Your Customers' the Easy Way\", Marketing Science 24(2), 275-284."
)

_INSTALL_HINT = N_(
    "The CDNOW files ship with the Python package 'lifetimes'. Install it with `pip install "
    "lifetimes` (in a notebook: `%pip install lifetimes`), then run this again."
)


def _package_folder() -> Path | None:
    """The installed ``lifetimes`` folder, found without importing the package."""
    spec = importlib.util.find_spec("lifetimes")  # a top-level spec: the package is not executed
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            folder = Path(location)
            if folder.is_dir():
                return folder
    try:
        distribution = importlib.metadata.distribution("lifetimes")
    except importlib.metadata.PackageNotFoundError:
        return None
    folder = Path(str(distribution.locate_file("lifetimes")))
    return folder if folder.is_dir() else None


def lifetimes_data_file(name: str) -> Path:
    """Path of a data file in the installed ``lifetimes`` package's ``datasets`` folder.

    Parameters
    ----------
    name : str
        File name, such as ``"CDNOW_sample.txt"``.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ModuleNotFoundError
        When ``lifetimes`` is not installed (the message says how to install it).
    FileNotFoundError
        When the package is installed but the file is not in it.

    Examples
    --------
    >>> lifetimes_data_file("CDNOW_sample.txt").name  # doctest: +SKIP
    'CDNOW_sample.txt'
    """
    folder = _package_folder()
    if folder is None:
        raise ModuleNotFoundError(
            _("{name}: the package 'lifetimes' is not installed. {hint}").format(
                name=name, hint=_(_INSTALL_HINT))
        )
    path = folder / "datasets" / name
    if not path.is_file():
        raise FileNotFoundError(_(
            "{name}: not found in the installed 'lifetimes' package ({folder}). "
            "Reinstall it with `pip install --force-reinstall lifetimes`."
        ).format(name=name, folder=folder / "datasets"))
    return path


def _read_cdnow(name: str, columns: list[str], header_lines: int) -> pd.DataFrame:
    path = lifetimes_data_file(name)
    table = pd.read_csv(
        path,
        sep=r"\s+",
        header=None,
        names=columns,
        skiprows=header_lines,
        dtype={"date": str},
        engine="c",
    )
    table["date"] = pd.to_datetime(table["date"], format="%Y%m%d")
    table["customer_id"] = table["customer_id"].astype("int64")
    table.attrs["source"] = name
    table.attrs["first_line"] = header_lines + 1
    table.attrs["line_word"] = "line"
    return table


def cdnow_sample() -> pd.DataFrame:
    """The CDNOW sample: 6,919 purchases by 2,357 customers, January 1997 to June 1998.

    A one-in-ten sample of the customers who made their first purchase at
    CDNOW in the first quarter of 1997, with every purchase they made up to
    30 June 1998. The data were made available by Peter Fader and Bruce
    Hardie and are the example of Fader, Hardie & Lee (2005), "'Counting Your
    Customers' the Easy Way: An Alternative to the Pareto/NBD Model",
    *Marketing Science* 24(2), and of their "RFM and CLV: Using Iso-Value
    Curves for Customer Base Analysis", *Journal of Marketing Research* 42(4).

    The file is read from the installed ``lifetimes`` package
    (``lifetimes/datasets/CDNOW_sample.txt``) without importing it.

    Returns
    -------
    pandas.DataFrame
        One row per purchase record, in file order, with the columns
        ``customer_id`` (the customer's number in the full data set),
        ``sample_id`` (1 to 2,357 within the sample), ``date`` (a timestamp),
        ``cds`` (number of CDs bought) and ``amount`` (dollars spent).
        ``attrs`` name the file so that later checks can cite its lines.

    Raises
    ------
    ModuleNotFoundError
        When ``lifetimes`` is not installed; the message says
        ``pip install lifetimes``.

    Examples
    --------
    >>> log = cdnow_sample()  # doctest: +SKIP
    >>> log["customer_id"].nunique()  # doctest: +SKIP
    2357
    """
    return _read_cdnow("CDNOW_sample.txt", ["customer_id", "sample_id", "date", "cds", "amount"], 0)


def cdnow_master() -> pd.DataFrame:
    """The full CDNOW data: 69,659 purchases by 23,570 customers (see :func:`cdnow_sample`).

    Every customer who made a first purchase at CDNOW in the first quarter of
    1997, followed to 30 June 1998 (Fader & Hardie; see the module docstring).
    Read from ``lifetimes/datasets/CDNOW_master.txt`` in the installed
    ``lifetimes`` package.

    Returns
    -------
    pandas.DataFrame
        Columns ``customer_id``, ``date``, ``cds`` and ``amount``.

    Raises
    ------
    ModuleNotFoundError
        When ``lifetimes`` is not installed.

    Examples
    --------
    >>> len(cdnow_master())  # doctest: +SKIP
    69659
    """
    return _read_cdnow("CDNOW_master.txt", ["customer_id", "date", "cds", "amount"], 1)
