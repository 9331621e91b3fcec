"""EC2 sizing, the reservation break-even and the instance lifecycle."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.compute import ec2 as ec2_model
from awslab.compute.ec2 import (
    BURSTABLE_FAMILIES,
    DEFAULT_INSTANCE_TYPES,
    InstanceType,
    breakeven_utilization,
    instance_table,
    right_size,
)
from awslab.compute.lifecycle import Instance, run_actions, transition


def test_breakeven_of_a_no_upfront_reservation():
    # m5.large: 0.096 On-Demand vs 0.060 effective for a 1-year No Upfront RI -> 62.5 % of the hours
    assert breakeven_utilization(0.096, 0, 0.060, 8760) == pytest.approx(0.625)


def test_breakeven_with_upfront_spread_over_the_term():
    # 876 USD upfront over 8,760 h is 0.10 USD/h; plus 0.05 recurring against 0.30 On-Demand -> 0.5
    assert breakeven_utilization(0.30, 876, 0.05, 8760) == pytest.approx(0.5)
    # a reservation dearer than On-Demand never pays off
    assert breakeven_utilization(0.10, 0, 0.12, 100) > 1


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ((-0.1, 0, 0.05, 8760), "on_demand_hourly"),
        ((0.0, 0, 0.05, 8760), "on_demand_hourly"),
        ((0.1, -1, 0.05, 8760), "upfront"),
        ((0.1, 0, -0.05, 8760), "recurring_hourly"),
        ((0.1, 0, 0.05, 0), "term_hours"),
        ((0.1, 0, 0.05, -5), "term_hours"),
    ],
)
def test_breakeven_rejects_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        breakeven_utilization(*args)


@given(od=st.floats(0.001, 50), up=st.floats(0, 1e5), rec=st.floats(0, 50), term=st.floats(1, 3 * 8760))
def test_breakeven_makes_both_bills_equal(od, up, rec, term):
    u = breakeven_utilization(od, up, rec, term)
    assert od * u * term == pytest.approx(up + rec * term, rel=1e-9)


def test_fixed_performance_families_keep_their_ratio_and_linear_price():
    table = instance_table()
    for family, rows in table.groupby("family"):
        if family in BURSTABLE_FAMILIES:
            continue
        assert rows["memory_gib_per_vcpu"].nunique() == 1, family
        per_vcpu = (rows["usd_per_hour"] / rows["vcpu"]).round(9)
        assert per_vcpu.nunique() == 1, family
    m5 = {t.name: t for t in DEFAULT_INSTANCE_TYPES}
    assert (m5["m5.large"].vcpu, m5["m5.large"].memory_gib, m5["m5.large"].usd_per_hour) == (2, 8, 0.096)
    assert m5["c5.9xlarge"].memory_gib == 72 and m5["r5.24xlarge"].memory_gib == 768


def test_right_size_picks_the_cheapest_fit():
    result = right_size(3, 10)
    # A t3.xlarge (0.1664/h) running 3 vCPU all day is 1.4 vCPU above its 40 % x 4 baseline: 1.4 x 0.05 = 0.07/h
    # of surplus credits in unlimited mode (T3's default), 0.2364/h in all, so m5.xlarge at 0.192 wins.
    assert result.best.name == "m5.xlarge"
    t3 = result.ranking.set_index("name").loc["t3.xlarge"]
    assert t3["surplus_usd_per_hour"] == pytest.approx(0.07)
    assert t3["effective_usd_per_hour"] == pytest.approx(0.2364)
    # The same peak that averages 1 vCPU over the day stays under the baseline: the t3.xlarge is cheapest.
    assert right_size(3, 10, average_vcpu_used=1.0).best.name == "t3.xlarge"
    assert right_size(3, 10, allow_burstable=False).best.name == "m5.xlarge"
    assert right_size(2, 15, allow_burstable=False).best.name == "r5.large"
    assert right_size(30, 60, allow_burstable=False).best.name == "c5.9xlarge"
    fits = result.ranking[result.ranking["fits"]]
    assert (fits["vcpu"] >= 3).all() and (fits["memory_gib"] >= 10).all()
    assert fits["effective_usd_per_hour"].is_monotonic_increasing


def test_headroom_and_nothing_fits():
    assert right_size(2, 8, allow_burstable=False).best.name == "m5.large"
    assert right_size(2, 8, headroom_fraction=0.25, allow_burstable=False).best.name == "m5.xlarge"
    assert right_size(200, 10).best is None
    custom = [InstanceType("x.small", 1, 2, 0.01), InstanceType("y.big", 8, 64, 0.5)]
    assert right_size(1, 2, types=custom).best.name == "x.small"


@pytest.mark.parametrize(
    ("args", "name"), [((0, 4), "vcpu_needed"), ((2, -1), "memory_gib_needed"), ((2, 4, -0.1), "headroom_fraction")]
)
def test_right_size_rejects_bad_input(args, name):
    with pytest.raises(ValueError, match=name):
        right_size(*args)


@given(vcpu=st.floats(0.1, 100), mem=st.floats(0, 800))
def test_no_cheaper_type_fits(vcpu, mem):
    best = right_size(vcpu, mem).best
    fitting = [t for t in DEFAULT_INSTANCE_TYPES if t.vcpu >= vcpu and t.memory_gib >= mem]
    if not fitting:
        assert best is None
    else:
        price = {t.name: t.usd_per_hour + ec2_model.surplus_usd_per_hour(t, vcpu) for t in fitting}
        assert price[best.name] == pytest.approx(min(price.values()))


# Credit table of burstable-credits-baseline-concepts (read 2026-12-03): credits earned per hour / vCPUs / 60.
@pytest.mark.parametrize(
    ("name", "credits_per_hour"),
    [
        ("t3.nano", 6),
        ("t3.micro", 12),
        ("t3.small", 24),
        ("t3.medium", 24),
        ("t3.large", 36),
        ("t3.xlarge", 96),
        ("t3.2xlarge", 192),
    ],
)
def test_t3_baselines_match_the_credit_table(name, credits_per_hour):
    vcpu = 2 if name in {"t3.nano", "t3.micro", "t3.small", "t3.medium", "t3.large"} else {"t3.xlarge": 4}.get(name, 8)
    assert ec2_model.T3_BASELINE_PER_VCPU[name] == pytest.approx(credits_per_hour / vcpu / 60)


def test_fixed_performance_types_pay_no_surplus():
    assert ec2_model.surplus_usd_per_hour(InstanceType("m5.large", 2, 8, 0.096), 2) == 0.0
    with pytest.raises(ValueError, match="no baseline"):
        ec2_model.surplus_usd_per_hour(InstanceType("t3.9xlarge", 36, 1, 1.0), 2)


def test_stop_start_moves_hardware():
    stop, start = run_actions(Instance(), ["stop", "start"])
    assert stop.path == ("running", "stopping", "stopped")
    assert {"instance store data", "RAM contents", "public IPv4 address"} <= set(stop.lost)
    assert {"private IP address", "root EBS volume", "data EBS volume"} <= set(stop.kept)
    assert start.after.state == "running" and start.after.public_ip not in (None, Instance().public_ip)


def test_elastic_ip_survives_stop_start():
    inst = Instance(public_ip=None, elastic_ip="3.3.3.3")
    stop, start = run_actions(inst, ["stop", "start"])
    assert "Elastic IP association" in stop.kept and start.after.elastic_ip == "3.3.3.3"


def test_reboot_keeps_everything_but_memory():
    step = transition(Instance(), "reboot")
    assert step.lost == ("RAM contents",)
    assert step.after.public_ip == Instance().public_ip and step.after.instance_store_data


def test_terminate_follows_delete_on_termination():
    step = transition(Instance(), "terminate")
    assert step.path[-2:] == ("shutting-down", "terminated")
    assert "root EBS volume" in step.lost and "data EBS volume" in step.kept
    keep_root = transition(Instance(root_ebs_delete_on_termination=False), "terminate")
    assert "root EBS volume" in keep_root.kept
    assert transition(step.after, "start").refused


def test_termination_protection_only_blocks_the_api_call():
    protected = Instance(disable_api_termination=True, shutdown_behavior="terminate")
    assert transition(protected, "terminate").refused and transition(protected, "terminate").after.state == "running"
    for action in ("os_shutdown", "spot_interruption", "scale_in"):
        assert transition(protected, action).after.state == "terminated", action
    assert transition(Instance(disable_api_termination=True), "os_shutdown").after.state == "stopped"


def test_lifecycle_refusals_and_bad_input():
    assert transition(Instance(), "start").refused
    assert transition(Instance(state="stopped"), "reboot").refused
    assert transition(Instance(state="stopped"), "stop").refused
    with pytest.raises(ValueError, match="action"):
        transition(Instance(), "hibernate-forever")
    with pytest.raises(ValueError, match="instance.state"):
        transition(Instance(state="paused"), "stop")
