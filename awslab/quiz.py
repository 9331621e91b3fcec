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
        tasks: [saa-3.1]                # exam task ids (awslab/exam/guides.yaml): saa-D.T, sap-D.T
        difficulty: 1                   # 1 recall, 2 apply, 3 analyse a trade-off
        see: 01_storage/01_s3_fundamentals#consistency-from-eventual-to-strong  # optional: notebook, heading anchor

``tasks``, ``difficulty`` and ``see`` are optional for the loader (tests/exam requires the first two of every shipped
question); when given they are checked, and a bad one is a ValueError naming the quiz, the question, the value and
what is allowed (awslab.exam.links says what a ``see`` may name).

Displayed, a :class:`Quiz` carries two faces: an ipywidgets form (live kernel) and self-contained HTML with a few lines
of inline JavaScript (the book, and any trusted HTML view). Both mark each chosen answer right or wrong and explain
every answer once the learner presses "Check".
"""

from __future__ import annotations

import dataclasses
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
    order: tuple[int, ...] = ()  # the order answers are shown in (indices into ``answers``); empty: as written
    tasks: tuple[str, ...] = ()  # exam task ids, e.g. ("saa-2.1", "sap-2.2")
    difficulty: int | None = None  # 1 recall, 2 apply, 3 analyse a trade-off
    see: str | None = None  # the notebook (and heading anchor) that teaches it, e.g. "01_storage/06_ebs#summary"

    @property
    def domains(self) -> tuple[str, ...]:
        """The exam domains of its tasks (``saa-2.1`` is in ``saa-2``), in task order, without repeats."""
        return tuple(dict.fromkeys(t.split(".")[0] for t in self.tasks))

    @property
    def shown(self) -> tuple[int, ...]:
        """Answer indices in display order."""
        return self.order or tuple(range(len(self.answers)))

    def grade(self, chosen: set[int]) -> bool:
        """True if ``chosen`` (answer indices) is exactly the set of correct answers."""
        return chosen == {i for i, a in enumerate(self.answers) if a.correct}


@dataclass(frozen=True)
class Quiz:
    id: str
    title: str
    questions: tuple[Question, ...]
    chapter: str = ""  # set by load(): a question's course-wide uid is <chapter>/<quiz id>/<question id>

    def uid(self, question: Question) -> str:
        """The question's uid in the exam bank and the review queue (``storage/ebs/gp2-burst``)."""
        return f"{self.chapter}/{self.id}/{question.id}"

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
            tasks, difficulty, see = _exam_tags(q, f"{where} ({qid})")
            questions.append(
                Question(
                    qid,
                    str(q["question"]),
                    tuple(parsed),
                    multiple,
                    display_order(
                        quiz_id,
                        qid,
                        len(parsed),
                        None if multiple else next(i for i, a in enumerate(parsed) if a.correct),
                    ),
                    tasks,
                    difficulty,
                    see,
                )
            )
        return cls(quiz_id, str(data.get("title", "Check yourself")), tuple(questions))

    @classmethod
    def from_file(cls, path: str | Path) -> Quiz:
        """Load a quiz from a YAML file."""
        path = Path(path)
        return cls.from_dict(yaml.safe_load(path.read_text(encoding="utf-8")), path.stem)

    # --- the static face ----------------------------------------------------------------------------------------
    def to_html(self) -> str:
        """Self-contained HTML: radio buttons or checkboxes, a Check button, feedback and a score (inline JS).

        A wrong pick explains only that pick and lets the learner try again; "Show the answer" (or a right pick)
        explains every answer. Where the page allows it, picks and the score are kept in ``localStorage``."""
        parts = [
            f"<div class='awslab-quiz' id='quiz-{self.id}' data-quiz='{self.id}' data-questions='{len(self.questions)}'"
            f" data-chapter='{html.escape(self.chapter)}'>",
            _QUIZ_STYLE,
            f"<h4>{html.escape(self.title)}</h4>",
        ]
        for number, q in enumerate(self.questions, 1):
            qid = f"quiz-{self.id}-{q.id}"
            kind = "checkbox" if q.multiple else "radio"
            hint = " <em>(choose all that apply)</em>" if q.multiple else ""
            parts.append(
                f"<div class='awslab-q' id='{qid}' data-q='{q.id}'><p><b>{number}.</b> {html.escape(q.question)}{hint}</p>"
            )
            for index in q.shown:
                a = q.answers[index]
                parts.append(
                    f"<label class='awslab-a' data-correct='{int(a.correct)}'>"
                    f"<input type='{kind}' name='{qid}' value='{index}'> {html.escape(a.text)}"
                    f"<span class='awslab-why' hidden> {html.escape(a.why)}</span></label>"
                )
            parts.append(
                "<button type='button' class='awslab-check' onclick='awslabQuizCheck(this)'>Check</button>"
                "<button type='button' class='awslab-reveal' onclick='awslabQuizCheck(this,true)' hidden>"
                "Show the answer</button>"
                "<span class='awslab-verdict' aria-live='polite'></span></div>"
            )
        parts.append(f"<p class='awslab-score' aria-live='polite'>Score: 0 of {len(self.questions)}</p>")
        parts.append(_QUIZ_SCRIPT)
        parts.append("</div>")
        return "".join(parts)

    # --- the live face -----------------------------------------------------------------------------------------
    def widget(self):
        """An ipywidgets form with the same behaviour as the HTML face (retry, reveal, a score)."""
        import ipywidgets as w

        score = w.HTML(f"<p>Score: 0 of {len(self.questions)}</p>")
        first_try: dict[str, bool] = {}

        def graded(question: Question, right: bool) -> None:
            note = ""
            if question.id not in first_try and not right and self.chapter:
                note = _queue_for_review(self.uid(question))
            first_try.setdefault(question.id, right)
            done = sum(first_try.values())
            score.value = (
                f"<p>Score: {done} of {len(self.questions)} right at the first try "
                f"({len(first_try)} of {len(self.questions)} answered){note}</p>"
            )

        boxes = [w.HTML(f"<h4>{html.escape(self.title)}</h4>")]
        for number, q in enumerate(self.questions, 1):
            boxes.append(_question_widget(w, number, q, graded))
        boxes.append(score)
        panel = w.VBox(boxes)
        panel.add_class("awslab-quiz-live")
        return panel

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/plain"] = f"Quiz: {self.title} ({len(self.questions)} questions)"
        bundle["text/html"] = self.to_html()
        return bundle


def _exam_tags(q: dict, where: str) -> tuple[tuple[str, ...], int | None, str | None]:
    """A question's exam tags, checked: tasks (known task ids, no repeats), difficulty (1-3), see (an existing
    notebook and heading)."""
    from awslab.exam.guide import task_ids
    from awslab.exam.links import resolve

    tasks: tuple[str, ...] = ()
    if "tasks" in q:
        raw = q["tasks"]
        if not isinstance(raw, list) or not raw or not all(isinstance(t, str) for t in raw):
            raise ValueError(f"{where}: tasks {raw!r} must be a non-empty list of task ids such as [saa-2.1, sap-2.2]")
        known = task_ids()
        for t in raw:
            if t not in known:
                raise ValueError(f"{where}: tasks: {t!r} is not an exam task id; allowed: {', '.join(sorted(known))}")
        if len(set(raw)) != len(raw):
            raise ValueError(f"{where}: tasks {raw!r} names a task twice; name each once")
        tasks = tuple(raw)
    difficulty = q.get("difficulty")
    if difficulty is not None and (isinstance(difficulty, bool) or difficulty not in (1, 2, 3)):
        raise ValueError(f"{where}: difficulty {difficulty!r} must be 1 (recall), 2 (apply) or 3 (analyse a trade-off)")
    see = q.get("see")
    if see is not None:
        try:
            notebook, anchor = resolve(see)
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        see = notebook if anchor is None else f"{notebook}#{anchor}"
    return tasks, difficulty, see


def display_order(quiz_id: str, question_id: str, count: int, right: int | None = None) -> tuple[int, ...]:
    """A shuffled answer order, the same wherever and whenever it is computed: seeded by the quiz and question ids.

    The YAML lists the right answer first (easy to write and review); learners see it anywhere. For a single-choice
    question (``right``: the index of its right answer) the seed also picks the position the right answer is shown at,
    uniformly over the positions; the other answers are shuffled around it.

    >>> display_order("s3_fundamentals", "strong-consistency", 4) == display_order("s3_fundamentals", "strong-consistency", 4)
    True
    >>> sorted(display_order("q", "a", 5))
    [0, 1, 2, 3, 4]
    >>> order = display_order("q", "a", 3, right=0)
    >>> order.index(0) == int.from_bytes(__import__("hashlib").sha256(b"q/a").digest()[:8], "big") % 3
    True
    """
    import hashlib
    import random

    seed = int.from_bytes(hashlib.sha256(f"{quiz_id}/{question_id}".encode()).digest()[:8], "big")
    others = [i for i in range(count) if i != right]
    random.Random(seed).shuffle(others)
    if right is None:
        return tuple(others)
    others.insert(seed % count, right)
    return tuple(others)


def _question_widget(w, number: int, q: Question, on_graded=None):
    labels = [(q.answers[i].text, i) for i in q.shown]
    if q.multiple:
        picks = {
            i: w.Checkbox(value=False, description=t, indent=False, layout=w.Layout(width="auto")) for t, i in labels
        }
        chooser = w.VBox(list(picks.values()))

        def chosen() -> set[int]:
            return {i for i, p in picks.items() if p.value}
    else:
        chooser = w.RadioButtons(options=labels, value=None, layout=w.Layout(width="auto"))

        def chosen() -> set[int]:
            return set() if chooser.value is None else {chooser.value}

    button = w.Button(description="Check", button_style="primary")
    reveal = w.Button(description="Show the answer", layout=w.Layout(display="none"))
    feedback = w.HTML()

    def explain(indices, picked) -> str:
        lines = []
        for i in indices:
            a = q.answers[i]
            mark = "✔" if a.correct else "✘"
            style = "font-weight:bold" if i in picked else ""
            lines.append(f"<li style='{style}'>{mark} {html.escape(a.text)}: {html.escape(a.why)}</li>")
        return f"<ul>{''.join(lines)}</ul>"

    def check(_, show_all: bool = False):
        picked = chosen()
        if not picked and not show_all:
            feedback.value = "<span style='color:#8a6d3b'>Choose an answer first.</span>"
            return
        right = q.grade(picked)
        if on_graded is not None and picked:
            on_graded(q, right)
        if right or show_all:
            verdict = "<b style='color:#1e7b34'>Correct.</b>" if right else "<b>The answer:</b>"
            feedback.value = verdict + explain(q.shown, picked)
            reveal.layout.display = "none"
            return
        # Only the wrong picks are explained: the right answer stays for the learner to find.
        wrong = [i for i in q.shown if i in picked and not q.answers[i].correct]
        missing = " Some right answers are not picked yet." if q.multiple and not wrong else ""
        feedback.value = f"<b style='color:#a4262c'>Not quite: try again.</b>{missing}" + explain(wrong, picked)
        reveal.layout.display = ""

    button.on_click(check)
    reveal.on_click(lambda b: check(b, show_all=True))
    hint = " <em>(choose all that apply)</em>" if q.multiple else ""
    box = w.VBox(
        [
            w.HTML(f"<p><b>{number}.</b> {html.escape(q.question)}{hint}</p>"),
            chooser,
            w.HBox([button, reveal]),
            feedback,
        ]
    )
    box.add_class("awslab-q-live")
    return box


def load(quiz_name: str, package: str) -> Quiz:
    """Load ``<package>/quizzes/<quiz_name>.yaml``, e.g. ``load("s3_fundamentals", "awslab.storage")``."""
    source = resources.files(package).joinpath("quizzes", f"{quiz_name}.yaml")
    if not source.is_file():
        raise ValueError(f"no quiz named {quiz_name!r} in {package}.quizzes")
    loaded = Quiz.from_dict(yaml.safe_load(source.read_text(encoding="utf-8")), quiz_name)
    return dataclasses.replace(loaded, chapter=package.rsplit(".", 1)[-1])


def _queue_for_review(uid: str) -> str:
    """A question missed at the first try joins the kernel's review queue (awslab.exam.review); a queue file that
    cannot be written is said, not raised, so the quiz itself keeps working."""
    from awslab.exam.review import ReviewStore

    try:
        ReviewStore().missed([uid])
    except (OSError, ValueError) as error:
        return f" <em>(not added to the review queue: {html.escape(str(error))})</em>"
    return ""


_QUIZ_STYLE = (
    # Its own card, light on a light page and dark on a dark one (the book sets data-theme on <html>).
    "<style>.awslab-quiz{border:1px solid #d5dbe3;border-radius:6px;padding:8px 14px;margin:8px 0;"
    "background:#ffffff;color:#232f3e;color-scheme:light}.awslab-quiz h4{color:inherit;margin-top:6px}"
    ".awslab-a{display:block;margin:3px 0 3px 8px;cursor:pointer}.awslab-a.right{color:#1e7b34}"
    ".awslab-a.wrong{color:#a4262c}.awslab-why{font-style:italic}.awslab-verdict{margin-left:10px;font-weight:bold}"
    ".awslab-check,.awslab-reveal{margin:4px 0 10px 8px;padding:2px 12px}.awslab-score{font-weight:bold}"
    "html[data-theme=dark] .awslab-quiz{background:#1d232b;color:#e3e7ed;border-color:#3b4552;color-scheme:dark}"
    "html[data-theme=dark] .awslab-a.right{color:#7ee2a0}html[data-theme=dark] .awslab-a.wrong{color:#ff9c9c}"
    "</style>"
)
# The check: a wrong pick explains only itself; a right pick or "Show the answer" explains all. State per question
# (picks, whether the first try was right, done) is kept in localStorage under awslab:quiz:<quiz id>, and a page
# whose quizzes are all done is marked under awslab:page:<path> (the site's sidebar shows a tick for it).
_QUIZ_SCRIPT = (
    "<script>(function(){if(window.awslabQuizRestore){window.awslabQuizRestore();return;}var P='awslab:quiz:';"
    "function load(k){try{return JSON.parse(localStorage.getItem(k))||{};}catch(e){return {};}}"
    "function save(k,v){try{localStorage.setItem(k,JSON.stringify(v));}catch(e){}}"
    # A first try that is wrong joins the review queue (awslab/exam/data/exam.js reads the inbox): [uid, local day].
    "function inbox(uid){var t=typeof window.awslabNow==='function'?new Date(+window.awslabNow()):new Date(),"
    "l;try{l=JSON.parse(localStorage.getItem('awslab:review:inbox'))||[];}catch(e){l=[];}"
    "l.push([uid,Math.floor(Date.UTC(t.getFullYear(),t.getMonth(),t.getDate())/864e5)]);"
    "try{localStorage.setItem('awslab:review:inbox',JSON.stringify(l));}catch(e){}}"
    "function score(box){var st=load(P+box.dataset.quiz),n=+box.dataset.questions,first=0,done=0,seen=0;"
    "Object.keys(st).forEach(function(k){var s=st[k];if(s.tried){seen++;if(s.first)first++;if(s.done)done++;}});"
    "box.querySelector('.awslab-score').textContent='Score: '+first+' of '+n+' right at the first try ('+seen+' of '+n+"
    "' answered, '+done+' solved)';"
    "if(done===n){var all=true;document.querySelectorAll('.awslab-quiz').forEach(function(b){var s=load(P+b.dataset.quiz),"
    "d=0;Object.keys(s).forEach(function(k){if(s[k].done)d++;});if(d<+b.dataset.questions)all=false;});"
    "if(all){try{localStorage.setItem('awslab:page:'+location.pathname,'1');}catch(e){}"
    "document.dispatchEvent(new Event('awslab-progress'));}}}"
    "function show(q,all,restore){var labels=q.querySelectorAll('.awslab-a'),picked=0,ok=true;"
    "labels.forEach(function(l){var i=l.querySelector('input');if(i.checked){picked++;}"
    "if(i.checked!==(l.dataset.correct==='1')){ok=false;}});var v=q.querySelector('.awslab-verdict');"
    "if(!picked&&!all){v.textContent='Choose an answer first.';v.className='awslab-verdict';return null;}"
    "var reveal=ok||all;labels.forEach(function(l){var c=l.dataset.correct==='1',ch=l.querySelector('input').checked;"
    "l.classList.toggle('right',reveal&&c);l.classList.toggle('wrong',!c&&ch);"
    "l.querySelector('.awslab-why').hidden=!(reveal||(ch&&!c));});"
    "q.querySelector('.awslab-reveal').hidden=reveal;"
    "v.textContent=ok?'Correct.':all?'The answer is marked above.':'Not quite: try again (the wrong pick says why).';"
    "v.className='awslab-verdict '+(ok?'right':all?'':'wrong');return ok;}"
    "window.awslabQuizCheck=function(button,all){var q=button.closest('.awslab-q'),box=q.closest('.awslab-quiz');"
    "var ok=show(q,all);if(ok===null)return;var st=load(P+box.dataset.quiz),s=st[q.dataset.q]||{};"
    "var picks=[].map.call(q.querySelectorAll('input:checked'),function(i){return i.value;});"
    "if(picks.length&&!s.tried){s.tried=true;s.first=ok;if(!ok&&box.dataset.chapter)inbox(box.dataset.chapter+'/'+"
    "box.dataset.quiz+'/'+q.dataset.q);}if(ok||all)s.done=true;s.picks=picks;s.all=!!all&&!ok;"
    "st[q.dataset.q]=s;save(P+box.dataset.quiz,st);score(box);};"
    "function restore(){document.querySelectorAll('.awslab-quiz').forEach(function(box){if(box.dataset.restored)return;"
    "box.dataset.restored='1';var st=load(P+box.dataset.quiz);box.querySelectorAll('.awslab-q').forEach(function(q){"
    "var s=st[q.dataset.q];if(!s||!s.picks)return;q.querySelectorAll('input').forEach(function(i){"
    "i.checked=s.picks.indexOf(i.value)>=0;});if(s.picks.length||s.all)show(q,s.all,true);});score(box);});}"
    "if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',restore);else restore();"
    "window.awslabQuizRestore=restore;})();</script>"
)
