"""CloudFormation template analysis: dependencies, creation order, cycles, rollback simulation."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.management import cloudformation as cf

FAST = settings(max_examples=120, deadline=None)

# Shape of the DependsOn example on
# https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html (read 2026-11-27):
# an instance that must wait for a database it does not otherwise reference.
DEPENDS_ON_EXAMPLE = {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Mappings": {"RegionMap": {"us-east-1": {"AMI": "ami-0ff8a91507f77f867"}}},
    "Resources": {
        "Ec2Instance": {
            "Type": "AWS::EC2::Instance",
            "Properties": {"ImageId": {"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "AMI"]}},
            "DependsOn": "myDB",
        },
        "myDB": {
            "Type": "AWS::RDS::DBInstance",
            "Properties": {"AllocatedStorage": "5", "DBInstanceClass": "db.t3.micro", "Engine": "MySQL"},
        },
    },
}

WEB_STACK = {
    "Parameters": {"Env": {"Type": "String"}, "Cidr": {"Type": "String"}},
    "Resources": {
        "Web": {
            "Type": "AWS::EC2::Instance",
            "Properties": {
                "SubnetId": {"Ref": "PublicSubnet"},
                "SecurityGroupIds": [{"Fn::GetAtt": ["WebSg", "GroupId"]}],
                "UserData": {"Fn::Sub": "echo ${Bucket.Arn} ${AWS::Region} ${Env} ${!NotARef}"},
            },
        },
        "WebSg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"VpcId": {"Ref": "Vpc"}}},
        "PublicSubnet": {
            "Type": "AWS::EC2::Subnet",
            "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": {"Ref": "Cidr"}},
        },
        "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},
        "Bucket": {
            "Type": "AWS::S3::Bucket",
            "DeletionPolicy": "Retain",
            "Properties": {"BucketName": {"Fn::Sub": ["${Prefix}-logs", {"Prefix": {"Ref": "Env"}}]}},
        },
        "Attach": {
            "Type": "AWS::EC2::VPCGatewayAttachment",
            "DependsOn": ["Vpc", "Igw"],
            "Properties": {"VpcId": {"Fn::GetAtt": "Vpc.VpcId"}},
        },
        "Igw": {"Type": "AWS::EC2::InternetGateway"},
    },
}


def test_depends_on_example():
    assert cf.creation_order(DEPENDS_ON_EXAMPLE) == ["myDB", "Ec2Instance"]


def test_every_reference_form():
    deps = cf.dependencies(WEB_STACK)
    assert deps["Web"] == ["Bucket", "PublicSubnet", "WebSg"]  # Ref, GetAtt list, Sub ${X.Attr}
    assert deps["Attach"] == ["Igw", "Vpc"]  # DependsOn list and GetAtt string
    assert deps["Bucket"] == []  # Sub variable map and parameter Ref
    assert deps["PublicSubnet"] == ["Vpc"]


def test_creation_order_is_waves_in_template_order():
    assert cf.creation_waves(WEB_STACK) == [["Vpc", "Bucket", "Igw"], ["WebSg", "PublicSubnet", "Attach"], ["Web"]]
    assert cf.creation_order(WEB_STACK)[-1] == "Web"
    assert cf.deletion_order(WEB_STACK)[0] == "Web"


def test_json_and_yaml_strings():
    assert cf.creation_order(json.dumps(DEPENDS_ON_EXAMPLE)) == ["myDB", "Ec2Instance"]
    yaml_text = """
Parameters:
  Env: {Type: String}
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub "${Env}-${Queue.QueueName}"
  Queue:
    Type: AWS::SQS::Queue
  Sub:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref Topic
      Endpoint: !GetAtt Queue.Arn
"""
    assert cf.creation_order(yaml_text) == ["Queue", "Topic", "Sub"]


@pytest.mark.parametrize(
    "resources, fragment",
    [
        ({"A": {"Type": "T", "Properties": {"X": {"Ref": "Nope"}}}}, "'Nope'"),
        ({"A": {"Type": "T", "Properties": {"X": {"Fn::GetAtt": ["Nope", "Arn"]}}}}, "'Nope'"),
        ({"A": {"Type": "T", "Properties": {"X": {"Fn::Sub": "${Nope.Arn}"}}}}, "'Nope'"),
        ({"A": {"Type": "T", "DependsOn": "Nope"}}, "'Nope'"),
        ({"A": {"Type": "T", "DependsOn": 3}}, "DependsOn"),
        ({"A": {"Type": "T", "Properties": {"X": {"Fn::GetAtt": "NoDot"}}}}, "Fn::GetAtt"),
    ],
)
def test_unknown_and_malformed_references(resources, fragment):
    with pytest.raises(ValueError, match=fragment):
        cf.creation_order({"Resources": resources})


def test_cycle_names_only_its_members():
    template = {
        "Resources": {
            "Root": {"Type": "T"},
            "A": {"Type": "T", "Properties": {"X": {"Ref": "B"}, "Y": {"Ref": "Root"}}},
            "B": {"Type": "T", "Properties": {"X": {"Fn::GetAtt": ["C", "Arn"]}}},
            "C": {"Type": "T", "DependsOn": "A"},
            "Downstream": {"Type": "T", "DependsOn": "C"},
        }
    }
    with pytest.raises(ValueError, match="circular dependency between resources: A, B, C$"):
        cf.creation_order(template)
    with pytest.raises(ValueError, match="Self"):
        cf.creation_order({"Resources": {"Self": {"Type": "T", "DependsOn": "Self"}}})


@pytest.mark.parametrize(
    "bad", [None, 3, "not: [valid", "[1, 2]", {}, {"Resources": {}}, {"Resources": {"A": {"Properties": {}}}}]
)
def test_bad_templates(bad):
    with pytest.raises(ValueError, match="template|resource"):
        cf.creation_order(bad)


def _encode(target: str, style: int) -> tuple[str, object]:
    """One reference to ``target`` in one of the supported forms."""
    forms = [
        {"Ref": target},
        {"Fn::GetAtt": [target, "Arn"]},
        {"Fn::GetAtt": f"{target}.Endpoint.Address"},
        {"Fn::Sub": f"x-${{{target}}}-${{AWS::Region}}-${{P}}"},
        {"Fn::Sub": [f"${{{target}.Arn}}-${{v}}", {"v": {"Ref": "AWS::StackName"}}]},
        None,  # DependsOn
    ]
    return ("DependsOn", target) if forms[style] is None else ("Properties", forms[style])


@st.composite
def acyclic_templates(draw):
    n = draw(st.integers(1, 12))
    names = [f"R{i}" for i in range(n)]
    edges = {name: set() for name in names}
    resources = {}
    for i, name in enumerate(names):
        targets = draw(st.lists(st.sampled_from(names[:i]), unique=True, max_size=i)) if i else []
        body = {"Type": "AWS::S3::Bucket", "Properties": {}}
        depends = []
        for k, t in enumerate(targets):
            where, ref = _encode(t, draw(st.integers(0, 5)))
            if where == "DependsOn":
                depends.append(ref)
            else:
                body["Properties"][f"P{k}"] = ref
            edges[name].add(t)
        if depends:
            body["DependsOn"] = depends[0] if len(depends) == 1 else depends
        resources[name] = body
    order = draw(st.permutations(names))
    template = {"Parameters": {"P": {"Type": "String"}}, "Resources": {r: resources[r] for r in order}}
    return template, edges


@FAST
@given(acyclic_templates())
def test_creation_order_is_topological(case):
    template, edges = case
    order = cf.creation_order(template)
    assert sorted(order) == sorted(edges)
    position = {r: i for i, r in enumerate(order)}
    for r, deps in edges.items():
        assert all(position[d] < position[r] for d in deps)
    assert {r: set(d) for r, d in cf.dependencies(template).items()} == edges


@FAST
@given(acyclic_templates(), st.data())
def test_planted_cycle_is_reported(case, data):
    template, edges = case
    names = list(edges)
    if len(names) < 2:
        return
    a, b = data.draw(st.lists(st.sampled_from(names), min_size=2, max_size=2, unique=True))
    template["Resources"][a]["Properties"]["Loop"] = {"Ref": b}
    template["Resources"][b]["Properties"]["Loop"] = {"Ref": a}
    with pytest.raises(ValueError, match="circular") as info:
        cf.creation_order(template)
    named = str(info.value).split(": ", 1)[1].split(", ")
    assert {a, b} <= set(named)


def test_simulated_success():
    events = cf.simulate_stack_create(WEB_STACK)
    assert events[0]["ResourceStatus"] == "CREATE_IN_PROGRESS"
    assert events[-1]["LogicalResourceId"] == "demo-stack" and events[-1]["ResourceStatus"] == "CREATE_COMPLETE"
    done = [e["LogicalResourceId"] for e in events if e["ResourceStatus"] == "CREATE_COMPLETE"][:-1]
    assert sorted(done) == sorted(WEB_STACK["Resources"])


def test_simulated_failure_rolls_back_in_reverse():
    events = cf.simulate_stack_create(WEB_STACK, "Web", durations_seconds={"Web": 30})
    statuses = [(e["LogicalResourceId"], e["ResourceStatus"]) for e in events]
    assert ("Web", "CREATE_FAILED") in statuses
    assert statuses[-1] == ("demo-stack", "ROLLBACK_COMPLETE")
    assert ("Bucket", "DELETE_SKIPPED") in statuses  # DeletionPolicy Retain
    deleted = [r for r, s in statuses if s == "DELETE_COMPLETE"]
    assert deleted.index("Web") < deleted.index("PublicSubnet") < deleted.index("Vpc")
    assert deleted.index("Web") < deleted.index("WebSg") < deleted.index("Vpc")
    at = {(e["LogicalResourceId"], e["ResourceStatus"]): e["ElapsedSeconds"] for e in events}
    assert at[("Web", "DELETE_IN_PROGRESS")] == at[("Web", "CREATE_FAILED")]


def test_failure_cancels_in_progress_siblings():
    events = cf.simulate_stack_create(WEB_STACK, "Igw", durations_seconds={"Igw": 1, "Vpc": 10, "Bucket": 10})
    cancelled = {
        e["LogicalResourceId"] for e in events if e.get("ResourceStatusReason") == "Resource creation cancelled"
    }
    assert cancelled == {"Vpc", "Bucket"}
    assert not any(e["LogicalResourceId"] == "Web" for e in events)  # never started, never deleted


def test_simulation_bad_inputs():
    with pytest.raises(ValueError, match="fail_resource"):
        cf.simulate_stack_create(WEB_STACK, "Nope")
    with pytest.raises(ValueError, match="durations_seconds"):
        cf.simulate_stack_create(WEB_STACK, durations_seconds={"Web": -1})
    with pytest.raises(ValueError, match="stack_name"):
        cf.simulate_stack_create(WEB_STACK, stack_name="Web")


@FAST
@given(acyclic_templates(), st.data(), st.integers(0, 2**16))
def test_rollback_invariants(case, data, seed):
    template, edges = case
    fail = data.draw(st.sampled_from(list(edges)))
    events = cf.simulate_stack_create(template, fail, seed=seed)
    time_of = {}
    for e in events:
        time_of.setdefault((e["LogicalResourceId"], e["ResourceStatus"]), e["ElapsedSeconds"])
    started = {r for r in edges if (r, "CREATE_IN_PROGRESS") in time_of}
    assert fail in started
    times = [e["ElapsedSeconds"] for e in events]
    assert times == sorted(times)
    for r in started:  # created only after its dependencies completed
        assert all(time_of[(d, "CREATE_COMPLETE")] <= time_of[(r, "CREATE_IN_PROGRESS")] for d in edges[r])
        finished = [s for (x, s) in time_of if x == r and s in ("DELETE_COMPLETE", "DELETE_SKIPPED")]
        assert len(finished) == 1  # every started resource is cleaned up exactly once
    for r in started:  # deleted only after everything that depends on it is gone
        for other in started:
            if r in edges[other]:
                assert time_of[(other, "DELETE_COMPLETE")] <= time_of[(r, "DELETE_IN_PROGRESS")]
    assert not any(e["LogicalResourceId"] in set(edges) - started for e in events)
    assert events[-1]["ResourceStatus"] == "ROLLBACK_COMPLETE"


def test_retain_except_on_create_is_deleted_on_create_rollback():
    template = {
        "Resources": {
            "Keep": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain"},
            "Temp": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "RetainExceptOnCreate"},
            "Boom": {"Type": "AWS::SQS::Queue", "DependsOn": ["Keep", "Temp"]},
        }
    }
    statuses = {(e["LogicalResourceId"], e["ResourceStatus"]) for e in cf.simulate_stack_create(template, "Boom")}
    assert ("Keep", "DELETE_SKIPPED") in statuses and ("Keep", "DELETE_COMPLETE") not in statuses
    assert ("Temp", "DELETE_COMPLETE") in statuses


def test_yaml_condition_tag_is_not_a_reference():
    text = """
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Both: !And [!Condition IsProd, !Condition IsProd]
Parameters:
  Env: {Type: String}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !If [IsProd, 0, 5]
"""
    assert cf.creation_order(text) == ["Queue"]


def test_moto_accepts_the_template_and_creates_every_resource(monkeypatch):
    """Cross-check: the emulator creates exactly the resources the analyser orders."""
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    boto3 = pytest.importorskip("boto3")
    moto = pytest.importorskip("moto")
    # moto's CloudFormation backend loads every service model; it needs the moto[cloudformation] extra.
    pytest.importorskip("openapi_spec_validator", reason="moto[cloudformation] extra not installed")
    template = {
        "Resources": {
            "Queue": {"Type": "AWS::SQS::Queue"},
            "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": {"Fn::Sub": "${AWS::StackName}-topic"}}},
            "Bucket": {"Type": "AWS::S3::Bucket", "DependsOn": ["Queue", "Topic"]},
        }
    }
    with moto.mock_aws():
        client = boto3.client("cloudformation", region_name="us-east-1")
        client.create_stack(StackName="lab", TemplateBody=json.dumps(template))
        listed = client.list_stack_resources(StackName="lab")["StackResourceSummaries"]
    assert {r["LogicalResourceId"] for r in listed} == set(cf.creation_order(template))
    assert all(r["ResourceStatus"] == "CREATE_COMPLETE" for r in listed)


def test_json_template_text_goes_through_the_shared_json_parser():
    import pytest

    from awslab.management import cloudformation

    with pytest.raises(ValueError, match=r"template is not valid JSON: .*\(line 1, column"):
        cloudformation.load_template('{"Resources": {"Queue": ')
