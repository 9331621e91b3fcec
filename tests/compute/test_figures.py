"""Figures build from model results, carry titles and axis titles, and serialise as plain lists."""

import pytest

from awslab.compute import asg_sim, beanstalk, ec2, elb, elb_sim, figures, lambda_cost, lifecycle, pricing


def _plain(fig):
    text = fig.to_json()
    assert "bdata" not in text
    assert fig.layout.title.text
    assert fig.layout.template.layout.font.family.startswith("DejaVu")  # the course theme is applied
    return fig


def test_every_figure_builds():
    run = asg_sim.simulate_group(
        asg_sim.daily_load(minutes=240),
        [{"PolicyType": "TargetTrackingScaling", "TargetTrackingConfiguration": {"TargetValue": 50}}],
        max_size=20,
    )
    built = [
        figures.right_sizing_figure(ec2.right_size(3, 10)),
        figures.lifecycle_figure(lifecycle.run_actions(lifecycle.Instance(), ["stop", "start", "terminate"])),
        figures.fleet_cost_figure(pricing.fleet_cost([1, 2, 3], 0.096, pricing.M5_LARGE_RESERVATIONS[0])),
        figures.spot_figure(pricing.simulate_spot_job(5, 0.03, seed=1), 0.03),
        figures.asg_figure(run),
        figures.traffic_share_figure({"a": 2, "b": 8}),
        figures.elb_figure(elb_sim.simulate_load_balancer({"a": 2, "b": 2}, True, 10, 60, seed=1)),
        figures.lambda_vs_instance_figure(lambda_cost.compare([1e6, 1e7, 1e8], 100, 512, 0.0208, 50)),
        figures.deployment_figure(beanstalk.deployment_timeline("RollingWithAdditionalBatch", 6)),
        figures.lifecycle_diagram_figure(),
        figures.health_check_figure(elb.health_view([(100, 200)], 400).tolist(), [(100, 200)]),
    ]
    for fig in built:
        _plain(fig)
    assert built[4].layout.yaxis.title.text == "requests per second"
    assert built[5].layout.xaxis.title.text == "Availability Zone"
    assert list(built[5].data[1].y) == pytest.approx([25.0, 6.25])
    # checks every 30 s from 0: the 120 s and 150 s checks fail, the second times out at 155 s
    assert built[-1].layout.title.text == "Health checks: out of service at 155 s"


MODELS = [
    "ec2",
    "lifecycle",
    "pricing",
    "autoscaling",
    "asg_sim",
    "elb",
    "elb_sim",
    "lambda_cost",
    "beanstalk",
    "metadata",
    "placement",
]


def test_lifecycle_diagram_edges_come_from_the_model():
    fig = figures.lifecycle_diagram_figure()
    labels = {a.text for a in fig.layout.annotations if a.text}
    assert any("stop" in label for label in labels) and any("terminate" in label for label in labels)
    assert any("start" in label for label in labels) and any("reboot" in label for label in labels)
    arrows = {(a.ax, a.ay, a.x, a.y) for a in fig.layout.annotations if a.showarrow}
    assert (3.0, 1.0, 2.0, 2.5) in arrows  # stopped -> pending on start


def test_asg_figure_thins_minutes_for_explorers():
    from awslab.compute import asg_sim
    from awslab.compute.figures import asg_figure

    run = asg_sim.simulate_group(asg_sim.daily_load(minutes=120), [], min_size=2, max_size=2, desired_capacity=2)
    assert len(asg_figure(run).data[0].x) == 120
    assert len(asg_figure(run, every=5).data[0].x) == 24
    with pytest.raises(ValueError, match="every must be a whole number >= 1"):
        asg_figure(run, every=0)
