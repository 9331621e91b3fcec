"""Explorers for 07_choosing_services: a chooser's requirements in, its ranking out; and a trace's critical path."""

from __future__ import annotations

from awslab import ui
from awslab.app_services import choosers, figures


def _chooser_explorer(chooser: choosers.Chooser, title: str, main: str, values: dict) -> ui.Explorer:
    """One dropdown per requirement (``any``: not stated), the ranking as bars, the top of it as numbers."""
    names = list(chooser.requirements)

    def view(**chosen):
        wanted = {k: v for k, v in chosen.items() if v != choosers.ANY}
        ranking = choosers.rank(chooser, wanted)
        best, second = ranking[0], ranking[1]
        feasible = [r for r in ranking if r.feasible]
        return ui.View(
            figures.ranking_figure(ranking, title),
            {
                "first": best.service if best.feasible else "nothing fits every requirement",
                "why first": best.why,
                "second": second.service if second.feasible else "(none feasible)",
                "feasible": f"{len(feasible)} of {len(ranking)}",
            },
        )

    controls = [
        ui.Choice(name, name.replace("_", " "), options=list(chooser.requirements[name]), value=values.get(name, "any"))
        for name in names
    ]
    return ui.explorer(title, controls, view, main=main)


def explore_messaging(protocol: str = "any", **values) -> ui.Explorer:
    """Messaging and integration: pick requirements, see SQS, SNS, EventBridge, Amazon MQ, AppSync, AppFlow, Kinesis
    ranked.

    >>> explore_messaging(protocol="AMQP 0-9-1").last_view.numbers["first"]
    'Amazon MQ for RabbitMQ'
    """
    return _chooser_explorer(
        choosers.MESSAGING, "Messaging: which service?", "protocol", {"protocol": protocol, **values}
    )


def explore_location(users: str = "any", **values) -> ui.Explorer:
    """Region, Local Zone, Wavelength Zone or Outposts.

    >>> explore_location(users="5G mobile devices").last_view.numbers["first"]
    'Wavelength Zone'
    """
    return _chooser_explorer(
        choosers.LOCATIONS, "Where to run: Region or an extension?", "users", {"users": users, **values}
    )


def explore_jobs(duration: str = "any", **values) -> ui.Explorer:
    """AWS Batch, Lambda or ECS for a job.

    >>> explore_jobs(duration="over 15 minutes", gpu="needed").last_view.numbers["first"]
    'AWS Batch on EC2'
    """
    return _chooser_explorer(choosers.JOB_COMPUTE, "Where to run a job?", "duration", {"duration": duration, **values})


def explore_ai(input: str = "any", **values) -> ui.Explorer:  # noqa: A002 - the requirement's name
    """Which AI service answers a requirement.

    >>> explore_ai(input="audio", output="a transcript").last_view.numbers["first"]
    'Transcribe'
    """
    return _chooser_explorer(choosers.AI, "AI services: which one?", "input", {"input": input, **values})


TAX_STEPS = [50, 100, 200, 300, 400, 600]


def explore_trace(tax_ms: float = 200, inventory_ms: float = 80, payment_ms: float = 420) -> ui.Explorer:
    """The checkout trace: move the slow dependencies and watch the critical path move.

    >>> explore_trace(inventory_ms=500).last_view.numbers["critical path"]
    'checkout-api > auth (Cognito) > inventory (DynamoDB) > payment (HTTPS) > receipt (SQS)'
    """

    def view(tax_ms, inventory_ms, payment_ms):
        trace = choosers.checkout_trace(inventory_ms=inventory_ms, tax_ms=tax_ms, payment_ms=payment_ms)
        cp = choosers.critical_path(trace)
        return ui.View(
            figures.trace_figure(
                choosers.waterfall(trace), set(cp.path), "A checkout trace: the critical path in orange"
            ),
            {
                "response time": f"{cp.total_ms:,.0f} ms",
                "critical path": " > ".join(cp.path),
                "slowest on the path": f"{cp.slowest} ({cp.self_ms[cp.slowest]:,.0f} ms)",
                "sum of all segments": f"{cp.segments_ms:,.0f} ms",
            },
        )

    return ui.explorer(
        "X-Ray: where does the time go?",
        [
            ui.Slider(
                "tax_ms", "tax-rate call", min=10, max=1000, step=10, value=tax_ms, unit="ms", static_values=TAX_STEPS
            ),
            ui.Slider("inventory_ms", "inventory read", min=10, max=1000, step=10, value=inventory_ms, unit="ms"),
            ui.Slider("payment_ms", "payment call", min=10, max=1000, step=10, value=payment_ms, unit="ms"),
        ],
        view,
    )
