"""Aurora Serverless v2, RDS Proxy, Blue/Green and Aurora Global Database models (05_aurora_serverless_and_proxy).

Worked examples follow the AWS pages each module cites: ServerlessV2ScalingConfiguration (half-ACU steps, 0 to 256,
SecondsUntilAutoPause 300-86,400), ConnectionPoolConfiguration (defaults 100 / 50 / 120 s), the Blue/Green switchover
page (timeout 30-3,600 s, default 300 s; guardrails) and the Aurora Global Database numbers in awslab.resilience.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.databases import aurora_global, blue_green
from awslab.databases import aurora_serverless as sv2
from awslab.databases import rds_proxy as proxy
from awslab.resilience import blocks, dr


# --- Aurora Serverless v2 ----------------------------------------------------------------------------------------
def test_scaling_configuration_follows_the_api_reference():
    # ServerlessV2ScalingConfiguration: "half-step increments, such as 8, 8.5, 9"; largest 256; smallest 0 with
    # auto-pause, 0.5 without; SecondsUntilAutoPause 300 to 86,400 (read 2026-12-03)
    assert sv2.scaling_configuration(8.5, 256) == {"MinCapacity": 8.5, "MaxCapacity": 256.0}
    assert sv2.scaling_configuration(0, 4)["SecondsUntilAutoPause"] == 300
    with pytest.raises(ValueError, match="MinCapacity=0 is outside the allowed range"):
        sv2.scaling_configuration(0, 4, auto_pause_supported=False)
    with pytest.raises(ValueError, match="MaxCapacity=256.5 is outside"):
        sv2.scaling_configuration(1, 256.5)
    with pytest.raises(ValueError, match="SecondsUntilAutoPause=200 is outside the allowed range"):
        sv2.scaling_configuration(0, 4, seconds_until_auto_pause=200)
    with pytest.raises(ValueError, match="MaxCapacity=2 is outside the allowed range"):
        sv2.scaling_configuration(4, 2)


def test_demand_rounds_up_to_the_next_half_acu_and_pauses_after_the_idle_time():
    run = sv2.simulate_capacity(np.array([0.1, 1.01, 7.5, 7.51] + [0.0] * 12), 0, 8, seconds_until_auto_pause=300)
    assert run.acu.tolist()[:4] == [0.5, 1.5, 7.5, 8.0]
    assert run.paused.tolist() == [False] * 9 + [True] * 7  # 5 idle minutes at 0.5 ACU, then paused
    assert run.acu_hours == pytest.approx((0.5 + 1.5 + 7.5 + 8 + 5 * 0.5) / 60)


def test_break_even_is_the_instance_rate_over_the_acu_rate():
    run = sv2.simulate_capacity(np.full(600, 3.0), 0.5, 32)
    cost = sv2.compare_to_provisioned(run, "db.r6g.xlarge")
    assert cost.break_even_average_acu == pytest.approx(0.52 / 0.12)
    assert cost.cheaper == "serverless v2"  # a mean of 3 ACU is below the 4.33 break-even
    assert sv2.compare_to_provisioned(sv2.simulate_capacity(np.full(600, 5.0), 0.5, 32), "db.r6g.xlarge").cheaper == (
        "provisioned"
    )


@given(
    load=st.lists(st.floats(min_value=0, max_value=400, allow_nan=False), min_size=1, max_size=200),
    low_steps=st.integers(min_value=0, max_value=64),
    extra_steps=st.integers(min_value=1, max_value=448),
)
def test_capacity_stays_within_bounds_in_half_acu_steps(load, low_steps, extra_steps):
    low = low_steps * 0.5
    high = min(256.0, low + extra_steps * 0.5)
    run = sv2.simulate_capacity(np.array(load), low, high)
    running = run.acu[~run.paused]
    assert np.all(running >= max(low, 0.5) - 1e-9) and np.all(running <= high + 1e-9)
    assert np.allclose(run.acu * 2, np.round(run.acu * 2))
    assert np.all(run.acu[run.paused] == 0) and (low == 0 or not run.paused.any())


# --- RDS Proxy ---------------------------------------------------------------------------------------------------
def test_pool_defaults_are_the_documented_ones():
    assert (proxy.MAX_CONNECTIONS_PERCENT_DEFAULT, proxy.MAX_IDLE_CONNECTIONS_PERCENT_DEFAULT) == (100, 50)
    assert proxy.CONNECTION_BORROW_TIMEOUT_SECONDS_DEFAULT == 120
    assert proxy.IDLE_CLIENT_TIMEOUT_SECONDS_DEFAULT == 1800


def test_a_burst_fails_directly_and_fits_through_the_proxy():
    run = proxy.simulate(proxy.Burst(), max_connections=90, seed=1)
    assert run.peak_direct_connections == 90 and run.direct_failed > 0
    assert run.proxy_failed == 0 and run.peak_proxy_connections <= 30  # ~500/s x 40 ms = 20 in flight
    pinned = proxy.simulate(proxy.Burst(), max_connections=90, pinned_fraction=0.9, seed=1)
    assert pinned.proxy_failed > 0 and pinned.max_wait_seconds == proxy.CONNECTION_BORROW_TIMEOUT_SECONDS_DEFAULT


def test_bad_pool_settings_name_the_parameter():
    with pytest.raises(ValueError, match="max_idle_connections_percent=60 is outside the allowed range"):
        proxy.simulate(max_connections_percent=50, max_idle_connections_percent=60)
    with pytest.raises(ValueError, match="transaction_ms=400 is outside"):
        proxy.simulate(proxy.Burst(transaction_ms=400))


@given(
    burst=st.floats(min_value=0, max_value=3000),
    max_connections=st.integers(min_value=1, max_value=2000),
    percent=st.integers(min_value=1, max_value=100),
    pinned=st.floats(min_value=0, max_value=1),
    transaction_ms=st.floats(min_value=0, max_value=300),
    seed=st.integers(min_value=0, max_value=50),
)
def test_the_proxy_never_opens_more_than_its_pool_or_max_connections(burst, max_connections, percent, pinned,
                                                                       transaction_ms, seed):  # fmt: skip
    run = proxy.simulate(proxy.Burst(burst_per_second=burst, transaction_ms=transaction_ms, seconds=60,
                                     burst_start_second=10, burst_seconds=20),
                         max_connections=max_connections, max_connections_percent=percent,
                         max_idle_connections_percent=0, pinned_fraction=pinned, seed=seed)  # fmt: skip
    assert run.pool_size <= max_connections
    assert run.frame["proxy_db_connections"].max() <= run.pool_size
    assert run.frame["direct_connections"].max() <= max_connections
    assert run.proxy_failed <= run.invocations + 1


# --- Blue/Green and Global Database -----------------------------------------------------------------------------
def test_blue_green_timeout_range_and_guardrails():
    assert blue_green.SWITCHOVER_TIMEOUT_RANGE == (30, 3600) and blue_green.SWITCHOVER_TIMEOUT_DEFAULT == 300
    with pytest.raises(ValueError, match="switchover_timeout=10 is outside the allowed range"):
        blue_green.guardrails(switchover_timeout=10)
    blocked = blue_green.switchover(long_running_ddl_on_blue=True, replication_healthy=False)
    assert blocked["outcome"].startswith("blocked by guardrails: replication health, no long-running DDL on blue")
    assert len(blocked["steps"]) == 1 and len(blue_green.switchover()["steps"]) == 5


def test_global_database_reads_the_resilience_chapters_numbers():
    assert aurora_global.PATHS == tuple(blocks.AURORA_RECOVERY_OPERATIONS)
    failover = aurora_global.recovery_path("failover", primary_healthy=False)
    assert failover.rpo_seconds == blocks.AURORA_GLOBAL_TYPICAL_LAG_SECONDS
    assert failover.rto_seconds == (dr.DECIDE_MINUTES + dr.PROMOTE_MINUTES) * 60
    detach = aurora_global.recovery_path("detach and promote", primary_healthy=False)
    assert detach.rto_seconds > failover.rto_seconds and not detach.keeps_global_topology
    assert aurora_global.recovery_path("switchover", lag_seconds=0.5).rpo_seconds == 0
