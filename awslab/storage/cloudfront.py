"""Amazon CloudFront model: cache behaviours by path pattern, an edge-cache simulator, stale windows, signed URLs.

Times are in seconds, latencies in milliseconds. Simulations are seeded and vectorised with numpy.

References:
    - Amazon CloudFront API Reference, "CacheBehavior" (path patterns),
      https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html (read 2026-12-03)
    - Amazon CloudFront Developer Guide, "Manage how long content stays in the cache (expiration)",
      https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html (read 2026-12-03)
    - Amazon CloudFront pricing, invalidation requests,
      https://aws.amazon.com/cloudfront/pricing/ (read 2026-11-27)
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from awslab import validate
from awslab.security.arn import wildcard_body
from awslab.validate import checked

# CloudFront Developer Guide, "Cache behavior settings > Path pattern" and the CacheBehavior API reference,
# read 2026-11-27: case-sensitive, * any run, ? one character, leading slash optional, 255 characters at most.
PATH_PATTERN_MAX_CHARS = 255
DEFAULT_BEHAVIOR_PATTERN = "*"
# CloudFront Developer Guide, "Managing how long content stays in the cache (expiration)", read 2026-11-27.
DEFAULT_TTL_SECONDS = 86_400
MAX_TTL_SECONDS = 31_536_000
# CloudFront pricing (aws.amazon.com/cloudfront/pricing/), invalidation requests, as recorded 2026-11-27:
# the first 1,000 paths a month are free, then USD 0.005 per path; a wildcard path counts as one path.
FREE_INVALIDATION_PATHS_PER_MONTH = 1_000
USD_PER_INVALIDATION_PATH = 0.005
MAX_REQUESTS_SIMULATED = 5_000_000


# --- Cache behaviours ----------------------------------------------------------------------------------------
@lru_cache(maxsize=1024)
def _pattern_regex(pattern: str) -> re.Pattern[str]:
    normalised = pattern if pattern.startswith("/") else "/" + pattern
    return re.compile(wildcard_body([(normalised, True)]), re.DOTALL)  # linear time, even for "a*a*a*...b"


def _check_pattern(pattern: object, index: int) -> str:
    if not isinstance(pattern, str) or not pattern:
        raise ValueError(f"path_patterns[{index}]={pattern!r} must be a non-empty string")
    if len(pattern) > PATH_PATTERN_MAX_CHARS:
        raise ValueError(f"path_patterns[{index}] has {len(pattern)} characters; at most {PATH_PATTERN_MAX_CHARS}")
    return pattern


@checked
def match_cache_behavior(path: str, path_patterns: list[str]) -> str:
    """The first pattern in ``path_patterns`` that matches the request ``path``, else ``"*"`` (the default).

    CloudFront semantics: patterns are tried in order; matching is case-sensitive; ``*`` matches any run of
    characters (including ``/``), ``?`` exactly one; a pattern without a leading slash behaves as if it had one.
    The query string (after ``?`` in the request) is not part of the path and is ignored.

    >>> match_cache_behavior("/images/cat.jpg", ["/api/*", "images/*.jpg"])
    'images/*.jpg'
    """
    if not isinstance(path, str) or not path:
        raise ValueError(f"path={path!r} must be a non-empty request path such as '/images/a.jpg'")
    if isinstance(path_patterns, str) or not isinstance(path_patterns, Sequence):
        raise ValueError(f"path_patterns={path_patterns!r} must be a list of path patterns")
    request = path.split("?", 1)[0]
    request = request if request.startswith("/") else "/" + request
    patterns = [_check_pattern(pattern, i) for i, pattern in enumerate(path_patterns)]
    for pattern in patterns:
        if _pattern_regex(pattern).fullmatch(request):
            return pattern
    return DEFAULT_BEHAVIOR_PATTERN


# --- Popularity ----------------------------------------------------------------------------------------------
@checked
def zipf_indices(n_items: int, n_draws: int, exponent: float, rng: np.random.Generator) -> np.ndarray:
    """Draw item indices with probability proportional to rank**-exponent; ranks are shuffled over the items.

    >>> zipf_indices(100, 5, 1.0, np.random.default_rng(0)).tolist()
    [23, 88, 55, 55, 71]
    """
    validate.integer("n_items", n_items, minimum=1, maximum=10**7)
    validate.integer("n_draws", n_draws, minimum=0, maximum=10**7)
    validate.number("exponent", exponent, minimum=0, maximum=10)
    weights = np.arange(1, n_items + 1, dtype=float) ** -exponent
    cdf = np.cumsum(weights)
    ranks = np.minimum(np.searchsorted(cdf, rng.random(n_draws) * cdf[-1], side="right"), n_items - 1)
    return rng.permutation(n_items)[ranks]


@checked
def ttl_misses(keys: np.ndarray, times: np.ndarray, ttl_seconds: float) -> np.ndarray:
    """Which requests miss a TTL cache (one cache entry per key, empty at the start).

    A miss at time m stores the object until m + ttl; requests before then hit, the first one at or after
    it misses and stores again. Requests are taken in (key, time) order; the result is in input order.
    Vectorised across keys: each loop round finds the next miss of every key at once. Times are compared after
    packing (key, time) into one float, so a request landing within rounding error of an expiry may go either way.

    >>> ttl_misses(np.array([0, 0, 0]), np.array([0.0, 10.0, 100.0]), 60).tolist()
    [True, False, True]
    """
    keys, times = np.asarray(keys), np.asarray(times, dtype=float)
    if keys.ndim != 1 or keys.shape != times.shape:
        raise ValueError(
            f"keys and times must be 1-D arrays of the same length, got shapes {keys.shape} and {times.shape}"
        )
    if keys.dtype.kind not in "iub":
        raise ValueError(f"keys must be an array of whole numbers (one per request), got dtype {keys.dtype}")
    n = keys.size
    miss_sorted = np.ones(n, dtype=bool)
    if n == 0 or ttl_seconds <= 0:
        return miss_sorted
    order = np.lexsort((times, keys))
    k, t = keys[order], times[order]
    t = t - t.min()
    ttl = min(float(ttl_seconds), float(t.max()) + 1.0)  # a longer TTL never expires inside the run
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    ends = np.r_[starts[1:], n]
    span = float(t.max()) + ttl + 1.0
    combined = np.repeat(np.arange(starts.size, dtype=float), ends - starts) * span + t
    miss_sorted[:] = False
    miss_sorted[starts] = True
    ptr, group_end = starts, ends
    while ptr.size:
        nxt = np.maximum(np.searchsorted(combined, combined[ptr] + ttl, side="left"), ptr + 1)
        inside = nxt < group_end
        ptr, group_end = nxt[inside], group_end[inside]
        miss_sorted[ptr] = True
    miss = np.empty(n, dtype=bool)
    miss[order] = miss_sorted
    return miss


# --- Edge-cache simulator ------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class EdgeCacheResult:
    """Outcome of an edge-cache run: hit ratio, load on the origin, viewer latency, per edge and over time.

    >>> r = simulate_edge_cache(requests_per_second=5, duration_seconds=600, seed=0)
    >>> type(r).__name__, r.requests
    ('EdgeCacheResult', 3000)
    """

    requests: int
    hits: int
    hit_ratio: float
    origin_requests: int
    origin_requests_per_second: float
    mean_latency_ms: float
    p95_latency_ms: float
    edges_used: int
    per_edge_requests: np.ndarray
    per_edge_hit_ratio: np.ndarray
    bucket_start_seconds: np.ndarray
    hit_ratio_over_time: np.ndarray
    origin_rps_over_time: np.ndarray


def _request_stream(
    n_objects: int, zipf_exponent: float, requests_per_second: float, duration_seconds: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    n = int(round(requests_per_second * duration_seconds))
    if not 1 <= n <= MAX_REQUESTS_SIMULATED:
        raise ValueError(
            f"requests_per_second x duration_seconds = {n:,} requests; allowed 1 to {MAX_REQUESTS_SIMULATED:,}"
        )
    times = np.sort(rng.random(n) * duration_seconds)
    return times, zipf_indices(n_objects, n, zipf_exponent, rng)


def _summarise(
    hit: np.ndarray,
    times: np.ndarray,
    edges: np.ndarray,
    latency: np.ndarray,
    n_edges: int,
    duration: float,
    n_buckets: int,
) -> EdgeCacheResult:
    n = hit.size
    per_edge = np.bincount(edges, minlength=n_edges)
    per_edge_hits = np.bincount(edges, weights=hit, minlength=n_edges)
    with np.errstate(invalid="ignore", divide="ignore"):
        edge_ratio = np.where(per_edge > 0, per_edge_hits / np.maximum(per_edge, 1), np.nan)
    width = duration / n_buckets
    bucket = np.minimum((times / width).astype(int), n_buckets - 1)
    b_requests = np.bincount(bucket, minlength=n_buckets)
    b_hits = np.bincount(bucket, weights=hit, minlength=n_buckets)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio_t = np.where(b_requests > 0, b_hits / np.maximum(b_requests, 1), np.nan)
    hits = int(hit.sum())
    return EdgeCacheResult(
        requests=n,
        hits=hits,
        hit_ratio=hits / n,
        origin_requests=n - hits,
        origin_requests_per_second=(n - hits) / duration,
        mean_latency_ms=float(latency.mean()),
        p95_latency_ms=float(np.percentile(latency, 95)),
        edges_used=int(np.count_nonzero(per_edge)),
        per_edge_requests=per_edge,
        per_edge_hit_ratio=edge_ratio,
        bucket_start_seconds=width * np.arange(n_buckets),
        hit_ratio_over_time=ratio_t,
        origin_rps_over_time=(b_requests - b_hits) / width,
    )


@checked
def simulate_edge_cache(
    n_objects: int = 10_000,
    zipf_exponent: float = 0.9,
    requests_per_second: float = 50.0,
    duration_seconds: float = 3_600.0,
    ttl_seconds: float = DEFAULT_TTL_SECONDS,
    n_edges: int = 10,
    edge_weights: Sequence[float] | None = None,
    viewer_to_edge_ms: float = 15.0,
    edge_to_origin_ms: float | Sequence[float] = 120.0,
    origin_processing_ms: float = 20.0,
    seed: int = 0,
    n_buckets: int = 60,
) -> EdgeCacheResult:
    """Seeded CloudFront edge caches: Zipf-like object popularity, requests spread over edges, a TTL per object.

    ``edge_weights`` is the client spread (share of requests reaching each edge; uniform when None). Each edge
    caches independently, so spreading the same audience over more edges lowers the hit ratio. Latency of a
    hit is ``viewer_to_edge_ms``; a miss adds the edge's round trip to the origin and the origin's work.
    Edges are assumed big enough to keep every object until its TTL ends (no eviction).

    >>> r = simulate_edge_cache(requests_per_second=5, duration_seconds=600, ttl_seconds=300, seed=0)
    >>> round(r.hit_ratio, 3), round(r.mean_latency_ms, 1)
    (0.208, 125.9)
    """
    objects_n = validate.integer("n_objects", n_objects, minimum=1, maximum=10_000_000)
    s = validate.number("zipf_exponent", zipf_exponent, minimum=0, maximum=5)
    rate = validate.number("requests_per_second", requests_per_second, minimum=0, exclusive_minimum=True)
    duration = validate.number("duration_seconds", duration_seconds, minimum=0, exclusive_minimum=True, unit="s")
    ttl = validate.number("ttl_seconds", ttl_seconds, minimum=0, maximum=MAX_TTL_SECONDS, unit="s")
    edges_n = validate.integer("n_edges", n_edges, minimum=1, maximum=1_000)
    weights = _weights(edge_weights, edges_n)
    to_origin = np.asarray(edge_to_origin_ms, dtype=float)
    if (
        to_origin.ndim > 1
        or to_origin.size not in (1, edges_n)
        or np.any(~np.isfinite(to_origin))
        or np.any(to_origin < 0)
    ):
        raise ValueError(
            f"edge_to_origin_ms must be >= 0 ms, one value or one per edge ({edges_n}), got {edge_to_origin_ms!r}"
        )
    to_origin = np.broadcast_to(to_origin.reshape(-1), (edges_n,))
    viewer = validate.number("viewer_to_edge_ms", viewer_to_edge_ms, minimum=0, unit="ms")
    work = validate.number("origin_processing_ms", origin_processing_ms, minimum=0, unit="ms")
    buckets = validate.integer("n_buckets", n_buckets, minimum=1, maximum=10_000)
    rng = np.random.default_rng(seed)
    times, objects = _request_stream(objects_n, s, rate, duration, rng)
    edges = rng.choice(edges_n, size=times.size, p=weights)
    hit = ~ttl_misses(edges.astype(np.int64) * objects_n + objects, times, ttl)
    latency = viewer + np.where(hit, 0.0, to_origin[edges] + work)
    return _summarise(hit, times, edges, latency, edges_n, duration, buckets)


def _weights(edge_weights: Sequence[float] | None, n_edges: int) -> np.ndarray:
    if edge_weights is None:
        return np.full(n_edges, 1.0 / n_edges)
    w = np.asarray(edge_weights, dtype=float)
    if w.shape != (n_edges,) or np.any(~np.isfinite(w)) or np.any(w < 0) or w.sum() <= 0:
        raise ValueError(f"edge_weights must be {n_edges} non-negative shares (one per edge) with a positive sum")
    return w / w.sum()


# --- Who gains from a CDN ------------------------------------------------------------------------------------
AUDIENCES = ("global", "single_location", "vpn")


@dataclass(frozen=True)
class AudienceResult:
    """Mean viewer latency with and without CloudFront for one audience shape.

    >>> r = audience_comparison("global", duration_seconds=300, seed=0)
    >>> r.audience, round(r.saved_fraction, 2)
    ('global', 0.69)
    """

    audience: str
    edges_used: int
    hit_ratio: float
    mean_latency_without_cdn_ms: float
    mean_latency_with_cdn_ms: float
    saved_ms: float
    saved_fraction: float


@checked
def audience_comparison(
    audience: str,
    region_to_origin_ms: Sequence[float] = (10, 70, 120, 160, 220, 280),
    viewer_to_edge_ms: float = 10.0,
    origin_processing_ms: float = 10.0,
    n_objects: int = 2_000,
    zipf_exponent: float = 0.9,
    requests_per_second: float = 100.0,
    duration_seconds: float = 1_800.0,
    ttl_seconds: float = DEFAULT_TTL_SECONDS,
    campus_region: int = 0,
    seed: int = 0,
) -> AudienceResult:
    """Why a single-location or VPN-funnelled audience gains little from CloudFront.

    Regions are numbered by distance from the origin (round trips in ``region_to_origin_ms``), each with an
    edge. ``global``: viewers spread evenly, each reaching its own region's edge. ``single_location``: every
    viewer sits in ``campus_region``. ``vpn``: viewers spread evenly but all traffic leaves the corporate VPN
    next to the origin, so the long trip is paid before CloudFront is reached and only one edge is used.

    >>> r = audience_comparison("vpn", duration_seconds=300, seed=0)
    >>> round(r.mean_latency_without_cdn_ms), round(r.mean_latency_with_cdn_ms)
    (153, 155)
    """
    validate.choice("audience", audience, AUDIENCES)
    rtt = np.asarray(region_to_origin_ms, dtype=float)
    if rtt.ndim != 1 or rtt.size == 0 or np.any(~np.isfinite(rtt)) or np.any(rtt < 0):
        raise ValueError("region_to_origin_ms must list one or more round trips >= 0 ms")
    campus = validate.integer("campus_region", campus_region, minimum=0, maximum=rtt.size - 1)
    viewer = validate.number("viewer_to_edge_ms", viewer_to_edge_ms, minimum=0, unit="ms")
    work = validate.number("origin_processing_ms", origin_processing_ms, minimum=0, unit="ms")
    ttl = validate.number("ttl_seconds", ttl_seconds, minimum=0, maximum=MAX_TTL_SECONDS, unit="s")
    objects_n = validate.integer("n_objects", n_objects, minimum=1, maximum=10_000_000)
    rng = np.random.default_rng(seed)
    times, objects = _request_stream(
        objects_n,
        validate.number("zipf_exponent", zipf_exponent, minimum=0, maximum=5),
        validate.number("requests_per_second", requests_per_second, minimum=0, exclusive_minimum=True),
        validate.number("duration_seconds", duration_seconds, minimum=0, exclusive_minimum=True),
        rng,
    )
    regions = (
        rng.integers(0, rtt.size, size=times.size) if audience != "single_location" else np.full(times.size, campus)
    )
    if audience == "vpn":
        edges = np.zeros(times.size, dtype=np.int64)  # the VPN exit sits in the origin's region 0
        leg = rtt[regions] + viewer
        origin_leg = np.full(times.size, rtt[0])
    else:
        edges, leg, origin_leg = regions, np.full(times.size, viewer), rtt[regions]
    hit = ~ttl_misses(edges * objects_n + objects, times, ttl)
    with_cdn = leg + np.where(hit, 0.0, origin_leg + work)
    without_cdn = rtt[regions] + work
    mean_with, mean_without = float(with_cdn.mean()), float(without_cdn.mean())
    return AudienceResult(
        audience=audience,
        edges_used=int(np.unique(edges).size),
        hit_ratio=float(hit.mean()),
        mean_latency_without_cdn_ms=mean_without,
        mean_latency_with_cdn_ms=mean_with,
        saved_ms=mean_without - mean_with,
        saved_fraction=(mean_without - mean_with) / mean_without if mean_without else 0.0,
    )


# --- Updating content: invalidation against versioned paths --------------------------------------------------
UPDATE_STRATEGIES = ("wait_for_ttl", "invalidate", "versioned_path")


@dataclass(frozen=True, eq=False)
class StaleWindowResult:
    """How long each edge kept serving old content after an update at ``update_at_seconds``.

    >>> r = simulate_stale_window("invalidate", ttl_seconds=3600, seed=0)
    >>> r.strategy, round(r.worst_stale_seconds)
    ('invalidate', 60)
    """

    strategy: str
    per_edge_stale_seconds: np.ndarray
    stale_requests: int
    worst_stale_seconds: float
    mean_stale_seconds: float


@checked
def simulate_stale_window(
    strategy: str,
    ttl_seconds: float = DEFAULT_TTL_SECONDS,
    n_edges: int = 20,
    requests_per_second_per_edge: float = 0.05,
    update_at_seconds: float | None = None,
    invalidation_seconds: float = 60.0,
    html_ttl_seconds: float = 300.0,
    seed: int = 0,
) -> StaleWindowResult:
    """Seeded stale window of one updated file across edges (each edge starts at a random moment).

    ``wait_for_ttl``: each edge serves its cached copy until that copy's TTL runs out. ``invalidate``: no
    longer than the invalidation takes to reach the edges (``invalidation_seconds``, an assumption; AWS gives
    no fixed figure). ``versioned_path``: the new file has a new name, so the stale part is the page that
    links to it, cached for ``html_ttl_seconds``.

    >>> round(simulate_stale_window("wait_for_ttl", ttl_seconds=3600, seed=0).worst_stale_seconds)
    3473
    """
    validate.choice("strategy", strategy, UPDATE_STRATEGIES)
    ttl = validate.number("ttl_seconds", ttl_seconds, minimum=0, maximum=MAX_TTL_SECONDS, unit="s")
    edges_n = validate.integer("n_edges", n_edges, minimum=1, maximum=1_000)
    rate = validate.number(
        "requests_per_second_per_edge", requests_per_second_per_edge, minimum=0, exclusive_minimum=True
    )
    inval = validate.number("invalidation_seconds", invalidation_seconds, minimum=0, unit="s")
    html_ttl = validate.number("html_ttl_seconds", html_ttl_seconds, minimum=0, maximum=MAX_TTL_SECONDS, unit="s")
    cached_for = html_ttl if strategy == "versioned_path" else ttl
    update = (
        2 * cached_for + 1
        if update_at_seconds is None
        else validate.number("update_at_seconds", update_at_seconds, minimum=0, unit="s")
    )
    horizon = update + cached_for + 1
    n = int(round(rate * edges_n * horizon))
    if not 1 <= n <= MAX_REQUESTS_SIMULATED:
        raise ValueError(
            f"{n:,} requests to simulate (1 to {MAX_REQUESTS_SIMULATED:,} allowed); lower "
            "requests_per_second_per_edge, n_edges, the TTLs or update_at_seconds"
        )
    rng = np.random.default_rng(seed)
    times = np.sort(rng.random(n) * horizon)
    edges = rng.integers(0, edges_n, size=n)
    # Edges start serving at random moments so their cache cycles are out of phase, as in a running system.
    first_request = rng.random(edges_n) * cached_for
    keep = times >= first_request[edges]
    times, edges = times[keep], edges[keep]
    miss = ttl_misses(edges, times, cached_for)
    before = (times < update) & miss
    last_fetch = np.full(edges_n, -np.inf)
    np.maximum.at(last_fetch, edges[before], times[before])
    stale = np.clip(last_fetch + cached_for - update, 0.0, None)
    if strategy == "invalidate":
        stale = np.minimum(stale, inval)
    served_stale = (times >= update) & (times < update + stale[edges])
    return StaleWindowResult(
        strategy=strategy,
        per_edge_stale_seconds=stale,
        stale_requests=int(served_stale.sum()),
        worst_stale_seconds=float(stale.max()),
        mean_stale_seconds=float(stale.mean()),
    )


@checked
def invalidation_cost_usd(
    paths_per_month: int,
    free_paths: int = FREE_INVALIDATION_PATHS_PER_MONTH,
    usd_per_path: float = USD_PER_INVALIDATION_PATH,
) -> float:
    """Monthly invalidation charge (USD): paths beyond the free allowance at the per-path price.

    >>> invalidation_cost_usd(5_000)
    20.0
    """
    paths = validate.integer("paths_per_month", paths_per_month, minimum=0)
    free = validate.integer("free_paths", free_paths, minimum=0)
    price = validate.number("usd_per_path", usd_per_path, minimum=0)
    return max(0, paths - free) * price


# --- Signed URLs and cookies: the policy statement -----------------------------------------------------------
@checked
def canned_policy(resource: str, expires_epoch: int) -> dict:
    """A canned policy in CloudFront's JSON shape: one resource, one expiry (epoch seconds).

    >>> canned_policy("https://d111111abcdef8.cloudfront.net/a.pdf", 1767312000)["Statement"][0]["Condition"]
    {'DateLessThan': {'AWS:EpochTime': 1767312000}}
    """
    expires = validate.integer("expires_epoch", expires_epoch, minimum=0)
    return {"Statement": [{"Resource": resource, "Condition": {"DateLessThan": {"AWS:EpochTime": expires}}}]}


@checked
def custom_policy(
    resource: str, expires_epoch: int, starts_epoch: int | None = None, source_ip: str | None = None
) -> dict:
    """A custom policy: wildcard resource, expiry, optional start time and source IP range (CIDR).

    >>> custom_policy("https://d111111abcdef8.cloudfront.net/premium/*", 1767312000, source_ip="203.0.113.0/24")["Statement"][0]["Condition"]
    {'DateLessThan': {'AWS:EpochTime': 1767312000}, 'IpAddress': {'AWS:SourceIp': '203.0.113.0/24'}}
    """
    policy = canned_policy(resource, expires_epoch)
    condition = policy["Statement"][0]["Condition"]
    if starts_epoch is not None:
        condition["DateGreaterThan"] = {"AWS:EpochTime": validate.integer("starts_epoch", starts_epoch, minimum=0)}
    if source_ip is not None:
        try:
            ipaddress.ip_network(source_ip, strict=False)
        except ValueError as err:
            raise ValueError(f"source_ip={source_ip!r} is not an IP range in CIDR form (e.g. 192.0.2.0/24)") from err
        condition["IpAddress"] = {"AWS:SourceIp": source_ip}
    return policy


@dataclass(frozen=True)
class SignedRequestDecision:
    """CloudFront's answer to one signed request: served or refused, and the reason.

    >>> SignedRequestDecision(allowed=False, reason="the URL has expired (DateLessThan)").allowed
    False
    """

    allowed: bool
    reason: str


@checked
def evaluate_signed_request(policy: dict, url: str, now_epoch: int, viewer_ip: str) -> SignedRequestDecision:
    """Whether CloudFront would serve ``url`` under ``policy`` at ``now_epoch`` to ``viewer_ip``, and why.

    >>> policy = canned_policy("https://d111111abcdef8.cloudfront.net/a.pdf", 1767312000)
    >>> evaluate_signed_request(policy, "https://d111111abcdef8.cloudfront.net/a.pdf", 1767311000, "198.51.100.7")
    SignedRequestDecision(allowed=True, reason='allowed')
    """
    try:
        statement = policy["Statement"][0]
        resource, condition = statement["Resource"], statement["Condition"]
        expires = condition["DateLessThan"]["AWS:EpochTime"]
    except (KeyError, IndexError, TypeError) as err:
        raise ValueError("policy must have Statement[0] with Resource and Condition.DateLessThan") from err
    if not isinstance(resource, str) or len(resource) > 4096:
        raise ValueError(f"policy Statement[0].Resource must be a URL pattern string, got {resource!r}")
    if not re.fullmatch(wildcard_body([(resource, True)]), url, re.DOTALL):
        return SignedRequestDecision(allowed=False, reason=f"URL does not match the policy resource {resource!r}")
    if now_epoch >= expires:
        return SignedRequestDecision(allowed=False, reason="the URL has expired (DateLessThan)")
    starts = condition.get("DateGreaterThan", {}).get("AWS:EpochTime")
    if starts is not None and now_epoch < starts:
        return SignedRequestDecision(allowed=False, reason="the URL is not valid yet (DateGreaterThan)")
    cidr = condition.get("IpAddress", {}).get("AWS:SourceIp")
    if cidr is not None and ipaddress.ip_address(viewer_ip) not in ipaddress.ip_network(cidr, strict=False):
        return SignedRequestDecision(allowed=False, reason=f"viewer IP {viewer_ip} is outside {cidr} (IpAddress)")
    return SignedRequestDecision(allowed=True, reason="allowed")


PRIVATE_CONTENT = {
    "signed URL": "one URL per file, with an expiry and optional start time and IP range; suits single downloads",
    "signed cookies": "the same policy carried in cookies; one grant covers many files (a subscriber's library)",
    "origin access control": "the S3 bucket trusts only the distribution, so viewers cannot bypass CloudFront; "
    "replaces the legacy origin access identity (OAI)",
}
