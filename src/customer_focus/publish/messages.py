"""The package's message catalogs: extracted from the code, merged, compiled, checked.

The words the package says (:mod:`customer_focus.core.messages`) are marked in
the code with ``_("...")`` (``N_("...")`` in a table kept for later,
``n_(singular, plural, count)`` for a count, ``Np_(singular, plural)`` for a counted
phrase declared before its count is known). Each area of the package is one
catalog (a gettext domain): a module's domain is ``tools.<tool>`` inside a
tool's folder, otherwise its area (``core``, ``tools``, ``course``,
``publish``, ``sphinxext``), and the module says it: ``_ = Messages("core")``.

``python -m customer_focus.publish.messages update [DOMAIN ...]`` (``make
translations``) reads the marked words of each domain's modules, merges them
into ``locale/<language>/LC_MESSAGES/<domain>.po`` (keeping every translation
already made; a changed English text turns its entry fuzzy; a new one is
empty) and compiles the ``.mo`` the package reads. ``check`` reports catalogs
out of step with the code or their ``.mo``, and exits 1.
"""

from __future__ import annotations

import argparse
import datetime
import io
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from customer_focus.core.languages import LANGUAGES
from customer_focus.core.messages import LOCALE

__all__ = [
    "KEYWORDS", "PACKAGE", "compiled", "domain_of", "domains", "merged", "problems", "template",
    "update",
]

#: The package's folder.
PACKAGE = LOCALE.parent
#: The marking functions and which of their arguments are messages (babel's keyword form).
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2), "Np_": (1, 2)}
#: The catalogs' header: the project, and one fixed date (a catalog changes only when its
#: messages do, so `make translations` leaves untouched catalogs byte for byte the same).
PROJECT = "customer-focus"
DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


def domain_of(path: Path) -> str:
    """The catalog of a module of the package, by its place.

    Examples
    --------
    >>> domain_of(PACKAGE / "tools" / "kano" / "calc.py")
    'tools.kano'
    >>> domain_of(PACKAGE / "tools" / "live.py"), domain_of(PACKAGE / "course" / "quiz" / "bank.py")
    ('tools', 'course')
    """
    parts = path.resolve().relative_to(PACKAGE).parts
    if parts[0] == "tools" and len(parts) > 2:
        return f"tools.{parts[1]}"
    return parts[0] if len(parts) > 1 else "package"


def _modules() -> list[Path]:
    return sorted(
        path for path in PACKAGE.rglob("*.py")
        if "__pycache__" not in path.parts and path.parent != PACKAGE
    )


def domains() -> list[str]:
    """Every domain with at least one marked message, sorted."""
    return sorted({domain_of(path) for path in _modules() if _marked(path)})


def _marked(path: Path) -> list[tuple[int, str | tuple[str, ...], list[str]]]:
    found = []
    for line, message, comments, _context in extract_from_file(
        "python", str(path), keywords=KEYWORDS, comment_tags=("Translators:",),
    ):
        found.append((line, message, comments))
    return found


def template(domain: str) -> Catalog:
    """The domain's messages as the code has them now (the ``.pot``)."""
    catalog = Catalog(project=PROJECT, fuzzy=False, creation_date=DATE, revision_date=DATE)
    for path in _modules():
        if domain_of(path) != domain:
            continue
        where = path.relative_to(PACKAGE.parent).as_posix()
        for line, message, comments in _marked(path):
            catalog.add(
                message, locations=[(where, line)], auto_comments=comments,
                flags=("python-brace-format",) if "{" in str(message) else (),
            )
    return catalog


def _po_path(language: str, domain: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{domain}.po"


def compiled(catalog: Catalog) -> bytes:
    """The ``.mo`` bytes of a catalog (what gettext reads); fuzzy entries left out."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _read(path: Path, language: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def merged(path: Path, pot: Catalog, language: str) -> Catalog:
    """The catalog at ``path`` (a new one when there is none) with the template ``pot``
    merged in: a new message empty, a changed one fuzzy, one gone dropped, every other
    translation kept."""
    if not path.exists():
        catalog = Catalog(locale=language, project=PROJECT, fuzzy=False, creation_date=DATE,
                          revision_date=DATE)
        catalog.update(pot)
        return catalog
    catalog = _read(path, language)
    catalog.update(pot, update_header_comment=False)
    catalog.obsolete.clear()
    return catalog


def update(domains_: Iterable[str], languages: Iterable[str] = LANGUAGES[1:]) -> list[Path]:
    """Merge each domain's messages into each language's catalog and compile it.

    Returns the files written.
    """
    written = []
    for domain in domains_:
        pot = template(domain)
        for language in languages:
            path = _po_path(language, domain)
            catalog = merged(path, pot, language)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                write_po(handle, catalog, width=100, omit_header=False, include_previous=True)
            mo = path.with_suffix(".mo")
            mo.write_bytes(compiled(_read(path, language)))
            written += [path, mo]
    return written


def problems(domains_: Iterable[str], languages: Iterable[str] = LANGUAGES[1:]) -> list[str]:
    """What is out of step: a message of the code missing from a catalog (or one the code
    no longer says), a ``.mo`` older than its ``.po``'s text. Empty when all is in step."""
    found = []
    for domain in domains_:
        wanted = {message.id for message in template(domain) if message.id}
        for language in languages:
            path = _po_path(language, domain)
            where = path.relative_to(PACKAGE.parent.parent).as_posix()
            if not path.exists():
                found.append(f"{where}: missing; run `make translations`")
                continue
            catalog = _read(path, language)
            have = {message.id for message in catalog if message.id}
            for message in sorted(map(str, wanted - have)):
                found.append(f"{where}: lacks {message[:60]!r} (the code says it): run "
                             "`make translations`, then translate it")
            for message in sorted(map(str, have - wanted)):
                found.append(f"{where}: has {message[:60]!r}, which the code no longer says: "
                             "run `make translations`")
            mo = path.with_suffix(".mo")
            if not mo.exists() or mo.read_bytes() != compiled(catalog):
                found.append(f"{where}: its .mo is not compiled from it: run "
                             "`python -m customer_focus.publish.messages update " + domain + "`")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m customer_focus.publish.messages")
    parser.add_argument("command", choices=("update", "check"))
    parser.add_argument("domain", nargs="*", help="catalogs to work on (default: all)")
    arguments = parser.parse_args(argv)
    chosen = arguments.domain or domains()
    if arguments.command == "update":
        here = Path.cwd()
        for path in update(chosen):
            print(f"wrote {path.relative_to(here) if path.is_relative_to(here) else path}")
        return 0
    found = problems(chosen)
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
