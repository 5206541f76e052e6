"""Small Sphinx sites for the tests: a page or two built with the course's extensions, in this
process or in a Sphinx of its own, and the exam fixture course in a zh-TW edition. Import it from
a test as ``from sphinx_site import build``.

A build in this process (:func:`build`) is quick and gives the Sphinx application to look into;
a build in a process of its own (:func:`sphinx_html`) is the one ``make book`` runs, warnings as
errors, and leaves nothing behind in this process's Sphinx (its registries, its parsers)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
#: The fixture course with an exam bank (``mode: exam``).
EXAM_COURSE = ROOT / "tests" / "fixtures" / "exam-course"


@dataclass
class Built:
    """A small site built in this process: the Sphinx application, the HTML folder and the
    build's warnings (Sphinx's own notes that an extension is registered again left out: every
    build in one process registers the course's extensions again)."""

    app: object
    out: Path
    warnings: str

    def page(self, name: str = "index") -> str:
        """The HTML of the built page ``name``."""
        return (self.out / f"{name}.html").read_text(encoding="utf-8")


def build(folder: Path, conf: str, pages: dict[str, str]) -> Built:
    """Build ``pages`` (file name: text) with ``conf`` (the text of ``conf.py``) as HTML, in this
    process: the sources in ``folder``/src (what a test put there first stays), the HTML in
    ``folder``/out, a fresh environment every time."""
    from sphinx.application import Sphinx

    source = folder / "src"
    source.mkdir(parents=True, exist_ok=True)
    (source / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in pages.items():
        (source / name).write_text(text, encoding="utf-8")
    warnings = folder / "warnings.txt"
    with warnings.open("w") as stream:
        app = Sphinx(str(source), str(source), str(folder / "out"), str(folder / "doctrees"),
                     "html", status=None, warning=stream, freshenv=True)
        app.build()
    ours = [line for line in warnings.read_text().splitlines() if "already registered" not in line]
    return Built(app, folder / "out", "\n".join(ours))


def sphinx_html(source: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    """Build ``source`` as HTML into ``out`` with ``python -m sphinx -W -q`` (and ``options``,
    such as ``--keep-going``) in a process of its own, with the repository's node_modules."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", *options, "-q", "-b", "html", str(source),
         str(out)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "CF_NODE_MODULES": str(ROOT / "node_modules")},
    )


def chinese_bank(bank) -> dict:
    """A translation of a quiz bank with every text in Chinese (the loader checks the ids)."""
    questions = []
    for question in bank.questions:
        item = {"id": question.id, "prompt": f"中文題目（{question.id}）",
                "explanation": "中文解說。"}
        if question.type == "true-false":
            item.update(if_true="選了「對」。", if_false="選了「錯」。")
        elif question.type == "numeric":
            item.update(if_correct="答對了。", if_incorrect="再算一次。")
            if question.mistakes:
                item["mistakes"] = [{"value": value, "feedback": "常見的錯誤。"}
                                    for value, _ in question.mistakes]
        else:
            item["options"] = [{"id": o.id, "text": f"選項{n + 1}", "feedback": f"回饋{n + 1}。"}
                               for n, o in enumerate(question.options)]
        questions.append(item)
    return {"quiz": {"id": bank.id, "title": f"中文小測驗（{bank.id}）"}, "questions": questions}


def chinese_exam_course(source: Path) -> Path:
    """The exam fixture course copied to ``source`` as a zh-TW edition: ``language = "zh_TW"``,
    each bank translated by :func:`chinese_bank`, and the course's late delivery scenario (with
    its translation) played on the knowledge check page. Returns ``source``."""
    from customer_focus.course.quiz.bank import load_bank

    shutil.copytree(EXAM_COURSE, source)
    with (source / "conf.py").open("a") as conf:
        conf.write('\nlanguage = "zh_TW"\n')
    for bank in sorted((source / "book/quizzes").glob("*.yml")):
        target = source / "locales/zh_TW/quizzes" / bank.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(chinese_bank(load_bank(bank)), allow_unicode=True),
                          encoding="utf-8")
    for folder in ("book/practice/scenarios", "locales/zh_TW/scenarios"):
        (source / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / folder / "late-delivery.yml", source / folder / "late-delivery.yml")
    page = source / "book/practice/knowledge-check.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + "\n## 情境演練\n\n```{scenario} late-delivery\n```\n", encoding="utf-8")
    return source
