"""ECS: task sizes from task definitions, placement (never over an instance's resources; spread over AZs balanced
within one task), constraints, awsvpc ENI limits (ENI trunking table of the ECS developer guide,
https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html) and target tracking."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.containers import ecs

TD = {"family": "web", "cpu": "512", "memory": "1024", "containerDefinitions": [{"name": "app", "image": "nginx"}]}
SPREAD_AZ = [{"type": "spread", "field": "attribute:ecs.availability-zone"}]


def test_task_size_prefers_the_task_level_values():
    assert ecs.task_size(TD) == ecs.TaskSize(512, 1024)
    with pytest.raises(ValueError, match=r"containerDefinitions\[0\] needs memory or memoryReservation"):
        ecs.task_size({"containerDefinitions": [{"name": "a", "cpu": 10}]})


def test_binpack_fills_one_instance_before_the_next():
    p = ecs.place_tasks(TD, 4, ecs.cluster(["m5.large"] * 3), placement_strategy=[{"type": "binpack", "field": "cpu"}])
    assert p.tasks_on == {"i-01": 4, "i-02": 0, "i-03": 0}


def test_spread_on_instance_id_uses_every_instance():
    p = ecs.place_tasks(
        TD, 6, ecs.cluster(["m5.large"] * 3), placement_strategy=[{"type": "spread", "field": "instanceId"}]
    )
    assert set(p.tasks_on.values()) == {2}


def test_what_no_longer_fits_stays_pending():
    p = ecs.place_tasks(TD, 20, ecs.cluster(["m5.large"] * 2), placement_strategy=SPREAD_AZ)
    assert p.placed == 8 and p.unplaced == 12  # 2048 CPU units / 512 = 4 per instance


def test_distinct_instance_and_member_of():
    constraints = [
        {"type": "distinctInstance"},
        {"type": "memberOf", "expression": "attribute:ecs.instance-type =~ m5.*"},
    ]
    fleet = ecs.cluster(["m5.large", "c5.large", "m5.xlarge"])
    p = ecs.place_tasks(TD, 3, fleet, placement_constraints=constraints)
    assert p.tasks_on == {"i-01": 1, "i-02": 0, "i-03": 1} and p.unplaced == 1
    zone_b = ecs.place_tasks(
        TD,
        2,
        fleet,
        placement_constraints=[{"type": "memberOf", "expression": "attribute:ecs.availability-zone in [us-east-1b]"}],
    )
    assert zone_b.tasks_on["i-02"] == 2
    with pytest.raises(ValueError, match="is not modelled"):
        ecs.place_tasks(TD, 1, fleet, placement_constraints=[{"type": "memberOf", "expression": "task:group == a"}])


def test_awsvpc_limits_tasks_per_instance_to_its_enis():
    # "a c5.large ... you can typically only run two such tasks"; with trunking, ten
    small = {"family": "s", "cpu": "128", "memory": "128", "containerDefinitions": [{"name": "a"}]}
    plain = ecs.place_tasks(small, 12, ecs.cluster(["c5.large"]), network_mode="awsvpc")
    trunked = ecs.place_tasks(small, 12, ecs.cluster(["c5.large"], trunking=True), network_mode="awsvpc")
    assert (plain.placed, trunked.placed) == (2, 10)
    assert ecs.awsvpc_task_limit("m5.xlarge") == 3 and ecs.awsvpc_task_limit("m5.2xlarge", trunking=True) == 40


def test_host_mode_runs_one_task_per_instance():
    p = ecs.place_tasks(TD, 5, ecs.cluster(["m5.large"] * 3), network_mode="host")
    assert p.placed == 3


def test_random_is_seeded():
    a = ecs.place_tasks(TD, 6, ecs.cluster(["m5.large"] * 4), placement_strategy=[{"type": "random"}], seed=3)
    b = ecs.place_tasks(TD, 6, ecs.cluster(["m5.large"] * 4), placement_strategy=[{"type": "random"}], seed=3)
    assert a.task_instances == b.task_instances


def test_target_tracking():
    assert ecs.target_tracking_desired(4, 90, 60) == 6
    assert ecs.target_tracking_desired(10, 20, 50) == 4


task_sizes = st.tuples(st.sampled_from([128, 256, 512, 1024, 2048]), st.sampled_from([256, 512, 1024, 2048, 4096]))
strategies = st.sampled_from(
    [
        [],
        [{"type": "binpack", "field": "memory"}],
        [{"type": "binpack", "field": "cpu"}],
        [{"type": "random"}],
        [{"type": "spread", "field": "instanceId"}],
        SPREAD_AZ + [{"type": "binpack", "field": "memory"}],
    ]
)


@given(
    task_sizes,
    st.integers(0, 60),
    st.lists(st.sampled_from(list(ecs.INSTANCE_TYPES)), min_size=1, max_size=9),
    strategies,
    st.sampled_from(["bridge", "awsvpc"]),
    st.integers(0, 5),
)
def test_placement_never_exceeds_an_instance(size, count, types, strategy, mode, seed):
    td = {"cpu": str(size[0]), "memory": str(size[1]), "containerDefinitions": [{"name": "a"}]}
    fleet = ecs.cluster(types, zones=3)
    p = ecs.place_tasks(td, count, fleet, placement_strategy=strategy, network_mode=mode, seed=seed)
    assert p.placed + p.unplaced == count
    for inst in p.instances:
        assert p.cpu_used[inst.instance_id] <= inst.cpu and p.memory_used[inst.instance_id] <= inst.memory
        assert p.tasks_on[inst.instance_id] * size[0] == p.cpu_used[inst.instance_id]
        if mode == "awsvpc":
            assert p.tasks_on[inst.instance_id] <= inst.eni_task_limit


@given(st.integers(1, 3), st.integers(1, 4), st.integers(0, 30))
def test_spread_over_azs_is_balanced_within_one_while_every_az_has_room(zones, per_zone, count):
    fleet = ecs.cluster(["m5.xlarge"] * (zones * per_zone), zones=zones)
    capacity_per_zone = per_zone * 8  # 4096 CPU units / 512 per task
    count = min(count, capacity_per_zone * zones)
    p = ecs.place_tasks(TD, count, fleet, placement_strategy=SPREAD_AZ + [{"type": "binpack", "field": "memory"}])
    per_az = list(p.per_attribute().values())
    assert p.unplaced == 0 and max(per_az) - min(per_az) <= 1
