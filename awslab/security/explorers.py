"""Explorers for the security notebooks: controls -> model -> figure, all built through awslab.ui."""

from __future__ import annotations

import json

import numpy as np

from awslab import ui, validate
from awslab.security import cloudtrail, credentials, figures, iam, kms, mfa, responsibility, waf

# --- Shared responsibility -----------------------------------------------------------------------------------
SERVICE_SETS = {
    "EC2 vs RDS vs S3": ("EC2", "RDS", "S3"),
    "all four": responsibility.SERVICES,
    "EC2 only": ("EC2",),
    "managed only (RDS, S3, Lambda)": ("RDS", "S3", "Lambda"),
}


def explore_responsibility(service_set: str = "EC2 vs RDS vs S3", custom_services: str = "") -> ui.Explorer:
    """Who secures each layer for a set of services; type your own comma-separated list to override the preset."""

    def view(service_set, custom_services):
        if custom_services.strip():
            services = tuple(s.strip() for s in custom_services.split(",") if s.strip())
        else:
            services = SERVICE_SETS[service_set]
        table = responsibility.responsibility_table(services)
        share = responsibility.customer_share(services)
        return ui.figure_with_numbers(
            figures.responsibility_figure(table),
            {f"customer's share for {s}": f"{share[s]:.0%}" for s in services},
        )

    return ui.explorer(
        "Shared responsibility: who secures what",
        [
            ui.Choice("service_set", "services", options=list(SERVICE_SETS), value=service_set),
            ui.Text("custom_services", "or type services (EC2, RDS, S3, Lambda)", value=custom_services),
        ],
        view,
    )


# --- IAM: the policy evaluator ------------------------------------------------------------------------------
DEMO_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "ReadReports",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"],
        },
        {
            "Sid": "WriteOwnFolderWithMfa",
            "Effect": "Allow",
            "Action": "s3:PutObject",
            "Resource": "arn:aws:s3:::reports/${aws:username}/*",
            "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}},
        },
        {
            "Sid": "NeverDeleteFromOutside",
            "Effect": "Deny",
            "Action": "s3:DeleteObject",
            "Resource": "*",
            "Condition": {"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}},
        },
        {
            "Sid": "DeleteInOwnFolder",
            "Effect": "Allow",
            "Action": "s3:DeleteObject",
            "Resource": "arn:aws:s3:::reports/*",
        },
    ],
}
DEMO_ACTIONS = [
    "s3:GetObject",
    "s3:PutObject",
    "s3:DeleteObject",
    "s3:ListBucket",
    "ec2:StartInstances",
    "iam:CreateUser",
]
DEMO_CONTEXT = {"aws:username": "alice", "aws:SourceIp": "198.51.100.7"}


def _json_object(name: str, text: str) -> dict:
    if not text.strip():
        return {}
    return validate.json_document(name, text, expect=dict)


def explore_policy(
    policy_json: str = json.dumps(DEMO_POLICY, indent=1),
    action: str = "s3:PutObject",
    resource: str = "arn:aws:s3:::reports/alice/q3.csv",
    context_json: str = json.dumps(DEMO_CONTEXT),
) -> ui.Explorer:
    """Edit a policy and a request; the trace shows each statement's tests, the decision and missing context keys."""

    def view(action, custom_action, resource, policy_json, context_json):
        chosen = custom_action.strip() or action
        result = iam.evaluate([policy_json], chosen, resource, _json_object("context_json", context_json))
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

    actions = DEMO_ACTIONS if action in DEMO_ACTIONS else [action, *DEMO_ACTIONS]
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


GRID_PRESETS = {
    "the demo policy": DEMO_POLICY,
    "AmazonS3ReadOnlyAccess": {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": ["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*"],
                "Resource": "*",
            }
        ],
    },
    "admin except IAM (NotAction)": {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}],
    },
    "allow all, deny the prod bucket": {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Effect": "Deny", "Action": "s3:*", "Resource": ["arn:aws:s3:::prod", "arn:aws:s3:::prod/*"]},
        ],
    },
}
GRID_RESOURCES = "arn:aws:s3:::reports, arn:aws:s3:::reports/alice/a.csv, arn:aws:s3:::prod/b.csv, *"


def explore_decision_grid(
    preset: str = "the demo policy",
    custom_policy_json: str = "",
    actions: str = ", ".join(DEMO_ACTIONS),
    resources: str = GRID_RESOURCES,
    context_json: str = json.dumps(DEMO_CONTEXT),
) -> ui.Explorer:
    """One policy against a grid of actions x resources; paste your own policy to replace the preset."""

    def view(preset, custom_policy_json, actions, resources, context_json):
        policy = custom_policy_json if custom_policy_json.strip() else GRID_PRESETS[preset]
        grid = iam.evaluate_grid(
            [policy],
            [a.strip() for a in actions.split(",") if a.strip()],
            [r.strip() for r in resources.split(",") if r.strip()],
            _json_object("context_json", context_json),
        )
        counts = grid.stack().value_counts()
        return ui.figure_with_numbers(
            figures.decision_grid_figure(grid),
            {d: str(int(counts.get(d, 0))) for d in iam.DECISIONS},
        )

    return ui.explorer(
        "IAM decisions over actions x resources",
        [
            ui.Choice("preset", "policy", options=list(GRID_PRESETS), value=preset),
            ui.Text("custom_policy_json", "or paste a policy (JSON)", value=custom_policy_json, rows=6),
            ui.Text("actions", "actions (comma-separated)", value=actions),
            ui.Text("resources", "resources (comma-separated)", value=resources),
            ui.Text("context_json", "request context (JSON)", value=context_json),
        ],
        view,
    )


# --- IAM: credential lifetimes and key rotation -------------------------------------------------------------
def explore_credential_lifetime(
    api: str = "AssumeRole",
    requested_seconds: int = 3_600,
    caller: str = "iam-user",
    role_max_session_hours: int = 1,
    role_chaining: bool = False,
) -> ui.Explorer:
    """How long STS credentials last for each API; type a DurationSeconds and see whether STS would grant it."""
    apis = credentials.ROLE_APIS + credentials.TOKEN_APIS

    def view(api, requested_seconds, caller, role_max_session_hours, role_chaining):
        role_max = role_max_session_hours * 3600
        granted = credentials.credential_lifetime(api, requested_seconds, caller, role_max, role_chaining)
        token_caller = "iam-user" if caller == "role" else caller
        lifetimes = [
            granted
            if name == api
            else credentials.credential_lifetime(
                name, None, caller if name in credentials.ROLE_APIS else token_caller, role_max, role_chaining
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
    """The access key rotation walk-through: forget some applications and compare disable-first with delete-now."""

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


# --- KMS ------------------------------------------------------------------------------------------------------
def explore_kms_rotation(rotation_period_days: int = 365, years: int = 5) -> ui.Explorer:
    """Automatic rotation over ``years``: the version new data uses and how many versions KMS keeps."""

    def view(rotation_period_days, years):
        schedule = kms.rotation_schedule(int(round(years * 365)), rotation_period_days)
        return ui.figure_with_numbers(
            figures.rotation_figure(schedule.iloc[:: max(1, len(schedule) // 120)]),
            {
                "rotations": str(int(schedule["encrypting_version"].iloc[-1])),
                "versions still decrypting": str(int(schedule["versions_kept"].iloc[-1])),
            },
        )

    return ui.explorer(
        "KMS automatic key rotation",
        [
            ui.Slider(
                "rotation_period_days",
                "rotation period",
                min=90,
                max=2560,
                step=5,
                value=rotation_period_days,
                unit="days",
                integer=True,
                static_values=[90, 180, 365, 730, 1095, 1825, 2560],
            ),
            ui.Number("years", "years shown", value=years, unit="years", integer=True),
        ],
        view,
    )


def explore_envelope_calls(
    object_count: int = 10_000, object_size_kib: int = 1024, data_key_reuse: int = 1
) -> ui.Explorer:
    """KMS requests to encrypt ``object_count`` objects directly (4 KiB per call) or with data keys."""

    def view(data_key_reuse, object_count, object_size_kib):
        count = int(object_count)
        if count < 1 or count > 1_000_000:
            raise ValueError(f"object_count={object_count} is outside the allowed range (1 to 1000000)")
        calls = kms.kms_calls(np.full(count, int(object_size_kib) * 1024), data_key_reuse)
        return ui.figure_with_numbers(
            figures.kms_calls_figure(calls),
            {
                "direct Encrypt calls": f"{calls['direct_encrypt_calls']:,}",
                "GenerateDataKey calls": f"{calls['envelope_generate_data_key_calls']:,}",
            },
        )

    return ui.explorer(
        "Why envelope encryption: KMS requests",
        [
            ui.Slider(
                "data_key_reuse",
                "objects per data key",
                min=1,
                max=10_000,
                step=1,
                value=data_key_reuse,
                integer=True,
                static_values=[1, 10, 100, 1000, 10_000],
            ),
            ui.Number("object_count", "objects", value=object_count, integer=True),
            ui.Number("object_size_kib", "object size", value=object_size_kib, unit="KiB", integer=True),
        ],
        view,
    )


# --- MFA and CloudTrail ------------------------------------------------------------------------------------------
def explore_mfa_drift(drift_seconds: int = 20, window_steps: int = 1, delay_seconds: float = 5.0) -> ui.Explorer:
    """Chance a TOTP code is accepted as the device clock drifts, for server windows of 0, 1 and 2 steps."""
    curve = [float(d) for d in range(-120, 121, 5)]

    def view(drift_seconds, window_steps, delay_seconds):
        probabilities = {
            w: mfa.acceptance_probability(curve, w, delay_seconds=delay_seconds).tolist() for w in sorted({0, 1, 2})
        }
        here = float(mfa.acceptance_probability(drift_seconds, window_steps, delay_seconds=delay_seconds)[0])
        fig = figures.mfa_drift_figure(curve, probabilities)
        fig.add_vline(x=drift_seconds, line_dash="dash", line_color="#232f3e")
        return ui.figure_with_numbers(
            fig,
            {"accepted at this drift": f"{here:.0%}", "server window": f"±{window_steps} step(s) of 30 s"},
        )

    return ui.explorer(
        "MFA codes and clock drift",
        [
            ui.Slider(
                "drift_seconds",
                "device clock drift",
                min=-120,
                max=120,
                step=10,
                value=drift_seconds,
                unit="s",
                integer=True,
            ),
            ui.Slider(
                "window_steps", "server window", min=0, max=2, step=1, value=window_steps, unit="steps", integer=True
            ),
            ui.Number("delay_seconds", "typing delay", value=delay_seconds, unit="s"),
        ],
        view,
    )


TAMPERING = ["none", "modify_log", "delete_log", "swap_logs", "modify_digest", "delete_digest"]


def explore_cloudtrail(how: str = "modify_log", target: int = 1, hours: int = 4, seed: int = 0) -> ui.Explorer:
    """Tamper with a delivered trail and validate it as `aws cloudtrail validate-logs` would."""
    key = cloudtrail.generate_signing_key()
    trail = cloudtrail.build_trail(cloudtrail.sample_events(hours, seed=seed), key, files_per_hour=3)

    def view(how, target):
        attacked = trail if how == "none" else cloudtrail.tamper(trail, how, target)
        result = cloudtrail.validate_trail(attacked, key.public_key())
        bad = {k: v for k, v in {**result.digest_files, **result.log_files}.items() if v != "valid"}
        return ui.figure_with_numbers(
            figures.digest_chain_figure(attacked, result),
            {
                "verdict": "intact" if result.intact else "tampering detected",
                "files flagged": str(len(bad)),
                "first flag": next(iter(bad.values()), "none"),
            },
        )

    return ui.explorer(
        "CloudTrail log file integrity",
        [
            ui.Choice("how", "tampering", options=TAMPERING, value=how),
            ui.Number("target", "which file (index)", value=target, integer=True),
        ],
        view,
    )


# --- WAF ---------------------------------------------------------------------------------------------------------
def explore_waf_rate_rule(
    limit: int = 100, window_seconds: int = 300, attacker_rps: float = 2.0, client_rps: float = 0.1, seed: int = 0
) -> ui.Explorer:
    """A WAF rate-based rule against one flooding IP and 50 normal clients: move the limit."""

    def view(limit, window_seconds, attacker_rps, client_rps):
        result = waf.simulate_rate_rule(limit, window_seconds, attacker_rps, 50, client_rps, seed=seed)
        first = result.first_block_seconds
        return ui.figure_with_numbers(
            figures.waf_figure(result),
            {
                "attacker requests blocked": f"{result.attacker_blocked_fraction:.1%}",
                "normal requests blocked": f"{result.others_blocked_fraction:.1%}",
                "first block after": "never" if first is None else f"{first:,.0f} s",
            },
        )

    return ui.explorer(
        "AWS WAF rate-based rule",
        [
            ui.Slider(
                "limit",
                "limit per window",
                min=10,
                max=2000,
                step=10,
                value=limit,
                unit="requests",
                integer=True,
                static_values=[10, 20, 50, 100, 200, 500, 1000, 2000],
            ),
            ui.Choice(
                "window_seconds",
                "evaluation window",
                options=list(waf.EVALUATION_WINDOWS_SECONDS),
                value=window_seconds,
                unit="s",
            ),
            ui.Number("attacker_rps", "attacker rate", value=attacker_rps, unit="requests/s"),
            ui.Number("client_rps", "normal client rate", value=client_rps, unit="requests/s"),
        ],
        view,
    )
