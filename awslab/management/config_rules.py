"""AWS Config: managed rules evaluated over configuration items, and the compliance timeline they produce.

Inputs use AWS Config's shapes: a rule as given to PutConfigRule (``ConfigRuleName``, ``Source.SourceIdentifier``,
``Scope.ComplianceResourceTypes``, ``InputParameters`` as a JSON string) and configuration items as returned by
get-resource-config-history (``resourceType``, ``resourceId``, ``configurationItemCaptureTime``,
``configurationItemStatus``, ``configuration``, ``supplementaryConfiguration``, ``tags``). Rule semantics follow the
managed-rule pages, https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html
(read 2026-11-27); each evaluator below names its page.

References:
    - AWS Config Developer Guide, "List of AWS Config managed rules",
      https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html (read 2026-11-27)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

COMPLIANCE_TYPES = ("COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE")
DELETED_STATUSES = ("ResourceDeleted", "ResourceDeletedNotRecorded")


def _open_ranges(permission: Mapping[str, Any]) -> bool:
    """Whether an inbound permission (Config item shape, either casing) is open to 0.0.0.0/0 or ::/0."""
    cidrs = list(permission.get("ipRanges", []))
    cidrs += [r.get("cidrIp") or r.get("CidrIp") for r in permission.get("ipv4Ranges", permission.get("IpRanges", []))]
    v6 = permission.get("ipv6Ranges", permission.get("Ipv6Ranges", []))
    cidrs += [r.get("cidrIpv6") or r.get("CidrIpv6") for r in v6]
    return any(c in ("0.0.0.0/0", "::/0") for c in cidrs)


def _covers_port(permission: Mapping[str, Any], port: int) -> bool:
    protocol = str(permission.get("ipProtocol", permission.get("IpProtocol", "-1")))
    if protocol == "-1":
        return True
    if protocol not in ("tcp", "6"):
        return False
    low = permission.get("fromPort", permission.get("FromPort"))
    high = permission.get("toPort", permission.get("ToPort"))
    return low is not None and high is not None and low <= port <= high


def _restricted_ports(item: Mapping[str, Any], params: Mapping[str, str], default_ports: tuple[int, ...]) -> str:
    ports = default_ports
    for key in ("blockedPort1", "blockedPort2", "blockedPort3", "blockedPort4", "blockedPort5"):
        if key in params:
            ports = tuple(int(params[k]) for k in sorted(params) if k.startswith("blockedPort"))
            break
    for permission in (item.get("configuration") or {}).get("ipPermissions", []):
        if _open_ranges(permission) and any(_covers_port(permission, p) for p in ports):
            return "NON_COMPLIANT"
    return "COMPLIANT"


@checked
def restricted_ssh(item: Mapping[str, Any], params: Mapping[str, str]) -> str:
    """INCOMING_SSH_DISABLED (restricted-ssh): NON_COMPLIANT when TCP 22 is open to 0.0.0.0/0 or ::/0.

    >>> restricted_ssh({"configuration": {"ipPermissions": [{"fromPort": 22, "toPort": 22, "ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}]}]}, "resourceType": "AWS::EC2::SecurityGroup"}, {})
    'NON_COMPLIANT'
    """
    return _restricted_ports(item, {}, (22,))


@checked
def restricted_common_ports(item: Mapping[str, Any], params: Mapping[str, str]) -> str:
    """RESTRICTED_INCOMING_TRAFFIC (restricted-common-ports): blocked ports 20, 21, 3389, 3306, 4333 by default,
    overridable with blockedPort1..5 parameters.

    >>> restricted_common_ports({"configuration": {"ipPermissions": [{"fromPort": 22, "toPort": 22, "ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}]}]}, "resourceType": "AWS::EC2::SecurityGroup"}, {})
    'COMPLIANT'
    """
    return _restricted_ports(item, params, (20, 21, 3389, 3306, 4333))


@checked
def s3_bucket_versioning_enabled(item: Mapping[str, Any], params: Mapping[str, str]) -> str:
    """S3_BUCKET_VERSIONING_ENABLED: COMPLIANT when the bucket's versioning status is Enabled.

    >>> s3_bucket_versioning_enabled({"supplementaryConfiguration": {"BucketVersioningConfiguration": {"status": "Enabled"}}}, {})
    'COMPLIANT'
    """
    versioning = (item.get("supplementaryConfiguration") or {}).get("BucketVersioningConfiguration") or {}
    return "COMPLIANT" if versioning.get("status") == "Enabled" else "NON_COMPLIANT"


@checked
def encrypted_volumes(item: Mapping[str, Any], params: Mapping[str, str]) -> str:
    """ENCRYPTED_VOLUMES: attached EBS volumes must be encrypted; unattached volumes are NOT_APPLICABLE.

    >>> encrypted_volumes({"configuration": {"encrypted": False, "attachments": [{"instanceId": "i-1"}]}}, {})
    'NON_COMPLIANT'
    """
    configuration = item.get("configuration") or {}
    if not configuration.get("attachments"):
        return "NOT_APPLICABLE"
    return "COMPLIANT" if configuration.get("encrypted") else "NON_COMPLIANT"


@checked
def ec2_instance_no_public_ip(item: Mapping[str, Any], params: Mapping[str, str]) -> str:
    """EC2_INSTANCE_NO_PUBLIC_IP: NON_COMPLIANT when the instance has a public IPv4 address.

    >>> ec2_instance_no_public_ip({"configuration": {"publicIpAddress": "203.0.113.7"}}, {})
    'NON_COMPLIANT'
    """
    return "NON_COMPLIANT" if (item.get("configuration") or {}).get("publicIpAddress") else "COMPLIANT"


@checked
def required_tags(item: Mapping[str, Any], params: Mapping[str, str]) -> str:
    """REQUIRED_TAGS: tag1Key (required) .. tag6Key must be present, with the value tagNValue when given
    (comma-separated values allowed).

    >>> required_tags({"tags": {"team": "web"}}, {"tag1Key": "team"})
    'COMPLIANT'
    """
    tags = item.get("tags") or {}
    for n in range(1, 7):
        key = params.get(f"tag{n}Key")
        if key is None:
            continue
        if key not in tags:
            return "NON_COMPLIANT"
        wanted = params.get(f"tag{n}Value")
        if wanted is not None and tags[key] not in [v.strip() for v in wanted.split(",")]:
            return "NON_COMPLIANT"
    return "COMPLIANT"


# SourceIdentifier -> (evaluator, resource types in scope by default)
MANAGED_RULES: dict[str, tuple[Callable[[Mapping[str, Any], Mapping[str, str]], str], tuple[str, ...]]] = {
    "INCOMING_SSH_DISABLED": (restricted_ssh, ("AWS::EC2::SecurityGroup",)),
    "RESTRICTED_INCOMING_TRAFFIC": (restricted_common_ports, ("AWS::EC2::SecurityGroup",)),
    "S3_BUCKET_VERSIONING_ENABLED": (s3_bucket_versioning_enabled, ("AWS::S3::Bucket",)),
    "ENCRYPTED_VOLUMES": (encrypted_volumes, ("AWS::EC2::Volume",)),
    "EC2_INSTANCE_NO_PUBLIC_IP": (ec2_instance_no_public_ip, ("AWS::EC2::Instance",)),
    "REQUIRED_TAGS": (required_tags, ()),
}


@dataclass(frozen=True)
class _RuleParts:
    name: str
    evaluator: Callable[[Mapping[str, Any], Mapping[str, str]], str]
    scope: tuple[str, ...]
    params: dict[str, str]


def _rule_parts(rule: Mapping[str, Any]) -> _RuleParts:
    name = rule.get("ConfigRuleName")
    if not isinstance(name, str) or not name:
        raise ValueError(f"rule must have a ConfigRuleName string, got {rule!r}")
    identifier = (rule.get("Source") or {}).get("SourceIdentifier")
    if identifier not in MANAGED_RULES:
        raise ValueError(
            f"rule {name!r}: Source.SourceIdentifier={identifier!r} is not one of: {', '.join(MANAGED_RULES)}"
        )
    evaluator, default_scope = MANAGED_RULES[identifier]
    scope = tuple((rule.get("Scope") or {}).get("ComplianceResourceTypes") or default_scope)
    raw = rule.get("InputParameters") or "{}"
    if isinstance(raw, Mapping) and not isinstance(raw, dict):
        raw = dict(raw)
    params = validate.json_document(f"rule {name!r}: InputParameters", raw, expect=dict)
    if identifier == "REQUIRED_TAGS" and "tag1Key" not in params:
        raise ValueError(f"rule {name!r}: REQUIRED_TAGS needs InputParameters with tag1Key")
    return _RuleParts(name, evaluator, scope, {k: str(v) for k, v in params.items()})


@checked
def evaluate(rule: Mapping[str, Any], item: Mapping[str, Any]) -> str | None:
    """Compliance of one configuration item under one rule; None when the item's type is out of the rule's scope
    (Config records no evaluation) and NOT_APPLICABLE for a deleted resource.

    >>> rule = {"ConfigRuleName": "ssh", "Source": {"Owner": "AWS", "SourceIdentifier": "INCOMING_SSH_DISABLED"}}
    >>> evaluate(rule, {"configuration": {"ipPermissions": [{"fromPort": 22, "toPort": 22, "ipProtocol": "tcp", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}]}]}, "resourceType": "AWS::EC2::SecurityGroup"})
    'NON_COMPLIANT'
    """
    parts = _rule_parts(rule)
    if parts.scope and item.get("resourceType") not in parts.scope:
        return None
    if item.get("configurationItemStatus") in DELETED_STATUSES:
        return "NOT_APPLICABLE"
    return parts.evaluator(item, parts.params)


def _capture_time(item: Mapping[str, Any], i: int) -> datetime:
    raw = item.get("configurationItemCaptureTime")
    if isinstance(raw, datetime):
        return raw
    try:
        return datetime.fromisoformat(str(raw))
    except ValueError as exc:
        raise ValueError(
            f"configuration_items[{i}].configurationItemCaptureTime={raw!r} is not an ISO 8601 time"
        ) from exc


@checked
def compliance_timeline(
    rules: Sequence[Mapping[str, Any]], configuration_items: Sequence[Mapping[str, Any]]
) -> pd.DataFrame:
    """Every evaluation in capture-time order: one row per (configuration item, rule in scope).

    Columns: OrderingTimestamp, ConfigRuleName, ResourceType, ResourceId, ComplianceType, Changed (True when the
    result differs from that rule's previous result for the resource, or is its first).

    >>> len(compliance_timeline(SAMPLE_RULES, sample_history()))
    9
    """
    import pandas as pd

    parts = [_rule_parts(r) for r in rules]
    ordered = sorted(enumerate(configuration_items), key=lambda pair: (_capture_time(pair[1], pair[0]), pair[0]))
    last: dict[tuple[str, str, str], str] = {}
    rows = []
    for i, item in ordered:
        for rule, name in zip(rules, (p.name for p in parts), strict=True):
            result = evaluate(rule, item)
            if result is None:
                continue
            key = (name, str(item.get("resourceType")), str(item.get("resourceId")))
            rows.append(
                {
                    "OrderingTimestamp": _capture_time(item, i),
                    "ConfigRuleName": name,
                    "ResourceType": key[1],
                    "ResourceId": key[2],
                    "ComplianceType": result,
                    "Changed": last.get(key) != result,
                }
            )
            last[key] = result
    columns = ["OrderingTimestamp", "ConfigRuleName", "ResourceType", "ResourceId", "ComplianceType", "Changed"]
    return pd.DataFrame(rows, columns=columns)


@checked
def rule_compliance(timeline: pd.DataFrame, at: datetime | None = None) -> dict[str, str]:
    """Each rule's compliance at a time (default: the end): NON_COMPLIANT if any resource's latest result is,
    COMPLIANT if at least one is compliant, otherwise INSUFFICIENT_DATA (describe-compliance-by-config-rule).

    >>> rule_compliance(compliance_timeline(SAMPLE_RULES, sample_history()))
    {'restricted-ssh': 'COMPLIANT', 's3-bucket-versioning-enabled': 'COMPLIANT', 'required-tags': 'COMPLIANT', 'encrypted-volumes': 'INSUFFICIENT_DATA'}
    """
    validate.dataframe(
        "timeline", timeline, ("OrderingTimestamp", "ConfigRuleName", "ResourceType", "ResourceId", "ComplianceType")
    )
    view = timeline if at is None else timeline[timeline["OrderingTimestamp"] <= at]
    latest = view.groupby(["ConfigRuleName", "ResourceType", "ResourceId"], sort=False).tail(1)
    out: dict[str, str] = {}
    for name in dict.fromkeys(timeline["ConfigRuleName"]):
        results = set(latest.loc[latest["ConfigRuleName"] == name, "ComplianceType"])
        if "NON_COMPLIANT" in results:
            out[name] = "NON_COMPLIANT"
        elif "COMPLIANT" in results:
            out[name] = "COMPLIANT"
        else:
            out[name] = "INSUFFICIENT_DATA"
    return out


SAMPLE_RULES = (
    {"ConfigRuleName": "restricted-ssh", "Source": {"Owner": "AWS", "SourceIdentifier": "INCOMING_SSH_DISABLED"}},
    {
        "ConfigRuleName": "s3-bucket-versioning-enabled",
        "Source": {"Owner": "AWS", "SourceIdentifier": "S3_BUCKET_VERSIONING_ENABLED"},
    },
    {"ConfigRuleName": "encrypted-volumes", "Source": {"Owner": "AWS", "SourceIdentifier": "ENCRYPTED_VOLUMES"}},
    {
        "ConfigRuleName": "required-tags",
        "Source": {"Owner": "AWS", "SourceIdentifier": "REQUIRED_TAGS"},
        "Scope": {"ComplianceResourceTypes": ["AWS::EC2::Instance", "AWS::S3::Bucket"]},
        "InputParameters": '{"tag1Key": "CostCenter"}',
    },
)


def _sg(hour: int, ssh_open: bool) -> dict:
    cidr = "0.0.0.0/0" if ssh_open else "10.0.0.0/16"
    return {
        "resourceType": "AWS::EC2::SecurityGroup",
        "resourceId": "sg-0web",
        "configurationItemCaptureTime": f"2026-01-05T{hour:02d}:00:00+00:00",
        "configurationItemStatus": "OK" if hour else "ResourceDiscovered",
        "configuration": {
            "groupId": "sg-0web",
            "ipPermissions": [{"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "ipv4Ranges": [{"cidrIp": cidr}]}],
        },
    }


@checked
def sample_history() -> list[dict]:
    """A day of configuration items (get-resource-config-history shape): someone opens SSH to the world at 09:00
    and closes it at 14:00; a bucket gets versioning and a tag at 11:00; an unencrypted volume is attached at 12:00
    and deleted at 16:00.

    >>> [item["resourceType"] for item in sample_history()][:2]
    ['AWS::EC2::SecurityGroup', 'AWS::S3::Bucket']
    """
    bucket = {
        "resourceType": "AWS::S3::Bucket",
        "resourceId": "awslab-logs",
        "configuration": {"name": "awslab-logs"},
    }
    volume = {"resourceType": "AWS::EC2::Volume", "resourceId": "vol-0data"}
    return [
        _sg(0, False),
        {**bucket, "configurationItemCaptureTime": "2026-01-05T01:00:00+00:00", "tags": {}},
        _sg(9, True),
        {
            **bucket,
            "configurationItemCaptureTime": "2026-01-05T11:00:00+00:00",
            "tags": {"CostCenter": "42"},
            "supplementaryConfiguration": {"BucketVersioningConfiguration": {"status": "Enabled"}},
        },
        {
            **volume,
            "configurationItemCaptureTime": "2026-01-05T12:00:00+00:00",
            "configuration": {"encrypted": False, "attachments": [{"instanceId": "i-0web"}]},
        },
        _sg(14, False),
        {
            **volume,
            "configurationItemCaptureTime": "2026-01-05T16:00:00+00:00",
            "configurationItemStatus": "ResourceDeleted",
            "configuration": {},
        },
    ]
