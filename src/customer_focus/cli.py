"""Command line: ``python -m customer_focus <command>``, or ``customer-focus <command>``.

Commands
--------
worksheets DIR [--force] [--language LANG]
    Copy the worksheets, the lab, the exercises and the sample data into the
    folder DIR, ready to open in Jupyter (the learner's kit,
    :mod:`customer_focus.publish.kit`). DIR must be new or empty, unless
    ``--force``. With ``--language zh_TW``, its README is in Traditional Chinese.
exercises [--check]
    Write ``exercises/`` from ``solutions/`` (or, with ``--check``, report
    where they differ and exit 1).
slides [--out DIR] [--language LANG]
    Write the reveal.js slide decks of book/instructors/decks.yml: one per Learn chapter,
    the opening-case poll and the scenario debrief (default: _build/slides); with
    ``--language zh_TW``, the zh-TW edition's decks, in Traditional Chinese.
handouts [--site DIR] [--out DIR]
    Print every handout of the workshop kit (book/instructors/kit.yml) of the
    built site to PDF on A4 and US Letter with Chromium, into DIR/a4 and
    DIR/letter (default: _build/html to dist/handouts).
scorm [--site DIR] [--out DIR]
    Build and validate the SCORM 1.2 and SCORM 2004 packages of the built
    book (default: _build/html to dist/).
specs [--check]
    Check every tool's spec (``tools/<tool>/<tool>.yml``) and its
    translations (``locales/<language>/tools/<tool>.yml``) and write its JSON
    twins (``<tool>.json``, and ``<tool>.zh_TW.json`` for each translation),
    which ``calc.py`` and the browser read, the translation's while the package
    speaks its language (or, with ``--check``, report twins that are out of
    date and exit 1). The live tools' archive ships them as committed.
quiz check
    Validate every question bank in ``book/quizzes/`` against the course map
    and ``references.bib``, and measure whether the keys give themselves
    away (:mod:`customer_focus.course.quiz.balance`): print ``file:line: problem``
    lines and every measure past its limit, and exit 1 on any.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .publish import exercises


def _exercises(arguments: argparse.Namespace) -> int:
    solutions, blanks = Path(arguments.solutions), Path(arguments.exercises)
    if not solutions.is_dir():
        print(
            f"error: {solutions} is not a folder; run this from the repository root.",
            file=sys.stderr,
        )
        return 2
    try:
        if arguments.check:
            problems = exercises.drift(solutions, blanks, root=Path.cwd())
            for problem in problems:
                print(problem, file=sys.stderr)
            if problems:
                print(
                    "Run `python -m customer_focus exercises` and commit exercises/.",
                    file=sys.stderr,
                )
                return 1
            print(f"{blanks}/ matches {solutions}/.")
            return 0
        for path in exercises.build_exercises(solutions, blanks, root=Path.cwd()):
            print(f"wrote {path}")
        return 0
    except exercises.MarkerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _worksheets(arguments: argparse.Namespace) -> int:
    from .publish import kit

    target = Path(arguments.folder)
    try:
        written = kit.write_worksheets(
            target, force=arguments.force, language=arguments.language or None
        )
    except (kit.KitError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    notebooks = sum(path.suffix == ".ipynb" for path in written)
    print(
        f"Wrote {notebooks} notebooks and their sample files into {target.resolve()}.\n"
        f"Open them with: jupyter lab {arguments.folder}"
    )
    return 0


def _quiz_check(arguments: argparse.Namespace) -> int:
    from .course.course_map import load_course_map
    from .course.quiz import BankError, balance_report, bibliography_keys, load_banks

    root = Path(arguments.root)
    folder, course_map, bib = (
        root / "book" / "quizzes",
        root / "book" / "course-map.yml",
        root / "references.bib",
    )
    for needed in (folder, course_map, bib):
        if not needed.exists():
            print(f"error: {needed} not found; run this from the repository root.", file=sys.stderr)
            return 2
    try:
        objectives = load_course_map(course_map).objectives
        quizzes = load_banks(
            folder, objectives=objectives, citations=bibliography_keys(bib), relative_to=root
        )
    except BankError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found.", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    count = sum(len(quiz.questions) for quiz in quizzes.values())
    print(f"{len(quizzes)} banks, {count} questions: all valid.")
    measures = [measure for measure in balance_report(quizzes.values()) if measure.total]
    print('Balance of the keys (limits in README.md, "Balanced keys"):')
    for measure in measures:
        print(f"  {'FAIL' if measure.failed else 'ok  '} {measure.message}")
    failed = [measure for measure in measures if measure.failed]
    for measure in failed:
        print(measure.message, file=sys.stderr)
    if failed:
        print(
            f"{len(failed)} balance problem(s): rewrite the items so that only understanding "
            'finds the key (README.md, "How to write a balanced item").',
            file=sys.stderr,
        )
        return 1
    print("The keys are balanced.")
    return 0


def _specs(arguments: argparse.Namespace) -> int:
    from .core.problems import DataFileError
    from .tools.spec import LANGUAGES, load_spec, spec_tools, twin_path, twin_text

    stale = []
    for tool in spec_tools():
        try:
            twins = {twin_path(tool, language): twin_text(load_spec(tool, language))
                     for language in LANGUAGES}
        except DataFileError as error:
            for problem in error.problems:
                print(problem, file=sys.stderr)
            return 1
        except FileNotFoundError as error:  # a translation not written yet
            print(error, file=sys.stderr)
            return 1
        for path, text in twins.items():
            if path.is_file() and path.read_text(encoding="utf-8") == text:
                continue
            stale.append(path)
            if not arguments.check:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path}")
    if arguments.check and stale:
        for path in stale:
            print(f"{path}: out of date with its YAML spec (or its translation)", file=sys.stderr)
        print("Run `python -m customer_focus specs` and commit the .json files.", file=sys.stderr)
        return 1
    print(f"{len(spec_tools())} tool spec(s) checked; JSON twins up to date.")
    return 0


def _publish(make: Callable[[], list[Path]], report: Callable[[list[Path]], str]) -> int:
    """Run a publishing command: print what it wrote, or its error (exit status 1)."""
    try:
        written = make()
    except (FileNotFoundError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(report(written))
    return 0


def _slides(arguments: argparse.Namespace) -> int:
    from .publish.slides import write_decks

    out = Path(arguments.out)
    return _publish(
        lambda: write_decks(Path.cwd(), out, language=arguments.language or None),
        lambda decks: f"Wrote {len(decks)} slide decks: {out.resolve() / 'index.html'}",
    )


def _handouts(arguments: argparse.Namespace) -> int:
    from .publish.workshop import print_handouts

    out = Path(arguments.out)
    return _publish(
        lambda: print_handouts(Path(arguments.site), out),
        lambda pdfs: f"Wrote {len(pdfs)} handouts to {out.resolve()}",
    )


def _scorm(arguments: argparse.Namespace) -> int:
    from .publish.scorm import main_build

    return _publish(
        lambda: main_build(Path.cwd(), Path(arguments.site), Path(arguments.out)),
        lambda packages: "\n".join(f"wrote {package} (manifest valid)" for package in packages),
    )


def _option(parser: argparse.ArgumentParser, name: str, default: str, what: str) -> None:
    parser.add_argument(name, default=default, help=f"{what} (default: {default})")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m customer_focus", description=__doc__.splitlines()[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    worksheets = commands.add_parser(
        "worksheets", help="copy the worksheets, exercises and sample data into a folder"
    )
    worksheets.add_argument("folder", metavar="DIR", help="a new or empty folder")
    worksheets.add_argument(
        "--force", action="store_true",
        help="write into a folder that holds files (replaces the course's notebooks there)",
    )
    _option(worksheets, "--language", "", "the README's language, such as zh_TW (default: English)")
    worksheets.set_defaults(run=_worksheets)
    build = commands.add_parser("exercises", help="write exercises/ from solutions/")
    build.add_argument("--check", action="store_true", help="report drift, write nothing")
    _option(build, "--solutions", "solutions", "solution notebooks")
    _option(build, "--exercises", "exercises", "exercise notebooks")
    build.set_defaults(run=_exercises)
    specs = commands.add_parser("specs", help="check the tools' specs and write their JSON twins")
    specs.add_argument("--check", action="store_true", help="report stale twins, write nothing")
    specs.set_defaults(run=_specs)
    slides = commands.add_parser(
        "slides", help="write the reveal.js decks (chapters, opening poll, scenario debrief)"
    )
    _option(slides, "--out", "_build/slides", "output folder")
    _option(slides, "--language", "", "the decks' language, such as zh_TW (default: English)")
    slides.set_defaults(run=_slides)
    handouts = commands.add_parser("handouts", help="print worksheets and forms to PDF")
    _option(handouts, "--site", "_build/html", "the built book")
    _option(handouts, "--out", "dist/handouts", "output folder")
    handouts.set_defaults(run=_handouts)
    scorm = commands.add_parser("scorm", help="build and validate the SCORM packages")
    _option(scorm, "--site", "_build/html", "the built book")
    _option(scorm, "--out", "dist", "output folder")
    scorm.set_defaults(run=_scorm)
    quiz = commands.add_parser("quiz", help="question bank tools")
    quiz_commands = quiz.add_subparsers(dest="quiz_command", required=True)
    check = quiz_commands.add_parser("check", help="validate every bank in book/quizzes")
    check.add_argument("--root", default=".", help="the repository folder (default: .)")
    check.set_defaults(run=_quiz_check)
    arguments = parser.parse_args(argv)
    return arguments.run(arguments)
