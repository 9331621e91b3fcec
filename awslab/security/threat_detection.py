"""Threat detection services as data: what each one sees (its data sources), what question it answers, and a
decision table "which service tells me X".

Naming today (late 2026): the service that checks configuration against standards (AWS Foundational Security Best
Practices, CIS, PCI DSS, NIST) and gathers findings in the AWS Security Finding Format is **AWS Security Hub CSPM**.
The name **AWS Security Hub** now means the newer unified service (preview June 2025, generally available
December 2025) that correlates signals from GuardDuty, Inspector, Macie and Security Hub CSPM into exposure findings
and attack paths, in the OCSF format. The ``securityhub`` API (and boto3 client) is Security Hub CSPM's.

Each row of :data:`SERVICES` names the page its data sources were read from (all read 2026-12-03).

References:
    - Amazon GuardDuty API Reference, "Welcome" (foundational data sources),
      https://docs.aws.amazon.com/guardduty/latest/APIReference/Welcome.html (read 2026-12-03)
    - Amazon GuardDuty features, https://aws.amazon.com/guardduty/features/ (read 2026-12-03)
    - Amazon Inspector User Guide, "Amazon Inspector finding types",
      https://docs.aws.amazon.com/inspector/latest/user/findings-types.html (read 2026-12-03)
    - Amazon Macie API Reference, "Welcome", https://docs.aws.amazon.com/macie/latest/APIReference/welcome.html
      (read 2026-12-03)
    - AWS Security Hub CSPM API Reference, https://docs.aws.amazon.com/securityhub/1.0/APIReference/Welcome.html
      (read 2026-12-03)
    - AWS Security Hub User Guide, "Introduction to AWS Security Hub",
      https://docs.aws.amazon.com/securityhub/latest/userguide/what-is-securityhub-v2.html (read 2026-12-03)
    - AWS News Blog, "AWS Security Hub now generally available with near real-time analytics and risk
      prioritization", https://aws.amazon.com/blogs/aws/aws-security-hub-now-generally-available-with-near-real-time-analytics-and-risk-prioritization/
      (read 2026-12-03)
    - Amazon Detective API Reference, "Welcome", https://docs.aws.amazon.com/detective/latest/APIReference/Welcome.html
      (read 2026-12-03)
    - AWS Shield Advanced API Reference, "CreateSubscription",
      https://docs.aws.amazon.com/waf/latest/DDOSAPIReference/API_CreateSubscription.html (read 2026-12-03)
    - AWS Network Firewall Developer Guide, "Firewall components" and "Managing your own rule groups",
      https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-components.html (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

DATA_SOURCES = (
    "CloudTrail management events",
    "CloudTrail S3 data events",
    "VPC Flow Logs",
    "DNS query logs",
    "EKS audit logs",
    "runtime agent (EC2, ECS, EKS)",
    "EBS volumes / S3 objects (malware scan)",
    "RDS / Aurora login events",
    "software packages and code",
    "S3 objects' content",
    "resource configuration (AWS Config)",
    "network configuration (routes, security groups)",
    "other services' findings",
    "VPC packets and flows",
    "HTTP(S) requests",
    "traffic to protected edge resources",
)


@dataclass(frozen=True)
class Service:
    """One service: the kind of job it does, what it sees, the question it answers, and where that was read.

    >>> SERVICES["Amazon Macie"].sees
    ("S3 objects' content", 'resource configuration (AWS Config)')
    """

    name: str
    job: str
    sees: tuple[str, ...]
    answers: str
    source_title: str
    source_url: str


_GD = "https://docs.aws.amazon.com/guardduty/latest/APIReference/Welcome.html"
SERVICES = {
    s.name: s
    for s in (
        Service(
            "Amazon GuardDuty",
            "detect threats",
            (
                "CloudTrail management events",
                "CloudTrail S3 data events",
                "VPC Flow Logs",
                "DNS query logs",
                "EKS audit logs",
                "runtime agent (EC2, ECS, EKS)",
                "EBS volumes / S3 objects (malware scan)",
                "RDS / Aurora login events",
            ),
            "Is something malicious happening right now (compromised instance or credentials, crypto mining, "
            "calls to known bad hosts, malware)?",
            "Amazon GuardDuty API Reference, Welcome; GuardDuty features",
            _GD,
        ),
        Service(
            "Amazon Inspector",
            "find vulnerabilities",
            ("software packages and code", "network configuration (routes, security groups)"),
            "Which EC2 instances, ECR images and Lambda functions carry known CVEs or code flaws, and which are "
            "reachable from the network?",
            "Amazon Inspector finding types",
            "https://docs.aws.amazon.com/inspector/latest/user/findings-types.html",
        ),
        Service(
            "Amazon Macie",
            "find sensitive data",
            ("S3 objects' content", "resource configuration (AWS Config)"),
            "Where in S3 is sensitive data (PII, financial data, credentials), and which buckets are public, shared "
            "or unencrypted?",
            "Amazon Macie API Reference, Welcome",
            "https://docs.aws.amazon.com/macie/latest/APIReference/welcome.html",
        ),
        Service(
            "AWS Security Hub CSPM",
            "check posture",
            ("resource configuration (AWS Config)", "other services' findings"),
            "Does my configuration meet AWS FSBP, CIS, PCI DSS or NIST controls, and what are all my findings in one "
            "format across accounts?",
            "AWS Security Hub CSPM API Reference",
            "https://docs.aws.amazon.com/securityhub/1.0/APIReference/Welcome.html",
        ),
        Service(
            "AWS Security Hub",
            "prioritise risk",
            ("other services' findings",),
            "Which findings together make a real exposure of a resource (attack path), and what should I fix first?",
            "AWS Security Hub User Guide, Introduction",
            "https://docs.aws.amazon.com/securityhub/latest/userguide/what-is-securityhub-v2.html",
        ),
        Service(
            "Amazon Detective",
            "investigate",
            ("CloudTrail management events", "VPC Flow Logs", "EKS audit logs", "other services' findings"),
            "What happened around this finding: which entities, which calls and connections, since when?",
            "Amazon Detective API Reference, Welcome",
            "https://docs.aws.amazon.com/detective/latest/APIReference/Welcome.html",
        ),
        Service(
            "AWS Shield Standard",
            "absorb DDoS",
            ("traffic to protected edge resources",),
            "Nothing to ask: common network and transport layer DDoS attacks are mitigated for every customer, "
            "at no charge.",
            "AWS Shield Advanced API Reference, CreateSubscription (Shield overview)",
            "https://docs.aws.amazon.com/waf/latest/DDOSAPIReference/API_CreateSubscription.html",
        ),
        Service(
            "AWS Shield Advanced",
            "respond to DDoS",
            ("traffic to protected edge resources", "HTTP(S) requests"),
            "Am I under a DDoS attack on my load balancers, CloudFront, Route 53 or Elastic IPs, who helps (Shield "
            "Response Team), and will AWS credit the scaling it caused?",
            "AWS Shield Advanced API Reference, CreateSubscription",
            "https://docs.aws.amazon.com/waf/latest/DDOSAPIReference/API_CreateSubscription.html",
        ),
        Service(
            "AWS Network Firewall",
            "filter VPC traffic",
            ("VPC packets and flows",),
            "Which traffic in and out of my VPC should be dropped, passed or alerted on, by address, port, domain "
            "(TLS SNI, HTTP host) or Suricata signature?",
            "AWS Network Firewall Developer Guide, Firewall components",
            "https://docs.aws.amazon.com/network-firewall/latest/developerguide/firewall-components.html",
        ),
        Service(
            "AWS WAF",
            "filter HTTP requests",
            ("HTTP(S) requests",),
            "Which web requests to CloudFront, an ALB or API Gateway are attacks (SQL injection, XSS, bots, floods) "
            "to block? (see 05_more_security_services)",
            "AWS WAF Developer Guide (see 05_more_security_services)",
            "https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html",
        ),
    )
}


@dataclass(frozen=True)
class Question:
    """A "which service tells me X" question: the signal, the service that answers it, why, and a runner-up.

    >>> QUESTIONS["stolen-credentials"].service
    'Amazon GuardDuty'
    """

    id: str
    text: str
    service: str
    why: str
    not_this: str
    label: str = ""  # a short name for buttons and dropdowns


_SHORT = {
    "c2-traffic": "C2 traffic from EC2",
    "stolen-credentials": "stolen role credentials",
    "ecr-cve": "CVE in an ECR image",
    "lambda-dependency": "vulnerable Lambda library",
    "s3-card-numbers": "card numbers in S3",
    "cis-benchmark": "fails CIS benchmark",
    "attack-path": "exposure / attack path",
    "investigate-role": "what did this role do?",
    "eks-miner": "miner in an EKS pod",
    "malware-upload": "malware uploaded to S3",
    "ddos-response": "big DDoS: help + credits",
    "free-ddos": "free L3/L4 DDoS shield",
    "egress-domains": "egress domain allow list",
    "sql-injection": "SQL injection on ALB",
}

QUESTIONS = {
    q.id: Question(q.id, q.text, q.service, q.why, q.not_this, _SHORT[q.id])
    for q in (
        Question(
            "c2-traffic",
            "An EC2 instance is talking to a known command-and-control host",
            "Amazon GuardDuty",
            "GuardDuty matches VPC Flow Logs and DNS query logs against threat intelligence.",
            "Network Firewall could block the host if you knew it; it does not tell you about it.",
        ),
        Question(
            "stolen-credentials",
            "An instance's role credentials are being used from outside AWS",
            "Amazon GuardDuty",
            "GuardDuty watches CloudTrail management events for credential exfiltration.",
            "Detective shows the history afterwards; it does not raise the alarm.",
        ),
        Question(
            "ecr-cve",
            "A container image in ECR has a critical CVE",
            "Amazon Inspector",
            "Inspector scans ECR images (and EC2, Lambda) for package vulnerabilities.",
            "GuardDuty Runtime Monitoring sees behaviour, not package versions.",
        ),
        Question(
            "lambda-dependency",
            "A Lambda function ships a vulnerable library",
            "Amazon Inspector",
            "Inspector's Lambda standard scanning checks function and layer dependencies.",
            "Security Hub CSPM shows Inspector's finding but does not scan code.",
        ),
        Question(
            "s3-card-numbers",
            "An S3 bucket holds credit card numbers",
            "Amazon Macie",
            "Macie samples and inspects S3 objects with managed data identifiers.",
            "GuardDuty S3 Protection sees API calls on the bucket, not what the objects contain.",
        ),
        Question(
            "cis-benchmark",
            "The account fails the CIS AWS Foundations Benchmark",
            "AWS Security Hub CSPM",
            "Security Hub CSPM runs the CIS and FSBP controls through AWS Config.",
            "AWS Config alone evaluates rules but has no standards score.",
        ),
        Question(
            "attack-path",
            "Which internet-reachable instance with a critical CVE also has an admin role?",
            "AWS Security Hub",
            "Security Hub correlates Inspector, CSPM and GuardDuty signals into exposure findings.",
            "Security Hub CSPM lists the findings one by one without correlating them.",
        ),
        Question(
            "investigate-role",
            "What else did this IAM role do around a GuardDuty finding?",
            "Amazon Detective",
            "Detective's behavior graph links CloudTrail, VPC Flow Logs and GuardDuty findings over time.",
            "GuardDuty reports the finding but not the surrounding history.",
        ),
        Question(
            "eks-miner",
            "A crypto-mining process runs in an EKS pod",
            "Amazon GuardDuty",
            "GuardDuty Runtime Monitoring's agent sees processes in EKS, ECS and EC2.",
            "Inspector finds vulnerable packages, not running processes.",
        ),
        Question(
            "malware-upload",
            "A user uploaded malware to an S3 bucket",
            "Amazon GuardDuty",
            "GuardDuty Malware Protection scans new S3 objects and EBS volumes.",
            "Macie looks for sensitive data, not malware.",
        ),
        Question(
            "ddos-response",
            "A large DDoS hits my ALB: I want expert help and cost protection",
            "AWS Shield Advanced",
            "Shield Advanced adds the Shield Response Team and credits for attack-driven scaling.",
            "Shield Standard mitigates common attacks but offers no response team or cost protection.",
        ),
        Question(
            "free-ddos",
            "Basic protection from common network-layer DDoS, at no charge",
            "AWS Shield Standard",
            "Every AWS customer has Shield Standard automatically.",
            "Shield Advanced is a paid subscription with a one-year commitment.",
        ),
        Question(
            "egress-domains",
            "Drop VPC outbound traffic to domains not on an allow list",
            "AWS Network Firewall",
            "Network Firewall's stateful domain-list rules match TLS SNI and HTTP host names.",
            "Security groups filter by address and port only; WAF sees inbound HTTP only.",
        ),
        Question(
            "sql-injection",
            "Block SQL injection in requests to my ALB",
            "AWS WAF",
            "WAF inspects HTTP requests at layer 7 with managed rule groups.",
            "Network Firewall's Suricata rules can match payloads but are not built for web application rules.",
        ),
    )
}


@checked
def which_service(question_id: str) -> Question:
    """The question ``question_id`` (a key of :data:`QUESTIONS`) with the service that answers it.

    >>> which_service("s3-card-numbers").service
    'Amazon Macie'
    """
    return QUESTIONS[validate.choice("question_id", question_id, QUESTIONS)]


@checked
def services_seeing(data_source: str) -> tuple[str, ...]:
    """The services that read ``data_source`` (one of :data:`DATA_SOURCES`).

    >>> services_seeing("VPC Flow Logs")
    ('Amazon GuardDuty', 'Amazon Detective')
    """
    data_source = validate.choice("data_source", data_source, DATA_SOURCES)
    return tuple(name for name, s in SERVICES.items() if data_source in s.sees)


@checked
def coverage_table() -> pd.DataFrame:
    """Services x data sources: True where the service reads that source.

    >>> int(coverage_table().to_numpy().sum())
    24
    """
    import pandas as pd

    return pd.DataFrame(
        [[source in s.sees for source in DATA_SOURCES] for s in SERVICES.values()],
        index=list(SERVICES),
        columns=list(DATA_SOURCES),
    )


@checked
def service_table() -> pd.DataFrame:
    """One row per service: its job, what it sees, what it answers and the page that says so.

    >>> service_table().loc["Amazon Detective", "job"]
    'investigate'
    """
    import pandas as pd

    return pd.DataFrame(
        [
            {"service": s.name, "job": s.job, "sees": "; ".join(s.sees), "answers": s.answers, "source": s.source_title}
            for s in SERVICES.values()
        ]
    ).set_index("service")


@checked
def finding_asff(question_id: str, *, account_id: str = "123456789012", region: str = "us-east-1") -> dict:
    """A minimal AWS Security Finding Format (ASFF) finding for ``question_id``, as a product would send it to
    Security Hub CSPM's BatchImportFindings (fixed timestamps so that outputs stay deterministic).

    >>> finding_asff("c2-traffic")["ProductFields"]["aws/securityhub/ProductName"]
    'GuardDuty'
    """
    q = which_service(question_id)
    if not (isinstance(account_id, str) and len(account_id) == 12 and account_id.isdigit()):
        raise ValueError(f"account_id={account_id!r} must be 12 digits")
    region = validate.choice("region", region, ("us-east-1", "us-east-2", "us-west-2", "eu-west-1"))
    product = q.service.replace("Amazon ", "").replace("AWS ", "")
    return {
        "SchemaVersion": "2018-10-08",
        "Id": f"{region}/{account_id}/{q.id}",
        "ProductArn": f"arn:aws:securityhub:{region}:{account_id}:product/{account_id}/default",
        "GeneratorId": q.service,
        "AwsAccountId": account_id,
        "Types": ["TTPs/Command and Control"] if q.id == "c2-traffic" else ["Software and Configuration Checks"],
        "CreatedAt": "2026-12-03T09:00:00Z",
        "UpdatedAt": "2026-12-03T09:00:00Z",
        "Severity": {"Label": "HIGH"},
        "Title": q.text,
        "Description": q.why,
        "Resources": [{"Type": "Other", "Id": f"{q.id}-resource"}],
        "ProductFields": {"aws/securityhub/ProductName": product},
    }
