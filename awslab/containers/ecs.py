"""Amazon ECS: a task definition's resources, task placement over a cluster, awsvpc ENI limits, and target tracking.

Task definitions are ECS's own JSON (RegisterTaskDefinition / DescribeTaskDefinition ``taskDefinition``): the task
size is the task-level ``cpu``/``memory`` when given, else the sum over ``containerDefinitions`` (``memory`` or, when
only that is set, ``memoryReservation``). Container instances are DescribeContainerInstances-shaped:
``{"ec2InstanceId", "attributes": [{"name": "ecs.availability-zone", "value": ...}, {"name": "ecs.instance-type",
...}], "registeredResources": [{"name": "CPU", "integerValue": ...}, {"name": "MEMORY", "integerValue": ...}]}``.
Placement takes ``placementStrategy`` and ``placementConstraints`` in RunTask/CreateService shape. One field is ours,
not AWS's: ``awsvpcTaskLimit`` on an instance, the number of awsvpc tasks its ENIs allow (ECS knows this from the
instance type; the table below gives it for a few types).

The placement simulation follows the ECS developer guide's description: for each task, ECS keeps the instances that
have the CPU and memory (and, in ``awsvpc`` mode, a free ENI) and satisfy every constraint, then applies the
strategies in order, each breaking the previous one's ties:

- ``binpack`` on ``cpu`` or ``memory``: the instance with the least of that resource left;
- ``spread`` on ``instanceId`` or ``attribute:<name>`` (e.g. ``attribute:ecs.availability-zone``): the value with
  the fewest tasks placed so far;
- ``random``: a seeded random draw.

Constraints: ``distinctInstance`` (at most one task of this group per instance) and ``memberOf`` with a small subset
of the cluster query language: ``attribute:<name> == value``, ``!=``, ``=~ pattern`` (``*`` wildcard), ``in [a, b]``,
``not_in [a, b]``, joined by ``and``. A task that fits nowhere stays unplaced, as a service's task stays PENDING.
This is a model of the documented rules, not ECS's scheduler: AWS does not publish its tie-breaking.

References:
    - Amazon ECS Developer Guide, "Amazon ECS task placement strategies" (binpack, random, spread; strategies
      combined in order), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html
      (read 2026-12-03)
    - Amazon ECS Developer Guide, "Amazon ECS task placement constraints" (distinctInstance, memberOf) and "Create
      expressions to define container instances for Amazon ECS tasks" (cluster query language),
      https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html (read 2026-12-03)
    - Amazon ECS Developer Guide, "Amazon ECS task networking options for the EC2 launch type" (awsvpc, bridge,
      host), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html (read 2026-12-03)
    - Amazon ECS Developer Guide, "Elastic network interface trunking" (task limits per instance type with and
      without awsvpcTrunking; c5.large: 2 tasks, 10 with trunking),
      https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html (read 2026-12-03; table
      also in awsdocs/amazon-ecs-developer-guide, doc_source/container-instance-eni.md)
    - Amazon ECS Developer Guide, "Use a target metric to scale Amazon ECS services" and "Create a target tracking
      scaling policy" (metrics ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization,
      ALBRequestCountPerTarget; scale out above the target only),
      https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html
      (read 2026-12-03)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from awslab import validate
from awslab.validate import checked

STRATEGY_TYPES = ("binpack", "spread", "random")
NETWORK_MODES = ("awsvpc", "bridge", "host")
MAX_INSTANCES = 500
MAX_TASKS = 5_000

# instance type -> (vCPU, memory MiB registered, awsvpc tasks without trunking, with trunking); "Elastic network
# interface trunking" table (read 2026-12-03). Memory registered by the ECS agent is less than the instance's: the
# agent and the OS keep some; the figures here use the instance's GiB x 1024 minus 256 MiB, a round assumption.
INSTANCE_TYPES: dict[str, tuple[int, int, int, int]] = {
    "c5.large": (2, 4 * 1024 - 256, 2, 10),
    "m5.large": (2, 8 * 1024 - 256, 2, 10),
    "m5.xlarge": (4, 16 * 1024 - 256, 3, 20),
    "m5.2xlarge": (8, 32 * 1024 - 256, 3, 40),
    "r5.large": (2, 16 * 1024 - 256, 2, 10),
}


SAMPLE_CLUSTER = ("m5.large", "m5.large", "c5.large", "m5.xlarge", "m5.large", "r5.large")


@checked
def sample_task_definition(cpu: int = 512, memory: int = 1024) -> dict:
    """A one-container task definition in ECS's JSON shape (task-level cpu and memory), as the notebooks register it.

    >>> task_size(sample_task_definition(256, 512))
    TaskSize(cpu=256, memory=512)
    """
    validate.integer("cpu", cpu, minimum=1, maximum=196_608)
    validate.integer("memory", memory, minimum=1, maximum=10_000_000)
    return {
        "family": "web",
        "networkMode": "awsvpc",
        "requiresCompatibilities": ["EC2", "FARGATE"],
        "cpu": str(cpu),
        "memory": str(memory),
        "containerDefinitions": [
            {
                "name": "app",
                "image": "public.ecr.aws/nginx/nginx:latest",
                "essential": True,
                "portMappings": [{"containerPort": 80, "protocol": "tcp"}],
            }
        ],
    }


@dataclass(frozen=True)
class TaskSize:
    """A task's CPU units and memory (MiB) as placement sees them."""

    cpu: int
    memory: int


@checked
def task_size(task_definition: dict | str) -> TaskSize:
    """The CPU units and MiB a task definition reserves on an instance (task level, else the containers' sum).

    >>> task_size({"family": "web", "containerDefinitions": [{"name": "app", "cpu": 256, "memory": 512},
    ...            {"name": "log", "cpu": 128, "memoryReservation": 128}]})
    TaskSize(cpu=384, memory=640)
    """
    document = validate.json_document("task_definition", task_definition, expect=dict)
    containers = document.get("containerDefinitions")
    if not isinstance(containers, list) or not containers or not all(isinstance(c, dict) for c in containers):
        raise ValueError("task_definition.containerDefinitions must be a non-empty list of objects")
    cpu = _units("task_definition.cpu", document.get("cpu"))
    memory = _units("task_definition.memory", document.get("memory"))
    if cpu is None:
        cpu = sum(_units(f"containerDefinitions[{i}].cpu", c.get("cpu")) or 0 for i, c in enumerate(containers))
    if memory is None:
        memory = 0
        for i, c in enumerate(containers):
            own = _units(f"containerDefinitions[{i}].memory", c.get("memory"))
            reserved = _units(f"containerDefinitions[{i}].memoryReservation", c.get("memoryReservation"))
            if own is None and reserved is None:
                raise ValueError(
                    f"containerDefinitions[{i}] needs memory or memoryReservation when the task sets no memory"
                )
            memory += own if own is not None else reserved
    if memory <= 0:
        raise ValueError("task_definition reserves no memory; ECS needs a task or container memory value")
    return TaskSize(cpu=cpu, memory=memory)


def _units(name: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isdigit():  # the API returns task-level cpu/memory as strings
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10_000_000:
        raise ValueError(f"{name}={value!r} must be a whole number (CPU units or MiB), as a number or digits")
    return value


@checked
def container_instance(
    instance_id: str, availability_zone: str, instance_type: str = "m5.large", *, trunking: bool = False
) -> dict:
    """A DescribeContainerInstances-shaped instance of a type in our table (registered CPU and memory).

    >>> ci = container_instance("i-1", "us-east-1a")
    >>> [r["integerValue"] for r in ci["registeredResources"]], ci["attributes"][0]
    ([2048, 7936], {'name': 'ecs.availability-zone', 'value': 'us-east-1a'})
    """
    if instance_type not in INSTANCE_TYPES:
        raise ValueError(f"instance_type={instance_type!r} is not in the table: {', '.join(INSTANCE_TYPES)}")
    for name, value in (("instance_id", instance_id), ("availability_zone", availability_zone)):
        if not isinstance(value, str) or not value:
            raise ValueError(f"{name} must be a non-empty string, got {value!r}")
    vcpu, memory, plain, trunked = INSTANCE_TYPES[instance_type]
    return {
        "ec2InstanceId": instance_id,
        "attributes": [
            {"name": "ecs.availability-zone", "value": availability_zone},
            {"name": "ecs.instance-type", "value": instance_type},
        ],
        "registeredResources": [
            {"name": "CPU", "type": "INTEGER", "integerValue": vcpu * 1024},
            {"name": "MEMORY", "type": "INTEGER", "integerValue": memory},
        ],
        "awsvpcTaskLimit": trunked if trunking else plain,
    }


@checked
def cluster(instance_types: list[str], *, zones: int = 3, trunking: bool = False) -> list[dict]:
    """Instances of the given types dealt round-robin over ``zones`` AZs (us-east-1a, -1b, ...).

    >>> [(c["ec2InstanceId"], c["attributes"][0]["value"]) for c in cluster(["m5.large"] * 4, zones=2)]
    [('i-01', 'us-east-1a'), ('i-02', 'us-east-1b'), ('i-03', 'us-east-1a'), ('i-04', 'us-east-1b')]
    """
    count = validate.integer("zones", zones, minimum=1, maximum=6)
    if not 1 <= len(instance_types) <= MAX_INSTANCES:
        raise ValueError(f"instance_types must list 1 to {MAX_INSTANCES} instances, got {len(instance_types)}")
    return [
        container_instance(f"i-{i + 1:02d}", f"us-east-1{'abcdef'[i % count]}", t, trunking=trunking)
        for i, t in enumerate(instance_types)
    ]


@dataclass(frozen=True)
class Instance:
    """A container instance as placement tracks it (``Placement.instances``).

    >>> place_tasks(sample_task_definition(), 1, cluster(["m5.large"])).instances[0].cpu
    2048
    """

    instance_id: str
    attributes: dict[str, str]
    cpu: int
    memory: int
    eni_task_limit: int | None


def _instances(instances: Any) -> list[Instance]:
    items = validate.json_objects("instances", instances)
    if not 1 <= len(items) <= MAX_INSTANCES:
        raise ValueError(f"instances must hold 1 to {MAX_INSTANCES} container instances, got {len(items)}")
    out, seen = [], set()
    for i, item in enumerate(items):
        iid = item.get("ec2InstanceId")
        if not isinstance(iid, str) or not iid or iid in seen:
            raise ValueError(f"instances[{i}].ec2InstanceId must be a unique non-empty string, got {iid!r}")
        seen.add(iid)
        attrs = item.get("attributes", [])
        if not isinstance(attrs, list) or not all(
            isinstance(a, dict) and isinstance(a.get("name"), str) for a in attrs
        ):
            raise ValueError(f"instances[{i}].attributes must be a list of {{'name', 'value'}} objects")
        resources = item.get("remainingResources") or item.get("registeredResources")
        if not isinstance(resources, list):
            raise ValueError(f"instances[{i}] needs registeredResources (or remainingResources) with CPU and MEMORY")
        values = {r.get("name"): r.get("integerValue") for r in resources if isinstance(r, dict)}
        cpu, memory = values.get("CPU"), values.get("MEMORY")
        for name, v in (("CPU", cpu), ("MEMORY", memory)):
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise ValueError(f"instances[{i}] resource {name} must be a whole number, got {v!r}")
        limit = item.get("awsvpcTaskLimit")
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
            raise ValueError(f"instances[{i}].awsvpcTaskLimit must be a whole number, got {limit!r}")
        attributes = {a["name"]: str(a.get("value", "")) for a in attrs}
        attributes["instanceId"] = iid
        out.append(Instance(iid, attributes, cpu, memory, limit))
    return out


_TERM = re.compile(r"^attribute:([\w.\-]+)\s*(==|!=|=~|in|not_in)\s*(.+)$")


def _condition(expression: str):
    if not isinstance(expression, str) or not expression.strip() or len(expression) > 2000:
        raise ValueError(f"memberOf expression must be non-empty text of at most 2000 characters, got {expression!r}")
    tests = []
    for term in re.split(r"\s+and\s+", expression.strip()):
        match = _TERM.match(term.strip())
        if not match:
            raise ValueError(
                f"memberOf expression term {term!r} is not modelled: use attribute:NAME ==|!=|=~ value, "
                "attribute:NAME in [a, b] or not_in [a, b], joined by 'and'"
            )
        name, op, raw = match.groups()
        if op in ("in", "not_in"):
            if not (raw.startswith("[") and raw.endswith("]")):
                raise ValueError(f"memberOf: {op} needs a [list], got {raw!r}")
            values = {v.strip() for v in raw[1:-1].split(",") if v.strip()}
            tests.append((name, op, values))
        elif op == "=~":
            tests.append((name, op, re.compile(".*".join(re.escape(p) for p in raw.strip().split("*")))))
        else:
            tests.append((name, op, raw.strip()))

    def holds(attributes: dict[str, str]) -> bool:
        return all(_test(attributes.get(name), op, arg) for name, op, arg in tests)

    return holds


def _test(value: str | None, op: str, arg: Any) -> bool:
    if op == "==":
        return value == arg
    if op == "!=":
        return value != arg
    if op == "=~":
        return value is not None and arg.fullmatch(value) is not None
    if op == "in":
        return value in arg
    return value not in arg


def _strategies(strategy: Any) -> list[tuple[str, str]]:
    items = validate.json_objects("placement_strategy", strategy) if strategy else []
    out = []
    for i, s in enumerate(items):
        kind, field = s.get("type"), s.get("field")
        if kind not in STRATEGY_TYPES:
            raise ValueError(f"placement_strategy[{i}].type={kind!r} must be one of: {', '.join(STRATEGY_TYPES)}")
        if kind == "binpack":
            field = str(field).lower() if isinstance(field, str) else field
            if field not in ("cpu", "memory"):
                raise ValueError(f"placement_strategy[{i}]: binpack field must be 'cpu' or 'memory', got {field!r}")
        elif kind == "spread":
            if field == "host":
                field = "instanceId"
            if not isinstance(field, str) or not (field == "instanceId" or field.startswith("attribute:")):
                raise ValueError(
                    f"placement_strategy[{i}]: spread field must be 'instanceId' or 'attribute:<name>', got {field!r}"
                )
            field = field.removeprefix("attribute:")
        out.append((kind, field))
    if len(out) > 5:
        raise ValueError(f"placement_strategy has {len(out)} strategies; ECS allows at most 5")
    return out


@dataclass(frozen=True)
class Placement:
    """Where each task went (instance id, or None when it fits nowhere), and what each instance has left."""

    task_instances: tuple[str | None, ...]
    instances: tuple[Instance, ...]
    cpu_used: dict[str, int]
    memory_used: dict[str, int]
    tasks_on: dict[str, int]
    size: TaskSize

    @property
    def placed(self) -> int:
        """Tasks running."""
        return sum(t is not None for t in self.task_instances)

    @property
    def unplaced(self) -> int:
        """Tasks that fit nowhere (PENDING)."""
        return len(self.task_instances) - self.placed

    def per_attribute(self, name: str = "ecs.availability-zone") -> dict[str, int]:
        """Tasks per value of an attribute (e.g. per AZ), every value present in the cluster listed."""
        counts = {i.attributes.get(name, "?"): 0 for i in self.instances}
        for inst in self.instances:
            counts[inst.attributes.get(name, "?")] += self.tasks_on[inst.instance_id]
        return dict(sorted(counts.items()))

    def utilisation(self) -> list[dict]:
        """Per instance: tasks, CPU and memory used as a share of what it registered."""
        return [
            {
                "instance": i.instance_id,
                "zone": i.attributes.get("ecs.availability-zone", "?"),
                "tasks": self.tasks_on[i.instance_id],
                "cpu used": self.cpu_used[i.instance_id] / i.cpu if i.cpu else 0.0,
                "memory used": self.memory_used[i.instance_id] / i.memory if i.memory else 0.0,
            }
            for i in self.instances
        ]


@checked
def place_tasks(
    task_definition: dict | str,
    count: int,
    instances: list[dict] | str,
    *,
    placement_strategy: list[dict] | str | None = None,
    placement_constraints: list[dict] | str | None = None,
    network_mode: str = "bridge",
    seed: int = 0,
) -> Placement:
    """Place ``count`` copies of a task on the instances, one at a time, by ECS's documented rules (module docstring).

    >>> td = {"family": "web", "cpu": "1024", "memory": "2048", "containerDefinitions": [{"name": "app"}]}
    >>> p = place_tasks(td, 4, cluster(["m5.large"] * 3), placement_strategy=[
    ...     {"type": "spread", "field": "attribute:ecs.availability-zone"}, {"type": "binpack", "field": "memory"}])
    >>> p.per_attribute(), p.unplaced
    ({'us-east-1a': 2, 'us-east-1b': 1, 'us-east-1c': 1}, 0)
    """
    size = task_size(task_definition)
    n = validate.integer("count", count, minimum=0, maximum=MAX_TASKS)
    fleet = _instances(instances)
    strategies = _strategies(placement_strategy)
    mode = validate.choice("network_mode", network_mode, NETWORK_MODES)
    rng = np.random.default_rng(validate.integer("seed", seed, minimum=0))
    distinct, members = False, []
    for i, c in enumerate(validate.json_objects("placement_constraints", placement_constraints or [])):
        if c.get("type") == "distinctInstance":
            distinct = True
        elif c.get("type") == "memberOf":
            members.append(_condition(c.get("expression")))
        else:
            raise ValueError(f"placement_constraints[{i}].type={c.get('type')!r} must be distinctInstance or memberOf")
    if len(members) + distinct > 10:
        raise ValueError("placement_constraints: ECS allows at most 10 constraints per task")
    cpu_used = {i.instance_id: 0 for i in fleet}
    memory_used = dict(cpu_used)
    tasks_on = dict(cpu_used)
    eligible = [inst for inst in fleet if all(m(inst.attributes) for m in members)]
    where: list[str | None] = []
    for _ in range(n):
        fits = [
            inst
            for inst in eligible
            if cpu_used[inst.instance_id] + size.cpu <= inst.cpu
            and memory_used[inst.instance_id] + size.memory <= inst.memory
            and not (distinct and tasks_on[inst.instance_id] >= 1)
            and not (
                mode == "awsvpc"
                and inst.eni_task_limit is not None
                and tasks_on[inst.instance_id] >= inst.eni_task_limit
            )
            and not (mode == "host" and tasks_on[inst.instance_id] >= 1)  # a fixed host port: one task per instance
        ]
        if not fits:
            where.append(None)
            continue
        draws = rng.random(len(fits)) if any(k == "random" for k, _ in strategies) else None
        spread_counts = {}
        for kind, field in strategies:
            if kind == "spread" and field not in spread_counts:
                per_value: dict[str, int] = {}
                for inst in fleet:
                    value = inst.attributes.get(field)
                    per_value[value] = per_value.get(value, 0) + tasks_on[inst.instance_id]
                spread_counts[field] = per_value

        def key(item, strategies=strategies, draws=draws, spread_counts=spread_counts):
            position, inst = item
            parts = []
            for kind, field in strategies:
                if kind == "binpack":
                    left = (
                        (inst.cpu - cpu_used[inst.instance_id])
                        if field == "cpu"
                        else (inst.memory - memory_used[inst.instance_id])
                    )
                    parts.append(left)
                elif kind == "spread":
                    parts.append(spread_counts[field].get(inst.attributes.get(field), 0))
                else:
                    parts.append(draws[position])
            return (*parts, position)

        chosen = min(enumerate(fits), key=key)[1]
        cpu_used[chosen.instance_id] += size.cpu
        memory_used[chosen.instance_id] += size.memory
        tasks_on[chosen.instance_id] += 1
        where.append(chosen.instance_id)
    return Placement(tuple(where), tuple(fleet), cpu_used, memory_used, tasks_on, size)


@checked
def awsvpc_task_limit(instance_type: str, *, trunking: bool = False) -> int:
    """How many awsvpc tasks an instance type can run: one ENI each, the primary ENI (and the trunk ENI) excluded.

    >>> awsvpc_task_limit("m5.large"), awsvpc_task_limit("m5.large", trunking=True)
    (2, 10)
    """
    if instance_type not in INSTANCE_TYPES:
        raise ValueError(f"instance_type={instance_type!r} is not in the table: {', '.join(INSTANCE_TYPES)}")
    _, _, plain, trunked = INSTANCE_TYPES[instance_type]
    return trunked if trunking else plain


@checked
def target_tracking_desired(current_tasks: int, metric_percent: float, target_percent: float = 50.0) -> int:
    """Tasks target tracking asks for: enough that the average metric comes back to the target (rounded up).

    ECS service auto scaling (Application Auto Scaling) scales out when the service's average CPU or memory
    utilisation is above the target and in, more cautiously, when below; the proportional rule here is the idea.

    >>> target_tracking_desired(4, 90, 60)
    6
    """
    tasks = validate.integer("current_tasks", current_tasks, minimum=1, maximum=MAX_TASKS)
    metric = validate.number("metric_percent", metric_percent, minimum=0, maximum=1000, unit="%")
    target = validate.number("target_percent", target_percent, minimum=1, maximum=100, unit="%")
    return max(1, math.ceil(round(tasks * metric / target, 9)))
