"""Network or ship a device? Days to move a data set over a link vs on Snowball-style devices.

Since 7 November 2025 AWS Snowball Edge is open only to existing customers; AWS points new customers to DataSync
over the network or to a Data Transfer Terminal. The 50 TB and 80 TB devices are gone: the previous-generation
Snowball devices were discontinued on 12 November 2024 (supported for existing users until 12 November 2025), and
the Storage Optimized device offered today holds 210 TB. The physical-transfer arithmetic is the same for any
shipped device, so the device's capacity and timings are parameters.

References:
    - AWS Snowball Edge API Reference, "JobMetadata",
      https://docs.aws.amazon.com/snowball/latest/api-reference/API_JobMetadata.html (read 2026-11-27)
    - AWS Snowball Edge API Reference, "ServiceVersion (the no-longer-available notice)",
      https://docs.aws.amazon.com/snowball/latest/api-reference/API_ServiceVersion.html (read 2026-12-03)
    - AWS Snowball Edge Developer Guide, "Jobs to import data into Amazon S3 using a Snowball Edge device" (the
      notice "Effective November 7, 2025, ... only available to existing customers"),
      https://docs.amazonaws.cn/en_us/snowball/latest/developer-guide/importtype.html (read 2026-12-03)
    - AWS Snowball Edge Developer Guide, "What is Snowball Edge?" (Storage Optimized 210 TB and Compute Optimized),
      https://docs.aws.amazon.com/snowball/latest/developer-guide/whatisedge.html (read 2026-12-03)
    - AWS Snowball Edge API Reference, "DependentService" (end-of-support notice for previous-generation devices),
      https://docs.aws.amazon.com/snowball/latest/api-reference/API_DependentService.html (read 2026-12-03)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

# Device and logistics defaults (overridable). 210 TB: the Snowball Edge Storage Optimized device, the only
# storage-optimised option left ("What is Snowball Edge?", read 2026-12-03; the 80 TB option of older notes was
# retired with the previous generation on 2024-11-12). Copy rate and shipping days are planning assumptions.
DEVICE_CAPACITY_TB = 210.0
DEVICE_COPY_GBIT_PER_SECOND = 2.0  # sustained local copy rate onto one device
SHIPPING_DAYS_EACH_WAY = 2.0
AWS_INGEST_DAYS = 1.0  # from arrival at AWS to data in S3
ORDER_DAYS = 1.0  # job creation to device leaving AWS
BITS_PER_TB = 8e12  # decimal TB, as networks and device capacities are quoted
SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class TransferPlan:
    """Days for each way of moving ``data_tb``; the faster one is ``recommendation``.

    >>> plan = plan_transfer(100, 100)
    >>> plan.devices, round(plan.network_days, 1), round(plan.device_days, 1), plan.recommendation
    (1, 115.7, 10.6, 'device')
    """

    data_tb: float
    network_days: float
    devices: int
    device_days: float
    recommendation: str  # "network" or "device"


@checked
def network_days(data_tb: float, bandwidth_mbps: float, utilisation: float = 0.8) -> float:
    """Days to send ``data_tb`` (decimal TB) over a link of ``bandwidth_mbps`` used at ``utilisation``.

    >>> round(network_days(100, 100), 1)
    115.7
    """
    data = validate.number("data_tb", data_tb, minimum=0, maximum=1e6, unit="TB")
    bandwidth = validate.number(
        "bandwidth_mbps", bandwidth_mbps, minimum=0, exclusive_minimum=True, maximum=1e7, unit="Mbit/s"
    )
    share = validate.number("utilisation", utilisation, minimum=0, exclusive_minimum=True, maximum=1)
    return data * BITS_PER_TB / (bandwidth * 1e6 * share) / SECONDS_PER_DAY


@checked
def device_days(
    data_tb: float,
    *,
    device_capacity_tb: float = DEVICE_CAPACITY_TB,
    copy_gbit_per_second: float = DEVICE_COPY_GBIT_PER_SECOND,
    parallel_devices: int = 1,
    shipping_days_each_way: float = SHIPPING_DAYS_EACH_WAY,
    ingest_days: float = AWS_INGEST_DAYS,
    order_days: float = ORDER_DAYS,
) -> tuple[int, float]:
    """(devices, days) to move ``data_tb`` on devices filled ``parallel_devices`` at a time, in rounds.

    One round: order, ship out, fill (capacity / copy rate, devices filled side by side), ship back, ingest.

    >>> devices, days = device_days(100)
    >>> devices, round(days, 1)
    (1, 10.6)
    """
    data = validate.number("data_tb", data_tb, minimum=0, maximum=1e6, unit="TB")
    capacity = validate.number(
        "device_capacity_tb", device_capacity_tb, minimum=0, exclusive_minimum=True, maximum=1e4, unit="TB"
    )
    rate = validate.number(
        "copy_gbit_per_second", copy_gbit_per_second, minimum=0, exclusive_minimum=True, maximum=400, unit="Gbit/s"
    )
    parallel = validate.integer("parallel_devices", parallel_devices, minimum=1, maximum=1000)
    ship = validate.number("shipping_days_each_way", shipping_days_each_way, minimum=0, maximum=60, unit="days")
    ingest = validate.number("ingest_days", ingest_days, minimum=0, maximum=60, unit="days")
    order = validate.number("order_days", order_days, minimum=0, maximum=60, unit="days")
    devices = max(1, math.ceil(round(data / capacity, 9)))
    rounds = math.ceil(devices / parallel)
    fill_days = min(data, capacity) * BITS_PER_TB / (rate * 1e9) / SECONDS_PER_DAY
    return devices, rounds * (order + ship + fill_days + ship + ingest)


@checked
def plan_transfer(data_tb: float, bandwidth_mbps: float, *, utilisation: float = 0.8, **device: float) -> TransferPlan:
    """Compare the network with shipped devices for ``data_tb`` over ``bandwidth_mbps``.

    >>> plan_transfer(10, 1000).recommendation
    'network'
    """
    over_wire = network_days(data_tb, bandwidth_mbps, utilisation)
    devices, shipped = device_days(data_tb, **device)
    return TransferPlan(float(data_tb), over_wire, devices, shipped, "network" if over_wire <= shipped else "device")


@checked
def break_even_tb(
    bandwidth_mbps: float,
    *,
    utilisation: float = 0.8,
    parallel_devices: int = 1,
    device_capacity_tb: float = DEVICE_CAPACITY_TB,
    **device: float,
) -> float:
    """Smallest data size (TB) at which one round of devices beats the network (inf if it never does).

    Within one round the network's lead, network days minus device days, is piecewise linear with rising slopes
    (convex), so it crosses zero at most once and bisection finds the crossing.

    >>> round(break_even_tb(100), 1)
    5.4
    """
    options = dict(parallel_devices=parallel_devices, device_capacity_tb=device_capacity_tb, **device)
    validate.integer("parallel_devices", parallel_devices, minimum=1, maximum=1000)
    validate.number("device_capacity_tb", device_capacity_tb, minimum=0, exclusive_minimum=True, maximum=1e4)
    low, high = 0.0, device_capacity_tb * parallel_devices
    if plan_transfer(high, bandwidth_mbps, utilisation=utilisation, **options).recommendation == "network":
        return math.inf
    for _ in range(60):
        middle = (low + high) / 2
        if plan_transfer(middle, bandwidth_mbps, utilisation=utilisation, **options).recommendation == "device":
            high = middle
        else:
            low = middle
    return high
