"""The SCORM packages in a real SCORM runtime (scorm-again, as LMSs use it).

A harness page plays the LMS: it provides scorm-again's API as ``window.API``
(SCORM 1.2) or ``window.API_1484_11`` (SCORM 2004) and launches the package
in a frame. The test answers the knowledge check (some right, some wrong),
leaves, launches again with the stored data, finishes, and checks what the
runtime holds.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
import threading
import zipfile
from http.server import ThreadingHTTPServer

import pytest

from customer_focus import quiz
from customer_focus.scorm import VERSIONS

from .conftest import ROOT, SITE, _QuietHandler

pytestmark = pytest.mark.browser

BANK = quiz.load_bank(ROOT / "book/quizzes/knowledge-check.yml")
RUNTIME = {"1.2": ("scorm12.min.js", "Scorm12API", "API"), "2004": ("scorm2004.min.js", "Scorm2004API", "API_1484_11")}
HARNESS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<link rel="icon" href="data:,">
<script src="{script}"></script>
<script>
  window.{name} = new {cls}({{ autocommit: false, logLevel: 4 }});
  if (window.__savedCmi) {{ window.{name}.loadFromJSON(window.__savedCmi, "cmi"); }}
</script></head>
<body><iframe id="sco" title="course" src="../scorm-launch.html" style="width:1280px;height:900px"></iframe></body></html>
"""


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    out = tmp_path_factory.mktemp("scorm")
    result = subprocess.run(
        [sys.executable, "-m", "customer_focus", "scorm", "--site", str(SITE), "--out", str(out / "dist")],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    servers, urls = [], {}
    for version, (zip_name, _, _) in VERSIONS.items():
        folder = out / version
        with zipfile.ZipFile(out / "dist" / zip_name) as archive:
            archive.extractall(folder)
        script, cls, name = RUNTIME[version]
        (folder / "lms").mkdir()
        shutil.copy2(ROOT / "node_modules" / "scorm-again" / "dist" / script, folder / "lms" / script)
        (folder / "lms" / "harness.html").write_text(HARNESS.format(script=script, cls=cls, name=name))
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        urls[version] = f"http://127.0.0.1:{server.server_address[1]}"
    yield urls
    for server in servers:
        server.shutdown()


def _frames(page):
    sco = page.frame_locator("#sco")
    return sco, sco.frame_locator("#cf-content")


def _launch(visit, base, saved=None):
    visit.base = base
    if saved is not None:
        visit.page.add_init_script(f"window.__savedCmi = {json.dumps(saved)};")
    page = visit.open("lms/harness.html")
    _, book = _frames(page)
    book.locator("article h1").first.wait_for()
    return page


def _goto_knowledge_check(page):
    page.frame("sco") or None
    sco_frame = next(frame for frame in page.frames if frame.url.endswith("scorm-launch.html"))
    sco_frame.evaluate("document.getElementById('cf-content').src = 'book/practice/knowledge-check.html'")
    _, book = _frames(page)
    book.locator("section.cf-quiz").wait_for()
    return sco_frame, book


def _answer(book, question, right):
    fieldset = book.locator(f'fieldset[data-question="{question.id}"]')
    if question.type == "numeric":
        fieldset.locator("input").fill(f"{question.answer:g}" if right else "1")
    else:
        correct = [i for i, option in enumerate(question.options) if option.correct]
        wrong = next(i for i, option in enumerate(question.options) if not option.correct)
        for index in (correct if right else [wrong]):
            fieldset.locator(f"input[value='{index}']").check()
    fieldset.locator(".cf-check").click()
    fieldset.locator(".cf-feedback p").first.wait_for()


def _cmi(page, version):
    name = RUNTIME[version][2]
    return page.evaluate(f"JSON.parse(JSON.stringify(window.{name}.renderCMIToJSONObject()))")["cmi"]


def _what_the_lms_keeps(saved, version):
    """What an LMS hands back on the next launch: SCORM 1.2 interactions are write-only."""
    if version == "1.2":
        core = saved["core"]
        return {
            "suspend_data": saved["suspend_data"],
            "core": {"lesson_location": core["lesson_location"], "lesson_status": core["lesson_status"],
                     "entry": "resume", "score": core["score"]},
        }
    kept = {key: saved[key] for key in ("suspend_data", "location", "completion_status", "success_status", "score", "interactions")}
    kept["entry"] = "resume"
    return kept


def _last_error(page, version):
    name = RUNTIME[version][2]
    call = "GetLastError" if version == "2004" else "LMSGetLastError"
    return page.evaluate(f"String(window.{name}.{call}())")


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_lms_records_status_score_interactions_and_resumes(visit, packages, version):
    questions = list(BANK.questions)
    first, rest = questions[:10], questions[10:]
    wrong_first = {first[1].id, first[4].id}
    wrong_rest = {rest[2].id}

    # First launch: answer ten questions (two wrong), then leave.
    page = _launch(visit, packages[version])
    cmi = _cmi(page, version)
    if version == "1.2":
        assert cmi["core"]["lesson_status"] == "incomplete"
    else:
        assert cmi["completion_status"] == "incomplete"
    sco, book = _goto_knowledge_check(page)
    for question in first:
        _answer(book, question, right=question.id not in wrong_first)
    sco.evaluate("window.customerFocusScorm.finish()")
    saved = _cmi(page, version)
    assert _last_error(page, version) == "0"
    if version == "1.2":
        assert saved["core"]["lesson_status"] == "incomplete"
        assert saved["core"]["score"]["raw"] == "8" and saved["core"]["score"]["max"] == "16"
        assert saved["core"]["exit"] == "suspend"
        assert saved["core"]["lesson_location"] == "book/practice/knowledge-check.html"
        assert saved["core"]["session_time"] not in ("", "00:00:00")
    else:
        assert saved["completion_status"] == "incomplete"
        assert saved["score"]["raw"] == "8" and saved["score"]["scaled"] == "0.5"
        assert saved["exit"] == "suspend"
        assert saved["location"] == "book/practice/knowledge-check.html"
        assert saved["session_time"].startswith("PT")
    assert json.loads(saved["suspend_data"])["v"] == 1
    assert visit.problems() == []

    # Second launch, in a fresh browser, with what the LMS stored: the learner is back where they were.
    visit.page.context.clear_cookies()
    visit.page.evaluate("localStorage.clear()")
    page = _launch(visit, packages[version], saved=_what_the_lms_keeps(saved, version))
    _, book = _frames(page)
    book.locator("section.cf-quiz").wait_for()
    assert book.locator(".cf-quiz .cf-score").inner_text().startswith("Score: 8 of 16 (10 of 16 answered)")
    assert book.locator(f'fieldset[data-question="{first[0].id}"] .cf-feedback').inner_text().startswith("Correct.")
    for question in rest:
        _answer(book, question, right=question.id not in wrong_rest)
    sco = next(frame for frame in page.frames if frame.url.endswith("scorm-launch.html"))
    sco.evaluate("window.customerFocusScorm.finish()")
    final = _cmi(page, version)
    assert _last_error(page, version) == "0"

    interactions = final["interactions"]
    records = [interactions[key] for key in sorted(interactions, key=lambda k: int(k)) if key.isdigit()] if isinstance(interactions, dict) else interactions
    assert len(records) == 16
    by_id = {record["id"]: record for record in records}
    assert set(by_id) == {question.id for question in questions}
    wrong = wrong_first | wrong_rest
    correct_word, wrong_word = ("correct", "wrong") if version == "1.2" else ("correct", "incorrect")
    for question in questions:
        record = by_id[question.id]
        assert record["result"] == (wrong_word if question.id in wrong else correct_word)
        expected_type = {"single": "choice", "multiple": "choice", "true-false": "true-false", "numeric": "numeric"}[question.type]
        assert record["type"] == expected_type
        assert record["student_response" if version == "1.2" else "learner_response"] != ""
    # 13 of 16 = 81% against a mastery of 80%: passed
    if version == "1.2":
        assert final["core"]["lesson_status"] == "passed"
        assert final["core"]["score"]["raw"] == "13"
    else:
        assert final["completion_status"] == "completed"
        assert final["success_status"] == "passed"
        assert final["score"]["scaled"] == "0.8125"
    assert visit.problems() == []


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_failing_the_knowledge_check_is_reported(visit, packages, version):
    page = _launch(visit, packages[version])
    sco, book = _goto_knowledge_check(page)
    for number, question in enumerate(BANK.questions):
        _answer(book, question, right=number % 2 == 0)
    sco.evaluate("window.customerFocusScorm.finish()")
    final = _cmi(page, version)
    if version == "1.2":
        assert final["core"]["lesson_status"] == "failed"
    else:
        assert (final["completion_status"], final["success_status"]) == ("completed", "failed")
    assert _last_error(page, version) == "0"


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_outside_an_lms_the_launch_page_just_shows_the_book(visit, packages, version):
    visit.base = packages[version]
    page = visit.open("scorm-launch.html")
    book = page.frame_locator("#cf-content")
    book.locator("article h1").first.wait_for()
    assert page.evaluate("window.customerFocusScorm.connected()") is False
    assert visit.problems() == []
