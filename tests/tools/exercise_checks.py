"""What every tool's exercise test asks of its checks, written once."""

from __future__ import annotations

import os
import subprocess
import sys
from types import ModuleType


def assert_wrong_answer_explained(module: ModuleType, question: str, value, reason: str) -> None:
    """Bind ``value`` as the answer to ``question`` of the exercise ``module``: its check must
    say "Incorrect" and give ``reason``."""
    check = module.exercise.questions[question]
    module.bind({check.variable: value})
    feedback = check.check()
    assert feedback.status == "Incorrect"
    assert reason in feedback.message


def run_outside_the_course(
    tool: str, answers: dict, right: str, needs_sample: str, folder
) -> list[str]:
    """Import the tool's exercise in a fresh Python started in ``folder`` (no course around it),
    check the question ``right`` (answered by ``answers``) and the question ``needs_sample``
    (which reads the book's sample file); return the lines printed: the first check's status,
    then the message of the missing file."""
    script = (
        f"from customer_focus.tools.{tool} import exercise\n"
        f"exercise.bind({answers!r})\n"
        f"print(exercise.{right}.check().status)\n"
        "try:\n"
        f"    exercise.{needs_sample}.check()\n"
        "except FileNotFoundError as error:\n"
        "    print(error)\n"
    )
    environment = {k: v for k, v in os.environ.items() if k != "CUSTOMER_FOCUS_COURSE"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=folder, env=environment, capture_output=True,
        text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()
