"""CloudFormation template analysis: the dependency graph behind a stack's creation order.

A resource depends on another when it names it with ``Ref``, ``Fn::GetAtt`` (list form ``["Db", "Endpoint.Address"]``
or string form ``"Db.Endpoint.Address"``), a ``${Db}`` / ``${Db.Endpoint.Address}`` placeholder inside ``Fn::Sub``, or
lists it in ``DependsOn`` (a string or a list). References to template Parameters and to pseudo parameters such as
``AWS::Region`` are not dependencies. Sources (read 2026-11-27):
https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html,
.../intrinsic-function-reference-getatt.html, .../intrinsic-function-reference-sub.html,
.../aws-attribute-dependson.html.

References:
    - AWS CloudFormation User Guide, "Ref",
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html (read 2026-11-27)
    - AWS CloudFormation User Guide, "Fn::GetAtt",
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html (read 2026-11-27)
    - AWS CloudFormation User Guide, "Fn::Sub",
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html (read 2026-11-27)
    - AWS CloudFormation User Guide, "DependsOn attribute",
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html (read 2026-11-27)
    - AWS CloudFormation User Guide, "AWS CloudFormation quotas",
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html (read 2026-11-27)
    - AWS CloudFormation User Guide, "CloudFormation template Resources syntax" (logical IDs are alphanumeric),
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html (read 2026-12-03)
    - AWS CloudFormation API Reference, "CreateStack" (TemplateBody: at most 51,200 bytes),
      https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html (read 2026-12-03)
    - AWS News Blog, "AWS CloudFormation Update - YAML, Cross-Stack References, Simplified Substitution" (YAML
      without hash merges, aliases and some tags), https://aws.amazon.com/blogs/aws/aws-cloudformation-update-yaml-cross-stack-references-simplified-substitution/
      (read 2026-12-03)
    - AWS CloudFormation Template Reference, "DeletionPolicy attribute",
      https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html (read 2026-11-27)
"""

from __future__ import annotations

import heapq
import re
import reprlib
from collections.abc import Iterator
from typing import Any

import numpy as np

from awslab import validate
from awslab.validate import checked

# Resources per template, CloudFormation quotas,
# https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html (read 2026-11-27).
MAX_RESOURCES_PER_TEMPLATE = 500
# A template pasted as text is a TemplateBody: CreateStack takes at most 51,200 bytes (API_CreateStack.html).
MAX_TEMPLATE_BODY_CHARS = 51_200
_LOGICAL_ID = re.compile(r"[A-Za-z0-9]+")

PSEUDO_PARAMETERS = frozenset(
    {
        "AWS::AccountId",
        "AWS::NotificationARNs",
        "AWS::NoValue",
        "AWS::Partition",
        "AWS::Region",
        "AWS::StackId",
        "AWS::StackName",
        "AWS::URLSuffix",
    }
)

_SUB_PLACEHOLDER = re.compile(r"\$\{([^}]*)\}")


@checked
def load_template(template: dict | str) -> dict:
    """Return a template as a dict: a dict as given, or a JSON or YAML string parsed (YAML short tags allowed).

    >>> sorted(load_template('{"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}')["Resources"])
    ['Queue']
    >>> load_template('{"Resources": {')
    Traceback (most recent call last):
    ...
    ValueError: template is not valid JSON: Expecting property name enclosed in double quotes (line 1, column 16)
    """
    if isinstance(template, dict):
        parsed: Any = validate.json_document("template", template, expect=object)  # bounded depth
    elif isinstance(template, str):
        if len(template) > MAX_TEMPLATE_BODY_CHARS:
            raise ValueError(
                f"template is {len(template):,} characters long; a TemplateBody holds at most "
                f"{MAX_TEMPLATE_BODY_CHARS:,} bytes"
            )
        # A JSON template is an object; anything else is read as YAML (JSON text that is not valid gets JSON's
        # own error message rather than YAML's).
        if template.lstrip().startswith("{"):
            parsed = validate.json_document("template", template, expect=object)
        else:
            parsed = validate.json_document("template", _load_yaml(template), expect=object)
    else:
        raise ValueError(f"template must be a dict or a JSON/YAML string, got {type(template).__name__}")
    if not isinstance(parsed, dict):
        raise ValueError(f"template must be a mapping with a Resources section, got {type(parsed).__name__}")
    resources = parsed.get("Resources")
    if not isinstance(resources, dict) or not resources:
        raise ValueError("template must have a non-empty Resources mapping of logical id -> resource")
    if len(resources) > MAX_RESOURCES_PER_TEMPLATE:
        raise ValueError(
            f"template has {len(resources)} resources; CloudFormation allows at most {MAX_RESOURCES_PER_TEMPLATE}"
        )
    for logical_id, body in resources.items():
        if not isinstance(logical_id, str) or not _LOGICAL_ID.fullmatch(logical_id):
            raise ValueError(
                f"template: resource logical id {logical_id!r} must be a non-empty alphanumeric name (A-Za-z0-9)"
            )
        if not isinstance(body, dict) or not isinstance(body.get("Type"), str):
            raise ValueError(f"resource {logical_id!r} must be a mapping with a Type string, got {body!r}")
    parameters = parsed.get("Parameters")
    if parameters is not None and (
        not isinstance(parameters, dict) or not all(isinstance(v, dict) for v in parameters.values())
    ):
        raise ValueError(
            "template: Parameters must be a mapping of parameter name -> {Type: ...}, got "
            f"{type(parameters).__name__} {reprlib.repr(parameters)}"
        )
    return parsed


def _load_yaml(text: str) -> Any:
    """Parse a YAML template, turning short-form tags (!Ref, !GetAtt, !Sub, ...) into their long form."""
    import yaml  # only YAML templates need it; JSON and dicts never import it

    class _Loader(_BASE_LOADER(yaml)):
        pass

    def construct(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict:
        name = suffix if suffix in ("Ref", "Condition") else f"Fn::{suffix}"
        if isinstance(node, yaml.ScalarNode):
            value: Any = loader.construct_scalar(node)
            if name == "Fn::GetAtt":
                value = value.split(".", 1)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_mapping(node, deep=True)
        return {name: value}

    _Loader.add_multi_constructor("!", construct)
    try:
        # A first pass over the parser's events (libyaml's C parser where present, no recursion): CloudFormation
        # takes no YAML aliases (which also rules out alias bombs), and nesting is bounded before anything is built.
        depth = 0
        for event in yaml.parse(text, Loader=_BASE_LOADER(yaml)):
            if isinstance(event, yaml.AliasEvent):
                raise ValueError(
                    f"template uses a YAML alias (*{event.anchor}); CloudFormation does not support aliases"
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > validate.MAX_JSON_DEPTH:
                    raise ValueError(
                        f"template is nested too deeply; at most {validate.MAX_JSON_DEPTH} levels are allowed"
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as exc:
        raise ValueError(f"template is neither valid JSON nor valid YAML: {exc}") from exc


def _BASE_LOADER(yaml):  # noqa: N802 - returns a class
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _walk(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (intrinsic name, argument) pair for Ref, Fn::GetAtt and Fn::Sub anywhere under ``node``."""
    if isinstance(node, dict):
        if len(node) == 1:
            ((key, arg),) = node.items()
            if key in ("Ref", "Fn::GetAtt", "Fn::Sub"):
                yield key, arg
                if key == "Fn::Sub" and isinstance(arg, list) and len(arg) == 2:
                    yield from _walk(arg[1])
                return
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _referenced_names(key: str, arg: Any, owner: str) -> list[str]:
    """Logical names one intrinsic refers to (resources or parameters; pseudo parameters dropped)."""
    if key == "Ref":
        if not isinstance(arg, str):
            raise ValueError(f"resource {owner!r}: Ref must name a resource or parameter, got {arg!r}")
        return [] if arg in PSEUDO_PARAMETERS else [arg]
    if key == "Fn::GetAtt":
        if isinstance(arg, str) and "." in arg:
            return [arg.split(".", 1)[0]]
        if isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str):
            return [arg[0]]
        raise ValueError(
            f"resource {owner!r}: Fn::GetAtt must be [LogicalId, Attribute] or 'LogicalId.Attribute', got {arg!r}"
        )
    if isinstance(arg, str):
        text, local = arg, {}
    elif isinstance(arg, list) and len(arg) == 2 and isinstance(arg[0], str) and isinstance(arg[1], dict):
        text, local = arg
    else:
        raise ValueError(f"resource {owner!r}: Fn::Sub must be a string or [string, {{variables}}], got {arg!r}")
    names = []
    for placeholder in _SUB_PLACEHOLDER.findall(text):
        if placeholder.startswith("!"):
            continue  # ${!Literal} is written out literally
        name = placeholder.split(".", 1)[0].strip()
        if placeholder.strip() in PSEUDO_PARAMETERS or name in local:
            continue
        names.append(name)
    return names


@checked
def dependencies(template: dict | str) -> dict[str, list[str]]:
    """Logical id -> the resources it depends on (sorted, no duplicates), in template order.

    Raises ValueError for a reference to a name that is neither a resource, a Parameter nor a pseudo parameter.

    >>> t = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}, "Topic": {"Type": "AWS::SNS::Topic", "DependsOn": "Queue"}}}
    >>> dependencies(t)
    {'Queue': [], 'Topic': ['Queue']}
    """
    parsed = load_template(template)
    resources: dict = parsed["Resources"]
    parameters = set(parsed.get("Parameters") or {})
    graph: dict[str, list[str]] = {}
    for logical_id, body in resources.items():
        needed: set[str] = set()
        for key, value in body.items():
            if key == "DependsOn":
                names = [value] if isinstance(value, str) else value
                if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                    raise ValueError(
                        f"resource {logical_id!r}: DependsOn must be a string or a list of strings, got {value!r}"
                    )
                for n in names:
                    if n not in resources:
                        raise ValueError(f"resource {logical_id!r}: DependsOn names unknown resource {n!r}")
                needed.update(names)
            else:
                for fn, arg in _walk(value):
                    for n in _referenced_names(fn, arg, logical_id):
                        if n in resources:
                            needed.add(n)
                        elif n in parameters and fn != "Fn::GetAtt":
                            continue
                        else:
                            raise ValueError(f"resource {logical_id!r}: {fn} refers to unknown resource {n!r}")
        graph[logical_id] = sorted(needed)
    return graph


def _cycle_members(graph: dict[str, list[str]], nodes: set[str]) -> list[str]:
    """Resources that lie on a dependency cycle among ``nodes`` (strongly connected components, Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    members: set[str] = set()
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in nodes:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in graph[v]:
                members.update(component)

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return sorted(members)


@checked
def creation_waves(template: dict | str) -> list[list[str]]:
    """Resources grouped into waves: each wave depends only on earlier waves, so its members can be created
    together (CloudFormation creates independent resources in parallel). Raises ValueError naming a cycle.

    >>> t = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}, "Topic": {"Type": "AWS::SNS::Topic", "DependsOn": "Queue"}}}
    >>> creation_waves(t)
    [['Queue'], ['Topic']]
    """
    graph = dependencies(template)
    remaining = {r: set(d) for r, d in graph.items()}
    waves: list[list[str]] = []
    done: set[str] = set()
    while remaining:
        ready = [r for r in graph if r in remaining and remaining[r] <= done]
        if not ready:
            cycle = _cycle_members(graph, set(remaining))
            raise ValueError(f"template has a circular dependency between resources: {', '.join(cycle)}")
        waves.append(ready)
        done.update(ready)
        for r in ready:
            del remaining[r]
    return waves


@checked
def creation_order(template: dict | str) -> list[str]:
    """Logical resource ids in an order that creates every resource after all it depends on.

    Ties keep template order, wave by wave. Raises ValueError naming the resources of a dependency cycle or a
    reference to an unknown resource.

    >>> t = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}, "Topic": {"Type": "AWS::SNS::Topic", "DependsOn": "Queue"}}}
    >>> creation_order(t)
    ['Queue', 'Topic']
    """
    return [r for wave in creation_waves(template) for r in wave]


@checked
def deletion_order(template: dict | str) -> list[str]:
    """Logical ids in an order that deletes every resource before anything it depends on (creation reversed).

    >>> t = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}, "Topic": {"Type": "AWS::SNS::Topic", "DependsOn": "Queue"}}}
    >>> deletion_order(t)
    ['Topic', 'Queue']
    """
    return list(reversed(creation_order(template)))


# Illustrative creation times in seconds for the rollback simulation (not AWS figures; overridable).
TYPICAL_CREATE_SECONDS = {
    "AWS::EC2::VPC": 5.0,
    "AWS::EC2::Subnet": 5.0,
    "AWS::EC2::InternetGateway": 3.0,
    "AWS::EC2::SecurityGroup": 4.0,
    "AWS::EC2::Instance": 45.0,
    "AWS::EC2::NatGateway": 120.0,
    "AWS::RDS::DBInstance": 480.0,
    "AWS::S3::Bucket": 3.0,
    "AWS::IAM::Role": 15.0,
    "AWS::ElasticLoadBalancingV2::LoadBalancer": 180.0,
    "AWS::AutoScaling::AutoScalingGroup": 90.0,
}
DEFAULT_CREATE_SECONDS = 10.0
DELETE_TIME_FRACTION = 0.5  # a deletion is modelled as taking half the creation time


def _durations(resources: dict, durations_seconds: dict[str, float] | None, seed: int | None) -> dict[str, float]:
    base = {r: TYPICAL_CREATE_SECONDS.get(body["Type"], DEFAULT_CREATE_SECONDS) for r, body in resources.items()}
    for r, seconds in (durations_seconds or {}).items():
        if r not in resources:
            raise ValueError(f"durations_seconds names unknown resource {r!r}; resources are {', '.join(resources)}")
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds > 0:
            raise ValueError(f"durations_seconds[{r!r}]={seconds!r} must be a positive number of seconds")
        base[r] = float(seconds)
    if seed is not None:
        factors = np.random.default_rng(seed).lognormal(0.0, 0.25, size=len(base))
        base = {r: round(v * float(f), 3) for (r, v), f in zip(base.items(), factors, strict=True)}
    return base


@checked
def simulate_stack_create(
    template: dict | str,
    fail_resource: str | None = None,
    *,
    stack_name: str = "demo-stack",
    durations_seconds: dict[str, float] | None = None,
    seed: int | None = None,
) -> list[dict]:
    """Stack events (describe-stack-events fields plus ElapsedSeconds, oldest first) for a create that succeeds,
    or fails at ``fail_resource`` and rolls back.

    Resources start as soon as everything they depend on is complete (in parallel). When ``fail_resource`` fails,
    resources still in progress are cancelled, and the rollback deletes every resource that was started, each
    only after everything that depends on it is gone (creation order reversed). DeletionPolicy Retain keeps a
    resource (DELETE_SKIPPED); RetainExceptOnCreate and Snapshot resources are deleted, since a failed create
    rolls back what it just made (DeletionPolicy page,
    https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html).
    Durations come from ``durations_seconds`` (logical id -> seconds) or an illustrative per-type table,
    jittered when ``seed`` is given.

    >>> t = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}, "Topic": {"Type": "AWS::SNS::Topic", "DependsOn": "Queue"}}}
    >>> events = simulate_stack_create(t, 'Topic', seed=0)
    >>> events[-1]["LogicalResourceId"], events[-1]["ResourceStatus"]
    ('demo-stack', 'ROLLBACK_COMPLETE')
    """
    parsed = load_template(template)
    resources: dict = parsed["Resources"]
    if fail_resource is not None and fail_resource not in resources:
        raise ValueError(f"fail_resource={fail_resource!r} is not a resource of the template: {', '.join(resources)}")
    if stack_name in resources:
        raise ValueError(f"stack_name={stack_name!r} must differ from every logical resource id")
    graph = dependencies(parsed)
    creation_waves(parsed)  # raises on cycles before simulating
    seconds = _durations(resources, durations_seconds, seed)
    position = {r: i for i, r in enumerate(resources)}
    events: list[dict] = []

    def emit(t: float, logical_id: str, status: str, reason: str | None = None) -> None:
        is_stack = logical_id == stack_name
        event = {
            "StackName": stack_name,
            "LogicalResourceId": logical_id,
            "ResourceType": "AWS::CloudFormation::Stack" if is_stack else resources[logical_id]["Type"],
            "ResourceStatus": status,
            "ElapsedSeconds": round(t, 6),
        }
        if reason:
            event["ResourceStatusReason"] = reason
        events.append(event)

    emit(0.0, stack_name, "CREATE_IN_PROGRESS", "User Initiated")
    running: list[tuple[float, int, str]] = []
    complete: set[str] = set()
    started: set[str] = set()

    def start_ready(t: float) -> None:
        for r in resources:
            if r not in started and all(d in complete for d in graph[r]):
                started.add(r)
                emit(t, r, "CREATE_IN_PROGRESS")
                heapq.heappush(running, (t + seconds[r], position[r], r))

    start_ready(0.0)
    failed_at = None
    while running:
        t, _, r = heapq.heappop(running)
        if r == fail_resource:
            emit(t, r, "CREATE_FAILED", "Simulated failure")
            for _, _, other in sorted(running, key=lambda item: item[1]):
                emit(t, other, "CREATE_FAILED", "Resource creation cancelled")
            running.clear()
            failed_at = t
            break
        complete.add(r)
        emit(t, r, "CREATE_COMPLETE")
        start_ready(t)
    if failed_at is None:
        emit(events[-1]["ElapsedSeconds"], stack_name, "CREATE_COMPLETE")
        return events

    emit(
        failed_at,
        stack_name,
        "ROLLBACK_IN_PROGRESS",
        f"The following resource(s) failed to create: [{fail_resource}]. Rollback requested by user.",
    )
    dependents = {r: {o for o in started if r in graph[o]} for r in started}
    deleted: set[str] = set()
    deleting: list[tuple[float, int, str]] = []
    queued: set[str] = set()

    def delete_ready(t: float) -> None:
        for r in sorted(started - queued, key=position.__getitem__):
            if dependents[r] <= deleted:
                queued.add(r)
                if resources[r].get("DeletionPolicy") == "Retain":
                    emit(t, r, "DELETE_SKIPPED")
                    heapq.heappush(deleting, (t, position[r], r))
                else:
                    emit(t, r, "DELETE_IN_PROGRESS")
                    heapq.heappush(deleting, (t + DELETE_TIME_FRACTION * seconds[r], position[r], r))

    t = failed_at
    delete_ready(t)
    while deleting:
        t, _, r = heapq.heappop(deleting)
        if resources[r].get("DeletionPolicy") != "Retain":
            emit(t, r, "DELETE_COMPLETE")
        deleted.add(r)
        delete_ready(t)
    emit(t, stack_name, "ROLLBACK_COMPLETE")
    return events
