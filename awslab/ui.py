"""The one explorer pattern: labelled controls -> a model call -> a figure and the model's numbers.

An :class:`Explorer` has two faces in one output:

- live, in a kernel: an ipywidgets panel; every change calls the view function again, and a ``ValueError`` from the
  model is shown inside the panel as a short message (the last good figure stays until the input is fixed);
- kernel-free, for the static book and for a notebook opened without running it: a plotly figure whose slider (or
  dropdown) steps were computed in advance over the explorer's main parameter, the model's numbers in each step's
  subtitle. It is stored under plotly's own mime type next to the widget view; JupyterLab prefers the live widget, the
  book's renderer (``awslab.book``) prefers the figure.
"""

from __future__ import annotations

import html
import inspect
import json
from collections.abc import Callable, Sequence
from dataclasses import KW_ONLY, dataclass, field
from typing import Any

import plotly.graph_objects as go

from awslab import theme

PLOTLY_MIME = "application/vnd.plotly.v1+json"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
MAX_STATIC_STEPS = 25
CONTROL_LABEL = "awslab-control-label"  # the annotation naming a button group (the site draws its own label)
_AXIS_SPACE = 62  # px under the plot kept for tick labels and the x-axis title
_ROW_HEIGHT = 30  # px per row of buttons
_ROW_WIDTH = 640  # px of buttons per row: fits the narrowest plot the book draws at full width


# --- Controls --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Slider:
    """A numeric slider; ``integer`` for whole numbers. ``unit`` is shown after the value."""

    name: str
    label: str
    _: KW_ONLY
    min: float
    max: float
    step: float
    value: float
    unit: str = ""
    integer: bool = False
    static_values: Sequence[float] | None = None  # steps of the kernel-free face (default: evenly spaced)

    def widget(self):
        import ipywidgets as w

        cls = w.IntSlider if self.integer else w.FloatSlider
        description = f"{self.label} ({self.unit})" if self.unit else self.label
        return cls(
            value=self.value,
            min=self.min,
            max=self.max,
            step=self.step,
            description=description,
            continuous_update=False,
            style={"description_width": "initial"},
            layout=w.Layout(width="420px"),
        )

    def steps(self) -> list:
        if self.static_values is not None:
            values = sorted({*self.static_values, self.value})  # the face opens at the notebook's own value
        else:
            count = int(round((self.max - self.min) / self.step)) + 1
            stride = max(1, -(-count // MAX_STATIC_STEPS))
            values = [self.min + i * self.step for i in range(0, count, stride)]
            if self.value not in values:
                values = sorted({*values, self.value})
        return [int(round(v)) if self.integer else round(float(v), 10) for v in values]

    def format(self, value: Any) -> str:
        text = f"{value:,}" if self.integer else f"{value:,.6g}"
        return f"{text} {self.unit}".strip()


@dataclass(frozen=True)
class Choice:
    """A dropdown over ``options`` (values, or (label, value) pairs)."""

    name: str
    label: str
    _: KW_ONLY
    options: Sequence[Any]
    value: Any
    unit: str = ""

    def pairs(self) -> list[tuple[str, Any]]:
        return [o if isinstance(o, tuple) else (str(o), o) for o in self.options]

    def widget(self):
        import ipywidgets as w

        return w.Dropdown(
            options=self.pairs(), value=self.value, description=self.label, style={"description_width": "initial"}
        )

    def steps(self) -> list:
        return [v for _, v in self.pairs()]

    def format(self, value: Any) -> str:
        return next((label for label, v in self.pairs() if v == value), str(value))


@dataclass(frozen=True)
class Number:
    """A free-entry number box: the learner may type anything, and the model's message says what is allowed."""

    name: str
    label: str
    _: KW_ONLY
    value: float
    unit: str = ""
    integer: bool = False

    def widget(self):
        import ipywidgets as w

        cls = w.IntText if self.integer else w.FloatText
        return cls(
            value=self.value,
            description=f"{self.label}" + (f" ({self.unit})" if self.unit else ""),
            continuous_update=False,
            style={"description_width": "initial"},
        )

    def steps(self) -> list:
        return [self.value]

    def format(self, value: Any) -> str:
        return f"{value:,} {self.unit}".strip()


@dataclass(frozen=True)
class Text:
    """A text box (``rows`` > 1 for a text area, e.g. a JSON policy)."""

    name: str
    label: str
    _: KW_ONLY
    value: str
    rows: int = 1

    def widget(self):
        import ipywidgets as w

        if self.rows > 1:
            return w.Textarea(
                value=self.value,
                description=self.label,
                continuous_update=False,
                rows=self.rows,
                style={"description_width": "initial"},
                layout=w.Layout(width="95%"),
            )
        return w.Text(
            value=self.value, description=self.label, continuous_update=False, style={"description_width": "initial"}
        )

    def steps(self) -> list:
        return [self.value]

    def format(self, value: Any) -> str:
        return str(value)


@dataclass(frozen=True)
class Toggle:
    """A checkbox."""

    name: str
    label: str
    _: KW_ONLY
    value: bool

    def widget(self):
        import ipywidgets as w

        return w.Checkbox(value=self.value, description=self.label, style={"description_width": "initial"})

    def steps(self) -> list:
        return [False, True]

    def format(self, value: Any) -> str:
        return "on" if value else "off"


Control = Slider | Choice | Number | Text | Toggle
_LIVE_KIND = {Slider: "slider", Choice: "choice", Number: "number box", Text: "text box", Toggle: "checkbox"}


@dataclass
class View:
    """What one explorer update shows: a figure and the model's headline numbers (label -> formatted value)."""

    figure: go.Figure
    numbers: dict[str, str] = field(default_factory=dict)


# --- The explorer -------------------------------------------------------------------------------------------
class Explorer:
    """Controls wired to ``view(**values) -> View``; see the module docstring for its two faces."""

    def __init__(self, title: str, controls: Sequence[Control], view: Callable[..., View], *, main: str | None = None):
        if not controls:
            raise ValueError("an explorer needs at least one control")
        names = [c.name for c in controls]
        if len(set(names)) != len(names):
            raise ValueError(f"control names must be unique, got {names}")
        _check_view_signature(view, names)
        self.title = title
        self.controls = list(controls)
        self.view = view
        self.main = main or names[0]
        if self.main not in names:
            raise ValueError(f"main={self.main!r} is not one of the controls: {', '.join(names)}")
        self.values = {c.name: c.value for c in self.controls}
        self.error: str | None = None
        self.last_view: View | None = None
        self._widget = None
        self._syncing = False
        self._refresh()

    # The model side (no widgets needed: tests and the static face use these) ------------------------------
    def set(self, **values: Any) -> Explorer:
        """Change control values as a learner would; the view (or the error message) is recomputed."""
        unknown = set(values) - set(self.values)
        if unknown:
            raise ValueError(f"unknown control(s) {sorted(unknown)}; this explorer has {sorted(self.values)}")
        self.values.update(values)
        if self._widget is not None:
            self._syncing = True
            try:
                for name, value in values.items():
                    self._inputs[name].value = value
            finally:
                self._syncing = False
        self._refresh()
        return self

    def _refresh(self) -> None:
        try:
            view = self._view(self.values)
        except ValueError as exc:  # the model's own message, shown in the panel
            self.error = str(exc)
        else:
            self.error = None
            self.last_view = view
        if self._widget is not None:
            self._render_live()

    def _view(self, values: dict[str, Any]) -> View:
        """One model call through the view, its figure in the course theme whatever the chapter's figure code did."""
        view = self.view(**values)
        if view.figure.layout.template.layout.font.family != theme.TEMPLATE.layout.font.family:
            view.figure.update_layout(template=theme.TEMPLATE)
        theme.tidy(view.figure)
        return view

    def static_figure(self) -> go.Figure:
        """The kernel-free face: one figure, a step per value of the main control, numbers in the subtitle."""
        control = next(c for c in self.controls if c.name == self.main)
        steps = []
        for value in control.steps():
            try:
                view = self._view({**{c.name: c.value for c in self.controls}, self.main: value})
            except ValueError:
                continue
            steps.append((value, view))
        if not steps:
            raise ValueError(f"the explorer {self.title!r} produced no figure for any value of {self.main!r}")
        default_index = next((i for i, (v, _) in enumerate(steps) if v == control.value), 0)
        combined = go.Figure(layout=steps[default_index][1].figure.layout)
        owners: list[int] = []
        for index, (_, view) in enumerate(steps):
            for trace in view.figure.data:
                trace = trace.to_plotly_json()
                trace["visible"] = index == default_index
                combined.add_trace(trace)
                owners.append(index)
        subtitles = [_numbers_line(view.numbers) for _, view in steps]
        buttons = isinstance(control, (Choice, Toggle))
        rows = _button_rows([control.format(value) for value, _ in steps]) if buttons and len(steps) > 1 else []
        # A button group has no "current value" caption of its own: label it with an annotation kept in every step.
        label = (
            [
                dict(
                    name=CONTROL_LABEL,
                    text=f"{html.escape(control.label)}:",
                    x=0,
                    xref="paper",
                    xanchor="left",
                    y=0,
                    yref="paper",
                    yanchor="top",
                    yshift=-_AXIS_SPACE,
                    showarrow=False,
                )
            ]
            if rows
            else []
        )
        step_specs = []
        for index, (value, view) in enumerate(steps):
            layout_update = {
                "title.text": tidy_title(view.figure.layout.title.text),
                "title.subtitle.text": subtitles[index],
            }
            for key in ("annotations", "shapes"):
                layout_update[key] = [item.to_plotly_json() for item in (view.figure.layout[key] or ())]
            layout_update["annotations"] += label
            step_specs.append((control.format(value), [owner == index for owner in owners], layout_update))
        combined.update_layout(
            title_text=tidy_title(combined.layout.title.text),
            title_subtitle_text=subtitles[default_index],
            annotations=list(combined.layout.annotations or ()) + label,
        )
        if len(steps) > 1:
            prefix = f"{control.label}: "
            # What the figure was before room was made for plotly's own control: the book draws HTML controls
            # instead (awslab.book) and gives that room back.
            base = {"base_margin_b": combined.layout.margin.b, "base_height": combined.layout.height}
            if buttons:
                # One group of buttons, all visible: a row when they fit the narrowest plot, else a column.
                across = len(rows) == 1
                reserved = _AXIS_SPACE + 26 + _ROW_HEIGHT * (1 if across else len(steps))
                _grow_bottom(combined, reserved)
                plot_height = combined.layout.height - (combined.layout.margin.t or 110) - reserved
                combined.update_layout(
                    updatemenus=[
                        dict(
                            type="buttons",
                            direction="right" if across else "down",
                            showactive=True,
                            x=0,
                            xanchor="left",
                            y=-(_AXIS_SPACE + 24) / plot_height,
                            yanchor="top",
                            pad=dict(t=0, b=0, l=0, r=0),
                            active=default_index,
                            buttons=[
                                dict(label=label, method="update", args=[{"visible": mask}, lay])
                                for label, mask, lay in step_specs
                            ],
                        )
                    ],
                    meta={"awslab_control": {"kind": "buttons", "label": control.label, "reserved": reserved, **base}},
                )
            else:
                combined.update_layout(
                    sliders=[
                        dict(
                            active=default_index,
                            currentvalue=dict(prefix=prefix),
                            pad=dict(t=50),
                            steps=[
                                dict(label=label, method="update", args=[{"visible": mask}, lay])
                                for label, mask, lay in step_specs
                            ],
                        )
                    ],
                    meta={"awslab_control": {"kind": "slider", "label": control.label, "reserved": 130, **base}},
                )
                _grow_bottom(combined, 130)
        live_only = [c for c in self.controls if c.name != self.main or len(steps) == 1]
        if live_only:
            # The site moves the main control only: the book prints what the JupyterLab face adds (awslab.book).
            meta = dict(combined.layout.meta or {})
            meta["awslab_live_only"] = [f"{c.label} ({_LIVE_KIND[type(c)]})" for c in live_only]
            combined.update_layout(meta=meta)
        return combined

    # The live side ----------------------------------------------------------------------------------------
    @property
    def widget(self):
        """The ipywidgets panel (built on first use)."""
        if self._widget is None:
            self._build_widget()
        return self._widget

    def _build_widget(self) -> None:
        import ipywidgets as w

        self._inputs = {c.name: c.widget() for c in self.controls}
        for name, input_widget in self._inputs.items():
            input_widget.observe(lambda change, name=name: self._on_change(name, change["new"]), names="value")
        self._error_box = w.HTML(layout=w.Layout(min_height="0px"))
        self._figure_out = w.Output(layout=w.Layout(min_height="420px"))
        self._numbers_box = w.HTML()
        title = w.HTML(f"<h4 style='margin:4px 0'>{html.escape(self.title)}</h4>")
        controls = w.Box(list(self._inputs.values()), layout=w.Layout(display="flex", flex_flow="row wrap"))
        self._widget = w.VBox([title, controls, self._error_box, self._numbers_box, self._figure_out])
        self._widget.add_class("awslab-explorer")
        self._render_live()

    def _on_change(self, name: str, value: Any) -> None:
        if not self._syncing and self.values.get(name) != value:
            self.values[name] = value
            self._refresh()

    def _render_live(self) -> None:
        if self.error:
            self._error_box.value = (
                "<div class='awslab-error' role='alert' style='color:#a4262c;background:#fde7e9;padding:6px 10px;"
                f"border-left:4px solid #a4262c'>{html.escape(self.error)}</div>"
            )
            return
        self._error_box.value = ""
        view = self.last_view
        self._numbers_box.value = _numbers_table(view.numbers)
        figure_json = json.loads(view.figure.to_json())
        self._figure_out.outputs = (
            {
                "output_type": "display_data",
                "metadata": {},
                "data": {PLOTLY_MIME: figure_json, "text/plain": self.title},
            },
        )

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/plain"] = f"Explorer: {self.title} (move '{self.main}')"
        bundle[PLOTLY_MIME] = json.loads(self.static_figure().to_json())
        return bundle


def _check_view_signature(view: Callable[..., View], names: list[str]) -> None:
    """Fail when the explorer is built, as ``ipywidgets.interact`` does, if a control names no parameter of the view
    or the view needs a parameter that no control gives."""
    try:
        parameters = list(inspect.signature(view).parameters.values())
    except (TypeError, ValueError):  # a builtin or C callable: nothing to check against
        return
    named = {p.name for p in parameters if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}
    if not any(p.kind is p.VAR_KEYWORD for p in parameters):
        unknown = [name for name in names if name not in named]
        if unknown:
            raise ValueError(
                f"control(s) {', '.join(map(repr, unknown))} are not parameters of the view "
                f"{getattr(view, '__name__', 'view')}({', '.join(sorted(named))})"
            )
    missing = [
        p.name
        for p in parameters
        if p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name not in names
    ]
    if missing:
        raise ValueError(f"the view needs {', '.join(map(repr, missing))}, which no control gives")


def _grow_bottom(fig: go.Figure, bottom_margin: int) -> None:
    """Make room under the plot for a slider or dropdown without shrinking the plot itself."""
    old_margin = fig.layout.margin.b if fig.layout.margin.b is not None else 60
    height = fig.layout.height or 420
    fig.update_layout(margin=dict(b=bottom_margin), height=height + max(0, bottom_margin - old_margin))


def _button_rows(labels: list[str]) -> list[list[int]]:
    """Step indices split into rows of buttons that fit ``_ROW_WIDTH`` (plotly's buttons never wrap by themselves).

    >>> _button_rows(["a", "b"])
    [[0, 1]]
    >>> len(_button_rows(["a fairly long option label"] * 6))
    3
    """
    rows: list[list[int]] = [[]]
    width = 0
    for index, text in enumerate(labels):
        button = 7.5 * len(text) + 22
        if rows[-1] and width + button > _ROW_WIDTH:
            rows.append([])
            width = 0
        rows[-1].append(index)
        width += button
    return rows


def tidy_title(text: str | None) -> str | None:
    """A title with its long numbers rounded: ``USD 15.0976`` -> ``USD 15.10``, ``0.333333 h`` -> ``0.333 h``.

    >>> tidy_title("USD 15.0976 a month, 0.333333 h, 12 GiB, 1234.56789 ms, 2.718281 s")
    'USD 15.10 a month, 0.333 h, 12 GiB, 1235 ms, 2.72 s'
    """
    if not text:
        return text
    import re  # only here: the module's imports stay lean

    money = re.sub(
        r"((?:USD|\$)\s?)(\d[\d,]*\.\d{3,})",
        lambda m: f"{m.group(1)}{float(m.group(2).replace(',', '')):,.2f}",
        text,
    )

    def three_digits(match) -> str:
        value = float(match.group(1))
        decimals = max(0, 3 - len(str(int(value)))) if value >= 1 else 3
        return f"{value:.{decimals}f}"

    return re.sub(r"(?<![\d.])(\d+\.\d{4,})(?!\d)", three_digits, money)


def _numbers_line(numbers: dict[str, str]) -> str:
    items = [f"{k}: <b>{html.escape(str(v))}</b>" for k, v in numbers.items()]
    return "<br>".join(" · ".join(items[i : i + 2]) for i in range(0, len(items), 2))


def _numbers_table(numbers: dict[str, str]) -> str:
    rows = "".join(
        f"<tr><td style='padding:2px 12px 2px 0'>{html.escape(k)}</td><td><b>{html.escape(str(v))}</b></td></tr>"
        for k, v in numbers.items()
    )
    return f"<table class='awslab-numbers'>{rows}</table>"


def explorer(
    title: str, controls: Sequence[Control], view: Callable[..., View], *, main: str | None = None
) -> Explorer:
    """Build an :class:`Explorer` (the form every ``explore_<thing>`` function returns)."""
    return Explorer(title, controls, view, main=main)


def figure_with_numbers(fig: go.Figure, numbers: dict[str, str]) -> View:
    """A :class:`View` with the figure themed."""
    return View(theme.apply(fig), numbers)


# --- Tables ------------------------------------------------------------------------------------------------------
def table_html(frame) -> str:
    """A DataFrame as the notebook shows it, without pandas' 0..n-1 row numbers (a meaningful index is kept).

    >>> import pandas as pd
    >>> "<th>0</th>" in table_html(pd.DataFrame({"class": ["STANDARD"], "USD/GB": [0.023]}))
    False
    >>> "<th>STANDARD</th>" in table_html(pd.DataFrame({"USD/GB": [0.023]}, index=["STANDARD"]))
    True
    """
    import pandas as pd

    index = frame.index
    default = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1 and index.name is None
    if not default:
        return frame._repr_html_()
    return frame.to_html(
        index=False,
        notebook=True,
        max_rows=pd.get_option("display.max_rows"),
        max_cols=pd.get_option("display.max_columns"),
        show_dimensions=pd.get_option("display.show_dimensions"),
    )


def show_tables_without_row_numbers(shell=None) -> bool:
    """Make the kernel show DataFrames through :func:`table_html` (done when awslab.ui is imported in a kernel).

    Returns whether a shell was there to configure. Text output (``text/plain``) is unchanged.
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - IPython comes with the kernel
            return False
        shell = get_ipython()
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters["text/html"]
    for module in ("pandas", "pandas.core.frame"):  # DataFrame.__module__ is "pandas" since pandas 3
        formatter.for_type_by_name(module, "DataFrame", table_html)
    return True


show_tables_without_row_numbers()
