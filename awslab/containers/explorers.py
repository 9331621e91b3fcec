"""Explorers for the containers notebooks: controls -> model -> figure, all built through awslab.ui."""

from __future__ import annotations

from awslab import ui
from awslab.containers import ecr, ecs, eks, fargate, figures

STRATEGIES = {
    "spread AZ, then binpack memory": [
        {"type": "spread", "field": "attribute:ecs.availability-zone"},
        {"type": "binpack", "field": "memory"},
    ],
    "binpack memory": [{"type": "binpack", "field": "memory"}],
    "spread instanceId": [{"type": "spread", "field": "instanceId"}],
    "random": [{"type": "random"}],
}
TASK_SIZES = {"0.25 vCPU, 0.5 GiB": (256, 512), "0.5 vCPU, 1 GiB": (512, 1024), "1 vCPU, 2 GiB": (1024, 2048)}


def explore_placement(
    tasks: int = 12,
    strategy: str = "spread AZ, then binpack memory",
    size: str = "0.5 vCPU, 1 GiB",
    network_mode: str = "bridge",
    trunking: bool = False,
    seed: int = 0,
) -> ui.Explorer:
    """Place a service's tasks on a six-instance, three-AZ cluster and watch utilisation and what stays pending.

    >>> explore_placement().last_view.numbers
    {'placed': '12 of 12', 'tasks per AZ': 'us-east-1a 4, us-east-1b 4, us-east-1c 4', 'busiest instance': 'i-01 at 100% CPU'}
    """

    def view(tasks, strategy, size, network_mode, trunking):
        cpu, memory = TASK_SIZES[size]
        placement = ecs.place_tasks(
            ecs.sample_task_definition(cpu, memory),
            tasks,
            ecs.cluster(list(ecs.SAMPLE_CLUSTER), zones=3, trunking=trunking),
            placement_strategy=STRATEGIES[strategy],
            network_mode=network_mode,
            seed=seed,
        )
        busiest = max(placement.utilisation(), key=lambda r: (r["cpu used"], r["memory used"]))
        zones = ", ".join(f"{z} {n}" for z, n in placement.per_attribute().items())
        return ui.View(
            figures.placement_figure(placement, strategy),
            {
                "placed": f"{placement.placed} of {tasks}",
                "tasks per AZ": zones,
                "busiest instance": f"{busiest['instance']} at {busiest['cpu used']:.0%} CPU",
            },
        )

    return ui.explorer(
        "ECS task placement",
        [
            ui.Slider(
                "tasks",
                "tasks in the service",
                min=1,
                max=40,
                step=1,
                value=tasks,
                integer=True,
                static_values=[1, 4, 8, 12, 16, 20, 24, 30, 40],
            ),
            ui.Choice("strategy", "placement strategy", options=list(STRATEGIES), value=strategy),
            ui.Choice("size", "task size", options=list(TASK_SIZES), value=size),
            ui.Choice("network_mode", "network mode", options=list(ecs.NETWORK_MODES), value=network_mode),
            ui.Toggle("trunking", "ENI trunking (awsvpcTrunking)", value=trunking),
        ],
        view,
    )


def explore_lifecycle(keep_prod: int = 3, untagged_days: int = 7, keep_any: int = 6) -> ui.Explorer:
    """A three-rule ECR lifecycle policy over twelve images: which expire, and which rule expires each.

    >>> explore_lifecycle().last_view.numbers
    {'expired': '6 of 12', 'by rule 1 (prod)': '2', 'by rule 2 (untagged)': '2', 'by rule 3 (any)': '2'}
    """
    images = ecr.images_pushed_days_ago(list(ecr.SAMPLE_IMAGES))
    ages = {d: days for d, _, days in ecr.SAMPLE_IMAGES}
    tags = {d: t for d, t, _ in ecr.SAMPLE_IMAGES}

    def view(keep_prod, untagged_days, keep_any):
        result = ecr.evaluate(ecr.sample_policy(keep_prod, untagged_days, keep_any), images, now="2026-12-03T00:00:00Z")
        return ui.View(
            figures.lifecycle_figure(result, ages, tags),
            {
                "expired": f"{len(result.expired)} of {len(ages)}",
                "by rule 1 (prod)": str(len(result.expired_by(1))),
                "by rule 2 (untagged)": str(len(result.expired_by(2))),
                "by rule 3 (any)": str(len(result.expired_by(3))),
            },
        )

    return ui.explorer(
        "ECR lifecycle policy",
        [
            ui.Slider("keep_prod", "prod images kept (rule 1)", min=1, max=6, step=1, value=keep_prod, integer=True),
            ui.Slider(
                "untagged_days",
                "untagged images expire after (rule 2)",
                min=1,
                max=30,
                step=1,
                value=untagged_days,
                integer=True,
                unit="days",
            ),
            ui.Slider("keep_any", "images kept in all (rule 3)", min=1, max=12, step=1, value=keep_any, integer=True),
        ],
        view,
    )


FARGATE_SIZES = {
    "0.25 vCPU, 0.5 GiB": (256, 512),
    "0.5 vCPU, 1 GiB": (512, 1024),
    "1 vCPU, 2 GiB": (1024, 2048),
    "1 vCPU, 8 GiB": (1024, 8192),
    "2 vCPU, 4 GiB": (2048, 4096),
    "4 vCPU, 8 GiB": (4096, 8192),
}


def fargate_comparison(tasks, size, utilisation, architecture="x86", spot=False):
    """The model call behind the Fargate explorer, and its cost curve over utilisation (20% to 100%)."""
    cpu, memory = FARGATE_SIZES[size]
    result = fargate.compare_with_ec2(tasks, cpu, memory, utilisation=utilisation, architecture=architecture, spot=spot)
    curve = [(u / 100, result.ec2_usd_per_hour_at(u / 100)) for u in range(20, 101, 5)]
    return result, curve


def explore_fargate_cost(
    utilisation: float = 0.6,
    tasks: int = 10,
    size: str = "1 vCPU, 2 GiB",
    architecture: str = "x86",
    spot: bool = False,
) -> ui.Explorer:
    """Fargate against m5.large instances: how well must you pack EC2 before it is cheaper?

    >>> explore_fargate_cost().last_view.numbers
    {'Fargate': '$0.49/h', 'EC2 at 60%': '$0.86/h (9 x m5.large)', 'cheaper': 'Fargate', 'break-even utilisation': '97%'}
    """

    def view(utilisation, tasks, size, architecture, spot):
        if spot and architecture == "arm":
            raise ValueError("Fargate Spot runs Linux/x86 tasks only: switch architecture to x86 to use Spot")
        result, curve = fargate_comparison(tasks, size, utilisation, architecture, spot)
        even = result.break_even_utilisation
        return ui.View(
            figures.fargate_vs_ec2_figure(result, curve),
            {
                "Fargate": f"${result.fargate_usd_per_hour:,.2f}/h",
                f"EC2 at {utilisation:.0%}": f"${result.ec2_usd_per_hour:,.2f}/h ({result.instances} x m5.large)",
                "cheaper": result.cheaper,
                "break-even utilisation": f"{even:.0%}" if even <= 1 else "above 100%: Fargate always cheaper",
            },
        )

    return ui.explorer(
        "Fargate or EC2?",
        [
            ui.Slider(
                "utilisation",
                "EC2 utilisation you reach",
                min=0.2,
                max=1.0,
                step=0.05,
                value=utilisation,
                static_values=[0.2, 0.4, 0.6, 0.8, 0.9, 1.0],
            ),
            ui.Slider("tasks", "tasks", min=1, max=100, step=1, value=tasks, integer=True),
            ui.Choice("size", "task size", options=list(FARGATE_SIZES), value=size),
            ui.Choice("architecture", "architecture", options=list(fargate.ARCHITECTURES), value=architecture),
            ui.Toggle("spot", "Fargate Spot (70% off, x86 only)", value=spot),
        ],
        view,
    )


def explore_chooser(
    kubernetes: float = 0.0,
    operations: float = 1.0,
    long_running: float = 1.0,
    idle_cost: float = 1.0,
    new_customer: bool = True,
) -> ui.Explorer:
    """Weigh the criteria and see which of ECS, EKS, App Runner and Lambda fits best.

    >>> explore_chooser().last_view.numbers
    {'best fit': 'ECS on Fargate', 'ranking': 'ECS on Fargate 7 > Lambda 6 > EKS 5'}
    """

    def view(kubernetes, operations, long_running, idle_cost, new_customer):
        choice = eks.choose(
            {
                "Kubernetes API and portability": kubernetes,
                "least operations": operations,
                "long-running or always-on work": long_running,
                "no fixed cost when idle": idle_cost,
            },
            new_customer=new_customer,
        )
        return ui.View(
            figures.chooser_figure(choice.scores, choice.best),
            {"best fit": choice.best, "ranking": " > ".join(f"{o} {choice.scores[o]:g}" for o in choice.ranking)},
        )

    weight = dict(min=0, max=3, step=0.5, static_values=[0, 1, 2, 3])
    return ui.explorer(
        "ECS, EKS, App Runner or Lambda?",
        [
            ui.Slider("kubernetes", "weight: Kubernetes API", value=kubernetes, **weight),
            ui.Slider("operations", "weight: least operations", value=operations, **weight),
            ui.Slider("long_running", "weight: long-running work", value=long_running, **weight),
            ui.Slider("idle_cost", "weight: no cost when idle", value=idle_cost, **weight),
            ui.Toggle("new_customer", "new AWS customer", value=new_customer),
        ],
        view,
    )
