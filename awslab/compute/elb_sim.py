"""A request-level simulator of a load balancer across Availability Zones.

Each request reaches one load balancer node (DNS spreads clients over the enabled AZs' nodes), the node picks a
target (cross-zone: any routable target; otherwise one in its own AZ; sticky clients return to their target while it
is routable), and each target serves its queue first-come first-served with exponential service times. A request is
*served*, *dropped* (no target at all, its target was down, or draining ran out) or *timed out* (no response within
the idle timeout). Health checks decide what the load balancer believes; real failures decide what happens.

The per-target queue uses the recursion d_i = max(a_i, d_{i-1}) + s_i written as a cumulative maximum, so a run of
10^5 requests needs no per-request Python loop.

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
from dataclasses import dataclass, field

import numpy as np

from awslab import validate
from awslab.compute.elb import (
    DEFAULT_HEALTH_CHECK,
    DEREGISTRATION_DELAY_SECONDS,
    IDLE_TIMEOUT_SECONDS,
    HealthCheckConfig,
    health_view,
)
from awslab.validate import checked

OUTCOMES = ("served", "dropped", "timed_out")
DROP_REASONS = ("no_target", "target_down", "drain_timeout")
MAX_REQUESTS = 2_000_000

# Named sets of simulate_load_balancer options that the load-balancer explorer and notebook compare.
ELB_SCENARIOS = {
    "all targets healthy": {},
    "us-east-1a/0 fails at 60 s, back at 180 s": {"failures": [{"target": "us-east-1a/0", "start": 60, "end": 180}]},
    "us-east-1b/0 deregistered at 60 s (draining)": {"deregistrations": [{"target": "us-east-1b/0", "at": 60}]},
    "sticky sessions for 80 % of clients": {"sticky_fraction": 0.8},
}


@dataclass(frozen=True)
class ElbResult:
    """Outcome counts, per-target load and per-second series of one run.

    >>> r = simulate_load_balancer({"us-east-1a": 1, "us-east-1b": 1}, True, 20, 60, 0)
    >>> r.total, r.served, r.dropped
    (1250, 1250, 0)
    """

    total: int
    served: int
    dropped: int
    timed_out: int
    drop_reasons: dict[str, int]
    target_ids: list[str]
    requests_per_target: dict[str, int]
    share_per_target: dict[str, float]
    seconds: list[int]
    served_per_second: list[int]
    dropped_per_second: list[int]
    timed_out_per_second: list[int]
    healthy_targets_per_second: list[int]
    latency_p50_ms: float
    latency_p99_ms: float
    outcome: np.ndarray = field(repr=False)


def _pick(mask: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Pick one True column uniformly per row (-1 for an all-False row)."""
    counts = mask.sum(axis=1)
    u = rng.random(mask.shape[0])
    if mask.shape[1] == 0:
        return np.full(mask.shape[0], -1)
    rank = np.minimum((u * counts).astype(int), np.maximum(counts - 1, 0))
    hit = (np.cumsum(mask, axis=1) == (rank + 1)[:, None]) & mask
    return np.where(counts > 0, hit.argmax(axis=1), -1)


@checked
def simulate_load_balancer(
    targets_per_az: dict[str, int],
    cross_zone: bool,
    requests_per_second: float,
    duration_seconds: float,
    seed: int,
    target_capacity_rps: float = 20.0,
    failures: Sequence[dict] = (),
    deregistrations: Sequence[dict] = (),
    deregistration_delay_seconds: float = DEREGISTRATION_DELAY_SECONDS,
    health_check: HealthCheckConfig = DEFAULT_HEALTH_CHECK,
    idle_timeout_seconds: float = IDLE_TIMEOUT_SECONDS,
    sticky_fraction: float = 0.0,
    clients: int = 200,
    client_skew: float = 1.0,
) -> ElbResult:
    """Simulate every request for ``duration_seconds`` and return what happened to each.

    Targets are named "<az>/<n>". ``failures`` are {"target", "start", "end"} (seconds, the target really down);
    ``deregistrations`` are {"target", "at"}. ``sticky_fraction`` of the ``clients`` carry a stickiness cookie;
    client activity follows a Zipf law with exponent ``client_skew`` (0 means every client sends alike).

    >>> r = simulate_load_balancer({"us-east-1a": 2, "us-east-1b": 4}, True, 60, 300, 0, **ELB_SCENARIOS["sticky sessions for 80 % of clients"])
    >>> r.served, r.dropped, r.timed_out
    (18361, 0, 0)
    """
    if not isinstance(targets_per_az, dict) or not targets_per_az:
        raise ValueError(f"targets_per_az must be a non-empty dict of AZ -> target count, got {targets_per_az!r}")
    azs = list(targets_per_az)
    counts = [validate.integer(f"targets_per_az[{az!r}]", targets_per_az[az], minimum=0) for az in azs]
    rate = validate.number("requests_per_second", requests_per_second, minimum=0, unit="requests/s")
    duration = int(np.ceil(validate.number("duration_seconds", duration_seconds, minimum=1, unit="s")))
    capacity = validate.number("target_capacity_rps", target_capacity_rps, minimum=0, exclusive_minimum=True)
    delay = validate.number("deregistration_delay_seconds", deregistration_delay_seconds, minimum=0, maximum=3600)
    idle = validate.number("idle_timeout_seconds", idle_timeout_seconds, minimum=1, maximum=4000, unit="s")
    sticky = validate.number("sticky_fraction", sticky_fraction, minimum=0, maximum=1)
    n_clients = validate.integer("clients", clients, minimum=1)
    skew = validate.number("client_skew", client_skew, minimum=0)
    if rate * duration > MAX_REQUESTS:
        raise ValueError(f"requests_per_second*duration_seconds={rate * duration:g} exceeds {MAX_REQUESTS} requests")

    ids = [f"{az}/{i}" for az, n in zip(azs, counts, strict=True) for i in range(n)]
    target_az = np.array([azs.index(t.rsplit("/", 1)[0]) for t in ids], dtype=int)
    index = {t: i for i, t in enumerate(ids)}
    n_t = len(ids)
    down: list[list[tuple[float, float]]] = [[] for _ in ids]
    for f in failures:
        if f.get("target") not in index:
            raise ValueError(f"failures target={f.get('target')!r} is not one of: {', '.join(ids)}")
        start = validate.number("failures.start", f["start"], minimum=0)
        end = validate.number("failures.end", f.get("end", np.inf), minimum=start, exclusive_minimum=True)
        down[index[f["target"]]].append((start, end))
    dereg_at = np.full(n_t, np.inf)
    for d in deregistrations:
        if d.get("target") not in index:
            raise ValueError(f"deregistrations target={d.get('target')!r} is not one of: {', '.join(ids)}")
        dereg_at[index[d["target"]]] = validate.number("deregistrations.at", d["at"], minimum=0)

    rng = np.random.default_rng(seed)
    # LB view: healthy by health checks and still registered, per second and target
    secs = np.arange(duration)
    healthy = np.ones((duration, n_t), dtype=bool)
    for j in range(n_t):
        healthy[:, j] = health_view(down[j], duration, health_check, first_check_seconds=float(rng.uniform(0, 5)))
    registered = secs[:, None] < dereg_at[None, :]
    routable = healthy & registered

    per_second = rng.poisson(rate, duration)
    n = int(per_second.sum())
    arrival = np.sort(np.repeat(secs, per_second) + rng.random(n))
    sec = np.minimum(arrival.astype(int), duration - 1)

    weights = 1.0 / np.arange(1, n_clients + 1) ** skew
    client = rng.choice(n_clients, size=n, p=weights / weights.sum())
    is_sticky = client < round(sticky * n_clients)

    # DNS: with cross-zone off, a node with nothing routable in its AZ drops out of DNS (all stay if none can route)
    n_az = len(azs)
    az_routable = np.zeros((duration, n_az), dtype=bool)
    for a in range(n_az):
        az_routable[:, a] = routable[:, target_az == a].any(axis=1) if (target_az == a).any() else False
    dns = np.ones((duration, n_az), dtype=bool) if cross_zone else az_routable.copy()
    dns[~dns.any(axis=1)] = True
    node = _pick(dns[sec], rng)

    same_az = np.ones((n, n_t), dtype=bool) if cross_zone else (target_az[None, :] == node[:, None])
    allowed = routable[sec] & same_az
    fail_open = ~allowed.any(axis=1)  # every target unhealthy: ALB routes to all registered targets anyway
    allowed[fail_open] = (registered[sec] & same_az)[fail_open]
    target = _pick(allowed, rng)

    if is_sticky.any() and n_t:
        sticky_idx = np.flatnonzero(is_sticky & (target >= 0))
        clients_seen, first_pos = np.unique(client[sticky_idx], return_index=True)
        first = np.full(n_clients, -1, dtype=int)
        first[clients_seen] = target[sticky_idx[first_pos]]
        bound = first[client[sticky_idx]]
        # the cookie only works while the bound target is routable (same AZ when cross-zone is off)
        keep = (bound >= 0) & allowed[sticky_idx, np.maximum(bound, 0)]
        target[sticky_idx[keep]] = bound[keep]

    outcome = np.full(n, -1, dtype=int)
    reason = np.full(n, -1, dtype=int)
    latency = np.full(n, np.nan)
    outcome[target < 0], reason[target < 0] = 1, 0
    service = rng.exponential(1.0 / capacity, n)
    for j in range(n_t):
        mine = np.flatnonzero(target == j)
        if mine.size == 0:
            continue
        a = arrival[mine]
        # up segments between real failures; a failure kills the queue, recovery starts an empty one
        edges = sorted(down[j])
        seg_start, bounds = 0.0, []
        for start, end in edges:
            bounds.append((seg_start, start))
            seg_start = max(seg_start, end)
        bounds.append((seg_start, np.inf))
        in_any_segment = np.zeros(mine.size, dtype=bool)
        for s0, s1 in bounds:
            sel = (a >= s0) & (a < s1)
            in_any_segment |= sel
            if not sel.any():
                continue
            rows = mine[sel]
            s = service[rows]
            prev_work = np.concatenate(([0.0], np.cumsum(s)[:-1]))
            depart = np.maximum.accumulate(arrival[rows] - prev_work) + prev_work + s
            drain_end = dereg_at[j] + delay
            kill = np.minimum(s1, drain_end)
            kill_reason = np.where(s1 <= drain_end, 1, 2)
            timed = arrival[rows] + idle < np.minimum(depart, kill)
            killed = ~timed & (depart > kill)
            outcome[rows] = np.where(timed, 2, np.where(killed, 1, 0))
            reason[rows] = np.where(killed, kill_reason, -1)
            latency[rows] = np.where(outcome[rows] == 0, (depart - arrival[rows]) * 1000.0, np.nan)
        dead = mine[~in_any_segment]
        outcome[dead], reason[dead] = 1, 1

    served_ms = latency[outcome == 0]
    per_target = np.bincount(target[target >= 0], minlength=n_t)
    return ElbResult(
        total=n,
        served=int((outcome == 0).sum()),
        dropped=int((outcome == 1).sum()),
        timed_out=int((outcome == 2).sum()),
        drop_reasons={r: int(((outcome == 1) & (reason == k)).sum()) for k, r in enumerate(DROP_REASONS)},
        target_ids=ids,
        requests_per_target={t: int(c) for t, c in zip(ids, per_target, strict=True)},
        share_per_target={t: round(float(c) / max(n, 1), 6) for t, c in zip(ids, per_target, strict=True)},
        seconds=secs.tolist(),
        served_per_second=np.bincount(sec[outcome == 0], minlength=duration).tolist(),
        dropped_per_second=np.bincount(sec[outcome == 1], minlength=duration).tolist(),
        timed_out_per_second=np.bincount(sec[outcome == 2], minlength=duration).tolist(),
        healthy_targets_per_second=routable.sum(axis=1).tolist(),
        latency_p50_ms=round(float(np.percentile(served_ms, 50)), 3) if served_ms.size else float("nan"),
        latency_p99_ms=round(float(np.percentile(served_ms, 99)), 3) if served_ms.size else float("nan"),
        outcome=outcome,
    )
