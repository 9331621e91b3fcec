"""Explorers for the Management notebooks: controls -> CloudWatch, CloudFormation, Config and Trusted Advisor
models -> figures, all built through awslab.ui."""

from __future__ import annotations

from datetime import UTC, datetime

from awslab import ui
from awslab.management import cloudformation as cfn
from awslab.management import cloudwatch as cw
from awslab.management import config_rules, figures
from awslab.management import trusted_advisor as ta
from awslab.management.sample_templates import SAMPLE_TEMPLATES

THRESHOLD_STEPS = [40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95]


def explore_alarm(
    threshold: float = 70,
    evaluation_periods: int = 3,
    datapoints_to_alarm: int = 2,
    *,
    treat_missing_data: str = "missing",
    comparison_operator: str = "GreaterThanThreshold",
    missing_fraction: float = 0.1,
    seed: int = 0,
) -> ui.Explorer:
    """A CloudWatch alarm over a seeded CPU series: threshold, M out of N and missing-data treatment.

    >>> next(iter(explore_alarm().last_view.numbers.items()))
    ('state changes', '3')
    """

    def view(
        threshold, evaluation_periods, datapoints_to_alarm, treat_missing_data, comparison_operator, missing_fraction
    ):
        values = cw.sample_metric_series(periods=60, missing_fraction=missing_fraction, seed=seed)
        states = cw.evaluate_alarm(
            values,
            threshold,
            comparison_operator,
            evaluation_periods=evaluation_periods,
            datapoints_to_alarm=datapoints_to_alarm,
            treat_missing_data=treat_missing_data,
        )
        changes = cw.state_transitions(states)
        to_alarm = [i for i, _, new in changes if new == "ALARM"]
        return ui.View(
            figures.alarm_figure(values, states, threshold, period_seconds=cw.BASIC_MONITORING_PERIOD_SECONDS),
            {
                "state changes": str(len(changes)),
                "alarm actions fired (-> ALARM)": str(len(to_alarm)),
                "first ALARM": f"minute {to_alarm[0] * 5}" if to_alarm else "never",
                "periods in ALARM": f"{states.count('ALARM')} of {len(states)}",
            },
        )

    return ui.explorer(
        "CloudWatch alarm: CPUUtilization, 5-minute periods",
        [
            ui.Slider(
                "threshold",
                "threshold",
                min=0,
                max=100,
                step=1,
                value=threshold,
                unit="%",
                static_values=THRESHOLD_STEPS,
            ),
            ui.Slider(
                "evaluation_periods",
                "evaluation periods N",
                min=1,
                max=10,
                step=1,
                value=evaluation_periods,
                integer=True,
            ),
            ui.Number("datapoints_to_alarm", "datapoints to alarm M", value=datapoints_to_alarm, integer=True),
            ui.Choice(
                "treat_missing_data", "missing data", options=list(cw.TREAT_MISSING_DATA), value=treat_missing_data
            ),
            ui.Choice(
                "comparison_operator", "operator", options=list(cw.COMPARISON_OPERATORS), value=comparison_operator
            ),
            ui.Slider(
                "missing_fraction", "share of missing datapoints", min=0, max=0.5, step=0.05, value=missing_fraction
            ),
        ],
        view,
    )


def explore_template(preset: str = "web app", custom_template: str = "") -> ui.Explorer:
    """A template's dependency graph and creation order; paste your own JSON or YAML template (it wins when set).

    >>> next(iter(explore_template().last_view.numbers.items()))
    ('resources', '7')
    """

    def view(preset, custom_template):
        template = custom_template if custom_template.strip() else SAMPLE_TEMPLATES[preset]
        parsed = cfn.load_template(template)
        graph = cfn.dependencies(parsed)
        waves = cfn.creation_waves(parsed)
        types = {r: body["Type"] for r, body in parsed["Resources"].items()}
        return ui.View(
            figures.dependency_graph_figure(graph, waves, types),
            {
                "resources": str(len(types)),
                "creation waves": str(len(waves)),
                "creation order": " -> ".join(cfn.creation_order(parsed)),
            },
        )

    return ui.explorer(
        "CloudFormation template analyser",
        [
            ui.Choice("preset", "template", options=list(SAMPLE_TEMPLATES), value=preset),
            ui.Text("custom_template", "your template (JSON or YAML)", value=custom_template, rows=8),
        ],
        view,
    )


def explore_rollback(template_name: str = "web app", fail_resource: str = "Database", seed: int = 0) -> ui.Explorer:
    """A stack create of a sample template that fails at one resource (or succeeds) and rolls back in reverse.

    >>> next(iter(explore_rollback().last_view.numbers.items()))
    ('stack status', 'ROLLBACK_COMPLETE')
    """
    template = SAMPLE_TEMPLATES[template_name]
    resources = list(template["Resources"])

    def view(fail_resource, jitter):
        events = cfn.simulate_stack_create(
            template, None if fail_resource == "(none)" else fail_resource, seed=seed if jitter else None
        )
        final = events[-1]
        skipped = [e["LogicalResourceId"] for e in events if e["ResourceStatus"] == "DELETE_SKIPPED"]
        deleted = [e["LogicalResourceId"] for e in events if e["ResourceStatus"] == "DELETE_COMPLETE"]
        return ui.View(
            figures.stack_events_figure(events),
            {
                "stack status": final["ResourceStatus"],
                "elapsed": f"{final['ElapsedSeconds']:,.0f} s",
                "deleted in rollback": ", ".join(deleted) or "none",
                "kept (DeletionPolicy Retain)": ", ".join(skipped) or "none",
            },
        )

    return ui.explorer(
        f"Stack create and rollback: the {template_name!r} template",
        [
            ui.Choice("fail_resource", "resource that fails", options=["(none)", *resources], value=fail_resource),
            ui.Toggle("jitter", "jitter durations (seeded)", value=False),
        ],
        view,
    )


def explore_config_timeline(hour: int = 10) -> ui.Explorer:
    """AWS Config rules over a day of configuration changes: each rule's compliance at the chosen hour.

    >>> next(iter(explore_config_timeline().last_view.numbers.items()))
    ('restricted-ssh', 'NON_COMPLIANT')
    """
    timeline = config_rules.compliance_timeline(config_rules.SAMPLE_RULES, config_rules.sample_history())

    def view(hour):
        h = float(hour)
        if not 0 <= h <= 23:
            raise ValueError(f"hour={hour!r} is outside the allowed range (0 to 23)")
        at = datetime(2026, 1, 5, int(h), 0, 0, tzinfo=UTC)
        fig = figures.compliance_timeline_figure(timeline)
        fig.add_vline(x=at.isoformat(), line_dash="dash", line_color="#444444")
        return ui.View(fig, config_rules.rule_compliance(timeline, at))

    return ui.explorer(
        "AWS Config: compliance over a day of changes",
        [ui.Slider("hour", "time of day (UTC hour)", min=0, max=23, step=1, value=hour, unit="h", integer=True)],
        view,
    )


OPEN_PORTS = [("none", -1), ("22 (SSH)", 22), ("80 (HTTP)", 80), ("443 (HTTPS)", 443), ("3389 (RDP)", 3389)]


def explore_trusted_advisor(
    running_instances: int = 4,
    instance_limit: int = 5,
    open_port: int = 22,
    *,
    root_mfa: bool = False,
    iam_users: int = 0,
) -> ui.Explorer:
    """Trusted Advisor's free checks over a small account; move the instance count towards the limit.

    >>> next(iter(explore_trusted_advisor().last_view.numbers.items()))
    ('Security Groups - Specific Ports Unrestricted', 'warning')
    """

    def view(running_instances, instance_limit, open_port, root_mfa, iam_users):
        inputs = ta.sample_account(
            None if open_port == -1 else open_port,
            root_mfa,
            iam_users,
            running_instances=running_instances,
            instance_limit=instance_limit,
        )
        results = inputs.checks()
        counts = ta.summary_counts(results)
        numbers = {r.name: r.status for r in results}
        numbers["green / yellow / red"] = f"{counts['ok']} / {counts['warning']} / {counts['error']}"
        return ui.View(figures.trusted_advisor_figure(results), numbers)

    return ui.explorer(
        "Trusted Advisor: the free checks",
        [
            ui.Slider(
                "running_instances", "running instances", min=0, max=6, step=1, value=running_instances, integer=True
            ),
            ui.Number("instance_limit", "instance quota", value=instance_limit, integer=True),
            ui.Choice("open_port", "port open to 0.0.0.0/0", options=OPEN_PORTS, value=open_port),
            ui.Toggle("root_mfa", "root MFA enabled", value=root_mfa),
            ui.Number("iam_users", "IAM users", value=iam_users, integer=True),
        ],
        view,
    )
