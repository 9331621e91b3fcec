"""Global tables (last-writer-wins, MRSC layout), TTL, PITR, DAX facts and the purpose-built database chooser
(06_global_tables_and_chooser).

Worked examples follow the pages global_tables.py and chooser.py cite: MREC resolves concurrent writes per item by
last writer wins and converges; MRSC needs three Regions (or two and a witness) in one Region set; UpdateTimeToLive
(typically within two days); PointInTimeRecoverySpecification (1-35 days, default 35; latest about 5 minutes ago).
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.databases import chooser
from awslab.databases import global_tables as gt

REGIONS = ("us-east-1", "eu-west-1", "ap-southeast-2")


def test_two_concurrent_increments_lose_one_and_the_later_write_wins():
    run = gt.simulate_counter({"us-east-1": [0.0], "eu-west-1": [300.0]}, lag_ms=800)
    assert run.final == {"eu-west-1": 1, "us-east-1": 1} and run.lost_updates == 1
    assert run.winner.region == "eu-west-1"  # the later timestamp
    apart = gt.simulate_counter({"us-east-1": [0.0], "eu-west-1": [900.0]}, lag_ms=800)
    assert apart.lost_updates == 0 and apart.final["us-east-1"] == 2  # outside the lag window: no conflict


def test_mrsc_loses_nothing_and_more_lag_loses_more_under_mrec():
    sweep = gt.lost_update_sweep([0, 250, 1000], writes_per_second=3, seed=4)
    assert sweep["mrsc_lost"].tolist() == [0, 0, 0]
    assert sweep["mrec_lost"].iloc[0] == 0 < sweep["mrec_lost"].iloc[1] < sweep["mrec_lost"].iloc[2]


@given(
    times=st.dictionaries(
        st.sampled_from(REGIONS),
        st.lists(st.floats(min_value=0, max_value=10_000, allow_nan=False), min_size=1, max_size=30),
        min_size=2,
    ),
    lag=st.floats(min_value=0, max_value=5_000),
    mode=st.sampled_from(gt.MODES),
)
def test_last_writer_wins_converges_to_the_newest_write(times, lag, mode):
    run = gt.simulate_counter(times, lag_ms=lag, mode=mode)
    assert run.converged
    newest = max(run.writes, key=lambda w: (w.time_ms, w.region, w.value))
    assert set(run.final.values()) == {newest.value} and run.winner == newest
    assert 0 <= run.lost_updates < run.increments
    if mode == "MRSC":
        assert run.lost_updates == 0


def test_mrsc_layout_rules():
    assert gt.mrsc_layout(["eu-west-1", "eu-west-3"], witness="eu-central-1")["region_set"] == "EU"
    with pytest.raises(ValueError, match="MRSC needs three Regions"):
        gt.mrsc_layout(["us-east-1", "us-east-2"])
    with pytest.raises(ValueError, match="are in no MRSC Region set"):
        gt.mrsc_layout(["us-east-1", "us-east-2", "sa-east-1"])


def test_ttl_pitr_and_dax_facts():
    assert gt.TTL_TYPICAL_DELETION_DAYS == 2 and gt.ttl_deleted_share(48) == 1.0
    assert (gt.PITR_RECOVERY_DAYS_RANGE, gt.PITR_RECOVERY_DAYS_DEFAULT) == ((1, 35), 35)
    assert gt.pitr_window()["earliest_days_ago"] == 35 and gt.pitr_window()["latest_minutes_ago"] == 5
    with pytest.raises(ValueError, match="recovery_period_in_days=36 is outside the allowed range"):
        gt.pitr_window(36)
    assert gt.dax_read_path(True, True).startswith("passes through")


@pytest.mark.parametrize("pattern", sorted(chooser.PRESETS))
def test_each_access_pattern_gets_its_purpose_built_database(pattern):
    ranked = chooser.rank(chooser.PRESETS[pattern])
    assert ranked[0].service == chooser.EXPECTED[pattern]
    assert ranked[0].score > ranked[1].score  # a clear winner, not a tie broken by the alphabet
    assert ranked[0].reasons


def test_chooser_reasons_and_bad_input():
    ranked = {c.service: c for c in chooser.rank({"data_model": "in-memory", "durable": True})}
    assert any("a cache" in r for r in ranked["ElastiCache"].reasons)
    oracle_everywhere = chooser.rank(
        {"data_model": "relational", "compatibility": "Oracle", "multi_region_writes": True}
    )
    assert any("one writer" in r for r in oracle_everywhere[0].reasons)
    with pytest.raises(ValueError, match="data_model"):
        chooser.rank({"data_model": "ledger"})
    assert sorted(chooser.EXPECTED.values()) == sorted(chooser.SERVICES)  # every service is somebody's answer
