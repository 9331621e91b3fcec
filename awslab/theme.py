"""The course's one plotly look, and the renderer every figure goes through.

Importing this module registers the ``awslab`` template and pins plotly's notebook renderer to the deterministic
``plotly_mimetype`` (so a figure's stored output is plain JSON that nbval can compare, whatever PLOTLY_RENDERER says).
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
AWS_ORANGE = "#ff9900"

# A small layout-only template: it is embedded in every stored figure, so it stays lean.
TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font=dict(family="DejaVu Sans, Arial, sans-serif", size=13, color="#232f3e"),
        colorway=COLORS,
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        margin=dict(l=70, r=30, t=110, b=60),
        hovermode="closest",
        xaxis=dict(gridcolor="#e5e8ec", zerolinecolor="#c9ced6", automargin=True),
        yaxis=dict(gridcolor="#e5e8ec", zerolinecolor="#c9ced6", automargin=True),
        legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.02),
        title=dict(x=0.0, xanchor="left", font=dict(size=17)),
    )
)
pio.templates["awslab"] = TEMPLATE
pio.renderers.default = "plotly_mimetype"


def apply(fig: go.Figure, *, height: int = 420) -> go.Figure:
    """Give a figure the course's template and a fixed height; returns the same figure."""
    fig.update_layout(template=TEMPLATE, height=height)
    return tidy(fig)


def rounded(values, digits: int = 6) -> list:
    """Plain Python floats rounded to ``digits`` (numpy arrays would be stored as unreadable base64)."""
    return [None if v is None else round(float(v), digits) for v in values]


pio.templates.default = "awslab"  # figures built outside an explorer get the course's look too

TABLE_ROW_PX = 22  # one line of table text
TABLE_CHAR_PX = 7.2  # mean width of a character in a 12 px table cell
TABLE_WIDTH_PX = 720  # the plot width a table is laid out for (the book's content column)


def tidy(fig: go.Figure) -> go.Figure:
    """The layout pass every course figure gets: tables sized to their rows, log axes with ticks one per decade.

    >>> fig = tidy(go.Figure(go.Table(header={"values": ["a"]}, cells={"values": [[f"row {i}" for i in range(30)]]})))
    >>> fig.layout.height > 420
    True
    """
    tables = [t for t in fig.data if t.type == "table"]
    if tables:
        _size_tables(fig, tables)
    _log_ticks(fig)
    return fig


def _cell_text(value) -> str:
    return str(value if value is not None else "").replace("<br>", "\n").replace("<b>", "").replace("</b>", "")


def _size_tables(fig: go.Figure, tables: list) -> None:
    total = 0
    for table in tables:
        headers = [_cell_text(v) for v in (table.header.values or ())]
        columns = [[_cell_text(v) for v in column] for column in (table.cells.values or ())]
        if not columns:
            continue
        # A column is as wide as its longest word (never cut mid-token) and, beyond that, shares by its text.
        longest_word = [
            max((len(w) for text in [h, *col] for line in text.split("\n") for w in line.split(" ")), default=1)
            for h, col in zip(headers + [""] * (len(columns) - len(headers)), columns, strict=False)
        ]
        mean = [sum(len(t) for t in col) / max(1, len(col)) for col in columns]
        weights = [max(w, min(m, 3 * w)) + 2 for w, m in zip(longest_word, mean, strict=True)]
        table.columnwidth = [round(w, 1) for w in weights]
        chars_per_px = sum(weights) / TABLE_WIDTH_PX
        column_chars = [max(4.0, w / chars_per_px / TABLE_CHAR_PX) for w in weights]
        lines_per_row = []
        for row in range(max(len(col) for col in columns)):
            lines = 1
            for col, width in zip(columns, column_chars, strict=True):
                if row < len(col):
                    lines = max(lines, sum(-(-max(1, len(line)) // int(width)) for line in col[row].split("\n")))
            lines_per_row.append(lines)
        header_lines = max(
            (-(-max(1, len(h)) // int(w)) for h, w in zip(headers, column_chars, strict=False)), default=1
        )
        table.cells.height = TABLE_ROW_PX + 6
        table.header.height = TABLE_ROW_PX + 6
        total += (header_lines + sum(lines_per_row)) * TABLE_ROW_PX + 6 * (len(lines_per_row) + 1) + 12
    if total:
        margin = fig.layout.margin
        top = margin.t if margin.t is not None else TEMPLATE.layout.margin.t
        bottom = margin.b if margin.b is not None else TEMPLATE.layout.margin.b
        if len(tables) == len(fig.data) == 1:  # a table alone: the figure grows to show every row
            fig.update_layout(height=max(fig.layout.height or 0, int(total + top + bottom)))


def _log_ticks(fig: go.Figure) -> None:
    """One labelled tick per decade on a log axis spanning two decades or more (plotly's own labels 2 and 5 of
    every decade read as a garbled list such as "2, 1000, 5, 2, 100, 5")."""
    import math

    for name in [k for k in fig.layout.to_plotly_json() if k.startswith(("xaxis", "yaxis"))]:
        axis = fig.layout[name]
        if axis.type != "log" or axis.dtick is not None or axis.tickvals is not None:
            continue
        letter, suffix = name[0], name[5:]
        values = []
        for trace in fig.data:
            if (getattr(trace, f"{letter}axis", None) or letter) == f"{letter}{suffix}":
                data = getattr(trace, letter, None)
                if data is not None:
                    values += [float(v) for v in data if isinstance(v, (int, float)) and v > 0]
        if not values:
            continue
        span = math.log10(max(values)) - math.log10(min(values))
        axis.update(dtick=1 if span >= 1.5 else "D2", exponentformat="none", separatethousands=True)
