"""The workshop kit's list (kit.yml), and its publishing: only what changed is redone.

The printing itself (Chromium) is tested on the built site in
``tests/browser/test_workshop_kit.py``; here a stand-in printer records what it
is asked to print.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from customer_focus.core.problems import DataFileError
from customer_focus.publish.workshop import SITE_FOLDER, load_kit, publish_kit

ROOT = Path(__file__).resolve().parents[2]

KIT = """\
title: Workshop kit
zip: workshop-kit.zip
readme: What is in the kit.
handouts:
  - heading: Forms
    pages: book/forms/*-form
  - heading: Handouts
    pages: [book/handouts/plan]
decks: false
"""


def make_course(tmp_path: Path, kit: str = KIT) -> tuple[Path, Path]:
    """A course with a kit.yml and a built site of three pages."""
    root = tmp_path / "course"
    (root / "book" / "instructors").mkdir(parents=True)
    (root / "_toc.yml").write_text("root: index\n")
    (root / "book" / "instructors" / "kit.yml").write_text(kit)
    site = root / "_build" / "html"
    for name in ("index", "book/forms/a-form", "book/forms/b-form", "book/handouts/plan"):
        page = site / f"{name}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        depth = "../" * name.count("/")
        page.write_text(f'<link rel="stylesheet" href="{depth}_static/style.css"><h1>{name}</h1>')
    (site / "_static").mkdir()
    (site / "_static" / "style.css").write_text("body { color: black }")
    return root, site


class Printer:
    """Writes a small PDF-like file for each job and records the jobs."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def __call__(self, site: Path, jobs: dict) -> list[Path]:
        self.calls.append(jobs)
        for page, targets in jobs.items():
            for paper, target in targets.items():
                target.write_bytes(f"%PDF {page} {paper} {(site / page).read_text()}".encode())
        return [target for targets in jobs.values() for target in targets.values()]


def docnames(site: Path) -> list[str]:
    return [p.relative_to(site).with_suffix("").as_posix() for p in site.rglob("*.html")]


def test_the_course_kit_lists_the_worksheets_and_forms():
    kit = load_kit(ROOT)
    headings = [group.heading for group in kit.groups]
    assert "Worksheets" in headings and "Printable forms" in headings
    assert kit.zip_name.endswith(".zip")


def test_publishing_prints_each_page_on_both_papers_and_zips_everything(tmp_path):
    root, site = make_course(tmp_path)
    printer = Printer()
    files = publish_kit(site, root, root / "_build/.cache/kit", docnames(site), printer=printer)
    assert set(printer.calls[0]) == {"book/forms/a-form.html", "book/forms/b-form.html",
                                     "book/handouts/plan.html"}
    assert files.printed == 6
    assert files.handouts == [
        f"{SITE_FOLDER}/handouts/{paper}/{name}.pdf"
        for name in ("a-form", "b-form", "plan") for paper in ("a4", "letter")
    ]
    archive = zipfile.ZipFile(site / files.zip)
    assert sorted(archive.namelist()) == sorted(
        ["workshop-kit/README.txt"]
        + [f"workshop-kit/{name.removeprefix(SITE_FOLDER + '/')}" for name in files.handouts]
    )
    assert archive.read("workshop-kit/README.txt") == b"What is in the kit."


def test_a_build_with_no_change_prints_nothing_and_a_changed_page_is_printed_again(tmp_path):
    root, site = make_course(tmp_path)
    cache = root / "_build/.cache/kit"
    printer = Printer()
    publish_kit(site, root, cache, docnames(site), printer=printer)
    zip_before = (site / SITE_FOLDER / "workshop-kit.zip").read_bytes()
    again = publish_kit(site, root, cache, docnames(site), printer=printer)
    assert again.printed == 0 and len(printer.calls) == 1
    assert (site / SITE_FOLDER / "workshop-kit.zip").read_bytes() == zip_before

    page = site / "book/forms/b-form.html"
    page.write_text(page.read_text().replace("</h1>", ", corrected</h1>"))
    changed = publish_kit(site, root, cache, docnames(site), printer=printer)
    assert list(printer.calls[-1]) == ["book/forms/b-form.html"] and changed.printed == 2
    assert b"corrected" in (site / SITE_FOLDER / "handouts/a4/b-form.pdf").read_bytes()
    with zipfile.ZipFile(site / SITE_FOLDER / "workshop-kit.zip") as archive:
        assert b"corrected" in archive.read("workshop-kit/handouts/letter/b-form.pdf")

    # A changed stylesheet changes how every page that loads it prints.
    (site / "_static/style.css").write_text("body { color: navy }")
    publish_kit(site, root, cache, docnames(site), printer=printer)
    assert len(printer.calls[-1]) == 3


def test_a_page_taken_off_the_list_leaves_the_site(tmp_path):
    root, site = make_course(tmp_path)
    cache = root / "_build/.cache/kit"
    publish_kit(site, root, cache, docnames(site), printer=Printer())
    kit = KIT.replace("[book/handouts/plan]", "[book/forms/a-form]")
    (root / "book/instructors/kit.yml").write_text(kit)
    publish_kit(site, root, cache, docnames(site), printer=Printer())
    printed = sorted(p.name for p in (site / SITE_FOLDER / "handouts/a4").iterdir())
    assert printed == ["a-form.pdf", "b-form.pdf"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("book/forms/*-form", "book/form/*-form"),
         "kit.yml:6: 'book/form/*-form' matches no page"),
        (("heading: Forms", "headline: Forms"),
         "kit.yml:5: handouts: group 1: unknown key 'headline'"),
        (("zip: workshop-kit.zip", "zip: kit/workshop.tar"),
         "kit.yml:2: kit: 'zip' must be a file name ending in .zip"),
        (("decks: false", "decks: maybe"),
         "kit.yml:9: kit: 'decks' must be true or false"),
        (("[book/handouts/plan]", "[]"),
         "kit.yml:8: handouts: group 2: 'pages' must be a page's path"),
    ],
)
def test_a_mistake_in_the_kit_list_is_reported_at_its_line(tmp_path, change, message):
    root, site = make_course(tmp_path, KIT.replace(*change))
    with pytest.raises(DataFileError) as error:
        load_kit(root).handouts(docnames(site))
    assert message in str(error.value).replace(str(root / "book/instructors") + "/", "")


def test_two_handouts_with_one_file_name_are_reported(tmp_path):
    kit = KIT.replace("[book/handouts/plan]", "[book/handouts/plan, book/plan]")
    root, site = make_course(tmp_path, kit)
    (site / "book/plan.html").write_text("<h1>Another plan</h1>")
    with pytest.raises(DataFileError, match="would both print to plan.pdf"):
        load_kit(root).handouts(docnames(site))


def test_an_edition_in_a_folder_of_the_site_prints_its_own_pages_with_the_site_served(tmp_path):
    """The zh-TW edition: its pages in site/zh-TW/ load shared files above it, so the printer
    serves the whole site; its kit has the translation's words and goes into its own folder."""
    root, site = make_course(tmp_path)
    (root / "locales/zh_TW").mkdir(parents=True)
    (root / "locales/zh_TW/kit.yml").write_text(
        "title: 工作坊教材包\nreadme: 教材包裡有什麼。\nhandouts:\n"
        "  - heading: 表單\n  - heading: 講義\n", encoding="utf-8")
    edition = site / "zh-TW"
    for name in ("index", "book/forms/a-form", "book/forms/b-form", "book/handouts/plan"):
        page = edition / f"{name}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<h1>中文 {name}</h1>", encoding="utf-8")
    calls = []

    def printer(served: Path, jobs: dict, **options) -> list[Path]:
        calls.append((served, options))
        return Printer()(served, jobs)

    files = publish_kit(edition, root, root / "_build/zh-TW/.cache/kit", docnames(edition),
                        printer=printer, language="zh_TW", served=site)
    assert calls == [(site, {"language": "zh_TW"})]
    pdf = edition / SITE_FOLDER / "handouts/a4/a-form.pdf"
    assert pdf.read_bytes().startswith(b"%PDF zh-TW/book/forms/a-form.html a4")
    assert "中文" in pdf.read_bytes().decode("utf-8")
    archive = zipfile.ZipFile(edition / files.zip)
    assert archive.read("workshop-kit/README.txt").decode("utf-8") == "教材包裡有什麼。"
    assert not (site / SITE_FOLDER).exists()
    assert [group.heading for group in load_kit(root, "zh_TW").groups] == ["表單", "講義"]
