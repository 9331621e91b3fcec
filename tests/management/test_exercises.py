"""The management notebooks' exercises: the model's answer passes, the classic mistake each hint warns about does
not, and the code checkers accept a right document and reject wrong ones."""

from __future__ import annotations

import copy
import json

import pytest

from awslab.management import exercises as ex

NUMBERS = [
    (ex.alarm_first_period, 5, 4),  # periods 1-4 hold only two breaches
    (ex.retained_resolution, 300, 60),  # forgetting the roll-up after 15 days
    (ex.stack_create_time, 103, 113),  # summing every resource as if sequential
    (ex.service_limit_yellow, 16, 20),  # red, not yellow
]


@pytest.mark.parametrize(("exercise", "right", "wrong"), NUMBERS, ids=[n[0].id for n in NUMBERS])
def test_number_exercises(exercise, right, wrong):
    assert exercise.answer == right
    assert exercise.check(exercise.answer).right
    assert not exercise.check(wrong).right


def test_heartbeat_choice():
    assert ex.heartbeat_missing.answer == "breaching"
    assert ex.heartbeat_missing.check("breaching").right
    for other in ("missing", "notBreaching", "ignore"):
        assert not ex.heartbeat_missing.check(other).right


def test_worker_waits_code_exercise():
    fixed = copy.deepcopy(ex.ORDERS_TEMPLATE)
    fixed["Resources"]["Worker"]["DependsOn"] = "Orders"
    assert ex.worker_waits.check(fixed).right
    assert ex.worker_waits.check(json.dumps(fixed)).right
    listed = copy.deepcopy(ex.ORDERS_TEMPLATE)
    listed["Resources"]["Worker"]["DependsOn"] = ["Orders"]
    assert ex.worker_waits.check(listed).right
    assert not ex.worker_waits.check(ex.ORDERS_TEMPLATE).right  # unchanged
    slow_bucket = copy.deepcopy(fixed)
    slow_bucket["Resources"]["Bucket"]["DependsOn"] = "Orders"
    assert not ex.worker_waits.check(slow_bucket).right
    dropped = copy.deepcopy(fixed)
    del dropped["Resources"]["Bucket"]
    assert not ex.worker_waits.check(dropped).right
    assert not ex.worker_waits.check("Resources: {").right  # does not parse


RIGHT_SG = [
    {"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "ipv4Ranges": [{"cidrIp": "203.0.113.0/24"}]},
    {"ipProtocol": "tcp", "fromPort": 443, "toPort": 443, "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}]},
]


def test_ssh_from_office_code_exercise():
    assert ex.ssh_from_office.check(RIGHT_SG).right
    assert ex.ssh_from_office.check(json.dumps(RIGHT_SG)).right
    wrong = [
        [{"ipProtocol": "tcp", "fromPort": 0, "toPort": 65535, "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}]}],  # covers 22
        [{"ipProtocol": "-1", "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}]}],  # all traffic
        [RIGHT_SG[1]],  # office lost SSH
        [RIGHT_SG[0]],  # HTTPS closed
        [RIGHT_SG[0], {**RIGHT_SG[1], "fromPort": 22}],  # 22-443 open to all
        [{**RIGHT_SG[0], "ipv6Ranges": [{"cidrIpv6": "::/0"}]}, RIGHT_SG[1]],  # SSH open over IPv6
        {"ipPermissions": RIGHT_SG},  # not a list
        [{"ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "ipv4Ranges": 7}],  # malformed
    ]
    for permissions in wrong:
        assert not ex.ssh_from_office.check(permissions).right, permissions


def test_ids_are_unique_and_prefixed_by_topic():
    exercises = [n[0] for n in NUMBERS] + [ex.heartbeat_missing, ex.worker_waits, ex.ssh_from_office]
    ids = [e.id for e in exercises]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith(("cloudwatch-", "cloudformation-", "cloudtrail-config-trusted-advisor-")) for i in ids)
