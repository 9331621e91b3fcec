"""Sample IAM policies, actions, resources and a request context that the IAM notebook and its explorers start from.

The policies are written in AWS's own policy grammar; "AmazonS3ReadOnlyAccess" is the AWS managed policy of that name
without its last action (s3-object-lambda:List*), which no request of the notebook uses.

>>> sorted(GRID_PRESETS)[0], len(DEMO_ACTIONS)
('AmazonS3ReadOnlyAccess', 6)

References:
    - IAM User Guide, "IAM JSON policy element reference",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html (read 2026-12-03)
    - AWS Managed Policy Reference, "AmazonS3ReadOnlyAccess",
      https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3ReadOnlyAccess.html (read 2026-12-03)
"""

from __future__ import annotations

DEMO_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "ReadReports",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"],
        },
        {
            "Sid": "WriteOwnFolderWithMfa",
            "Effect": "Allow",
            "Action": "s3:PutObject",
            "Resource": "arn:aws:s3:::reports/${aws:username}/*",
            "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}},
        },
        {
            "Sid": "NeverDeleteFromOutside",
            "Effect": "Deny",
            "Action": "s3:DeleteObject",
            "Resource": "*",
            "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
        },
        {
            "Sid": "DeleteInOwnFolder",
            "Effect": "Allow",
            "Action": "s3:DeleteObject",
            "Resource": "arn:aws:s3:::reports/*",
        },
    ],
}
DEMO_ACTIONS = [
    "s3:GetObject",
    "s3:PutObject",
    "s3:DeleteObject",
    "s3:ListBucket",
    "ec2:StartInstances",
    "iam:CreateUser",
]
DEMO_CONTEXT = {"aws:username": "alice", "aws:SourceIp": "198.51.100.7"}

GRID_PRESETS = {
    "the demo policy": DEMO_POLICY,
    "AmazonS3ReadOnlyAccess": {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": ["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*"],
                "Resource": "*",
            }
        ],
    },
    "admin except IAM (NotAction)": {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}],
    },
    "allow all, deny the prod bucket": {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Effect": "Deny", "Action": "s3:*", "Resource": ["arn:aws:s3:::prod", "arn:aws:s3:::prod/*"]},
        ],
    },
}
GRID_RESOURCES = "arn:aws:s3:::reports, arn:aws:s3:::reports/alice/a.csv, arn:aws:s3:::prod/b.csv, *"
