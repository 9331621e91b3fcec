"""Exercises for 09_threat_detection; answers come from :mod:`awslab.security.threat_detection`.

References:
    - AWS Security Hub User Guide, "Introduction to AWS Security Hub",
      https://docs.aws.amazon.com/securityhub/latest/userguide/what-is-securityhub-v2.html (read 2026-12-03)
    - Amazon GuardDuty API Reference, "Welcome",
      https://docs.aws.amazon.com/guardduty/latest/APIReference/Welcome.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.security import threat_detection

_PATH = threat_detection.which_service("attack-path")
attack_path = exercises.choice(
    "threat-detection-1",
    "Which finding matters most?",
    task=(
        "Inspector reports a critical CVE on an instance, Security Hub CSPM reports that its security group is open "
        "to the internet, and the instance's role can read every S3 bucket. Which service puts these together into "
        "one exposure finding?"
    ),
    choices=tuple(threat_detection.SERVICES)[:6],
    answer=_PATH.service,
    hint="Look for the service whose only data source is other services' findings.",
    solution=f"{_PATH.service}: {_PATH.why}",
)

_FLOW = threat_detection.services_seeing("VPC Flow Logs")
flow_log_readers = exercises.number(
    "threat-detection-2",
    "Who reads VPC Flow Logs?",
    task="Of the services in this notebook's table, how many read VPC Flow Logs?",
    answer=len(_FLOW),
    hint="Use the data-source explorer, or `threat_detection.services_seeing`.",
    solution=f"{len(_FLOW)}: {', '.join(_FLOW)}. GuardDuty reads them to detect, Detective to investigate.",
)
