"""Tests of the CloudFront model: path-pattern matching, TTL caches, edge simulator, stale windows, signed URLs."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.storage import cloudfront as cf

FAST = settings(max_examples=120, deadline=None)
SLOW = settings(max_examples=25, deadline=None)


# --- match_cache_behavior ------------------------------------------------------------------------------------
# CloudFront Developer Guide, "Cache behavior settings > Path pattern": examples of * and ?, case sensitivity,
# and "/images/*.jpg and images/*.jpg are equivalent".
@pytest.mark.parametrize(
    ("path", "pattern"),
    [
        ("/images/photo.jpg", "/images/*.jpg"),
        ("/images/2024/05/photo.jpg", "/images/*.jpg"),  # * also spans subdirectories
        ("/images/sample1.jpg", "/images/sample?.jpg"),
        ("/apple.jpg", "a*.jpg"),
        ("/appalachian_trail_2012_05_21.jpg", "a*.jpg"),
        ("/report.docx", "*.doc*"),
        ("/report.doc", "*.doc*"),
    ],
)
def test_documented_pattern_examples_match(path, pattern):
    assert cf.match_cache_behavior(path, [pattern]) == pattern


@pytest.mark.parametrize(
    ("path", "pattern"),
    [
        ("/LOGO.JPG", "*.jpg"),  # case-sensitive
        ("/images/sample10.jpg", "/images/sample?.jpg"),  # ? is exactly one character
        ("/banana.jpg", "a*.jpg"),
        ("/img/photo.jpg", "/images/*.jpg"),
    ],
)
def test_non_matching_paths_fall_to_default(path, pattern):
    assert cf.match_cache_behavior(path, [pattern]) == "*"


def test_first_match_wins_in_order_and_default_last():
    patterns = ["/api/*", "*.php", "/images/*", "*.jpg"]
    assert cf.match_cache_behavior("/images/a.jpg", patterns) == "/images/*"
    assert cf.match_cache_behavior("/api/login.php", patterns) == "/api/*"
    assert cf.match_cache_behavior("/index.php", patterns) == "*.php"
    assert cf.match_cache_behavior("/logo.jpg", patterns) == "*.jpg"
    assert cf.match_cache_behavior("/index.html", patterns) == "*"
    assert cf.match_cache_behavior("/index.html", []) == "*"
    assert cf.match_cache_behavior("/a.jpg?size=large", ["*.jpg"]) == "*.jpg"  # query string is not the path


def test_pattern_characters_are_literal_except_wildcards():
    assert cf.match_cache_behavior("/a+b.css", ["/a+b.css"]) == "/a+b.css"
    assert cf.match_cache_behavior("/aab.css", ["/a+b.css"]) == "*"
    assert cf.match_cache_behavior("/x.min.js", ["*.min.js"]) == "*.min.js"
    assert cf.match_cache_behavior("/xminjs", ["*.min.js"]) == "*"


@pytest.mark.parametrize(
    ("path", "patterns", "name"),
    [
        ("", ["*"], "path"),
        (None, ["*"], "path"),
        ("/a", "*.jpg", "path_patterns"),
        ("/a", [""], r"path_patterns\[0\]"),
        ("/a", ["*", 3], r"path_patterns\[1\]"),
        ("/a", ["x" * 256], r"path_patterns\[0\]"),
    ],
)
def test_match_rejects_bad_input(path, patterns, name):
    with pytest.raises(ValueError, match=name):
        cf.match_cache_behavior(path, patterns)


segment = st.text(alphabet="abcXYZ019._-*?", min_size=1, max_size=8)


@FAST
@given(
    parts=st.lists(segment, min_size=1, max_size=4),
    path_parts=st.lists(st.text("abcXYZ019._-", min_size=1, max_size=8), max_size=4),
)
def test_leading_slash_is_optional(parts, path_parts):
    pattern = "/".join(parts)
    path = "/" + "/".join(path_parts)
    with_slash = cf.match_cache_behavior(path, ["/" + pattern]) == "/" + pattern
    without = cf.match_cache_behavior(path, [pattern]) == pattern
    assert with_slash == without


@FAST
@given(path=st.text("abc/.", min_size=1, max_size=12).map(lambda p: "/" + p))
def test_star_pattern_matches_everything_and_exact_path_matches_itself(path):
    assert cf.match_cache_behavior(path, ["/*"]) == "/*"
    assert cf.match_cache_behavior(path, [path]) == path


# --- TTL cache core ------------------------------------------------------------------------------------------
def test_ttl_misses_hand_example():
    times = np.array([0.0, 5.0, 9.99, 10.0, 12.0, 30.0])
    keys = np.zeros(6, dtype=int)
    assert cf.ttl_misses(keys, times, 10).tolist() == [True, False, False, True, False, True]
    assert cf.ttl_misses(keys, times, 0).all()
    two = cf.ttl_misses(np.array([1, 0, 1, 0]), np.array([0.0, 1.0, 2.0, 3.0]), 10)
    assert two.tolist() == [True, True, False, False]


def reference_misses(keys, times, ttl):
    """One expiry time per key, requests in time order: written independently of the vectorised model."""
    expiry = {}
    order = sorted(range(len(keys)), key=lambda i: (times[i], i))
    out = [False] * len(keys)
    for i in order:
        k = int(keys[i])
        if ttl <= 0 or k not in expiry or times[i] >= expiry[k]:
            out[i] = True
            expiry[k] = times[i] + ttl
    return out


quarters = st.integers(0, 400).map(lambda q: q / 4)  # exact in binary, so expiry ties are tested exactly


@FAST
@given(
    data=st.lists(st.tuples(st.integers(0, 4), quarters), min_size=1, max_size=120),
    ttl=st.integers(0, 240).map(lambda q: q / 4),
)
def test_ttl_misses_match_a_loop(data, ttl):
    keys = np.array([k for k, _ in data])
    times = np.array([t for _, t in data])
    assert cf.ttl_misses(keys, times, ttl).tolist() == reference_misses(keys, times, ttl)


# --- Edge-cache simulator ------------------------------------------------------------------------------------
SMALL = {"n_objects": 500, "requests_per_second": 20.0, "duration_seconds": 600.0, "n_edges": 4}


def test_simulator_accounts_for_every_request():
    r = cf.simulate_edge_cache(ttl_seconds=60, **SMALL)
    assert r.requests == 12_000 and r.hits + r.origin_requests == r.requests
    assert r.per_edge_requests.sum() == r.requests
    assert r.origin_requests_per_second == pytest.approx(r.origin_requests / 600)
    assert 15 <= r.mean_latency_ms <= 15 + 120 + 20
    again = cf.simulate_edge_cache(ttl_seconds=60, **SMALL)
    assert again.hits == r.hits  # seeded


def test_zero_ttl_never_hits_and_more_edges_fragment_the_cache():
    assert cf.simulate_edge_cache(ttl_seconds=0, **SMALL).hits == 0
    one = cf.simulate_edge_cache(ttl_seconds=3600, **{**SMALL, "n_edges": 1})
    many = cf.simulate_edge_cache(ttl_seconds=3600, **{**SMALL, "n_edges": 50})
    assert one.hit_ratio > many.hit_ratio + 0.1
    skewed = cf.simulate_edge_cache(ttl_seconds=3600, edge_weights=[1, 0, 0, 0], **{**SMALL})
    assert skewed.edges_used == 1


@SLOW
@given(
    ttl_a=st.floats(0, 2_000),
    ttl_b=st.floats(0, 2_000),
    seed=st.integers(0, 1_000),
    s=st.floats(0, 1.5),
    edges=st.integers(1, 8),
)
def test_hit_ratio_is_a_fraction_and_rises_with_ttl(ttl_a, ttl_b, seed, s, edges):
    low, high = sorted((ttl_a, ttl_b))
    kwargs = {**SMALL, "n_edges": edges, "zipf_exponent": s, "seed": seed}
    r_low = cf.simulate_edge_cache(ttl_seconds=low, **kwargs)
    r_high = cf.simulate_edge_cache(ttl_seconds=high, **kwargs)
    for r in (r_low, r_high):
        assert 0.0 <= r.hit_ratio <= 1.0
        assert np.nanmin(r.hit_ratio_over_time) >= 0 and np.nanmax(r.hit_ratio_over_time) <= 1
    assert r_high.hits >= r_low.hits


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"ttl_seconds": -1}, "ttl_seconds"),
        ({"n_edges": 0}, "n_edges"),
        ({"edge_weights": [1, 2]}, "edge_weights"),
        ({"requests_per_second": 1e6}, "requests"),
        ({"edge_to_origin_ms": [1, 2, 3]}, "edge_to_origin_ms"),
    ],
)
def test_simulator_rejects_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        cf.simulate_edge_cache(**{**SMALL, **kwargs})


def test_single_location_and_vpn_audiences_gain_little():
    results = {a: cf.audience_comparison(a, duration_seconds=600) for a in cf.AUDIENCES}
    assert results["global"].saved_fraction > 0.5 and results["global"].edges_used == 6
    assert results["single_location"].edges_used == 1
    assert results["single_location"].saved_ms < 0.2 * results["global"].saved_ms
    assert abs(results["vpn"].saved_fraction) < 0.1 and results["vpn"].edges_used == 1
    with pytest.raises(ValueError, match="audience"):
        cf.audience_comparison("mars")


# --- Invalidation against versioned paths --------------------------------------------------------------------
def test_stale_windows_by_strategy():
    wait = cf.simulate_stale_window("wait_for_ttl", ttl_seconds=3600)
    inval = cf.simulate_stale_window("invalidate", ttl_seconds=3600, invalidation_seconds=60)
    versioned = cf.simulate_stale_window("versioned_path", ttl_seconds=3600, html_ttl_seconds=300)
    assert wait.worst_stale_seconds <= 3600 and 0.25 * 3600 < wait.mean_stale_seconds < 0.75 * 3600
    assert inval.worst_stale_seconds <= 60
    assert versioned.worst_stale_seconds <= 300
    assert wait.stale_requests > versioned.stale_requests > 0
    with pytest.raises(ValueError, match="strategy"):
        cf.simulate_stale_window("purge")


@pytest.mark.parametrize(("paths", "usd"), [(0, 0.0), (1000, 0.0), (1001, 0.005), (3000, 10.0)])
def test_invalidation_cost(paths, usd):
    assert cf.invalidation_cost_usd(paths) == pytest.approx(usd)


# --- Signed URLs -----------------------------------------------------------------------------------------------
def test_canned_policy_has_aws_shape():
    # CloudFront Developer Guide, "Create a signed URL using a canned policy": the policy statement example.
    url = "https://d111111abcdef8.cloudfront.net/horizon.jpg?size=large&license=yes"
    assert cf.canned_policy(url, 1357034400) == {
        "Statement": [{"Resource": url, "Condition": {"DateLessThan": {"AWS:EpochTime": 1357034400}}}]
    }


@pytest.mark.parametrize(
    ("url", "now", "ip", "allowed", "why"),
    [
        ("https://d111111abcdef8.cloudfront.net/training/a.mp4", 1500, "192.0.2.10", True, "allowed"),
        ("https://d111111abcdef8.cloudfront.net/other/a.mp4", 1500, "192.0.2.10", False, "resource"),
        ("https://d111111abcdef8.cloudfront.net/training/a.mp4", 2000, "192.0.2.10", False, "expired"),
        ("https://d111111abcdef8.cloudfront.net/training/a.mp4", 999, "192.0.2.10", False, "not valid yet"),
        ("https://d111111abcdef8.cloudfront.net/training/a.mp4", 1500, "198.51.100.1", False, "outside"),
    ],
)
def test_custom_policy_evaluation(url, now, ip, allowed, why):
    policy = cf.custom_policy("https://d111111abcdef8.cloudfront.net/training/*", 2000, 1000, "192.0.2.0/24")
    decision = cf.evaluate_signed_request(policy, url, now, ip)
    assert decision.allowed is allowed and why in decision.reason


def test_policy_errors():
    with pytest.raises(ValueError, match="source_ip"):
        cf.custom_policy("https://x/*", 10, source_ip="not-an-ip")
    with pytest.raises(ValueError, match="policy"):
        cf.evaluate_signed_request({"Statement": []}, "https://x/a", 0, "192.0.2.1")


def test_cloudfront_figures_draw_plain_lists():
    from awslab.storage import figures

    ttls = [0, 60, 3600]
    runs = [cf.simulate_edge_cache(ttl_seconds=t, **SMALL) for t in ttls]
    figs = [
        figures.edge_cache_figure(runs[-1]),
        figures.ttl_sweep_figure(ttls, runs),
        figures.audience_figure([cf.audience_comparison(a, duration_seconds=300) for a in cf.AUDIENCES]),
        figures.stale_window_figure([cf.simulate_stale_window(s, ttl_seconds=600) for s in cf.UPDATE_STRATEGIES]),
    ]
    for fig in figs:
        assert fig.layout.title.text and fig.layout.yaxis.title.text and "bdata" not in fig.to_json()
