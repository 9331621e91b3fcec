"""Exercises for 06_ebs: how long a gp2 burst lasts, what deleting a snapshot frees, which data survives.

References:
    - Amazon EBS User Guide, "Amazon EBS General Purpose SSD volumes" (gp2 I/O credits and burst performance),
      https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html (read 2026-12-03)
    - Amazon EBS User Guide, "How Amazon EBS snapshots work",
      https://docs.aws.amazon.com/ebs/latest/userguide/how_snapshots_work.html (read 2026-12-03)
    - Amazon EC2 User Guide, "Preserve data when an instance is terminated",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/preserving-volumes-on-termination.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.storage import ebs, ebs_snapshots

_GP2 = ebs.gp2_performance(500)
_MINUTES = _GP2.burst_seconds / 60

gp2_burst = exercises.number(
    "ebs-1",
    "How long does a 500 GiB gp2 volume burst?",
    task=(
        "A **500 GiB** gp2 volume with a full credit bucket is driven at **3,000 IOPS** without a pause. After how "
        "many minutes is the bucket empty?"
    ),
    answer=_MINUTES,
    hint=(
        "Read the 500 GiB row of the burst table, or call `ebs.gp2_performance(500)`. While it bursts, the volume "
        "keeps earning credits at its baseline rate, so the bucket drains at 3,000 minus the baseline."
    ),
    solution=(
        f"{_MINUTES:.0f} minutes. Baseline = 3 IOPS/GiB x 500 = {_GP2.baseline_iops:,.0f} IOPS; the "
        f"{ebs.GP2_CREDIT_CAP / 1e6:g} million credits drain at 3,000 - {_GP2.baseline_iops:,.0f} = {3000 - _GP2.baseline_iops:,.0f} a second: "
        f"{_GP2.burst_seconds:,.0f} s. Dividing by the full 3,000 gives {ebs.GP2_CREDIT_CAP / 3000 / 60:.0f} minutes, the "
        "classic slip."
    ),
    unit="minutes",
)

# Ten 512 KiB blocks. Snapshot 0 after writing all ten, snapshot 1 after rewriting 0-3, snapshot 2 after rewriting 2-5.
WRITES = [list(range(10)), [0, 1, 2, 3], [2, 3, 4, 5]]
_CHAIN = ebs_snapshots.take_snapshots(10, WRITES)
_DELETION = ebs_snapshots.delete_snapshot(_CHAIN, "snap-0001")

snapshot_freed = exercises.number(
    "ebs-2",
    "How many blocks does deleting the middle snapshot free?",
    task=(
        "A ten-block volume: you write all ten blocks and take `snap-0000`; rewrite blocks 0-3 and take `snap-0001`; "
        "rewrite blocks 2-5 and take `snap-0002`. You delete `snap-0001`. How many blocks of storage are freed?"
    ),
    answer=_DELETION.freed_blocks,
    hint=(
        "`snap-0001` stores the four blocks it changed. Which of them does `snap-0002` still need to restore the "
        "whole volume? Check with `ebs_snapshots.delete_snapshot(ebs_snapshots.take_snapshots(10, writes), "
        "'snap-0001')`."
    ),
    solution=(
        f"{_DELETION.freed_blocks}. `snap-0001` holds versions of blocks 0-3. `snap-0002` rewrote 2 and 3, so those "
        f"versions are needed by no one and are freed; blocks 0 and 1 are still part of `snap-0002`'s image, so "
        f"{_DELETION.moved_blocks} are handed to it. Answering 4 forgets that a later snapshot refers to older blocks."
    ),
    unit="blocks",
    tolerance=0.0,
)

_SURVIVES = {
    "instance store, after a stop": ebs_snapshots.data_after("instance-store", "stop"),
    "EBS root volume, after termination (default settings)": ebs_snapshots.data_after("ebs", "terminate", root=True),
    "EBS data volume attached after launch, after termination (default settings)": ebs_snapshots.data_after(
        "ebs", "terminate", root=False
    ),
    "instance store, after hibernation": ebs_snapshots.data_after("instance-store", "hibernate"),
}
_KEPT = [name for name, outcome in _SURVIVES.items() if outcome == "kept"]
assert len(_KEPT) == 1, _KEPT

data_survives = exercises.choice(
    "ebs-3",
    "Whose data is still there?",
    task="Which of these still holds its data afterwards?",
    choices=tuple(_SURVIVES),
    answer=_KEPT[0],
    hint=(
        "Instance store lives and dies with the host; for EBS at termination, look at each volume's "
        "`DeleteOnTermination` default (`ebs_snapshots.data_after`)."
    ),
    solution=(
        f"The {_KEPT[0]}: `DeleteOnTermination` defaults to true only for the root volume, so an attached data volume "
        "stays (and is billed) after the instance is gone. Instance store survives a reboot only, not a stop or "
        "hibernation."
    ),
)
