"""The SCORM packages in a real SCORM runtime (scorm-again), seeded as an LMS seeds it.

A harness page plays the LMS: it creates scorm-again's API as ``window.API``
(SCORM 1.2) or ``window.API_1484_11`` (SCORM 2004), loads what an LMS hands a
SCO before it starts (the learner's id and name, credit mode ``credit``, entry
``ab-initio`` or ``resume``, and the mastery score READ FROM THE BUILT
PACKAGE'S MANIFEST: 1.2 ``cmi.student_data.mastery_score`` from
``adlcp:masteryscore``, 2004 ``cmi.scaled_passing_score`` from
``imsss:minNormalizedMeasure``), then launches the package in a frame.

SCORM 1.2's runtime is created with ``mastery_override: true``: on LMSFinish,
scorm-again then sets ``lesson_status`` itself, to passed when
``score.raw >= mastery_score`` and failed otherwise, whatever the SCO said, as
Moodle does with "mastery score overrides status" (its default). scorm-again
turns it on by default too; the harness says so explicitly. A package whose
raw score is not a percent fails every learner there: the tests below check
that the package's verdict and the LMS's agree. SCORM 2004's runtime always
judges ``score.scaled`` against ``scaled_passing_score`` on Terminate.

Two packages are tested: the course's (whatever mode its knowledge check has)
and the fixture course's (tests/fixtures/exam-course), whose knowledge check
is an exam bank drawing 16 of 35 items.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from customer_focus.course import quiz
from customer_focus.course.course_map import load_course_map
from customer_focus.course.scenario import load as load_scenario
from customer_focus.course.scenario.model import all_paths
from customer_focus.publish.scorm import VERSIONS, build_package, validate_package

from .conftest import ROOT, SITE, serve
from .quiz_pages import fieldset, fill, orders, ready, shown, take

pytestmark = pytest.mark.browser

RUNTIME = {"1.2": ("scorm12.min.js", "Scorm12API", "API"), "2004": ("scorm2004.min.js", "Scorm2004API", "API_1484_11")}
HARNESS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<link rel="icon" href="data:,">
<script src="{script}"></script>
<script>
  // What an LMS does before it launches a SCO: create the runtime with its settings, load the learner's data.
  window.{name} = new {cls}({{ autocommit: false, logLevel: 4, mastery_override: true }});
  window.{name}.loadFromJSON(window.__lmsCmi, "cmi");
</script></head>
<body><iframe id="sco" title="course" src="../scorm-launch.html" style="width:1280px;height:900px"></iframe></body></html>
"""
CHECK_PAGE = "book/practice/knowledge-check.html"
SITES = ("course", "exam-fixture")
LIMIT = 4096


def _bank(site):
    folder = ROOT / ("book" if site == "course" else "tests/fixtures/exam-course/book")
    course = load_course_map(folder / "course-map.yml")
    bank = quiz.load_bank(folder / "quizzes/knowledge-check.yml", objectives=course.objectives)
    return {question.id: question for question in bank.questions}


@pytest.fixture(scope="module")
def packages(tmp_path_factory, exam_site):
    """Both versions of both packages, unzipped next to a harness page, served: {(site, version): (url, manifest)}."""
    out = tmp_path_factory.mktemp("scorm")
    result = subprocess.run(
        [sys.executable, "-m", "customer_focus", "scorm", "--site", str(SITE), "--out", str(out / "course")],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    servers, found = [], {}
    for version, (zip_name, _, _) in VERSIONS.items():
        fixture_zip = build_package(exam_site.html, version, out / "exam-fixture", root=exam_site.source,
                                    node_modules=ROOT / "node_modules")
        assert validate_package(fixture_zip, version, node_modules=ROOT / "node_modules") == []
        for site in SITES:
            folder = out / f"{site}-{version}"
            with zipfile.ZipFile(out / site / zip_name) as archive:
                archive.extractall(folder)
            script, cls, name = RUNTIME[version]
            (folder / "lms").mkdir()
            shutil.copy2(ROOT / "node_modules" / "scorm-again" / "dist" / script, folder / "lms" / script)
            (folder / "lms" / "harness.html").write_text(HARNESS.format(script=script, cls=cls, name=name))
            server, url = serve(folder)
            servers.append(server)
            found[(site, version)] = (url, (folder / "imsmanifest.xml").read_text(encoding="utf-8"))
    yield found
    for server in servers:
        server.shutdown()


def mastery(manifest: str, version: str) -> str:
    """The mastery score as the manifest gives it to the LMS."""
    tag = "adlcp:masteryscore" if version == "1.2" else "imsss:minNormalizedMeasure"
    return re.search(rf"<{tag}>([^<]+)</{tag}>", manifest).group(1)


def seed(manifest: str, version: str, *, entry: str = "ab-initio", kept: dict | None = None) -> dict:
    """What the LMS loads before launch: learner, credit, entry, mastery, and what it kept from before."""
    if version == "1.2":
        data = {"core": {"student_id": "learner-042", "student_name": "Rivera, Ana", "credit": "credit",
                         "lesson_mode": "normal", "entry": entry},
                "student_data": {"mastery_score": mastery(manifest, version)}}
        for key, value in (kept or {}).items():
            if key == "core":
                data["core"].update(value)
            else:
                data[key] = value
        return data
    data = {"learner_id": "learner-042", "learner_name": "Rivera, Ana", "credit": "credit", "mode": "normal",
            "entry": entry, "scaled_passing_score": mastery(manifest, version)}
    data.update(kept or {})
    return data


def kept_by_the_lms(cmi: dict, version: str) -> dict:
    """What an LMS hands back on the next launch (SCORM 1.2 interactions are write-only)."""
    if version == "1.2":
        core = cmi["core"]
        return {"suspend_data": cmi["suspend_data"],
                "core": {"lesson_location": core["lesson_location"], "lesson_status": core["lesson_status"], "score": core["score"]}}
    return {key: cmi[key] for key in ("suspend_data", "location", "completion_status", "success_status", "score")}


def choose(scope, edition: str | None) -> bool:
    """Answer the launch page's question (scope: the launch page or its frame); False when it asks none."""
    scope.locator("#cf-choose:not([hidden]), #cf-content:not([hidden])").first.wait_for()
    if not scope.locator("#cf-choose").is_visible():
        return False
    scope.get_by_role("button", name=edition or "English", exact=True).click()
    return True


def launch(visit, packages, site, version, *, entry="ab-initio", kept=None, edition="English"):
    url, manifest = packages[(site, version)]
    visit.base = url
    visit.page.add_init_script(f"window.__lmsCmi = {json.dumps(seed(manifest, version, entry=entry, kept=kept))};")
    page = visit.open("lms/harness.html")
    choose(page.frame_locator("#sco"), edition)
    book = page.frame_locator("#sco").frame_locator("#cf-content")
    book.locator("article h1").first.wait_for()
    return page, book


def sco(page):
    return next(frame for frame in page.frames if frame.url.endswith("scorm-launch.html"))


def goto(page, path):
    """Open ``path`` in the launch page's content frame and wait until that page (not the one
    before it) has loaded and its quizzes are ready and laid out."""
    launcher = sco(page)
    launcher.evaluate(f"document.getElementById('cf-content').src = {json.dumps(path)}")
    launcher.wait_for_function(
        """path => { const doc = document.getElementById('cf-content').contentDocument;
                     return !!doc && doc.location.pathname.endsWith('/' + path)
                       && doc.readyState === 'complete'; }""", arg=path)
    return ready(page.frame_locator("#sco").frame_locator("#cf-content"))


def cmi(page, version):
    name = RUNTIME[version][2]
    return page.evaluate(f"JSON.parse(JSON.stringify(window.{name}.renderCMIToJSONObject()))")["cmi"]


def last_error(page, version):
    name = RUNTIME[version][2]
    call = "GetLastError" if version == "2004" else "LMSGetLastError"
    return page.evaluate(f"String(window.{name}.{call}())")


def finish(page):
    sco(page).evaluate("window.customerFocusScorm.finish()")


def records(final):
    interactions = final["interactions"]
    if isinstance(interactions, dict):
        return [interactions[key] for key in sorted((k for k in interactions if k.isdigit()), key=int)]
    return interactions


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_all_right_is_passed_with_a_percent_score_and_interactions(visit, packages, site, version):
    questions = _bank(site)
    page, _ = launch(visit, packages, site, version)
    start = cmi(page, version)
    assert (start["core"]["lesson_status"] if version == "1.2" else start["completion_status"]) == "incomplete"
    book = goto(page, CHECK_PAGE)
    asked = take(book, questions, lambda qid: True)
    finish(page)
    final = cmi(page, version)
    assert last_error(page, version) == "0"
    if version == "1.2":
        assert final["student_data"]["mastery_score"] == "80"
        assert final["core"]["lesson_status"] == "passed"
        assert (final["core"]["score"]["raw"], final["core"]["score"]["min"], final["core"]["score"]["max"]) == ("100", "0", "100")
        assert final["core"]["exit"] == "suspend"
    else:
        assert final["scaled_passing_score"] == "0.80"
        assert (final["completion_status"], final["success_status"]) == ("completed", "passed")
        assert (final["score"]["scaled"], final["score"]["raw"], final["score"]["max"]) == ("1", "100", "100")
        assert final["exit"] == "suspend"
    by_id = {record["id"]: record for record in records(final)}
    assert list(by_id) == asked
    for qid in asked:
        question, record = questions[qid], by_id[qid]
        assert record["result"] == "correct"
        response = record["student_response" if version == "1.2" else "learner_response"]
        pattern = record["correct_responses"]["0"]["pattern"] if isinstance(record["correct_responses"], dict) else record["correct_responses"][0]["pattern"]
        separator = "," if version == "1.2" else "[,]"
        if question.type in ("single", "multiple"):
            right = separator.join(option.id for option in question.options if option.correct)
            assert record["type"] == "choice" and pattern == right
            assert set(response.split(separator)) == set(right.split(separator))
        elif question.type == "true-false":
            word = next(option.id for option in question.options if option.correct)
            assert record["type"] == "true-false" and pattern == response == (word if version == "2004" else word[0])
        else:
            assert record["type"] == "numeric" and float(response) == pytest.approx(question.answer)
    assert visit.problems() == []


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_twelve_of_sixteen_is_failed_in_the_lms_too(visit, packages, site, version):
    questions = _bank(site)
    page, _ = launch(visit, packages, site, version)
    book = goto(page, CHECK_PAGE)
    asked = shown(book)
    assert len(asked) == 16
    take(book, questions, lambda qid: qid not in asked[:4])
    finish(page)
    final = cmi(page, version)
    assert last_error(page, version) == "0"
    if version == "1.2":
        assert (final["core"]["lesson_status"], final["core"]["score"]["raw"]) == ("failed", "75")
    else:
        assert (final["completion_status"], final["success_status"], final["score"]["scaled"]) == ("completed", "failed", "0.75")
    wrong = {record["id"] for record in records(final) if record["result"] != "correct"}
    assert wrong == set(asked[:4])


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_resume_in_a_fresh_browser_restores_the_set_the_order_and_the_answers(visit, browser, packages, site, version):
    questions = _bank(site)
    page, _ = launch(visit, packages, site, version)
    book = goto(page, CHECK_PAGE)
    asked, before = shown(book), orders(book)
    exam = book.locator("section.cf-quiz").first.get_attribute("data-mode") == "exam"
    answered = asked[:10]
    for number, qid in enumerate(answered):
        fill(book, questions[qid], right=number not in (1, 4))
        if not exam:
            fieldset(book, qid).locator(".cf-check").click()
    fieldset(book, asked[10]).locator("input").first.focus()  # leaves the last field answered
    chosen = {qid: fieldset(book, qid).locator("input").evaluate_all(
        "els => els.map(e => e.type === 'text' ? e.value : e.checked)") for qid in asked}
    finish(page)
    saved = cmi(page, version)
    assert last_error(page, version) == "0"
    assert len(saved["suspend_data"]) <= LIMIT and saved["suspend_data"].startswith("2|")
    assert (saved["core"]["exit"] if version == "1.2" else saved["exit"]) == "suspend"
    assert (saved["core"]["lesson_location"] if version == "1.2" else saved["location"]) == CHECK_PAGE

    # A fresh browser (no storage) and the LMS's data: the learner is back where they were.
    visit.page.context.close()
    context = browser.new_context()
    visit.page = context.new_page()
    page, book = launch(visit, packages, site, version, entry="resume", kept=kept_by_the_lms(saved, version))
    ready(book)
    assert shown(book) == asked and orders(book) == before
    assert {qid: fieldset(book, qid).locator("input").evaluate_all(
        "els => els.map(e => e.type === 'text' ? e.value : e.checked)") for qid in asked} == chosen
    take(book, questions, lambda qid: qid not in (answered[1], answered[4]))
    finish(page)
    final = cmi(page, version)
    assert last_error(page, version) == "0"
    if version == "1.2":
        assert (final["core"]["lesson_status"], final["core"]["score"]["raw"]) == ("passed", "87")
    else:
        assert (final["success_status"], final["score"]["scaled"], final["score"]["raw"]) == ("passed", "0.875", "87")
    context.close()


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_the_best_attempt_is_reported(visit, packages, version):
    questions = _bank("exam-fixture")
    page, _ = launch(visit, packages, "exam-fixture", version)
    book = goto(page, CHECK_PAGE)
    take(book, questions, lambda qid: True)
    book.locator(".cf-new-attempt").click()
    second = shown(book)
    take(book, questions, lambda qid: qid not in second[:8])
    finish(page)
    final = cmi(page, version)
    score = final["core"]["score"] if version == "1.2" else final["score"]
    assert score["raw"] == "100"
    assert (final["core"]["lesson_status"] if version == "1.2" else final["success_status"]) == "passed"
    assert len(records(final)) == 32  # one interaction per item of each submitted attempt


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_a_workshop_check_is_never_reported(visit, packages, version):
    questions = _bank("exam-fixture")
    page, _ = launch(visit, packages, "exam-fixture", version)
    book = goto(page, "book/instructors/check-two-chapters.html")
    take(book, questions, lambda qid: True)
    finish(page)
    final = cmi(page, version)
    assert (final["core"]["lesson_status"] if version == "1.2" else final["completion_status"]) == "incomplete"
    assert (final["core"]["score"]["raw"] if version == "1.2" else final["score"]["raw"]) == ""
    assert records(final) == []


# ---- the worst case for SCORM 1.2's 4,096 characters ----------------------------------

NUMBER = "-1.2345678901234567e+123"  # 24 characters: the longest a number is kept as


def _worst_answer(question: dict):
    if question["type"] == "numeric":
        return NUMBER
    if question["type"] == "multiple":
        return list(question["options"])
    return question["options"][-1]


def _worst_cost(question: dict) -> int:
    return {"numeric": len(NUMBER), "multiple": 4}.get(question["type"], 1)


def worst_stores(index: dict, scenario_path: list[int]) -> tuple[dict, dict]:
    """Every placed quiz fully answered with the longest answers, every draw its longest, the scenario's longest path."""
    quizzes = {}
    for placement in index["placements"]:
        answers = {}
        entry = {"fingerprint": placement["fingerprint"], "seed": "zzzzzz", "tries": {}, "answers": answers}
        questions = placement["questions"]
        if placement["mode"] == "exam":
            drawn = sorted(questions, key=_worst_cost, reverse=True)[: placement["size"]]
            entry.update(drawn=[q["id"] for q in drawn], submitted=True, attempts=1295, best=placement["size"], bestOf=placement["size"])
        else:
            drawn = questions
            entry.update(best=len(questions), bestOf=len(questions), tries={q["id"]: "z" for q in questions})
        for question in drawn:
            answers[question["id"]] = {"r": _worst_answer(question), "f": question["fingerprint"]}
        quizzes[placement["key"]] = entry
    scenarios = {known["id"]: {"fingerprint": known["fingerprint"], "path": scenario_path} for known in index["scenarios"]}
    return {"version": 2, "quizzes": quizzes}, {"version": 1, "scenarios": scenarios}


def grown_index(index: dict, banks: int = 12, pool: int = 60) -> dict:
    """The course grown: 12 chapter-quiz banks (the real ones, repeated, each as long as the longest),
    a knowledge check drawing 16 of 60 numeric items, and two workshop checks drawing 16 from it too."""
    practice = [p for p in index["placements"] if p["mode"] == "practice" and not p["key"].startswith("knowledge-check")]
    longest = max(len(p["questions"]) for p in practice)
    grown = []
    for number in range(banks):
        source = practice[number % len(practice)]
        questions = [dict(q, id=f"{q['id']}-{number}-{n}") for n, q in enumerate((source["questions"] * longest)[:longest])]
        grown.append({"key": f"bank-{number}", "fingerprint": f"{number:04x}" + "0" * 12, "mode": "practice",
                      "size": longest, "questions": questions})
    check = next(p for p in index["placements"] if p["key"] == "knowledge-check")
    # Every pool item numeric: the longest answers a draw can hold, whatever the rewritten pool's mix.
    items = [dict(q, id=f"{q['id']}-{n}", type="numeric", options=[]) for n, q in enumerate((check["questions"] * pool)[:pool])]
    for number, key in enumerate(["knowledge-check", "knowledge-check@a", "knowledge-check@b"]):
        grown.append({"key": key, "fingerprint": f"c{number:03x}" + "0" * 12, "mode": "exam", "size": 16, "questions": items})
    return {"version": 2, "placements": grown, "scenarios": index["scenarios"]}


def _launch_index(url: str) -> dict:
    from urllib.request import urlopen

    with urlopen(f"{url}/scorm-launch.html") as response:  # noqa: S310 - the test's own server
        page = response.read().decode("utf-8")
    return json.loads(re.search(r'<script id="cf-scorm-config" type="application/json">(.*?)</script>', page, re.S).group(1))["index"]


def _longest_scenario_path() -> list[int]:
    return max((path for path, _, _ in all_paths(load_scenario(ROOT / "book/practice/scenarios/late-delivery.yml"))), key=len)


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_worst_case_progress_of_the_course_fits_and_comes_back(visit, browser, packages, version):
    """Every quiz of the course answered with the longest answers, the longest draw and scenario path:
    saved by the package through the LMS, within 4,096 characters, and restored in a fresh browser."""
    url, _ = packages[("course", version)]
    index = _launch_index(url)
    quizzes, scenarios = worst_stores(index, _longest_scenario_path())
    page, _ = launch(visit, packages, "course", version)
    sco(page).evaluate("""([quizzes, scenarios]) => {
        localStorage.setItem('customer-focus-progress-v2', JSON.stringify(quizzes));
        localStorage.setItem('customer-focus-scenarios-v1', JSON.stringify(scenarios));
    }""", [quizzes, scenarios])
    finish(page)
    saved = cmi(page, version)
    assert last_error(page, version) == "0"
    assert len(saved["suspend_data"]) <= LIMIT, len(saved["suspend_data"])
    visit.page.context.close()
    context = browser.new_context()
    visit.page = context.new_page()
    page, _ = launch(visit, packages, "course", version, entry="resume", kept=kept_by_the_lms(saved, version))
    restored = sco(page).evaluate("""() => [JSON.parse(localStorage.getItem('customer-focus-progress-v2')),
                                            JSON.parse(localStorage.getItem('customer-focus-scenarios-v1'))]""")
    assert restored[1] == scenarios
    for key, entry in quizzes["quizzes"].items():
        again = restored[0]["quizzes"][key]
        assert again["answers"] == entry["answers"] and again["seed"] == entry["seed"], key
        assert again.get("drawn") == entry.get("drawn") and again["tries"] == entry["tries"]
    context.close()


def test_worst_case_of_a_grown_course_fits_in_4096_characters(visit, packages):
    """12 chapter banks as long as the longest, a 60-item pool, two workshop checks: still within SCORM 1.2's limit."""
    url, _ = packages[("course", "1.2")]
    grown = grown_index(_launch_index(url))
    quizzes, scenarios = worst_stores(grown, _longest_scenario_path())
    visit.base = url
    page = visit.open("scorm-launch.html")  # outside an LMS: the codec without a session
    text = page.evaluate("([q, s, i]) => window.customerFocusScorm.codec.encode(q, s, i, null)", [quizzes, scenarios, grown])
    assert len(text) <= LIMIT, len(text)
    back = page.evaluate("([t, i]) => window.customerFocusScorm.codec.decode(t, i)", [text, grown])
    assert back["scenarios"] == scenarios
    assert set(back["quizzes"]["quizzes"]) == set(quizzes["quizzes"])
    for key, entry in quizzes["quizzes"].items():
        assert back["quizzes"]["quizzes"][key]["answers"] == entry["answers"], key
        assert back["quizzes"]["quizzes"][key].get("drawn") == entry.get("drawn")
    print(f"worst case of the grown course: {len(text)} characters of {LIMIT}")


def test_progress_saved_by_another_version_of_a_quiz_is_dropped_not_misread(visit, packages):
    url, _ = packages[("exam-fixture", "1.2")]
    visit.base = url
    page = visit.open("scorm-launch.html")
    index = page.evaluate("window.customerFocusScorm.index")
    quizzes, scenarios = worst_stores(index, [])
    text = page.evaluate("([q, s, i]) => window.customerFocusScorm.codec.encode(q, s, i, null)", [quizzes, scenarios, index])
    changed = json.loads(json.dumps(index))
    changed["placements"][0]["fingerprint"] = "ffff" + changed["placements"][0]["fingerprint"][4:]
    back = page.evaluate("([t, i]) => window.customerFocusScorm.codec.decode(t, i)", [text, changed])
    assert set(back["quizzes"]["quizzes"]) == {p["key"] for p in index["placements"][1:]}
    assert page.evaluate("([t, i]) => window.customerFocusScorm.codec.decode(t, i)", ['{"v": 1}', index]) is None


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_outside_an_lms_the_launch_page_just_shows_the_book(visit, packages, version):
    visit.base = packages[("course", version)][0]
    page = visit.open("scorm-launch.html")
    assert choose(page, "English")
    book = page.frame_locator("#cf-content")
    book.locator("article h1").first.wait_for()
    assert page.evaluate("window.customerFocusScorm.connected()") is False
    page.reload()  # the choice is remembered in the browser: no question the second time
    assert not choose(page, None)
    book.locator("article h1").first.wait_for()
    assert visit.problems() == []


def test_a_worksheet_runs_in_the_page_inside_the_lms_frame(visit, packages):
    """The packages carry Pyodide and the course's archive: a worksheet starts inside the SCO's frame."""
    from customer_focus.tools.lifetime_value import calc

    from tools.live_cases import EXPECTED, cases

    page, _ = launch(visit, packages, "course", "2004")
    sco(page).evaluate("document.getElementById('cf-content').src = 'book/apply/tools/lifetime-value-worksheet.html'")
    book = page.frame_locator("#sco").frame_locator("#cf-content")
    box = book.locator(".cf-live[data-tool=lifetime_value]")
    box.get_by_role("button", name="Use this worksheet here").click()
    form = box.locator("form.cf-live-form")
    form.wait_for(timeout=240_000)
    values = cases("lifetime_value")["form"][1]["values"]
    for name, value in values.items():
        control = form.locator(f"[name={name}]")
        if name in calc.FIELDS and calc.FIELDS[name].kind == "choice":
            control.select_option(value)
        else:
            control.fill(value)
    summary = form.locator(":scope > .cf-live-summary")
    summary.filter(has_text=EXPECTED["lifetime_value"].form(values).summary[0]).wait_for()
    assert visit.problems() == []


# ---- the edition the learner chooses at launch ---------------------------------------------

ZH_CHECK_PAGE = "zh-TW/" + CHECK_PAGE
#: What differs between two runs of the same answers whatever the edition: the time things happened.
TIMING = {"timestamp", "latency", "session_time", "total_time"}


def flat(data, prefix="") -> dict[str, object]:
    """The LMS data as {dotted key: value}, leaving out when things happened."""
    if isinstance(data, list):
        data = {str(number): value for number, value in enumerate(data)}
    if not isinstance(data, dict):
        return {prefix: data}
    found = {}
    for key, value in data.items():
        if key in TIMING or key.startswith("_") or key == "jsonString":
            continue
        found.update(flat(value, f"{prefix}.{key}" if prefix else key))
    return found


def as_recorded(record: dict) -> dict[str, object]:
    """An interaction's data, the chosen options as a set: they are listed in the order the attempt
    showed them, which each attempt shuffles."""
    found = flat(record)
    for key in ("student_response", "learner_response"):
        if isinstance(found.get(key), str):
            found[key] = frozenset(re.split(r"\[,\]|,", found[key]))
    return found


def take_the_check(page, path, questions):
    """The knowledge check at ``path``, every item right but the first four shown; the LMS's data after."""
    book = goto(page, path)
    asked = shown(book)
    take(book, questions, lambda qid: qid not in asked[:4])
    return book, asked


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_the_learner_chooses_chinese_and_the_lms_receives_the_same_data(visit, browser, packages, version):
    """Launch, choose 繁體中文, take the zh-TW knowledge check in the frame: the same keys, score,
    status and interactions as the same answers give in English."""
    questions = _bank("course")
    url, manifest = packages[("course", version)]
    visit.base = url
    visit.page.add_init_script(f"window.__lmsCmi = {json.dumps(seed(manifest, version))};")
    page = visit.open("lms/harness.html")
    launcher = page.frame_locator("#sco")
    launcher.locator("#cf-choose").wait_for()
    buttons = launcher.locator("#cf-choose button")
    assert buttons.evaluate_all("els => els.map(e => [e.textContent, e.lang])") == [
        ["English", "en"], ["繁體中文", "zh-Hant-TW"]]
    assert launcher.locator("#cf-choose p[lang=zh-Hant-TW]").inner_text().endswith("？")
    launcher.get_by_role("button", name="繁體中文").click()
    book = launcher.frame_locator("#cf-content")
    book.locator("html[lang=zh-Hant-TW] article h1").first.wait_for()
    assert sco(page).evaluate("document.getElementById('cf-content').contentWindow.location.pathname").endswith(
        "/zh-TW/book/index.html")
    book, asked = take_the_check(page, ZH_CHECK_PAGE, questions)
    assert book.locator("html").get_attribute("lang") == "zh-Hant-TW"
    assert len(asked) == 16
    finish(page)
    chinese = cmi(page, version)
    assert last_error(page, version) == "0"
    assert (chinese["core"]["lesson_location"] if version == "1.2" else chinese["location"]) == ZH_CHECK_PAGE

    # The same answers in English, in a fresh browser and a fresh LMS attempt.
    visit.page.context.close()
    context = browser.new_context()
    visit.page = context.new_page()
    page, _ = launch(visit, packages, "course", version, edition="English")
    _, english_asked = take_the_check(page, CHECK_PAGE, questions)
    finish(page)
    english = cmi(page, version)
    assert last_error(page, version) == "0"
    context.close()

    zh, en = flat(chinese), flat(english)
    location = "core.lesson_location" if version == "1.2" else "location"
    assert en[location] == CHECK_PAGE
    assert zh.keys() == en.keys()
    same = {key for key in en if not key.startswith(("interactions.", "suspend_data", location))}
    assert {key: zh[key] for key in same} == {key: en[key] for key in same}
    if version == "1.2":
        assert (zh["core.lesson_status"], zh["core.score.raw"]) == ("failed", "75")
    else:
        assert (zh["success_status"], zh["completion_status"], zh["score.scaled"]) == ("failed", "completed", "0.75")
    # One interaction per item, named by the English question ids, recorded as English records them.
    zh_records, en_records = records(chinese), records(english)
    assert [record["id"] for record in zh_records] == asked
    assert [record["id"] for record in en_records] == english_asked
    assert {record["id"] for record in zh_records if record["result"] != "correct"} == set(asked[:4])
    by_id = {record["id"]: as_recorded(record) for record in en_records}
    wrong_in_english = set(english_asked[:4])
    for record in zh_records:
        assert record["id"] in questions
        if record["id"] in by_id and (record["id"] in asked[:4]) == (record["id"] in wrong_in_english):
            assert as_recorded(record) == by_id[record["id"]], record["id"]
    # suspend_data names quizzes and questions by their place in the one index: the same form.
    assert zh["suspend_data"].startswith("2|") and en["suspend_data"].startswith("2|")


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_a_relaunch_goes_straight_to_the_chosen_edition_and_keeps_the_switch(visit, browser, packages, version):
    questions = _bank("course")
    page, _ = launch(visit, packages, "course", version, edition="繁體中文")
    book = goto(page, ZH_CHECK_PAGE)
    asked = shown(book)
    fill(book, questions[asked[0]])
    fieldset(book, asked[1]).locator("input").first.focus()
    finish(page)
    saved = cmi(page, version)

    # Same browser, a new LMS attempt: the browser remembers the edition.
    visit.page.context.close()
    context = browser.new_context()
    visit.page = context.new_page()
    visit.page.add_init_script("localStorage.setItem('customer-focus-scorm-edition', 'zh-TW');")
    page, book = launch(visit, packages, "course", version, edition=None)
    assert not page.frame_locator("#sco").locator("#cf-choose").is_visible()
    assert book.locator("html").get_attribute("lang") == "zh-Hant-TW"
    context.close()

    # A fresh browser, resumed: the LMS's location brings the learner back to the Chinese page.
    context = browser.new_context()
    visit.page = context.new_page()
    page, book = launch(visit, packages, "course", version, entry="resume",
                        kept=kept_by_the_lms(saved, version), edition=None)
    assert not page.frame_locator("#sco").locator("#cf-choose").is_visible()
    ready(book)
    assert book.locator("html").get_attribute("lang") == "zh-Hant-TW"
    assert shown(book) == asked
    switch = book.locator("a.cf-language-switch")
    assert switch.inner_text() == "English"
    switch.click()
    page.frame_locator("#sco").frame_locator("#cf-content").locator("html[lang=en] article h1").first.wait_for()
    sco(page).wait_for_function(f"window.customerFocusScorm.state.location === {json.dumps(CHECK_PAGE)}")
    finish(page)
    final = cmi(page, version)
    assert (final["core"]["lesson_location"] if version == "1.2" else final["location"]) == CHECK_PAGE
    assert visit.problems() == []
    context.close()
