"""Network ACLs (stateless, numbered, first match) and security groups (stateful, allow-only) in AWS's shapes.

NACL entries use ``describe-network-acls``' ``Entries`` shape; security group rules use ``IpPermissions``.
In both, a flow's ``protocol`` is an AWS protocol number as a string ("6", "17", "1", "-1") or "tcp"/"udp"/"icmp";
``port`` is the destination port (the ICMP type for ICMP). A flow with protocol "-1" asks "is ALL traffic allowed",
so only rules that cover every protocol match it.

References:
    - Amazon VPC User Guide, "Network ACL rules",
      https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html (read 2026-11-27)
    - Amazon VPC User Guide, "Control subnet traffic with network access control lists" (ephemeral ports),
      https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html (read 2026-11-27)
    - Amazon VPC User Guide, "Amazon VPC quotas",
      https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html (read 2026-11-27)
    - AWS Firewall Manager API Reference, "NetworkAclEntry" (the entry fields and types),
      https://docs.aws.amazon.com/fms/2018-01-01/APIReference/API_NetworkAclEntry.html (read 2026-12-03)
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache

from awslab import validate
from awslab.networking.cidr import parse_address
from awslab.validate import checked

# VPC User Guide, "Network ACL rules" (nacl-rules.html), read 2026-11-27: rules 1-32766, lowest first,
# the first match decides, the final "*" rule (shown as 32767) denies; return traffic needs its own rule.
NACL_MIN_RULE = 1
NACL_MAX_RULE = 32766
NACL_DEFAULT_DENY_RULE = 32767
# IPv6 default rules of a NACL are shown with rule number 32768.
NACL_DEFAULT_DENY_RULE_IPV6 = 32768
# nacl-ephemeral-ports (vpc-network-acls.html#nacl-ephemeral-ports), read 2026-11-27: client source ports by OS
# and service. AWS's advice for a NACL that must admit every kind of client is 1024-65535.
EPHEMERAL_PORTS = {
    "aws-recommended": (1024, 65535),
    "linux": (32768, 60999),
    "windows": (49152, 65535),
    "nat-gateway": (1024, 65535),
    "elastic-load-balancing": (1024, 65535),
}
# Amazon VPC quotas (amazon-vpc-limits.html), read 2026-11-27.
SG_RULES_PER_DIRECTION = 60
SG_PER_NETWORK_INTERFACE = 5
# The same page: the quota for rules per group multiplied by the quota for groups per network interface cannot
# exceed 1,000, so no group holds more than 1,000 rules in one direction.
SG_MAX_RULES_PER_INTERFACE = 1_000
NACL_RULES_PER_DIRECTION = 20

PROTOCOL_NAMES = {"tcp": "6", "udp": "17", "icmp": "1", "icmpv6": "58", "all": "-1"}
_PORTED = {"6", "17"}
_ICMP = {"1", "58"}


@checked
def normalize_protocol(name: str, protocol: str | int) -> str:
    """AWS's protocol number as a string ("6", "17", "1", "-1", ...) for a number or a name like "tcp".

    >>> normalize_protocol("protocol", "tcp")
    '6'
    >>> normalize_protocol("protocol", "all")
    '-1'
    """
    text = str(protocol).strip().lower() if isinstance(protocol, (str, int)) else None
    if text in PROTOCOL_NAMES:
        return PROTOCOL_NAMES[text]
    if text is not None and (text == "-1" or (text.isdigit() and 0 <= int(text) <= 255)):
        return str(int(text))
    raise ValueError(f"{name}={protocol!r} is not a protocol: use 'tcp', 'udp', 'icmp', '-1' (all) or a number 0-255")


def _check_port(port: int, name: str = "port") -> int:
    return validate.integer(name, port, minimum=0, maximum=65535)


@checked
def protocol_matches(rule_protocol: str, flow_protocol: str) -> bool:
    """True when a rule for ``rule_protocol`` covers a flow of ``flow_protocol`` (both AWS numbers).

    >>> protocol_matches("-1", "6")
    True
    >>> protocol_matches("17", "6")
    False
    """
    return rule_protocol == "-1" or rule_protocol == flow_protocol


@lru_cache(maxsize=4096)
def _network(cidr: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    return ipaddress.ip_network(cidr, strict=False)


def _address_in(cidr: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    network = _network(cidr)
    return network.version == address.version and address in network


@dataclass(frozen=True)
class NaclDecision:
    """A network ACL verdict: allowed or not, the rule number that decided (32767 = the final deny) and why.

    >>> evaluate_nacl(default_nacl_entries(), egress=False, protocol="tcp", port=22, address="1.2.3.4").rule_number
    100
    """

    allowed: bool
    rule_number: int
    entry: dict | None
    explanation: str


@checked
def describe_nacl_entry(entry: dict) -> str:
    """One-line human reading of a NACL entry, e.g. 'rule 100 allow tcp 443 from 0.0.0.0/0'.

    >>> describe_nacl_entry(nacl_entry(100, "allow", egress=False, cidr="0.0.0.0/0", from_port=443))
    'rule 100 allow tcp 443 from 0.0.0.0/0'
    """
    check_nacl_entries([entry], "entry")
    proto = protocol_label(normalize_protocol("entry.Protocol", entry.get("Protocol", "-1")))
    ports = ""
    if normalize_protocol("entry.Protocol", entry.get("Protocol", "-1")) in _PORTED and "PortRange" in entry:
        low, high = entry["PortRange"]["From"], entry["PortRange"]["To"]
        ports = f" {low}" if low == high else f" {low}-{high}"
    cidr = entry.get("CidrBlock") or entry.get("Ipv6CidrBlock")
    side = "to" if entry.get("Egress") else "from"
    return f"rule {entry['RuleNumber']} {entry['RuleAction']} {proto}{ports} {side} {cidr}"


@checked
def protocol_label(number: str) -> str:
    """A protocol number's usual name ("6" -> "tcp", "-1" -> "all"), or "protocol N" for the rest.

    >>> protocol_label("17")
    'udp'
    >>> protocol_label("47")
    'protocol 47'
    """
    names = {v: k for k, v in PROTOCOL_NAMES.items()}
    return names.get(number, f"protocol {number}")


def _nacl_entry_matches(entry: dict, protocol: str, port: int, address) -> bool:
    rule_protocol = normalize_protocol("Protocol", entry.get("Protocol", "-1"))
    if not protocol_matches(rule_protocol, protocol):
        return False
    cidr = entry.get("CidrBlock") or entry.get("Ipv6CidrBlock")
    if cidr is None or not _address_in(cidr, address):
        return False
    if rule_protocol in _PORTED and "PortRange" in entry:
        return entry["PortRange"]["From"] <= port <= entry["PortRange"]["To"]
    if rule_protocol in _ICMP and "IcmpTypeCode" in entry:
        icmp_type = entry["IcmpTypeCode"].get("Type", -1)
        return icmp_type == -1 or icmp_type == port
    return True


def _where(name: str, index: int, key: str | None = None) -> str:
    return f"{name}[{index}]" + (f".{key}" if key else "")


def _object(name: str, index: int, item: object, shape: str) -> dict:
    if not isinstance(item, dict):
        raise ValueError(f"{_where(name, index)} must be an object in {shape} shape, got {item!r}")
    return item


def _cidr_text(where: str, value: object, version: int | None = None) -> str:
    """A CIDR string (host bits allowed, as AWS shows them), else a ValueError naming the field."""
    if not isinstance(value, str):
        raise ValueError(f"{where}={value!r} must be a CIDR string such as '10.0.0.0/16'")
    try:
        network = _network(value)
    except ValueError:
        raise ValueError(f"{where}={value!r} is not a CIDR block such as '10.0.0.0/16'") from None
    if version is not None and network.version != version:
        raise ValueError(f"{where}={value!r} must be an IPv{version} CIDR block")
    return value


def _optional_list(where: str, item: dict, key: str) -> list:
    value = item.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"{where}.{key}={value!r} must be a JSON array of objects")
    return value


@checked
def check_nacl_entries(entries: object, name: str = "entries") -> list[dict]:
    """``entries`` if every one is a describe-network-acls entry, else a ValueError naming the field and value.

    >>> check_nacl_entries([{"RuleNumber": 100, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"}])[0]["RuleNumber"]
    100
    >>> check_nacl_entries([{"RuleNumber": "100", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"}])
    Traceback (most recent call last):
    ...
    ValueError: entries[0].RuleNumber must be a whole number (1 to 32768), got '100'
    """
    if not isinstance(entries, (list, tuple)):
        raise ValueError(f"{name} must be a list of describe-network-acls Entries, got {type(entries).__name__}")
    shape = "describe-network-acls Entries (RuleNumber, RuleAction, Protocol, CidrBlock, ...)"
    for index, item in enumerate(entries):
        entry = _object(name, index, item, shape)
        for key in ("RuleNumber", "RuleAction"):
            if key not in entry:
                raise ValueError(f"{_where(name, index)} has no {key}; a NACL entry is {shape}")
        validate.integer(
            _where(name, index, "RuleNumber"),
            entry["RuleNumber"],
            minimum=NACL_MIN_RULE,
            maximum=NACL_DEFAULT_DENY_RULE_IPV6,
        )
        validate.choice(_where(name, index, "RuleAction"), entry["RuleAction"], ("allow", "deny"))
        if not isinstance(entry.get("Egress", False), bool):
            raise ValueError(f"{_where(name, index, 'Egress')}={entry['Egress']!r} must be true or false")
        # A TCP/UDP entry without PortRange is read as all ports (CreateNetworkAclEntry would require one)
        normalize_protocol(_where(name, index, "Protocol"), entry.get("Protocol", "-1"))
        if "CidrBlock" in entry:
            _cidr_text(_where(name, index, "CidrBlock"), entry["CidrBlock"], 4)
        elif "Ipv6CidrBlock" in entry:
            _cidr_text(_where(name, index, "Ipv6CidrBlock"), entry["Ipv6CidrBlock"], 6)
        else:
            raise ValueError(f"{_where(name, index)} has no CidrBlock or Ipv6CidrBlock; a NACL entry is {shape}")
        if "PortRange" in entry:
            ports = entry["PortRange"]
            where = _where(name, index, "PortRange")
            if not isinstance(ports, dict) or "From" not in ports or "To" not in ports:
                raise ValueError(f"{where}={ports!r} must be an object {{'From': port, 'To': port}}")
            low = validate.integer(f"{where}.From", ports["From"], minimum=0, maximum=65535)
            high = validate.integer(f"{where}.To", ports["To"], minimum=0, maximum=65535)
            if high < low:
                raise ValueError(f"{where}.To={high} is below From={low}")
        if "IcmpTypeCode" in entry:
            icmp = entry["IcmpTypeCode"]
            where = _where(name, index, "IcmpTypeCode")
            if not isinstance(icmp, dict):
                raise ValueError(f"{where}={icmp!r} must be an object {{'Type': n, 'Code': n}} (-1 = all)")
            validate.integer(f"{where}.Type", icmp.get("Type", -1), minimum=-1, maximum=255)
    return list(entries)


_PEER_FIELDS = {
    "IpRanges": ("CidrIp", 4),
    "Ipv6Ranges": ("CidrIpv6", 6),
    "UserIdGroupPairs": ("GroupId", None),
    "PrefixListIds": ("PrefixListId", None),
}


@checked
def check_ip_permissions(ip_permissions: object, name: str = "ip_permissions") -> list[dict]:
    """``ip_permissions`` if every rule is in EC2's IpPermissions shape, else a ValueError naming the field and value.

    >>> check_ip_permissions([{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])[0]["ToPort"]
    443
    >>> check_ip_permissions([{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": {"CidrIp": "0.0.0.0/0"}}])
    Traceback (most recent call last):
    ...
    ValueError: ip_permissions[0].IpRanges={'CidrIp': '0.0.0.0/0'} must be a JSON array of objects
    """
    if not isinstance(ip_permissions, (list, tuple)):
        raise ValueError(f"{name} must be a list of IpPermissions, got {type(ip_permissions).__name__}")
    if len(ip_permissions) > SG_MAX_RULES_PER_INTERFACE:
        raise ValueError(
            f"{name} holds {len(ip_permissions):,} rules; a security group can never have more than "
            f"{SG_MAX_RULES_PER_INTERFACE:,} (rules per group x groups per network interface is at most 1,000)"
        )
    shape = "IpPermissions (IpProtocol, FromPort, ToPort, IpRanges, ...)"
    for index, item in enumerate(ip_permissions):
        permission = _object(name, index, item, shape)
        where = _where(name, index)
        if "IpProtocol" not in permission:
            raise ValueError(f"{where} has no IpProtocol; a security group rule is {shape}")
        protocol = normalize_protocol(f"{where}.IpProtocol", permission["IpProtocol"])
        if protocol in _PORTED:  # TCP/UDP: "you must also specify a port or port range" (AuthorizeSecurityGroupIngress)
            for key in ("FromPort", "ToPort"):
                if permission.get(key) is None:
                    raise ValueError(
                        f"{where} is a {protocol_label(protocol)} rule without {key}; TCP and UDP rules need "
                        "FromPort and ToPort (0-65535)"
                    )
            low = validate.integer(f"{where}.FromPort", permission["FromPort"], minimum=0, maximum=65535)
            validate.integer(
                f"{where}.ToPort", permission["ToPort"], minimum=low, maximum=65535, minimum_name="FromPort"
            )
        elif protocol in _ICMP:  # FromPort is the ICMP type, ToPort the code; -1 means all
            for key in ("FromPort", "ToPort"):
                if permission.get(key) is not None:
                    validate.integer(f"{where}.{key}", permission[key], minimum=-1, maximum=255)
        else:  # all traffic or another protocol: AWS ignores ports, but they must still be -1..65535
            for key in ("FromPort", "ToPort"):
                if permission.get(key) is not None:
                    validate.integer(f"{where}.{key}", permission[key], minimum=-1, maximum=65535)
        for key, (field, version) in _PEER_FIELDS.items():
            for position, peer in enumerate(_optional_list(where, permission, key)):
                peer_where = f"{where}.{key}[{position}]"
                if not isinstance(peer, dict) or field not in peer:
                    raise ValueError(f"{peer_where}={peer!r} must be an object with {field}")
                if version is None:
                    if not isinstance(peer[field], str):
                        raise ValueError(f"{peer_where}.{field}={peer[field]!r} must be a string id")
                else:
                    _cidr_text(f"{peer_where}.{field}", peer[field], version)
    return list(ip_permissions)


@checked
def evaluate_nacl(entries: list[dict], *, egress: bool, protocol: str, port: int, address: str) -> NaclDecision:
    """Evaluate a network ACL for one packet: rules of that direction, lowest number first, first match wins.

    ``address`` is the far end of the packet: the source for inbound rules, the destination for outbound ones.

    >>> evaluate_nacl([nacl_entry(100, "deny", egress=False, cidr="0.0.0.0/0", from_port=22)], egress=False, protocol="tcp", port=22, address="1.2.3.4").explanation
    'rule 100 deny tcp 22 from 0.0.0.0/0 is the first match: denied'
    """
    if not isinstance(egress, bool):
        raise ValueError(f"egress must be True (outbound rules) or False (inbound rules), got {egress!r}")
    flow_protocol = normalize_protocol("protocol", protocol)
    port = _check_port(port)
    target = parse_address("address", address)
    seen: set[int] = set()
    ordered = []
    for entry in check_nacl_entries(entries):
        if entry.get("Egress", False) != egress:
            continue
        number = entry["RuleNumber"]
        if number in seen and number < NACL_DEFAULT_DENY_RULE:
            raise ValueError(
                f"RuleNumber={number} appears twice in the {'outbound' if egress else 'inbound'} rules; "
                "AWS allows each number once per direction"
            )
        seen.add(number)
        ordered.append(entry)
    for entry in sorted(ordered, key=lambda e: e["RuleNumber"]):
        if _nacl_entry_matches(entry, flow_protocol, port, target):
            if entry["RuleNumber"] >= NACL_DEFAULT_DENY_RULE:
                break
            allowed = entry["RuleAction"] == "allow"
            verdict = "allowed" if allowed else "denied"
            return NaclDecision(
                allowed, int(entry["RuleNumber"]), entry, f"{describe_nacl_entry(entry)} is the first match: {verdict}"
            )
    return NaclDecision(False, NACL_DEFAULT_DENY_RULE, None, "no numbered rule matches, so the final * rule denies it")


@checked
def default_nacl_entries() -> list[dict]:
    """The entries of a VPC's default network ACL: rule 100 allows everything both ways, then the * deny.

    >>> [(e["RuleNumber"], e["RuleAction"]) for e in default_nacl_entries()[:2]]
    [(100, 'allow'), (32767, 'deny')]
    """
    entries = []
    for egress in (False, True):
        entries.append(
            {"RuleNumber": 100, "Protocol": "-1", "RuleAction": "allow", "Egress": egress, "CidrBlock": "0.0.0.0/0"}
        )
        entries.append(
            {
                "RuleNumber": NACL_DEFAULT_DENY_RULE,
                "Protocol": "-1",
                "RuleAction": "deny",
                "Egress": egress,
                "CidrBlock": "0.0.0.0/0",
            }
        )
    return entries


@checked
def nacl_entry(
    rule_number: int,
    action: str,
    *,
    egress: bool,
    cidr: str,
    protocol: str = "tcp",
    from_port: int | None = None,
    to_port: int | None = None,
) -> dict:
    """A NACL entry in describe-network-acls shape; a TCP/UDP rule without ports covers 0-65535.

    >>> nacl_entry(110, "allow", egress=False, cidr="0.0.0.0/0", from_port=1024, to_port=65535)["PortRange"]
    {'From': 1024, 'To': 65535}
    """
    number = validate.integer("rule_number", rule_number, minimum=NACL_MIN_RULE, maximum=NACL_MAX_RULE)
    entry = {
        "RuleNumber": number,
        "Protocol": normalize_protocol("protocol", protocol),
        "RuleAction": validate.choice("action", action, ("allow", "deny")),
        "Egress": bool(egress),
        # "We modify the specified CIDR block to its canonical form" (CreateNetworkAclEntry): host bits are cleared
        "CidrBlock": str(ipaddress.ip_network(_cidr_text("cidr", cidr, 4), strict=False)),
    }
    if entry["Protocol"] in _PORTED:
        low = _check_port(0 if from_port is None else from_port, "from_port")
        high = _check_port(65535 if from_port is None else (low if to_port is None else to_port), "to_port")
        if high < low:
            raise ValueError(f"to_port={high} is below from_port={low}")
        entry["PortRange"] = {"From": low, "To": high}
    return entry


@dataclass(frozen=True)
class SgMatch:
    """Which security group rule allowed a flow (group_id None when the rules were given bare).

    >>> match_security_group([{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}], protocol="tcp", port=22, address="10.0.3.4").describe()
    'allow tcp 22 for 10.0.0.0/16'
    """

    group_id: str | None
    permission: dict
    source: str

    def describe(self) -> str:
        """A one-line reading of the matching rule."""
        proto = protocol_label(normalize_protocol("IpProtocol", self.permission.get("IpProtocol", "-1")))
        low, high = self.permission.get("FromPort"), self.permission.get("ToPort")
        ports = "" if low in (None, -1) else (f" {low}" if low == high else f" {low}-{high}")
        where = f"{self.group_id}: " if self.group_id else ""
        return f"{where}allow {proto}{ports} for {self.source}"


def _permission_covers(permission: dict, protocol: str, port: int) -> bool:
    rule_protocol = normalize_protocol("IpProtocol", permission.get("IpProtocol", "-1"))
    if not protocol_matches(rule_protocol, protocol):
        return False
    if rule_protocol in _PORTED:
        low, high = permission.get("FromPort", 0), permission.get("ToPort", 65535)
        return low <= port <= high
    if rule_protocol in _ICMP:
        icmp_type = permission.get("FromPort", -1)
        return icmp_type in (-1, None) or icmp_type == port
    return True


@checked
def match_security_group(
    ip_permissions: list[dict],
    *,
    protocol: str,
    port: int,
    address: str,
    peer_group_ids: list[str] | tuple[str, ...] = (),
    group_id: str | None = None,
    prefix_lists: dict[str, list[str]] | None = None,
) -> SgMatch | None:
    """The first rule in ``ip_permissions`` allowing the flow, or None (security groups have no deny rules).

    ``peer_group_ids`` are the groups attached to the far end's network interface; a rule that references one of
    them (UserIdGroupPairs) allows the flow whatever its address.

    >>> match_security_group([{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}], protocol="tcp", port=443, address="8.8.8.8").source
    '0.0.0.0/0'
    """
    flow_protocol = normalize_protocol("protocol", protocol)
    port = _check_port(port)
    peer = parse_address("address", address)
    lists = prefix_lists or {}
    for list_id, cidrs in lists.items():
        for position, cidr in enumerate(cidrs):
            _cidr_text(f"prefix_lists[{list_id!r}][{position}]", cidr)
    for permission in check_ip_permissions(ip_permissions):
        if not _permission_covers(permission, flow_protocol, port):
            continue
        for item in permission.get("IpRanges", []):
            if _address_in(item["CidrIp"], peer):
                return SgMatch(group_id, permission, item["CidrIp"])
        for item in permission.get("Ipv6Ranges", []):
            if _address_in(item["CidrIpv6"], peer):
                return SgMatch(group_id, permission, item["CidrIpv6"])
        for item in permission.get("UserIdGroupPairs", []):
            if item.get("GroupId") in peer_group_ids:
                return SgMatch(group_id, permission, f"members of {item['GroupId']}")
        for item in permission.get("PrefixListIds", []):
            if any(_address_in(c, peer) for c in lists.get(item["PrefixListId"], [])):
                return SgMatch(group_id, permission, f"prefix list {item['PrefixListId']}")
    return None


@checked
def security_group_allows(
    ip_permissions: list[dict],
    *,
    protocol: str,
    port: int,
    address: str,
    peer_group_ids: list[str] | tuple[str, ...] = (),
) -> bool:
    """True when any rule in ``ip_permissions`` allows the flow to/from ``address`` (allow-only, no order).

    >>> security_group_allows([{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}], protocol="tcp", port=22, address="8.8.8.8")
    False
    """
    return (
        match_security_group(
            ip_permissions, protocol=protocol, port=port, address=address, peer_group_ids=peer_group_ids
        )
        is not None
    )


@dataclass(frozen=True)
class SgDecision:
    """The aggregate verdict of every security group on one network interface for one direction.

    >>> evaluate_security_groups([{"GroupId": "sg-1", "IpPermissions": []}], egress=False, protocol="tcp", port=22, address="8.8.8.8").allowed
    False
    """

    allowed: bool
    match: SgMatch | None
    explanation: str


@checked
def evaluate_security_groups(
    groups: list[dict],
    *,
    egress: bool,
    protocol: str,
    port: int,
    address: str,
    peer_group_ids: list[str] | tuple[str, ...] = (),
    prefix_lists: dict[str, list[str]] | None = None,
) -> SgDecision:
    """Aggregate the groups (DescribeSecurityGroups shape) on one interface: any allow from any group wins.

    >>> evaluate_security_groups([{"GroupId": "sg-1", "IpPermissions": []}], egress=False, protocol="tcp", port=22, address="8.8.8.8").explanation
    'no inbound rule in sg-1 allows it (security groups deny by default)'
    """
    field = "IpPermissionsEgress" if egress else "IpPermissions"
    for index, group in enumerate(groups):
        if not isinstance(group, dict):
            raise ValueError(f"groups[{index}] must be a DescribeSecurityGroups group object, got {group!r}")
        check_ip_permissions(group.get(field, []), f"groups[{index}].{field}")
        if not isinstance(group.get("GroupId", ""), str):
            raise ValueError(f"groups[{index}].GroupId={group['GroupId']!r} must be a string such as 'sg-1'")
    for group in groups:
        match = match_security_group(
            group.get(field, []),
            protocol=protocol,
            port=port,
            address=address,
            peer_group_ids=peer_group_ids,
            group_id=group.get("GroupId"),
            prefix_lists=prefix_lists,
        )
        if match is not None:
            return SgDecision(True, match, f"{match.describe()} allows it")
    names = ", ".join(g.get("GroupId", "?") for g in groups) or "no groups"
    way = "outbound" if egress else "inbound"
    return SgDecision(False, None, f"no {way} rule in {names} allows it (security groups deny by default)")


@checked
def default_security_group_egress() -> list[dict]:
    """The outbound rule every new security group starts with: all traffic to 0.0.0.0/0.

    >>> default_security_group_egress()
    [{'IpProtocol': '-1', 'IpRanges': [{'CidrIp': '0.0.0.0/0'}]}]
    """
    return [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]
