"""Exercises for 02_building_blocks: S3 RTC's late objects, and when a compliance-mode Vault Lock stops moving.

>>> rtc_late.check(rtc_late.answer).right, vault_lock_date.check("3").right
(True, False)

References:
    - AWS CloudFormation, "AWS::Backup::BackupVault LockConfigurationType",
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupvault-lockconfigurationtype.html
      (read 2026-12-03)
    - Amazon S3 User Guide, "Replicating objects using S3 Replication Time Control",
      https://docs.aws.amazon.com/AmazonS3/latest/dev/replication-walkthrough-5.html (read 2026-12-03)
"""

from __future__ import annotations

import json

from awslab import exercises
from awslab.resilience import blocks

_OBJECTS = 20_000_000
rtc_late = exercises.number(
    "building-blocks-1",
    "Objects outside S3 RTC's 15 minutes",
    task=(
        f"A bucket replicates **{_OBJECTS:,}** new objects a month with S3 Replication Time Control. How many of "
        "them may, under the service's commitment, take longer than 15 minutes to reach the other Region?"
    ),
    answer=blocks.rtc_late_objects(_OBJECTS),
    unit="objects",
    hint="RTC replicates 99.99% of objects within 15 minutes; the rest is 0.01%.",
    solution=f"{_OBJECTS:,} x 0.01% = **{blocks.rtc_late_objects(_OBJECTS):,.0f}** objects.",
)

_CONFIG = blocks.vault_lock_configuration("prod-vault", 35, changeable_for_days=7)
vault_lock_date = exercises.number(
    "building-blocks-2",
    "The last day to undo a Vault Lock",
    task=(
        "You apply this configuration to a vault:\n\n"
        f"```json\n{json.dumps(_CONFIG)}\n```\n\n"
        "From which day after applying it can nobody, AWS included, change or delete the lock?"
    ),
    answer=blocks.vault_lock_state(_CONFIG, 0).lock_date_day,
    unit="days",
    hint="ChangeableForDays sets the lock date; before it the lock is in its grace time.",
    solution="ChangeableForDays = 7: the lock is immutable from **day 7** (3 is the least allowed: 72 hours).",
)
