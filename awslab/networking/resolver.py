"""Route 53 Resolver for hybrid DNS: which rule answers this query, from the VPC or from on premises.

The setup is given in the Route 53 Resolver API's shapes: ``ListResolverEndpoints`` items (``Direction`` INBOUND or
OUTBOUND), ``ListResolverRules`` items (``RuleType`` FORWARD, SYSTEM or RECURSIVE, ``DomainName``, ``TargetIps``),
the rule associations of the VPC, DNS Firewall rule group associations (``Priority``) with their ``FirewallRules``
(``Priority``, ``Action`` ALLOW/BLOCK/ALERT, ``BlockResponse``, ``FirewallDomainListId``) and domain lists, plus the
private hosted zones associated with the VPC and their records.

A query from an instance in the VPC goes through, in order:

1. **DNS Firewall**: rule groups by association priority (lowest first), rules in a group by priority; the first
   matching rule decides. ALLOW and ALERT (allow and log) let the query on, BLOCK answers NXDOMAIN, NODATA or an
   OVERRIDE name.
2. **Resolver rules** associated with the VPC: the rule with the most specific matching domain wins; FORWARD sends
   the query out through the rule's outbound endpoint to ``TargetIps``; SYSTEM makes the Resolver answer it itself.
3. **Private hosted zones** associated with the VPC, most specific zone first; a matching zone without the record
   answers NXDOMAIN (the query does not fall through to public DNS).
4. **Public DNS** (the autodefined "." rule, recursive resolution on the internet).

A query from on premises reaches the Resolver only through an **inbound endpoint** (the VPC's .2 resolver address
is not reachable from outside). This model resolves it with the private hosted zones and public DNS only: the pages
read describe Resolver rules and DNS Firewall as applying to queries that originate in VPCs, so neither is applied to
inbound queries here (whether DNS Firewall filters inbound-endpoint queries we could not confirm: unverified).

>>> resolve(SAMPLE_SETUP, "app.corp.example.com").answered_by
'forwarding rule rslvr-rr-corp (corp.example.com)'

References:
    - Amazon Route 53 Developer Guide, "How Resolver determines whether the domain name in a query matches any
      rules", https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-overview-forward-vpc-to-network-domain-name-matches.html
      (read 2026-12-03)
    - Amazon Route 53 Developer Guide, "How Resolver determines where to forward DNS queries" (rules, then the "."
      rule, which excludes private hosted zone names),
      https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-overview-forward-vpc-to-network-where-to-forward-queries.html
      (read 2026-12-03)
    - Amazon Route 53 Developer Guide, "Values that you specify when you create or edit rules" (FORWARD, SYSTEM),
      https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-outbound-queries-rule-values.html
      (read 2026-12-03)
    - Amazon Route 53 Developer Guide, "Considerations when working with a private hosted zone" (a matching zone
      without the record returns NXDOMAIN),
      https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html (read 2026-12-03)
    - Route 53 Resolver API Reference, "ListFirewallRules" (rules processed by priority, lowest first; ALLOW, ALERT,
      BLOCK), https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_ListFirewallRules.html
      (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from awslab import validate
from awslab.validate import checked

RULE_TYPES = ("FORWARD", "SYSTEM", "RECURSIVE")
FIREWALL_ACTIONS = ("ALLOW", "BLOCK", "ALERT")
BLOCK_RESPONSES = ("NODATA", "NXDOMAIN", "OVERRIDE")
ORIGINS = ("vpc", "on-premises")


@dataclass(frozen=True)
class DnsSetup:
    """One VPC's Resolver configuration in the Route 53 Resolver API's shapes (see the module docstring).

    >>> sorted(e["Direction"] for e in SAMPLE_SETUP.endpoints)
    ['INBOUND', 'OUTBOUND']
    """

    vpc_id: str
    endpoints: list[dict] = field(default_factory=list)
    rules: list[dict] = field(default_factory=list)
    rule_associations: list[dict] = field(default_factory=list)
    private_zones: dict[str, dict[str, str]] = field(default_factory=dict)
    firewall_associations: list[dict] = field(default_factory=list)
    firewall_rule_groups: dict[str, list[dict]] = field(default_factory=dict)
    domain_lists: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self):
        for index, rule in enumerate(self.rules):
            if rule.get("RuleType") not in RULE_TYPES:
                raise ValueError(f"rules[{index}].RuleType={rule.get('RuleType')!r} must be one of {RULE_TYPES}")
            if not isinstance(rule.get("DomainName"), str) or not isinstance(rule.get("Id"), str):
                raise ValueError(f"rules[{index}] needs a string Id and DomainName (ListResolverRules shape)")
            if rule["RuleType"] == "FORWARD" and not rule.get("TargetIps"):
                raise ValueError(f"rules[{index}] ({rule['Id']}) is a FORWARD rule without TargetIps")
        for group, rules in self.firewall_rule_groups.items():
            for rule in rules:
                if rule.get("Action") not in FIREWALL_ACTIONS:
                    raise ValueError(
                        f"{group}: firewall rule Action={rule.get('Action')!r} must be one of {FIREWALL_ACTIONS}"
                    )
                if rule.get("FirewallDomainListId") not in self.domain_lists:
                    raise ValueError(f"{group}: FirewallDomainListId={rule.get('FirewallDomainListId')!r} is unknown")


@dataclass(frozen=True)
class Step:
    """One stage of the resolution: what was checked, the rule or zone that matched (if any), and what happened.

    >>> resolve(SAMPLE_SETUP, "www.example.org").steps[-1].stage
    'public DNS'
    """

    stage: str
    matched: str | None
    decided: bool
    explanation: str


@dataclass(frozen=True)
class Resolution:
    """Who answered a query, the answer (an address, a forwarding target, NXDOMAIN ...) and every stage on the way.

    >>> resolve(SAMPLE_SETUP, "db.aws.corp.example.com").answer
    '10.1.0.20'
    """

    name: str
    origin: str
    answered_by: str
    answer: str
    steps: tuple[Step, ...]

    @property
    def blocked(self) -> bool:
        """True when DNS Firewall blocked the query."""
        return self.answered_by.startswith("DNS Firewall")


def _fqdn(name: str) -> str:
    return name.lower().rstrip(".")


@checked
def name_matches(domain: str, name: str) -> bool:
    """True when ``name`` is ``domain`` or a subdomain of it (the Resolver rule match).

    >>> name_matches("acme.example.com", "zenith.acme.example.com"), name_matches("acme.example.com", "example.com")
    (True, False)
    """
    domain, name = _fqdn(domain), _fqdn(name)
    return domain in ("", "*") or name == domain or name.endswith("." + domain)


@checked
def firewall_domain_matches(entry: str, name: str) -> bool:
    """A DNS Firewall domain list entry against a name: ``*.example.com`` matches subdomains, not the apex.

    >>> firewall_domain_matches("*.bad.example", "c2.bad.example"), firewall_domain_matches("*.bad.example", "bad.example")
    (True, False)
    """
    entry, name = _fqdn(entry), _fqdn(name)
    if entry == "*":
        return True
    if entry.startswith("*."):
        return name.endswith(entry[1:])
    return name == entry


def _firewall(setup: DnsSetup, name: str, steps: list[Step]) -> Resolution | None:
    associations = sorted(
        (a for a in setup.firewall_associations if a.get("VpcId", setup.vpc_id) == setup.vpc_id),
        key=lambda a: a["Priority"],
    )
    for association in associations:
        group = association["FirewallRuleGroupId"]
        for rule in sorted(setup.firewall_rule_groups.get(group, []), key=lambda r: r["Priority"]):
            entries = setup.domain_lists[rule["FirewallDomainListId"]]
            hit = next((e for e in entries if firewall_domain_matches(e, name)), None)
            if hit is None:
                continue
            label = f"{group} rule {rule.get('Name', rule['Priority'])} (priority {rule['Priority']}, {hit})"
            action = rule["Action"]
            if action == "BLOCK":
                response = rule.get("BlockResponse", "NODATA")
                answer = f"CNAME {rule.get('BlockOverrideDomain')}" if response == "OVERRIDE" else response
                steps.append(Step("DNS Firewall", label, True, f"{name} matches {hit}: BLOCK, answered {answer}"))
                return Resolution(name, "vpc", f"DNS Firewall {group}", answer, tuple(steps))
            verb = "allowed and logged (ALERT)" if action == "ALERT" else "allowed (ALLOW)"
            steps.append(Step("DNS Firewall", label, False, f"{name} matches {hit}: {verb}; later rules are skipped"))
            return None
    steps.append(Step("DNS Firewall", None, False, f"no DNS Firewall rule matches {name}"))
    return None


def _rules(setup: DnsSetup, name: str, steps: list[Step]) -> Resolution | None:
    associated = {a["ResolverRuleId"] for a in setup.rule_associations if a.get("VPCId", setup.vpc_id) == setup.vpc_id}
    candidates = [r for r in setup.rules if r["Id"] in associated and name_matches(r["DomainName"], name)]
    if not candidates:
        steps.append(Step("Resolver rules", None, False, f"no Resolver rule associated with the VPC matches {name}"))
        return None
    rule = max(candidates, key=lambda r: len(_fqdn(r["DomainName"]).split(".")) if _fqdn(r["DomainName"]) else 0)
    label = f"{rule['Id']} ({_fqdn(rule['DomainName']) or '.'})"
    if rule["RuleType"] == "FORWARD":
        endpoint = rule.get("ResolverEndpointId")
        if not any(e.get("Id") == endpoint and e.get("Direction") == "OUTBOUND" for e in setup.endpoints):
            steps.append(
                Step("Resolver rules", label, True, f"FORWARD rule with no outbound endpoint {endpoint}: SERVFAIL")
            )
            return Resolution(name, "vpc", f"forwarding rule {label}", "SERVFAIL", tuple(steps))
        targets = ", ".join(f"{t['Ip']}:{t.get('Port', 53)}" for t in rule["TargetIps"])
        steps.append(
            Step("Resolver rules", label, True, f"most specific rule is FORWARD: out through {endpoint} to {targets}")
        )
        return Resolution(name, "vpc", f"forwarding rule {label}", f"forwarded to {targets}", tuple(steps))
    steps.append(
        Step("Resolver rules", label, False, f"most specific rule is {rule['RuleType']}: the Resolver answers itself")
    )
    return None


def _zones(setup: DnsSetup, name: str, origin: str, steps: list[Step]) -> Resolution | None:
    zones = [z for z in setup.private_zones if name_matches(z, name)]
    if not zones:
        steps.append(Step("private hosted zones", None, False, f"no private hosted zone of the VPC contains {name}"))
        return None
    zone = max(zones, key=lambda z: len(_fqdn(z).split(".")))
    records = {_fqdn(k): v for k, v in setup.private_zones[zone].items()}
    if _fqdn(name) in records:
        answer = records[_fqdn(name)]
        steps.append(Step("private hosted zones", _fqdn(zone), True, f"{name} is a record in {_fqdn(zone)}: {answer}"))
        return Resolution(name, origin, f"private hosted zone {_fqdn(zone)}", answer, tuple(steps))
    steps.append(
        Step(
            "private hosted zones", _fqdn(zone), True, f"{_fqdn(zone)} has no record {name}: NXDOMAIN, no public lookup"
        )
    )
    return Resolution(name, origin, f"private hosted zone {_fqdn(zone)}", "NXDOMAIN", tuple(steps))


@checked
def resolve(setup: DnsSetup, name: str, *, origin: str = "vpc") -> Resolution:
    """Resolve ``name`` as the Route 53 Resolver of ``setup.vpc_id`` would, for a client in the VPC or on premises.

    >>> resolve(SAMPLE_SETUP, "c2.malware.example").answer
    'NXDOMAIN'
    >>> resolve(SAMPLE_SETUP, "db.aws.corp.example.com", origin="on-premises").answered_by
    'private hosted zone aws.corp.example.com'
    """
    origin = validate.choice("origin", origin, ORIGINS)
    if not isinstance(name, str) or not _fqdn(name) or len(name) > 253:
        raise ValueError(f"name={name!r} must be a domain name of 1 to 253 characters, e.g. 'db.example.com'")
    steps: list[Step] = []
    if origin == "on-premises":
        inbound = next((e for e in setup.endpoints if e.get("Direction") == "INBOUND"), None)
        if inbound is None:
            steps.append(
                Step(
                    "inbound endpoint",
                    None,
                    True,
                    "no inbound endpoint: on-premises resolvers cannot reach the Resolver",
                )
            )
            return Resolution(name, origin, "nothing (no inbound endpoint)", "no answer", tuple(steps))
        steps.append(
            Step("inbound endpoint", inbound["Id"], False, f"the data centre's DNS forwards to {inbound['Id']}'s IPs")
        )
    else:
        found = _firewall(setup, name, steps) or _rules(setup, name, steps)
        if found is not None:
            return found
    found = _zones(setup, name, origin, steps)
    if found is not None:
        return found
    steps.append(Step("public DNS", ".", True, f"the autodefined '.' rule: {name} is resolved on the internet"))
    return Resolution(name, origin, "public DNS (recursive)", "public answer", tuple(steps))


@checked
def with_rule(setup: DnsSetup, rule: dict) -> DnsSetup:
    """A copy of ``setup`` with one more Resolver rule (ListResolverRules shape), associated with the VPC.

    >>> forward_all = {"Id": "rslvr-rr-all", "DomainName": ".", "RuleType": "FORWARD",
    ...                "TargetIps": [{"Ip": "192.168.10.53"}], "ResolverEndpointId": "rslvr-out-0a"}
    >>> resolve(with_rule(SAMPLE_SETUP, forward_all), "www.example.org").answer
    'forwarded to 192.168.10.53:53'
    """
    rules = [*setup.rules, rule]
    associations = [*setup.rule_associations, {"ResolverRuleId": rule.get("Id"), "VPCId": setup.vpc_id}]
    return replace(setup, rules=rules, rule_associations=associations)


@checked
def without_inbound_endpoint(setup: DnsSetup) -> DnsSetup:
    """A copy of ``setup`` with its inbound endpoints removed.

    >>> resolve(without_inbound_endpoint(SAMPLE_SETUP), "db.aws.corp.example.com", origin="on-premises").answer
    'no answer'
    """
    return replace(setup, endpoints=[e for e in setup.endpoints if e.get("Direction") != "INBOUND"])


# --- the sample hybrid setup --------------------------------------------------------------------------------------
SAMPLE_SETUP = DnsSetup(
    vpc_id="vpc-0app",
    endpoints=[
        {"Id": "rslvr-out-0a", "Direction": "OUTBOUND", "HostVPCId": "vpc-0app", "IpAddressCount": 2},
        {"Id": "rslvr-in-0a", "Direction": "INBOUND", "HostVPCId": "vpc-0app", "IpAddressCount": 2},
    ],
    rules=[
        {
            "Id": "rslvr-rr-corp",
            "DomainName": "corp.example.com.",
            "RuleType": "FORWARD",
            "TargetIps": [{"Ip": "192.168.10.53", "Port": 53}, {"Ip": "192.168.20.53", "Port": 53}],
            "ResolverEndpointId": "rslvr-out-0a",
        },
        {"Id": "rslvr-rr-aws", "DomainName": "aws.corp.example.com.", "RuleType": "SYSTEM"},
    ],
    rule_associations=[
        {"ResolverRuleId": "rslvr-rr-corp", "VPCId": "vpc-0app"},
        {"ResolverRuleId": "rslvr-rr-aws", "VPCId": "vpc-0app"},
    ],
    private_zones={
        "aws.corp.example.com.": {"db.aws.corp.example.com.": "10.1.0.20", "api.aws.corp.example.com.": "10.1.0.30"},
    },
    firewall_associations=[
        {"FirewallRuleGroupId": "rslvr-frg-trusted", "VpcId": "vpc-0app", "Priority": 101},
        {"FirewallRuleGroupId": "rslvr-frg-threats", "VpcId": "vpc-0app", "Priority": 200},
    ],
    firewall_rule_groups={
        "rslvr-frg-trusted": [
            {"Name": "allow-partner", "Priority": 1, "Action": "ALLOW", "FirewallDomainListId": "rslvr-fdl-partner"}
        ],
        "rslvr-frg-threats": [
            {
                "Name": "block-malware",
                "Priority": 10,
                "Action": "BLOCK",
                "BlockResponse": "NXDOMAIN",
                "FirewallDomainListId": "rslvr-fdl-malware",
            },
            {"Name": "alert-new", "Priority": 20, "Action": "ALERT", "FirewallDomainListId": "rslvr-fdl-newly-seen"},
        ],
    },
    domain_lists={
        "rslvr-fdl-partner": ["*.partner.example"],
        "rslvr-fdl-malware": ["*.malware.example", "evil.example", "*.partner.example"],
        "rslvr-fdl-newly-seen": ["*.newly-seen.example"],
    },
)
# (label, name, origin) queries that exercise every stage of SAMPLE_SETUP.
SAMPLE_QUERIES = [
    ("app.corp.example.com from the VPC", "app.corp.example.com", "vpc"),
    ("db.aws.corp.example.com from the VPC", "db.aws.corp.example.com", "vpc"),
    ("old.aws.corp.example.com from the VPC", "old.aws.corp.example.com", "vpc"),
    ("www.example.org from the VPC", "www.example.org", "vpc"),
    ("c2.malware.example from the VPC", "c2.malware.example", "vpc"),
    ("api.partner.example from the VPC", "api.partner.example", "vpc"),
    ("x.newly-seen.example from the VPC", "x.newly-seen.example", "vpc"),
    ("db.aws.corp.example.com from on premises", "db.aws.corp.example.com", "on-premises"),
]
