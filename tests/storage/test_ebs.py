"""Tests of the EBS model: gp2 burst table, credit simulator, chooser, prices, RAID, snapshots, lazy loading."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.storage import ebs, ebs_sizing, ebs_snapshots

FAST = settings(max_examples=120, deadline=None)


# --- gp2_performance against AWS's table ----------------------------------------------------------------------
# EBS User Guide, "General Purpose SSD volumes", gp2 table: size, baseline IOPS, burst duration at 3,000 IOPS (s),
# time to refill an empty credit balance (s).
@pytest.mark.parametrize(
    ("size", "baseline", "burst_s", "refill_s"),
    [
        (1, 100, 1862, 54000),
        (33.33, 100, 1862, 54000),
        (100, 300, 2000, 18000),
        (334, 1002, 2703, 5389),
        (750, 2250, 7200, 2400),
    ],
)
def test_gp2_performance_matches_aws_burst_table(size, baseline, burst_s, refill_s):
    perf = ebs.gp2_performance(size)
    assert perf.baseline_iops == pytest.approx(baseline)
    assert perf.burst_iops == 3000
    assert round(perf.burst_seconds) == burst_s
    assert round(perf.refill_seconds) == refill_s


@pytest.mark.parametrize(("size", "baseline"), [(1000, 3000), (5334, 16000), (16384, 16000), (2000, 6000)])
def test_gp2_without_burst_has_no_burst_times(size, baseline):
    perf = ebs.gp2_performance(size)
    assert perf.baseline_iops == baseline
    assert perf.burst_iops == baseline
    assert perf.burst_seconds is None and perf.refill_seconds is None


def test_gp2_throughput_steps_at_170_and_334_gib():
    assert ebs.gp2_performance(170).max_throughput_mibps == 128
    assert ebs.gp2_performance(200).max_throughput_mibps == 250
    assert ebs.gp2_performance(200).sustained_throughput_mibps == 128
    assert ebs.gp2_performance(334).sustained_throughput_mibps == 250


@pytest.mark.parametrize("bad", [0, 0.5, 16385, -1, math.nan, math.inf, "100", True, None])
def test_gp2_performance_rejects_sizes_outside_1_to_16384(bad):
    with pytest.raises(ValueError, match="size_gib"):
        ebs.gp2_performance(bad)


# --- Burst simulator ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [1, 100, 334, 750])
@pytest.mark.parametrize("step", [1.0, 60.0])
def test_simulator_reproduces_burst_and_refill_times(size, step):
    perf = ebs.gp2_performance(size)
    burst_steps = math.ceil(perf.burst_seconds / step)
    idle_steps = math.ceil(perf.refill_seconds / step) + 5
    demand = np.r_[np.full(burst_steps, 3000.0), np.zeros(idle_steps)]
    result = ebs.simulate_gp2_burst(size, demand, step_seconds=step)
    assert result.seconds_to_empty == pytest.approx(perf.burst_seconds, rel=1e-9)
    # refill starts at the step boundary after the bucket emptied, so allow one step
    assert perf.refill_seconds <= result.seconds_empty_to_full <= perf.refill_seconds + step
    assert result.credits[-1] == pytest.approx(ebs.GP2_CREDIT_CAP)


def test_simulator_delivers_burst_then_baseline():
    demand = np.full(3000, 3000.0)
    result = ebs.simulate_gp2_burst(100, demand)
    assert np.all(result.delivered_iops[:2000] == pytest.approx(3000))
    assert np.all(result.delivered_iops[2000:] == pytest.approx(300))
    assert result.unmet_io == pytest.approx(1000 * 2700)
    assert result.burst_balance_percent[-1] == 0


def test_large_volume_never_bursts():
    result = ebs.simulate_gp2_burst(2000, [1000, 7000, 5000])
    assert result.delivered_iops.tolist() == [1000, 6000, 5000]
    assert result.seconds_to_empty is None


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"demand_iops": []}, "demand_iops"),
        ({"demand_iops": [-1]}, "demand_iops"),
        ({"demand_iops": [1], "step_seconds": 0}, "step_seconds"),
        ({"demand_iops": [1], "initial_credits": 6e6}, "initial_credits"),
    ],
)
def test_simulator_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        ebs.simulate_gp2_burst(100, **kwargs)


def reference_bucket(size, demand, dt, c0):
    """Step-by-step token bucket, written independently of the vectorised model."""
    perf = ebs.gp2_performance(size)
    credits, delivered, balance = [], [], c0
    for d in demand:
        want = min(d, perf.burst_iops)
        if want <= perf.baseline_iops:
            balance = min(ebs.GP2_CREDIT_CAP, balance + (perf.baseline_iops - want) * dt)
            delivered.append(want)
        else:
            spend = min(balance, (want - perf.baseline_iops) * dt)
            balance -= spend
            delivered.append(perf.baseline_iops + spend / dt)
        credits.append(balance)
    return np.array(credits), np.array(delivered)


demands = st.lists(st.floats(0, 20_000, allow_nan=False), min_size=1, max_size=300)


@FAST
@given(
    size=st.floats(1, 999),
    demand=demands,
    dt=st.sampled_from([1.0, 10.0, 60.0, 600.0]),
    c0=st.floats(0, ebs.GP2_CREDIT_CAP),
)
def test_credit_balance_stays_within_zero_and_cap_and_matches_reference(size, demand, dt, c0):
    result = ebs.simulate_gp2_burst(size, demand, step_seconds=dt, initial_credits=c0)
    assert np.all(result.credits >= -1e-6)
    assert np.all(result.credits <= ebs.GP2_CREDIT_CAP + 1e-6)
    assert np.all(result.delivered_iops <= np.asarray(demand) + 1e-6)
    assert np.all(result.delivered_iops >= np.minimum(demand, result.performance.baseline_iops) - 1e-6)
    ref_credits, ref_delivered = reference_bucket(size, demand, dt, c0)
    np.testing.assert_allclose(result.credits, ref_credits, atol=1e-3)
    np.testing.assert_allclose(result.delivered_iops, ref_delivered, atol=1e-6)


@FAST
@given(start=st.floats(0, 100), increments=st.lists(st.floats(-60, 60), min_size=1, max_size=200))
def test_clamped_walk_matches_loop(start, increments):
    level, expected = start, []
    for x in increments:
        level = min(100.0, max(0.0, level + x))
        expected.append(level)
    np.testing.assert_allclose(ebs.clamped_walk(start, np.array(increments), 100.0), expected, atol=1e-7)


def test_burst_pattern_demand_shape_and_seed():
    demand = ebs.burst_pattern_demand(100, 3000, peak_seconds=60, period_seconds=600, total_seconds=1200)
    assert demand.size == 1200 and demand[:60].min() == 3000 and demand[60:600].max() == 100
    noisy = ebs.burst_pattern_demand(
        100, 3000, peak_seconds=60, period_seconds=600, total_seconds=1200, noise_fraction=0.3, seed=7
    )
    assert np.array_equal(
        noisy,
        ebs.burst_pattern_demand(
            100, 3000, peak_seconds=60, period_seconds=600, total_seconds=1200, noise_fraction=0.3, seed=7
        ),
    )
    with pytest.raises(ValueError, match="peak_seconds"):
        ebs.burst_pattern_demand(100, 3000, peak_seconds=700, period_seconds=600, total_seconds=1200)


# --- gp3 against gp2 and prices --------------------------------------------------------------------------------
def test_gp3_serves_a_sustained_3000_iops_load_that_gp2_cannot():
    demand = np.full(4 * 3600, 3000.0)
    comparison = ebs_sizing.compare_gp3_gp2(100, demand)
    assert comparison.gp3_unmet_io == 0
    assert comparison.gp2_unmet_io == pytest.approx((3000 - 300) * (4 * 3600 - 2000))
    assert comparison.gp2_monthly_usd == pytest.approx(10.0)
    assert comparison.gp3_monthly_usd == pytest.approx(8.0)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"gp3_iops": 2000}, "iops"),
        ({"gp3_iops": 80_001}, "iops"),
        ({"gp3_throughput_mibps": 1000}, "throughput_mibps"),  # needs 4,000 IOPS at 0.25 MiB/s per IOPS
    ],
)
def test_gp3_limits(kwargs, name):
    with pytest.raises(ValueError, match=name):
        ebs_sizing.compare_gp3_gp2(100, [1.0], **kwargs)


def test_gp3_pricing_example():
    # Amazon EBS pricing page, Example 1 (gp3): 2,000 GB, 10,000 IOPS, 500 MB/s for 12 hours of a 30-day month,
    # here at the us-east-1 rates: storage 2.67 + IOPS 0.58 + throughput 0.25 = USD 3.50.
    monthly = ebs.monthly_cost_usd("gp3", 2000, iops=10_000, throughput_mibps=500)
    assert monthly * 43_200 / (86_400 * 30) == pytest.approx(3.5)


def test_io2_iops_price_tiers_and_overrides():
    base = 100 * 0.125
    assert ebs.monthly_cost_usd("io2", 100, iops=80_000) == pytest.approx(
        base + 32_000 * 0.065 + 32_000 * 0.0455 + 16_000 * 0.032
    )
    cheaper = ebs.with_prices(gp2_usd_per_gb_month=0.05)
    assert ebs.monthly_cost_usd("gp2", 100, prices=cheaper) == pytest.approx(5.0)
    with pytest.raises(ValueError, match="iops"):
        ebs.monthly_cost_usd("io1", 100)
    with pytest.raises(ValueError, match="volume_type"):
        ebs.monthly_cost_usd("gp4", 100)


# --- Chooser --------------------------------------------------------------------------------------------------
def test_chooser_picks_cheapest_qualifying_type():
    options = ebs_sizing.choose_volume(500, 4000, 200)
    best = options[0]
    assert best.volume_type == "gp3" and best.qualifies
    assert best.monthly_usd == pytest.approx(500 * 0.08 + 1000 * 0.005 + 75 * 0.04)
    gp2 = next(o for o in options if o.volume_type == "gp2")
    assert not gp2.qualifies and "1,500 IOPS" in gp2.reasons[0]


def test_chooser_respects_boot_and_size_limits():
    options = {o.volume_type: o for o in ebs_sizing.choose_volume(20_000, 100, 100, boot=True)}
    assert not options["gp2"].qualifies and "size" in options["gp2"].reasons[0]
    assert any("boot" in r for r in options["st1"].reasons)
    assert options["gp3"].qualifies


@FAST
@given(size=st.floats(1, 65_536), iops=st.floats(0, 300_000), tp=st.floats(0, 5_000), boot=st.booleans())
def test_chooser_only_qualifies_types_that_meet_the_need(size, iops, tp, boot):
    options = ebs_sizing.choose_volume(size, iops, tp, boot)
    assert len(options) == len(ebs.VOLUME_TYPES)
    for option in options:
        if option.qualifies:
            vt = ebs.VOLUME_TYPES[option.volume_type]
            assert option.sustained_iops >= iops - 1e-9 and option.sustained_throughput_mibps >= tp - 1e-9
            assert vt.min_size_gib <= size <= vt.max_size_gib
            assert vt.boot or not boot
    flags = [o.qualifies for o in options]
    assert flags == sorted(flags, reverse=True)


# --- RAID ---------------------------------------------------------------------------------------------------
def test_raid0_adds_everything_and_multiplies_risk():
    array = ebs_sizing.raid_array("RAID0", 4, 1000, 3000, 250)
    assert (array.size_gib, array.read_iops, array.throughput_mibps) == (4000, 12000, 1000)
    assert array.annual_loss_probability == pytest.approx(1 - 0.998**4)
    capped = ebs_sizing.raid_array("RAID0", 4, 1000, 3000, 250, instance_max_iops=10_000)
    assert capped.read_iops == 10_000 and capped.limited_by_instance


def test_raid1_mirrors():
    array = ebs_sizing.raid_array("RAID1", 2, 1000, 3000, 250)
    assert (array.size_gib, array.write_iops, array.read_iops) == (1000, 3000, 6000)
    assert array.annual_loss_probability == pytest.approx(0.002**2)
    with pytest.raises(ValueError, match="level"):
        ebs_sizing.raid_array("RAID5", 3, 1000, 3000, 250)
    with pytest.raises(ValueError, match="volumes"):
        ebs_sizing.raid_array("RAID1", 1, 1000, 3000, 250)


# --- Snapshots ----------------------------------------------------------------------------------------------
def test_aws_incremental_snapshot_example():
    # EBS User Guide, "How Amazon EBS snapshots work": snapshot A copies a 10 GiB volume, 4 GiB then change and
    # snapshot B stores only those; deleting A keeps the 6 GiB B still needs and frees the 4 GiB it does not.
    chain = ebs_snapshots.take_snapshots(10, [range(10), range(4)])
    assert [o.size for o in chain.owned] == [10, 4]
    deletion = ebs_snapshots.delete_snapshot(chain, "snap-0000")
    assert (deletion.freed_blocks, deletion.moved_blocks) == (4, 6)
    assert deletion.chain.stored_blocks() == 10
    np.testing.assert_array_equal(deletion.chain.restore("snap-0001"), chain.restore("snap-0001"))


def test_deleting_a_middle_snapshot_frees_only_overwritten_blocks():
    chain = ebs_snapshots.take_snapshots(8, [[0, 1, 2, 3], [1], [1, 2], []])
    assert [o.size for o in chain.owned] == [4, 1, 2, 0]
    middle = ebs_snapshots.delete_snapshot(chain, "snap-0001")
    assert (middle.freed_blocks, middle.moved_blocks) == (1, 0)
    assert middle.chain.snapshot_ids == ("snap-0000", "snap-0002", "snap-0003")
    with pytest.raises(ValueError, match="snapshot_id"):
        ebs_snapshots.delete_snapshot(middle.chain, "snap-0001")
    with pytest.raises(ValueError, match="writes"):
        ebs_snapshots.take_snapshots(8, [[8]])


@FAST
@given(
    n_blocks=st.integers(1, 40),
    n_snaps=st.integers(1, 8),
    fill=st.floats(0, 1),
    change=st.floats(0, 1),
    seed=st.integers(0, 10_000),
    order=st.randoms(use_true_random=False),
)
def test_snapshot_deletion_never_loses_a_needed_block(n_blocks, n_snaps, fill, change, seed, order):
    chain = ebs_snapshots.take_snapshots(
        n_blocks, ebs_snapshots.random_snapshot_writes(n_blocks, n_snaps, fill, change, seed)
    )
    victims = list(chain.snapshot_ids)
    order.shuffle(victims)
    for victim in victims[: order.randint(0, len(victims))]:
        before = chain.stored_blocks()
        deletion = ebs_snapshots.delete_snapshot(chain, victim)
        chain = deletion.chain
        needed = np.unique(chain.images[chain.images > 0])
        np.testing.assert_array_equal(chain.stored_versions(), needed)  # nothing lost, nothing leaked
        assert chain.stored_blocks() == needed.size  # each version stored once
        assert before - deletion.freed_blocks == chain.stored_blocks()


def test_snapshot_storage_cost():
    assert ebs_snapshots.snapshot_storage_usd(2048) == pytest.approx(0.05)  # 2,048 blocks of 512 KiB = 1 GiB
    assert ebs_snapshots.snapshot_storage_usd(2048, archive=True) == pytest.approx(0.0125)


# Pricing and billing for archiving Amazon EBS snapshots (snapshot-archive-pricing.html, read 2026-12-03): "if you
# archive a 100 GiB snapshot, you are billed $1.25 per month"; "restore a 100 GiB snapshot ... $3"; 90-day minimum.
def test_archived_snapshot_is_billed_whole_with_minimum_and_restore_fee():
    blocks_per_gib = 2048
    chain = ebs_snapshots.take_snapshots(100 * blocks_per_gib, [range(100 * blocks_per_gib), range(10)])
    cost = ebs_snapshots.archive_snapshot_cost(chain, "snap-0001")
    assert cost.incremental_blocks == 10  # what the standard tier billed for it
    assert cost.full_blocks == 100 * blocks_per_gib  # what the archive tier bills: the whole 100 GiB
    assert cost.archive_usd_per_month == pytest.approx(1.25)
    assert cost.restore_usd == pytest.approx(3.0)
    assert ebs_snapshots.SNAPSHOT_ARCHIVE_MIN_DAYS == 90
    assert cost.minimum_usd == pytest.approx(1.25 * 3)


# --- Lazy loading, encryption, persistence ------------------------------------------------------------------
def test_lazy_loading_counts_first_touches():
    result = ebs_snapshots.simulate_lazy_loading(1, 20_000, seed=3)
    assert result.cold_reads == int(result.first_touch.sum())
    assert result.warm_mean_latency_ms < result.mean_latency_ms < 20.0
    assert 0 < result.blocks_touched_fraction <= 1
    assert result.first_touch[0]
    again = ebs_snapshots.simulate_lazy_loading(1, 20_000, seed=3)
    np.testing.assert_array_equal(result.first_touch, again.first_touch)
    assert ebs_snapshots.simulate_lazy_loading(100, 10).initialization_seconds == pytest.approx(100 * 1024 / 250)
    with pytest.raises(ValueError, match="warm_latency_ms"):
        ebs_snapshots.simulate_lazy_loading(1, 10, cold_latency_ms=1, warm_latency_ms=2)


def test_fast_snapshot_restore_cost():
    assert ebs_snapshots.fast_snapshot_restore_usd(2, 3, 10) == pytest.approx(45.0)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("CreateSnapshot", True), True),
        (("CreateSnapshot", False), False),
        (("CreateVolume", True), True),
        (("CreateVolume", False), False),
        (("CopySnapshot", False, True), True),
        (("CreateVolume", False, False, None, True), True),
    ],
)
def test_encryption_is_inherited_and_can_only_be_added(args, expected):
    assert ebs_snapshots.encryption_outcome(*args)["Encrypted"] is expected


def test_encryption_keys_and_errors():
    assert ebs_snapshots.encryption_outcome("CopySnapshot", True, kms_key_id="alias/mine")["KmsKeyId"] == "alias/mine"
    assert ebs_snapshots.encryption_outcome("CreateVolume", encrypted=True)["KmsKeyId"] == "alias/aws/ebs"
    with pytest.raises(ValueError, match="kms_key_id"):
        ebs_snapshots.encryption_outcome("CreateVolume", kms_key_id="alias/mine")
    with pytest.raises(ValueError, match="operation"):
        ebs_snapshots.encryption_outcome("ModifyVolume")


@pytest.mark.parametrize(
    ("storage", "event", "flag", "root", "expected"),
    [
        ("instance-store", "reboot", None, True, "kept"),
        ("instance-store", "stop", None, True, "lost"),
        ("instance-store", "terminate", None, True, "lost"),
        ("ebs", "stop", None, True, "kept"),
        ("ebs", "terminate", None, True, "deleted"),
        ("ebs", "terminate", None, False, "kept"),
        ("ebs", "terminate", False, True, "kept"),
        ("ebs", "hibernate", None, True, "kept"),
    ],
)
def test_persistence_across_stop_and_terminate(storage, event, flag, root, expected):
    assert ebs_snapshots.data_after(storage, event, flag, root) == expected


# --- Purity of the model modules and the figures drawn from them -----------------------------------------------


def test_ebs_figures_draw_plain_lists():
    from awslab.storage import figures

    demand = ebs.burst_pattern_demand(200, 3000, peak_seconds=1800, period_seconds=7200, total_seconds=4 * 7200)
    figs = [
        figures.gp2_burst_figure(ebs.simulate_gp2_burst(100, demand)),
        figures.gp2_burst_table_figure([ebs.gp2_performance(s) for s in (1, 100, 334, 750, 1000)]),
        figures.gp3_gp2_figure(ebs_sizing.compare_gp3_gp2(100, demand)),
        figures.volume_chooser_figure(ebs_sizing.choose_volume(500, 4000, 200)),
        figures.snapshot_chain_figure(
            ebs_snapshots.take_snapshots(16, ebs_snapshots.random_snapshot_writes(16, 4, seed=1))
        ),
        figures.lazy_loading_figure(ebs_snapshots.simulate_lazy_loading(1, 5000)),
    ]
    for fig in figs:
        assert fig.layout.title.text and "bdata" not in fig.to_json()
        assert all(len(trace.x) <= figures.MAX_POINTS for trace in fig.data if trace.x is not None)


@pytest.mark.parametrize("encrypted", [True, False])
def test_encryption_inheritance_agrees_with_moto(monkeypatch, encrypted):
    """Cross-check against the emulator for the calls it models (it ignores Encrypted on CopySnapshot)."""
    import boto3
    from moto import mock_aws

    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        ec2 = boto3.client("ec2", region_name="us-east-1")
        volume = ec2.create_volume(AvailabilityZone="us-east-1a", Size=10, VolumeType="gp3", Encrypted=encrypted)
        snapshot = ec2.create_snapshot(VolumeId=volume["VolumeId"])
        restored = ec2.create_volume(AvailabilityZone="us-east-1a", SnapshotId=snapshot["SnapshotId"])
    assert snapshot["Encrypted"] is ebs_snapshots.encryption_outcome("CreateSnapshot", encrypted)["Encrypted"]
    assert restored["Encrypted"] is ebs_snapshots.encryption_outcome("CreateVolume", snapshot["Encrypted"])["Encrypted"]
