"""AWS Fargate: the valid task sizes, the price of a task per hour, and Fargate against EC2 at a given utilisation.

A Fargate task asks for a task-level ``cpu`` (CPU units, 1,024 to a vCPU) and ``memory`` (MiB) from a fixed table:
each CPU size allows one range of memory in one step. Fargate bills the vCPU and the GB (GiB) of memory the task
asked for, per second, from the moment the image starts downloading until the task stops.

Prices are list prices for Linux in us-east-1, read 2026-12-03, and every cost function takes them as parameters so a
learner can use another Region's. The x86 vCPU rate is the one the Amazon ECS pricing page's worked example gives
(USD 0.000011244 per vCPU-second = USD 0.04048 per vCPU-hour); the memory, Arm and Spot rates are rendered by the
Fargate pricing page's own region selector and could not be read as text, so the figures below are the us-east-1
rates as published on that page's table at the time of writing and are marked as such: check them against
https://aws.amazon.com/fargate/pricing/ before you rely on them. Fargate Spot is documented as "up to 70% off" the
on-demand price; its rate floats, so it is modelled as a discount you can change.

References:
    - Amazon ECS Developer Guide, "Troubleshoot Amazon ECS task definition invalid CPU or memory errors" (the valid
      CPU and memory combinations for Fargate, including 8 and 16 vCPU on Linux platform 1.4.0 or later),
      https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html (read 2026-12-03)
    - AWS SDK for Kotlin, ECS TaskDefinition.memory (the same table in the API reference's words),
      https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/ecs/aws.sdk.kotlin.services.ecs.model/-task-definition/memory.html
      (read 2026-12-03)
    - AWS, "AWS Fargate Pricing" (per-second billing of requested vCPU and memory; Linux/x86, Linux/ARM; Fargate
      Spot "up to a 70% discount"), https://aws.amazon.com/fargate/pricing/ (read 2026-12-03)
    - Amazon ECS Developer Guide, "AWS Fargate capacity providers" (Fargate Spot: Linux X86_64 tasks only, a
      two-minute warning before interruption),
      https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html (read 2026-12-03)
    - AWS, "Amazon ECS pricing" (worked example: USD 0.000011244 per vCPU-second, Linux/x86, US East (N. Virginia)),
      https://aws.amazon.com/ecs/pricing/ (read 2026-12-03)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from awslab import validate
from awslab.validate import checked

REGION = "us-east-1"
CPU_UNITS_PER_VCPU = 1024
MIB_PER_GIB = 1024
HOURS_PER_MONTH = 730

# CPU units -> (lowest memory MiB, highest memory MiB, step MiB); "task-cpu-memory-error", read 2026-12-03.
# 256 allows exactly 512, 1024, 2048 (not a constant step): it is listed as its own set below.
TASK_SIZES: dict[int, tuple[int, int, int]] = {
    256: (512, 2048, 0),
    512: (1024, 4096, 1024),
    1024: (2048, 8192, 1024),
    2048: (4096, 16384, 1024),
    4096: (8192, 30720, 1024),
    8192: (16384, 61440, 4096),  # Linux platform version 1.4.0 or later
    16384: (32768, 122880, 8192),  # Linux platform version 1.4.0 or later
}
MEMORY_FOR_QUARTER_VCPU = (512, 1024, 2048)

# us-east-1 Linux list prices, USD (see the module docstring for which are read from text and which from the table).
USD_PER_VCPU_HOUR = {"x86": 0.04048, "arm": 0.03238}
USD_PER_GB_HOUR = {"x86": 0.004445, "arm": 0.00356}
SPOT_DISCOUNT = 0.70  # "up to a 70% discount off the regular Fargate price": the most Spot saves, not a fixed rate
ARCHITECTURES = ("x86", "arm")


@checked
def allowed_memory_mib(cpu_units: int) -> tuple[int, ...]:
    """Every memory size (MiB) Fargate accepts with ``cpu_units``, smallest first.

    >>> allowed_memory_mib(256)
    (512, 1024, 2048)
    >>> allowed_memory_mib(8192)[:3]
    (16384, 20480, 24576)
    """
    if isinstance(cpu_units, bool) or not isinstance(cpu_units, int) or cpu_units not in TASK_SIZES:
        raise ValueError(f"cpu_units={cpu_units!r} is not a Fargate CPU size; allowed: {_cpu_list()}")
    return _memory_sizes(cpu_units)


@lru_cache(maxsize=16)
def _memory_sizes(cpu_units: int) -> tuple[int, ...]:
    if cpu_units == 256:
        return MEMORY_FOR_QUARTER_VCPU
    low, high, step = TASK_SIZES[cpu_units]
    return tuple(range(low, high + 1, step))


def _cpu_list() -> str:
    return ", ".join(f"{c} ({c / CPU_UNITS_PER_VCPU:g} vCPU)" for c in TASK_SIZES)


@checked
def memory_range_text(cpu_units: int) -> str:
    """The allowed memory for ``cpu_units`` in words, as the error messages say it.

    >>> memory_range_text(2048)
    '4096-16384 MiB in steps of 1024 MiB'
    >>> memory_range_text(256)
    '512, 1024 or 2048 MiB'
    """
    sizes = allowed_memory_mib(cpu_units)
    if cpu_units == 256:
        return "512, 1024 or 2048 MiB"
    return f"{sizes[0]}-{sizes[-1]} MiB in steps of {TASK_SIZES[cpu_units][2]} MiB"


@checked
def validate_task_size(cpu_units: int, memory_mib: int) -> tuple[int, int]:
    """``(cpu_units, memory_mib)`` if Fargate accepts the pair; otherwise ValueError naming the allowed range.

    >>> validate_task_size(1024, 3072)
    (1024, 3072)
    >>> validate_task_size(4096, 32768)
    Traceback (most recent call last):
    ...
    ValueError: memory_mib=32768 is not valid with cpu_units=4096 (4 vCPU) on Fargate: allowed 8192-30720 MiB in steps of 1024 MiB
    """
    if isinstance(cpu_units, bool) or not isinstance(cpu_units, int) or cpu_units not in TASK_SIZES:
        raise ValueError(f"cpu_units={cpu_units!r} is not a Fargate CPU size; allowed: {_cpu_list()}")
    if isinstance(memory_mib, bool) or not isinstance(memory_mib, int):
        raise ValueError(f"memory_mib must be a whole number of MiB, got {memory_mib!r}")
    if memory_mib not in _memory_sizes(cpu_units):
        raise ValueError(
            f"memory_mib={memory_mib} is not valid with cpu_units={cpu_units} ({cpu_units / CPU_UNITS_PER_VCPU:g} vCPU)"
            f" on Fargate: allowed {memory_range_text(cpu_units)}"
        )
    return cpu_units, memory_mib


@checked
def smallest_task_size(vcpu: float, memory_gib: float) -> tuple[int, int]:
    """The cheapest valid Fargate size with at least ``vcpu`` and ``memory_gib`` (what a task is rounded up to).

    >>> smallest_task_size(0.3, 1.5)
    (512, 2048)
    >>> smallest_task_size(3, 20)
    (4096, 20480)
    """
    need_cpu = validate.number("vcpu", vcpu, minimum=0, exclusive_minimum=True, maximum=16, unit="vCPU")
    need_mib = validate.number("memory_gib", memory_gib, minimum=0, exclusive_minimum=True, maximum=120, unit="GiB")
    best = None
    for cpu in TASK_SIZES:
        if cpu < need_cpu * CPU_UNITS_PER_VCPU - 1e-9:
            continue
        memory = next((m for m in _memory_sizes(cpu) if m >= need_mib * MIB_PER_GIB - 1e-9), None)
        if memory is None:
            continue
        price = task_usd_per_hour(cpu, memory)
        if best is None or price < best[0] - 1e-12:
            best = (price, cpu, memory)
    if best is None:
        raise ValueError(f"no Fargate size has {vcpu:g} vCPU and {memory_gib:g} GiB; the largest is 16 vCPU, 120 GiB")
    return best[1], best[2]


@checked
def task_usd_per_hour(
    cpu_units: int,
    memory_mib: int,
    *,
    architecture: str = "x86",
    spot: bool = False,
    usd_per_vcpu_hour: float | None = None,
    usd_per_gb_hour: float | None = None,
    spot_discount: float = SPOT_DISCOUNT,
) -> float:
    """What one running task costs per hour: vCPU-hours plus GB-hours (x86 or Arm; Spot takes its discount off).

    >>> round(task_usd_per_hour(1024, 2048), 5)
    0.04937
    >>> round(task_usd_per_hour(1024, 2048, architecture="arm"), 5)
    0.0395
    """
    validate_task_size(cpu_units, memory_mib)
    arch = validate.choice("architecture", architecture, ARCHITECTURES)
    if spot and arch == "arm":
        raise ValueError("spot=True with architecture='arm': Fargate Spot runs Linux/x86 tasks only")
    vcpu_rate = USD_PER_VCPU_HOUR[arch] if usd_per_vcpu_hour is None else usd_per_vcpu_hour
    gb_rate = USD_PER_GB_HOUR[arch] if usd_per_gb_hour is None else usd_per_gb_hour
    vcpu_rate = validate.number("usd_per_vcpu_hour", vcpu_rate, minimum=0, maximum=10, unit="USD")
    gb_rate = validate.number("usd_per_gb_hour", gb_rate, minimum=0, maximum=10, unit="USD")
    discount = validate.number("spot_discount", spot_discount, minimum=0, maximum=0.95)
    hourly = cpu_units / CPU_UNITS_PER_VCPU * vcpu_rate + memory_mib / MIB_PER_GIB * gb_rate
    return hourly * (1 - discount) if spot else hourly


@dataclass(frozen=True)
class FargateVsEc2:
    """The same tasks on Fargate and packed on EC2 instances at a utilisation; ``break_even_utilisation`` is where
    the two cost the same (EC2 is cheaper above it). All costs are USD per hour for the whole fleet."""

    tasks: int
    cpu_units: int
    memory_mib: int
    fargate_usd_per_hour: float
    instance_type: str
    instances: int
    ec2_usd_per_hour: float
    utilisation: float
    break_even_utilisation: float
    binding_resource: str
    instances_at_full_use: float  # instances' worth of the binding resource the tasks fill (fractional)
    instance_usd_per_hour: float

    def ec2_usd_per_hour_at(self, utilisation: float) -> float:
        """The EC2 fleet's cost at another utilisation (whole instances)."""
        use = validate.number("utilisation", utilisation, minimum=0.05, maximum=1.0)
        return math.ceil(round(self.instances_at_full_use / use, 9)) * self.instance_usd_per_hour

    @property
    def cheaper(self) -> str:
        """'Fargate' or 'EC2' (Fargate on a tie: no instances to run)."""
        return "EC2" if self.ec2_usd_per_hour < self.fargate_usd_per_hour else "Fargate"


@checked
def compare_with_ec2(
    tasks: int,
    cpu_units: int,
    memory_mib: int,
    *,
    instance_vcpu: int = 2,
    instance_memory_gib: float = 8.0,
    instance_usd_per_hour: float = 0.096,
    instance_type: str = "m5.large",
    utilisation: float = 0.6,
    architecture: str = "x86",
    spot: bool = False,
) -> FargateVsEc2:
    """``tasks`` copies of a task on Fargate against enough EC2 instances to hold them when the instances are used to
    ``utilisation`` of their binding resource (CPU or memory). Default instance: m5.large at its us-east-1 price.

    >>> r = compare_with_ec2(10, 1024, 2048, utilisation=0.6)
    >>> r.instances, round(r.fargate_usd_per_hour, 3), round(r.ec2_usd_per_hour, 3), round(r.break_even_utilisation, 3)
    (9, 0.494, 0.864, 0.972)
    >>> round(r.ec2_usd_per_hour_at(1.0), 3)
    0.48
    """
    count = validate.integer("tasks", tasks, minimum=1, maximum=100_000)
    validate_task_size(cpu_units, memory_mib)
    vcpu = validate.integer("instance_vcpu", instance_vcpu, minimum=1, maximum=448)
    memory = validate.number("instance_memory_gib", instance_memory_gib, minimum=0.5, maximum=24_576, unit="GiB")
    price = validate.number("instance_usd_per_hour", instance_usd_per_hour, minimum=0, maximum=500, unit="USD")
    use = validate.number("utilisation", utilisation, minimum=0.05, maximum=1.0)
    if not isinstance(instance_type, str) or not instance_type:
        raise ValueError(f"instance_type must be a non-empty string, got {instance_type!r}")
    fargate = count * task_usd_per_hour(cpu_units, memory_mib, architecture=architecture, spot=spot)
    cpu_share = cpu_units / CPU_UNITS_PER_VCPU / vcpu
    memory_share = memory_mib / MIB_PER_GIB / memory
    if cpu_share > 1 or memory_share > 1:
        raise ValueError(
            f"a task of {cpu_units} CPU units and {memory_mib} MiB does not fit on one {instance_type} "
            f"({vcpu} vCPU, {memory:g} GiB)"
        )
    binding = "CPU" if cpu_share >= memory_share else "memory"
    instance_fraction = count * max(cpu_share, memory_share)  # instances' worth of the binding resource
    instances = math.ceil(round(instance_fraction / use, 9))
    ec2 = instances * price
    # at 100% utilisation the fleet needs instance_fraction instances; at u it needs instance_fraction / u
    break_even = instance_fraction * price / fargate if fargate > 0 else float("inf")
    return FargateVsEc2(
        tasks=count,
        cpu_units=cpu_units,
        memory_mib=memory_mib,
        fargate_usd_per_hour=fargate,
        instance_type=instance_type,
        instances=instances,
        ec2_usd_per_hour=ec2,
        utilisation=use,
        break_even_utilisation=break_even,
        binding_resource=binding,
        instances_at_full_use=instance_fraction,
        instance_usd_per_hour=price,
    )


@checked
def task_size_table() -> list[dict]:
    """Fargate's size table as rows: CPU units, vCPU, lowest and highest memory (MiB), step, and sizes allowed.

    >>> task_size_table()[-1]
    {'cpu': 16384, 'vCPU': 16.0, 'memory from (MiB)': 32768, 'memory to (MiB)': 122880, 'step (MiB)': 8192, 'sizes': 12}
    """
    rows = []
    for cpu, (low, high, step) in TASK_SIZES.items():
        rows.append(
            {
                "cpu": cpu,
                "vCPU": cpu / CPU_UNITS_PER_VCPU,
                "memory from (MiB)": low,
                "memory to (MiB)": high,
                "step (MiB)": step if step else "512, 1024, 2048",
                "sizes": len(_memory_sizes(cpu)),
            }
        )
    return rows
