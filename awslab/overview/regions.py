"""AWS Regions on a map, a sample inter-Region latency table, and the closest Region for a set of users.

Latencies here are a labelled SAMPLE, not measurements: a round trip modelled from great-circle distance
(light in fibre, a route longer than the great circle, a fixed processing overhead). Real latencies vary by
path and hour; measure your own before choosing a Region.

References:
    - AWS Regions and Availability Zones, "AWS Regions",
      https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html (read 2026-11-27)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Region:
    """An AWS Region: its code, console name and the approximate location of its metro area (degrees).

    >>> get_region("eu-west-1")
    Region(code='eu-west-1', name='Europe (Ireland)', lat=53.3, lon=-6.3)
    """

    code: str
    name: str
    lat: float
    lon: float


# A selection of commercial Regions, https://docs.aws.amazon.com/global-infrastructure/latest/regions/
# aws-regions.html (read 2026-11-27). Coordinates are the nearest metro area, rounded: AWS does not publish
# data-centre locations.
REGIONS: tuple[Region, ...] = (
    Region("us-east-1", "US East (N. Virginia)", 39.0, -77.5),
    Region("us-east-2", "US East (Ohio)", 40.0, -83.0),
    Region("us-west-1", "US West (N. California)", 37.4, -121.9),
    Region("us-west-2", "US West (Oregon)", 45.8, -119.7),
    Region("ca-central-1", "Canada (Central)", 45.5, -73.6),
    Region("ca-west-1", "Canada West (Calgary)", 51.0, -114.1),
    Region("mx-central-1", "Mexico (Central)", 20.6, -100.4),
    Region("sa-east-1", "South America (Sao Paulo)", -23.5, -46.6),
    Region("eu-west-1", "Europe (Ireland)", 53.3, -6.3),
    Region("eu-west-2", "Europe (London)", 51.5, -0.1),
    Region("eu-west-3", "Europe (Paris)", 48.9, 2.4),
    Region("eu-central-1", "Europe (Frankfurt)", 50.1, 8.7),
    Region("eu-central-2", "Europe (Zurich)", 47.4, 8.5),
    Region("eu-north-1", "Europe (Stockholm)", 59.3, 18.1),
    Region("eu-south-1", "Europe (Milan)", 45.5, 9.2),
    Region("eu-south-2", "Europe (Spain)", 41.6, -0.9),
    Region("il-central-1", "Israel (Tel Aviv)", 32.1, 34.8),
    Region("me-south-1", "Middle East (Bahrain)", 26.1, 50.6),
    Region("me-central-1", "Middle East (UAE)", 24.5, 54.4),
    Region("af-south-1", "Africa (Cape Town)", -33.9, 18.4),
    Region("ap-south-1", "Asia Pacific (Mumbai)", 19.1, 72.9),
    Region("ap-south-2", "Asia Pacific (Hyderabad)", 17.4, 78.5),
    Region("ap-east-1", "Asia Pacific (Hong Kong)", 22.3, 114.2),
    Region("ap-northeast-1", "Asia Pacific (Tokyo)", 35.7, 139.7),
    Region("ap-northeast-2", "Asia Pacific (Seoul)", 37.6, 127.0),
    Region("ap-northeast-3", "Asia Pacific (Osaka)", 34.7, 135.5),
    Region("ap-southeast-1", "Asia Pacific (Singapore)", 1.35, 103.8),
    Region("ap-southeast-2", "Asia Pacific (Sydney)", -33.9, 151.2),
    Region("ap-southeast-3", "Asia Pacific (Jakarta)", -6.2, 106.8),
    Region("ap-southeast-4", "Asia Pacific (Melbourne)", -37.8, 145.0),
    Region("ap-southeast-5", "Asia Pacific (Malaysia)", 3.1, 101.7),
)

EARTH_RADIUS_KM = 6371.0
# Light in optical fibre travels at about c / 1.47, roughly 204 km per millisecond (physics, not an AWS figure).
FIBRE_KM_PER_MS = 204.0
# Modelling assumptions for the sample latencies (not AWS figures): cables run longer than the great circle,
# and routers and switches add a fixed few milliseconds per round trip.
ROUTE_STRETCH = 1.6
OVERHEAD_MS = 4.0


@checked
def region_table() -> pd.DataFrame:
    """The Region list as a table: code, name, lat, lon.

    >>> region_table().columns.tolist()
    ['code', 'name', 'lat', 'lon']
    """
    import pandas as pd

    return pd.DataFrame([r.__dict__ for r in REGIONS])


@checked
def get_region(code: str) -> Region:
    """The Region with this code (e.g. "eu-west-1").

    >>> get_region("us-east-1").name
    'US East (N. Virginia)'
    """
    by_code = {r.code: r for r in REGIONS}
    validate.choice("code", code, by_code)
    return by_code[code]


@checked
def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees (haversine).

    >>> round(great_circle_km(51.5, -0.1, 40.7, -74.0))
    5573
    """
    for name, value, limit in (("lat1", lat1, 90), ("lon1", lon1, 180), ("lat2", lat2, 90), ("lon2", lon2, 180)):
        validate.number(name, value, minimum=-limit, maximum=limit, unit="degrees")
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@checked
def sample_rtt_ms(distance_km: float, route_stretch: float = ROUTE_STRETCH, overhead_ms: float = OVERHEAD_MS) -> float:
    """Modelled round-trip time in ms over a distance: 2 x distance x stretch / fibre speed + overhead (SAMPLE).

    >>> round(sample_rtt_ms(5570), 1)
    91.4
    """
    d = validate.number("distance_km", distance_km, minimum=0, unit="km")
    s = validate.number("route_stretch", route_stretch, minimum=1, maximum=5)
    o = validate.number("overhead_ms", overhead_ms, minimum=0, maximum=1000, unit="ms")
    return 2 * d * s / FIBRE_KM_PER_MS + o


@checked
def latency_table(codes: Sequence[str] | None = None) -> pd.DataFrame:
    """SAMPLE inter-Region round-trip latencies in ms (modelled from distance), rows and columns by Region code.

    >>> latency_table(["us-east-1", "eu-west-1"]).round().values.tolist()
    [[0.0, 90.0], [90.0, 0.0]]
    """
    import pandas as pd

    regions = list(REGIONS) if codes is None else [get_region(c) for c in codes]
    if not regions:
        raise ValueError("codes=[] names no Region; give at least one Region code or None for every Region")
    data = {
        b.code: [
            0.0 if a.code == b.code else round(sample_rtt_ms(great_circle_km(a.lat, a.lon, b.lat, b.lon)), 1)
            for a in regions
        ]
        for b in regions
    }
    table = pd.DataFrame(data, index=[r.code for r in regions])
    table.index.name = "from \\ to (sample RTT ms)"
    return table


@dataclass(frozen=True)
class UserGroup:
    """Users at one place: a label, a location in degrees and how many of them (a weight).

    >>> UserGroup("Tokyo", 35.7, 139.7, 5)
    UserGroup(label='Tokyo', lat=35.7, lon=139.7, users=5)
    """

    label: str
    lat: float
    lon: float
    users: float = 1.0


@checked
def closest_regions(user_groups: Sequence[UserGroup], codes: Sequence[str] | None = None) -> pd.DataFrame:
    """Regions ranked by user-weighted mean SAMPLE round-trip time in ms, best first, with the worst group's RTT.

    Columns: code, name, mean_rtt_ms, worst_rtt_ms, worst_group.

    >>> closest_regions(USER_SCENARIOS["Tokyo and Seoul"]).iloc[0]["code"]
    'ap-northeast-1'
    """
    import pandas as pd

    if not user_groups:
        raise ValueError("user_groups=[] must hold at least one UserGroup")
    total = 0.0
    for i, g in enumerate(user_groups):
        validate.number(f"user_groups[{i}].lat", g.lat, minimum=-90, maximum=90, unit="degrees")
        validate.number(f"user_groups[{i}].lon", g.lon, minimum=-180, maximum=180, unit="degrees")
        total += validate.number(f"user_groups[{i}].users", g.users, minimum=0, exclusive_minimum=True)
    regions = list(REGIONS) if codes is None else [get_region(c) for c in codes]
    if not regions:
        raise ValueError("codes=[] names no Region; give at least one Region code or None for every Region")
    rows = []
    for r in regions:
        rtts = [sample_rtt_ms(great_circle_km(g.lat, g.lon, r.lat, r.lon)) for g in user_groups]
        worst = max(range(len(rtts)), key=rtts.__getitem__)
        rows.append(
            {
                "code": r.code,
                "name": r.name,
                "mean_rtt_ms": round(sum(g.users * t for g, t in zip(user_groups, rtts, strict=True)) / total, 3),
                "worst_rtt_ms": round(rtts[worst], 3),
                "worst_group": user_groups[worst].label,
            }
        )
    return pd.DataFrame(rows).sort_values(["mean_rtt_ms", "code"], ignore_index=True)


@checked
def closest_region(user_groups: Sequence[UserGroup], codes: Sequence[str] | None = None) -> str:
    """Code of the Region with the lowest user-weighted mean SAMPLE round-trip time.

    >>> closest_region(parse_user_groups("Paris 48.9 2.4 10"))
    'eu-west-3'
    """
    return str(closest_regions(user_groups, codes).iloc[0]["code"])


# Sample audiences for the "closest Region" explorer (illustrative; user counts are weights, not data).
USER_SCENARIOS: dict[str, tuple[UserGroup, ...]] = {
    "Tokyo and Seoul": (UserGroup("Tokyo", 35.7, 139.7, 5), UserGroup("Seoul", 37.6, 127.0, 5)),
    "Europe (Berlin, Madrid, Warsaw)": (
        UserGroup("Berlin", 52.5, 13.4, 4),
        UserGroup("Madrid", 40.4, -3.7, 3),
        UserGroup("Warsaw", 52.2, 21.0, 2),
    ),
    "US coast to coast": (UserGroup("New York", 40.7, -74.0, 5), UserGroup("Los Angeles", 34.1, -118.2, 5)),
    "Nairobi and Lagos": (UserGroup("Nairobi", -1.3, 36.8, 3), UserGroup("Lagos", 6.5, 3.4, 5)),
    "Sydney and Auckland": (UserGroup("Sydney", -33.9, 151.2, 5), UserGroup("Auckland", -36.8, 174.8, 2)),
    "Global (London, New York, Singapore)": (
        UserGroup("London", 51.5, -0.1, 3),
        UserGroup("New York", 40.7, -74.0, 3),
        UserGroup("Singapore", 1.35, 103.8, 3),
    ),
}


@checked
def parse_user_groups(text: str) -> tuple[UserGroup, ...]:
    """User groups from text such as "Lima -12.0 -77.0 5; Quito -0.2 -78.5 2" (label lat lon users; ...).

    >>> parse_user_groups("Paris 48.9 2.4 10; Rome 41.9 12.5 5")
    (UserGroup(label='Paris', lat=48.9, lon=2.4, users=10.0), UserGroup(label='Rome', lat=41.9, lon=12.5, users=5.0))
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"user groups text={text!r} must hold 'label lat lon users' entries separated by ';'")
    if len(text) > 20_000 or text.count(";") > 1000:
        raise ValueError(f"text is {len(text):,} characters long; at most 20,000 and 1,000 user groups are allowed")
    groups = []
    for i, entry in enumerate(part.strip() for part in text.split(";")):
        if not entry:
            continue
        fields = entry.split()
        if len(fields) != 4:
            raise ValueError(f"user group {i + 1} {entry!r} must be 'label lat lon users' (four fields) in text")
        label, numbers = fields[0], fields[1:]
        try:
            lat, lon, users = (float(x) for x in numbers)
        except ValueError as exc:
            raise ValueError(f"user group {i + 1} {entry!r}: lat, lon and users must be numbers in text") from exc
        validate.number(f"user group {label!r} lat", lat, minimum=-90, maximum=90, unit="degrees")
        validate.number(f"user group {label!r} lon", lon, minimum=-180, maximum=180, unit="degrees")
        validate.number(f"user group {label!r} users", users, minimum=0, exclusive_minimum=True)
        groups.append(UserGroup(label, lat, lon, users))
    if not groups:
        raise ValueError(f"user groups text={text!r} holds no 'label lat lon users' entry")
    return tuple(groups)
