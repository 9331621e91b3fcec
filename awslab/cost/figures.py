"""Plotly figures for the cost models: purchase options over a year, commitment sizing, the transfer bill, choices."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.cost.chooser import ServiceChoice
from awslab.cost.commitments import CommitmentOutcome, PurchaseResult
from awslab.cost.transfer import MoveResult


def purchase_figure(results: tuple[PurchaseResult, ...]) -> go.Figure:
    """A year's cost of the fleet under each way of buying, split into commitment and On-Demand overflow."""
    names = [r.option for r in results]
    committed = [r.commitment_usd_per_hour * sum(p.months for p in r.phases) * 730 for r in results]
    rest = [r.total_usd - c for r, c in zip(results, committed, strict=True)]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=names, y=theme.rounded(committed), name="commitment (paid every hour)"))
    fig.add_trace(go.Bar(x=names, y=theme.rounded(rest), name="On-Demand / Spot usage"))
    on_demand = round(results[0].total_usd, 2)
    fig.update_layout(
        shapes=[dict(type="line", xref="paper", yref="y", x0=0, x1=1, y0=on_demand, y1=on_demand, line_dash="dash")],
        annotations=[
            dict(
                x=1,
                y=on_demand,
                xref="paper",
                yref="y",
                text="all On-Demand",
                showarrow=False,
                yanchor="bottom",
                xanchor="right",
            )
        ],
    )
    best = min(results, key=lambda r: r.total_usd if r.option != "Spot" else float("inf"))
    fig.update_layout(
        title=f"A year of the fleet: best commitment {best.option}",
        barmode="stack",
        xaxis_title="way of buying",
        yaxis_title="USD over the year",
    )
    return theme.apply(fig)


def commitment_figure(
    sweep: tuple[CommitmentOutcome, ...], chosen: CommitmentOutcome, best: float, break_even: float
) -> go.Figure:
    """Savings against the hourly commitment, with the chosen level, the best one and the break-even marked."""
    levels = [o.commitment_usd_per_hour for o in sweep]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(x=theme.rounded(levels), y=theme.rounded([o.savings_usd for o in sweep]), name="savings (USD)")
    )
    fig.add_trace(
        go.Scatter(
            x=theme.rounded(levels),
            y=theme.rounded([100 * o.utilisation for o in sweep]),
            name="utilisation (%)",
            yaxis="y2",
            line_dash="dot",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[round(chosen.commitment_usd_per_hour, 6)],
            y=[round(chosen.savings_usd, 6)],
            mode="markers",
            marker_size=12,
            name="your commitment",
        )
    )
    marks = [(round(best, 6), "best", "dash"), (round(break_even, 6), "break-even", "dot")]
    fig.update_layout(
        shapes=[
            dict(type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1, line=dict(dash=dash, color="#555"))
            for x, _, dash in marks
        ],
        annotations=[
            dict(x=x, y=1, xref="x", yref="paper", text=text, showarrow=False, yanchor="bottom") for x, text, _ in marks
        ],
        title=f"Savings Plan sizing: {'-' if chosen.savings_usd < 0 else ''}${abs(chosen.savings_usd):,.0f} saved",
        xaxis_title="commitment (USD per hour, at Savings Plans rates)",
        yaxis_title="savings over the history (USD)",
        yaxis2=dict(title="utilisation (%)", overlaying="y", side="right", range=[0, 105]),
    )
    return theme.apply(fig)


def transfer_move_figure(result: MoveResult) -> go.Figure:
    """The month's transfer bill by path, before and after the move."""
    before, after = result.before.by_path(), result.after.by_path()
    paths = [p for p in before if before[p] or after[p]]
    fig = go.Figure()
    for path in paths:
        fig.add_trace(go.Bar(x=["before", "after"], y=theme.rounded([before[path], after[path]]), name=path))
    fig.update_layout(
        title=f"Data transfer: {'-' if result.saving_usd < 0 else ''}${abs(result.saving_usd):,.0f} a month saved",
        barmode="stack",
        xaxis_title=result.move,
        yaxis_title="USD per month",
    )
    return theme.apply(fig)


def choice_figure(choice: ServiceChoice, title: str) -> go.Figure:
    """Monthly USD of every option that qualifies, cheapest first, the pick highlighted."""
    names = [name for name, _ in choice.options]
    colors = [theme.AWS_ORANGE if name == choice.pick else theme.COLORS[0] for name in names]
    fig = go.Figure(go.Bar(x=names, y=theme.rounded([usd for _, usd in choice.options]), marker_color=colors))
    fig.update_layout(title=title, xaxis_title="option", yaxis_title="USD per month", showlegend=False)
    return theme.apply(fig)
