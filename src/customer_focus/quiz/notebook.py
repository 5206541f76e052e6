"""The quizzes in Jupyter: the same banks and the same grading, with ipywidgets."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from .bank import Question, Quiz
from .grading import grade

__all__ = ["QuizView"]

_VERDICT_TEXT = {"correct": "Correct.", "incorrect": "Not quite.", "invalid": ""}


class _QuestionView:
    """One question: its prompt, its inputs, a Check button and the feedback."""

    def __init__(self, question: Question, number: int, total: int, on_change) -> None:
        self.question = question
        self.verdict: str | None = None
        self._on_change = on_change
        title = w.HTML(f"<strong>Question {number} of {total}</strong>")
        prompt = w.HTMLMath(question.prompt)
        if question.type == "numeric":
            unit = f" ({escape(question.unit)})" if question.unit else ""
            self.input = w.Text(description=f"Your answer{unit}", style={"description_width": "initial"})
        elif question.type == "multiple":
            self.input = w.VBox([w.Checkbox(description=_plain(option.text), indent=False) for option in question.options])
        else:
            self.input = w.RadioButtons(options=[(_plain(option.text), i) for i, option in enumerate(question.options)], value=None)
        self.check_button = w.Button(description="Check", button_style="primary")
        self.check_button.on_click(self._check)
        self.feedback = w.HTMLMath()
        self.explanation = w.HTMLMath()
        self.widget = w.VBox([title, prompt, self.input, self.check_button, self.feedback, self.explanation])

    def response(self):
        """The learner's current response, in the grader's form."""
        if self.question.type == "numeric":
            return self.input.value
        if self.question.type == "multiple":
            return [i for i, box in enumerate(self.input.children) if box.value]
        return self.input.value

    def _check(self, _button=None) -> None:
        result = grade(self.question, self.response())
        self.feedback.value = (f"<strong>{_VERDICT_TEXT[result.verdict]}</strong> " if _VERDICT_TEXT[result.verdict] else "") + result.feedback
        if result.verdict != "invalid":
            self.verdict = result.verdict
            self.explanation.value = f"<em>Why:</em> {self.question.explanation}"
        self._on_change()


def _plain(html: str) -> str:
    """Option labels of RadioButtons and Checkboxes are plain text."""
    import re
    from html import unescape

    text = re.sub(r"<span class=\"math notranslate nohighlight\">\\\((.*?)\\\)</span>", r"$\1$", html)
    return unescape(re.sub(r"<[^>]+>", "", text))


class QuizView:
    """A whole quiz in a notebook, with its running score.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    """

    def __init__(self, quiz: Quiz) -> None:
        self.quiz = quiz
        total = len(quiz.questions)
        self.score = w.HTML()
        self.questions = [_QuestionView(q, i + 1, total, self._update_score) for i, q in enumerate(quiz.questions)]
        header = w.HTML(f"<h3>{escape(quiz.title)}</h3>")
        self.widget = w.VBox([header, *[view.widget for view in self.questions], self.score])
        self._update_score()

    def correct_count(self) -> int:
        """How many questions are answered correctly right now."""
        return sum(view.verdict == "correct" for view in self.questions)

    def _update_score(self) -> None:
        self.score.value = f"<p><strong>Score: {self.correct_count()} of {len(self.questions)}</strong></p>"
