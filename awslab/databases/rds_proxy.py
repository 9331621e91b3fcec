"""RDS Proxy as a simulation: a Lambda burst opening database connections, with and without a proxy's pool.

Second by second: invocations arrive (Poisson, seeded), each runs ``invocation_ms`` and spends ``transaction_ms`` of
it in a database transaction. Lambda keeps every execution environment it created warm, and a function that opens
its connection outside the handler keeps one connection per environment.

- **Direct**: each environment holds a database connection. Environments beyond ``max_connections`` get
  "too many connections" and their invocations fail.
- **Through RDS Proxy**: environments connect to the proxy; the proxy borrows a database connection only for the
  length of a transaction (*multiplexing*) from a pool capped at ``MaxConnectionsPercent`` of ``max_connections``.
  A *pinned* session (a session variable set, a temporary table, a prepared statement...) keeps its database
  connection for the client session's whole life. A transaction that waits longer than ``ConnectionBorrowTimeout``
  for a connection fails. ``MaxIdleConnectionsPercent`` bounds how many idle connections the pool keeps open.

The numbers that are AWS's (defaults, ranges) come from the pages below; the queue is our simplification.

References:
    - Amazon RDS API Reference, "ConnectionPoolConfiguration" (MaxConnectionsPercent: a percentage of the target's
      max_connections, default 100 except 10 for RDS for SQL Server; MaxIdleConnectionsPercent default 50;
      ConnectionBorrowTimeout default 120 s, 0 to 3,600; SessionPinningFilters),
      https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ConnectionPoolConfiguration.html (read 2026-12-03)
    - Amazon Aurora User Guide, "RDS Proxy connection considerations" (IdleClientTimeout default 1,800 s; pool
      settings), https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-proxy-connections.html
      (read 2026-12-03)
    - Amazon RDS User Guide, "Avoiding pinning an RDS Proxy" (transactions multiplex by default; a session-state
      change pins the client connection to one database connection until the session ends),
      https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-pinning.html (read 2026-12-03)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from awslab import validate

MAX_CONNECTIONS_PERCENT_DEFAULT = 100  # 10 for RDS for SQL Server
MAX_IDLE_CONNECTIONS_PERCENT_DEFAULT = 50
CONNECTION_BORROW_TIMEOUT_SECONDS_DEFAULT = 120
CONNECTION_BORROW_TIMEOUT_RANGE = (0, 3600)  # 0 means wait without limit
IDLE_CLIENT_TIMEOUT_SECONDS_DEFAULT = 1800


@dataclass(frozen=True, kw_only=True)
class Burst:
    """The traffic: a base rate and a burst (invocations per second), and what each invocation does.

    >>> Burst().peak_concurrency
    150.0
    """

    base_per_second: float = 20
    burst_per_second: float = 500
    burst_start_second: int = 30
    burst_seconds: int = 60
    invocation_ms: float = 300
    transaction_ms: float = 40
    seconds: int = 180

    @property
    def peak_concurrency(self) -> float:
        return max(self.base_per_second, self.burst_per_second) * self.invocation_ms / 1000


def _check_burst(burst: Burst) -> Burst:
    validate.number("base_per_second", burst.base_per_second, minimum=0, maximum=100_000)
    validate.number("burst_per_second", burst.burst_per_second, minimum=0, maximum=100_000)
    validate.integer("seconds", burst.seconds, minimum=10, maximum=3600)
    validate.integer("burst_start_second", burst.burst_start_second, minimum=0, maximum=burst.seconds)
    validate.integer("burst_seconds", burst.burst_seconds, minimum=0, maximum=burst.seconds)
    validate.number("invocation_ms", burst.invocation_ms, minimum=1, maximum=900_000, unit="ms")
    validate.number("transaction_ms", burst.transaction_ms, minimum=0, maximum=burst.invocation_ms, unit="ms",
                    maximum_name="invocation_ms")  # fmt: skip
    return burst


@validate.checked
def arrivals(burst: Burst, seed: int = 0) -> np.ndarray:
    """Invocations arriving in each second (Poisson around the base or burst rate).

    >>> a = arrivals(Burst(base_per_second=10, burst_per_second=100, burst_start_second=5, burst_seconds=5, seconds=20))
    >>> len(a), int(a[:5].sum()) < int(a[5:10].sum())
    (20, True)
    """
    _check_burst(burst)
    validate.integer("seed", seed, minimum=0)
    rate = np.full(burst.seconds, float(burst.base_per_second))
    rate[burst.burst_start_second : burst.burst_start_second + burst.burst_seconds] = burst.burst_per_second
    return np.random.default_rng(seed).poisson(rate).astype(float)


@dataclass(frozen=True)
class ProxyRun:
    """Per-second connections and failures, direct and through the proxy.

    >>> run = simulate(Burst(), max_connections=90)
    >>> run.peak_direct_connections, run.peak_proxy_connections <= run.pool_size
    (90, True)
    """

    frame: pd.DataFrame
    max_connections: int
    pool_size: int  # MaxConnectionsPercent of max_connections

    @property
    def peak_direct_connections(self) -> int:
        return int(self.frame["direct_connections"].max())

    @property
    def peak_proxy_connections(self) -> int:
        return int(self.frame["proxy_db_connections"].max())

    @property
    def direct_failed(self) -> int:
        return int(round(self.frame["direct_failed"].sum()))

    @property
    def proxy_failed(self) -> int:
        return int(round(self.frame["proxy_failed"].sum()))

    @property
    def invocations(self) -> int:
        return int(self.frame["arrivals"].sum())

    @property
    def max_wait_seconds(self) -> float:
        return float(self.frame["proxy_wait_s"].max())


@validate.checked
def simulate(burst: Burst | None = None, *, max_connections: int = 90,
             max_connections_percent: int = MAX_CONNECTIONS_PERCENT_DEFAULT,
             max_idle_connections_percent: int = MAX_IDLE_CONNECTIONS_PERCENT_DEFAULT,
             connection_borrow_timeout: int = CONNECTION_BORROW_TIMEOUT_SECONDS_DEFAULT,
             pinned_fraction: float = 0.0, seed: int = 0) -> ProxyRun:  # fmt: skip
    """The same burst against a database directly and through RDS Proxy (AWS's pool setting names, snake_case).

    >>> run = simulate(Burst(), max_connections=90, pinned_fraction=0.0)
    >>> run.direct_failed > 0, run.proxy_failed
    (True, 0)
    """
    burst = _check_burst(burst or Burst())
    validate.integer("max_connections", max_connections, minimum=1, maximum=100_000)
    validate.integer("max_connections_percent", max_connections_percent, minimum=1, maximum=100)
    validate.integer("max_idle_connections_percent", max_idle_connections_percent, minimum=0,
                     maximum=max_connections_percent, maximum_name="max_connections_percent")  # fmt: skip
    low, high = CONNECTION_BORROW_TIMEOUT_RANGE
    validate.integer("connection_borrow_timeout", connection_borrow_timeout, minimum=low, maximum=high)
    validate.number("pinned_fraction", pinned_fraction, minimum=0, maximum=1)
    arriving = arrivals(burst, seed)
    invocation_s, transaction_s = burst.invocation_ms / 1000, burst.transaction_ms / 1000
    pool = max(1, math.floor(max_connections * max_connections_percent / 100))
    idle_cap = math.floor(max_connections * max_idle_connections_percent / 100)
    timeout = math.inf if connection_borrow_timeout == 0 else connection_borrow_timeout

    concurrency = np.ceil(arriving * invocation_s)
    environments = np.maximum.accumulate(concurrency)  # warm environments stay, each with its client connection
    direct = np.minimum(environments, max_connections)
    without = np.where(
        environments > 0, np.clip(environments - max_connections, 0, None) / np.maximum(environments, 1), 0
    )
    direct_failed = arriving * without

    pinned_sessions = np.ceil(environments * pinned_fraction)
    pinned_held = np.minimum(pinned_sessions, pool)
    pinned_lost = np.where(pinned_sessions > 0, (pinned_sessions - pinned_held) / np.maximum(pinned_sessions, 1), 0)
    pinned_calls, free_calls = arriving * pinned_fraction, arriving * (1 - pinned_fraction)
    rows, backlog, open_connections = [], 0.0, 0.0
    for t in range(burst.seconds):  # at most 3,600 steps
        shared = pool - pinned_held[t]  # connections left to multiplex
        per_second = shared / transaction_s if transaction_s > 0 else math.inf
        offered = backlog + free_calls[t]
        served = min(offered, per_second)
        backlog = offered - served
        wait = (
            backlog / per_second
            if per_second > 0 and math.isfinite(per_second)
            else (0.0 if backlog == 0 else math.inf)
        )
        failed = pinned_calls[t] * pinned_lost[t]
        if wait > timeout:  # transactions that would wait past ConnectionBorrowTimeout fail
            keep = per_second * timeout
            failed += backlog - keep
            backlog, wait = keep, float(timeout)
        in_use = pinned_held[t] + (min(shared, math.ceil(served * transaction_s)) if transaction_s > 0 else 0)
        open_connections = min(pool, max(in_use, min(open_connections, idle_cap)))
        rows.append(
            (t, arriving[t], environments[t], direct[t], direct_failed[t], open_connections, in_use, wait, failed)
        )
    frame = pd.DataFrame(rows, columns=["second", "arrivals", "environments", "direct_connections", "direct_failed",
                                        "proxy_db_connections", "proxy_in_use", "proxy_wait_s", "proxy_failed"])  # fmt: skip
    return ProxyRun(frame, int(max_connections), int(pool))


def pinning_causes() -> list[dict]:
    """What pins a session (in our words, after the RDS Proxy pinning page) and what to do instead.

    >>> len(pinning_causes()) >= 4
    True
    """
    return [
        {"cause": "SET of a session variable or configuration parameter", "instead": "InitQuery on the target group, "
         "so every pooled connection starts with the same settings"},
        {"cause": "temporary tables, user-level locks, session-level prepared statements",
         "instead": "keep that work inside one transaction, or accept the pin for those sessions"},
        {"cause": "a statement larger than the proxy's buffer (engine-specific)", "instead": "smaller statements"},
        {"cause": "engine-specific statements the proxy cannot track", "instead": "SessionPinningFilters (MySQL: "
         "EXCLUDE_VARIABLE_SETS) when you know the state is safe to share"},
    ]  # fmt: skip
