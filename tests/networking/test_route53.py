"""Route 53 routing policies, health rules, failover timing and the TTL drain simulation."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.networking import healthcheck, route53
from awslab.networking.route53 import Client


def test_weighted_doc_example_1_and_255():
    # routing-policy-weighted.html: weights 1 and 255 give 1/256 and 255/256.
    shares = route53.weighted_shares({"canary": 1, "main": 255})
    assert shares == pytest.approx({"canary": 1 / 256, "main": 255 / 256})


# routing-policy-weighted.html, table for weights 1, 1, 0, all with health checks.
@pytest.mark.parametrize(
    ("health", "answered"),
    [
        ((False, False, True), (False, False, True)),
        ((False, False, False), (True, True, False)),
        ((False, True, False), (False, True, False)),
        ((True, True, False), (True, True, False)),
        ((True, True, True), (True, True, False)),
    ],
)
def test_zero_weight_health_table(health, answered):
    shares = route53.weighted_shares({"r1": 1, "r2": 1, "r3": 0}, dict(zip(("r1", "r2", "r3"), health, strict=True)))
    assert tuple(shares[k] > 0 for k in ("r1", "r2", "r3")) == answered


def test_all_zero_weights_share_equally_and_missing_health_means_healthy():
    assert route53.weighted_shares({"a": 0, "b": 0}) == {"a": 0.5, "b": 0.5}
    assert route53.weighted_shares({"a": 3, "b": 1}, {"a": False}) == {"a": 0.0, "b": 1.0}


@pytest.mark.parametrize(
    ("weights", "healthy", "name"),
    [
        ({"a": 256}, None, r"weights\['a'\]"),
        ({"a": -1}, None, r"weights\['a'\]"),
        ({}, None, "weights"),
        ({"a": 1.5}, None, r"weights\['a'\]"),
        ({"a": 1}, {"b": True}, "healthy"),
    ],
)
def test_weighted_bad_input(weights, healthy, name):
    with pytest.raises(ValueError, match=name):
        route53.weighted_shares(weights, healthy)


@given(
    weights=st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 255), min_size=1),
    health_bits=st.lists(st.booleans(), min_size=6, max_size=6),
)
def test_weighted_shares_are_a_distribution_over_the_right_records(weights, health_bits):
    healthy = {name: bit for name, bit in zip(sorted(weights), health_bits, strict=False)}
    shares = route53.weighted_shares(weights, healthy)
    assert sum(shares.values()) == pytest.approx(1.0)
    assert all(v >= 0 for v in shares.values())
    if any(healthy.values()):
        assert all(shares[n] == 0 for n in weights if not healthy[n])
    if any(healthy[n] and weights[n] > 0 for n in weights):
        assert all(shares[n] == 0 for n in weights if weights[n] == 0)


def test_failover_seconds_standard_and_fast():
    assert route53.failover_seconds(30, 3, 60) == 150
    assert route53.failover_seconds(10, 1, 0) == 10


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ((20, 3, 60), "request_interval"),
        ((30, 11, 60), "failure_threshold"),
        ((30, 3, -1), "ttl"),
        ((30, 0, 60), "failure_threshold"),
    ],
)
def test_failover_seconds_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        route53.failover_seconds(*args)


def _rec(set_id, **extra):
    return {
        "Name": "www.example.com.",
        "Type": "A",
        "SetIdentifier": set_id,
        "TTL": 60,
        "ResourceRecords": [{"Value": f"192.0.2.{len(set_id)}"}],
        **extra,
    }


GEO = [
    _rec("default", GeoLocation={"CountryCode": "*"}),
    _rec("europe", GeoLocation={"ContinentCode": "EU"}, HealthCheckId="hc-eu"),
    _rec("germany", GeoLocation={"CountryCode": "DE"}, HealthCheckId="hc-de"),
    _rec("washington", GeoLocation={"CountryCode": "US", "SubdivisionCode": "WA"}),
]


@pytest.mark.parametrize(
    ("client", "health", "winner"),
    [
        (Client(continent="EU", country="DE"), {}, "germany"),
        (Client(continent="EU", country="FR"), {}, "europe"),
        (Client(continent="NA", country="US", subdivision="WA"), {}, "washington"),
        (Client(continent="NA", country="US", subdivision="OR"), {}, "default"),
        (Client(), {}, "default"),  # IP not mapped to a location
        (Client(continent="EU", country="DE"), {"hc-de": False}, "europe"),
        (Client(continent="EU", country="DE"), {"hc-de": False, "hc-eu": False}, "default"),
    ],
)
def test_geolocation_most_specific_healthy_match(client, health, winner):
    result = route53.answer(GEO, "www.example.com", client=client, health=health)
    assert result.policy == "geolocation" and result.shares[winner] == 1.0


def test_geolocation_without_default_gives_no_answer():
    result = route53.answer(GEO[1:3], "www.example.com.", client=Client(continent="AS", country="JP"))
    assert not result.answered and "no answer" in result.explanation


def test_latency_and_failover_and_simple():
    records = route53.resilient_multi_region_records()
    near_us = Client(latency_ms={"us-east-1": 20, "eu-west-1": 90})
    assert route53.answer(records, "www.example.com", client=near_us).shares["us-east-1"] == 1.0
    moved = route53.answer(records, "www.example.com", client=near_us, health={"hc-us-east-1": False})
    assert moved.shares["eu-west-1"] == 1.0
    both_down = route53.answer(
        records, "www.example.com", client=near_us, health={"hc-us-east-1": False, "hc-eu-west-1": False}
    )
    assert both_down.shares["us-east-1"] == 1.0 and "treats them all as healthy" in both_down.explanation
    with pytest.raises(ValueError, match="latency_ms"):
        route53.answer(records, "www.example.com", client=Client())

    failover = [_rec("p", Failover="PRIMARY", HealthCheckId="hc-p"), _rec("s", Failover="SECONDARY")]
    assert route53.answer(failover, "www.example.com").shares["p"] == 1.0
    assert route53.answer(failover, "www.example.com", health={"hc-p": False}).shares["s"] == 1.0
    simple = [
        {
            "Name": "example.com.",
            "Type": "A",
            "TTL": 300,
            "ResourceRecords": [{"Value": "192.0.2.1"}, {"Value": "192.0.2.2"}],
        }
    ]
    assert route53.answer(simple, "example.com").values["simple"] == ["192.0.2.1", "192.0.2.2"]


def test_answer_bad_groups():
    with pytest.raises(ValueError, match="mix routing policies"):
        route53.answer([_rec("a", Weight=1), _rec("b", Region="us-east-1")], "www.example.com")
    with pytest.raises(ValueError, match="no records"):
        route53.answer(GEO, "api.example.com")
    with pytest.raises(ValueError, match="Failover"):
        route53.answer([_rec("a", Failover="PRIMARY"), _rec("b", Failover="PRIMARY")], "www.example.com")


def test_sample_answers_follow_weights():
    result = route53.answer([_rec("a", Weight=3), _rec("b", Weight=1)], "www.example.com")
    counts = route53.sample_answers(result, 100_000, seed=7)
    assert sum(counts.values()) == 100_000 and abs(counts["a"] / 100_000 - 0.75) < 0.01
    assert counts == route53.sample_answers(result, 100_000, seed=7)


def test_record_problems_cname_at_apex():
    records = [
        {"Name": "example.com.", "Type": "CNAME"},
        {"Name": "www.example.com.", "Type": "CNAME"},
        {"Name": "www.example.com.", "Type": "TXT"},
        {"Name": "example.com.", "Type": "A", "AliasTarget": {"DNSName": "d111.cloudfront.net."}},
    ]
    problems = route53.record_problems("example.com.", records)
    assert any("zone apex" in p for p in problems) and any("share its name" in p for p in problems)
    assert route53.record_problems("example.com.", records[3:]) == []


def test_endpoint_detection_uses_the_18_percent_rule():
    # 10 checkers: unhealthy once at most 1 (18% of 10, floored) still says healthy, i.e. at the 9th flip.
    times = [float(t) for t in range(1, 11)]
    assert healthcheck.endpoint_detection_seconds(times) == 9.0
    assert healthcheck.endpoint_detection_seconds([5.0]) == 5.0


def test_failover_timeline_with_zero_ttl_and_defaults():
    quick = healthcheck.failover_timeline(10, 1, 0, seed=3)
    assert quick.all_moved_seconds == quick.detection_seconds <= 10
    standard = healthcheck.failover_timeline(seed=1)
    assert standard.share_on_failed[0] == 1.0 and standard.share_on_failed[-1] == 0.0
    assert standard == healthcheck.failover_timeline(seed=1)
    with pytest.raises(ValueError, match="resolvers"):
        healthcheck.failover_timeline(resolvers=0)


@given(
    interval=st.sampled_from([10, 30]),
    threshold=st.integers(1, 10),
    ttl=st.integers(0, 600),
    checkers=st.integers(1, 40),
    share=st.floats(0, 1),
    seed=st.integers(0, 2**16),
)
def test_failover_never_exceeds_detection_plus_ttl(interval, threshold, ttl, checkers, share, seed):
    t = healthcheck.failover_timeline(
        interval, threshold, ttl, checkers=checkers, resolvers=200, initial_share=share, step_seconds=5, seed=seed
    )
    assert (threshold - 1) * interval <= t.detection_seconds <= interval * threshold
    assert (
        t.detection_seconds
        <= t.all_moved_seconds
        <= t.worst_case_seconds
        == route53.failover_seconds(interval, threshold, ttl)
    )
    assert all(a >= b for a, b in zip(t.share_on_failed, t.share_on_failed[1:], strict=False))
    assert t.share_on_failed[-1] == 0.0
