"""PrivateLink provider side, Route 53 Resolver resolution and the edge chooser, against AWS's documented rules.

Sources (read 2026-12-03):
- Route 53 Developer Guide, "How Resolver determines whether the domain name in a query matches any rules": a rule
  for acme.example.com matches acme.example.com and zenith.acme.example.com, not example.com or nadir.example.com;
  with rules for example.com and www.example.com the more specific one routes www.example.com.
- Route 53 Developer Guide, "Values that you specify when you create or edit rules": a SYSTEM rule for
  acme.example.com keeps it with the Resolver under a FORWARD rule for example.com.
- Route 53 Developer Guide, "Considerations when working with a private hosted zone": a matching private zone
  without the record returns NXDOMAIN, not a public answer.
- Route 53 Resolver API, ListFirewallRules: rules processed by priority, lowest first; ALERT permits and logs.
- AWS PrivateLink Guide, "Create a service powered by AWS PrivateLink": Network Load Balancer or Gateway Load
  Balancer; consumers see only the AZs they share with the provider; AZ IDs identify zones across accounts.
- Global Accelerator Developer Guide, "AWS Global Accelerator components": two static IPv4 addresses.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.networking import edge, privatelink, resolver

SETUP = resolver.SAMPLE_SETUP


@pytest.mark.parametrize(
    "name, matches",
    [
        ("acme.example.com", True),
        ("zenith.acme.example.com", True),
        ("example.com", False),
        ("nadir.example.com", False),
    ],
)
def test_documented_rule_domain_matching(name, matches):
    assert resolver.name_matches("acme.example.com", name) is matches


def _forward(rule_id: str, domain: str, ip: str) -> dict:
    return {
        "Id": rule_id,
        "DomainName": domain,
        "RuleType": "FORWARD",
        "TargetIps": [{"Ip": ip}],
        "ResolverEndpointId": "rslvr-out-0a",
    }


def test_documented_most_specific_rule_wins():
    setup = resolver.with_rule(
        resolver.with_rule(SETUP, _forward("r1", "example.com", "192.0.2.1")),
        _forward("r2", "www.example.com", "192.0.2.2"),
    )
    assert resolver.resolve(setup, "www.example.com").answer == "forwarded to 192.0.2.2:53"
    assert resolver.resolve(setup, "mail.example.com").answer == "forwarded to 192.0.2.1:53"


def test_documented_system_rule_takes_a_subdomain_back():
    assert resolver.resolve(SETUP, "app.corp.example.com").answered_by.startswith("forwarding rule rslvr-rr-corp")
    result = resolver.resolve(SETUP, "db.aws.corp.example.com")
    assert result.answer == "10.1.0.20"
    assert "SYSTEM" in next(s.explanation for s in result.steps if s.stage == "Resolver rules")


def test_documented_private_zone_without_the_record_is_nxdomain():
    result = resolver.resolve(SETUP, "old.aws.corp.example.com")
    assert result.answer == "NXDOMAIN" and not any(s.stage == "public DNS" for s in result.steps)


def test_firewall_first_match_by_group_then_rule_priority():
    assert resolver.resolve(SETUP, "c2.malware.example").blocked
    assert not resolver.resolve(SETUP, "api.partner.example").blocked  # the ALLOW at priority 101 shadows the BLOCK
    swapped = [
        dict(a, Priority=300) if a["FirewallRuleGroupId"] == "rslvr-frg-trusted" else a
        for a in SETUP.firewall_associations
    ]
    setup = resolver.DnsSetup(**{**SETUP.__dict__, "firewall_associations": swapped})
    assert resolver.resolve(setup, "api.partner.example").blocked
    alert = resolver.resolve(SETUP, "x.newly-seen.example")
    assert alert.answer == "public answer" and "ALERT" in alert.steps[0].explanation


def test_firewall_wildcards_match_subdomains_not_the_apex():
    assert resolver.firewall_domain_matches("*.malware.example", "a.b.malware.example")
    assert not resolver.firewall_domain_matches("*.malware.example", "malware.example")
    assert resolver.firewall_domain_matches("evil.example", "EVIL.example.")


def test_on_premises_needs_an_inbound_endpoint():
    assert resolver.resolve(SETUP, "db.aws.corp.example.com", origin="on-premises").answer == "10.1.0.20"
    gone = resolver.without_inbound_endpoint(SETUP)
    assert resolver.resolve(gone, "db.aws.corp.example.com", origin="on-premises").answer == "no answer"


def test_forward_rule_without_outbound_endpoint_fails():
    setup = resolver.DnsSetup(
        **{**SETUP.__dict__, "endpoints": [e for e in SETUP.endpoints if e["Direction"] == "INBOUND"]}
    )
    assert resolver.resolve(setup, "app.corp.example.com").answer == "SERVFAIL"


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: resolver.resolve(SETUP, "x.example", origin="internet"), "origin='internet'"),
        (lambda: resolver.resolve(SETUP, ""), "name=''"),
        (lambda: resolver.with_rule(SETUP, {"Id": "r", "DomainName": "x", "RuleType": "DROP"}), "RuleType='DROP'"),
        (lambda: resolver.with_rule(SETUP, {"Id": "r", "DomainName": "x", "RuleType": "FORWARD"}), "without TargetIps"),
        (
            lambda: privatelink.connect({}, [], principal="p", subnet_az_ids=["use1-az1"], service_az_ids=[]),
            "ServiceName",
        ),
        (
            lambda: privatelink.connect(
                privatelink.SAMPLE_SERVICE, [], principal="p", subnet_az_ids=[], service_az_ids=[]
            ),
            "subnet_az_ids",
        ),
        (
            lambda: privatelink.connect(
                privatelink.SAMPLE_SERVICE,
                [],
                principal="p",
                subnet_az_ids=["use1-az1"],
                service_az_ids=[],
                provider_decision="maybe",
            ),
            "provider_decision='maybe'",
        ),
        (lambda: edge.choose_edge(protocol="quic"), "protocol='quic'"),
    ],
)
def test_bad_input_is_named(call, message):
    with pytest.raises(ValueError) as problem:
        call()
    assert message in str(problem.value)


def _connect(principal, zones, decision=None, acceptance=True):
    return privatelink.connect(
        dict(privatelink.SAMPLE_SERVICE, AcceptanceRequired=acceptance),
        privatelink.SAMPLE_PERMISSIONS,
        principal=principal,
        subnet_az_ids=zones,
        service_az_ids=privatelink.SAMPLE_SERVICE_AZ_IDS,
        provider_decision=decision,
    )


def test_endpoint_service_principals_acceptance_and_az_ids():
    role = "arn:aws:iam::111122223333:role/app"
    assert _connect(role, ["use1-az1"]).state == "pendingAcceptance"
    assert _connect(role, ["use1-az1"], "accept").usable
    assert _connect(role, ["use1-az1"], "reject").state == "rejected"
    assert _connect(role, ["use1-az1"], acceptance=False).state == "available"
    assert _connect(role, ["use1-az4"]).state is None  # no AZ in common
    assert _connect("arn:aws:iam::777788889999:role/other", ["use1-az1"]).principal_allowed is False
    assert privatelink.principal_allowed([{"Principal": "*"}], "arn:aws:iam::444455556666:root") == (True, "*")


def test_edge_chooser_on_the_documented_differences():
    assert edge.GLOBAL_ACCELERATOR_STATIC_IPV4 == 2
    assert edge.choose_edge(protocol="udp").choice == "Global Accelerator"
    assert edge.choose_edge(protocol="tcp", cacheable=True).choice == "Global Accelerator"  # CloudFront is HTTP only
    assert edge.choose_edge(cacheable=True).choice == "CloudFront"
    assert edge.choose_edge(static_ips=True).choice == "Global Accelerator"
    assert edge.choose_edge().choice == "CloudFront"


# --- properties -----------------------------------------------------------------------------------------------
LABELS = st.lists(
    st.sampled_from(["corp", "aws", "example", "com", "db", "x", "malware", "partner"]), min_size=1, max_size=4
)


@given(LABELS, st.sampled_from(resolver.ORIGINS))
def test_exactly_one_stage_decides_every_query(labels, origin):
    result = resolver.resolve(SETUP, ".".join(labels), origin=origin)
    assert sum(s.decided for s in result.steps) == 1 and result.steps[-1].decided


@given(LABELS)
def test_a_forward_all_rule_never_overrides_a_more_specific_rule(labels):
    name = ".".join(labels)
    before = resolver.resolve(SETUP, name)
    after = resolver.resolve(resolver.with_rule(SETUP, _forward("rall", ".", "192.0.2.9")), name)
    if before.answered_by.startswith(("forwarding rule", "DNS Firewall")) or any(
        s.stage == "Resolver rules" and s.matched for s in before.steps
    ):
        assert after.answer == before.answer
    else:
        assert after.answer == "forwarded to 192.0.2.9:53"


@given(
    st.lists(st.sampled_from(["use1-az1", "use1-az2", "use1-az4", "use1-az6"]), min_size=1, unique=True),
    st.sampled_from([None, "accept", "reject"]),
)
def test_endpoints_are_placed_only_where_the_service_is(zones, decision):
    c = _connect("arn:aws:iam::111122223333:role/app", zones, decision)
    assert set(c.az_ids_served) <= set(privatelink.SAMPLE_SERVICE_AZ_IDS)
    assert set(c.az_ids_served) | set(c.az_ids_refused) == set(zones)
    assert c.usable == (decision == "accept" and bool(c.az_ids_served))
