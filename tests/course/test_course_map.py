"""The course map: chapters and learning objectives."""

from __future__ import annotations

import re

import pytest

from customer_focus.core.problems import DataFileError
from customer_focus.course.course_map import course_map_word, load_course_map

CHAPTER = "chapters:\n- {id: a, title: A, page: p}\n"


def test_course_map_lists_the_lifetime_value_objectives(root):
    course = load_course_map(root / "book/course-map.yml")
    ids = [objective.id for objective in course.objectives_of("lifetime-value")]
    assert "clv-calculate" in ids and "spc-links" in ids


def test_course_map_has_six_learn_chapters_and_the_apply_part(root):
    course = load_course_map(root / "book/course-map.yml")
    assert len(course.learn_chapters) == 6
    assert all(chapter.page.startswith("learn/") for chapter in course.learn_chapters.values())
    apply = course.chapters["apply"]
    assert (apply.part, apply.page) == ("apply", "apply/index")
    assert 4 <= len(course.objectives_of("apply")) <= 6


def test_every_chapter_page_exists_and_lists_its_objectives(root):
    course = load_course_map(root / "book/course-map.yml")
    for chapter in course.chapters.values():
        page = root / "book" / f"{chapter.page}.md"
        assert page.is_file(), f"{chapter.id}: no page {page}"
        if chapter.part == "learn":
            assert f"```{{learning-objectives}} {chapter.id}\n" in page.read_text(), page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("chapters: []\nobjectives: []", "needs a non-empty list under 'chapters'"),
        ("chapters:\n- {id: a, title: A, page: p, part: extras}\n"
         "objectives:\n- {id: x, chapter: a, text: t}",
         "chapter 'a' has part 'extras'; use one of learn, apply"),
        (f"{CHAPTER}- {{id: a, title: B, page: q}}\nobjectives:\n- {{id: x, chapter: a, text: t}}",
         "chapter id 'a' appears twice"),
        (f"{CHAPTER}objectives:\n- {{id: x, chapter: b, text: t}}",
         "names chapter 'b', which is not in the chapters list"),
        (f"{CHAPTER}objectives:\n- {{id: x, chapter: a}}", "objectives entry 1 is missing text"),
        ("chapters: [", r"map.yml:1: not valid YAML"),
    ],
)
def test_course_map_errors_name_the_problem(tmp_path, text, message):
    path = tmp_path / "map.yml"
    path.write_text(text)
    with pytest.raises(ValueError, match=message):
        load_course_map(path)


# The zh-TW edition: the translation laid over the English map.

#: Characters written only in Simplified Chinese (their Traditional forms differ).
SIMPLIFIED_ONLY = set(
    "们这为说对时会过还实现发经关点样后与业务产顾门见让从应开个长问题观认识语话读写买卖钱运动变"
    "调选择网络软视频质户设项资讯术"
)
ENGLISH_MAP = "book/course-map.yml"
CHINESE_MAP = "locales/zh_TW/course-map.yml"


def _translated(root):
    return load_course_map(root / ENGLISH_MAP), load_course_map(root / ENGLISH_MAP, "zh_TW")


def test_the_zh_tw_map_translates_every_title_and_objective_and_keeps_the_rest(root):
    english, chinese = _translated(root)
    assert list(chinese.chapters) == list(english.chapters)
    assert list(chinese.objectives) == list(english.objectives)
    for ident, chapter in chinese.chapters.items():
        assert (chapter.page, chapter.part) == (english.chapters[ident].page,
                                                english.chapters[ident].part)
        assert re.search(r"[\u4e00-\u9fff]", chapter.title), ident
    for ident, objective in chinese.objectives.items():
        assert objective.chapter == english.objectives[ident].chapter
        # Chinese sentences: no English words left, apart from names (SERVQUAL, NPS, Better...).
        words = re.findall(r"[A-Za-z]{2,}", objective.text)
        assert set(words) <= {"SERVQUAL", "NPS", "Better", "Worse", "R"}, (ident, words)
        assert objective.text.endswith("。"), ident
    assert chinese.chapters["lifetime-value"].title == "忠誠度如何帶動獲利"
    assert [o.id for o in chinese.objectives_of("apply")] == [
        o.id for o in english.objectives_of("apply")
    ]


def test_the_language_may_be_written_as_the_web_writes_it_and_english_is_the_file(root):
    english, chinese = _translated(root)
    assert load_course_map(root / ENGLISH_MAP, "zh-TW") == chinese
    assert load_course_map(root / ENGLISH_MAP, "en") == english
    assert load_course_map(root / ENGLISH_MAP, None) == english


def test_the_zh_tw_map_and_heading_are_in_traditional_characters_only(root):
    text = (root / CHINESE_MAP).read_text(encoding="utf-8")
    text += course_map_word("heading", "zh_TW")
    found = sorted(SIMPLIFIED_ONLY & set(text))
    assert not found, f"{CHINESE_MAP}: Simplified characters {''.join(found)}"


def test_the_zh_tw_map_uses_the_glossary_terms(root):
    """Where an English text uses a glossary term, its translation uses the glossary's Chinese
    (a term inside a longer one, such as "loyalty" in "customer loyalty", counts as the longer);
    the same check as every translation's (tests/translations/)."""
    from customer_focus.course.glossary import GLOSSARY_FILE, glossary_findings, load_glossary

    terms = load_glossary(root / GLOSSARY_FILE)
    english, chinese = _translated(root)
    pairs = [(chapter.title, chinese.chapters[ident].title)
             for ident, chapter in english.chapters.items()]
    pairs += [(objective.text, chinese.objectives[ident].text)
              for ident, objective in english.objectives.items()]
    missing = [f"{finding}: {translation}" for source, translation in pairs
               for finding in glossary_findings(source, translation, terms)]
    assert not missing, "\n".join(missing)


def test_the_chapter_titles_are_the_titles_of_the_translated_pages(root):
    """The pages' catalogs (one per page) translate each page's title, their first entry."""
    chinese = load_course_map(root / ENGLISH_MAP, "zh_TW")
    catalogs = root / "locales/zh_TW/LC_MESSAGES/book"
    if not catalogs.is_dir():
        pytest.skip("the pages' catalogs are not in this checkout")
    compared = 0
    for chapter in chinese.chapters.values():
        catalog = (catalogs / f"{chapter.page}.po").read_text(encoding="utf-8")
        first = re.search(r'^msgid "(.+)"\nmsgstr "(.*)"', catalog, re.MULTILINE)
        assert first is not None, f"{chapter.page}.po: no title"
        if first.group(2):  # an untranslated entry is the catalogs' completeness test's finding
            assert first.group(2) == chapter.title, chapter.id
            compared += 1
    if not compared:
        pytest.skip("the pages' catalogs do not translate the chapters' titles yet")


def test_the_heading_is_in_every_language_of_the_course():
    assert course_map_word("heading") == "By the end of this chapter you can:"
    assert course_map_word("heading", "zh_TW") == "學完本章，你將能夠："
    with pytest.raises(ValueError, match="no word 'footer'"):
        course_map_word("footer", "zh_TW")


ENGLISH = """\
chapters:
- {id: a, title: Alpha, page: learn/a}
- {id: b, title: Beta, page: learn/b}
objectives:
- {id: x, chapter: a, text: Do x.}
- {id: y, chapter: b, text: Do y.}
"""
GOOD = """\
chapters:
- id: a
  title: 甲
- id: b
  title: 乙
objectives:
- id: x
  text: 做 x。
- id: y
  text: 做 y。
"""


def _overlay(tmp_path, translation: str):
    (tmp_path / "book").mkdir()
    english = tmp_path / "book" / "course-map.yml"
    english.write_text(ENGLISH, encoding="utf-8")
    folder = tmp_path / "locales" / "zh_TW"
    folder.mkdir(parents=True)
    (folder / "course-map.yml").write_text(translation, encoding="utf-8")
    return load_course_map(english, "zh_TW")


def test_a_good_translation_is_laid_over_the_english_map(tmp_path):
    course = _overlay(tmp_path, GOOD)
    assert [c.title for c in course.chapters.values()] == ["甲", "乙"]
    assert [(o.chapter, o.text) for o in course.objectives_of("b")] == [("b", "做 y。")]
    assert course.chapters["a"].page == "learn/a"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("- id: y\n  text: 做 y。\n", ""),
         r"course-map.yml:7: objective 'y' of .*book/course-map.yml is missing; translate it"),
        (("- id: b\n  title: 乙\n", "- id: b\n  title: 乙\n- id: c\n  title: 丙\n"),
         r"course-map.yml:6: chapter 'c' is not in .*; remove it or correct the id"),
        (("  title: 乙\n", ""),
         r"course-map.yml:4: chapter 'b': missing 'title' \(the English has it; translate it\)"),
        (("  text: 做 x。\n", "  text: 做 x。\n  chapter: a\n"),
         r"course-map.yml:9: objective 'x': unknown key 'chapter' \(known keys: id, text\)"),
        (("  title: 甲\n", "  title: [甲]\n"),
         r"course-map.yml:3: chapter 'a': 'title' must be text \(in quotes\), not a list"),
        (("  text: 做 y。\n", "  text: 2\n"),
         r"course-map.yml:10: objective 'y': 'text' must be text \(in quotes\), not a number"),
        (("  text: 做 y。\n", "  text: ''\n"),
         r"course-map.yml:10: objective 'y': 'text' is empty; translate it"),
        (("- id: x\n  text: 做 x。\n- id: y\n  text: 做 y。\n",
          "- id: y\n  text: 做 y。\n- id: x\n  text: 做 x。\n"),
         r"course-map.yml:7: objective 'y' is out of order; keep the order of"),
        (("- id: a\n", "- name: a\n"), r"course-map.yml:2: chapters entry 1 needs the 'id'"),
        (("objectives:\n", "goals:\n"), r"course-map.yml:6: course map: unknown key 'goals'"),
        (("objectives:\n", "goals:\n"), r"course-map.yml:1: 'objectives:' is missing; it must"),
        (("  title: 乙\n", "  title: no\n"),
         r"yml:5: chapter 'b': 'title' must be .* true or false"),
        (("  title: 乙\n", "  title: 乙\n- id: b\n  title: 乙\n"),
         r"course-map.yml:6: chapter 'b' is translated twice"),
    ],
)
def test_a_translation_s_problems_are_named_at_their_line(tmp_path, change, message):
    old, new = change
    assert old in GOOD
    with pytest.raises(DataFileError, match=message):
        _overlay(tmp_path, GOOD.replace(old, new, 1))


def test_every_problem_of_a_translation_is_reported_together(tmp_path):
    text = GOOD.replace("  title: 乙\n", "").replace("- id: y\n  text: 做 y。\n", "")
    with pytest.raises(DataFileError) as caught:
        _overlay(tmp_path, text)
    assert [problem.line for problem in caught.value.problems] == [4, 6]


def test_a_language_without_a_translation_says_where_to_write_it(tmp_path):
    english = tmp_path / "book" / "course-map.yml"
    english.parent.mkdir()
    english.write_text(ENGLISH, encoding="utf-8")
    with pytest.raises(ValueError, match=r"locales/fr/course-map.yml: no translation of the "
                       r"course map for the language 'fr'"):
        load_course_map(english, "fr")
