"""An SWF order workflow, step by step: decider, activity workers, task lists and the workflow history.

The history uses SWF's event names and shape (GetWorkflowExecutionHistory: eventId, eventTimestamp, eventType and a
``<eventType>EventAttributes`` object). A failing activity is retried by the decider after a timer, up to a limit.

References:
    - Amazon SWF Developer Guide, "Polling for Tasks in Amazon SWF",
      https://docs.aws.amazon.com/amazonswf/latest/developerguide/swf-dev-comm-proto.html (read 2026-12-03)
    - Amazon SWF Developer Guide, "Setting timeout values in Amazon SWF",
      https://docs.aws.amazon.com/amazonswf/latest/developerguide/setting-timeouts.html (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.validate import checked

# SWF Developer Guide, "Polling for Tasks" and "Setting timeout values", read 2026-11-27.
LONG_POLL_SECONDS = 60  # PollForActivityTask / PollForDecisionTask hold a request open up to 60 s
MAX_TIMEOUT_SECONDS = 31_536_000  # one year: the longest any workflow execution or activity may run
DECISION_TASK_LIST = "order-decisions"
ACTIVITY_TASK_LIST = "order-activities"


@dataclass(frozen=True)
class Activity:
    """One activity type: the work it does, how long it takes and how it fails.

    >>> Activity("charge", 2.0).name
    'charge'
    """

    name: str
    duration_seconds: float
    failure_probability: float = 0.0
    forced_failures: int = 0  # the first attempts that fail whatever the dice say, for a reproducible lesson
    start_to_close_timeout_seconds: float = 300.0

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not 1 <= len(self.name) <= 256:
            raise ValueError(f"name={self.name!r} must be 1-256 characters")
        validate.number("duration_seconds", self.duration_seconds, minimum=0, maximum=MAX_TIMEOUT_SECONDS, unit="s")
        validate.number("failure_probability", self.failure_probability, minimum=0, maximum=1)
        validate.integer("forced_failures", self.forced_failures, minimum=0, maximum=100)
        validate.number(
            "start_to_close_timeout_seconds",
            self.start_to_close_timeout_seconds,
            minimum=1,
            maximum=MAX_TIMEOUT_SECONDS,
            unit="s",
        )


ORDER_ACTIVITIES = (
    Activity("VerifyOrder", 2.0),
    Activity("ChargeCreditCard", 5.0, failure_probability=0.0, forced_failures=2),
    Activity("ShipOrder", 30.0),
    Activity("RecordCompletion", 1.0),
)


@dataclass(frozen=True)
class WorkflowRun:
    """A finished execution: its status, its history (SWF event dicts) and attempts per activity.

    >>> run = simulate_order_workflow([Activity("charge", 2.0, forced_failures=1)], seed=0)
    >>> (run.status, run.attempts)
    ('COMPLETED', {'charge': 2})
    """

    status: str  # COMPLETED or FAILED
    history: tuple[dict, ...]
    attempts: dict[str, int]
    duration_seconds: float

    def event_types(self) -> list[str]:
        """The eventType of every history event, in order."""
        return [event["eventType"] for event in self.history]


def _attributes_key(event_type: str) -> str:
    return event_type[0].lower() + event_type[1:] + "EventAttributes"


@checked
def simulate_order_workflow(
    activities: tuple[Activity, ...] = ORDER_ACTIVITIES,
    *,
    max_attempts: int = 3,
    retry_delay_seconds: float = 10.0,
    decision_seconds: float = 0.5,
    poll_wait_seconds: float = 0.2,
    seed: int = 0,
) -> WorkflowRun:
    """Run the activities in sequence as SWF would, retrying a failed or timed-out activity up to ``max_attempts``.

    Each decision is a decision task (scheduled, started by the decider's long poll, completed after
    ``decision_seconds``); a retry waits ``retry_delay_seconds`` on a timer first. ``poll_wait_seconds`` is how long
    a task waits in its task list before a long-polling worker picks it up.

    >>> simulate_order_workflow([Activity("charge", 2.0)], seed=0).status
    'COMPLETED'
    """
    if not activities:
        raise ValueError("activities must name at least one activity")
    attempts_allowed = validate.integer("max_attempts", max_attempts, minimum=1, maximum=100)
    retry_delay = validate.number("retry_delay_seconds", retry_delay_seconds, minimum=0, maximum=86_400, unit="s")
    think = validate.number("decision_seconds", decision_seconds, minimum=0, maximum=3_600, unit="s")
    wait = validate.number("poll_wait_seconds", poll_wait_seconds, minimum=0, maximum=LONG_POLL_SECONDS, unit="s")
    rng = np.random.default_rng(seed)
    history: list[dict] = []
    clock = 0.0

    def record(event_type: str, **attributes: object) -> int:
        history.append(
            {
                "eventId": len(history) + 1,
                "eventTimestamp": round(clock, 6),
                "eventType": event_type,
                _attributes_key(event_type): attributes,
            }
        )
        return len(history)

    def decision_task() -> int:
        nonlocal clock
        scheduled = record("DecisionTaskScheduled", taskList={"name": DECISION_TASK_LIST})
        clock += wait
        started = record("DecisionTaskStarted", scheduledEventId=scheduled, identity="decider-1")
        clock += think
        return record("DecisionTaskCompleted", scheduledEventId=scheduled, startedEventId=started)

    record(
        "WorkflowExecutionStarted",
        workflowType={"name": "ProcessOrder", "version": "1"},
        taskList={"name": DECISION_TASK_LIST},
        childPolicy="TERMINATE",
    )
    attempts: dict[str, int] = {}
    for activity_number, activity in enumerate(activities):
        attempt = 0
        while True:
            attempt += 1
            attempts[activity.name] = attempt
            completed = decision_task()
            scheduled = record(
                "ActivityTaskScheduled",
                activityType={"name": activity.name, "version": "1"},
                activityId=f"{activity_number}-{activity.name}-{attempt}",
                taskList={"name": ACTIVITY_TASK_LIST},
                startToCloseTimeout=f"{activity.start_to_close_timeout_seconds:g}",
                decisionTaskCompletedEventId=completed,
            )
            clock += wait
            started = record("ActivityTaskStarted", scheduledEventId=scheduled, identity="worker-1")
            fails = attempt <= activity.forced_failures or rng.random() < activity.failure_probability
            if activity.duration_seconds > activity.start_to_close_timeout_seconds:
                clock += activity.start_to_close_timeout_seconds
                record(
                    "ActivityTaskTimedOut",
                    timeoutType="START_TO_CLOSE",
                    scheduledEventId=scheduled,
                    startedEventId=started,
                )
            elif fails:
                clock += activity.duration_seconds
                record(
                    "ActivityTaskFailed",
                    reason="ActivityError",
                    details=f"{activity.name} failed",
                    scheduledEventId=scheduled,
                    startedEventId=started,
                )
            else:
                clock += activity.duration_seconds
                record(
                    "ActivityTaskCompleted",
                    result=f"{activity.name} done",
                    scheduledEventId=scheduled,
                    startedEventId=started,
                )
                break
            if attempt >= attempts_allowed:
                completed = decision_task()
                record(
                    "WorkflowExecutionFailed",
                    reason=f"{activity.name} failed {attempt} times",
                    decisionTaskCompletedEventId=completed,
                )
                return WorkflowRun("FAILED", tuple(history), attempts, round(clock, 6))
            completed = decision_task()
            timer = record(
                "TimerStarted",
                timerId=f"retry-{activity.name}-{attempt}",
                startToFireTimeout=f"{retry_delay:g}",
                decisionTaskCompletedEventId=completed,
            )
            clock += retry_delay
            record("TimerFired", timerId=f"retry-{activity.name}-{attempt}", startedEventId=timer)
    completed = decision_task()
    record("WorkflowExecutionCompleted", result="order processed", decisionTaskCompletedEventId=completed)
    return WorkflowRun("COMPLETED", tuple(history), attempts, round(clock, 6))
