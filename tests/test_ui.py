"""The explorer pattern: model errors shown in the panel, a kernel-free face with one step per main value."""

import json

import plotly.graph_objects as go
import pytest

from awslab import ui


def square_view(x, label="sq"):
    if x < 0:
        raise ValueError(f"x={x} must be >= 0")
    fig = go.Figure(go.Scatter(x=[0, 1], y=[0, x * x], name=label))
    fig.update_layout(title_text=f"{label} of {x}")
    return ui.View(fig, {"x squared": f"{x * x:g}"})


def make():
    return ui.explorer(
        "Squares",
        [
            ui.Slider("x", "x", min=0, max=4, step=1, value=2),
            ui.Choice("label", "label", options=["sq", "square"], value="sq"),
        ],
        square_view,
    )


def test_typed_bad_value_shows_the_model_message():
    e = ui.explorer("Typed", [ui.Number("x", "x", value=2)], square_view)
    box = e.widget
    e._inputs["x"].value = -5
    assert e.error == "x=-5.0 must be >= 0"
    assert "x=-5.0 must be &gt;= 0" in e._error_box.value
    e._inputs["x"].value = 5
    assert e._error_box.value == "" and "25" in e._numbers_box.value and box is e.widget


def test_error_is_a_message_and_last_good_view_stays():
    e = make()
    assert e.error is None and e.last_view.numbers == {"x squared": "4"}
    e.set(x=-3)
    assert e.error == "x=-3 must be >= 0"
    assert e.last_view.numbers == {"x squared": "4"}
    e.set(x=3)
    assert e.error is None and e.last_view.numbers == {"x squared": "9"}
    with pytest.raises(ValueError, match="unknown control"):
        e.set(y=1)


def test_static_face_has_a_step_per_main_value_and_only_default_visible():
    fig = make().static_figure()
    slider = fig.layout.sliders[0]
    assert [s.label for s in slider.steps] == ["0", "1", "2", "3", "4"]
    assert slider.active == 2
    assert [t.visible for t in fig.data] == [False, False, True, False, False]
    for index, step in enumerate(slider.steps):
        assert step.args[0]["visible"] == [i == index for i in range(5)]
        assert step.args[1]["title.subtitle.text"] == f"x squared: <b>{index * index}</b>"
        assert step.args[1]["title.text"] == f"sq of {float(index)}"


def test_numbers_wrap_two_per_line():
    assert ui._numbers_line({"a": "1", "b": "2", "c": "<3>"}) == "a: <b>1</b> · b: <b>2</b><br>c: <b>&lt;3&gt;</b>"


def test_static_face_skips_values_the_model_refuses():
    e = ui.explorer("S", [ui.Slider("x", "x", min=-2, max=2, step=1, value=0)], square_view)
    assert [s.label for s in e.static_figure().layout.sliders[0].steps] == ["0", "1", "2"]


def test_dropdown_main_control_uses_buttons():
    e = ui.explorer(
        "S",
        [
            ui.Choice("label", "label", options=["sq", "square"], value="sq"),
            ui.Slider("x", "x", min=0, max=4, step=1, value=2),
        ],
        square_view,
    )
    menu = e.static_figure().layout.updatemenus[0]
    assert [b.label for b in menu.buttons] == ["sq", "square"]


def test_mimebundle_has_both_faces_and_a_stable_text():
    bundle = make()._repr_mimebundle_()
    assert set(bundle) == {"text/plain", ui.WIDGET_MIME, ui.PLOTLY_MIME}
    assert bundle["text/plain"] == "Explorer: Squares (move 'x')"
    json.dumps(bundle[ui.PLOTLY_MIME])  # plain JSON
    assert "bdata" not in json.dumps(bundle[ui.PLOTLY_MIME])


def test_live_widget_reacts_and_shows_errors():
    e = make()
    widget = e.widget
    e._inputs["x"].value = 4
    assert "16" in e._numbers_box.value
    e._inputs["x"].value = 3
    figure = e._figure_out.outputs[0]["data"][ui.PLOTLY_MIME]
    assert figure["data"][0]["y"] == [0, 9]
    assert widget is e.widget


def test_bad_construction():
    with pytest.raises(ValueError, match="main='nope'"):
        ui.explorer("S", [ui.Slider("x", "x", min=0, max=1, step=1, value=0)], square_view, main="nope")
    with pytest.raises(ValueError, match="unique"):
        ui.explorer(
            "S",
            [ui.Slider("x", "x", min=0, max=1, step=1, value=0), ui.Slider("x", "x", min=0, max=1, step=1, value=0)],
            square_view,
        )


def test_every_storage_explorer_updates_within_budget():
    import time

    from awslab.storage import explorers

    for build in (
        explorers.explore_consistency,
        explorers.explore_durability,
        explorers.explore_policy_comparison,
        explorers.explore_lifecycle_policy,
        explorers.explore_multipart,
        explorers.explore_presign_expiry,
    ):
        e = build()
        assert e.error is None, build.__name__
        main = next(c for c in e.controls if c.name == e.main)
        start = time.thread_time()
        for value in main.steps()[:5]:
            e.set(**{e.main: value})
        per_update = (time.thread_time() - start) / min(5, len(main.steps()))
        assert per_update < 0.25, (
            f"{build.__name__}: {per_update * 1000:.0f} ms per update"
        )  # generous on a loaded CI box


def test_the_static_face_opens_at_the_starting_value_even_with_hand_picked_steps():
    from awslab import ui as u

    control = u.Slider("memory_gib", "memory", min=1, max=512, step=1, value=40, static_values=[1, 16, 64, 256])
    assert control.steps() == [1, 16, 40, 64, 256]
    fig = u.explorer("m", [control], lambda memory_gib: _demo_view(memory_gib)).static_figure()
    slider = fig.layout.sliders[0]
    assert slider.steps[slider.active].label == "40"


def test_control_fields_after_the_label_are_keyword_only():
    from awslab import ui as u

    with pytest.raises(TypeError):
        u.Slider("x", "x", 0, 10, 1, 5)  # the positional form is refused on purpose


def test_a_control_name_that_the_view_does_not_take_fails_when_the_explorer_is_built():
    from awslab import ui as u

    def view(size_gib):
        return _demo_view(size_gib)

    with pytest.raises(ValueError, match=r"control\(s\) 'size_gb' are not parameters of the view view\(size_gib\)"):
        u.explorer("typo", [u.Slider("size_gb", "size", min=1, max=10, step=1, value=2)], view)
    with pytest.raises(ValueError, match="the view needs 'size_gib', which no control gives"):
        u.explorer("missing", [u.Toggle("other", "other", value=True)], lambda other, size_gib: _demo_view(1))


def test_every_explorer_figure_gets_the_course_theme_even_when_its_view_skips_it():
    import plotly.graph_objects as go

    from awslab import theme
    from awslab import ui as u

    bare = u.explorer(
        "bare", [u.Slider("n", "n", min=1, max=3, step=1, value=2)], lambda n: u.View(go.Figure(go.Bar(y=[n])), {})
    )
    assert bare.last_view.figure.layout.template.layout.font.family == theme.TEMPLATE.layout.font.family
    assert bare.static_figure().layout.template.layout.font.family == theme.TEMPLATE.layout.font.family


def _demo_view(value):
    import plotly.graph_objects as go

    from awslab import ui as u

    return u.figure_with_numbers(go.Figure(go.Bar(y=[value]), layout=dict(title_text=f"v={value}")), {"v": str(value)})


def test_the_static_face_names_the_controls_only_the_live_face_has():
    fig = make().static_figure()
    assert fig.layout.meta["awslab_live_only"] == ["label (choice)"]
    from awslab import book

    note = book.live_only_note(fig.layout.meta)
    assert note.startswith("<p class='awslab-live-only'>") and "label (choice)" in note and "move x." in note
    assert f"{note}</div>" in book.figure_html(fig.to_json(), "fig-test")
    single = ui.explorer("One", [ui.Slider("x", "x", min=0, max=4, step=1, value=2)], square_view).static_figure()
    assert "awslab_live_only" not in (single.layout.meta or {}) and book.live_only_note(single.layout.meta) == ""
    typed = ui.explorer("Typed", [ui.Number("x", "x", value=2)], square_view).static_figure()
    assert typed.layout.meta["awslab_live_only"] == ["x (number box)"]


def test_tables_drop_pandas_row_numbers_in_a_kernel_but_keep_a_meaningful_index():
    import pandas as pd
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    assert ui.show_tables_without_row_numbers(shell)
    plain = pd.DataFrame({"class": ["STANDARD", "GLACIER"], "USD/GB": [0.023, 0.0036]})
    data, _ = shell.display_formatter.format(plain)
    assert "<th>0</th>" not in data["text/html"] and "<td>STANDARD</td>" in data["text/html"]
    assert 'class="dataframe"' in data["text/html"] and data["text/plain"] == repr(plain)
    named = plain.set_index("class")
    assert "<th>STANDARD</th>" in shell.display_formatter.format(named)[0]["text/html"]
    sliced = plain.iloc[1:]  # a RangeIndex that does not start at 0 is information: kept
    assert "<th>1</th>" in shell.display_formatter.format(sliced)[0]["text/html"]


def _figure_layout(page: str) -> dict:
    start = page.index('"layout": ') if '"layout": ' in page else page.index('"layout":')
    return json.loads("{" + page[start:].split(', {"displaylogo"', 1)[0].rstrip(")").rstrip(",") + "}")


def test_the_site_draws_html_controls_in_place_of_plotlys_own():
    from awslab import book

    explorer = make()
    page = book.figure_html(explorer.static_figure().to_json(), "fig-x")
    assert "<input type='range' class='awslab-range' id='fig-x-range' min='0' max='4' step='1' value='2'" in page
    assert "data-labels='[&quot;0&quot;, &quot;1&quot;, &quot;2&quot;, &quot;3&quot;, &quot;4&quot;]'" in page
    assert "<div class='awslab-fig-heading'>sq of 2.0</div>" in page
    assert "<div class='awslab-fig-sub'>x squared: <b>4</b></div>" in page
    assert '"visible":false' in page.replace(" ", "") and '"text":""' in page.replace(" ", "")
    buttons = ui.explorer(
        "Pick",
        [
            ui.Choice("label", "label", options=["sq", "square", "cube"], value="square"),
            ui.Slider("x", "x", min=0, max=4, step=1, value=2),
        ],
        square_view,
        main="label",
    )
    page = book.figure_html(buttons.static_figure().to_json(), "fig-y")
    assert page.count("class='awslab-step'") == 3 and "data-step='1' aria-pressed='true'" in page
    fig = buttons.static_figure()
    assert any(a.name == ui.CONTROL_LABEL for a in fig.layout.annotations)
    book._html_controls(fig, fig.layout.meta, "fig-z")  # what figure_html does to the figure it draws
    assert not any(a.name == ui.CONTROL_LABEL for a in fig.layout.annotations)
    assert (
        fig.layout.updatemenus[0].visible is False
        and fig.layout.margin.b == fig.layout.meta["awslab_control"]["base_margin_b"]
    )


def test_title_markup_is_kept_and_anything_else_escaped():
    from awslab import book

    assert book.plotly_text_html("a<br>b <i>c</i> <img src=x onerror=alert(1)>") == (
        "a<br>b <i>c</i> &lt;img src=x onerror=alert(1)&gt;"
    )
