"""Secrets Manager rotation as a state machine over versions and staging labels, and a cost chooser between Secrets
Manager and Systems Manager Parameter Store.

**Rotation.** A secret holds versions; staging labels point at them. ``AWSCURRENT`` is what clients read,
``AWSPENDING`` the version a rotation is preparing, ``AWSPREVIOUS`` the last current one. A rotation Lambda is invoked
four times, once per step: ``createSecret`` (a new version labelled AWSPENDING, reused if one is already pending),
``setSecret`` (change the credential in the database or service), ``testSecret`` (sign in with the pending version) and
``finishSecret`` (move AWSCURRENT to the pending version; Secrets Manager moves AWSPREVIOUS to the version it left).
A rotation that fails at any step leaves AWSCURRENT where it was. With the *single-user* strategy the database password
changes in setSecret, so a failure after setSecret leaves clients reading a password the database no longer accepts
until a retry finishes; with *alternating users* setSecret changes the other user's password, so the current one keeps
working.

**Cost and limits** (us-east-1 list prices, read 2026-12-03; override by parameter):

- Secrets Manager: $0.40 per secret per month (a replica counts as a secret) and $0.05 per 10,000 API calls;
  a secret value up to 65,536 bytes; unlabelled versions are removed once a secret has more than 100 (none younger
  than 24 hours).
- Parameter Store: standard tier, up to 10,000 parameters per account and Region, values up to 4 KB, no parameter
  policies, no charge; advanced tier, up to 100,000 parameters, values up to 8 KB, parameter policies, charged.
  The advanced-parameter price ($0.05 per parameter per month) and the higher-throughput API price ($0.05 per
  10,000 API interactions) are the Systems Manager pricing page's figures as quoted by secondary sources; the AWS
  pages we read say only "charges apply". Default throughput is shared by GetParameter, GetParameters and
  GetParametersByPath (40 transactions per second in the quotas table as last quoted); above it, higher throughput
  must be switched on (charged per API interaction). Parameter Store has no built-in rotation.

References:
    - Secrets Manager User Guide, "Lambda rotation functions" and "How rotation works",
      https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda-functions.html
      (read 2026-12-03)
    - Secrets Manager API Reference, "RotateSecret", "PutSecretValue", "UpdateSecretVersionStage",
      https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_RotateSecret.html (read 2026-12-03)
    - Secrets Manager User Guide, "AWS Secrets Manager quotas",
      https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html (read 2026-12-03)
    - AWS Secrets Manager pricing, https://aws.amazon.com/secrets-manager/pricing/ (figures as transcribed
      2026-09-20; read 2026-12-03)
    - Systems Manager User Guide, "Managing parameter tiers",
      https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html
      (read 2026-12-03)
    - Systems Manager User Guide, "Changing Parameter Store throughput",
      https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-throughput.html (read 2026-12-03)
    - AWS Systems Manager pricing, https://aws.amazon.com/systems-manager/pricing/ (not confirmed on the page;
      read 2026-12-03)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

CURRENT, PENDING, PREVIOUS = "AWSCURRENT", "AWSPENDING", "AWSPREVIOUS"
STEPS = ("createSecret", "setSecret", "testSecret", "finishSecret")
STRATEGIES = ("single-user", "alternating-users")
MAX_UNLABELLED_VERSIONS = 100

SECRETS_MANAGER_USD_PER_SECRET_MONTH = 0.40
SECRETS_MANAGER_USD_PER_10K_CALLS = 0.05
SECRETS_MANAGER_MAX_VALUE_BYTES = 65_536
ADVANCED_PARAMETER_USD_PER_MONTH = 0.05  # secondary quote of the Systems Manager pricing page
HIGHER_THROUGHPUT_USD_PER_10K_CALLS = 0.05  # secondary quote; applies once higher throughput is on
STANDARD_MAX_PARAMETERS, ADVANCED_MAX_PARAMETERS = 10_000, 100_000
STANDARD_MAX_VALUE_BYTES, ADVANCED_MAX_VALUE_BYTES = 4_096, 8_192
DEFAULT_THROUGHPUT_TPS = 40


@dataclass(frozen=True)
class Version:
    """One secret version: its id, the database user it names, its password and its staging labels.

    >>> Version("v1", "app", "pw-1", frozenset({"AWSCURRENT"})).labels
    frozenset({'AWSCURRENT'})
    """

    version_id: str
    user: str
    password: str
    labels: frozenset[str]


@dataclass(frozen=True)
class SecretState:
    """A secret's versions (oldest first) and the (user, password) pairs the database accepts.

    >>> new_secret().labelled(CURRENT).version_id
    'v0'
    """

    versions: tuple[Version, ...]
    database: frozenset[tuple[str, str]]
    strategy: str

    def labelled(self, label: str) -> Version | None:
        """The version carrying ``label``, or None.

        >>> new_secret().labelled(PENDING) is None
        True
        """
        found = [v for v in self.versions if label in v.labels]
        return found[0] if found else None

    @property
    def clients_ok(self) -> bool:
        """Can a client that reads AWSCURRENT sign in to the database?

        >>> new_secret().clients_ok
        True
        """
        current = self.labelled(CURRENT)
        return current is not None and (current.user, current.password) in self.database


@checked
def new_secret(strategy: str = "single-user") -> SecretState:
    """A secret with one version ``v0`` (AWSCURRENT) whose credential the database accepts.

    >>> new_secret("alternating-users").labelled(CURRENT).user
    'app_a'
    """
    strategy = validate.choice("strategy", strategy, STRATEGIES)
    user = "app" if strategy == "single-user" else "app_a"
    first = Version("v0", user, "pw-0", frozenset({CURRENT}))
    database = {(user, "pw-0")}
    if strategy == "alternating-users":
        database.add(("app_b", "pw-init"))
    return SecretState((first,), frozenset(database), strategy)


def _relabel(versions: tuple[Version, ...], version_id: str, add=(), remove=()) -> tuple[Version, ...]:
    out = []
    for v in versions:
        labels = set(v.labels) - set(remove)
        if v.version_id == version_id:
            labels |= set(add)
        out.append(Version(v.version_id, v.user, v.password, frozenset(labels)))
    return tuple(out)


def _prune(versions: tuple[Version, ...]) -> tuple[Version, ...]:
    unlabelled = [v for v in versions if not v.labels]
    extra = len(unlabelled) - MAX_UNLABELLED_VERSIONS
    if extra <= 0:
        return versions
    drop = {v.version_id for v in unlabelled[:extra]}
    return tuple(v for v in versions if v.version_id not in drop)


@dataclass(frozen=True)
class RotationResult:
    """One rotation attempt: the state after it, the steps that completed, and where it failed (None: success).

    >>> rotate(new_secret(), "v1").completed_steps
    ('createSecret', 'setSecret', 'testSecret', 'finishSecret')
    """

    state: SecretState
    completed_steps: tuple[str, ...]
    failed_step: str | None


@checked
def rotate(state: SecretState, token: str, *, fail_at: str | None = None) -> RotationResult:
    """Run the four rotation steps on ``state`` with ClientRequestToken ``token`` (the new version's id).

    ``fail_at`` names the step that fails (None: all succeed). A version already labelled AWSPENDING is reused
    by createSecret, as AWS's rotation templates do, so a retry finishes what a failed attempt started.

    >>> after = rotate(new_secret(), "v1").state
    >>> after.labelled(CURRENT).version_id, after.labelled(PREVIOUS).version_id
    ('v1', 'v0')
    >>> failed = rotate(new_secret(), "v1", fail_at="testSecret")
    >>> failed.state.labelled(CURRENT).version_id, failed.state.clients_ok
    ('v0', False)
    """
    if not isinstance(state, SecretState):
        raise TypeError(f"state={state!r} must be a SecretState (from new_secret or a previous rotate)")
    if not isinstance(token, str) or not token or len(token) > 64:
        raise ValueError(f"token={token!r} must be a version id of 1 to 64 characters")
    if fail_at is not None:
        fail_at = validate.choice("fail_at", fail_at, STEPS)
    current = state.labelled(CURRENT)
    versions, database, done = state.versions, set(state.database), []

    def result(failed: str | None) -> RotationResult:
        return RotationResult(SecretState(_prune(versions), frozenset(database), state.strategy), tuple(done), failed)

    # createSecret
    if fail_at == "createSecret":
        return result("createSecret")
    pending = state.labelled(PENDING)
    if pending is None or pending.version_id == current.version_id:
        if any(v.version_id == token for v in versions):
            raise ValueError(f"token={token!r} is already a version of this secret; use a new ClientRequestToken")
        if state.strategy == "single-user":
            user = current.user
        else:
            user = "app_b" if current.user == "app_a" else "app_a"
        pending = Version(token, user, f"pw-{token}", frozenset({PENDING}))
        versions = _relabel(versions, "", remove=(PENDING,)) + (pending,)
    done.append("createSecret")
    # setSecret: the database now accepts the pending credential; the single user's old password stops working
    if fail_at == "setSecret":
        return result("setSecret")
    database = {(u, p) for (u, p) in database if u != pending.user} | {(pending.user, pending.password)}
    done.append("setSecret")
    # testSecret
    if fail_at == "testSecret":
        return result("testSecret")
    done.append("testSecret")
    # finishSecret: UpdateSecretVersionStage moves AWSCURRENT; AWSPREVIOUS follows the version it left
    if fail_at == "finishSecret":
        return result("finishSecret")
    versions = _relabel(versions, current.version_id, add=(PREVIOUS,), remove=(PREVIOUS,))
    versions = _relabel(versions, pending.version_id, add=(CURRENT,), remove=(PENDING,))
    versions = tuple(
        Version(v.version_id, v.user, v.password, v.labels - {CURRENT}) if v.version_id != pending.version_id else v
        for v in versions
    )
    done.append("finishSecret")
    return result(None)


@dataclass(frozen=True)
class RotationRun:
    """A sequence of rotation attempts: one row per attempt, and the final state.

    >>> run = simulate_rotations(4, 0.0, seed=1)
    >>> run.timeline["AWSCURRENT"].tolist()
    ['v1', 'v2', 'v3', 'v4']
    """

    timeline: pd.DataFrame
    final: SecretState

    @property
    def broken_attempts(self) -> int:
        """Attempts after which clients reading AWSCURRENT could not sign in.

        >>> simulate_rotations(20, 0.3, "alternating-users", seed=0).broken_attempts
        0
        """
        return int((~self.timeline["clients ok"]).sum())


@checked
def simulate_rotations(
    attempts: int, failure_probability: float, strategy: str = "single-user", *, seed: int = 0
) -> RotationRun:
    """``attempts`` scheduled rotations; each fails with ``failure_probability`` at a step drawn uniformly from the
    four. Each new attempt uses the next token; a pending version left by a failure is reused.

    >>> simulate_rotations(10, 0.5, seed=3).timeline["outcome"].iloc[0]
    'failed at setSecret'
    """
    import pandas as pd

    attempts = validate.integer("attempts", attempts, minimum=1, maximum=500)
    failure_probability = validate.number("failure_probability", failure_probability, minimum=0, maximum=1)
    strategy = validate.choice("strategy", strategy, STRATEGIES)
    seed = validate.integer("seed", seed, minimum=0)
    rng = np.random.default_rng(seed)
    fails = rng.random(attempts) < failure_probability
    where = rng.integers(0, len(STEPS), attempts)
    state, rows, serial = new_secret(strategy), [], 0
    for i in range(attempts):
        pending = state.labelled(PENDING)
        if pending is None:
            serial += 1
            token = f"v{serial}"
        else:
            token = pending.version_id
        outcome = rotate(state, token, fail_at=STEPS[where[i]] if fails[i] else None)
        state = outcome.state
        previous = state.labelled(PREVIOUS)
        pend = state.labelled(PENDING)
        rows.append(
            {
                "attempt": i + 1,
                "outcome": "rotated" if outcome.failed_step is None else f"failed at {outcome.failed_step}",
                CURRENT: state.labelled(CURRENT).version_id,
                PENDING: pend.version_id if pend else "-",
                PREVIOUS: previous.version_id if previous else "-",
                "versions kept": len(state.versions),
                "clients ok": state.clients_ok,
            }
        )
    return RotationRun(pd.DataFrame(rows), state)


# --- Where to keep a secret: cost and limits ----------------------------------------------------------------
@dataclass(frozen=True)
class StoreOption:
    """One place to keep the secrets: can it hold them (and why not), and its monthly cost in USD.

    >>> store_options(10, 1024, 100_000)[0].monthly_usd
    4.5
    """

    store: str
    feasible: bool
    why_not: str
    monthly_usd: float


@checked
def store_options(
    secret_count: int,
    value_bytes: int,
    api_calls_per_month: float,
    *,
    needs_rotation: bool = False,
    peak_tps: float = 1.0,
    usd_per_secret_month: float = SECRETS_MANAGER_USD_PER_SECRET_MONTH,
    usd_per_10k_calls: float = SECRETS_MANAGER_USD_PER_10K_CALLS,
    usd_per_advanced_parameter_month: float = ADVANCED_PARAMETER_USD_PER_MONTH,
    usd_per_10k_higher_throughput_calls: float = HIGHER_THROUGHPUT_USD_PER_10K_CALLS,
) -> tuple[StoreOption, ...]:
    """Secrets Manager, Parameter Store standard and advanced for ``secret_count`` values of ``value_bytes`` read
    ``api_calls_per_month`` times, with ``peak_tps`` at peak; ``needs_rotation`` asks for built-in rotation.

    Above the default Parameter Store throughput the model switches higher throughput on, which charges every API
    interaction. KMS charges (SecureString with a customer managed key, or a Secrets Manager secret under one) are
    left out.

    >>> [o.store for o in store_options(5, 6000, 1000) if o.feasible]
    ['Secrets Manager', 'Parameter Store advanced']
    """
    count = validate.integer("secret_count", secret_count, minimum=1, maximum=500_000)
    size = validate.integer("value_bytes", value_bytes, minimum=1, maximum=10**6, unit="bytes")
    calls = validate.number("api_calls_per_month", api_calls_per_month, minimum=0, maximum=1e12)
    tps = validate.number("peak_tps", peak_tps, minimum=0, maximum=1e6, unit="requests/s")
    if not isinstance(needs_rotation, bool):
        raise TypeError(f"needs_rotation={needs_rotation!r} must be True or False")
    prices = {}
    for name, value in (
        ("usd_per_secret_month", usd_per_secret_month),
        ("usd_per_10k_calls", usd_per_10k_calls),
        ("usd_per_advanced_parameter_month", usd_per_advanced_parameter_month),
        ("usd_per_10k_higher_throughput_calls", usd_per_10k_higher_throughput_calls),
    ):
        prices[name] = validate.number(name, value, minimum=0, maximum=1000, unit="USD")
    higher = tps > DEFAULT_THROUGHPUT_TPS
    ps_calls_usd = calls / 10_000 * prices["usd_per_10k_higher_throughput_calls"] if higher else 0.0
    options = []
    reasons = []
    if size > SECRETS_MANAGER_MAX_VALUE_BYTES:
        reasons.append(f"a secret holds at most {SECRETS_MANAGER_MAX_VALUE_BYTES:,} bytes")
    sm_usd = count * prices["usd_per_secret_month"] + calls / 10_000 * prices["usd_per_10k_calls"]
    options.append(StoreOption("Secrets Manager", not reasons, "; ".join(reasons), round(sm_usd, 4)))
    for tier, max_count, max_size, per_param in (
        ("standard", STANDARD_MAX_PARAMETERS, STANDARD_MAX_VALUE_BYTES, 0.0),
        ("advanced", ADVANCED_MAX_PARAMETERS, ADVANCED_MAX_VALUE_BYTES, prices["usd_per_advanced_parameter_month"]),
    ):
        reasons = []
        if size > max_size:
            reasons.append(f"{tier} values hold at most {max_size:,} bytes")
        if count > max_count:
            reasons.append(f"at most {max_count:,} {tier} parameters per account and Region")
        if needs_rotation:
            reasons.append("no built-in rotation (you would build it with EventBridge and Lambda)")
        usd = count * per_param + ps_calls_usd
        options.append(StoreOption(f"Parameter Store {tier}", not reasons, "; ".join(reasons), round(usd, 4)))
    return tuple(options)


@checked
def cheapest_store(secret_count: int, value_bytes: int, api_calls_per_month: float, **options) -> StoreOption:
    """The cheapest feasible option of :func:`store_options` (ties go to the earlier listed; Secrets Manager first).

    >>> cheapest_store(50, 512, 10_000).store
    'Parameter Store standard'
    >>> cheapest_store(50, 512, 10_000, needs_rotation=True).store
    'Secrets Manager'
    """
    feasible = [o for o in store_options(secret_count, value_bytes, api_calls_per_month, **options) if o.feasible]
    if not feasible:
        raise ValueError(
            f"value_bytes={value_bytes!r} fits no store: split the value or keep it in S3 and store a pointer"
        )
    best = min(o.monthly_usd for o in feasible)
    return next(o for o in feasible if math.isclose(o.monthly_usd, best, abs_tol=1e-9))


@checked
def required_tier(value_bytes: int, *, policies: bool = False) -> str:
    """The cheapest Parameter Store tier that accepts a value of ``value_bytes`` ("Standard" or "Advanced");
    ``policies`` asks for parameter policies (expiration, notifications), which only Advanced has.

    >>> required_tier(4096), required_tier(4097), required_tier(10, policies=True)
    ('Standard', 'Advanced', 'Advanced')
    """
    size = validate.integer("value_bytes", value_bytes, minimum=1, maximum=10**6, unit="bytes")
    if not isinstance(policies, bool):
        raise TypeError(f"policies={policies!r} must be True or False")
    if size > ADVANCED_MAX_VALUE_BYTES:
        raise ValueError(
            f"value_bytes={size:,} is above the advanced tier's {ADVANCED_MAX_VALUE_BYTES:,} bytes: "
            f"use Secrets Manager (up to {SECRETS_MANAGER_MAX_VALUE_BYTES:,} bytes) or S3"
        )
    return "Advanced" if policies or size > STANDARD_MAX_VALUE_BYTES else "Standard"


@checked
def label_problems(versions: dict[str, list[str]]) -> tuple[str, ...]:
    """What is wrong with a secret's staging labels, given ``{version_id: [labels]}`` as ListSecretVersionIds
    reports them: every label on at most one version, and exactly one AWSCURRENT. Empty when all is well.

    >>> label_problems({"v0": ["AWSPREVIOUS"], "v1": ["AWSCURRENT"], "v2": ["AWSCURRENT"]})
    ('AWSCURRENT is on 2 versions (v1, v2)',)
    """
    if not isinstance(versions, dict) or len(versions) > 10_000:
        raise TypeError("versions must be a dict of version id -> list of staging labels (at most 10,000)")
    holders: dict[str, list[str]] = {}
    for version_id, labels in versions.items():
        if not isinstance(version_id, str) or not isinstance(labels, (list, tuple)):
            raise TypeError(f"versions[{version_id!r}] must map a version id to a list of labels, got {labels!r}")
        for label in labels:
            if not isinstance(label, str):
                raise TypeError(f"versions[{version_id!r}] holds a label that is not text: {label!r}")
            holders.setdefault(label, []).append(version_id)
    problems = [
        f"{label} is on {len(ids)} versions ({', '.join(ids)})" for label, ids in holders.items() if len(ids) > 1
    ]
    if CURRENT not in holders:
        problems.append("no version carries AWSCURRENT")
    return tuple(problems)
