"""Exercises for 09_efs: how long a file system can burst, when its credits run out, which throughput mode to pay for.

Each answer comes from :mod:`awslab.storage.efs`, whose References cite the EFS performance page.

References:
    - Amazon EFS User Guide, "Amazon EFS performance",
      https://docs.aws.amazon.com/efs/latest/ug/performance.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.storage import efs

SIZE_GIB = 768
_PERF = efs.bursting_performance(SIZE_GIB)

burst_minutes = exercises.number(
    "efs-1",
    "How long can a 768 GiB file system burst each day?",
    task=(
        f"A Bursting file system holds **{SIZE_GIB} GiB** in the Standard class and is idle except when it bursts. "
        "For how many minutes a day can it run at its full burst rate without its credit balance falling over time?"
    ),
    answer=_PERF.burst_minutes_per_day,
    hint=(
        "It earns its baseline (50 MiB/s per TiB) all day and spends at its burst rate (100 MiB/s below 1 TiB) "
        "while bursting: the share of the day is baseline / burst. `efs.bursting_performance(768)` has it."
    ),
    solution=(
        f"{_PERF.burst_minutes_per_day:,.0f} minutes: the baseline is 0.75 TiB x 50 = {_PERF.baseline_mibps:g} MiB/s "
        f"and the burst rate {_PERF.burst_mibps:g} MiB/s, so it may burst {_PERF.burst_share_of_day:.1%} of 1,440 "
        "minutes. A file system of 1 TiB or more reaches the ceiling of 720 minutes (half the day)."
    ),
    unit="min",
)

SIZE2, AVERAGE, PEAK, READS = 300, 20.0, 60.0, 0.75
_COSTS = efs.mode_costs(SIZE2, average_mibps=AVERAGE, peak_mibps=PEAK, read_share=READS)
_BEST = min((c for c in _COSTS if c.serves_workload), key=lambda c: c.total_usd)

cheapest_mode = exercises.choice(
    "efs-2",
    "Which throughput mode is cheapest here?",
    task=(
        f"A {SIZE2} GiB file system serves **{AVERAGE:g} MiB/s on average** and **{PEAK:g} MiB/s at peak**, and "
        f"**{READS:.0%} of the traffic is reads**. Which throughput mode gives the smallest monthly bill while "
        "serving the workload (prices as in the notebook)?"
    ),
    choices=("bursting", "provisioned", "elastic"),
    answer=_BEST.mode,
    hint=(
        "Reads are metered at a third: work out the metered average and peak and compare them with what "
        f"{SIZE2} GiB earns. `efs.mode_costs({SIZE2}, average_mibps={AVERAGE:g}, peak_mibps={PEAK:g}, read_share={READS})`."
    ),
    solution=(
        f"{_BEST.mode.capitalize()}: metered, the workload averages {AVERAGE * (READS / 3 + 1 - READS):.1f} MiB/s, "
        f"within the {efs.bursting_performance(SIZE2).baseline_mibps:.2f} MiB/s the size earns, and peaks at "
        f"{PEAK * (READS / 3 + 1 - READS):.1f} MiB/s, under the 100 MiB/s burst rate. Bursting costs storage only; "
        "counting every read in full (no one-third metering) would wrongly rule it out."
    ),
)
