"""Explorers of 04_load_balancing: cross-zone balancing, health checks and a request-level load balancer."""

from __future__ import annotations

import functools
import json

from awslab import ui, validate
from awslab.compute import elb, elb_sim, figures


def explore_cross_zone(targets_a: int = 2, targets_b: int = 8) -> ui.Explorer:
    """Share of all traffic each target receives, cross-zone load balancing on and off.

    >>> explore_cross_zone().last_view.numbers["busiest target, cross-zone off"]
    '25.0%'
    """

    def view(targets_a, targets_b, targets_c):
        per_az = {"us-east-1a": targets_a, "us-east-1b": targets_b}
        if targets_c:
            per_az["us-east-1c"] = targets_c
        on = elb.traffic_share(per_az, True)
        off = elb.traffic_share(per_az, False)
        busiest = max(off.values())
        return ui.View(
            figures.traffic_share_figure(per_az),
            {
                "each target, cross-zone on": f"{next(iter(on.values())):.1%}",
                "busiest target, cross-zone off": f"{busiest:.1%}",
                "busiest / even share": f"{busiest / next(iter(on.values())):.2f}x" if on else "-",
            },
        )

    return ui.explorer(
        "Cross-zone load balancing",
        [
            ui.Slider("targets_a", "targets in us-east-1a", min=1, max=10, step=1, value=targets_a, integer=True),
            ui.Slider("targets_b", "targets in us-east-1b", min=1, max=10, step=1, value=targets_b, integer=True),
            ui.Number("targets_c", "targets in us-east-1c (0: AZ not enabled)", value=0, integer=True),
        ],
        view,
    )


def explore_health_check(interval_seconds: float = 30, timeout_seconds: float = 5) -> ui.Explorer:
    """A target fails at 60 s and recovers at 240 s: when does the load balancer notice each change?

    >>> explore_health_check().last_view.numbers["worst case out / back"]
    '65 s / 150 s'
    """
    down = [(60.0, 240.0)]

    def view(interval_seconds, unhealthy_threshold, healthy_threshold, timeout_seconds):
        config = elb.HealthCheckConfig(interval_seconds, timeout_seconds, healthy_threshold, unhealthy_threshold)
        seen = elb.health_view(down, 600, config)
        worst_out, worst_back = elb.detection_delay_seconds(config)
        out = next((t for t in range(60, 600) if not seen[t]), None)
        back = next((t for t in range(240, 600) if seen[t]), None)
        return ui.View(
            figures.health_check_figure(seen.tolist(), down),
            {
                "marked unhealthy": f"{out - 60} s after the failure" if out is not None else "never",
                "back in service": f"{back - 240} s after recovery" if back is not None else "not within 600 s",
                "worst case out / back": f"{worst_out:g} s / {worst_back:g} s",
            },
        )

    return ui.explorer(
        "Health checks: how fast in, how fast out",
        [
            ui.Slider(
                "interval_seconds",
                "HealthCheckIntervalSeconds",
                min=5,
                max=60,
                step=5,
                value=interval_seconds,
                unit="s",
            ),
            ui.Slider("unhealthy_threshold", "UnhealthyThresholdCount", min=2, max=10, step=1, value=2, integer=True),
            ui.Slider("healthy_threshold", "HealthyThresholdCount", min=2, max=10, step=1, value=5, integer=True),
            ui.Number("timeout_seconds", "HealthCheckTimeoutSeconds", value=timeout_seconds, unit="s"),
        ],
        view,
    )


@functools.lru_cache(maxsize=32, typed=True)  # typed: 1, 1.0 and True stay apart
def _elb_run(options_json, cross_zone, deregistration_delay_seconds, idle_timeout_seconds, requests_per_second, seed):
    return elb_sim.simulate_load_balancer(
        {"us-east-1a": 2, "us-east-1b": 4},
        cross_zone,
        requests_per_second,
        300,
        seed,
        target_capacity_rps=20,
        deregistration_delay_seconds=deregistration_delay_seconds,
        idle_timeout_seconds=idle_timeout_seconds,
        clients=100,
        **validate.json_document("options", options_json, expect=dict),
    )


def explore_load_balancer(requests_per_second: float = 60, seed: int = 0) -> ui.Explorer:
    """Every request through a load balancer over two AZs: failures, draining, stickiness and idle timeout.

    >>> explore_load_balancer().last_view.numbers["served / dropped / timed out"]
    '18,361 / 0 / 0'
    """

    def view(scenario, cross_zone, deregistration_delay_seconds, idle_timeout_seconds):
        options = json.dumps(elb_sim.ELB_SCENARIOS[scenario])  # the scenario itself keys the cache, not its name
        result = _elb_run(
            options, cross_zone, deregistration_delay_seconds, idle_timeout_seconds, requests_per_second, seed
        )
        busiest = max(result.share_per_target, key=result.share_per_target.get)
        return ui.View(
            figures.elb_figure(result),
            {
                "served / dropped / timed out": f"{result.served:,} / {result.dropped:,} / {result.timed_out:,}",
                "drops by reason": ", ".join(f"{k}: {v}" for k, v in result.drop_reasons.items() if v) or "none",
                "busiest target": f"{busiest} ({result.share_per_target[busiest]:.0%})",
                "p50 / p99 latency": f"{result.latency_p50_ms:g} / {result.latency_p99_ms:g} ms",
            },
        )

    return ui.explorer(
        "A load balancer, request by request",
        [
            ui.Choice("scenario", "scenario", options=list(elb_sim.ELB_SCENARIOS), value="all targets healthy"),
            ui.Toggle("cross_zone", "cross-zone load balancing", value=True),
            ui.Slider(
                "deregistration_delay_seconds", "deregistration delay", min=0, max=300, step=10, value=30, unit="s"
            ),
            ui.Number("idle_timeout_seconds", "idle timeout", value=60.0, unit="s"),
        ],
        view,
    )
