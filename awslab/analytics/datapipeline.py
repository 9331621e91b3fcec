"""A Data Pipeline run as a dependency graph: activities wait for their dependencies and preconditions, retry on
failure, and a failure cascades to everything downstream.

Input is the ``objects`` list of a pipeline definition (``{"id", "name", "type", "dependsOn": {"ref"},
"precondition": {"ref"}, "maximumRetries", "retryDelay"}``). AWS Data Pipeline is no longer available to new
customers (Data Pipeline Developer Guide banner, read 2026-11-27); Step Functions, MWAA and Glue workflows carry the
same ideas today.

References:
    - AWS Data Pipeline Developer Guide, "Pipeline Object Reference",
      https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-pipeline-objects.html (read 2026-12-03)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

# Retry settings of activity objects (maximumRetries, retryDelay). The fields are from the Data Pipeline
# Developer Guide's object reference (read 2026-11-27); the defaults and the 0-5 range below are this course's
# assumptions, as the pages read did not state them. Override them per activity in the definition.
DEFAULT_MAXIMUM_RETRIES = 2
MAXIMUM_RETRIES_LIMIT = 5
DEFAULT_RETRY_DELAY_MINUTES = 10.0
ACTIVITY_TYPES = (
    "ShellCommandActivity",
    "CopyActivity",
    "EmrActivity",
    "HiveActivity",
    "SqlActivity",
    "RedshiftCopyActivity",
    "PigActivity",
    "HadoopActivity",
    "HiveCopyActivity",
)
PRECONDITION_TYPES = (
    "S3KeyExists",
    "S3PrefixNotEmpty",
    "DynamoDBTableExists",
    "DynamoDBDataExists",
    "Exists",
    "ShellCommandPrecondition",
)
_PERIOD = re.compile(r"^\s*(\d+(?:\.\d+)?)\s+(minute|minutes|hour|hours|day|days)\s*$", re.IGNORECASE)
_MINUTES = {"minute": 1, "hour": 60, "day": 1440}


@checked
def period_minutes(period: str) -> float:
    """Data Pipeline period text such as "10 Minutes" or "1 hour" -> minutes.

    >>> period_minutes("2 Hours")
    120.0
    """
    match = _PERIOD.match(period) if isinstance(period, str) else None
    if not match:
        raise ValueError(f"period={period!r} must read like '10 Minutes', '2 hours' or '1 day'")
    return float(match.group(1)) * _MINUTES[match.group(2).lower().rstrip("s")]


def _refs(value: object) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, dict) and isinstance(item.get("ref"), str) for item in items):
        raise ValueError(f"reference {value!r} must be {{'ref': '<id>'}} or a list of them")
    return [item["ref"] for item in items]


@dataclass(frozen=True)
class ActivityRun:
    """How one activity ended: status (FINISHED, FAILED or CASCADE_FAILED), times in minutes, attempts.

    >>> runs = run_pipeline(example_pipeline(), durations_minutes=PIPELINE_DURATIONS_MINUTES)
    >>> runs["Notify"].status, runs["Notify"].end_minutes
    ('FINISHED', 96.0)
    """

    id: str
    status: str
    start_minutes: float | None
    end_minutes: float | None
    attempts: int
    waited_on_precondition_minutes: float


@checked
def topological_order(objects: list[dict]) -> list[str]:
    """Activity ids in an order that respects dependsOn; a cycle or unknown reference raises ValueError.

    >>> topological_order(example_pipeline())
    ['CopyLogs', 'Aggregate', 'LoadWarehouse', 'Notify']
    """
    activities = {o["id"]: o for o in objects if o.get("type") in ACTIVITY_TYPES}
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        if state.get(node) == "done":
            return
        if state.get(node) == "open":
            raise ValueError(f"dependsOn forms a cycle: {' -> '.join(path + [node])}")
        state[node] = "open"
        for parent in _refs(activities[node].get("dependsOn")):
            if parent not in activities:
                raise ValueError(f"activity {node!r} dependsOn unknown activity {parent!r}")
            visit(parent, path + [node])
        state[node] = "done"
        order.append(node)

    for node in activities:
        visit(node, [])
    return order


@checked
def run_pipeline(
    objects: list[dict],
    *,
    durations_minutes: dict[str, float],
    failing_attempts: dict[str, int] | None = None,
    precondition_true_at_minutes: dict[str, float] | None = None,
    precondition_check_minutes: float = 5.0,
) -> dict[str, ActivityRun]:
    """Run every activity as early as its dependencies and precondition allow (unlimited runners).

    ``failing_attempts[id]`` makes the first attempts of an activity fail; each failure waits its retryDelay and
    tries again, up to maximumRetries retries. A precondition is checked every ``precondition_check_minutes`` and
    holds from ``precondition_true_at_minutes[id]`` (default: from the start).

    >>> runs = run_pipeline(example_pipeline(), durations_minutes=PIPELINE_DURATIONS_MINUTES, failing_attempts={"Aggregate": 1})
    >>> [(r.id, r.status, r.attempts) for r in runs.values()][1:3]
    [('Aggregate', 'FINISHED', 2), ('LoadWarehouse', 'FINISHED', 1)]
    """
    if not isinstance(objects, list) or not all(isinstance(o, dict) and isinstance(o.get("id"), str) for o in objects):
        raise ValueError("objects must be a list of pipeline objects, each with a string 'id'")
    by_id = {o["id"]: o for o in objects}
    failing = failing_attempts or {}
    ready_at = precondition_true_at_minutes or {}
    check = validate.number(
        "precondition_check_minutes",
        precondition_check_minutes,
        minimum=0,
        exclusive_minimum=True,
        maximum=1440,
        unit="min",
    )
    runs: dict[str, ActivityRun] = {}
    for activity_id in topological_order(objects):
        activity = by_id[activity_id]
        if activity_id not in durations_minutes:
            raise ValueError(f"durations_minutes has no entry for activity {activity_id!r}")
        duration = validate.number(
            f"durations_minutes[{activity_id!r}]",
            durations_minutes[activity_id],
            minimum=0,
            maximum=100_000,
            unit="min",
        )
        retries = validate.integer(
            f"{activity_id}.maximumRetries",
            int(activity.get("maximumRetries", DEFAULT_MAXIMUM_RETRIES)),
            minimum=0,
            maximum=MAXIMUM_RETRIES_LIMIT,
        )
        delay = period_minutes(activity["retryDelay"]) if "retryDelay" in activity else DEFAULT_RETRY_DELAY_MINUTES
        parents = [runs[p] for p in _refs(activity.get("dependsOn"))]
        if any(p.status != "FINISHED" for p in parents):
            runs[activity_id] = ActivityRun(activity_id, "CASCADE_FAILED", None, None, 0, 0.0)
            continue
        start = max((p.end_minutes for p in parents), default=0.0)
        waited = 0.0
        for condition_id in _refs(activity.get("precondition")):
            condition = by_id.get(condition_id)
            if condition is None or condition.get("type") not in PRECONDITION_TYPES:
                raise ValueError(
                    f"activity {activity_id!r} precondition {condition_id!r} is not a precondition "
                    f"object of a type in {', '.join(PRECONDITION_TYPES)}"
                )
            holds_from = validate.number(
                f"precondition_true_at_minutes[{condition_id!r}]",
                ready_at.get(condition_id, 0.0),
                minimum=0,
                unit="min",
            )
            if holds_from > start:
                checks = -(-(holds_from - start) // check)  # checks happen every `check` minutes after `start`
                waited = max(waited, checks * check)
        start += waited
        clock, attempts = start, 0
        status = "FAILED"
        while attempts <= retries:
            attempts += 1
            clock += duration
            if attempts > failing.get(activity_id, 0):
                status = "FINISHED"
                break
            if attempts <= retries:
                clock += delay
        runs[activity_id] = ActivityRun(activity_id, status, start, clock, attempts, waited)
    return runs


@checked
def example_pipeline() -> list[dict]:
    """A nightly log pipeline: wait for logs in S3, copy them, run an EMR job, load the result into Redshift.

    >>> [o["type"] for o in example_pipeline()]
    ['S3KeyExists', 'CopyActivity', 'EmrActivity', 'RedshiftCopyActivity', 'ShellCommandActivity']
    """
    return [
        {"id": "LogsReady", "name": "LogsReady", "type": "S3KeyExists", "s3Key": "s3://example-logs/_SUCCESS"},
        {
            "id": "CopyLogs",
            "name": "CopyLogs",
            "type": "CopyActivity",
            "precondition": {"ref": "LogsReady"},
            "maximumRetries": "2",
            "retryDelay": "10 Minutes",
        },
        {
            "id": "Aggregate",
            "name": "Aggregate",
            "type": "EmrActivity",
            "dependsOn": {"ref": "CopyLogs"},
            "maximumRetries": "3",
            "retryDelay": "15 Minutes",
        },
        {
            "id": "LoadWarehouse",
            "name": "LoadWarehouse",
            "type": "RedshiftCopyActivity",
            "dependsOn": {"ref": "Aggregate"},
        },
        {
            "id": "Notify",
            "name": "Notify",
            "type": "ShellCommandActivity",
            "dependsOn": [{"ref": "LoadWarehouse"}, {"ref": "Aggregate"}],
            "maximumRetries": "0",
        },
    ]


# How long each activity of ``example_pipeline`` takes once it runs (minutes): the explorer's and notebook's sample.
PIPELINE_DURATIONS_MINUTES = {"CopyLogs": 20, "Aggregate": 60, "LoadWarehouse": 15, "Notify": 1}
