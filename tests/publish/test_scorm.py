"""SCORM manifests: generated manifests pass the official XSDs; broken ones fail precisely."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from customer_focus.publish import scorm

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
FILES = ["scorm-launch.html", "scorm/scorm-launch.js", "book/index.html"]


def _manifest(version: str) -> str:
    return scorm.manifest(version, FILES, 0.8)


def _problems(version: str, text: str, files=frozenset(FILES)) -> list[str]:
    schemas = scorm.schema_folder(NODE_MODULES, version)
    return [
        str(p)
        for p in scorm.validate_manifest(text.encode(), version, files=set(files), schemas=schemas)
    ]


@pytest.mark.parametrize("version", sorted(scorm.VERSIONS))
def test_generated_manifest_is_valid(version):
    assert _problems(version, _manifest(version)) == []


def test_scorm12_manifest_carries_the_mastery_score_and_metadata():
    text = _manifest("1.2")
    assert "<adlcp:masteryscore>80</adlcp:masteryscore>" in text
    assert '<imsmd:langstring xml:lang="en">Customer Focus' in text


def test_scorm2004_manifest_carries_the_passing_measure():
    assert "<imsss:minNormalizedMeasure>0.80</imsss:minNormalizedMeasure>" in _manifest("2004")


@pytest.mark.parametrize(
    ("version", "attribute"), [("1.2", "adlcp:scormtype"), ("2004", "adlcp:scormType")]
)
def test_wrong_scorm_type_fails_the_schema_with_its_line(version, attribute):
    text = _manifest(version).replace(f'{attribute}="sco"', f'{attribute}="scoo"')
    problems = _problems(version, text)
    line = next(number for number, content in enumerate(text.splitlines(), 1) if "scoo" in content)
    assert any(p.startswith(f"imsmanifest.xml:{line}:") and "scoo" in p for p in problems), problems


@pytest.mark.parametrize("version", sorted(scorm.VERSIONS))
def test_missing_file_is_named(version):
    problems = _problems(version, _manifest(version), files=set(FILES) - {"scorm/scorm-launch.js"})
    assert any("file href 'scorm/scorm-launch.js' is not in the package" in p for p in problems), (
        problems
    )


@pytest.mark.parametrize("version", sorted(scorm.VERSIONS))
def test_bad_resource_reference_is_named(version):
    text = _manifest(version).replace(
        'identifierref="resource-course"', 'identifierref="resource-nowhere"'
    )
    problems = _problems(version, text)
    assert any(
        "item 'item-course' refers to resource 'resource-nowhere', "
        "which the manifest does not define"
        in p
        for p in problems
    ), problems


@pytest.mark.parametrize("version", sorted(scorm.VERSIONS))
def test_unknown_element_fails_the_schema(version):
    text = _manifest(version).replace("<organizations ", "<organisations-typo/><organizations ")
    assert any("organisations-typo" in p for p in _problems(version, text))


def test_malformed_xml_is_reported_with_its_line():
    problems = _problems(
        "2004", _manifest("2004").replace("</organizations>", "</organization>", 1)
    )
    assert (
        problems and problems[0].startswith("imsmanifest.xml:") and "not well-formed" in problems[0]
    )


def test_launch_page_names_the_version_and_the_pass_mark():
    page = scorm.launch_page("2004", 0.8)
    assert (
        '"version": "2004"' in page
        and '"passMark": 0.8' in page
        and "scorm/scorm-launch.js" in page
    )


def _site(folder: Path, zh_index: dict | None) -> Path:
    index = {"version": 2, "placements": [{"key": "knowledge-check", "fingerprint": "ab" * 8}],
             "scenarios": []}
    for edition, found in (("", index), ("zh-TW/", zh_index)):
        if found is None:
            continue
        (folder / edition / "book").mkdir(parents=True)
        (folder / edition / "book" / "index.html").write_text("<h1>Course</h1>", encoding="utf-8")
        (folder / edition / "_static").mkdir()
        (folder / edition / scorm.INDEX).write_text(json.dumps(found), encoding="utf-8")
    return folder


def test_the_site_editions_are_offered_each_in_its_language(tmp_path):
    assert [e["key"] for e in scorm.site_editions(_site(tmp_path / "en", None))] == ["en"]
    same = [{"key": "knowledge-check", "fingerprint": "ab" * 8}]
    site = _site(tmp_path / "both", {"version": 2, "scenarios": [], "placements": same})
    editions = scorm.site_editions(site)
    assert [(e["key"], e["folder"], e["lang"], e["label"]) for e in editions] == [
        ("en", "", "en", "English"), ("zh-TW", "zh-TW/", "zh-Hant-TW", "繁體中文")]
    page = scorm.launch_page("1.2", 0.8, None, editions)
    assert '<p lang="zh-Hant-TW">' in page and '"folder": "zh-TW/"' in page


def test_a_package_whose_editions_would_report_differently_is_refused(tmp_path):
    site = _site(tmp_path, {"version": 2, "scenarios": [],
                            "placements": [{"key": "knowledge-check", "fingerprint": "cd" * 8}]})
    root = Path(__file__).resolve().parents[2]
    refused = (r"zh-TW edition's progress index .* differs from the English one "
               r"in knowledge-check: the LMS would receive different data")
    with pytest.raises(ValueError, match=refused):
        scorm.build_package(site, "1.2", tmp_path / "out", root=root, node_modules=NODE_MODULES)
