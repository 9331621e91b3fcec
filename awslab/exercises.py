"""Exercises: "your turn" tasks with a checked answer, a hint and a solution, in JupyterLab and on the static site.

An exercise is a task whose answer the course's own models compute, so the answer key can never drift from what the
explorers show. Define them on the model side (``awslab/<chapter>/exercises.py`` or an ``exercises/`` package, one
module per notebook) and show them in the notebook::

    from awslab.storage.exercises import glacier as ex
    ex.restore_cost          # the task, a hint and a solution that open on click, and an answer box
    ex.restore_cost.check(12.5)    # in JupyterLab: says right or not yet, and why

Three kinds:

- :func:`number`: a numeric answer, right within a relative tolerance (1 % unless told), units optional;
- :func:`choice`: one of a few named options;
- :func:`code`: a task checked by a Python function the chapter supplies (e.g. "write a policy that ..."), checked
  in JupyterLab only; the site shows the hint and the solution and says where the check runs.

The HTML face works without a kernel: the answer box of a number or choice exercise checks in the browser, and a
solved exercise is remembered in ``localStorage`` under ``awslab:exercise:<id>``. The live face (JupyterLab) is an
ipywidgets form with the same answer box. The notebook pins only the text line ``Exercise <id>: <title>``.

>>> ex = number("demo-1", "Doubling", task="What is 2 x 21?", answer=42, hint="Add 21 to itself.",
...             solution="2 x 21 = 42.")
>>> ex.check(42).right, ex.check("43").right
(True, False)
>>> print(ex.check(43))
Not yet: 43 is 2.4% too high.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

EXERCISE_MIME = "application/vnd.awslab.exercise+json"

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_NUMBER = re.compile(r"^\s*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*%?\s*([A-Za-z/$ -]*)\s*$")
MAX_ANSWER_CHARS = 200


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown_html(text: str) -> str:
    """Our Markdown (CommonMark, raw HTML escaped) as HTML.

    >>> markdown_html("Use `gp3`.")
    '<p>Use <code>gp3</code>.</p>\\n'
    """
    return _markdown().render(text)


@dataclass(frozen=True)
class Verdict:
    """The result of a check: ``right``, and a message that says why."""

    right: bool
    message: str

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.right


def _parse_number(value) -> float:
    if isinstance(value, bool):
        raise TypeError(f"answer must be a number, not {value!r}")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        if len(value) > MAX_ANSWER_CHARS:
            raise ValueError(f"answer is {len(value)} characters long; at most {MAX_ANSWER_CHARS} are read")
        match = _NUMBER.match(value)
        if not match:
            raise ValueError(f"answer {value!r} is not a number (digits, optionally with commas and a unit)")
        number = float(match.group(1).replace(",", ""))
    else:
        raise TypeError(f"answer must be a number or a numeric string, not {type(value).__name__}")
    if not math.isfinite(number):
        raise ValueError(f"answer {value!r} is not a finite number")
    return number


@dataclass(frozen=True, kw_only=True)
class Exercise:
    """One exercise. Build it with :func:`number`, :func:`choice` or :func:`code`."""

    id: str
    title: str
    task: str
    hint: str
    solution: str
    kind: str
    answer: float | str | None = None
    tolerance: float = 0.01
    unit: str = ""
    choices: tuple[str, ...] = ()
    checker: Callable | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        if not isinstance(self.id, str) or not _ID.match(self.id):
            raise ValueError(f"exercise id {self.id!r} must be 1-63 lowercase letters, digits and dashes")
        for name in ("title", "task", "hint", "solution"):
            text = getattr(self, name)
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"exercise {self.id!r}: {name} must be non-empty text")
        if self.kind == "number":
            if isinstance(self.answer, bool) or not isinstance(self.answer, (int, float)):
                raise TypeError(f"exercise {self.id!r}: answer must be a number, not {self.answer!r}")
            if not math.isfinite(self.answer):
                raise ValueError(f"exercise {self.id!r}: answer {self.answer!r} is not finite")
            if not (0 <= self.tolerance < 1):
                raise ValueError(f"exercise {self.id!r}: tolerance {self.tolerance!r} must be in [0, 1)")
        elif self.kind == "choice":
            if len(self.choices) < 2 or self.answer not in self.choices:
                raise ValueError(f"exercise {self.id!r}: answer {self.answer!r} must be one of 2+ choices")
        elif self.kind == "code":
            if not callable(self.checker):
                raise TypeError(f"exercise {self.id!r}: a code exercise needs a checker function")
        else:
            raise ValueError(f"exercise {self.id!r}: kind {self.kind!r} is not one of number, choice, code")

    # --- checking ------------------------------------------------------------------------------------------------
    def check(self, value) -> Verdict:
        """Check an answer: a :class:`Verdict` whose text says right, or how far off and which way.

        >>> choice("demo-2", "Pick", task="Which is a storage class?", choices=("gp3", "Glacier Flexible Retrieval"),
        ...        answer="Glacier Flexible Retrieval", hint="Not a volume type.", solution="gp3 is an EBS volume type.").check("gp3")
        Not yet: 'gp3' is not the best choice. Open the hint.
        """
        if self.kind == "number":
            try:
                got = _parse_number(value)
            except (TypeError, ValueError) as error:
                return Verdict(False, f"Not checked: {error}.")
            want = float(self.answer)
            unit = f" {self.unit}" if self.unit else ""
            if _close(got, want, self.tolerance):
                return Verdict(True, f"Right: {_fmt(want)}{unit}.")
            if want == 0:
                return Verdict(False, f"Not yet: {_fmt(got)}{unit} is off.")
            off = (got - want) / abs(want)
            way = "high" if off > 0 else "low"
            return Verdict(False, f"Not yet: {_fmt(got)}{unit} is {abs(off):.1%} too {way}.")
        if self.kind == "choice":
            if not isinstance(value, str):
                return Verdict(False, f"Not checked: answer must be one of {list(self.choices)}, not {value!r}.")
            picked = value.strip()
            if picked not in self.choices:
                return Verdict(False, f"Not checked: {picked!r} is not one of {list(self.choices)}.")
            if picked == self.answer:
                return Verdict(True, f"Right: {picked}.")
            return Verdict(False, f"Not yet: {picked!r} is not the best choice. Open the hint.")
        try:
            result = self.checker(value)
        except (TypeError, ValueError) as error:
            return Verdict(False, f"Not yet: {error}")
        if isinstance(result, Verdict):
            return result
        ok, message = result
        return Verdict(bool(ok), ("Right: " if ok else "Not yet: ") + message)

    # --- faces ---------------------------------------------------------------------------------------------------
    def to_html(self) -> str:
        """The kernel-free face: task, answer box (number/choice), hint and solution that open on click."""
        eid = html.escape(self.id)
        parts = [
            _STYLE,
            f"<div class='awslab-ex' id='exercise-{eid}' data-ex='{eid}' data-kind='{self.kind}'"
            + (
                f" data-answer='{html.escape(json.dumps(self.answer))}' data-tol='{self.tolerance}'"
                f" data-unit='{html.escape(self.unit)}'"
                if self.kind != "code"
                else ""
            )
            + ">",
            f"<p class='awslab-ex-title'><b>Your turn: {html.escape(self.title)}</b></p>",
            f"<div class='awslab-ex-task'>{markdown_html(self.task)}</div>",
        ]
        if self.kind == "number":
            unit = f" <span>{html.escape(self.unit)}</span>" if self.unit else ""
            parts.append(
                f"<p><label>Your answer <input type='text' inputmode='decimal' class='awslab-ex-in' maxlength='40'"
                f" aria-label='answer to {eid}'></label>{unit} "
                "<button type='button' class='awslab-ex-check' onclick='awslabExCheck(this)'>Check</button>"
                " <span class='awslab-ex-verdict' aria-live='polite'></span></p>"
            )
        elif self.kind == "choice":
            options = "".join(
                f"<label class='awslab-ex-opt'><input type='radio' name='ex-{eid}' value='{html.escape(c)}'> "
                f"{html.escape(c)}</label>"
                for c in self.choices
            )
            parts.append(
                f"<div>{options}</div><p><button type='button' class='awslab-ex-check' onclick='awslabExCheck(this)'>"
                "Check</button> <span class='awslab-ex-verdict' aria-live='polite'></span></p>"
            )
        else:
            parts.append(
                "<p class='awslab-ex-live'><i>Checked in JupyterLab: run <code>"
                f"{html.escape(self.id.replace('-', '_'))}.check(your_answer)</code> "
                "with the kernel (the exercise's own check function runs there).</i></p>"
            )
        parts.append(f"<details class='awslab-ex-hint'><summary>Hint</summary>{markdown_html(self.hint)}</details>")
        parts.append(
            f"<details class='awslab-ex-solution'><summary>Solution</summary>{markdown_html(self.solution)}</details>"
        )
        parts.append("</div>")
        parts.append(_SCRIPT)
        return "".join(parts)

    def widget(self):
        """The live face: the task, an answer box that calls :meth:`check`, hint and solution on click."""
        import ipywidgets as w

        head = w.HTML(
            f"<p><b>Your turn: {html.escape(self.title)}</b></p>{markdown_html(self.task)}"
            f"<details><summary>Hint</summary>{markdown_html(self.hint)}</details>"
            f"<details><summary>Solution</summary>{markdown_html(self.solution)}</details>"
        )
        verdict = w.HTML()
        if self.kind == "choice":
            box = w.RadioButtons(options=list(self.choices), value=None, layout=w.Layout(width="auto"))
        elif self.kind == "number":
            box = w.Text(placeholder=f"your answer{' in ' + self.unit if self.unit else ''}")
        else:
            box = None
        children = [head]
        if box is not None:
            button = w.Button(description="Check")

            def clicked(_):
                result = self.check(box.value)
                colour = "#1e7b34" if result.right else "#a4262c"
                verdict.value = f"<span style='color:{colour};font-weight:bold'>{html.escape(str(result))}</span>"

            button.on_click(clicked)
            children += [w.HBox([box, button]), verdict]
        else:
            children.append(
                w.HTML(
                    f"<i>Check it with <code>{html.escape(self.id.replace('-', '_'))}.check(your_answer)</code>.</i>"
                )
            )
        panel = w.VBox(children)
        panel.add_class("awslab-ex-live")
        return panel

    def __repr__(self) -> str:
        return f"Exercise {self.id}: {self.title}"

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        try:
            bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude)
        except ImportError:  # pragma: no cover - ipywidgets is pinned
            bundle = {}
        bundle[EXERCISE_MIME] = {"id": self.id, "kind": self.kind}
        bundle["text/plain"] = repr(self)
        bundle["text/html"] = self.to_html()
        return bundle


def _close(got: float, want: float, tolerance: float) -> bool:
    if want == 0:
        return abs(got) <= max(tolerance, 1e-9)
    return abs(got - want) <= tolerance * abs(want) + 1e-12


def _fmt(x: float) -> str:
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) >= 1e-3 else f"{x:.3g}"


def number(
    id: str, title: str, *, task: str, answer: float, hint: str, solution: str, unit: str = "", tolerance: float = 0.01
) -> Exercise:
    """A numeric exercise, right within ``tolerance`` (relative; 0.01 is 1 %).

    >>> number("demo-3", "Half", task="Half of 9?", answer=4.5, hint="Divide.", solution="4.5").check("4.5").right
    True
    """
    return Exercise(
        id=id,
        title=title,
        task=task,
        hint=hint,
        solution=solution,
        kind="number",
        answer=answer,
        tolerance=tolerance,
        unit=unit,
    )


def choice(id: str, title: str, *, task: str, choices, answer: str, hint: str, solution: str) -> Exercise:
    """A multiple-choice exercise with one best option (shown in the order given).

    >>> choice("demo-4", "Pick", task="2+2?", choices=("3", "4"), answer="4", hint="Count.", solution="4").check("4")
    Right: 4.
    """
    return Exercise(
        id=id,
        title=title,
        task=task,
        hint=hint,
        solution=solution,
        kind="choice",
        answer=answer,
        choices=tuple(choices),
    )


def code(id: str, title: str, *, task: str, checker: Callable, hint: str, solution: str) -> Exercise:
    """An exercise checked by ``checker(value) -> (ok, message)`` (or a :class:`Verdict`), in JupyterLab only.

    >>> ex = code("demo-5", "Even", task="Give an even number.", checker=lambda v: (v % 2 == 0, f"{v}"),
    ...           hint="Try 2.", solution="Any multiple of 2.")
    >>> ex.check(4), ex.check(3)
    (Right: 4, Not yet: 3)
    """
    return Exercise(id=id, title=title, task=task, hint=hint, solution=solution, kind="code", checker=checker)


_STYLE = (
    "<style>.awslab-ex{border:1px solid #d5dbe3;border-left:4px solid #ff9900;border-radius:6px;padding:8px 14px;"
    "margin:10px 0;background:#ffffff;color:#232f3e;color-scheme:light}.awslab-ex details{margin:4px 0}"
    ".awslab-ex summary{cursor:pointer;font-weight:bold}.awslab-ex-opt{display:block;margin:3px 0 3px 8px}"
    ".awslab-ex-verdict.right{color:#1e7b34;font-weight:bold}.awslab-ex-verdict.wrong{color:#a4262c;font-weight:bold}"
    ".awslab-ex-in{width:10em;max-width:60vw}"
    "html[data-theme=dark] .awslab-ex{background:#1d232b;color:#e3e7ed;border-color:#3b4552;border-left-color:#ff9900;"
    "color-scheme:dark}html[data-theme=dark] .awslab-ex-verdict.right{color:#7ee2a0}"
    "html[data-theme=dark] .awslab-ex-verdict.wrong{color:#ff9c9c}</style>"
)

# The browser's check mirrors Exercise.check for number and choice exercises; a solved one is kept in localStorage.
_SCRIPT = (
    "<script>(function(){if(window.awslabExCheck){window.awslabExRestore();return;}var P='awslab:exercise:';"
    "function num(s){s=String(s).trim();var m=s.match(/^([-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)"
    "\\s*%?\\s*[A-Za-z\\/$ -]*$/);return m?parseFloat(m[1].replace(/,/g,'')):NaN;}"
    "function verdict(box){var k=box.dataset.kind,want=JSON.parse(box.dataset.answer);"
    "if(k==='number'){var raw=box.querySelector('.awslab-ex-in').value,got=num(raw),tol=+box.dataset.tol,"
    "u=box.dataset.unit?' '+box.dataset.unit:'';if(!raw.trim())return [null,'Type an answer first.'];"
    "if(!isFinite(got))return [null,'Not checked: that is not a number.'];"
    "var ok=want===0?Math.abs(got)<=Math.max(tol,1e-9):Math.abs(got-want)<=tol*Math.abs(want)+1e-12;"
    "if(ok)return [true,'Right: '+want.toLocaleString('en-US',{maximumFractionDigits:6})+u+'.'];"
    "if(want===0)return [false,'Not yet: that is off.'];var off=(got-want)/Math.abs(want);"
    "return [false,'Not yet: '+(Math.abs(off)*100).toFixed(1)+'% too '+(off>0?'high':'low')+'.'];}"
    "var c=box.querySelector('input:checked');if(!c)return [null,'Choose an answer first.'];"
    "return c.value===want?[true,'Right: '+want+'.']:[false,'Not yet: not the best choice. Open the hint.'];}"
    "window.awslabExCheck=function(button){var box=button.closest('.awslab-ex'),r=verdict(box),"
    "v=box.querySelector('.awslab-ex-verdict');v.textContent=r[1];v.className='awslab-ex-verdict'+"
    "(r[0]===true?' right':r[0]===false?' wrong':'');if(r[0]===true){try{localStorage.setItem(P+box.dataset.ex,"
    "'solved');}catch(e){}document.dispatchEvent(new Event('awslab-progress'));}};"
    "function restore(){document.querySelectorAll('.awslab-ex').forEach(function(box){var s=null;"
    "try{s=localStorage.getItem(P+box.dataset.ex);}catch(e){}var v=box.querySelector('.awslab-ex-verdict');"
    "if(s==='solved'&&v&&!v.textContent){v.textContent='Solved before.';v.className='awslab-ex-verdict right';}});}"
    "window.awslabExRestore=restore;"
    "if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',restore);else restore();})();"
    "</script>"
)
