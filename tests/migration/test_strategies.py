"""The 7 Rs model and the portfolio planner: documented facts, hard constraints, and properties of the waves."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.migration import strategies as m


def test_the_seven_strategies_are_aws_list():
    # Migration Hub Strategy Recommendations API, StrategySummary: Rehost | Retirement | Refactor | Replatform |
    # Retain | Relocate | Repurchase (https://docs.aws.amazon.com/migrationhub-strategy/latest/APIReference/
    # API_StrategySummary.html, read 2026-12-03); "Retirement" is the API's spelling of retire.
    api = {"Rehost", "Retirement", "Refactor", "Replatform", "Retain", "Relocate", "Repurchase"}
    assert {s.replace("retire", "retirement").capitalize() for s in m.STRATEGIES} == api


@pytest.mark.parametrize(
    "workload, expected",
    [
        (m.Workload("x", still_needed=False), "retire"),
        (m.Workload("x", compliance="on-premises-only"), "retain"),
        (m.Workload("x", time_pressure="high", target_operating_model="cloud-native"), "rehost"),
        (m.Workload("x", time_pressure="low", target_operating_model="cloud-native"), "refactor"),
        (m.Workload("x", hypervisor="vmware", time_pressure="high", target_operating_model="same"), "relocate"),
        (m.Workload("x", code_ownership="vendor", saas_alternative=True), "repurchase"),
        (m.Workload("x", code_ownership="vendor", licence="tied-to-hardware"), "retain"),
        (m.Workload("x"), "replatform"),
    ],
)
def test_textbook_cases(workload, expected):
    assert m.recommend(workload).strategy == expected


def test_hard_constraints_remove_strategies_with_a_reason():
    ranked = {o.strategy: o for o in m.recommend(m.Workload("x", code_ownership="vendor")).ranked}
    assert not ranked["refactor"].eligible and "vendor" in ranked["refactor"].note
    assert not ranked["relocate"].eligible and "VMware" in ranked["relocate"].note
    assert not ranked["repurchase"].eligible


WORKLOADS = st.builds(
    m.Workload,
    st.just("w"),
    still_needed=st.booleans(),
    licence=st.sampled_from(m.LICENCES),
    code_ownership=st.sampled_from(m.CODE_OWNERSHIP),
    saas_alternative=st.booleans(),
    time_pressure=st.sampled_from(m.TIME_PRESSURE),
    target_operating_model=st.sampled_from(m.OPERATING_MODELS),
    hypervisor=st.sampled_from(m.HYPERVISORS),
    compliance=st.sampled_from(m.COMPLIANCE),
    dependencies=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3).map(tuple),
)


@given(WORKLOADS)
def test_every_workload_gets_exactly_one_eligible_strategy_and_a_full_ranking(workload):
    rec = m.recommend(workload)
    assert rec.strategy in m.STRATEGIES
    assert sorted(o.strategy for o in rec.ranked) == sorted(m.STRATEGIES)
    assert rec.ranked[0].eligible and rec.ranked[0].strategy == rec.strategy
    eligible = [o.score for o in rec.ranked if o.eligible]
    assert eligible == sorted(eligible, reverse=True)
    assert rec.reasons  # always says why


@st.composite
def acyclic_portfolios(draw):
    n = draw(st.integers(1, 12))
    names = [f"w{i}" for i in range(n)]
    out = []
    for i, name in enumerate(names):
        deps = draw(st.lists(st.sampled_from(names[:i]), unique=True, max_size=3)) if i else []
        out.append(
            m.Workload(
                name,
                dependencies=tuple(deps),
                time_pressure=draw(st.sampled_from(m.TIME_PRESSURE)),
                still_needed=draw(st.booleans()),
                compliance=draw(st.sampled_from(m.COMPLIANCE)),
            )
        )
    return draw(st.permutations(out))


@given(acyclic_portfolios())
def test_waves_respect_dependencies_and_every_workload_has_one_strategy(portfolio):
    plan = m.plan_portfolio(portfolio)
    assert [p.name for p in plan.workloads] == [w.name for w in portfolio]
    assert sum(plan.by_strategy.values()) == len(portfolio)
    wave = {p.name: p.wave for p in plan.workloads}
    moving = {p.name for p in plan.workloads if p.strategy not in ("retire", "retain")}
    assert {p.name for p in plan.workloads if p.wave} == moving
    for p in plan.workloads:
        for dep in p.depends_on:
            if p.name in moving and dep in moving:
                assert wave[dep] < wave[p.name]
    listed = [n for w in plan.waves for n in w]
    assert sorted(listed) == sorted(moving) and all(plan.waves)


def test_the_sample_portfolio():
    plan = m.plan_portfolio(m.SAMPLE_PORTFOLIO)
    assert len(m.SAMPLE_PORTFOLIO) == 12
    assert plan.waves[0] == ("active-directory", "catalog-db", "crm", "hr-portal", "build-servers")
    web = next(p for p in plan.workloads if p.name == "web-shop")
    assert web.hybrid_links == ("payments",)


@pytest.mark.parametrize(
    "portfolio, message",
    [
        ([m.Workload("a", dependencies=("a",))], "dependencies form a cycle: a -> a"),
        (
            [
                m.Workload("a", dependencies=("b",)),
                m.Workload("b", dependencies=("c",)),
                m.Workload("c", dependencies=("a",)),
            ],
            "dependencies form a cycle: a -> b -> c -> a",
        ),
        ([m.Workload("a", dependencies=("zz",))], "a depends on zz, which is not in the portfolio"),
        ([m.Workload("a"), m.Workload("a")], "workload names must be unique; repeated: a"),
        ([], "non-empty"),
    ],
)
def test_bad_portfolios_are_named(portfolio, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        m.plan_portfolio(portfolio)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"time_pressure": "urgent"}, "time_pressure='urgent' is not one of: low, medium, high"),
        ({"licence": "free"}, "licence='free' is not one of"),
        ({"dependencies": ["a"]}, "dependencies=['a'] is not allowed"),
    ],
)
def test_bad_workloads_are_named(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        m.Workload("x", **kwargs)
