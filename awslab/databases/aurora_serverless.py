"""Aurora Serverless v2: capacity in Aurora capacity units (ACUs) following a load curve, auto-pause at 0 ACUs, and
the cost of that curve against a provisioned instance sized for the peak.

The model works minute by minute: the capacity an instance needs is the load (in ACUs) rounded UP to the next
0.5 ACU, held inside ``[MinCapacity, MaxCapacity]`` (AWS's ``ServerlessV2ScalingConfiguration`` field names). Demand
above ``MaxCapacity`` is not served at full speed (the minutes are counted as "capped"). With ``MinCapacity`` 0 the
instance pauses after ``SecondsUntilAutoPause`` without load and costs nothing for instance capacity while paused.
Real scaling is continuous and scales down more gradually than up; following the load minute by minute is our
simplification, and so the model's ACU-hours are a lower bound on what a real cluster bills.

References:
    - Amazon RDS API Reference, "ServerlessV2ScalingConfiguration" (MinCapacity and MaxCapacity in half-step
      increments; largest MaxCapacity 256 for recent versions, 128 for older; smallest MinCapacity 0 where the
      version supports auto-pause, otherwise 0.5; SecondsUntilAutoPause 300 to 86,400),
      https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ServerlessV2ScalingConfiguration.html
      (read 2026-12-03)
    - Amazon Aurora User Guide, "Requirements and limitations for Aurora Serverless v2" (capacity range 0 to 256 ACUs
      in 0.5-ACU steps, the minimum depending on the version; each ACU about 2 GiB of memory with matching CPU and
      networking), https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2.requirements.html
      (read 2026-12-03)
    - Amazon Aurora User Guide, "Scaling to Zero ACUs with automatic pause and resume for Aurora Serverless v2" (both
      Aurora PostgreSQL and Aurora MySQL, on engine versions that allow a minimum of 0 ACUs; no charge for instance
      capacity while paused; meant for workloads without a strict latency objective),
      https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2-auto-pause.html (read 2026-12-03)
    - Prices: the Aurora pricing page could not be read in this session. ``ACU_USD_PER_HOUR`` (USD 0.12, Aurora
      Standard, us-east-1) and ``PROVISIONED_INSTANCES`` are the long-standing list prices, **unverified**, and every
      function takes the rate as a parameter.
"""

from __future__ import annotations

import math
import numbers
import reprlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from awslab import validate

ACU_STEP = 0.5  # capacity moves in half-ACU steps (ServerlessV2ScalingConfiguration, read 2026-12-03)
MAX_ACU = 256.0  # recent engine versions (older: 128)
MAX_ACU_OLDER_VERSIONS = 128.0
MIN_ACU_WITHOUT_AUTO_PAUSE = 0.5
GIB_PER_ACU = 2.0  # "about 2 GiB of memory" per ACU (Aurora User Guide, read 2026-12-03)
AUTO_PAUSE_SECONDS_RANGE = (300, 86_400)  # SecondsUntilAutoPause
AUTO_PAUSE_SECONDS_DEFAULT = 300
# Unverified list prices, us-east-1, Aurora Standard (see References): overridable in every function.
ACU_USD_PER_HOUR = 0.12
PROVISIONED_INSTANCES = {  # class: (memory GiB, USD per hour), unverified list prices, Aurora MySQL/PostgreSQL
    "db.r6g.large": (16, 0.26),
    "db.r6g.xlarge": (32, 0.52),
    "db.r6g.2xlarge": (64, 1.04),
    "db.r6g.4xlarge": (128, 2.08),
    "db.r6g.8xlarge": (256, 4.15),
    "db.r6g.16xlarge": (512, 8.30),
}
LOAD_SHAPES = ("business day", "spiky", "idle nights", "steady")
HOURS_PER_MONTH = 730


def scaling_configuration(min_capacity: float, max_capacity: float, *, seconds_until_auto_pause: int | None = None,
                          auto_pause_supported: bool = True) -> dict:  # fmt: skip
    """A checked ``ServerlessV2ScalingConfiguration`` (AWS's field names); bad values raise ValueError.

    >>> scaling_configuration(0, 16)
    {'MinCapacity': 0.0, 'MaxCapacity': 16.0, 'SecondsUntilAutoPause': 300}
    >>> scaling_configuration(0.75, 16)
    Traceback (most recent call last):
    ...
    ValueError: MinCapacity=0.75 is not a multiple of 0.5 ACU
    """
    lowest = 0.0 if auto_pause_supported else MIN_ACU_WITHOUT_AUTO_PAUSE
    minimum = validate.number("MinCapacity", min_capacity, minimum=lowest, maximum=MAX_ACU, unit="ACU")
    maximum = validate.number("MaxCapacity", max_capacity, minimum=max(ACU_STEP, minimum), maximum=MAX_ACU, unit="ACU",
                              minimum_name="MinCapacity" if minimum > ACU_STEP else "")  # fmt: skip
    for name, value in (("MinCapacity", minimum), ("MaxCapacity", maximum)):
        if not math.isclose(value / ACU_STEP, round(value / ACU_STEP)):
            raise ValueError(f"{name}={value:g} is not a multiple of {ACU_STEP} ACU")
    config = {"MinCapacity": minimum, "MaxCapacity": maximum}
    if minimum == 0:
        low, high = AUTO_PAUSE_SECONDS_RANGE
        seconds = AUTO_PAUSE_SECONDS_DEFAULT if seconds_until_auto_pause is None else seconds_until_auto_pause
        config["SecondsUntilAutoPause"] = validate.integer("SecondsUntilAutoPause", seconds, minimum=low, maximum=high)
    return config


@lru_cache(maxsize=32)
def _load_curve(shape: str, peak_acu: float, hours: int, seed: int) -> tuple[float, ...]:
    minutes = np.arange(hours * 60)
    hour_of_day = (minutes / 60) % 24
    rng = np.random.default_rng(seed)
    if shape == "business day":  # a working-hours plateau over a small night load
        base = 0.15 + 0.85 * np.clip(np.sin((hour_of_day - 7) / 12 * np.pi), 0, None)
    elif shape == "spiky":  # a low base with short bursts to the peak
        base = np.full(minutes.size, 0.1)
        starts = rng.choice(minutes.size, size=max(1, hours // 3), replace=False)
        for start in starts:
            base[start : start + 20] = 1.0
    elif shape == "idle nights":  # office hours only; nothing at all outside them
        base = np.where((hour_of_day >= 8) & (hour_of_day < 18), 0.6 + 0.4 * np.sin((hour_of_day - 8) / 10 * np.pi), 0)
    else:  # steady
        base = np.full(minutes.size, 0.8)
    noise = np.where(base > 0, rng.normal(1.0, 0.05, minutes.size), 0)
    return tuple(np.round(np.clip(base * noise, 0, 1) * peak_acu, 4).tolist())


def load_curve(shape: str = "business day", peak_acu: float = 16, *, hours: int = 24, seed: int = 0) -> np.ndarray:
    """Demand in ACUs, one value per minute, for a named load shape (``LOAD_SHAPES``), peaking near ``peak_acu``.

    >>> curve = load_curve("idle nights", 8, hours=24)
    >>> len(curve), float(curve[:60].max()), round(float(curve.max()), 1)
    (1440, 0.0, 8.0)
    """
    validate.choice("shape", shape, LOAD_SHAPES)
    validate.number("peak_acu", peak_acu, minimum=0, maximum=4 * MAX_ACU, unit="ACU", exclusive_minimum=True)
    validate.integer("hours", hours, minimum=1, maximum=24 * 31)
    validate.integer("seed", seed, minimum=0)
    return np.array(_load_curve(shape, float(peak_acu), int(hours), int(seed)))


@dataclass(frozen=True)
class ServerlessRun:
    """A load curve served by Aurora Serverless v2: capacity per minute and what it costs.

    >>> run = simulate_capacity(np.array([0.2, 3.1, 40.0]), 0.5, 32)
    >>> run.acu.tolist(), run.capped_minutes
    ([0.5, 3.5, 32.0], 1)
    """

    load_acu: np.ndarray  # demand per minute
    acu: np.ndarray  # capacity per minute (0 while paused)
    paused: np.ndarray  # bool per minute
    capped_minutes: int  # minutes where demand exceeded MaxCapacity
    configuration: dict
    acu_usd_per_hour: float

    @property
    def acu_hours(self) -> float:
        return float(self.acu.sum()) / 60

    @property
    def usd(self) -> float:
        return self.acu_hours * self.acu_usd_per_hour

    @property
    def paused_minutes(self) -> int:
        return int(self.paused.sum())

    @property
    def resumes(self) -> int:
        """Times the instance woke from a pause (each first connection waits while it resumes)."""
        return int(np.sum(self.paused[:-1] & ~self.paused[1:]))


def simulate_capacity(load_acu, min_capacity: float, max_capacity: float, *, seconds_until_auto_pause: int | None = None,
                      acu_usd_per_hour: float = ACU_USD_PER_HOUR) -> ServerlessRun:  # fmt: skip
    """Capacity per minute for a demand curve (ACUs per minute): demand rounded up to 0.5 ACU, within the bounds.

    >>> run = simulate_capacity(np.array([1.2] * 10 + [0.0] * 20 + [1.0]), 0, 4, seconds_until_auto_pause=300)
    >>> run.paused_minutes, run.resumes, float(run.acu[-1])
    (15, 1, 1.0)
    """
    config = scaling_configuration(min_capacity, max_capacity, seconds_until_auto_pause=seconds_until_auto_pause)
    load = _acu_values("load_acu", load_acu)
    if load.ndim != 1 or load.size == 0 or not np.all(np.isfinite(load)) or load.min() < 0:
        raise ValueError(f"load_acu must be a non-empty list of ACUs >= 0, got {load.size} values")
    validate.number("acu_usd_per_hour", acu_usd_per_hour, minimum=0, unit="USD")
    needed = np.ceil(np.round(load / ACU_STEP, 9)) * ACU_STEP
    acu = np.clip(needed, config["MinCapacity"], config["MaxCapacity"])
    paused = np.zeros(load.size, dtype=bool)
    if config["MinCapacity"] == 0:
        idle_limit = math.ceil(config["SecondsUntilAutoPause"] / 60)
        idle = load == 0
        run = 0
        for i, is_idle in enumerate(idle):  # at most 24*31*60 steps: fast enough in a loop
            run = run + 1 if is_idle else 0
            paused[i] = run > idle_limit
        # a running instance never sits below 0.5 ACU; a paused one uses none
        acu = np.where(paused, 0.0, np.maximum(acu, ACU_STEP))
    return ServerlessRun(
        load, acu, paused, int(np.sum(needed > config["MaxCapacity"])), config, float(acu_usd_per_hour)
    )


def _acu_values(name: str, values) -> np.ndarray:
    """A 1-D array of ACUs from a list or array of numbers; a bad element is named by its index."""
    if isinstance(values, np.ndarray):
        if values.dtype.kind not in "biuf":
            raise ValueError(f"{name} must be an array of numbers, got dtype {values.dtype}")
        return np.asarray(values, dtype=float)
    if isinstance(values, (str, bytes)) or not isinstance(values, (list, tuple)):
        raise ValueError(f"{name} must be a list of ACUs (numbers >= 0), got {reprlib.repr(values)}")
    for i, value in enumerate(values):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ValueError(f"{name}[{i}]={reprlib.repr(value)} must be a number")
    return np.asarray(values, dtype=float)


def _instance_table(instances: dict | None) -> dict:
    """``PROVISIONED_INSTANCES`` or a table of the same shape: class name -> (memory GiB, USD per hour)."""
    if instances is None:
        return PROVISIONED_INSTANCES
    if not isinstance(instances, dict):
        raise ValueError(
            f"instances must be a dict of class -> (memory GiB, USD per hour), got {reprlib.repr(instances)}"
        )
    if not instances:
        raise ValueError("instances must name at least one instance class")
    for name, row in instances.items():
        if not isinstance(name, str):
            raise ValueError(f"instances key {reprlib.repr(name)} must be an instance class name (a string)")
        if not isinstance(row, (tuple, list)) or len(row) != 2:
            raise ValueError(f"instances[{name!r}]={reprlib.repr(row)} must be a (memory GiB, USD per hour) pair")
        validate.number(f"instances[{name!r}] memory", row[0], minimum=0, unit="GiB", exclusive_minimum=True)
        validate.number(f"instances[{name!r}] price", row[1], minimum=0, unit="USD per hour")
    return instances


def smallest_instance_for(peak_acu: float, instances: dict | None = None) -> str:
    """The smallest provisioned class whose memory covers the peak (1 ACU ~ 2 GiB).

    >>> smallest_instance_for(16), smallest_instance_for(8)
    ('db.r6g.xlarge', 'db.r6g.large')
    """
    table = _instance_table(instances)
    validate.number("peak_acu", peak_acu, minimum=0, unit="ACU")
    for name, (gib, _) in sorted(table.items(), key=lambda kv: kv[1][0]):
        if gib >= peak_acu * GIB_PER_ACU:
            return name
    raise ValueError(f"peak_acu={peak_acu:g} needs {peak_acu * GIB_PER_ACU:g} GiB; the largest class has less")


@dataclass(frozen=True)
class CostComparison:
    """Serverless v2 vs a provisioned instance over the same hours, in USD.

    >>> c = compare_to_provisioned(simulate_capacity(np.full(60, 4.0), 0.5, 16))
    >>> c.instance_class, round(c.serverless_usd, 2), round(c.provisioned_usd, 2), c.cheaper
    ('db.r6g.large', 0.48, 0.26, 'provisioned')
    """

    instance_class: str
    hours: float
    serverless_usd: float
    provisioned_usd: float
    break_even_average_acu: float  # the mean ACU at which both cost the same

    @property
    def cheaper(self) -> str:
        return "serverless v2" if self.serverless_usd < self.provisioned_usd else "provisioned"


@validate.checked
def compare_to_provisioned(run: ServerlessRun, instance_class: str | None = None, *,
                           instances: dict | None = None) -> CostComparison:  # fmt: skip
    """Price the same minutes on the provisioned class that holds the peak (or the one named).

    >>> compare_to_provisioned(simulate_capacity(np.full(60, 4.0), 0.5, 16), "db.r6g.xlarge").provisioned_usd
    0.52
    """
    table = _instance_table(instances)
    peak = float(np.max(run.acu)) if run.acu.size else 0.0
    name = smallest_instance_for(max(peak, ACU_STEP), table) if instance_class is None else instance_class
    validate.choice("instance_class", name, table)
    hours = run.acu.size / 60
    usd_per_hour = table[name][1]
    break_even = usd_per_hour / run.acu_usd_per_hour if run.acu_usd_per_hour else math.inf
    return CostComparison(name, hours, run.usd, usd_per_hour * hours, break_even)


@validate.checked
def capacity_frame(run: ServerlessRun) -> pd.DataFrame:
    """Minute, demand, capacity and paused flag as a table.

    >>> capacity_frame(simulate_capacity(np.array([1.0, 2.2]), 0.5, 8)).acu.tolist()
    [1.0, 2.5]
    """
    return pd.DataFrame(
        {"minute": np.arange(run.acu.size), "load_acu": run.load_acu, "acu": run.acu, "paused": run.paused}
    )
