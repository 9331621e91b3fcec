"""The networking exercises: the answer the chapter's models give passes, the classic wrong answer fails.

Hand-worked values follow the AWS pages the exercises module cites (five reserved addresses per subnet, longest prefix
wins, NACL rules in number order, weighted shares over healthy records, interval x threshold + TTL).
"""

import json

import pytest

from awslab import exercises as base
from awslab.networking import exercises as ex
from awslab.networking import firewall, peering, route53, scenarios

CASES = [
    (ex.subnet_usable, 2**6 - 5, "62"),  # 62 is the answer outside AWS (network and broadcast only)
    (ex.prefix_for_hosts, 21, "22"),  # a /22 has 1,024 - 5 = 1,019 usable addresses: too few for 2,000
    (ex.s3_route, "the S3 gateway endpoint (vpce-0s3)", "the internet gateway (igw-0a1b)"),
    (ex.branch_subnet_kind, "vpn-only", "private"),
    (ex.ssh_rule, 32767, "100"),
    (ex.return_traffic_rule, 110, "32767"),
    (ex.two_tunnels, 100 * (1 - 0.01**2), "99"),
    (ex.overlapping_peer, "no", "yes"),
    (ex.worst_failover, 30 * 3 + 60, "90"),  # 90 s forgets the TTL
    (ex.weighted_share, 100 * 70 / 80, "70"),
    (ex.one_way_route, "request delivered, response lost", "connected"),
    (ex.segments_connected, 14, "12"),  # 12 forgets that dev still reaches shared services, and back
    (ex.missing_record, "NXDOMAIN from the private hosted zone", "the public answer from internet DNS"),
    (ex.endpoint_interfaces, 2, "4"),  # 4 forgets that endpoints exist only where the service's NLB has nodes
]


@pytest.mark.parametrize("exercise, right, wrong", CASES, ids=[c[0].id for c in CASES])
def test_the_right_answer_passes_and_the_classic_mistake_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert exercise.check(str(right)).right
    assert not exercise.check(wrong).right, exercise.check(wrong)


def test_answers_are_what_the_models_compute():
    assert ex.two_tunnels.answer == 100 * peering.vpn_availability(0.99)
    assert ex.worst_failover.answer == route53.failover_seconds(30, 3, 60)
    assert ex.overlapping_peer.answer == ("yes" if peering.can_peer(["10.0.0.0/16"], ["10.0.128.0/17"]) else "no")


def test_every_exercise_is_listed_and_ids_follow_the_notebook_topics():
    found = [v for v in vars(ex).values() if isinstance(v, base.Exercise)]
    assert sorted(e.id for e in found) == sorted([c[0].id for c in CASES] + [ex.admin_ssh_nacl.id])
    topics = (
        "addressing-",
        "routing-",
        "firewalls-packet-walk-",
        "connecting-networks-",
        "route53-",
        "transit-gateway-",
        "privatelink-and-dns-",
    )
    assert all(e.id.startswith(topics) for e in found)
    for topic in topics:
        assert sum(e.id.startswith(topic) for e in found) >= 2, topic


def test_choice_answers_are_among_the_choices_and_html_renders():
    for exercise, *_ in CASES:
        if exercise.kind == "choice":
            assert exercise.answer in exercise.choices
        assert exercise.id in exercise.to_html()


def test_the_nacl_checker_accepts_the_solution_as_entries_or_json():
    assert ex.admin_ssh_nacl.check(ex.ADMIN_SSH_SOLUTION).right
    assert ex.admin_ssh_nacl.check(json.dumps(ex.ADMIN_SSH_SOLUTION)).right
    default_deny = {
        "RuleNumber": 32767,
        "Protocol": "-1",
        "RuleAction": "deny",
        "Egress": False,
        "CidrBlock": "0.0.0.0/0",
    }
    # the same rules with an explicit final deny, in another order, are still right
    shuffled = [*reversed(ex.ADMIN_SSH_SOLUTION), default_deny]
    assert ex.admin_ssh_nacl.check(shuffled).right


@pytest.mark.parametrize(
    "entries, why",
    [
        (scenarios.web_nacl_entries(), "SSH from the admin network"),  # no SSH rule at all
        ([firewall.nacl_entry(100, "allow", egress=False, cidr="0.0.0.0/0", protocol="-1")], "SSH from the internet"),
        (ex.ADMIN_SSH_SOLUTION[:2], "replies"),  # stateless: the ephemeral ports need their own rule
        (
            [firewall.nacl_entry(90, "allow", egress=False, cidr="0.0.0.0/0", from_port=22), *ex.ADMIN_SSH_SOLUTION],
            "SSH from the internet",
        ),
    ],
)
def test_the_nacl_checker_rejects_wrong_rules_and_says_which_packet(entries, why):
    verdict = ex.admin_ssh_nacl.check(entries)
    assert not verdict.right
    assert why in verdict.message


@pytest.mark.parametrize("junk", [None, 3, "[1", "{}", [{"RuleNumber": "100"}], "x" * 300_000])
def test_the_nacl_checker_refuses_junk_with_a_message(junk):
    verdict = ex.admin_ssh_nacl.check(junk)
    assert not verdict.right and verdict.message.startswith("Not yet: ")
