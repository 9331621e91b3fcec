"""Exam-style quizzes that answer on click, live in JupyterLab and on the static book.

Questions are data: a YAML file per notebook under ``awslab/<chapter>/quizzes/``::

    title: Check yourself
    questions:
      - id: strong-consistency          # unique within the quiz, used in element ids
        question: What does a GET right after a successful PUT of a new object return?
        multiple: false                 # true: "choose all that apply"
        answers:
          - text: The new object
            correct: true
            why: Since December 2020 S3 gives strong read-after-write consistency.
          - text: Possibly a 404
            correct: false
            why: That was the old eventual model for new keys... no longer.

Displayed, a :class:`Quiz` carries two faces: an ipywidgets form (live kernel) and self-contained HTML with a few lines
of inline JavaScript (the book, and any trusted HTML view). Both mark each chosen answer right or wrong and explain
every answer once the learner presses "Check".
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Answer:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answers: tuple[Answer, ...]
    multiple: bool

    def grade(self, chosen: set[int]) -> bool:
        """True if ``chosen`` (answer indices) is exactly the set of correct answers."""
        return chosen == {i for i, a in enumerate(self.answers) if a.correct}


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    questions: tuple[Question, ...]

    # --- loading ----------------------------------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict, quiz_id: str) -> Quiz:
        """Build and validate a quiz; ValueError names the question and the rule broken."""
        if not isinstance(data, dict) or not isinstance(data.get("questions"), list) or not data["questions"]:
            raise ValueError(f"quiz {quiz_id!r}: needs a non-empty 'questions' list")
        questions, seen = [], set()
        for index, q in enumerate(data["questions"]):
            where = f"quiz {quiz_id!r} question {index + 1}"
            if not isinstance(q, dict):
                raise ValueError(f"{where}: must be a mapping")
            qid = str(q.get("id", ""))
            if not _ID.match(qid) or qid in seen:
                raise ValueError(f"{where}: id {qid!r} must be unique, lowercase letters, digits and hyphens")
            seen.add(qid)
            answers = q.get("answers")
            if not isinstance(answers, list) or len(answers) < 2:
                raise ValueError(f"{where} ({qid}): needs at least two answers")
            parsed = []
            for a_index, a in enumerate(answers):
                if (
                    not isinstance(a, dict)
                    or not a.get("text")
                    or not a.get("why")
                    or not isinstance(a.get("correct"), bool)
                ):
                    raise ValueError(f"{where} ({qid}) answer {a_index + 1}: needs text, correct (true/false) and why")
                parsed.append(Answer(str(a["text"]), a["correct"], str(a["why"])))
            correct = sum(a.correct for a in parsed)
            multiple = bool(q.get("multiple", False))
            if correct == 0 or (not multiple and correct != 1):
                raise ValueError(
                    f"{where} ({qid}): {correct} correct answers; single-answer questions need exactly one"
                )
            if not q.get("question"):
                raise ValueError(f"{where} ({qid}): the question text is missing")
            questions.append(Question(qid, str(q["question"]), tuple(parsed), multiple))
        return cls(quiz_id, str(data.get("title", "Check yourself")), tuple(questions))

    @classmethod
    def from_file(cls, path: str | Path) -> Quiz:
        """Load a quiz from a YAML file."""
        path = Path(path)
        return cls.from_dict(yaml.safe_load(path.read_text(encoding="utf-8")), path.stem)

    # --- the static face ----------------------------------------------------------------------------------------
    def to_html(self) -> str:
        """Self-contained HTML: radio buttons or checkboxes, a Check button, per-answer feedback (inline JS)."""
        parts = [f"<div class='awslab-quiz' id='quiz-{self.id}'>", _QUIZ_STYLE, f"<h4>{html.escape(self.title)}</h4>"]
        for number, q in enumerate(self.questions, 1):
            qid = f"quiz-{self.id}-{q.id}"
            kind = "checkbox" if q.multiple else "radio"
            hint = " <em>(choose all that apply)</em>" if q.multiple else ""
            parts.append(f"<div class='awslab-q' id='{qid}'><p><b>{number}.</b> {html.escape(q.question)}{hint}</p>")
            for index, a in enumerate(q.answers):
                parts.append(
                    f"<label class='awslab-a' data-correct='{int(a.correct)}'>"
                    f"<input type='{kind}' name='{qid}' value='{index}'> {html.escape(a.text)}"
                    f"<span class='awslab-why' hidden> {html.escape(a.why)}</span></label>"
                )
            parts.append(
                "<button type='button' class='awslab-check' onclick='awslabQuizCheck(this)'>Check</button>"
                "<span class='awslab-verdict' aria-live='polite'></span></div>"
            )
        parts.append(_QUIZ_SCRIPT)
        parts.append("</div>")
        return "".join(parts)

    # --- the live face -----------------------------------------------------------------------------------------
    def widget(self):
        """An ipywidgets form with the same behaviour as the HTML face."""
        import ipywidgets as w

        boxes = [w.HTML(f"<h4>{html.escape(self.title)}</h4>")]
        for number, q in enumerate(self.questions, 1):
            boxes.append(_question_widget(w, number, q))
        panel = w.VBox(boxes)
        panel.add_class("awslab-quiz-live")
        return panel

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/plain"] = f"Quiz: {self.title} ({len(self.questions)} questions)"
        bundle["text/html"] = self.to_html()
        return bundle


def _question_widget(w, number: int, q: Question):
    labels = [a.text for a in q.answers]
    if q.multiple:
        picks = [w.Checkbox(value=False, description=t, indent=False, layout=w.Layout(width="auto")) for t in labels]
        chooser = w.VBox(picks)

        def chosen() -> set[int]:
            return {i for i, p in enumerate(picks) if p.value}
    else:
        chooser = w.RadioButtons(
            options=[(t, i) for i, t in enumerate(labels)], value=None, layout=w.Layout(width="auto")
        )

        def chosen() -> set[int]:
            return set() if chooser.value is None else {chooser.value}

    button = w.Button(description="Check", button_style="primary")
    feedback = w.HTML()

    def check(_):
        picked = chosen()
        if not picked:
            feedback.value = "<span style='color:#8a6d3b'>Choose an answer first.</span>"
            return
        verdict = (
            "<b style='color:#1e7b34'>Correct.</b>" if q.grade(picked) else "<b style='color:#a4262c'>Not quite.</b>"
        )
        lines = []
        for i, a in enumerate(q.answers):
            mark = "✔" if a.correct else "✘"
            style = "font-weight:bold" if i in picked else ""
            lines.append(f"<li style='{style}'>{mark} {html.escape(a.text)}: {html.escape(a.why)}</li>")
        feedback.value = f"{verdict}<ul>{''.join(lines)}</ul>"

    button.on_click(check)
    hint = " <em>(choose all that apply)</em>" if q.multiple else ""
    box = w.VBox([w.HTML(f"<p><b>{number}.</b> {html.escape(q.question)}{hint}</p>"), chooser, button, feedback])
    box.add_class("awslab-q-live")
    return box


def load(quiz_name: str, package: str) -> Quiz:
    """Load ``<package>/quizzes/<quiz_name>.yaml``, e.g. ``load("s3_fundamentals", "awslab.storage")``."""
    source = resources.files(package).joinpath("quizzes", f"{quiz_name}.yaml")
    if not source.is_file():
        raise ValueError(f"no quiz named {quiz_name!r} in {package}.quizzes")
    return Quiz.from_dict(yaml.safe_load(source.read_text(encoding="utf-8")), quiz_name)


_QUIZ_STYLE = (
    # Its own light card with dark text, like the figures: legible in light and dark themes alike.
    "<style>.awslab-quiz{border:1px solid #d5dbe3;border-radius:6px;padding:8px 14px;margin:8px 0;"
    "background:#ffffff;color:#232f3e}.awslab-quiz h4{color:inherit;margin-top:6px}"
    ".awslab-a{display:block;margin:3px 0 3px 8px;cursor:pointer}.awslab-a.right{color:#1e7b34}"
    ".awslab-a.wrong{color:#a4262c}.awslab-why{font-style:italic}.awslab-verdict{margin-left:10px;font-weight:bold}"
    ".awslab-check{margin:4px 0 10px 8px;padding:2px 12px}</style>"
)
_QUIZ_SCRIPT = (
    "<script>window.awslabQuizCheck=window.awslabQuizCheck||function(button){"
    "var q=button.closest('.awslab-q'),labels=q.querySelectorAll('.awslab-a'),picked=0,ok=true;"
    "labels.forEach(function(l){var i=l.querySelector('input');if(i.checked){picked++;}"
    "if(i.checked!==(l.dataset.correct==='1')){ok=false;}});"
    "var v=q.querySelector('.awslab-verdict');if(!picked){v.textContent='Choose an answer first.';return;}"
    "labels.forEach(function(l){var c=l.dataset.correct==='1';l.classList.toggle('right',c);"
    "l.classList.toggle('wrong',!c&&l.querySelector('input').checked);"
    "l.querySelector('.awslab-why').hidden=false;});"
    "v.textContent=ok?'Correct.':'Not quite: see why below each answer.';v.className='awslab-verdict '+(ok?'right':'wrong');"
    "};</script>"
)
