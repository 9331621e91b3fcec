"""Trusted Advisor's free checks run over describe-style JSON (what boto3, the CLI or moto return).

Checks and alert criteria from the Trusted Advisor check reference, security category,
https://docs.aws.amazon.com/awssupport/latest/user/security-checks.html (read 2026-11-27), and service limits,
https://docs.aws.amazon.com/awssupport/latest/user/service-limits.html (read 2026-11-27).
Statuses use Trusted Advisor's colours: "ok" (green), "warning" (yellow), "error" (red).

References:
    - AWS Support User Guide, "Security" (Trusted Advisor check reference),
      https://docs.aws.amazon.com/awssupport/latest/user/security-checks.html (read 2026-11-27)
    - AWS Support User Guide, "Service limits" (Trusted Advisor check reference),
      https://docs.aws.amazon.com/awssupport/latest/user/service-limits.html (read 2026-11-27)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from awslab import validate
from awslab.validate import checked

# Security Groups - Specific Ports Unrestricted (check ID HCP4007jGY): IPv4 0.0.0.0/0 only.
SG_CHECK_ID = "HCP4007jGY"
SG_GREEN_PORTS = frozenset({25, 80, 443, 465})
SG_RED_PORTS = frozenset({20, 21, 1433, 1434, 3306, 3389, 4333, 5432, 5500})
MFA_ROOT_CHECK_ID = "7DAFEmoDos"
IAM_USE_CHECK_ID = "zXCkfM1nI3"
SERVICE_LIMITS_CHECK_ID = "eW7HH0l7J9"
# Service Limits: yellow at 80 % of a limit, red at 100 %.
SERVICE_LIMIT_WARNING_FRACTION = 0.8
SERVICE_LIMIT_ERROR_FRACTION = 1.0

_SEVERITY = {"ok": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome: overall status (the worst flagged resource) and the flagged resources.

    >>> check_root_mfa({"SummaryMap": {"AccountMFAEnabled": 1}}).status
    'ok'
    """

    check_id: str
    name: str
    status: str
    flagged_resources: tuple[dict, ...] = field(default_factory=tuple)


def _worst(statuses: Sequence[str]) -> str:
    return max(statuses, key=_SEVERITY.__getitem__, default="ok")


def _port_status(protocol: str, from_port: int | None, to_port: int | None) -> str:
    """Status of unrestricted access to a protocol and port range (worst port in the range)."""
    if protocol == "-1" or from_port is None or to_port is None or from_port < 0 or to_port < 0:
        return "error" if protocol in ("-1", "tcp", "udp", "6", "17") else "warning"
    if protocol not in ("tcp", "udp", "6", "17"):
        return "warning"
    if any(from_port <= p <= to_port for p in SG_RED_PORTS):
        return "error"
    if to_port - from_port + 1 <= len(SG_GREEN_PORTS) and all(
        p in SG_GREEN_PORTS for p in range(from_port, to_port + 1)
    ):
        return "ok"
    return "warning"


@checked
def check_security_groups(describe_security_groups: Mapping[str, Any], region: str = "us-east-1") -> CheckResult:
    """Security Groups - Specific Ports Unrestricted over a describe-security-groups response.

    Every inbound rule open to 0.0.0.0/0 is flagged: red for ports 20, 21, 1433, 1434, 3306, 3389, 4333, 5432,
    5500 (or all traffic), green for 25, 80, 443, 465, yellow for any other port. IPv6 ranges are not evaluated,
    as in Trusted Advisor.

    >>> check_security_groups(sample_account(22, True, 1).describe_security_groups).status
    'warning'
    """
    groups = describe_security_groups.get("SecurityGroups")
    if not isinstance(groups, list):
        raise ValueError("describe_security_groups must be a describe-security-groups response with SecurityGroups")
    flagged = []
    for g in groups:
        for rule in g.get("IpPermissions", []):
            if not any(r.get("CidrIp") == "0.0.0.0/0" for r in rule.get("IpRanges", [])):
                continue
            protocol = str(rule.get("IpProtocol", "-1"))
            from_port, to_port = rule.get("FromPort"), rule.get("ToPort")
            flagged.append(
                {
                    "Status": _port_status(protocol, from_port, to_port),
                    "Region": region,
                    "Security Group Name": g.get("GroupName", ""),
                    "Security Group ID": g.get("GroupId", ""),
                    "Protocol": protocol,
                    "From Port": from_port,
                    "To Port": to_port,
                }
            )
    return CheckResult(
        SG_CHECK_ID,
        "Security Groups - Specific Ports Unrestricted",
        _worst([f["Status"] for f in flagged]),
        tuple(flagged),
    )


def _summary_map(get_account_summary: Mapping[str, Any]) -> Mapping[str, Any]:
    summary = get_account_summary.get("SummaryMap")
    if not isinstance(summary, Mapping):
        raise ValueError("get_account_summary must be an IAM get-account-summary response with a SummaryMap")
    return summary


@checked
def check_root_mfa(get_account_summary: Mapping[str, Any]) -> CheckResult:
    """MFA on Root Account: red unless SummaryMap.AccountMFAEnabled is 1 (IAM get-account-summary).

    >>> check_root_mfa({"SummaryMap": {"AccountMFAEnabled": 0}}).status
    'error'
    """
    enabled = _summary_map(get_account_summary).get("AccountMFAEnabled", 0) == 1
    flagged = () if enabled else ({"Status": "error", "Reason": "MFA is not enabled on the root account"},)
    return CheckResult(MFA_ROOT_CHECK_ID, "MFA on Root Account", "ok" if enabled else "error", flagged)


@checked
def check_iam_use(get_account_summary: Mapping[str, Any]) -> CheckResult:
    """IAM Use: yellow when no IAM user exists (SummaryMap.Users is 0), discouraging use of the root user.

    >>> check_iam_use({"SummaryMap": {"Users": 0}}).status
    'warning'
    """
    users = _summary_map(get_account_summary).get("Users", 0)
    validate.integer("SummaryMap.Users", users, minimum=0)
    if users > 0:
        return CheckResult(IAM_USE_CHECK_ID, "IAM Use", "ok")
    return CheckResult(
        IAM_USE_CHECK_ID,
        "IAM Use",
        "warning",
        ({"Status": "warning", "Reason": "No IAM users have been created for this account"},),
    )


@checked
def check_service_limits(
    usages: Sequence[Mapping[str, Any]], warning_fraction: float = SERVICE_LIMIT_WARNING_FRACTION
) -> CheckResult:
    """Service Limits over rows {"Service", "Region", "LimitName", "Limit", "Usage"}: yellow at 80 %, red at 100 %.

    >>> check_service_limits(sample_account(22, True, 1, running_instances=4, instance_limit=5).service_usages).status
    'warning'
    """
    warn = validate.number("warning_fraction", warning_fraction, minimum=0, maximum=1, exclusive_minimum=True)
    flagged = []
    for i, row in enumerate(usages):
        limit = validate.number(f"usages[{i}].Limit", row.get("Limit"), minimum=0, exclusive_minimum=True)
        usage = validate.number(f"usages[{i}].Usage", row.get("Usage"), minimum=0)
        fraction = usage / limit
        if fraction >= SERVICE_LIMIT_ERROR_FRACTION:
            status = "error"
        elif fraction >= warn:
            status = "warning"
        else:
            continue
        flagged.append(
            {
                "Status": status,
                "Region": row.get("Region", ""),
                "Service": row.get("Service", ""),
                "Limit Name": row.get("LimitName", ""),
                "Limit Amount": limit,
                "Current Usage": usage,
                "Usage Percent": round(100 * fraction, 3),
            }
        )
    return CheckResult(
        SERVICE_LIMITS_CHECK_ID, "Service Limits", _worst([f["Status"] for f in flagged]), tuple(flagged)
    )


@checked
def run_free_checks(
    describe_security_groups: Mapping[str, Any],
    get_account_summary: Mapping[str, Any],
    service_usages: Sequence[Mapping[str, Any]] = (),
    *,
    region: str = "us-east-1",
) -> list[CheckResult]:
    """The free checks above, in dashboard order (security first, then service limits).

    >>> account = sample_account(22, False, 0)
    >>> sgs, summary, usages = account.describe_security_groups, account.get_account_summary, account.service_usages
    >>> [r.status for r in run_free_checks(sgs, summary, usages)]
    ['warning', 'error', 'warning', 'warning']
    """
    return [
        check_security_groups(describe_security_groups, region),
        check_root_mfa(get_account_summary),
        check_iam_use(get_account_summary),
        check_service_limits(service_usages),
    ]


@checked
def summary_counts(results: Sequence[CheckResult]) -> dict[str, int]:
    """How many checks are ok, warning and error (the dashboard's green, yellow and red counters).

    >>> summary_counts(sample_account(22, True, 2).checks())
    {'ok': 2, 'warning': 2, 'error': 0}
    """
    counts = {"ok": 0, "warning": 0, "error": 0}
    for r in results:
        counts[r.status] += 1
    return counts


@dataclass(frozen=True)
class SampleAccount:
    """The three inputs of :func:`run_free_checks` for an illustrative account, in AWS's response shapes.

    >>> sample_account(None, True, 1).describe_security_groups["SecurityGroups"][0]["GroupName"]
    'web'
    """

    describe_security_groups: dict
    get_account_summary: dict
    service_usages: list[dict]

    def checks(self, region: str = "us-east-1") -> list[CheckResult]:
        """The free checks over this account (:func:`run_free_checks`).

        >>> [r.status for r in sample_account(None, True, 1).checks()]
        ['ok', 'ok', 'ok', 'warning']
        """
        return run_free_checks(
            self.describe_security_groups, self.get_account_summary, self.service_usages, region=region
        )


@checked
def sample_account(
    open_port: int | None = 22,
    root_mfa: bool = False,
    iam_users: int = 0,
    *,
    running_instances: int = 4,
    instance_limit: int = 5,
    region: str = "us-east-1",
) -> SampleAccount:
    """Inputs of run_free_checks for a small illustrative account: the describe-security-groups response, the
    get-account-summary response and the service usage rows. ``open_port`` None means no rule open to 0.0.0.0/0.

    >>> sample_account(22, True, 1).get_account_summary["SummaryMap"]["AccountMFAEnabled"]
    1
    """
    permissions = [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}]
    if open_port is not None:
        port = validate.integer("open_port", open_port, minimum=0, maximum=65535)
        permissions.append(
            {"IpProtocol": "tcp", "FromPort": port, "ToPort": port, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
        )
    groups = {"SecurityGroups": [{"GroupName": "web", "GroupId": "sg-0web", "IpPermissions": permissions}]}
    summary = {
        "SummaryMap": {
            "AccountMFAEnabled": 1 if root_mfa else 0,
            "Users": validate.integer("iam_users", iam_users, minimum=0),
        }
    }
    usage = [
        {
            "Service": "EC2",
            "Region": region,
            "LimitName": "Running On-Demand Standard instances",
            "Limit": validate.integer("instance_limit", instance_limit, minimum=1),
            "Usage": validate.integer("running_instances", running_instances, minimum=0),
        }
    ]
    return SampleAccount(groups, summary, usage)
