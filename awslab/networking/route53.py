"""Route 53 answers: routing policies over records in ``ResourceRecordSets`` shape, with health checks.

A record is a dict as ``list-resource-record-sets`` returns it, e.g.
``{"Name": "www.example.com.", "Type": "A", "SetIdentifier": "blue", "Weight": 200, "TTL": 60,
"ResourceRecords": [{"Value": "192.0.2.10"}], "HealthCheckId": "hc-blue"}``. Health is given as a dict
HealthCheckId -> healthy; a record without a health check is always healthy.

References:
    - Amazon Route 53 Developer Guide, "Weighted routing",
      https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-weighted.html (read 2026-11-27)
    - Amazon Route 53 Developer Guide, "Values that you specify when you create or update health checks",
      https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html (read 2026-11-27)
    - Amazon Route 53 API Reference, "ResourceRecordSet",
      https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html (read 2026-11-27)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from awslab import validate
from awslab.validate import checked

# Developer Guide, "Weighted routing" (routing-policy-weighted.html), read 2026-11-27: weights 0-255, share =
# weight / sum; all zero = equal shares; zero-weight records are used only when every non-zero record is unhealthy.
WEIGHT_MIN, WEIGHT_MAX = 0, 255
# "Values that you specify when you create or update health checks" (health-checks-creating-values.html),
# read 2026-11-27: request interval 30 s (standard) or 10 s (fast), failure threshold 1-10 (default 3); the
# endpoint is healthy when more than 18% of health checkers report it healthy.
REQUEST_INTERVALS_SECONDS = (10, 30)
FAILURE_THRESHOLD_MIN, FAILURE_THRESHOLD_MAX, FAILURE_THRESHOLD_DEFAULT = 1, 10, 3
HEALTHY_CHECKER_FRACTION = 0.18
# Route 53 API Reference, ResourceRecordSet.TTL, read 2026-11-27.
TTL_MAX_SECONDS = 2_147_483_647
POLICIES = ("simple", "weighted", "latency", "failover", "geolocation")


def _weights(weights: dict[str, int]) -> dict[str, int]:
    if not isinstance(weights, dict) or not weights:
        raise ValueError(f"weights must be a non-empty dict of record -> weight, got {weights!r}")
    return {
        name: validate.integer(f"weights[{name!r}]", w, minimum=WEIGHT_MIN, maximum=WEIGHT_MAX)
        for name, w in weights.items()
    }


@checked
def weighted_shares(weights: dict[str, int], healthy: dict[str, bool] | None = None) -> dict[str, float]:
    """Probability that Route 53 answers with each weighted record, given each record's health.

    A record missing from ``healthy`` has no health check and counts as healthy. If no record is healthy, Route 53
    treats them all as healthy. Zero-weight records answer only when no non-zero record is available.

    >>> weighted_shares({"blue": 3, "green": 1})
    {'blue': 0.75, 'green': 0.25}
    >>> weighted_shares({"blue": 3, "green": 1}, {"blue": False})
    {'blue': 0.0, 'green': 1.0}
    """
    clean = _weights(weights)
    health = healthy or {}
    unknown = sorted(set(health) - set(clean))
    if unknown:
        raise ValueError(f"healthy names records {unknown} that are not in weights ({sorted(clean)})")
    pool = [name for name in clean if health.get(name, True)] or list(clean)
    nonzero = [name for name in pool if clean[name] > 0]
    if nonzero:
        total = sum(clean[name] for name in nonzero)
        return {name: (clean[name] / total if name in nonzero else 0.0) for name in clean}
    return {name: (1 / len(pool) if name in pool else 0.0) for name in clean}


@checked
def detection_seconds(request_interval: int, failure_threshold: int) -> int:
    """Worst-case seconds for a health checker to call a failed endpoint unhealthy: interval x threshold.

    >>> detection_seconds(30, 3)
    90
    """
    interval = validate.integer("request_interval", request_interval, minimum=1, unit="s")
    if interval not in REQUEST_INTERVALS_SECONDS:
        raise ValueError(f"request_interval={request_interval!r} is not one of: 10 (fast), 30 (standard) seconds")
    threshold = validate.integer(
        "failure_threshold", failure_threshold, minimum=FAILURE_THRESHOLD_MIN, maximum=FAILURE_THRESHOLD_MAX
    )
    return interval * threshold


@checked
def failover_seconds(request_interval: int, failure_threshold: int, ttl: int) -> int:
    """Worst-case seconds from an endpoint failing until every client has moved: detection time plus the TTL.

    >>> failover_seconds(30, 3, 60)
    150
    """
    seconds = validate.integer("ttl", ttl, minimum=0, maximum=TTL_MAX_SECONDS, unit="s")
    return detection_seconds(request_interval, failure_threshold) + seconds


@dataclass(frozen=True)
class Client:
    """Where a DNS query comes from: its location codes and its measured latency (ms) to AWS Regions.

    >>> Client("EU", "DE").country
    'DE'
    """

    continent: str | None = None
    country: str | None = None
    subdivision: str | None = None
    latency_ms: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class DnsAnswer:
    """The policy in force and the probability of each record (by SetIdentifier) being the answer.

    >>> answer(DNS_PRESETS["failover (primary, secondary)"], "www.example.com.").answered
    True
    """

    policy: str
    shares: dict[str, float]
    values: dict[str, list[str]]
    explanation: str

    @property
    def answered(self) -> bool:
        """False when Route 53 has no record for this client (NOERROR with an empty answer)."""
        return any(p > 0 for p in self.shares.values())


@checked
def record_policy(record: dict) -> str:
    """The routing policy a record belongs to, read from its fields (Weight, Region, Failover, GeoLocation).

    >>> record_policy({"Name": "a.", "Type": "A", "Weight": 10})
    'weighted'
    """
    for key, policy in (
        ("Weight", "weighted"),
        ("Region", "latency"),
        ("Failover", "failover"),
        ("GeoLocation", "geolocation"),
    ):
        if key in record:
            return policy
    return "simple"


def _label(record: dict) -> str:
    return record.get("SetIdentifier", "simple")


def _values(record: dict) -> list[str]:
    if "AliasTarget" in record:
        return [f"alias {record['AliasTarget']['DNSName']}"]
    return [r["Value"] for r in record.get("ResourceRecords", [])]


def _healthy(record: dict, health: dict[str, bool]) -> bool:
    check = record.get("HealthCheckId")
    return True if check is None else bool(health.get(check, True))


_STRING_FIELDS = ("SetIdentifier", "HealthCheckId", "Region", "Failover")


@checked
def check_records(records: object, name: str = "records") -> list[dict]:
    """``records`` if each is a ResourceRecordSet (Name, Type, ResourceRecords, policy fields), else a ValueError.

    >>> len(check_records(resilient_multi_region_records()))
    2
    >>> check_records([{"Name": "www.example.com.", "Type": "A", "ResourceRecords": {"Value": "192.0.2.1"}}])
    Traceback (most recent call last):
    ...
    ValueError: records[0].ResourceRecords={'Value': '192.0.2.1'} must be a JSON array of {"Value": ...} objects
    """
    if not isinstance(records, (list, tuple)):
        raise ValueError(f"{name} must be a list of ResourceRecordSets, got {type(records).__name__}")
    for index, record in enumerate(records):
        where = f"{name}[{index}]"
        if not isinstance(record, dict):
            raise ValueError(f"{where} must be an object in ResourceRecordSet shape (Name, Type, ...), got {record!r}")
        for key in ("Name", "Type"):
            if not isinstance(record.get(key), str):
                raise ValueError(f"{where}.{key}={record.get(key)!r} must be a string (a ResourceRecordSet has both)")
        for key in _STRING_FIELDS:
            if key in record and not isinstance(record[key], str):
                raise ValueError(f"{where}.{key}={record[key]!r} must be a string")
        values = record.get("ResourceRecords", [])
        if not isinstance(values, list) or not all(isinstance(v, dict) and "Value" in v for v in values):
            raise ValueError(f'{where}.ResourceRecords={values!r} must be a JSON array of {{"Value": ...}} objects')
        alias = record.get("AliasTarget")
        if "AliasTarget" in record and not (isinstance(alias, dict) and isinstance(alias.get("DNSName"), str)):
            raise ValueError(f"{where}.AliasTarget={record['AliasTarget']!r} must be an object with DNSName")
        if "Weight" in record:
            validate.integer(f"{where}.Weight", record["Weight"], minimum=WEIGHT_MIN, maximum=WEIGHT_MAX)
        if "GeoLocation" in record:
            geo = record["GeoLocation"]
            if not isinstance(geo, dict) or not all(isinstance(v, str) for v in geo.values()):
                raise ValueError(
                    f"{where}.GeoLocation={geo!r} must be an object of ContinentCode, CountryCode, SubdivisionCode strings"
                )
    return list(records)


def _group(records: list[dict], name: str, record_type: str) -> list[dict]:
    wanted = name.rstrip(".").lower()
    group = [r for r in check_records(records) if r["Name"].rstrip(".").lower() == wanted and r["Type"] == record_type]
    if not group:
        raise ValueError(f"name={name!r} record_type={record_type!r} has no records in the zone's records")
    policies = {record_policy(r) for r in group}
    if len(policies) > 1:
        raise ValueError(
            f"records for {name} {record_type} mix routing policies {sorted(policies)}; "
            "Route 53 requires one policy per name and type"
        )
    if policies == {"simple"} and len(group) > 1:
        raise ValueError(
            f"{name} {record_type} has {len(group)} simple records; a simple record set is one record "
            "with several values"
        )
    return group


def _one(policy: str, record: dict, group: list[dict], why: str) -> DnsAnswer:
    shares = {_label(r): (1.0 if r is record else 0.0) for r in group}
    return DnsAnswer(policy, shares, {_label(r): _values(r) for r in group}, why)


def _geo_rank(record: dict, client: Client) -> int | None:
    geo = record["GeoLocation"]
    if geo.get("SubdivisionCode"):
        match = geo.get("CountryCode") == client.country and geo["SubdivisionCode"] == client.subdivision
        return 0 if match else None
    if geo.get("CountryCode") == "*":
        return 3
    if geo.get("CountryCode"):
        return 1 if geo["CountryCode"] == client.country else None
    if geo.get("ContinentCode"):
        return 2 if geo["ContinentCode"] == client.continent else None
    raise ValueError(f"GeoLocation={geo!r} names no ContinentCode, CountryCode or SubdivisionCode")


@checked
def answer(
    records: list[dict],
    name: str,
    record_type: str = "A",
    *,
    client: Client | None = None,
    health: dict[str, bool] | None = None,
) -> DnsAnswer:
    """How Route 53 answers a query for ``name``/``record_type`` from ``client``, as probabilities per record.

    >>> answer(DNS_PRESETS["weighted (blue 200, green 55, dark 0)"], "www.example.com.").shares
    {'blue': 0.7843137254901961, 'green': 0.21568627450980393, 'dark': 0.0}
    """
    client = client or Client()
    health = health or {}
    group = _group(records, name, record_type)
    policy = record_policy(group[0])
    healthy = [r for r in group if _healthy(r, health)]
    pool = healthy or group
    note = "" if healthy else " (every record is unhealthy, so Route 53 treats them all as healthy)"
    if policy == "simple":
        return _one("simple", group[0], group, "one simple record: every value is returned, in random order")
    if policy == "weighted":
        weights = {_label(r): r["Weight"] for r in group}
        flags = {_label(r): _healthy(r, health) for r in group}
        shares = weighted_shares(weights, flags)
        return DnsAnswer(
            "weighted",
            shares,
            {_label(r): _values(r) for r in group},
            "weight / sum of the weights of the healthy non-zero records" + note,
        )
    if policy == "latency":
        missing = sorted({r["Region"] for r in pool} - set(client.latency_ms))
        if missing:
            raise ValueError(f"client.latency_ms lacks Regions {missing}; give a latency for every Region in use")
        best = min(pool, key=lambda r: (client.latency_ms[r["Region"]], _label(r)))
        return _one(
            "latency",
            best,
            group,
            f"lowest latency from this client: {best['Region']} "
            f"({client.latency_ms[best['Region']]:g} ms) among healthy records" + note,
        )
    if policy == "failover":
        roles = [validate.choice("Failover", r["Failover"], ("PRIMARY", "SECONDARY")) for r in group]
        if len(set(roles)) != len(roles):
            raise ValueError(f"Failover roles {roles} repeat; a failover group has one PRIMARY and one SECONDARY")
        by_role = dict(zip(roles, group, strict=True))
        primary, secondary = by_role.get("PRIMARY"), by_role.get("SECONDARY")
        if primary is not None and _healthy(primary, health):
            return _one("failover", primary, group, "the primary is healthy")
        if secondary is not None and _healthy(secondary, health):
            return _one("failover", secondary, group, "the primary is unhealthy, so the secondary answers")
        chosen = primary or secondary
        return _one(
            "failover", chosen, group, "no healthy record: Route 53 treats all as healthy and answers with the primary"
        )
    ranked = sorted(((rank, r) for r in group if (rank := _geo_rank(r, client)) is not None), key=lambda item: item[0])
    if not ranked:
        return DnsAnswer(
            "geolocation",
            {_label(r): 0.0 for r in group},
            {_label(r): _values(r) for r in group},
            "no record matches this location and there is no default (*) record: no answer",
        )
    levels = ("US state", "country", "continent", "default (*)")
    for rank, record in ranked:
        if _healthy(record, health):
            return _one("geolocation", record, group, f"most specific healthy match: {levels[rank]} record")
    return _one("geolocation", ranked[0][1], group, "every matching record is unhealthy: the most specific one answers")


@checked
def sample_answers(result: DnsAnswer, queries: int, *, seed: int = 0) -> dict[str, int]:
    """How many of ``queries`` independent queries each record answers (multinomial draw with ``seed``).

    >>> sample_answers(answer(DNS_PRESETS["failover (primary, secondary)"], "www.example.com."), 100)
    {'primary': 100, 'secondary': 0}
    """
    n = validate.integer("queries", queries, minimum=0)
    labels = list(result.shares)
    probs = np.array([result.shares[k] for k in labels], dtype=float)
    if probs.sum() == 0:
        return {k: 0 for k in labels}
    counts = np.random.default_rng(seed).multinomial(n, probs / probs.sum())
    return {k: int(c) for k, c in zip(labels, counts, strict=True)}


@checked
def record_problems(zone_name: str, records: list[dict]) -> list[str]:
    """Reasons Route 53 would reject these records: a CNAME at the zone apex, or a CNAME beside other records.

    >>> record_problems("example.com.", [{"Name": "example.com.", "Type": "CNAME"}])
    ['example.com.: a CNAME cannot sit at the zone apex; use an alias A/AAAA record']
    """
    apex = zone_name.rstrip(".").lower()
    problems = []
    by_name: dict[str, set[str]] = {}
    for record in check_records(records):
        name = record["Name"].rstrip(".").lower()
        by_name.setdefault(name, set()).add(record["Type"])
        if record["Type"] == "CNAME" and name == apex:
            problems.append(f"{record['Name']}: a CNAME cannot sit at the zone apex; use an alias A/AAAA record")
    for name, types in sorted(by_name.items()):
        if "CNAME" in types and len(types) > 1:
            problems.append(f"{name}: a CNAME cannot share its name with {sorted(types - {'CNAME'})} records")
    return problems


@checked
def resilient_multi_region_records(zone_name: str = "example.com.") -> list[dict]:
    """Latency records for two Regions, each with a health check, as in a multi-Region active-active design.

    >>> [r["Region"] for r in resilient_multi_region_records()]
    ['us-east-1', 'eu-west-1']
    """
    records = []
    for region, ip in (("us-east-1", "192.0.2.10"), ("eu-west-1", "198.51.100.10")):
        records.append(
            {
                "Name": f"www.{zone_name}",
                "Type": "A",
                "SetIdentifier": region,
                "Region": region,
                "TTL": 60,
                "ResourceRecords": [{"Value": ip}],
                "HealthCheckId": f"hc-{region}",
            }
        )
    return records


def _record(set_id: str, value: str, health: bool = True, **policy) -> dict:
    record = {
        "Name": "www.example.com.",
        "Type": "A",
        "SetIdentifier": set_id,
        "TTL": 60,
        "ResourceRecords": [{"Value": value}],
        **policy,
    }
    if health:
        record["HealthCheckId"] = f"hc-{set_id}"
    return record


# www.example.com. under each routing policy (documentation addresses, RFC 5737).
DNS_PRESETS = {
    "weighted (blue 200, green 55, dark 0)": [
        _record("blue", "192.0.2.10", Weight=200),
        _record("green", "192.0.2.20", Weight=55),
        _record("dark", "192.0.2.30", Weight=0),
    ],
    "latency (two Regions, the resilient design)": resilient_multi_region_records(),
    "failover (primary, secondary)": [
        _record("primary", "192.0.2.10", Failover="PRIMARY"),
        _record("secondary", "198.51.100.10", health=False, Failover="SECONDARY"),
    ],
    "geolocation (California, Germany, Europe, default)": [
        _record("us-ca", "192.0.2.10", GeoLocation={"CountryCode": "US", "SubdivisionCode": "CA"}),
        _record("germany", "198.51.100.20", GeoLocation={"CountryCode": "DE"}),
        _record("europe", "198.51.100.10", GeoLocation={"ContinentCode": "EU"}),
        _record("default", "203.0.113.10", GeoLocation={"CountryCode": "*"}),
    ],
}
# Sample clients: where they are and their (illustrative) latency to each Region in milliseconds.
CLIENTS = {
    "Berlin": Client("EU", "DE", None, {"us-east-1": 95.0, "eu-west-1": 25.0}),
    "Paris": Client("EU", "FR", None, {"us-east-1": 85.0, "eu-west-1": 18.0}),
    "San Francisco": Client("NA", "US", "CA", {"us-east-1": 70.0, "eu-west-1": 140.0}),
    "New York": Client("NA", "US", "NY", {"us-east-1": 8.0, "eu-west-1": 75.0}),
    "Tokyo": Client("AS", "JP", None, {"us-east-1": 160.0, "eu-west-1": 220.0}),
}


@checked
def health_from_text(records: list[dict], unhealthy: str) -> dict[str, bool]:
    """Health per HealthCheckId from a comma-separated list of SetIdentifiers a learner marks unhealthy.

    >>> health_from_text(DNS_PRESETS["weighted (blue 200, green 55, dark 0)"], "blue, dark")
    {'hc-blue': False, 'hc-dark': False}
    """
    names = [n.strip() for n in _text("unhealthy", unhealthy).split(",") if n.strip()]
    known = {r.get("SetIdentifier"): r.get("HealthCheckId") for r in check_records(records)}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unhealthy names {unknown} are not records here; use any of: {', '.join(map(str, known))}")
    without = [n for n in names if known[n] is None]
    if without:
        raise ValueError(f"{without} have no health check, so Route 53 always treats them as healthy")
    return {known[n]: False for n in names}


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text, got {type(value).__name__}")
    return value
