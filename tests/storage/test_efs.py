"""Tests of the EFS model: AWS's bursting table and worked examples, the credit simulation's invariants, the
throughput-mode bills, lifecycle policies, mount targets, the FSx chooser and transfer times."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.storage import efs, fsx, transfer


# --- AWS's worked examples (EFS User Guide, "Amazon EFS performance"; awsdocs/amazon-efs-user-guide
# doc_source/performance.md for the table) ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("size_gib", "baseline", "burst", "minutes_per_day", "share"),
    [
        # the 10 GiB row (0.5 MiB/s, 7.2 min, 0.5%) predates the 1 MiB/s minimum baseline of 2020-06-30
        (10, 1.0, 100, 14.4, 0.01),
        (256, 12.5, 100, 180, 0.125),
        (512, 25.0, 100, 360, 0.25),
        (1024, 50.0, 100, 720, 0.50),
        (1536, 75.0, 150, 720, 0.50),
        (2048, 100.0, 200, 720, 0.50),
        (3072, 150.0, 300, 720, 0.50),
        (4096, 200.0, 400, 720, 0.50),
    ],
)
def test_bursting_performance_matches_aws_table(size_gib, baseline, burst, minutes_per_day, share):
    p = efs.bursting_performance(size_gib)
    assert p.baseline_mibps == pytest.approx(baseline)
    assert p.burst_mibps == pytest.approx(burst)
    assert p.burst_minutes_per_day == pytest.approx(minutes_per_day)
    assert p.burst_share_of_day == pytest.approx(share)


def test_the_pre_2020_ten_gib_row_is_the_size_based_rate_alone():
    assert 10 * efs.BASELINE_MIBPS_PER_TIB / efs.GIB_PER_TIB == pytest.approx(0.488, abs=0.001)  # table: 0.5
    assert 1440 * 0.5 / 100 == pytest.approx(7.2)


def test_a_100_gib_file_system_earns_about_432000_mib_a_day_and_bursts_about_72_minutes():
    # The guide's prose rounds 100 GiB x 50 KiB/s to 5 MiB/s: 432,000 MiB a day, 72 minutes at 100 MiB/s.
    p = efs.bursting_performance(100)
    assert p.credits_earned_per_day_mib == pytest.approx(432_000, rel=0.03)
    assert p.burst_minutes_per_day == pytest.approx(72, rel=0.03)


def test_the_initial_balance_lasts_6_12_hours_at_100_mibps():
    # "2.1 x 1024 x (1024/100/3600) ... 6.116 hours, rounded up to 6.12"
    assert efs.INITIAL_CREDITS_MIB / 100 / 3600 == pytest.approx(6.116, abs=0.001)


def test_large_file_systems_can_burst_about_12_hours_from_a_full_bucket():
    for size in (1024, 4096, 100 * 1024):
        assert efs.bursting_performance(size).full_bucket_burst_seconds / 3600 == pytest.approx(12.23, abs=0.01)


def test_reads_are_metered_at_a_third_as_in_aws_example():
    # Storage Blog: 750 MB/s read + 250 MB/s write is metered as 500 MB/s.
    assert efs.metered_mibps(750, 250) == 500


def test_a_new_file_system_bursts_on_its_initial_credits_then_falls_to_the_baseline():
    r = efs.simulate_bursting(10, [100.0] * 8, 3600)  # 8 hours asking for 100 MiB/s
    assert r.seconds_to_empty == pytest.approx(efs.INITIAL_CREDITS_MIB / (100 - 1.0), rel=1e-9)
    assert r.delivered_mibps[0] == pytest.approx(100)
    assert r.delivered_mibps[-1] == pytest.approx(1.0)


def test_read_heavy_clients_see_three_times_the_metered_burst():
    r = efs.simulate_bursting(100, [300.0] * 3, 60, read_share=1.0)
    assert r.delivered_mibps.tolist() == pytest.approx([300.0] * 3)
    assert r.metered_mibps.tolist() == pytest.approx([100.0] * 3)


# --- properties of the credit simulation ----------------------------------------------------------------------
demand = st.lists(st.floats(0, 2_000, allow_nan=False), min_size=1, max_size=300)


@given(
    size=st.floats(10, 20_000),
    demand=demand,
    step=st.sampled_from([1.0, 60.0, 300.0, 3600.0]),
    read_share=st.floats(0, 1),
    start=st.floats(0, 1),
)
def test_credits_stay_within_zero_and_the_cap_and_throughput_within_burst(size, demand, step, read_share, start):
    cap = efs.bursting_performance(size).credit_cap_mib
    r = efs.simulate_bursting(size, demand, step, read_share=read_share, initial_credits_mib=start * cap)
    p = r.performance
    assert np.all(r.credits_mib >= -1e-6) and np.all(r.credits_mib <= cap + 1e-6)
    assert np.all(r.metered_mibps <= p.burst_mibps + 1e-9)
    assert np.all(r.delivered_mibps <= r.demand_mibps + 1e-6)
    assert np.all(r.delivered_mibps >= -1e-9)
    # below the baseline, nothing is ever refused
    below = r.demand_mibps * (read_share / 3 + 1 - read_share) <= p.baseline_mibps
    assert np.allclose(r.delivered_mibps[below], r.demand_mibps[below])


@given(size=st.floats(10, 20_000), demand=demand, step=st.sampled_from([60.0, 300.0]))
def test_credits_are_conserved(size, demand, step):
    r = efs.simulate_bursting(size, demand, step, initial_credits_mib=0)
    p = r.performance
    earned = p.baseline_mibps * step * len(demand)
    spent = float(r.metered_mibps.sum() * step)
    # what is left = earned - spent - what the cap threw away (never negative)
    assert r.credits_mib[-1] <= earned - spent + 1e-3 * max(1.0, earned)


@given(size=st.floats(10, 50_000), extra=st.floats(0, 50_000))
def test_more_data_never_means_less_throughput(size, extra):
    a, b = efs.bursting_performance(size), efs.bursting_performance(min(size + extra, efs.MAX_SIZE_GIB))
    assert b.baseline_mibps >= a.baseline_mibps and b.burst_mibps >= a.burst_mibps
    assert b.credit_cap_mib >= a.credit_cap_mib and b.burst_minutes_per_day >= a.burst_minutes_per_day - 1e-9


# --- bills, lifecycle, mount targets ---------------------------------------------------------------------------
def test_mode_costs_price_each_mode():
    bursting, provisioned, elastic = efs.mode_costs(1024, average_mibps=40, peak_mibps=90, read_share=0)
    assert bursting.serves_workload and bursting.total_usd == pytest.approx(1024 * 0.30)
    assert provisioned.throughput_usd == pytest.approx((90 - 50) * 6.0)
    assert elastic.throughput_usd == pytest.approx(40 * 30 * 86_400 / 1024 * 0.06)
    assert not efs.mode_costs(100, average_mibps=10, peak_mibps=20, read_share=0)[0].serves_workload


def test_mode_costs_reject_an_average_above_the_peak():
    with pytest.raises(ValueError, match="average_mibps=30 is outside the allowed range .*peak_mibps=20"):
        efs.mode_costs(100, average_mibps=30, peak_mibps=20)


def test_lifecycle_policies_use_the_api_values():
    assert efs.lifecycle_policies(1, 365, False) == [
        {"TransitionToIA": "AFTER_1_DAY"},
        {"TransitionToArchive": "AFTER_365_DAYS"},
    ]
    with pytest.raises(ValueError, match="to_archive_days=45 is not one of the lifecycle choices"):
        efs.lifecycle_policies(30, 45)


def test_the_model_lifecycle_values_are_botocore_enums():
    import botocore.session

    model = botocore.session.get_session().get_service_model("efs")
    allowed = set(model.shape_for("TransitionToIARules").enum)
    assert {efs.lifecycle_policies(d, None, False)[0]["TransitionToIA"] for d in efs.TRANSITION_DAYS} == allowed
    assert set(efs.THROUGHPUT_MODES) == set(model.shape_for("ThroughputMode").enum)
    assert set(efs.PERFORMANCE_MODES) == set(model.shape_for("PerformanceMode").enum)


def test_one_mount_target_per_zone_and_one_for_one_zone_file_systems():
    subnets = [{"SubnetId": f"s{i}", "AvailabilityZone": z} for i, z in enumerate("aaabbc")]
    plan = efs.plan_mount_targets(subnets)
    assert plan.mount_subnets == ("s0", "s3", "s5") and plan.conflicts == ("s1", "s2", "s4")
    assert efs.plan_mount_targets(subnets, one_zone="b").mount_subnets == ("s3",)
    with pytest.raises(ValueError, match="subnets\\[0\\] needs SubnetId and AvailabilityZone"):
        efs.plan_mount_targets([{"SubnetId": "x"}])


def test_bad_sizes_and_demands_are_refused_by_name():
    with pytest.raises(ValueError, match="size_gib=-1"):
        efs.bursting_performance(-1)
    with pytest.raises(ValueError, match="demand_mibps must hold finite values"):
        efs.simulate_bursting(100, [1.0, -2.0])
    with pytest.raises(ValueError, match="read_share=2"):
        efs.simulate_bursting(100, [1.0], read_share=2)


# --- FSx chooser and transfer times ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"protocol": "SMB", "active_directory": True}, ["fsx_windows", "fsx_ontap"]),
        ({"protocol": "Lustre", "s3_data_repository": True}, ["fsx_lustre"]),
        ({"protocol": "iSCSI"}, ["fsx_ontap"]),
        ({"protocol": "NFS"}, ["efs", "fsx_ontap", "fsx_openzfs"]),
        ({"protocol": "NFS", "second_protocol": "SMB"}, ["fsx_ontap"]),
    ],
)
def test_file_service_chooser(kwargs, expected):
    assert fsx.choose_file_service(**kwargs) == expected


def test_chooser_refuses_unknown_protocols():
    with pytest.raises(ValueError, match="protocol='AFP' is not one of"):
        fsx.choose_file_service("AFP")


def test_transfer_days_and_snow_status():
    assert transfer.online_transfer_days(100, 1, 1.0) == pytest.approx(100 * 8e12 / 1e9 / 86_400)
    assert not transfer.DATA_MOVERS["snowball_edge"].open_to_new_customers
    assert transfer.DATA_MOVERS["datasync"].open_to_new_customers
