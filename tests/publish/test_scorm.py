"""SCORM manifests: generated manifests pass the official XSDs; broken ones fail precisely."""

from __future__ import annotations

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
