"""Explorers for the application-services notebooks: controls -> model -> figure, all built through awslab.ui."""

from __future__ import annotations

from awslab import ui
from awslab.app_services import apigateway, figures, sns, sqs_fleet, swf

VISIBILITY_STEPS_SECONDS = [1, 2, 3, 5, 8, 10, 15, 20, 30, 60, 120, 300]


def explore_visibility_timeout(
    visibility_timeout_seconds: float = 10,
    messages_per_second: float = 5,
    consumers: int = 30,
    *,
    processing_seconds_mean: float = 4,
    crash_probability: float = 0.05,
    max_receive_count: int = 5,
    duration_seconds: float = 200,
    seed: int = 0,
) -> ui.Explorer:
    """A consumer fleet on one queue: move the visibility timeout, watch duplicates, dead letters and latency.

    >>> next(iter(explore_visibility_timeout().last_view.numbers.items()))
    ('duplicate processings', '17')
    """

    def view(visibility_timeout_seconds, processing_seconds_mean, crash_probability, max_receive_count):
        result = sqs_fleet.simulate_consumer_fleet(
            messages_per_second,
            duration_seconds,
            consumers,
            visibility_timeout_seconds=visibility_timeout_seconds,
            processing_seconds_mean=processing_seconds_mean,
            crash_probability=crash_probability,
            max_receive_count=max_receive_count,
            sample_points=80,
            seed=seed,
        )
        return ui.View(
            figures.fleet_figure(result, f"Visibility timeout {visibility_timeout_seconds:g} s"),
            {
                "duplicate processings": f"{result.duplicate_processings:,}",
                "sent to the dead-letter queue": f"{result.dead_lettered:,}",
                "p99 send-to-delete latency": f"{result.latency_seconds_p99:,.1f} s",
                "side effects, naive / idempotent consumer": f"{result.effects_naive:,} / {result.effects_idempotent:,}",
            },
        )

    return ui.explorer(
        "SQS: choosing the visibility timeout",
        [
            ui.Slider(
                "visibility_timeout_seconds",
                "visibility timeout",
                min=1,
                max=300,
                step=1,
                value=visibility_timeout_seconds,
                unit="s",
                static_values=VISIBILITY_STEPS_SECONDS,
            ),
            ui.Slider(
                "processing_seconds_mean",
                "mean processing time",
                min=0.5,
                max=30,
                step=0.5,
                value=processing_seconds_mean,
                unit="s",
            ),
            ui.Slider(
                "crash_probability", "crash probability per receive", min=0, max=0.5, step=0.01, value=crash_probability
            ),
            ui.Number("max_receive_count", "maxReceiveCount", value=max_receive_count, integer=True),
        ],
        view,
    )


def explore_polling(
    wait_time_seconds: float = 20, messages_per_second: float = 0.5, pollers: int = 10, *, fifo: bool = False
) -> ui.Explorer:
    """ReceiveMessage requests and cost a month: short polling beside long polling with the chosen wait time.

    >>> next(iter(explore_polling().last_view.numbers.items()))
    ('requests a month (chosen)', '2,050,242')
    """

    def view(wait_time_seconds, messages_per_second, pollers):
        short = sqs_fleet.polling_cost(messages_per_second, pollers, 0, fifo=fifo)
        chosen = sqs_fleet.polling_cost(messages_per_second, pollers, wait_time_seconds, fifo=fifo)
        costs = [short] if wait_time_seconds == 0 else [short, chosen]
        return ui.View(
            figures.polling_figure(costs),
            {
                "requests a month (chosen)": f"{chosen.receive_requests_per_month:,.0f}",
                "empty receives (chosen)": f"{chosen.empty_fraction:.1%}",
                "cost a month, short / chosen": f"${short.usd_per_month:,.2f} / ${chosen.usd_per_month:,.2f}",
            },
        )

    return ui.explorer(
        "SQS: short polling or long polling?",
        [
            ui.Slider(
                "wait_time_seconds",
                "WaitTimeSeconds",
                min=0,
                max=20,
                step=1,
                value=wait_time_seconds,
                unit="s",
                integer=True,
                static_values=[0, 1, 2, 5, 10, 20],
            ),
            ui.Number("messages_per_second", "messages arriving", value=messages_per_second, unit="messages/s"),
            ui.Slider("pollers", "polling consumers", min=1, max=100, step=1, value=pollers, integer=True),
        ],
        view,
    )


def explore_fanout(total_usd: float = 250, fraud_filter_policy: str = sns.FRAUD_POLICY) -> ui.Explorer:
    """The order fan-out: publish an order of ``total_usd`` and see which queues get a copy.

    >>> next(iter(explore_fanout().last_view.numbers.items()))
    ('copies in fraud-review', '0')
    """

    def view(total_usd, fraud_filter_policy):
        fanout = sns.order_processing_fanout()
        topic, queues = fanout.topic, fanout.queues
        topic.subscriptions[2] = sns.Subscription(
            "sqs", topic.subscriptions[2].endpoint, fraud_filter_policy, queue=queues["fraud-review"]
        )
        deliveries = topic.publish(
            '{"order": 1}', 0, message_attributes={"total_usd": {"DataType": "Number", "StringValue": f"{total_usd}"}}
        )
        return ui.View(
            figures.fanout_figure(topic, deliveries),
            {
                f"copies in {name}": str(queue.approximate_number_of_messages(0))
                for name, queue in sorted(queues.items())
            },
        )

    return ui.explorer(
        "SNS fan-out with a filter policy",
        [
            ui.Slider(
                "total_usd",
                "order total",
                min=0,
                max=5000,
                step=250,
                value=total_usd,
                unit="USD",
                static_values=[50, 250, 500, 999, 1000, 2500, 5000],
            ),
            ui.Text("fraud_filter_policy", "fraud-review filter policy", value=fraud_filter_policy),
        ],
        view,
    )


def explore_workflow(
    charge_failures: int = 2, max_attempts: int = 3, retry_delay_seconds: float = 10, *, seed: int = 0
) -> ui.Explorer:
    """The SWF order workflow: the card charge fails ``charge_failures`` times; the decider retries it.

    >>> next(iter(explore_workflow().last_view.numbers.items()))
    ('workflow status', 'COMPLETED')
    """

    def view(charge_failures, max_attempts, retry_delay_seconds):
        activities = tuple(
            swf.Activity(a.name, a.duration_seconds, a.failure_probability, charge_failures)
            if a.name == "ChargeCreditCard"
            else a
            for a in swf.ORDER_ACTIVITIES
        )
        run = swf.simulate_order_workflow(
            activities, max_attempts=max_attempts, retry_delay_seconds=retry_delay_seconds, seed=seed
        )
        return ui.View(
            figures.workflow_figure(run),
            {
                "workflow status": run.status,
                "charge attempts": str(run.attempts.get("ChargeCreditCard", 0)),
                "history events": str(len(run.history)),
                "duration": f"{run.duration_seconds:g} s",
            },
        )

    return ui.explorer(
        "SWF: an order workflow with a failing activity",
        [
            ui.Slider(
                "charge_failures", "card charge failures", min=0, max=5, step=1, value=charge_failures, integer=True
            ),
            ui.Number("max_attempts", "attempts allowed", value=max_attempts, integer=True),
            ui.Slider("retry_delay_seconds", "retry timer", min=0, max=60, step=5, value=retry_delay_seconds, unit="s"),
        ],
        view,
    )


def explore_throttling(
    burst_limit: int = 200,
    rate_limit: float = 100,
    base_requests_per_second: float = 60,
    *,
    spike_requests_per_second: float = 400,
    seed: int = 0,
) -> ui.Explorer:
    """API Gateway's token bucket under a traffic spike: move the burst limit, watch the 429s.

    >>> next(iter(explore_throttling().last_view.numbers.items()))
    ('requests offered', '3,856')
    """

    def view(burst_limit, rate_limit, spike_requests_per_second):
        result = apigateway.simulate_traffic(
            base_requests_per_second,
            30,
            rate_limit=rate_limit,
            burst_limit=burst_limit,
            spike_requests_per_second=spike_requests_per_second,
            spike_start_seconds=10,
            spike_duration_seconds=5,
            seed=seed,
        )
        offered = int(result.offered_per_second.sum())
        return ui.View(
            figures.throttle_figure(result, rate_limit, burst_limit),
            {
                "requests offered": f"{offered:,}",
                "throttled (429)": f"{result.throttled:,} ({result.throttled / max(offered, 1):.1%})",
            },
        )

    return ui.explorer(
        "API Gateway throttling: a token bucket",
        [
            ui.Slider(
                "burst_limit",
                "burst limit",
                min=0,
                max=2000,
                step=100,
                value=burst_limit,
                unit="requests",
                integer=True,
                static_values=[0, 100, 200, 400, 800, 1200, 2000],
            ),
            ui.Number("rate_limit", "rate limit", value=rate_limit, unit="requests/s"),
            ui.Slider(
                "spike_requests_per_second",
                "spike",
                min=0,
                max=1000,
                step=100,
                value=spike_requests_per_second,
                unit="requests/s",
            ),
        ],
        view,
    )


# The event-driven notebooks (04-06) have one module each; re-exported here so notebooks use `explorers.explore_*`.
from awslab.app_services.explorers.choosing_services import (  # noqa: E402
    explore_ai,
    explore_jobs,
    explore_location,
    explore_messaging,
    explore_trace,
)
from awslab.app_services.explorers.eventbridge import explore_event_pattern  # noqa: E402
from awslab.app_services.explorers.lambda_at_scale import explore_spike  # noqa: E402
from awslab.app_services.explorers.step_functions import explore_retry, explore_workflow_cost  # noqa: E402

__all__ = [
    "explore_ai",
    "explore_jobs",
    "explore_location",
    "explore_messaging",
    "explore_trace",
    "explore_event_pattern",
    "explore_fanout",
    "explore_polling",
    "explore_retry",
    "explore_spike",
    "explore_throttling",
    "explore_visibility_timeout",
    "explore_workflow",
    "explore_workflow_cost",
]
