"""The quizzes in Jupyter: the same banks and the same grading, with ipywidgets.

* :class:`QuizView` (practice banks): options shuffled for this attempt, a
  Check button and instant feedback per question, a running score.
* :class:`ExamView` (exam banks, such as the knowledge check): each attempt
  draws a stratified set (:func:`.attempt.draw_items`); the answers are
  graded together on Submit, with the score, a per-chapter breakdown and
  every item's feedback and explanation; New attempt draws a new set.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Mapping
from html import escape, unescape
from typing import Any

import ipywidgets as w

from ...core.messages import N_, Messages
from .attempt import draw_items, new_seed, option_order
from .bank import Question, Quiz
from .grading import grade

__all__ = ["QuizView", "ExamView"]

_ = Messages("course")
n_ = _.plural

_VERDICT_TEXT = {"correct": N_("Correct."), "incorrect": N_("Not quite."), "invalid": ""}


def _plain(html: str) -> str:
    """Option labels of RadioButtons and Checkboxes are plain text."""
    text = re.sub(
        r"<span class=\"math notranslate nohighlight\">\\\((.*?)\\\)</span>", r"$\1$", html
    )
    return unescape(re.sub(r"<[^>]+>", "", text))


class _QuestionView:
    """One question: its prompt, its inputs (options in this attempt's order) and its feedback.

    With ``on_check`` it has a Check button and grades at once (practice);
    without, it only collects the answer (exam).
    """

    def __init__(
        self,
        question: Question,
        number: int,
        total: int,
        seed: str,
        on_check: Callable[[], None] | None = None,
    ) -> None:
        self.question = question
        self.verdict: str | None = None
        self._on_check = on_check
        title = w.HTML(_("<strong>Question {number} of {total}</strong>").format(
            number=number, total=total))
        prompt = w.HTMLMath(question.prompt)
        options = {option.id: option for option in question.options}
        self.order = option_order(question, seed) if question.options else []
        if question.type == "numeric":
            described = (_("Your answer ({unit})").format(unit=escape(question.unit))
                         if question.unit else _("Your answer"))
            self.input = w.Text(description=described, style={"description_width": "initial"})
        elif question.type == "multiple":
            self.input = w.VBox(
                [w.Checkbox(description=_plain(options[i].text), indent=False) for i in self.order]
            )
        else:
            self.input = w.RadioButtons(
                options=[(_plain(options[i].text), i) for i in self.order], value=None
            )
        self.feedback = w.HTMLMath()
        self.explanation = w.HTMLMath()
        children = [title, prompt, self.input]
        if on_check is not None:
            self.check_button = w.Button(description=_("Check"), button_style="primary")
            self.check_button.on_click(self._check)
            children.append(self.check_button)
        self.widget = w.VBox([*children, self.feedback, self.explanation])

    def response(self) -> Any:
        """The learner's current response, in the grader's form (option ids or typed text)."""
        if self.question.type == "multiple":
            return [
                identifier
                for identifier, box in zip(self.order, self.input.children, strict=True)
                if box.value
            ]
        return self.input.value

    def show(self, verdict: str, feedback: str) -> None:
        """Show a verdict, its feedback and (once answered) the explanation."""
        label = _VERDICT_TEXT.get(verdict, "")
        label = _(label) if label else ""
        self.feedback.value = (f"<strong>{label}</strong> " if label else "") + feedback
        if verdict != "invalid":
            self.verdict = verdict
            self.explanation.value = _("<em>Why:</em> {explanation}").format(
                explanation=self.question.explanation)

    def lock(self) -> None:
        """No more changes (an exam attempt was submitted)."""
        boxes = self.input.children if self.question.type == "multiple" else [self.input]
        for box in boxes:
            box.disabled = True

    def _check(self, _button=None) -> None:
        result = grade(self.question, self.response())
        self.show(result.verdict, result.feedback)
        if self._on_check is not None:
            self._on_check()


class QuizView:
    """A practice quiz in a notebook, with its running score.

    Each view is one attempt: its options are shuffled with its own seed.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    seed : str
        This attempt's seed.
    """

    def __init__(self, quiz: Quiz, *, seed: str | None = None) -> None:
        self.quiz = quiz
        self.seed = seed or new_seed()
        total = len(quiz.questions)
        self.score = w.HTML()
        self.questions = [
            _QuestionView(q, i + 1, total, self.seed, on_check=self._update_score)
            for i, q in enumerate(quiz.questions)
        ]
        header = w.HTML(f"<h3>{escape(quiz.title)}</h3>")
        self.widget = w.VBox([header, *[view.widget for view in self.questions], self.score])
        self._update_score()

    def correct_count(self) -> int:
        """How many questions are answered correctly right now."""
        return sum(view.verdict == "correct" for view in self.questions)

    def _update_score(self) -> None:
        self.score.value = _("<p><strong>Score: {right} of {total}</strong></p>").format(
            right=self.correct_count(), total=len(self.questions))


class ExamView:
    """An exam bank in a notebook: a drawn set, graded together on Submit.

    Parameters
    ----------
    quiz : Quiz
        An exam bank (``mode: exam``).
    chapters : mapping, optional
        The course map's chapters (id to an object with ``title`` and
        ``page``), for the per-chapter breakdown.
    only : iterable of str, optional
        Draw only from these chapters (a restricted check).
    rng : random.Random, optional
        For reproducible draws in tests.

    Attributes
    ----------
    widget : ipywidgets.VBox
        What to display.
    items : list of Question
        The current attempt's items.
    """

    def __init__(
        self,
        quiz: Quiz,
        *,
        chapters: Mapping[str, Any] | None = None,
        only: Iterable[str] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        if quiz.draw is None:
            raise ValueError(
                f"{quiz.source}: {quiz.id!r} is not an exam bank (it has no 'draw'); use QuizView"
            )
        self.quiz = quiz
        self.chapters = dict(chapters or {})
        self.only = None if only is None else list(only)
        self.rng = rng or random.Random()
        self.attempts = 0
        self.best: tuple[int, int] | None = None
        self.header = w.HTML()
        self.body = w.VBox()
        self.submit_button = w.Button(description=_("Submit"), button_style="primary")
        self.submit_button.on_click(lambda _button: self.submit())
        self.new_button = w.Button(description=_("New attempt"))
        self.new_button.on_click(lambda _button: self.new_attempt())
        self.result = w.HTMLMath()
        self.widget = w.VBox(
            [self.header, self.body, w.HBox([self.submit_button, self.new_button]), self.result]
        )
        self.new_attempt()

    def new_attempt(self) -> None:
        """Draw a new set, in a new order, with nothing answered."""
        self.items = draw_items(self.quiz.questions, self.quiz.draw, self.rng, self.only)
        seed = new_seed(self.rng)
        total = len(self.items)
        self.views = [_QuestionView(q, i + 1, total, seed) for i, q in enumerate(self.items)]
        self.body.children = [view.widget for view in self.views]
        self.submitted = False
        self.submit_button.disabled = False
        self.result.value = ""
        pool = len([q for q in self.quiz.questions if self.only is None or q.chapter in self.only])
        rule = (
            _("at least {count} from each chapter, ").format(count=self.quiz.draw.min_per_chapter)
            if self.quiz.draw.min_per_chapter
            else ""
        )
        self.header.value = f"<h3>{escape(self.quiz.title)}</h3>" + _(
            "<p>{total} questions drawn from {pool} ({rule}the rest at random). "
            "Answer them all, then press <strong>Submit</strong>: unanswered questions count as "
            "wrong. "
            "<strong>New attempt</strong> draws a new set.</p>"
        ).format(total=total, pool=pool, rule=rule)

    def submit(self) -> tuple[int, int]:
        """Grade every item; show the score, the breakdown and each item's feedback.

        Returns
        -------
        (int, int)
            Right and asked.
        """
        right = 0
        by_chapter: dict[str, list[int]] = {}
        for view in self.views:
            result = grade(view.question, view.response())
            if result.verdict == "invalid":
                view.show("incorrect",
                          _("<p><strong>Not answered:</strong> counted as wrong.</p>"))
            else:
                view.show(result.verdict, result.feedback)
            view.lock()
            correct = result.verdict == "correct"
            right += correct
            tally = by_chapter.setdefault(view.question.chapter, [0, 0])
            tally[0] += correct
            tally[1] += 1
        total = len(self.views)
        self.attempts += 1
        if self.best is None or right / total > self.best[0] / self.best[1]:
            self.best = (right, total)
        self.submitted = True
        self.submit_button.disabled = True
        share = right / total
        verdict = _("Passed") if share >= self.quiz.pass_mark else _("Not yet passed")
        rows = "".join(
            f"<tr><td>{escape(self._chapter_title(chapter))}</td><td>"
            + _("{right} of {total}").format(right=tally[0], total=tally[1]) + "</td></tr>"
            for chapter, tally in sorted(
                by_chapter.items(), key=lambda item: self._chapter_rank(item[0])
            )
        )
        self.result.value = n_(
            "<p><strong>Score: {right} of {total} ({share:.0%}). {verdict}</strong> "
            "(pass mark {mark:.0%}; best of {attempts} attempt: {best} of {asked}).</p>",
            "<p><strong>Score: {right} of {total} ({share:.0%}). {verdict}</strong> "
            "(pass mark {mark:.0%}; best of {attempts} attempts: {best} of {asked}).</p>",
            self.attempts,
        ).format(right=right, total=total, share=share, verdict=verdict,
                 mark=self.quiz.pass_mark, attempts=self.attempts, best=self.best[0],
                 asked=self.best[1]) + _(
            "<table><thead><tr><th>Chapter to review</th><th>Right</th></tr></thead>"
            "<tbody>{rows}</tbody></table>"
        ).format(rows=rows)
        return right, total

    def _chapter_title(self, chapter: str) -> str:
        found = self.chapters.get(chapter)
        return (
            f"{found.title} (book/{found.page})"
            if found is not None
            else (chapter or _("Whole course"))
        )

    def _chapter_rank(self, chapter: str) -> int:
        order = list(self.chapters)
        return order.index(chapter) if chapter in order else len(order)
