"""Exercises for 01_shared_responsibility, answered by the responsibility matrix of awslab.security.responsibility.

>>> rds_patches.answer, lambda_layers.answer
('AWS', 5)

References:
    - AWS, "Shared Responsibility Model",
      https://aws.amazon.com/compliance/shared-responsibility-model/ (read 2026-11-27)
"""

from __future__ import annotations

from awslab import exercises
from awslab.security import responsibility

GUEST_OS = "Guest operating system patches"

rds_patches = exercises.choice(
    "shared-responsibility-1",
    "Who patches the database server?",
    task=(
        "Your team runs PostgreSQL on Amazon RDS. A security bulletin announces a fix for the operating system of "
        "the database server. In the course's matrix, who applies the guest operating system patch?"
    ),
    choices=responsibility.PARTIES,
    answer=responsibility.who_secures(GUEST_OS, "RDS"),
    hint="Open the matrix explorer, pick a set with RDS and read the row 'Guest operating system patches'.",
    solution=(
        "AWS: RDS is a managed (container) service, so AWS patches the operating system and the database engine "
        "during the maintenance window you choose. On EC2 the same row is the customer's."
    ),
)


def _customer_only_layers(service: str) -> int:
    return int((responsibility.responsibility_table((service,))[service] == "Customer").sum())


lambda_layers = exercises.number(
    "shared-responsibility-2",
    "Count what stays yours on Lambda",
    task=(
        "Count the layers of the matrix (15 rows) that the customer owns *alone* for AWS Lambda (not the 'Shared' "
        f"ones). For comparison, EC2 leaves {_customer_only_layers('EC2')} of them to the customer."
    ),
    answer=_customer_only_layers("Lambda"),
    tolerance=0,
    hint="Pick 'all four' in the matrix explorer and count the 'Customer' cells of the Lambda column only.",
    solution=(
        "5: application code, IAM, resource policies, backups and the data itself. Network rules, encryption at "
        "rest and in transit are Shared on Lambda (AWS runs the platform, you configure it), and everything from "
        "the hardware up to the runtime is AWS's."
    ),
)
