"""The 200 seeded random consumer-fleet set-ups of the equivalence test, and how a result is recorded."""

from __future__ import annotations

import numpy as np

SETUPS = 200


def setups() -> list[dict]:
    """Keyword arguments of ``simulate_consumer_fleet`` for each set-up (fast path, crashes, DLQ, expiry, slow work)."""
    rng = np.random.default_rng(20261203)
    out = []
    for index in range(SETUPS):
        kind = index % 4
        arguments = {
            "messages_per_second": float(np.round(rng.uniform(0.2, 30), 3)),
            "duration_seconds": float(np.round(rng.uniform(5, 120), 2)),
            "consumers": int(rng.integers(1, 40)),
            "visibility_timeout_seconds": float(rng.choice([0.5, 2, 5, 30, 43_200])),
            "processing_seconds_mean": float(np.round(rng.uniform(0.05, 4), 3)),
            "processing_distribution": str(rng.choice(["constant", "exponential", "lognormal"])),
            "processing_sigma": float(np.round(rng.uniform(0, 1.5), 3)),
            "crash_probability": 0.0 if kind == 0 else float(np.round(rng.uniform(0, 0.4), 3)),
            "restart_seconds": float(np.round(rng.uniform(0, 20), 2)),
            "max_receive_count": None if kind in (0, 1) else int(rng.integers(1, 6)),
            "retention_seconds": float(rng.choice([60, 90, 300, 345_600])),
            "producers": int(rng.integers(1, 4)),
            "sample_points": int(rng.integers(2, 40)),
            "seed": int(rng.integers(0, 2**31)),
        }
        out.append(arguments)
    return out


def record(result) -> dict:
    """Every field of a FleetResult as JSON-exact values (floats round-trip through repr)."""
    return {
        "messages_sent": result.messages_sent,
        "deleted": result.deleted,
        "dead_lettered": result.dead_lettered,
        "expired": result.expired,
        "receives": result.receives,
        "crashes": result.crashes,
        "processings": result.processings,
        "duplicate_processings": result.duplicate_processings,
        "messages_processed_more_than_once": result.messages_processed_more_than_once,
        "end_seconds": float(result.end_seconds),
        "times_seconds": [float(x) for x in result.times_seconds],
        "visible": [int(x) for x in result.visible],
        "in_flight": [int(x) for x in result.in_flight],
        "oldest_message_age_seconds": [float(x) for x in result.oldest_message_age_seconds],
        "latency_seconds_p50": float(result.latency_seconds_p50),
        "latency_seconds_p99": float(result.latency_seconds_p99),
        "effects_naive": result.effects_naive,
        "effects_idempotent": result.effects_idempotent,
    }
