"""Fargate task sizes against AWS's table, every row of it ("Troubleshoot Amazon ECS task definition invalid CPU or
memory errors", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html, read
2026-12-03), task prices and the EC2 break-even."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.containers import fargate

# The page's table, as it words it: CPU value -> the memory values it allows (MiB).
DOCUMENTED = {
    256: [512, 1024, 2048],
    512: [1024, 2048, 3072, 4096],
    1024: [2048, 3072, 4096, 5120, 6144, 7168, 8192],
    2048: list(range(4 * 1024, 16 * 1024 + 1, 1024)),  # "Between 4 GB and 16 GB in 1-GB increments"
    4096: list(range(8 * 1024, 30 * 1024 + 1, 1024)),  # "Between 8 GB and 30 GB in 1-GB increments"
    8192: list(range(16 * 1024, 60 * 1024 + 1, 4096)),  # "Between 16 GB and 60 GB in 4-GB increments"
    16384: list(range(32 * 1024, 120 * 1024 + 1, 8192)),  # "Between 32 GB and 120 GB in 8-GB increments"
}


@pytest.mark.parametrize("cpu", list(DOCUMENTED))
def test_every_documented_row_is_accepted_exactly(cpu):
    assert list(fargate.allowed_memory_mib(cpu)) == DOCUMENTED[cpu]
    for memory in DOCUMENTED[cpu]:
        assert fargate.validate_task_size(cpu, memory) == (cpu, memory)


@pytest.mark.parametrize("cpu", list(DOCUMENTED))
def test_just_outside_each_row_is_refused_naming_the_range(cpu):
    low, high = DOCUMENTED[cpu][0], DOCUMENTED[cpu][-1]
    for memory in (low - 512, high + 512, high + 1024, low + 1):
        if memory in DOCUMENTED[cpu]:
            continue
        with pytest.raises(ValueError, match=f"memory_mib={memory} is not valid with cpu_units={cpu}") as info:
            fargate.validate_task_size(cpu, memory)
        assert fargate.memory_range_text(cpu) in str(info.value)


def test_the_messages_name_the_allowed_values():
    with pytest.raises(ValueError, match="allowed 16384-61440 MiB in steps of 4096 MiB"):
        fargate.validate_task_size(8192, 18432)
    with pytest.raises(ValueError, match="cpu_units=3072 is not a Fargate CPU size; allowed: 256"):
        fargate.validate_task_size(3072, 8192)
    with pytest.raises(ValueError, match="allowed 512, 1024 or 2048 MiB"):
        fargate.validate_task_size(256, 1536)


@given(st.integers(0, 20000), st.integers(0, 130000))
def test_valid_exactly_when_in_the_documented_table(cpu, memory):
    documented = memory in DOCUMENTED.get(cpu, [])
    try:
        assert fargate.validate_task_size(cpu, memory) == (cpu, memory)
        assert documented
    except ValueError:
        assert not documented


def test_task_price_is_vcpu_hours_plus_gb_hours():
    assert fargate.task_usd_per_hour(1024, 2048) == pytest.approx(0.04048 + 2 * 0.004445)
    assert fargate.task_usd_per_hour(1024, 2048, architecture="arm") == pytest.approx(0.03238 + 2 * 0.00356)
    assert fargate.task_usd_per_hour(1024, 2048, spot=True) == pytest.approx(0.3 * (0.04048 + 2 * 0.004445))
    assert fargate.task_usd_per_hour(2048, 4096, usd_per_vcpu_hour=1, usd_per_gb_hour=0) == pytest.approx(2)
    with pytest.raises(ValueError, match="Fargate Spot runs Linux/x86 tasks only"):
        fargate.task_usd_per_hour(1024, 2048, architecture="arm", spot=True)


def test_ecs_pricing_page_rate_per_second():
    # "USD 0.000011244 per vCPU-second" (Amazon ECS pricing, worked example, us-east-1 Linux/x86)
    assert fargate.USD_PER_VCPU_HOUR["x86"] == pytest.approx(0.000011244 * 3600, abs=1e-5)


def test_break_even_is_where_the_costs_meet():
    r = fargate.compare_with_ec2(10, 1024, 2048, utilisation=0.6)
    assert r.binding_resource == "CPU" and r.instances == 9 and r.cheaper == "Fargate"
    at_break_even = r.break_even_utilisation
    # at the break-even the fractional EC2 fleet costs exactly what Fargate does
    fleet = 10 * 0.5 / at_break_even * 0.096
    assert fleet == pytest.approx(r.fargate_usd_per_hour)
    memory_heavy = fargate.compare_with_ec2(10, 1024, 8192, utilisation=0.9)
    assert memory_heavy.binding_resource == "memory"


@given(st.sampled_from(list(DOCUMENTED)), st.data(), st.floats(0.05, 1.0), st.integers(1, 200))
def test_properties_of_the_comparison(cpu, data, use, tasks):
    memory = data.draw(st.sampled_from(DOCUMENTED[cpu]))
    try:
        r = fargate.compare_with_ec2(
            tasks, cpu, memory, instance_vcpu=16, instance_memory_gib=128, instance_usd_per_hour=0.768, utilisation=use
        )
    except ValueError as problem:
        assert "does not fit" in str(problem)
        return
    assert r.fargate_usd_per_hour > 0 and r.instances >= 1
    # above the break-even utilisation the (fractional) EC2 fleet is cheaper, below it Fargate is
    fraction = tasks * max(cpu / 1024 / 16, memory / 1024 / 128)
    assert (fraction / use * 0.768 <= r.fargate_usd_per_hour + 1e-9) == (use >= r.break_even_utilisation - 1e-9)


def test_smallest_task_size_rounds_up_to_a_valid_pair():
    assert fargate.smallest_task_size(0.25, 0.5) == (256, 512)
    assert fargate.smallest_task_size(5, 10) == (8192, 16384)
    with pytest.raises(ValueError, match="vcpu=17 is outside"):
        fargate.smallest_task_size(17, 1)
