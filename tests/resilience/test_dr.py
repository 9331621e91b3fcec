"""The DR model: worked examples from AWS's documented numbers, and the ladder's invariants as properties."""

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.networking import route53
from awslab.resilience import blocks, dr

WORKLOAD = dr.Workload()


def test_detection_is_the_route53_worst_case():
    # Route 53 Developer Guide, "How Amazon Route 53 determines whether a health check is healthy": checks every
    # 10 or 30 seconds, unhealthy after failure_threshold consecutive failures.
    for interval in (10, 30):
        for threshold in (1, 3, 10):
            parts = dr.rto_parts(WORKLOAD, dr.Design(request_interval=interval, failure_threshold=threshold))
            assert parts["detect"] * 60 == route53.detection_seconds(interval, threshold) == interval * threshold


def test_rtc_bounds_the_object_rpo_at_15_minutes():
    # S3 User Guide, S3 RTC: 99.99% of objects within 15 minutes; ReplicationTimeValue accepts only 15.
    assert dr.rpo_parts(WORKLOAD, dr.Design(strategy="ACTIVE_ACTIVE"))["objects"] == 15.0 == blocks.S3_RTC_MINUTES


def test_aurora_global_lag_sets_the_database_rpo():
    # Aurora User Guide: replication to secondary Regions typically under a second.
    parts = dr.rpo_parts(WORKLOAD, dr.Design(strategy="PILOT_LIGHT"))
    assert parts["database"] == pytest.approx(1 / 60)


def test_backup_and_restore_worked_example():
    outcome = dr.simulate(WORKLOAD, dr.Design(strategy="BACKUP_AND_RESTORE", backup_interval_hours=4))
    # 200 GiB at 250 GiB/h = 48 min; 20 min stack + 8 min launch; 90 s detect; 60 s TTL; 15 min decide
    assert outcome.rto_parts == {
        "detect": 1.5,
        "decide": 15.0,
        "restore data": 48.0,
        "scale compute": 28.0,
        "redirect traffic": 1.0,
    }
    assert outcome.rpo_minutes == 4 * 60 + 30 and outcome.rpo_binding == "database"


def test_global_accelerator_removes_the_dns_wait_and_adds_its_fee():
    dns = dr.simulate(WORKLOAD, dr.Design())
    ga = dr.simulate(WORKLOAD, dr.Design(failover="global_accelerator"))
    assert ga.rto_parts["redirect traffic"] == 0 and dns.rto_parts["redirect traffic"] == 1.0
    fee = dr.GLOBAL_ACCELERATOR_USD_PER_HOUR * dr.HOURS_PER_MONTH
    assert ga.cost_usd_per_month - dns.cost_usd_per_month == pytest.approx(fee)


def test_active_active_pays_for_the_whole_fleet():
    cost = dr.cost_parts(WORKLOAD, dr.Design(strategy="ACTIVE_ACTIVE"))
    assert cost["standby servers"] == pytest.approx(4 * 0.096 * 730)


def test_grader_names_the_part_that_fails():
    grades = dr.grade_designs({"RtoInMinutes": 15, "RpoInMinutes": 1}, 1000)
    assert not any(g.meets for g in grades)
    assert grades[0].reasons[0].endswith("the largest part is restore data (48 min)")
    assert grades[1].reasons[0] == "RTO 28 min > 15 min: the largest part is decide (15 min)"
    assert grades[3].reasons == ("RPO 15 min > 1 min: set by the objects",)
    assert dr.cheapest_meeting(grades) is None


def test_grader_budget_reason_and_cheapest():
    grades = dr.grade_designs({"RtoInMinutes": 30, "RpoInMinutes": 15}, 200)
    assert [g.meets for g in grades] == [False, True, False, False]
    assert grades[2].reasons[0].startswith("cost $233/month > budget $200")
    assert dr.cheapest_meeting(grades) == "PILOT_LIGHT"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"strategy": "HOT"}, "design.strategy"),
        ({"strategy": "PILOT_LIGHT", "database_replication": "backup_copy"}, "does not fit strategy PILOT_LIGHT"),
        ({"recovery_region": "us-east-1"}, "must differ from the primary Region"),
        ({"request_interval": 20}, "request_interval=20 is not one of"),
        ({"dns_ttl_seconds": -1}, "design.dns_ttl_seconds=-1"),
        ({"backup_interval_hours": 0.5}, "design.backup_interval_hours=0.5"),
    ],
)
def test_bad_designs_are_named(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        dr.simulate(WORKLOAD, dr.Design(**kwargs))


@pytest.mark.parametrize(
    ("targets", "message"),
    [
        ({"RtoInMinutes": 15}, "targets['RpoInMinutes'] must be a finite number"),
        ({"RtoInMinutes": 15, "RpoInMinutes": 1, "Rto": 3}, "unknown keys ['Rto']"),
        ([15, 1], "targets must be an object"),
    ],
)
def test_bad_targets_are_named(targets, message):
    outcome = dr.simulate(WORKLOAD, dr.Design())
    with pytest.raises((ValueError, TypeError)) as error:
        dr.grade(outcome, targets, 100)
    assert message in str(error.value)


def test_unpriced_instance_type_is_named():
    with pytest.raises(ValueError, match="instance type 'x9.huge' has no price"):
        dr.cost_parts(dr.Workload(instance_type="x9.huge"), dr.Design())


# --- properties ------------------------------------------------------------------------------------------------
workloads = st.builds(
    dr.Workload,
    volume_gib=st.floats(0, 1e5),
    object_gib=st.floats(0, 1e5),
    database_gib=st.floats(0, 1e5),
    change_gib_per_day=st.floats(0, 1e3),
    instances=st.integers(1, 500),
    database_instances=st.integers(0, 10),
)
designs = st.builds(
    dr.Design,
    backup_interval_hours=st.floats(1, 24 * 35),
    retention_days=st.integers(1, 3650),
    object_replication=st.sampled_from(dr.OBJECT_REPLICATION),
    failover=st.sampled_from(dr.FAILOVER),
    dns_ttl_seconds=st.integers(0, 86_400),
    request_interval=st.sampled_from((10, 30)),
    failure_threshold=st.integers(1, 10),
    standby_fraction=st.floats(0.05, 1),
)
assumption_sets = st.builds(
    dr.Assumptions,
    decide_minutes=st.floats(0, 600),
    infrastructure_minutes=st.floats(0, 600),
    launch_minutes=st.floats(0, 600),
    snapshot_copy_minutes=st.floats(0, 600),
    promote_minutes=st.floats(0, 60),
    restore_gib_per_hour=st.floats(1, 1e4),
)


@given(workloads, designs, assumption_sets)
def test_higher_on_the_ladder_never_has_a_longer_rto(workload, design, assumptions):
    outcomes = dr.ladder(workload, design, assumptions=assumptions)
    for lower, higher in zip(outcomes, outcomes[1:], strict=False):
        assert higher.rto_minutes <= lower.rto_minutes + 1e-9
        for part in dr.RTO_PARTS:  # and no single part grows either
            assert higher.rto_parts[part] <= lower.rto_parts[part] + 1e-9


@given(workloads, designs, st.floats(1, 24 * 35), st.floats(1, 24 * 35))
def test_a_shorter_backup_interval_never_raises_the_rpo(workload, design, a, b):
    short, long = sorted((a, b))
    for strategy in dr.STRATEGIES:
        d = replace(design, strategy=strategy)
        rpo_short = dr.simulate(workload, replace(d, backup_interval_hours=short)).rpo_minutes
        rpo_long = dr.simulate(workload, replace(d, backup_interval_hours=long)).rpo_minutes
        assert rpo_short <= rpo_long + 1e-9


@given(workloads, designs)
def test_cost_parts_sum_to_the_total_and_are_never_negative(workload, design):
    for outcome in dr.ladder(workload, design):
        assert outcome.cost_usd_per_month == pytest.approx(sum(outcome.cost_parts.values()))
        assert all(v >= 0 for v in outcome.cost_parts.values())
        assert 0 <= outcome.availability <= 1


@given(workloads, designs)
def test_higher_on_the_ladder_never_costs_less(workload, design):
    costs = [o.cost_usd_per_month for o in dr.ladder(workload, design)]
    assert costs == sorted(costs) or all(b >= a - 1e-9 for a, b in zip(costs, costs[1:], strict=False))


@given(workloads, designs, st.floats(0, 500), st.floats(0, 2000), st.floats(0, 5000))
def test_a_design_meets_exactly_when_it_has_no_reason(workload, design, rto, rpo, budget):
    for g in dr.grade_designs({"RtoInMinutes": rto, "RpoInMinutes": rpo}, budget, workload, design):
        assert g.meets == (not g.reasons)
        assert g.meets == (
            g.outcome.rto_minutes <= rto and g.outcome.rpo_minutes <= rpo and g.outcome.cost_usd_per_month <= budget
        )
