"""The DMS cutover arithmetic (properties: the lag is never negative, it grows when apply < writes) and the tools."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.migration import cutover, tools

RATES = st.floats(0, 5000, allow_nan=False)


@given(st.floats(0, 1e7), RATES, st.floats(0.001, 5000), st.floats(0, 1e6))
def test_backlog_is_never_negative(start, writes, apply, seconds):
    assert cutover.backlog(start, writes, apply, seconds) >= 0


@given(st.floats(1, 5000), RATES, st.floats(1, 5000), st.floats(1, 1000), st.floats(0, 200))
def test_lag_never_negative_and_grows_when_replication_falls_behind(gib, writes, apply, rate, after):
    plan = cutover.cutover_plan(
        gib, full_load_gib_per_hour=rate, writes_per_second=writes, apply_per_second=apply, cutover_after_hours=after
    )
    assert all(lag >= 0 for lag in plan.lag_seconds) and plan.downtime_minutes >= 0
    assert plan.keeps_up == (apply > writes)
    after_load = [lag for h, lag in zip(plan.hours, plan.lag_seconds, strict=True) if h > plan.full_load_hours + 0.01]
    if not plan.keeps_up:
        assert after_load == sorted(after_load) and math.isinf(plan.catch_up_hours)
    else:
        assert after_load == sorted(after_load, reverse=True)


def test_a_worked_catch_up():
    # 800 GiB at 100 GiB/h = 8 h; 800 changes/s cached = 23,040,000; drained at 1,000 - 800 = 200/s = 32 h.
    plan = cutover.cutover_plan(
        800, full_load_gib_per_hour=100, writes_per_second=800, apply_per_second=1000, cutover_after_hours=100
    )
    assert plan.full_load_hours == 8 and plan.backlog_after_load == 23_040_000 and plan.catch_up_hours == 32
    assert plan.lag_at_cutover_seconds == 5  # caught up: the floor
    assert plan.downtime_minutes == pytest.approx(15 + 5 / 60, abs=0.01)


def test_falling_behind_makes_waiting_worse():
    early, late = (
        cutover.cutover_plan(
            100, full_load_gib_per_hour=100, writes_per_second=1500, apply_per_second=1000, cutover_after_hours=h
        )
        for h in (12, 48)
    )
    assert not early.keeps_up and late.downtime_minutes > early.downtime_minutes


def test_bad_rates_are_named():
    with pytest.raises(ValueError, match="apply_per_second=0 is outside the allowed range"):
        cutover.cutover_plan(1, full_load_gib_per_hour=1, writes_per_second=1, apply_per_second=0)


def test_migration_hub_status_is_dated_and_sourced():
    # "AWS Migration Hub is no longer open to new customers as of November 7, 2025. For capabilities similar to AWS
    # Migration Hub, explore AWS Transform." (https://docs.aws.amazon.com/migrationhub/latest/launchguide/
    # doc-history.html, read 2026-12-03)
    assert tools.MIGRATION_HUB_CLOSED_TO_NEW_CUSTOMERS == "2025-11-07"
    assert tools.MIGRATION_HUB_SUCCESSOR == "AWS Transform"


def test_only_the_agent_records_network_dependencies():
    # ApplicationDiscoveryClient overview: the Agentless Collector "doesn't collect information about network
    # dependencies, only agent-based discovery collects that information" (AWS SDK for Java 2.x, read 2026-12-03).
    assert tools.DISCOVERY_COLLECTS["Discovery Agent"]["network dependencies"]
    assert not tools.DISCOVERY_COLLECTS["Agentless Collector"]["network dependencies"]


@pytest.mark.parametrize(
    "source, target, kind",
    [
        ("oracle", "aurora-postgresql", "heterogeneous"),
        ("sqlserver", "mysql", "heterogeneous"),
        ("mysql", "aurora", "homogeneous"),
        ("postgres", "aurora-postgresql", "homogeneous"),
        ("mongodb", "docdb", "homogeneous"),
    ],
)
def test_engine_pairs(source, target, kind):
    pair = tools.dms_pair(source, target)
    assert pair.kind == kind and pair.needs_schema_conversion == (kind == "heterogeneous")


def test_unknown_engine_is_named():
    with pytest.raises(ValueError, match="source='informix' is not one of"):
        tools.dms_pair("informix", "mysql")
