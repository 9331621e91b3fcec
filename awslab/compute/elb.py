"""Elastic Load Balancing: traffic shares with cross-zone on and off, and health-check state over time.

Sources (read 2026-11-27):
- https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html
  (one node per enabled AZ, each node gets an equal share; the 2-target/8-target cross-zone example)
- https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
- https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html (idle timeout)

References:
    - Elastic Load Balancing User Guide, "How Elastic Load Balancing works",
      https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html (read 2026-11-27)
    - User Guide for Application Load Balancers, "Health checks for Application Load Balancer target groups",
      https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html (read 2026-11-27)
    - User Guide for Application Load Balancers, "Application Load Balancers",
      https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html (read 2026-11-27)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.validate import checked

# Application Load Balancer defaults (target-group-health-checks.html, read 2026-11-27).
ALB_HEALTH_CHECK_INTERVAL_SECONDS = 30
ALB_HEALTH_CHECK_TIMEOUT_SECONDS = 5
ALB_HEALTHY_THRESHOLD = 5
ALB_UNHEALTHY_THRESHOLD = 2
# Classic Load Balancer uses a healthy threshold of 10 (elb-healthchecks.html, read 2026-11-27).
CLASSIC_HEALTHY_THRESHOLD = 10
IDLE_TIMEOUT_SECONDS = 60  # 1-4000 s
DEREGISTRATION_DELAY_SECONDS = 300  # 0-3600 s


@checked
def traffic_share(targets_per_az: dict[str, int], cross_zone: bool) -> dict[str, float]:
    """Return the share of all traffic that EACH target in each AZ receives (keys are the AZs).

    Every enabled AZ's load balancer node gets an equal share. With cross-zone load balancing a node spreads its share
    over every registered target; without it, only over the targets in its own AZ. An AZ with no targets reports 0.0;
    with cross-zone off its node has nowhere to send requests, so DNS stops handing out its address and the other
    nodes share the traffic.

    >>> traffic_share({"us-east-1a": 2, "us-east-1b": 8}, False)
    {'us-east-1a': 0.25, 'us-east-1b': 0.0625}
    """
    if not isinstance(targets_per_az, dict) or not targets_per_az:
        raise ValueError(f"targets_per_az must be a non-empty dict of AZ name -> target count, got {targets_per_az!r}")
    counts = {
        az: validate.integer(f"targets_per_az[{az!r}]", n, minimum=0, unit="targets")
        for az, n in targets_per_az.items()
    }
    total = sum(counts.values())
    if total == 0:
        raise ValueError(f"targets_per_az={targets_per_az!r} has no targets; at least one AZ needs a target")
    if cross_zone:
        return {az: (1.0 / total if n else 0.0) for az, n in counts.items()}
    serving = [az for az, n in counts.items() if n]
    node_share = 1.0 / len(serving)
    return {az: (node_share / n if n else 0.0) for az, n in counts.items()}


@checked
def cross_zone_enabled(attributes: Sequence[dict], load_balancer_type: str = "application") -> bool:
    """Return whether cross-zone load balancing is on, from DescribeLoadBalancerAttributes' Attributes list.

    Application Load Balancers always balance across zones (the attribute can only be turned off per target group);
    Network and Gateway Load Balancers default to off unless load_balancing.cross_zone.enabled is "true".

    >>> cross_zone_enabled([{"Key": "load_balancing.cross_zone.enabled", "Value": "false"}], "network")
    False
    """
    kind = validate.choice("load_balancer_type", load_balancer_type, ("application", "network", "gateway"))
    values = {a.get("Key"): a.get("Value") for a in attributes}
    if kind == "application":
        return True
    return str(values.get("load_balancing.cross_zone.enabled", "false")).lower() == "true"


@dataclass(frozen=True)
class HealthCheckConfig:
    """Target-group health check settings, in seconds and consecutive checks (ALB defaults).

    >>> HealthCheckConfig(30, 5, 5, 2)
    HealthCheckConfig(interval_seconds=30, timeout_seconds=5, healthy_threshold=5, unhealthy_threshold=2)
    """

    interval_seconds: float = ALB_HEALTH_CHECK_INTERVAL_SECONDS
    timeout_seconds: float = ALB_HEALTH_CHECK_TIMEOUT_SECONDS
    healthy_threshold: int = ALB_HEALTHY_THRESHOLD
    unhealthy_threshold: int = ALB_UNHEALTHY_THRESHOLD

    @classmethod
    def from_target_group(cls, target_group: dict) -> HealthCheckConfig:
        """Build the config from one TargetGroups entry of DescribeTargetGroups (AWS's field names)."""
        return cls(
            target_group.get("HealthCheckIntervalSeconds", ALB_HEALTH_CHECK_INTERVAL_SECONDS),
            target_group.get("HealthCheckTimeoutSeconds", ALB_HEALTH_CHECK_TIMEOUT_SECONDS),
            target_group.get("HealthyThresholdCount", ALB_HEALTHY_THRESHOLD),
            target_group.get("UnhealthyThresholdCount", ALB_UNHEALTHY_THRESHOLD),
        ).validated()

    def validated(self) -> HealthCheckConfig:
        """Return self after checking AWS's ranges (interval 5-300 s, timeout 2-120 s below interval, 2-10)."""
        validate.number("interval_seconds", self.interval_seconds, minimum=5, maximum=300, unit="s")
        validate.number("timeout_seconds", self.timeout_seconds, minimum=2, maximum=120, unit="s")
        if self.timeout_seconds >= self.interval_seconds:
            raise ValueError(
                f"timeout_seconds={self.timeout_seconds!r} must be less than interval_seconds={self.interval_seconds!r}"
            )
        validate.integer("healthy_threshold", self.healthy_threshold, minimum=2, maximum=10)
        validate.integer("unhealthy_threshold", self.unhealthy_threshold, minimum=2, maximum=10)
        return self


DEFAULT_HEALTH_CHECK = HealthCheckConfig()


@checked
def health_view(
    down_intervals: Sequence[tuple[float, float]],
    duration_seconds: float,
    config: HealthCheckConfig = DEFAULT_HEALTH_CHECK,
    response_seconds: float = 0.05,
    first_check_seconds: float = 0.0,
) -> np.ndarray:
    """Return the load balancer's view of one target, one boolean per second: True while it is marked healthy.

    ``down_intervals`` are [start, end) seconds when the target really fails. A check at time t passes if the target
    is up and answers within the timeout; the target is marked unhealthy after ``unhealthy_threshold`` consecutive
    failures and healthy again after ``healthy_threshold`` consecutive passes. It starts healthy.

    >>> seen = health_view([(60.0, 240.0)], 600)
    >>> int(seen.argmin()), int(seen[240:].argmax()) + 240
    (95, 361)
    """
    cfg = config.validated()
    seconds = int(
        np.ceil(
            validate.number("duration_seconds", duration_seconds, minimum=0, maximum=7 * 86_400, exclusive_minimum=True)
        )
    )
    validate.number("response_seconds", response_seconds, minimum=0)
    view = np.ones(seconds, dtype=bool)
    healthy, streak = True, 0
    t = validate.number("first_check_seconds", first_check_seconds, minimum=0)
    marks: list[tuple[float, bool]] = []
    while t < seconds:
        up = not any(start <= t < end for start, end in down_intervals)
        passed = up and response_seconds < cfg.timeout_seconds
        if passed == healthy:
            streak = 0
        else:
            streak += 1
            needed = cfg.unhealthy_threshold if healthy else cfg.healthy_threshold
            if streak >= needed:
                # the verdict lands when the deciding check completes (a timeout takes the full timeout)
                healthy, streak = passed, 0
                marks.append((t + (response_seconds if passed else cfg.timeout_seconds), healthy))
        t += cfg.interval_seconds
    for when, state in marks:
        view[int(np.ceil(when)) :] = state
    return view


@checked
def detection_delay_seconds(config: HealthCheckConfig = DEFAULT_HEALTH_CHECK) -> tuple[float, float]:
    """Return the worst-case seconds to mark a failed target unhealthy and a recovered one healthy again.

    >>> detection_delay_seconds()
    (65, 150)
    """
    cfg = config.validated()
    out = cfg.interval_seconds * cfg.unhealthy_threshold + cfg.timeout_seconds
    back = cfg.interval_seconds * cfg.healthy_threshold
    return out, back
