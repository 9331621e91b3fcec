"""RDS and Aurora: replica limits, recovery objectives, failover timeline, replica lag, Aurora quorum."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.databases import rds

PROPS = settings(max_examples=100, deadline=None)


@pytest.mark.parametrize(
    "engine, replicas",
    [
        # botocore RDS model, CreateDBInstanceReadReplica: 15 except Db2 3, Oracle 5, SQL Server 5; Aurora 15 replicas.
        ("mysql", 15),
        ("mariadb", 15),
        ("postgres", 15),
        ("oracle", 5),
        ("sqlserver", 5),
        ("aurora", 15),
        ("db2", 3),
        ("MySQL", 15),
        ("aurora-postgresql", 15),
        ("oracle-se2", 5),
        ("sqlserver-web", 5),
        ("postgresql", 15),
    ],
)
def test_max_read_replicas(engine, replicas):
    assert rds.max_read_replicas(engine) == replicas


def test_unknown_engine_names_the_parameter():
    with pytest.raises(ValueError, match="^engine='cassandra' is not one of: mysql, mariadb, postgres"):
        rds.max_read_replicas("cassandra")
    with pytest.raises(ValueError, match="^engine"):
        rds.max_read_replicas(None)


def test_tables():
    engines = rds.engines_table()
    assert set(engines["engine"]) == set(rds.ENGINES)
    assert "bring-your-own-license" in engines.set_index("engine").loc["oracle", "licensing"]
    duties = rds.responsibility_table()
    assert list(duties.columns) == ["task", "on-premises", "EC2", "RDS"]
    assert (duties["on-premises"] == "you").all()
    assert (duties.loc[duties["task"] == "Application optimisation", "RDS"] == "you").all()
    # Moving to EC2 hands over only the hardware rows; moving to RDS hands over everything but the app.
    assert (duties["EC2"] == "AWS").sum() == 4 and (duties["RDS"] == "AWS").sum() == 7
    # You configure scaling, Multi-AZ and backup retention; RDS carries them out.
    assert set(duties.loc[duties["RDS"] == "shared", "task"]) == {"Scaling", "High availability", "Backups"}


def test_rds_duties_agree_with_the_security_chapter():
    from awslab.security import responsibility

    same_row = {
        "High availability": "High availability across AZs",
        "Backups": "Backups and their retention",
        "OS patches": "Guest operating system patches",
        "Database engine patches": "Database / runtime engine patches",
    }
    words = {"you": "Customer", "shared": "Shared", "AWS": "AWS"}
    security = {task: owners["RDS"] for task, owners in responsibility._MATRIX}
    duties = rds.responsibility_table().set_index("task")["RDS"]
    for ours, theirs in same_row.items():
        assert words[duties[ours]] == security[theirs], ours


def test_multi_az_instance_standby_does_not_serve_reads():
    table = rds.deployments_table().set_index("deployment")
    assert not table.loc["Multi-AZ DB instance", "standbys_serve_reads"]
    assert table.loc["Multi-AZ DB cluster", "standbys_serve_reads"]
    assert table.loc["Multi-AZ DB cluster", "standbys"] == 2


def test_multi_az_gives_zero_rpo_for_instance_and_az_failure_only():
    for scenario in ("instance_failure", "az_outage"):
        recovery = rds.recovery_objectives(scenario, multi_az=True)
        assert recovery.rpo_seconds == 0 and recovery.rto_seconds <= 120
        assert "Multi-AZ" in recovery.mechanism
    # Synchronous replication copies the bad write: corruption still needs point-in-time restore.
    corrupt = rds.recovery_objectives("data_corruption", multi_az=True, read_replicas=5)
    assert "point-in-time" in corrupt.mechanism
    assert corrupt.rto_seconds > 120


def test_fallbacks_without_multi_az():
    replica = rds.recovery_objectives("instance_failure", read_replicas=1, replica_lag_seconds=12)
    assert replica.rpo_seconds == 12 and "promote" in replica.mechanism
    pitr = rds.recovery_objectives("instance_failure", backup_retention_days=7, database_size_gib=250)
    assert pitr.rpo_seconds == 300
    assert pitr.rto_seconds == rds.RESTORE_FIXED_SECONDS + 3600
    nothing = rds.recovery_objectives("instance_failure", backup_retention_days=0, snapshot_interval_hours=24)
    assert nothing.rpo_seconds == 24 * 3600 and "snapshot" in nothing.mechanism


def test_region_outage_and_late_detected_corruption():
    assert rds.recovery_objectives("region_outage", multi_az=True).rpo_seconds == 24 * 3600
    assert rds.recovery_objectives("region_outage", cross_region_replica=True, replica_lag_seconds=3).rpo_seconds == 3
    late = rds.recovery_objectives(
        "data_corruption", backup_retention_days=1, corruption_detected_after_hours=30, snapshot_interval_hours=6
    )
    assert late.rpo_seconds == (6 + 30) * 3600 and "snapshot" in late.mechanism


def test_corruption_recovery_loses_the_good_writes_after_the_restore_point():
    found = rds.recovery_objectives("data_corruption", backup_retention_days=7, corruption_detected_after_hours=2)
    assert "point-in-time" in found.mechanism
    assert found.rpo_seconds == 2 * 3600


def test_recovery_matrix_has_every_scenario():
    matrix = rds.recovery_matrix(multi_az=True, backup_retention_days=35)
    assert list(matrix["scenario"]) == list(rds.SCENARIOS)
    assert set(matrix.columns) == {"scenario", "mechanism", "rpo_seconds", "rto_seconds"}


@pytest.mark.parametrize(
    "kwargs, parameter",
    [
        ({"scenario": "meteor"}, "scenario"),
        ({"scenario": "az_outage", "backup_retention_days": 36}, "backup_retention_days"),
        ({"scenario": "az_outage", "read_replicas": 16}, "read_replicas"),
        ({"scenario": "az_outage", "multi_az": "yes"}, "multi_az"),
        ({"scenario": "az_outage", "snapshot_interval_hours": 0}, "snapshot_interval_hours"),
        ({"scenario": "az_outage", "database_size_gib": -1}, "database_size_gib"),
    ],
)
def test_recovery_bad_input(kwargs, parameter):
    with pytest.raises(ValueError, match=f"^{parameter}"):
        rds.recovery_objectives(**kwargs)


@PROPS
@given(
    st.sampled_from(rds.SCENARIOS),
    st.integers(0, 35),
    st.booleans(),
    st.integers(0, 15),
    st.booleans(),
    st.floats(0.5, 168),
    st.floats(0, 10_000),
)
def test_more_protection_never_worsens_rpo(scenario, retention, multi_az, replicas, cross, interval, size):
    base = rds.recovery_objectives(
        scenario,
        backup_retention_days=retention,
        multi_az=False,
        read_replicas=0,
        cross_region_replica=False,
        snapshot_interval_hours=interval,
        database_size_gib=size,
    )
    more = rds.recovery_objectives(
        scenario,
        backup_retention_days=retention,
        multi_az=multi_az,
        read_replicas=replicas,
        cross_region_replica=cross,
        snapshot_interval_hours=interval,
        database_size_gib=size,
    )
    assert more.rpo_seconds <= base.rpo_seconds
    assert more.rto_seconds <= base.rto_seconds
    assert not math.isnan(more.rpo_seconds)


def test_point_in_time_window():
    assert rds.point_in_time_window_hours(7, 1000) == rds.RestoreWindow(168.0, 300 / 3600)
    assert rds.point_in_time_window_hours(7, 10) == rds.RestoreWindow(10.0, 300 / 3600)
    with pytest.raises(ValueError, match="backup_retention_days=0 disables"):
        rds.point_in_time_window_hours(0, 10)


def test_failover_timeline_is_contiguous_and_within_the_documented_range():
    timeline = rds.failover_timeline()
    assert [p["phase"] for p in timeline][0] == "detect failure"
    assert all(a["end_s"] == b["start_s"] for a, b in zip(timeline, timeline[1:], strict=False))
    low, high = rds.MULTI_AZ_FAILOVER_SECONDS
    assert low <= timeline[-1]["end_s"] <= high
    assert rds.failover_timeline(dns_ttl_seconds=60)[-1]["end_s"] == timeline[-1]["end_s"] + 55
    with pytest.raises(ValueError, match="^dns_ttl_seconds"):
        rds.failover_timeline(dns_ttl_seconds=-1)


@PROPS
@given(
    st.floats(0, 5000),
    st.floats(1, 5000),
    st.floats(1, 4),
    st.integers(0, 200),
    st.integers(0, 200),
    st.integers(0, 2**32 - 1),
)
def test_replica_lag_conserves_writes(mean, apply, burst, start, length, seed):
    result = rds.simulate_replica_lag(
        mean,
        apply,
        burst_multiplier=burst,
        burst_start_s=min(start, 200),
        burst_duration_s=length,
        seconds=200,
        seed=seed,
    )
    assert (result.backlog_writes >= -1e-6).all()
    assert (result.applied_per_second <= apply + 1e-6).all() and (result.applied_per_second >= -1e-6).all()
    # Every write is either applied on the replica or still queued.
    assert result.writes_per_second.sum() == pytest.approx(
        result.applied_per_second.sum() + result.backlog_writes[-1], abs=1e-6
    )
    assert (result.lag_seconds >= 0.05 - 1e-12).all()
    assert ((result.stale_read_fraction >= 0) & (result.stale_read_fraction <= 1)).all()


def test_fast_replica_has_no_backlog_and_a_burst_builds_lag():
    quiet = rds.simulate_replica_lag(100, 10_000, burst_multiplier=1, seed=1)
    assert quiet.backlog_writes.max() == 0
    assert quiet.stale_read_fraction.max() < 1e-6
    busy = rds.simulate_replica_lag(800, 1000, burst_multiplier=2, burst_start_s=60, burst_duration_s=60, seed=1)
    peak = int(np.argmax(busy.lag_seconds))
    assert 110 <= peak <= 125
    assert busy.lag_seconds.max() == pytest.approx(36, rel=0.15)  # (1600 - 1000) x 60 s / 1000 per s


def test_aurora_quorum():
    assert rds.aurora_quorum() == {"copies_alive": 6, "can_write": True, "can_read": True}
    assert rds.aurora_quorum(failed_azs=1) == {"copies_alive": 4, "can_write": True, "can_read": True}
    assert rds.aurora_quorum(failed_copies=1, failed_azs=1) == {"copies_alive": 3, "can_write": False, "can_read": True}
    assert rds.aurora_quorum(failed_copies=3)["can_read"] is True
    assert rds.aurora_quorum(failed_copies=4)["can_read"] is False
    with pytest.raises(ValueError, match="^failed_copies"):
        rds.aurora_quorum(failed_copies=5, failed_azs=1)


def test_storage_autoscaling_follows_the_documented_increments():
    steady = rds.simulate_storage_autoscaling(
        100, 60, growth_gib_per_day=8, max_allocated_storage_gib=1000, days=30, growth_noise=0
    )
    sizes = steady["allocated_gib"].drop_duplicates().tolist()
    assert sizes[:3] == [100, 110, 121]  # max(10 GiB, 10% of allocated, 7 h of growth), whole GiB
    assert not steady["storage_full"].any()
    changes = steady.index[steady["allocated_gib"].diff() > 0]
    assert (changes.to_series().diff().dropna() >= rds.AUTOSCALING_COOLDOWN_HOURS).all()
    first = changes[0]
    assert steady.loc[first, "allocated_gib"] - steady.loc[first, "used_gib"] < 121 * 0.10 + 10


def test_storage_fills_without_autoscaling_or_at_the_ceiling():
    off = rds.simulate_storage_autoscaling(
        100, 60, growth_gib_per_day=8, max_allocated_storage_gib=None, days=30, growth_noise=0
    )
    assert (off["allocated_gib"] == 100).all()
    assert off["storage_full"].idxmax() == pytest.approx(5 * 24, abs=1)  # 40 GiB free at 8 GiB/day
    capped = rds.simulate_storage_autoscaling(
        100, 60, growth_gib_per_day=8, max_allocated_storage_gib=150, days=30, growth_noise=0
    )
    assert capped["allocated_gib"].max() == 150 and capped["storage_full"].any()


@PROPS
@given(
    st.floats(20, 5000),
    st.floats(0, 1),
    st.floats(0, 500),
    st.floats(0, 1),
    st.integers(1, 60),
    st.floats(0, 2),
    st.integers(0, 2**32 - 1),
)
def test_storage_never_shrinks_and_respects_the_ceiling(allocated, used_share, growth, headroom, days, noise, seed):
    ceiling = allocated * (1 + 10 * headroom)
    history = rds.simulate_storage_autoscaling(
        allocated,
        allocated * used_share,
        growth_gib_per_day=growth,
        max_allocated_storage_gib=ceiling,
        days=days,
        growth_noise=noise,
        seed=seed,
    )
    assert (history["allocated_gib"].diff().dropna() >= 0).all()
    assert history["allocated_gib"].max() <= ceiling + 1e-9
    assert (history["used_gib"].diff().dropna() >= 0).all()


def test_storage_autoscaling_bad_input():
    with pytest.raises(ValueError, match="^used_gib"):
        rds.simulate_storage_autoscaling(100, 150)
    with pytest.raises(ValueError, match="^max_allocated_storage_gib"):
        rds.simulate_storage_autoscaling(100, 50, max_allocated_storage_gib=50)
