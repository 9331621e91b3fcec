"""Your-turn exercises of the networking notebooks; every answer is what the chapter's own models compute.

One block per notebook: ``addressing-*`` (01), ``routing-*`` (02), ``firewalls-packet-walk-*`` (03),
``connecting-networks-*`` (04), ``route53-*`` (05), ``transit-gateway-*`` (06) and ``privatelink-and-dns-*`` (07). The code-kind one is checked by the chapter's NACL evaluator:

>>> admin_ssh_nacl.check([{"RuleNumber": 100, "RuleAction": "allow", "Protocol": "-1", "CidrBlock": "0.0.0.0/0"}])
Not yet: inbound TCP 22 from 198.51.100.20 (SSH from the internet) is allowed (rule 100 allow all from 0.0.0.0/0 is the first match: allowed); it should be denied

References:
    - Amazon VPC User Guide, "Subnet CIDR blocks",
      https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html (read 2026-12-03)
    - Amazon VPC User Guide, "Route priority",
      https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html (read 2026-12-03)
    - Amazon VPC User Guide, "Network ACL rules",
      https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html (read 2026-12-03)
    - AWS Site-to-Site VPN User Guide, "Tunnel options for your Site-to-Site VPN connection",
      https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html (read 2026-12-03)
    - Amazon Route 53 Developer Guide, "Values that you specify when you create or update health checks",
      https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html (read 2026-12-03)
    - Amazon Route 53 Developer Guide, "Considerations when working with a private hosted zone",
      https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html (read 2026-12-03)
    - AWS PrivateLink Guide, "Create a service powered by AWS PrivateLink",
      https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html (read 2026-12-03)
    - Amazon VPC Transit Gateways, "How AWS Transit Gateway works",
      https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises, validate
from awslab.networking import cidr, firewall, peering, privatelink, resolver, route53, routing, scenarios
from awslab.networking import transit_gateway as tgw

# --- 01 addressing ---------------------------------------------------------------------------------------------
_SUBNET = "10.0.1.0/26"
_HOSTS = 2000
_PREFIX = cidr.prefix_for_hosts(_HOSTS)

subnet_usable = exercises.number(
    "addressing-1",
    "Usable addresses in a /26",
    task=f"A team asks for subnet `{_SUBNET}`. How many addresses can it give to instances and other interfaces?",
    answer=cidr.usable_addresses(_SUBNET),
    hint="Type the CIDR into the inspector explorer. A /26 has 2^(32-26) addresses, and AWS keeps some of each subnet.",
    solution=(
        f"2^6 = {2**6} addresses, minus the {cidr.RESERVED_PER_SUBNET} AWS reserves in every subnet (network address, "
        f"VPC router, DNS, future use, broadcast): {cidr.usable_addresses(_SUBNET)} "
        f"(`cidr.usable_addresses({_SUBNET!r})`). 62, the answer outside AWS, forgets three of the five."
    ),
    unit="addresses",
    tolerance=0.0,
)

prefix_for_hosts = exercises.number(
    "addressing-2",
    "Smallest subnet for 2,000 hosts",
    task=f"Each app subnet must hold **{_HOSTS}** interfaces. What is the longest prefix (smallest subnet) that fits? "
    "Answer the number after the slash.",
    answer=_PREFIX,
    hint="Extend the host-count sizing table: each shorter prefix doubles the addresses, and AWS keeps five of each "
    "subnet.",
    solution=(
        f"/{_PREFIX}: a /{_PREFIX} has {2 ** (32 - _PREFIX)} addresses, {cidr.usable_addresses(f'10.0.0.0/{_PREFIX}')} "
        f"usable, and a /{_PREFIX + 1} only {cidr.usable_addresses(f'10.0.0.0/{_PREFIX + 1}')} "
        f"(`cidr.prefix_for_hosts({_HOSTS})`)."
    ),
    tolerance=0.0,
)

# --- 02 routing --------------------------------------------------------------------------------------------------
_HYBRID = routing.ROUTE_TABLE_PRESETS["hybrid: IGW, VPN, peering, S3 endpoint"]
_TO_S3 = routing.select_route(_HYBRID, "52.216.8.1", prefix_lists=routing.S3_PREFIX_LIST)
_KIND_LABELS = {
    "gateway_endpoint": "the S3 gateway endpoint (vpce-0s3)",
    "internet_gateway": "the internet gateway (igw-0a1b)",
    "virtual_private_gateway": "the virtual private gateway (vgw-0a1b)",
    "peering": "the peering connection (pcx-0ab)",
}
_BRANCH_ROUTES = [
    {"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
    {"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "vgw-0a1b", "Origin": "CreateRoute", "State": "active"},
    {
        "DestinationCidrBlock": "10.1.0.0/16",
        "VpcPeeringConnectionId": "pcx-0ab",
        "Origin": "CreateRoute",
        "State": "active",
    },
]
_BRANCH_CLASS = routing.classify_subnet(_BRANCH_ROUTES)

s3_route = exercises.choice(
    "routing-1",
    "Which route carries traffic to S3?",
    task=(
        "In the **hybrid** route table (IGW default route, VPN to 192.168.0.0/16, peering to 10.1.0.0/16, S3 prefix "
        "list to a gateway endpoint), where does a packet to **52.216.8.1** (an Amazon S3 address) go?"
    ),
    choices=tuple(_KIND_LABELS.values()),
    answer=_KIND_LABELS[_TO_S3.target_kind],
    hint="Pick the hybrid table and the S3 destination in the route-selection explorer: the longest matching prefix "
    "wins, and 0.0.0.0/0 is the shortest prefix there is.",
    solution=(
        f"{_KIND_LABELS[_TO_S3.target_kind]}: 52.216.8.1 matches both 0.0.0.0/0 and the prefix list's "
        f"{_TO_S3.matched_cidr}; the /{_TO_S3.matched_cidr.split('/')[1]} is longer, so it wins and the traffic "
        "stays on the AWS network."
    ),
)

branch_subnet_kind = exercises.choice(
    "routing-2",
    "What kind of subnet is this?",
    task=(
        "A subnet's route table has three routes: `10.0.0.0/16 -> local`, `0.0.0.0/0 -> vgw-0a1b` (a virtual private "
        "gateway) and `10.1.0.0/16 -> pcx-0ab` (a peering connection). How does the notebook's classifier call it?"
    ),
    choices=("public", "private", "vpn-only"),
    answer=_BRANCH_CLASS,
    hint="Look at the 'subnet is' column of the route-table summary: what makes a subnet public, and what makes it "
    "VPN-only?",
    solution=(
        f"{_BRANCH_CLASS}: no route goes to an internet gateway, so it is not public, and its default route leaves "
        "through the virtual private gateway: internet-bound traffic goes to the corporate network (which may or may "
        "not pass it on). The peering route only adds one more private network (`routing.classify_subnet(routes)`)."
    ),
)

# --- 03 firewalls and the packet walk ---------------------------------------------------------------------------
_WEB_NACL = scenarios.web_nacl_entries()
_SSH = firewall.evaluate_nacl(_WEB_NACL, egress=False, protocol="tcp", port=22, address=scenarios.INTERNET_CLIENT)
_EPHEMERAL = firewall.evaluate_nacl(
    _WEB_NACL, egress=False, protocol="tcp", port=40000, address=scenarios.INTERNET_CLIENT
)

ssh_rule = exercises.number(
    "firewalls-packet-walk-1",
    "Which NACL rule decides SSH from the internet?",
    task=(
        f"The web subnet's network ACL (`scenarios.web_nacl_entries()`) gets inbound TCP port **22** from "
        f"{scenarios.INTERNET_CLIENT}. Which rule number decides it?"
    ),
    answer=_SSH.rule_number,
    hint="Walk the inbound rules in number order (100, 110, 120, ...); the first that matches protocol, port and "
    "source decides. If none matches, the final `*` rule does.",
    solution=(
        f"{_SSH.rule_number} (the `*` rule): 100 allows only 443, 110 only 1024-65535, 120 only 10.0.0.0/16, so no "
        f"numbered rule matches and the default rule denies it. {_SSH.explanation}."
    ),
    tolerance=0.0,
)

return_traffic_rule = exercises.number(
    "firewalls-packet-walk-2",
    "Which rule lets the reply back in?",
    task=(
        "An instance in the web subnet calls an API on the internet from source port 40000. The reply arrives "
        "inbound on TCP port 40000. Which rule number of the same NACL allows it?"
    ),
    answer=_EPHEMERAL.rule_number,
    hint="NACLs are stateless: return traffic needs its own inbound rule covering the ephemeral ports.",
    solution=f"{_EPHEMERAL.rule_number}: {_EPHEMERAL.explanation}. A security group would not need it (it is stateful).",
    tolerance=0.0,
)

_ADMIN_NET = "203.0.113.0/24"
# (protocol, port, source, allowed?, what it is)
_NACL_PROBES = (
    ("tcp", 443, scenarios.INTERNET_CLIENT, True, "HTTPS from the internet"),
    ("tcp", 22, "203.0.113.7", True, "SSH from the admin network"),
    ("tcp", 22, scenarios.INTERNET_CLIENT, False, "SSH from the internet"),
    ("tcp", 23, "203.0.113.7", False, "Telnet from the admin network"),
    ("tcp", 50000, scenarios.INTERNET_CLIENT, True, "replies to the subnet's own outbound calls"),
    ("udp", 53, scenarios.INTERNET_CLIENT, False, "UDP from the internet"),
)
ADMIN_SSH_SOLUTION = [
    firewall.nacl_entry(100, "allow", egress=False, cidr="0.0.0.0/0", from_port=443),
    firewall.nacl_entry(110, "allow", egress=False, cidr=_ADMIN_NET, from_port=22),
    firewall.nacl_entry(120, "allow", egress=False, cidr="0.0.0.0/0", from_port=1024, to_port=65535),
]


def _admin_ssh(value) -> tuple[bool, str]:
    entries = validate.json_document("entries", value, expect=list)
    for protocol, port, source, want, what in _NACL_PROBES:
        got = firewall.evaluate_nacl(entries, egress=False, protocol=protocol, port=port, address=source)
        if got.allowed != want:
            verb = "allowed" if got.allowed else "denied"
            return False, (
                f"inbound {protocol.upper()} {port} from {source} ({what}) is {verb} ({got.explanation}); "
                f"it should be {'allowed' if want else 'denied'}"
            )
    return True, f"all {len(_NACL_PROBES)} test packets get the verdict they should"


admin_ssh_nacl = exercises.code(
    "firewalls-packet-walk-3",
    "Inbound NACL rules for a web subnet with admin SSH",
    task=(
        "Write the **inbound** entries of a network ACL (a list of describe-network-acls Entries, or JSON text) that "
        f"allow HTTPS from anywhere, SSH only from the admin network {_ADMIN_NET}, and the return traffic of the "
        "subnet's own outbound calls, and let the final `*` rule deny the rest. The check sends six test packets "
        "through `firewall.evaluate_nacl`."
    ),
    checker=_admin_ssh,
    hint=(
        "Start from `scenarios.web_nacl_entries()` (or build entries with `firewall.nacl_entry`). Return traffic "
        "arrives on an ephemeral port, so it needs its own allow rule; and a broad allow with a lower number than a "
        "narrow deny wins."
    ),
    solution=(
        'Three allow rules, each TCP (`Protocol` "6"): 100 port 443 from 0.0.0.0/0, 110 port 22 from '
        f"{_ADMIN_NET}, 120 ports 1024-65535 from 0.0.0.0/0 (`ex.ADMIN_SSH_SOLUTION`). Everything else falls to `*`."
    ),
)

# --- 04 connecting networks -------------------------------------------------------------------------------------
_TUNNEL = 0.99

two_tunnels = exercises.number(
    "connecting-networks-1",
    "Availability of a two-tunnel VPN",
    task=(
        f"Each tunnel of a Site-to-Site VPN connection is up **{_TUNNEL:.0%}** of the time, independently. In percent, "
        "how available is the connection when either tunnel will do?"
    ),
    answer=100 * peering.vpn_availability(_TUNNEL),
    hint="The connection is down only when both tunnels are down at once: multiply the down fractions.",
    solution=(
        f"1 - (1 - {_TUNNEL})^2 = {peering.vpn_availability(_TUNNEL):.4f}, i.e. "
        f"{100 * peering.vpn_availability(_TUNNEL):.2f} % (`peering.vpn_availability({_TUNNEL})`). Averaging the tunnels "
        "(99 %) misses the point of having two."
    ),
    unit="%",
    tolerance=0.0001,
)

_A, _B = ["10.0.0.0/16"], ["10.0.128.0/17"]
overlapping_peer = exercises.choice(
    "connecting-networks-2",
    "Can these VPCs peer?",
    task=f"VPC A is {_A[0]}, VPC B is {_B[0]}. Can you create a peering connection between them?",
    choices=("no", "yes"),
    answer="yes" if peering.can_peer(_A, _B) else "no",
    hint="Compare the two ranges: does one contain the other?",
    solution=(
        "no: 10.0.128.0/17 lies inside 10.0.0.0/16, and VPC peering needs CIDR blocks that do not overlap "
        f"(`peering.can_peer({_A}, {_B})` is {peering.can_peer(_A, _B)}). Re-address one VPC, or use PrivateLink."
    ),
)

# --- 05 Route 53 -------------------------------------------------------------------------------------------------
_INTERVAL, _THRESHOLD, _TTL = 30, 3, 60
_WEIGHTS = {"us-east-1": 70, "eu-west-1": 20, "ap-southeast-1": 10}
_HEALTH = {"us-east-1": True, "eu-west-1": False, "ap-southeast-1": True}
_SHARES = route53.weighted_shares(_WEIGHTS, _HEALTH)

worst_failover = exercises.number(
    "route53-1",
    "Worst-case failover time",
    task=(
        f"A failover record's health check uses a **{_INTERVAL} s** request interval and failure threshold "
        f"**{_THRESHOLD}**; the record's TTL is **{_TTL} s**. In seconds, how long can clients keep going to the dead "
        "primary in the worst case?"
    ),
    answer=route53.failover_seconds(_INTERVAL, _THRESHOLD, _TTL),
    hint="Move the failover sliders: detection takes interval x threshold, then resolvers may still hold the old answer "
    "for one TTL.",
    solution=(
        f"{_INTERVAL} x {_THRESHOLD} = {route53.detection_seconds(_INTERVAL, _THRESHOLD)} s to detect, plus {_TTL} s TTL: "
        f"{route53.failover_seconds(_INTERVAL, _THRESHOLD, _TTL)} s "
        f"(`route53.failover_seconds({_INTERVAL}, {_THRESHOLD}, {_TTL})`)."
    ),
    unit="s",
    tolerance=0.0,
)

weighted_share = exercises.number(
    "route53-2",
    "Weighted routing with one Region down",
    task=(
        "Weighted records: us-east-1 **70**, eu-west-1 **20**, ap-southeast-1 **10**, each with a health check. "
        "eu-west-1 fails its check. In percent, what share of answers now goes to us-east-1?"
    ),
    answer=100 * _SHARES["us-east-1"],
    hint="Route 53 leaves unhealthy records out and shares by the weights of the healthy ones that remain.",
    solution=(
        f"70 / (70 + 10) = {_SHARES['us-east-1']:.3f}, i.e. {100 * _SHARES['us-east-1']:.1f} % "
        "(`route53.weighted_shares(weights, healthy)`). 70 % would leave eu-west-1's share unanswered."
    ),
    unit="%",
)

# --- 06 transit gateway ------------------------------------------------------------------------------------------
_ISOLATED = "isolated VPCs + shared services"
_ONE_WAY = {
    "TransitGatewayRouteTableId": "tgw-rtb-spokes",
    "DestinationCidrBlock": "10.2.0.0/16",
    "TransitGatewayAttachmentId": "tgw-attach-prod-b",
}
_ONE_WAY_WALK = tgw.can_reach(
    tgw.with_routes(tgw.PRESETS[_ISOLATED], [_ONE_WAY]), source="prod-a", destination="prod-b"
)
_VERDICTS = ("connected", "request blocked", "request delivered, response lost")

one_way_route = exercises.choice(
    "transit-gateway-1",
    "A route in one direction",
    task=(
        f"In the *{_ISOLATED}* design, a colleague adds one static route to `tgw-rtb-spokes`: 10.2.0.0/16 -> "
        "`tgw-attach-prod-b`. What happens to prod-a -> prod-b?"
    ),
    choices=_VERDICTS,
    answer=_ONE_WAY_WALK.verdict,
    hint="Paste the route into the walk explorer as a CreateTransitGatewayRoute request, then read the response leg: "
    "which route table does prod-b's reply use?",
    solution=(
        f"{_ONE_WAY_WALK.verdict}: the request now finds 10.2.0.0/16, but prod-b is associated with the same "
        "`tgw-rtb-spokes`, which has no route to 10.1.0.0/16, so the reply is dropped "
        f"({_ONE_WAY_WALK.blocking_hop.explanation}). A transit gateway route table only routes what arrives from the "
        "attachments associated with it: reachability needs a route both ways."
    ),
)

_SEGMENTS = "prod and dev segments"
_SEGMENT_MATRIX = tgw.preset_matrix(_SEGMENTS)
segments_connected = exercises.number(
    "transit-gateway-2",
    "Pairs that connect in the prod/dev design",
    task=(
        f"In the *{_SEGMENTS}* design there are five attached networks, so 20 ordered (source, destination) pairs. "
        "How many of them connect both ways?"
    ),
    answer=sum(v == "connected" for v in _SEGMENT_MATRIX.values()),
    hint="Open the segmentation explorer on that design and count the green cells, or reason per route table: "
    "which prefixes does each table hold?",
    solution=(
        f"{sum(v == 'connected' for v in _SEGMENT_MATRIX.values())} (`tgw.preset_matrix({_SEGMENTS!r})`): prod-a, "
        "prod-b, shared services and on-premises all reach each other; dev reaches only shared services, because "
        "`tgw-rtb-dev` holds just the dev and shared-services prefixes and nothing in prod propagates into it."
    ),
    tolerance=0.0,
)

# --- 07 PrivateLink and DNS --------------------------------------------------------------------------------------
_MISSING = resolver.resolve(resolver.SAMPLE_SETUP, "old.aws.corp.example.com")
_DNS_CHOICES = {
    "NXDOMAIN": "NXDOMAIN from the private hosted zone",
    "public answer": "the public answer from internet DNS",
    "forwarded to 192.168.10.53:53, 192.168.20.53:53": "forwarded to the data centre's DNS servers",
}
missing_record = exercises.choice(
    "privatelink-and-dns-1",
    "A name the private zone does not have",
    task=(
        "In the sample Resolver setup, an instance in the VPC looks up **old.aws.corp.example.com**. The private "
        "hosted zone aws.corp.example.com has no such record. What does it get back?"
    ),
    choices=tuple(_DNS_CHOICES.values()),
    answer=_DNS_CHOICES[_MISSING.answer],
    hint="Pick that query in the Resolver explorer and read the stages: which rule is the most specific, and what "
    "does a private hosted zone do with a name it does not hold?",
    solution=(
        f"{_DNS_CHOICES[_MISSING.answer]}: the SYSTEM rule for aws.corp.example.com is more specific than the FORWARD "
        "rule for corp.example.com, so the Resolver answers itself; the private hosted zone matches the name and, "
        "lacking the record, answers NXDOMAIN without asking public DNS "
        f"(`resolver.resolve(resolver.SAMPLE_SETUP, 'old.aws.corp.example.com')`)."
    ),
)

_ASKED = ["use1-az1", "use1-az2", "use1-az4", "use1-az6"]
_PLACED = privatelink.connect(
    privatelink.SAMPLE_SERVICE,
    privatelink.SAMPLE_PERMISSIONS,
    principal="arn:aws:iam::111122223333:role/app",
    subnet_az_ids=_ASKED,
    service_az_ids=privatelink.SAMPLE_SERVICE_AZ_IDS,
    provider_decision="accept",
)
endpoint_interfaces = exercises.number(
    "privatelink-and-dns-2",
    "Endpoint interfaces across four AZs",
    task=(
        f"The billing endpoint service's Network Load Balancer is in {', '.join(privatelink.SAMPLE_SERVICE_AZ_IDS)}. "
        f"An allowed consumer picks one subnet in each of {', '.join(_ASKED)}. How many AZs get an endpoint network "
        "interface that carries traffic once the provider accepts?"
    ),
    answer=len(_PLACED.az_ids_served),
    hint="Type the four AZ IDs into the endpoint explorer and accept the connection: which AZ IDs does the service "
    "cover?",
    solution=(
        f"{len(_PLACED.az_ids_served)}: only {', '.join(_PLACED.az_ids_served)}, where the service has load balancer "
        f"nodes; {', '.join(_PLACED.az_ids_refused)} are refused (`privatelink.connect(...)`). Compare AZ IDs, not "
        "AZ names: us-east-1a may be a different zone in each account."
    ),
    tolerance=0.0,
)
