"""Elastic Beanstalk's application model and deployment policies."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.compute.beanstalk import DEPLOYMENT_POLICIES, Application, batch_count, deployment_timeline


def _app():
    app = Application("shop", {}).add_version("v1", "bundles/v1.zip").add_version("v2", "bundles/v2.zip")
    return app.create_environment("shop-blue", "v1").create_environment("shop-green", "v2")


def test_one_version_per_environment_and_blue_green_swap():
    app = _app()
    blue_cname = "shop-blue.us-east-1.elasticbeanstalk.com"
    assert app.serving(blue_cname) == "v1"
    swapped = app.swap_cnames("shop-blue", "shop-green")
    assert swapped.serving(blue_cname) == "v2"
    assert swapped.swap_cnames("shop-blue", "shop-green").serving(blue_cname) == "v1"
    deployed = app.deploy("shop-blue", "v2")
    assert {e.version_label for e in deployed.environments} == {"v2"}
    assert app.serving(blue_cname) == "v1"  # the original is unchanged (frozen)


def test_application_rules():
    app = _app()
    with pytest.raises(ValueError, match="label"):
        app.add_version("v1", "other.zip")
    with pytest.raises(ValueError, match="version_label"):
        app.deploy("shop-blue", "v9")
    with pytest.raises(ValueError, match="environment"):
        app.deploy("shop-red", "v1")
    with pytest.raises(ValueError, match="tier"):
        app.create_environment("jobs", "v1", tier="Batch")
    with pytest.raises(ValueError, match="name"):
        app.create_environment("shop-blue", "v1")


def test_batch_sizes():
    assert batch_count(10, 30, "Percentage") == 3
    assert batch_count(10, 25, "Percentage") == 3  # rounded up
    assert batch_count(3, 1, "Percentage") == 1
    assert batch_count(4, 10, "Fixed") == 4
    with pytest.raises(ValueError, match="batch_size_type"):
        batch_count(4, 1, "Half")


def test_policies_trade_capacity_time_and_cost():
    all_at_once = deployment_timeline("AllAtOnce", 10)
    rolling = deployment_timeline("Rolling", 10, batch_size=30)
    extra = deployment_timeline("RollingWithAdditionalBatch", 10, batch_size=30)
    immutable = deployment_timeline("Immutable", 10)
    assert all_at_once.min_capacity_fraction == 0 and all_at_once.total_minutes == 3
    assert rolling.min_capacity_fraction == pytest.approx(0.7) and rolling.total_minutes == 12  # 4 batches
    assert extra.min_capacity_fraction == 1 and extra.extra_instances_peak == 3
    assert immutable.extra_instances_peak == 10 and immutable.min_capacity_fraction == 1
    split = deployment_timeline("TrafficSplitting", 10, traffic_split_percent=20, evaluation_minutes=7)
    assert split.new_serving[1] == 2 and split.total_minutes == immutable.total_minutes + 7


@given(
    policy=st.sampled_from(DEPLOYMENT_POLICIES),
    n=st.integers(1, 60),
    size=st.floats(1, 100),
    deploy=st.floats(0, 20),
    launch=st.floats(0, 20),
)
def test_every_deployment_ends_fully_on_the_new_version(policy, n, size, deploy, launch):
    run = deployment_timeline(policy, n, batch_size=size, deploy_minutes=deploy, launch_minutes=launch)
    assert (run.old_serving[-1], run.new_serving[-1], run.instances_running[-1]) == (0, n, n)
    assert run.phase_minutes == sorted(run.phase_minutes)
    for old, new, running in zip(run.old_serving, run.new_serving, run.instances_running, strict=True):
        assert 0 <= old and 0 <= new and old + new <= running
    # the old version never comes back once an instance has moved on
    assert run.old_serving == sorted(run.old_serving, reverse=True)
