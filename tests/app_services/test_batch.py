"""The application-services notebooks under scenarios/startup.yaml (the shared course run): each ran, echoed the
scenario's values and recorded what the models compute for them; and a bad value stops a notebook before its kernel."""

from __future__ import annotations

from pathlib import Path

import pytest

from awslab.app_services import apigateway, ses, sns, sqs_fleet, swf
from tests.support import assert_echoed, own_values, printed, ran, seed_of
from tests.support import run_awslab as awslab

FOLDER = Path(__file__).resolve().parents[2] / "notebooks" / "06_app_services"
pytestmark = pytest.mark.notebooks
NOTEBOOKS = [f"06_app_services/{p.stem}.ipynb" for p in sorted(FOLDER.glob("*.md"))]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("key", NOTEBOOKS)
def test_each_notebook_ran_and_echoed_the_scenario(startup_run, key):
    ran(startup_run, key)
    assert_echoed(startup_run, key)


def test_sqs_fleet_and_polling_are_the_models(startup_run):
    key = "06_app_services/01_sqs.ipynb"
    v = own_values(key)
    fleet = sqs_fleet.simulate_consumer_fleet(
        v["messages_per_second"],
        200,
        v["consumers"],
        visibility_timeout_seconds=v["visibility_timeout_seconds"],
        processing_seconds_mean=4,
        crash_probability=0.05,
        max_receive_count=5,
        seed=seed_of(startup_run, key),
    )
    recorded = startup_run.entry(key)["results"]
    assert recorded["duplicate_processings"] == fleet.duplicate_processings
    assert recorded["dead_lettered_messages"] == fleet.dead_lettered
    assert recorded["peak_oldest_message_age_seconds"] == round(float(fleet.oldest_message_age_seconds.max()), 1)
    cost = sqs_fleet.polling_cost(0.5, 10, v["wait_time_seconds"])
    assert recorded["polling_usd_per_month"] == round(cost.usd_per_month, 3)


def test_fanout_and_retries_are_the_models(startup_run):
    key = "06_app_services/02_sns_fanout.ipynb"
    v = own_values(key)
    fanout = sns.order_processing_fanout()
    topic, queues = fanout.topic, fanout.queues
    for order_id, total in [("A-1", 40.0), ("A-2", 1500.0), ("A-3", v["total_usd"])]:
        attributes = {"total_usd": {"DataType": "Number", "StringValue": f"{total:g}"}}
        topic.publish(f'{{"order": "{order_id}"}}', now=0, message_attributes=attributes)
    recorded = startup_run.entry(key)["results"]
    assert recorded["copies_delivered"] == sum(q.approximate_number_of_messages(0) for q in queues.values())
    assert recorded["fraud_review_copies"] == queues["fraud-review"].approximate_number_of_messages(0)
    delays = sns.http_retry_delays(
        {
            "numRetries": v["num_retries"],
            "minDelayTarget": 20,
            "maxDelayTarget": v["max_delay_target"],
            "backoffFunction": "exponential",
        }
    )
    assert recorded["http_retries"] == len(delays)
    assert recorded["http_retry_span_seconds"] == round(float(sum(delays)), 1)


def test_workflow_throttling_and_mailing_are_the_models(startup_run):
    key = "06_app_services/03_swf_apigw_ses_transcoder.ipynb"
    v = own_values(key)
    seed = seed_of(startup_run, key)
    activities = tuple(
        swf.Activity(a.name, a.duration_seconds, a.failure_probability, v["charge_failures"])
        if a.name == "ChargeCreditCard"
        else a
        for a in swf.ORDER_ACTIVITIES
    )
    run = swf.simulate_order_workflow(activities, max_attempts=v["max_attempts"], seed=seed)
    recorded = startup_run.entry(key)["results"]
    assert recorded["workflow_status"] == run.status
    assert f"status: {run.status}; attempts: {run.attempts}" in printed(startup_run.folder, Path(key).name)
    traffic = apigateway.simulate_traffic(
        60,
        30,
        rate_limit=v["rate_limit"],
        burst_limit=v["burst_limit"],
        spike_requests_per_second=400,
        spike_start_seconds=10,
        spike_duration_seconds=5,
        seed=seed,
    )
    assert recorded["throttled_requests"] == traffic.throttled
    assert recorded["sandbox_mailing_days"] == round(float(ses.mailing_time(v["recipients"]).days), 2)


def test_bad_value_stops_with_the_parameter_named(tmp_path):
    result = awslab("run", str(FOLDER / "01_sqs.ipynb"), "--output", str(tmp_path), "-p", "max_receive_count", "9")
    assert result.returncode == 1
    assert "bad parameter (no cell was run): max_receive_count=9 is outside the allowed range (1 to 5)" in result.stdout
    assert "0 passed, 1 failed" in result.stdout


def test_eventbridge_patterns_are_the_model(startup_run):
    from awslab.app_services import eventbridge

    key = "06_app_services/04_eventbridge.ipynb"
    v = own_values(key)
    recorded = startup_run.entry(key)["results"]
    pattern = eventbridge.PRESET_PATTERNS[v["pattern_preset"]]
    assert recorded["sample_events_matched"] == sum(r["matches"] for r in eventbridge.match_table(pattern))
    order = {"source": "com.shop.orders", "detail-type": "OrderPlaced", "detail": {"total_usd": v["order_total_usd"]}}
    big = eventbridge.PRESET_PATTERNS["big real orders (numeric, exists)"]
    assert recorded["order_matches_big_rule"] == eventbridge.matches(big, order)
    assert recorded["emulator_agrees"] is True


def test_step_functions_execution_and_costs_are_the_model(startup_run):
    from awslab.app_services import stepfunctions

    key = "06_app_services/05_step_functions.ipynb"
    v = own_values(key)
    recorded = startup_run.entry(key)["results"]
    order = {"order_id": "A-1", "total_usd": v["order_total_usd"], "items": ["book", "lamp", "mug"]}
    execution = stepfunctions.run(
        stepfunctions.ORDER_WORKFLOW, order, tasks=stepfunctions.order_tasks(v["charge_failures"])
    )
    assert recorded["execution_status"] == execution.status
    assert recorded["execution_seconds"] == execution.seconds
    assert recorded["state_transitions"] == execution.state_transitions
    retrier = {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": v["backoff_rate"]}
    assert recorded["retry_total_seconds"] == sum(stepfunctions.retry_intervals(retrier, 3))
    cost = stepfunctions.workflow_cost(
        v["executions_per_month"], execution.state_transitions, duration_ms=2000, memory_mb=64
    )
    assert (recorded["standard_usd"], recorded["express_usd"]) == (cost.standard_usd, cost.express_usd)


def test_lambda_spike_is_the_model(startup_run):
    from awslab.app_services import lambda_scale

    key = "06_app_services/06_lambda_at_scale.ipynb"
    v = own_values(key)
    recorded = startup_run.entry(key)["results"]
    profile = lambda_scale.spike_profile(50, v["peak_rps"], seconds=60, start_second=10, length_seconds=30)
    on_demand = lambda_scale.simulate_spike(profile, duration_ms=v["duration_ms"], seed=v["seed"])
    capped = lambda_scale.simulate_spike(
        profile, duration_ms=v["duration_ms"], reserved=v["reserved"] or None, seed=v["seed"]
    )
    warm = lambda_scale.simulate_spike(
        profile, duration_ms=v["duration_ms"], provisioned=v["provisioned"], seed=v["seed"]
    )
    assert recorded["throttled_on_demand"] == on_demand.throttled
    assert recorded["throttled_reserved"] == capped.throttled
    assert recorded["cold_starts_provisioned"] == warm.cold_starts
    assert recorded["kinesis_parallel_invocations"] == 40


def test_choosers_are_the_models(startup_run):
    from awslab.app_services import choosers

    key = "06_app_services/07_choosing_services.ipynb"
    v = own_values(key)
    recorded = startup_run.entry(key)["results"]
    assert recorded["messaging_first"] == choosers.rank(choosers.MESSAGING, {"protocol": v["protocol"]})[0].service
    location = choosers.rank(choosers.LOCATIONS, {"users": v["users"], "latency": "single-digit ms"})
    assert recorded["location_first"] == location[0].service
    jobs = choosers.rank(
        choosers.JOB_COMPUTE,
        {"duration": v["duration"], "fan_out": "thousands of similar tasks", "spot": "use Spot to cut cost"},
    )
    assert recorded["jobs_first"] == jobs[0].service
    ai = choosers.rank(
        choosers.AI, {"input": v["ai_input"], "output": v["ai_output"], "custom_model": "no, a ready API"}
    )
    assert recorded["ai_first"] == ai[0].service
    assert recorded["critical_path_ms"] == choosers.critical_path(choosers.checkout_trace(tax_ms=v["tax_ms"])).total_ms
