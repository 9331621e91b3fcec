"""Explorers of 05_route53: answers under each routing policy, and how fast DNS failover moves traffic."""

from __future__ import annotations

from awslab import ui
from awslab.networking import figures, healthcheck, route53


def explore_dns_policy(
    policy: str = "weighted (blue 200, green 55, dark 0)",
    client: str = "Berlin",
    unhealthy: str = "",
    queries: int = 10_000,
    seed: int = 0,
) -> ui.Explorer:
    """How Route 53 answers www.example.com under each routing policy, from a client, with some records unhealthy.

    >>> explore_dns_policy(unhealthy="blue").last_view.numbers["most likely answer"]
    'green (192.0.2.20)'
    """

    def view(policy, client, unhealthy):
        records = route53.DNS_PRESETS[policy]
        result = route53.answer(
            records,
            "www.example.com.",
            client=route53.CLIENTS[client],
            health=route53.health_from_text(records, unhealthy),
        )
        counts = route53.sample_answers(result, queries, seed=seed)
        fig = figures.dns_shares_figure(result, counts, title="Share of DNS answers per record")
        top = max(result.shares, key=result.shares.get)
        return ui.View(
            fig,
            {
                "most likely answer": f"{top} ({', '.join(result.values[top])})" if result.answered else "no answer",
                "why": result.explanation,
            },
        )

    return ui.explorer(
        "Route 53 routing policies",
        [
            ui.Choice("policy", "routing policy", options=list(route53.DNS_PRESETS), value=policy),
            ui.Choice("client", "client in", options=list(route53.CLIENTS), value=client),
            ui.Text("unhealthy", "unhealthy records (comma-separated)", value=unhealthy),
        ],
        view,
    )


def explore_failover_timing(
    ttl: int = 60, request_interval: int = 30, failure_threshold: int = 3, seed: int = 0
) -> ui.Explorer:
    """Traffic draining from a failed endpoint: checkers' detection, the 18% rule, then resolver TTL expiry.

    >>> explore_failover_timing().last_view.numbers["worst case (interval x threshold + TTL)"]
    '150 s'
    """

    def view(ttl, request_interval, failure_threshold):
        worst = route53.failover_seconds(request_interval, failure_threshold, ttl)
        timeline = healthcheck.failover_timeline(
            request_interval, failure_threshold, ttl, resolvers=2000, step_seconds=max(1.0, worst / 150), seed=seed
        )
        figure = figures.failover_timeline_figure(timeline).update_layout(
            title_text="Traffic still sent to the failed endpoint"
        )
        return ui.View(
            figure,
            {
                "Route 53 marks it unhealthy after": f"{timeline.detection_seconds:.0f} s",
                "last resolver moved after": f"{timeline.all_moved_seconds:.0f} s",
                "worst case (interval x threshold + TTL)": f"{timeline.worst_case_seconds} s",
            },
        )

    return ui.explorer(
        "DNS failover: how fast does traffic move?",
        [
            ui.Slider(
                "ttl",
                "record TTL",
                min=0,
                max=300,
                step=10,
                value=ttl,
                unit="s",
                integer=True,
                static_values=[0, 10, 30, 60, 120, 300],
            ),
            ui.Choice(
                "request_interval",
                "health check interval",
                options=[("30 s (standard)", 30), ("10 s (fast)", 10)],
                value=request_interval,
            ),
            ui.Number("failure_threshold", "failure threshold", value=failure_threshold, integer=True),
        ],
        view,
    )
