"""The lifecycle cost simulator: S3's rules, hand-computed bills and invariants."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.storage import s3
from awslab.storage import s3_lifecycle as lc

MIB = s3.MIB


def policy(*transitions, expire=None, prefix=""):
    rule = {
        "ID": "r",
        "Status": "Enabled",
        "Filter": {"Prefix": prefix},
        "Transitions": [{"Days": d, "StorageClass": c} for d, c in transitions],
    }
    if expire:
        rule["Expiration"] = {"Days": expire}
    return {"Rules": [rule]}


def test_standard_only_bill_by_hand():
    result = lc.simulate_lifecycle(
        policy(), object_count=1000, object_size_bytes=MIB, horizon_days=60, access=lc.AccessPattern(0, 0)
    )
    storage = 1000 * MIB / s3.GIB * 0.023 * 2  # two 30-day months
    puts = 1000 / 1000 * 0.005
    assert result.totals()["storage"] == pytest.approx(storage)
    assert result.totals()["requests"] == pytest.approx(puts)
    assert result.total_usd == pytest.approx(storage + puts)


def test_glacier_early_expiration_charges_the_rest_of_90_days():
    # Objects archived on day 1 and expired on day 61 pay 90 days of GLACIER anyway (AWS's minimum duration rule).
    result = lc.simulate_lifecycle(
        policy((1, "GLACIER"), expire=61),
        object_count=1000,
        object_size_bytes=MIB,
        horizon_days=120,
        access=lc.AccessPattern(0, 0),
    )
    per_object_day = ((MIB + 32 * 1024) / s3.GIB * 0.0036 + 8 * 1024 / s3.GIB * 0.023) / 30
    assert result.totals()["early_deletion"] == pytest.approx(1000 * per_object_day * 30)
    assert result.totals()["transitions"] == pytest.approx(1000 / 1000 * 0.03)


def test_intelligent_tiering_transition_price_and_monitoring():
    result = lc.simulate_lifecycle(
        policy((0, "INTELLIGENT_TIERING")),
        object_count=10_000,
        object_size_bytes=MIB,
        horizon_days=30,
        access=lc.AccessPattern(0, 0),
    )
    assert result.totals()["transitions"] == pytest.approx(10 * 0.01)
    assert result.totals()["monitoring"] == pytest.approx(10 * 0.0025)


def test_intelligent_tiering_tiers_down_cold_data():
    cold = lc.simulate_lifecycle(
        policy((0, "INTELLIGENT_TIERING")),
        object_count=1000,
        object_size_bytes=MIB,
        horizon_days=200,
        access=lc.AccessPattern(0, 0),
    )
    daily = cold.daily["storage"]
    gb = 1000 * MIB / s3.GIB
    assert daily.iloc[10] == pytest.approx(gb * 0.023 / 30)
    assert daily.iloc[50] == pytest.approx(gb * 0.0125 / 30)
    assert daily.iloc[150] == pytest.approx(gb * 0.004 / 30)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (policy((7, "STANDARD_IA")), "at least 30 days"),
        (policy((90, "GLACIER"), (120, "STANDARD_IA")), "waterfall"),
        (policy((30, "STANDARD_IA"), (30, "GLACIER")), "waterfall"),
        (policy((30, "REDUCED_REDUNDANCY")), "StorageClass"),
        (policy((100, "GLACIER"), expire=50), "must come after"),
        ({"Rules": [{"Status": "On"}]}, "Status"),
        ({"rules": []}, "Rules"),
        ("{not json", "lifecycle policy is not valid JSON"),
        ("[]", "lifecycle policy must be a JSON object, got an array"),
        ('{"Rules": ' * 40 + "[]" + "}" * 40, "nested too deeply"),
        (
            {
                "Rules": [
                    {"ID": "x", "Status": "Enabled", "Transitions": [{"Date": "2026-01-01", "StorageClass": "GLACIER"}]}
                ]
            },
            "Days-based",
        ),
    ],
)
def test_invalid_policies_say_which_rule(bad, message):
    with pytest.raises(ValueError, match=message):
        lc.parse_lifecycle(bad)


def test_small_objects_are_not_transitioned_by_default():
    timeline = lc.object_timeline(policy((30, "STANDARD_IA")), 100 * 1024)
    phases, notes = timeline.phases, timeline.notes
    assert [p.storage_class for p in phases] == ["STANDARD"]
    assert notes
    explicit = {
        "Rules": [
            {
                "ID": "r",
                "Status": "Enabled",
                "Filter": {"And": {"Prefix": "", "ObjectSizeGreaterThan": 0}},
                "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}],
            }
        ]
    }
    phases = lc.object_timeline(explicit, 100 * 1024).phases
    assert [p.storage_class for p in phases] == ["STANDARD", "STANDARD_IA"]


def test_prefix_filter_and_disabled_rules():
    assert [
        p.storage_class for p in lc.object_timeline(policy((30, "GLACIER"), prefix="logs/"), MIB, "data/x").phases
    ] == ["STANDARD"]
    disabled = policy((30, "GLACIER"))
    disabled["Rules"][0]["Status"] = "Disabled"
    assert len(lc.object_timeline(disabled, MIB).phases) == 1


def test_compare_policies_sorted_cheapest_first_and_prices_overridable():
    policies = {"std": policy(), "deep": policy((1, "DEEP_ARCHIVE"))}
    table = lc.compare_policies(
        policies, object_count=10_000, object_size_bytes=10 * MIB, horizon_days=365, access=lc.AccessPattern(0, 0)
    )
    assert list(table["policy"]) == ["deep", "std"]
    assert table["total"].is_monotonic_increasing
    pricey = lc.compare_policies(
        policies,
        object_count=10_000,
        object_size_bytes=10 * MIB,
        horizon_days=365,
        access=lc.AccessPattern(0, 0),
        prices={"DEEP_ARCHIVE": {"usd_per_gb_month": 1.0}},
    )
    assert list(pricey["policy"]) == ["std", "deep"]
    with pytest.raises(ValueError, match="usd_per_gallon"):
        lc.simulate_lifecycle(policy(), object_count=1, object_size_bytes=1, prices={"STANDARD": {"usd_per_gallon": 1}})


def test_reads_make_archives_expensive():
    kwargs = dict(object_count=10_000, object_size_bytes=MIB, horizon_days=365)
    cold = lc.compare_policies(
        {"std": policy(), "deep": policy((1, "DEEP_ARCHIVE"))}, access=lc.AccessPattern(0, 0), **kwargs
    )
    hot = lc.compare_policies(
        {"std": policy(), "deep": policy((1, "DEEP_ARCHIVE"))}, access=lc.AccessPattern(30, 0), **kwargs
    )
    assert cold.iloc[0]["policy"] == "deep" and hot.iloc[0]["policy"] == "std"


transition_lists = st.lists(st.tuples(st.integers(0, 400), st.sampled_from(lc.WATERFALL[1:])), max_size=3)


@given(
    transition_lists,
    st.integers(0, 50 * MIB),
    st.integers(1, 800),
    st.floats(0, 20),
    st.one_of(st.none(), st.integers(1, 900)),
)
def test_never_bills_less_than_the_minimums(transitions, size, horizon, gets, expire):
    try:
        pol = policy(*transitions, expire=expire)
        result = lc.simulate_lifecycle(
            pol, object_count=100, object_size_bytes=size, horizon_days=horizon, access=lc.AccessPattern(gets, 30)
        )
    except ValueError:
        return  # an invalid policy is rejected, which other tests check
    totals = result.totals()
    assert all(v >= 0 for v in totals.values())
    # storage plus early-deletion charges cover at least each phase's minimum billable bytes x minimum days
    floor = 0.0
    for phase in result.phases:
        cls = s3.STORAGE_CLASSES[phase.storage_class]
        if cls.name == "INTELLIGENT_TIERING":
            continue
        kept = phase.end_day - phase.start_day
        ended = phase.end_day < horizon or result.expiration_day == phase.end_day
        days = max(kept, cls.min_days) if ended else kept
        billed = s3.billable_storage(size, 0, phase.storage_class)
        usd_per_day = (billed.bytes * cls.usd_per_gb_month + billed.standard_bytes * 0.023) / s3.GIB / 30
        floor += 100 * usd_per_day * days
    assert totals["storage"] + totals["early_deletion"] >= floor * (1 - 1e-9) - 1e-12
    # phases tile the object's life without gaps
    assert result.phases[0].start_day == 0
    for a, b in zip(result.phases, result.phases[1:], strict=False):
        assert a.end_day == b.start_day
        assert lc.WATERFALL.index(b.storage_class) > lc.WATERFALL.index(a.storage_class)
