"""Invalid calls the models used to accept in silence or crash on (issue 18, section 4): each now gets a ValueError
or TypeError naming the parameter, the value and what is allowed, or, where AWS itself accepts the input (host bits
in a security group or network ACL CIDR), the same answer AWS gives.

Sources for AWS's own rules are cited at each test.
"""

from __future__ import annotations

import json
import math

import pytest

from awslab.app_services import sns
from awslab.databases import dynamodb
from awslab.management import cloudformation as cf
from awslab.networking import cidr, firewall
from awslab.security import kms
from awslab.storage import ebs, s3_lifecycle

FLOW = {"protocol": "tcp", "port": 443, "address": "10.0.1.5"}


def _sg_rule(**fields) -> list[dict]:
    rule = {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}
    rule.update(fields)
    return [{k: v for k, v in rule.items() if v is not None}]


def _nested(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = {"a": [value]}
    return value


# --- Security groups and network ACLs ---------------------------------------------------------------------------
@pytest.mark.parametrize("egress", ["yes", 1, None, "False"])
def test_egress_must_be_a_real_bool(egress):
    with pytest.raises((ValueError, TypeError), match="egress"):
        firewall.evaluate_nacl(firewall.default_nacl_entries(), egress=egress, **FLOW)
    with pytest.raises((ValueError, TypeError), match="egress"):
        firewall.nacl_entry(100, "allow", egress=egress, cidr="0.0.0.0/0", from_port=443)
    entry = {"RuleNumber": 100, "RuleAction": "allow", "Egress": egress, "CidrBlock": "0.0.0.0/0", "Protocol": "-1"}
    with pytest.raises(ValueError, match="Egress"):
        firewall.check_nacl_entries([entry])


@pytest.mark.parametrize("port", [-1, 65536, 70000])
def test_tcp_ports_are_0_to_65535(port):
    # AuthorizeSecurityGroupIngress / IpPermission: for TCP and UDP, FromPort and ToPort are a port range 0-65535;
    # -1 means "all" only for ICMP types and codes.
    # https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html (read 2026-12-03)
    with pytest.raises(ValueError, match="FromPort"):
        firewall.check_ip_permissions(_sg_rule(FromPort=port, ToPort=65535))
    with pytest.raises(ValueError, match="from_port"):
        firewall.nacl_entry(100, "allow", egress=False, cidr="0.0.0.0/0", from_port=port, to_port=65535)


def test_icmp_may_use_minus_one_for_all_types():
    rules = _sg_rule(IpProtocol="icmp", FromPort=-1, ToPort=-1)
    assert firewall.check_ip_permissions(rules) == rules


@pytest.mark.parametrize("missing", ["FromPort", "ToPort"])
def test_tcp_security_group_rules_need_ports(missing):
    # "If the protocol is TCP or UDP, you must also specify a port or port range."
    # https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html (read 2026-12-03)
    with pytest.raises(ValueError, match=f"without {missing}"):
        firewall.match_security_group(_sg_rule(**{missing: None}), **FLOW)


def test_from_port_above_to_port_is_refused():
    with pytest.raises(ValueError, match="ToPort=80 is outside the allowed range \\(FromPort=443 to 65535\\)"):
        firewall.check_ip_permissions(_sg_rule(FromPort=443, ToPort=80))
    with pytest.raises(ValueError, match="below from_port"):
        firewall.nacl_entry(100, "allow", egress=False, cidr="0.0.0.0/0", from_port=443, to_port=80)


def test_host_bits_are_canonicalised_as_ec2_does():
    # EC2 "canonicalizes IPv4 and IPv6 CIDRs. For example, if you specify 100.68.0.18/18 for the CIDR block,
    # Amazon Web Services canonicalizes the CIDR block to 100.68.0.0/18" (AuthorizeSecurityGroupIngress, CidrIp), and
    # CreateNetworkAclEntry "modif[ies] the specified CIDR block to its canonical form" (read 2026-12-03).
    entry = firewall.nacl_entry(100, "allow", egress=False, cidr="100.68.0.18/18", from_port=443)
    assert entry["CidrBlock"] == "100.68.0.0/18"
    rules = _sg_rule(IpRanges=[{"CidrIp": "100.68.0.18/18"}])
    assert firewall.security_group_allows(rules, protocol="tcp", port=443, address="100.68.63.1")
    assert not firewall.security_group_allows(rules, protocol="tcp", port=443, address="100.68.64.1")
    # a VPC or subnet CIDR is a block, not an address: the course's VPC model refuses host bits there
    with pytest.raises(ValueError, match="host bits"):
        cidr.parse_network("vpc_cidr", "10.0.0.5/16")


@pytest.mark.parametrize("address", [167772165, 10.5, None])
def test_integers_are_not_ip_addresses(address):
    with pytest.raises((ValueError, TypeError), match="address"):
        firewall.evaluate_nacl(firewall.default_nacl_entries(), egress=False, protocol="tcp", port=22, address=address)
    with pytest.raises((ValueError, TypeError), match="address must be a string|is not an IP address"):
        cidr.parse_address("destination", address)


def test_security_groups_must_be_a_list_of_group_objects():
    with pytest.raises((ValueError, TypeError), match="groups"):
        firewall.evaluate_security_groups("x", egress=False, **FLOW)
    with pytest.raises(ValueError, match=r"groups\[0\]"):
        firewall.evaluate_security_groups(["sg-1"], egress=False, **FLOW)
    with pytest.raises(ValueError, match=r"groups\[0\]\.IpPermissions"):
        firewall.evaluate_security_groups([{"GroupId": "sg-1", "IpPermissions": "x"}], egress=False, **FLOW)


def test_an_ip_range_without_cidr_ip_is_named():
    with pytest.raises(ValueError, match=r"ip_permissions\[0\]\.IpRanges\[0\].*CidrIp"):
        firewall.match_security_group(_sg_rule(IpRanges=[{"Description": "office"}]), **FLOW)


# --- Storage ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [math.nan, math.inf, -1, -1024, 1.5])
def test_object_timeline_sizes_are_whole_non_negative_bytes(size):
    policy = s3_lifecycle.single_class_policy("GLACIER", 90, 365)
    with pytest.raises((ValueError, TypeError), match="size_bytes"):
        s3_lifecycle.object_timeline(policy, size)


@pytest.mark.parametrize("iops", [0, 1.5, 2999, 1e30, 3000.5])
def test_gp3_iops_are_whole_numbers_within_the_limits(iops):
    # CreateVolume: Iops is an integer; gp3 takes 3,000-80,000 IOPS (at most 500 per GiB).
    # https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html (read 2026-12-03)
    with pytest.raises(ValueError, match="iops"):
        ebs.monthly_cost_usd("gp3", 100, iops=iops)


def test_gp3_list_price_of_valid_settings_is_unchanged():
    assert round(ebs.monthly_cost_usd("gp3", 100, iops=4000, throughput_mibps=250), 2) == 18.0


def test_lifecycle_parser_refuses_deep_json():
    policy = {"Rules": [{"ID": "a", "Status": "Enabled", "Filter": _nested(40), "Expiration": {"Days": 30}}]}
    with pytest.raises(ValueError, match="nested too deeply"):
        s3_lifecycle.parse_lifecycle(policy)
    with pytest.raises(ValueError, match="nested too deeply"):
        s3_lifecycle.parse_lifecycle(json.dumps(policy))


@pytest.mark.parametrize("filt", ["logs/", {"Prefix": 3}, {"ObjectSizeGreaterThan": "abc"}, {"And": []}, {"Tagz": 1}])
def test_lifecycle_filters_are_checked(filt):
    policy = {"Rules": [{"ID": "a", "Status": "Enabled", "Filter": filt, "Expiration": {"Days": 30}}]}
    with pytest.raises(ValueError, match=r"Rules\[0\] \(a\)\.Filter"):
        s3_lifecycle.parse_lifecycle(policy)


# --- DynamoDB -----------------------------------------------------------------------------------------------------
# "DynamoDB does not support empty sets"; "Each value within a set must be unique"; numbers have up to 38 digits.
# https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html (read 2026-12-03)
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"N": "abc"}, "number"),
        ({"N": "1e"}, "number"),
        ({"N": "1" * 39}, "38"),
        ({"SS": []}, "empty set"),
        ({"NS": []}, "empty set"),
        ({"BS": []}, "empty set"),
        ({"SS": ["a", "a"]}, "duplicates"),
        ({"S": 5}, "string"),
        ({"BOOL": "true"}, "True or False"),
        ({"L": [{"N": "x"}]}, r"value\['L'\]\[0\]"),
    ],
)
def test_dynamodb_attribute_values_follow_the_data_type_rules(value, message):
    with pytest.raises(ValueError, match=message):
        dynamodb.attribute_value_bytes(value)


def test_dynamodb_nesting_stops_at_32_levels():
    # Quotas: "DynamoDB supports nested attributes up to 32 levels deep."
    # https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html (read 2026-12-03)
    value: dict = {"S": "leaf"}
    for _ in range(31):
        value = {"L": [value]}
    assert dynamodb.attribute_value_bytes(value) == 31 * 3 + 4
    with pytest.raises(ValueError, match="32 levels"):
        dynamodb.attribute_value_bytes({"L": [value]})


def test_dynamodb_item_errors_name_the_item_parameter():
    with pytest.raises(ValueError, match=r"new_item\['Total'\]"):
        dynamodb.table_write_units(None, {"Total": {"N": "abc"}})


# --- CloudFormation -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("logical_id", ["", "my-queue", "Queue 1"])
def test_cloudformation_logical_ids_are_alphanumeric(logical_id):
    # "The logical ID must be alphanumeric (A-Za-z0-9) and unique within the template."
    # https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html (read 2026-12-03)
    with pytest.raises(ValueError, match="logical id"):
        cf.creation_order({"Resources": {logical_id: {"Type": "AWS::SQS::Queue"}}})


@pytest.mark.parametrize("parameters", [["Env"], [{"Env": {"Type": "String"}}], "Env", {"Env": "String"}])
def test_cloudformation_parameters_must_be_a_mapping(parameters):
    template = {"Parameters": parameters, "Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
    with pytest.raises(ValueError, match="Parameters must be a mapping"):
        cf.dependencies(template)


# --- KMS and SNS --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("key", ["alias/k1", {"KeyId": "k1"}, None])
def test_kms_encrypt_needs_a_kms_key(key):
    with pytest.raises(TypeError, match="key must be a KmsKey"):
        kms.encrypt(key, b"secret")


@pytest.mark.parametrize("attributes", ["x", ["price"], {"price": "9.5"}, {"price": None}])
def test_sns_message_attributes_must_be_publish_shaped(attributes):
    policy = {"price": [{"numeric": [">", 1]}]}
    with pytest.raises((ValueError, TypeError), match="message_attributes"):
        sns.policy_matches(policy, attributes)


@pytest.mark.parametrize(
    "attribute",
    [
        {"DataType": "Number", "StringValue": "abc"},
        {"DataType": "Number", "StringValue": "inf"},
        {"DataType": "Number"},
        {"DataType": "Text", "StringValue": "a"},
    ],
)
def test_sns_attribute_values_are_checked(attribute):
    with pytest.raises(ValueError, match=r"message_attributes\['price'\]"):
        sns.attribute_values({"price": attribute})


def test_sns_filter_policies_refuse_deep_json():
    with pytest.raises(ValueError, match="nested too deeply"):
        sns.parse_filter_policy({"a": _nested(40)}, "MessageBody")
    with pytest.raises(ValueError, match="nested too deeply"):
        sns.parse_filter_policy(json.dumps({"a": _nested(40)}), "MessageBody")


@pytest.mark.parametrize("condition", [{"prefix": 5}, {"suffix": None}, {"anything-but": [[1]]}])
def test_sns_operator_arguments_are_checked(condition):
    with pytest.raises(ValueError, match="filter_policy key 'k'"):
        sns.parse_filter_policy({"k": [condition]})
