"""PrivateLink from the provider's side: who may connect to an endpoint service, in which state, and in which AZs.

The service is given as ``DescribeVpcEndpointServiceConfigurations`` returns it (``ServiceConfigurations`` items:
``ServiceId``, ``ServiceName``, ``AcceptanceRequired``, ``NetworkLoadBalancerArns`` or ``GatewayLoadBalancerArns``,
``AvailabilityZones``) and its permissions as ``DescribeVpcEndpointServicePermissions`` returns them
(``AllowedPrincipals``: ``Principal`` ARNs, ``*`` for everyone). Availability Zones are compared by **AZ ID**
(``use1-az1``), because an AZ name such as us-east-1a maps to different physical zones in different accounts.

>>> connect(SAMPLE_SERVICE, SAMPLE_PERMISSIONS, principal="arn:aws:iam::111122223333:role/app",
...         subnet_az_ids=["use1-az1", "use1-az4"], service_az_ids=SAMPLE_SERVICE_AZ_IDS).state
'pendingAcceptance'

References:
    - AWS PrivateLink Guide, "Create a service powered by AWS PrivateLink" (Network Load Balancer or Gateway Load
      Balancer, consumers see only common AZs, AZ IDs), https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html
      (read 2026-12-03)
    - AWS PrivateLink Guide, "AWS PrivateLink quotas" (10 Gbps per AZ per endpoint, scaling to 100 Gbps),
      https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html (read 2026-12-03)
    - Elastic Load Balancing, "Gateway Load Balancers" (GENEVE on port 6081),
      https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/gateway-load-balancers.html (read 2026-12-03)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from awslab.validate import checked

# AWS PrivateLink quotas (vpc-limits-endpoints.html), read 2026-12-03.
ENDPOINT_GBPS_PER_AZ = 10  # default per endpoint and AZ, scaling automatically ...
ENDPOINT_MAX_GBPS_PER_AZ = 100  # ... up to this
INTERFACE_ENDPOINTS_PER_VPC = 50  # interface and Gateway Load Balancer endpoints together, adjustable
GENEVE_PORT = 6081  # Gateway Load Balancer to its appliances (gateway-load-balancers.html)

_ACCOUNT = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}):")


@dataclass(frozen=True)
class EndpointConnection:
    """What happens when a consumer creates an interface endpoint to the service.

    ``state`` is the endpoint connection's state (``pendingAcceptance``, ``available``, ``rejected``) or None when
    the endpoint cannot even be created.

    >>> connect(SAMPLE_SERVICE, SAMPLE_PERMISSIONS, principal="arn:aws:iam::444455556666:root",
    ...         subnet_az_ids=["use1-az1"], service_az_ids=SAMPLE_SERVICE_AZ_IDS).state is None
    True
    """

    principal_allowed: bool
    state: str | None
    az_ids_served: tuple[str, ...]
    az_ids_refused: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def usable(self) -> bool:
        """True when traffic flows: created, available, and in at least one AZ the service covers."""
        return self.state == "available" and bool(self.az_ids_served)


@checked
def principal_allowed(permissions: list[dict], principal: str) -> tuple[bool, str]:
    """Whether ``principal`` (an IAM ARN) is allowed by the service's AllowedPrincipals, and which entry allows it.

    An account's root ARN allows every principal of that account; ``*`` allows everyone.

    >>> principal_allowed([{"Principal": "arn:aws:iam::111122223333:root"}], "arn:aws:iam::111122223333:role/app")
    (True, 'arn:aws:iam::111122223333:root')
    """
    account = _ACCOUNT.match(principal)
    for entry in permissions:
        allowed = entry.get("Principal")
        if allowed == "*" or allowed == principal:
            return True, allowed
        if account and allowed == f"arn:aws:iam::{account.group(1)}:root":
            return True, allowed
    return False, ""


@checked
def connect(
    service: dict,
    permissions: list[dict],
    *,
    principal: str,
    subnet_az_ids: list[str],
    service_az_ids: list[str],
    provider_decision: str | None = None,
) -> EndpointConnection:
    """Create an interface endpoint to ``service`` as ``principal``, in subnets of the given AZ IDs.

    ``provider_decision``: None (the provider has not acted yet), "accept" or "reject".

    >>> connect(SAMPLE_SERVICE, SAMPLE_PERMISSIONS, principal="arn:aws:iam::111122223333:role/app",
    ...         subnet_az_ids=["use1-az1", "use1-az4"], service_az_ids=SAMPLE_SERVICE_AZ_IDS,
    ...         provider_decision="accept").az_ids_refused
    ('use1-az4',)
    """
    if not isinstance(service, dict) or not service.get("ServiceName"):
        raise ValueError("service must be a ServiceConfigurations item with a ServiceName")
    if provider_decision not in (None, "accept", "reject"):
        raise ValueError(f"provider_decision={provider_decision!r} must be None, 'accept' or 'reject'")
    if not subnet_az_ids:
        raise ValueError("subnet_az_ids must name at least one AZ ID, e.g. ['use1-az1']")
    reasons = []
    kind = "Gateway Load Balancer" if service.get("GatewayLoadBalancerArns") else "Network Load Balancer"
    reasons.append(f"{service['ServiceName']} is served by a {kind} in {', '.join(service_az_ids)}")
    ok, entry = principal_allowed(permissions, principal)
    if not ok:
        reasons.append(f"{principal} is not among the service's allowed principals: the endpoint cannot be created")
        return EndpointConnection(False, None, (), tuple(subnet_az_ids), tuple(reasons))
    reasons.append(f"{principal} is allowed by {entry}")
    served = tuple(z for z in subnet_az_ids if z in service_az_ids)
    refused = tuple(z for z in subnet_az_ids if z not in service_az_ids)
    if refused:
        reasons.append(
            f"{', '.join(refused)}: the service has no load balancer node there, so no endpoint network interface "
            "can be placed (compare AZ IDs, not names)"
        )
    if not served:
        reasons.append("no subnet is in an AZ the service covers: the endpoint cannot be created")
        return EndpointConnection(True, None, (), refused, tuple(reasons))
    if not service.get("AcceptanceRequired", True):
        state = "available"
        reasons.append("acceptance is not required: the connection is available at once")
    elif provider_decision is None:
        state = "pendingAcceptance"
        reasons.append("acceptance is required: the connection waits for the provider (pendingAcceptance)")
    elif provider_decision == "accept":
        state = "available"
        reasons.append("the provider accepted the connection: available")
    else:
        state = "rejected"
        reasons.append("the provider rejected the connection: no traffic flows")
    return EndpointConnection(True, state, served, refused, tuple(reasons))


SAMPLE_SERVICE = {
    "ServiceId": "vpce-svc-0a1b2c3d4e5f67890",
    "ServiceName": "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f67890",
    "ServiceType": [{"ServiceType": "Interface"}],
    "AcceptanceRequired": True,
    "AvailabilityZones": ["us-east-1a", "us-east-1b"],
    "NetworkLoadBalancerArns": ["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/billing/0a1b"],
    "ServiceState": "Available",
}
SAMPLE_SERVICE_AZ_IDS = ["use1-az1", "use1-az2"]  # the provider's us-east-1a and us-east-1b
SAMPLE_PERMISSIONS = [
    {"Principal": "arn:aws:iam::111122223333:root", "PrincipalType": "Account"},
    {"Principal": "arn:aws:iam::777788889999:role/partner-app", "PrincipalType": "Role"},
]
# (label, principal) consumers the explorer offers.
SAMPLE_CONSUMERS = [
    ("a role in the allowed account 111122223333", "arn:aws:iam::111122223333:role/app"),
    ("the allowed partner role", "arn:aws:iam::777788889999:role/partner-app"),
    ("another role of the partner account", "arn:aws:iam::777788889999:role/other"),
    ("an account nobody allowed (444455556666)", "arn:aws:iam::444455556666:root"),
]
