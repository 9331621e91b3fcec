"""Figures of 05_aurora_serverless_and_proxy: ACUs over a load curve, and connections during a Lambda burst."""

from __future__ import annotations

import plotly.graph_objects as go

from awslab import theme
from awslab.databases.aurora_serverless import GIB_PER_ACU, PROVISIONED_INSTANCES, CostComparison, ServerlessRun
from awslab.databases.figures._base import _finish
from awslab.databases.rds_proxy import ProxyRun


def serverless_capacity_figure(run: ServerlessRun, comparison: CostComparison, every_minutes: int = 10) -> go.Figure:
    """Demand and Serverless v2 capacity (ACUs) per hour of the day, against the provisioned class's size."""
    step = max(1, int(every_minutes))
    hours = [m / 60 for m in range(0, run.acu.size, step)]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=theme.rounded(hours), y=theme.rounded(run.load_acu[::step]), name="demand"))
    fig.add_trace(
        go.Scatter(
            x=theme.rounded(hours), y=theme.rounded(run.acu[::step]), name="Serverless v2 capacity", line_shape="hv"
        )  # fmt: skip
    )
    size = PROVISIONED_INSTANCES.get(comparison.instance_class, (0, 0))[0] / GIB_PER_ACU
    fig.add_trace(
        go.Scatter(
            x=theme.rounded([hours[0], hours[-1]]),
            y=[size, size],
            mode="lines",
            line_dash="dash",
            name=f"{comparison.instance_class} (~{size:g} ACU of memory)",
        )  # fmt: skip
    )
    return _finish(fig, "Aurora Serverless v2 follows the load in 0.5-ACU steps", "hour", "ACUs")


def proxy_connections_figure(run: ProxyRun) -> go.Figure:
    """Database connections per second, direct vs through RDS Proxy, with max_connections and the pool size."""
    frame = run.frame
    x = theme.rounded(frame["second"])
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=x, y=theme.rounded(frame["environments"]), name="Lambda environments", line_dash="dot"))
    fig.add_trace(go.Scatter(x=x, y=theme.rounded(frame["direct_connections"]), name="direct: DB connections"))
    fig.add_trace(go.Scatter(x=x, y=theme.rounded(frame["proxy_db_connections"]), name="proxy: DB connections"))
    fig.add_trace(
        go.Scatter(
            x=[x[0], x[-1]],
            y=[run.max_connections] * 2,
            mode="lines",
            line_dash="dash",
            name=f"max_connections {run.max_connections}",
            line_color=theme.COLORS[3],
        )  # fmt: skip
    )
    return _finish(fig, "A Lambda burst against max_connections", "second", "connections")
