"""Tests of the Storage Gateway model: quotas, capacity, local disks, cached-volume simulation."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.storage import storage_gateway as sg

FAST = settings(max_examples=150, deadline=None)


def test_quotas_match_the_user_guides():
    # Storage Gateway User Guide, "Quotas for volumes"; Tape Gateway User Guide, "Quotas for tapes".
    assert sg.VOLUME_LIMITS["volume_cached"] == (32, 32, 1024)
    assert sg.VOLUME_LIMITS["volume_stored"] == (16, 32, 512)
    assert (sg.TAPE_MIN_GIB, sg.TAPE_MAX_GIB, sg.TAPES_PER_LIBRARY) == (100, 15 * 1024, 1500)
    assert sg.LIBRARY_MAX_GIB == 1024**2  # 1 PiB
    assert sg.max_gateway_capacity_tib("volume_cached") == 1024  # the syllabus' 32 TB x 32 = 1 PB
    assert sg.max_gateway_capacity_tib("volume_stored") == 512
    assert sg.max_gateway_capacity_tib("tape") == 1024


def test_volume_capacity_reports_every_problem():
    ok = sg.volume_capacity("volume_stored", [16] * 32)
    assert ok.fits and ok.total_tib == 512 and ok.remaining_tib == 0
    bad = sg.volume_capacity("volume_stored", [17] + [16] * 32)
    assert not bad.fits and len(bad.problems) == 3
    assert "16 TiB" in bad.problems[0] and "33 volumes" in bad.problems[1]
    assert sg.volume_capacity("volume_cached", [17]).fits


@pytest.mark.parametrize(
    ("kind", "sizes", "name"),
    [
        ("tape", [1], "gateway_type"),
        ("volume_cached", [0], r"volume_sizes_tib\[0\]"),
        ("volume_cached", "12", "volume_sizes_tib"),
        ("volume_cached", [1, -2], r"volume_sizes_tib\[1\]"),
    ],
)
def test_volume_capacity_rejects_bad_input(kind, sizes, name):
    with pytest.raises(ValueError, match=name):
        sg.volume_capacity(kind, sizes)


def test_tape_library_capacity():
    report = sg.tape_library_capacity([100, 15 * 1024])
    assert report.fits and report.count == 2
    too_small = sg.tape_library_capacity([99])
    assert not too_small.fits and "100 GiB" in too_small.problems[0]
    full = sg.tape_library_capacity([1000] * 1501)
    assert not full.fits and any("1500" in p for p in full.problems)
    assert not sg.tape_library_capacity([15 * 1024] * 70).fits  # 1,050 TiB > 1 PiB


@FAST
@given(sizes=st.lists(st.floats(0.01, 40), max_size=40), kind=st.sampled_from(list(sg.VOLUME_LIMITS)))
def test_capacity_fits_exactly_when_every_quota_holds(sizes, kind):
    max_vol, max_n, max_total = sg.VOLUME_LIMITS[kind]
    report = sg.volume_capacity(kind, sizes)
    expected = all(s <= max_vol for s in sizes) and len(sizes) <= max_n and sum(sizes) <= max_total
    assert report.fits is expected
    assert report.remaining_tib >= 0


def test_upload_buffer_sizing_rule():
    # (40 MB/s written - 12 MB/s uplink x 2:1 compression) x 8 hours = 460,800 MB
    assert sg.upload_buffer_gb(40, 12, 2, 8) == pytest.approx(460.8)
    assert sg.upload_buffer_gb(10, 12, 1, 8) == 0
    with pytest.raises(ValueError, match="compression_factor"):
        sg.upload_buffer_gb(40, 12, 0.5, 8)


def test_local_disk_checks():
    assert sg.check_local_disks("volume_cached", 500, 500) == ()
    problems = sg.check_local_disks("volume_cached", 100, 3000)
    assert len(problems) == 2
    assert sg.check_local_disks("s3_file", 150) == ()
    assert sg.check_local_disks("volume_stored", 0, 150) == ()  # stored volumes keep all data, no cache disk
    with pytest.raises(ValueError, match="gateway_type"):
        sg.check_local_disks("nas", 150)


# --- Cached volume simulation ----------------------------------------------------------------------------------
def test_cached_volume_extremes():
    cold = sg.simulate_cached_volume(1024, 100, 0, n_reads=5_000)
    assert cold.hits == 0 and cold.bytes_from_s3 == 5_000 * 64 * 2**20
    everything = sg.simulate_cached_volume(64, 64, 64, n_reads=20_000)
    assert everything.hits == 20_000 - 1024  # only the first read of each 64 MiB block misses
    assert everything.predicted_hit_ratio == 1.0


@pytest.mark.parametrize("cache", [20, 60, 100, 150])
def test_simulation_agrees_with_the_analytic_estimate(cache):
    result = sg.simulate_cached_volume(1024, 100, cache, n_reads=60_000, seed=4)
    assert result.warm_hit_ratio == pytest.approx(result.predicted_hit_ratio, abs=0.03)
    assert result.bytes_from_s3 == (result.reads - result.hits) * 64 * 2**20


@FAST
@given(
    volume=st.floats(10, 4096),
    ws_share=st.floats(0.01, 1),
    share=st.floats(0, 1),
    c1=st.floats(0, 5000),
    c2=st.floats(0, 5000),
)
def test_hit_ratio_is_a_fraction_and_grows_with_cache(volume, ws_share, share, c1, c2):
    small, large = sorted((c1, c2))
    working = volume * ws_share
    r_small = sg.cached_volume_hit_ratio(volume, working, small, share)
    r_large = sg.cached_volume_hit_ratio(volume, working, large, share)
    assert 0.0 <= r_small <= r_large + 1e-9 <= 1.0 + 1e-9


@given(cache=st.floats(0, 300), seed=st.integers(0, 1000))
def test_simulated_hit_ratio_is_a_fraction(cache, seed):
    result = sg.simulate_cached_volume(512, 50, cache, n_reads=3_000, seed=seed)
    assert 0 <= result.hit_ratio <= 1 and np.all((result.hit_ratio_over_time >= 0) & (result.hit_ratio_over_time <= 1))


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"working_set_gib": 2000}, "working_set_gib"),
        ({"cache_gib": -1}, "cache_gib"),
        ({"n_reads": 0}, "n_reads"),
        ({"working_set_share": 1.5}, "working_set_share"),
        ({"volume_gib": 40 * 1024}, "volume_gib"),
    ],
)
def test_cached_volume_rejects_bad_input(kwargs, name):
    args = {"volume_gib": 1024, "working_set_gib": 100, "cache_gib": 50, **kwargs}
    with pytest.raises(ValueError, match=name):
        sg.simulate_cached_volume(**args)


def test_gateway_figures():
    from awslab.storage import figures

    caches = [20, 100]
    fig = figures.cached_volume_figure(caches, [sg.simulate_cached_volume(1024, 100, c, n_reads=2000) for c in caches])
    assert fig.layout.xaxis.title.text == "local cache (GiB)" and "bdata" not in fig.to_json()
    bad = figures.gateway_capacity_figure(sg.volume_capacity("volume_stored", [16] * 40))
    assert "at most 32" in bad.layout.title.text


def test_estimate_when_every_read_block_fits_in_cache():
    # all reads on a 10-block working set, 16 blocks of cache: everything read stays cached
    assert sg.cached_volume_hit_ratio(10, 0.625, 1, working_set_share=1.0, block_mib=64) == 1.0
    assert sg.cached_volume_hit_ratio(10, 0.625, 0.5, working_set_share=1.0, block_mib=64) < 1.0
