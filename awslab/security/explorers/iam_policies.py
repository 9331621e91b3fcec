"""Explorers for 02_iam_policies: the policy evaluator, the decision grid, STS credential lifetimes and
access-key rotation."""

from __future__ import annotations

import json

from awslab import ui, validate
from awslab.security import credentials, figures, iam, presets


def _json_object(name: str, text: str) -> dict:
    if not text.strip():
        return {}
    return validate.json_document(name, text, expect=dict)


def explore_policy(
    policy_json: str = json.dumps(presets.DEMO_POLICY, indent=1),
    action: str = "s3:PutObject",
    resource: str = "arn:aws:s3:::reports/alice/q3.csv",
    *,
    context_json: str = json.dumps(presets.DEMO_CONTEXT),
) -> ui.Explorer:
    """Edit a policy and a request; the trace shows each statement's tests, the decision and missing context keys.

    >>> next(iter(explore_policy().last_view.numbers.items()))
    ('decision', 'implicitDeny')
    """

    def view(action, custom_action, resource, policy_json, context_json):
        chosen = custom_action.strip() or action
        result = iam.evaluate([policy_json], chosen, resource, context=_json_object("context_json", context_json))
        deciding = ", ".join(m.sid or f"Statement[{m.statement_index}]" for m in result.deciding_statements)
        return ui.figure_with_numbers(
            figures.trace_figure(result),
            {
                "decision": result.decision,
                "deciding statement(s)": deciding or "none (nothing allowed it)",
                "matched statements": str(len(result.matched_statements)),
                "missing context keys": ", ".join(result.missing_context_keys) or "none",
            },
        )

    actions = presets.DEMO_ACTIONS if action in presets.DEMO_ACTIONS else [action, *presets.DEMO_ACTIONS]
    return ui.explorer(
        "IAM policy evaluator: why allowed, why denied",
        [
            ui.Choice("action", "action", options=actions, value=action),
            ui.Text("custom_action", "or type an action", value=""),
            ui.Text("resource", "resource ARN", value=resource),
            ui.Text("policy_json", "identity policy (JSON)", value=policy_json, rows=16),
            ui.Text("context_json", "request context (JSON)", value=context_json, rows=2),
        ],
        view,
    )


def explore_decision_grid(
    preset: str = "the demo policy",
    custom_policy_json: str = "",
    actions: str = ", ".join(presets.DEMO_ACTIONS),
    *,
    resources: str = presets.GRID_RESOURCES,
    context_json: str = json.dumps(presets.DEMO_CONTEXT),
) -> ui.Explorer:
    """One policy against a grid of actions x resources; paste your own policy to replace the preset.

    >>> explore_decision_grid().last_view.numbers
    {'allowed': '4', 'explicitDeny': '4', 'implicitDeny': '16'}
    """

    def view(preset, custom_policy_json, actions, resources, context_json):
        policy = custom_policy_json if custom_policy_json.strip() else presets.GRID_PRESETS[preset]
        grid = iam.evaluate_grid(
            [policy],
            [a.strip() for a in actions.split(",") if a.strip()],
            [r.strip() for r in resources.split(",") if r.strip()],
            context=_json_object("context_json", context_json),
        )
        counts = grid.stack().value_counts()
        return ui.figure_with_numbers(
            figures.decision_grid_figure(grid),
            {d: str(int(counts.get(d, 0))) for d in iam.DECISIONS},
        )

    return ui.explorer(
        "IAM decisions over actions x resources",
        [
            ui.Choice("preset", "policy", options=list(presets.GRID_PRESETS), value=preset),
            ui.Text("custom_policy_json", "or paste a policy (JSON)", value=custom_policy_json, rows=6),
            ui.Text("actions", "actions (comma-separated)", value=actions),
            ui.Text("resources", "resources (comma-separated)", value=resources),
            ui.Text("context_json", "request context (JSON)", value=context_json),
        ],
        view,
    )


def explore_credential_lifetime(
    api: str = "AssumeRole",
    requested_seconds: int = 3_600,
    caller: str = "iam-user",
    *,
    role_max_session_hours: int = 1,
    role_chaining: bool = False,
) -> ui.Explorer:
    """How long STS credentials last for each API; type a DurationSeconds and see whether STS would grant it.

    >>> next(iter(explore_credential_lifetime().last_view.numbers.items()))
    ('granted', '3,600 s (1 h)')
    """
    apis = credentials.ROLE_APIS + credentials.TOKEN_APIS

    def view(api, requested_seconds, caller, role_max_session_hours, role_chaining):
        role_max = role_max_session_hours * 3600
        granted = credentials.credential_lifetime(
            api, requested_seconds, caller, role_max_session_seconds=role_max, role_chaining=role_chaining
        )
        token_caller = "iam-user" if caller == "role" else caller
        lifetimes = [
            granted
            if name == api
            else credentials.credential_lifetime(
                name,
                None,
                caller if name in credentials.ROLE_APIS else token_caller,
                role_max_session_seconds=role_max,
                role_chaining=role_chaining,
            )
            for name in apis
        ]
        return ui.figure_with_numbers(
            figures.lifetime_figure(lifetimes, apis.index(api)),
            {
                "granted": f"{granted.granted_seconds:,} s ({granted.granted_seconds / 3600:g} h)",
                "allowed": f"{granted.minimum_seconds:,} - {granted.maximum_seconds:,} s",
                "limit set by": granted.rule,
            },
        )

    return ui.explorer(
        "Temporary credentials: how long do they last?",
        [
            ui.Choice("api", "STS API", options=list(apis), value=api),
            ui.Number("requested_seconds", "DurationSeconds", value=requested_seconds, unit="s", integer=True),
            ui.Choice("caller", "caller", options=list(credentials.CALLERS), value=caller),
            ui.Slider(
                "role_max_session_hours",
                "role MaxSessionDuration",
                min=1,
                max=12,
                step=1,
                value=role_max_session_hours,
                unit="h",
                integer=True,
            ),
            ui.Toggle("role_chaining", "role chaining", value=role_chaining),
        ],
        view,
    )


def explore_key_rotation(apps_missed: int = 1, app_count: int = 4, disable_before_delete: bool = True) -> ui.Explorer:
    """The access key rotation walk-through: forget some applications and compare disable-first with delete-now.

    >>> next(iter(explore_key_rotation().last_view.numbers.items()))
    ('apps failing at the end', '0')
    """

    def view(apps_missed, app_count, disable_before_delete):
        steps = credentials.rotation_walkthrough(app_count, apps_missed, disable_before_delete)
        last = steps.iloc[-1]
        return ui.figure_with_numbers(
            figures.key_rotation_figure(steps),
            {
                "apps failing at the end": str(int(last["apps failing"])),
                "worst step": f"{int(steps['apps failing'].max())} app(s) failing",
                "outage reversible": "yes" if steps.loc[steps["apps failing"] > 0, "reversible"].all() else "no",
            },
        )

    return ui.explorer(
        "Rotating an access key safely",
        [
            ui.Slider("apps_missed", "applications forgotten", min=0, max=4, step=1, value=apps_missed, integer=True),
            ui.Number("app_count", "applications using the key", value=app_count, integer=True),
            ui.Toggle("disable_before_delete", "disable before delete", value=disable_before_delete),
        ],
        view,
    )
