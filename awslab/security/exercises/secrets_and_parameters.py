"""Exercises for 08_secrets_and_parameters; answers come from :mod:`awslab.security.secrets`.

References:
    - AWS Secrets Manager pricing, https://aws.amazon.com/secrets-manager/pricing/ (read 2026-12-03)
    - Secrets Manager User Guide, "Lambda rotation functions",
      https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotate-secrets_lambda-functions.html (read 2026-12-03)
    - Systems Manager User Guide, "Managing parameter tiers",
      https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html
      (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.security import secrets

_SM = secrets.store_options(200, 1024, 3_000_000)[0]
secrets_manager_bill = exercises.number(
    "secrets-and-parameters-1",
    "A Secrets Manager bill",
    task=(
        "200 database credentials live in Secrets Manager (us-east-1) and are read 3,000,000 times a month. "
        "What is the monthly bill, in USD, at the list prices this notebook uses (ignore KMS)?"
    ),
    answer=_SM.monthly_usd,
    unit="USD",
    hint="Per secret per month, plus per 10,000 API calls.",
    solution=f"200 x ${secrets.SECRETS_MANAGER_USD_PER_SECRET_MONTH:.2f} + 300 x "
    f"${secrets.SECRETS_MANAGER_USD_PER_10K_CALLS:.2f} = ${_SM.monthly_usd:,.2f}. Caching the secret in the "
    "application (the AWS caching clients) cuts the call charge.",
)

_FAILED = secrets.rotate(secrets.new_secret("single-user"), "v1", fail_at="testSecret").state
_READS = _FAILED.labelled(secrets.CURRENT).version_id
_CHOICES = (
    "v1, and they can sign in",
    "v0, and they can sign in",
    "v0, and they cannot sign in until a retry finishes",
    "no version: the secret is unreadable",
)
failed_rotation = exercises.choice(
    "secrets-and-parameters-2",
    "A rotation that fails at testSecret",
    task=(
        "A secret rotates with the **single-user** strategy from version v0 to v1. The rotation function fails "
        "in `testSecret`. Which version do clients reading AWSCURRENT get, and can they sign in to the database?"
    ),
    choices=_CHOICES,
    answer=f"{_READS}, and they " + ("can sign in" if _FAILED.clients_ok else "cannot sign in until a retry finishes"),
    hint="Which step changed the database password, and which step moves AWSCURRENT?",
    solution="AWSCURRENT stays on v0 (only finishSecret moves it), but setSecret already changed the single user's "
    "password to v1's: clients fail until a retry completes. Alternating users avoids this.",
)

_BEST = secrets.cheapest_store(500, 6_000, 100_000)
parameter_tier = exercises.choice(
    "secrets-and-parameters-3",
    "Where do 500 large values go?",
    task=(
        "500 configuration values of about 6,000 bytes each, read 100,000 times a month at a few requests per "
        "second, no rotation needed. Which is the cheapest place that can hold them?"
    ),
    choices=("Secrets Manager", "Parameter Store standard", "Parameter Store advanced"),
    answer=_BEST.store,
    hint="Compare each tier's maximum value size first.",
    solution=f"{_BEST.store} (${_BEST.monthly_usd:,.2f}/month): standard values stop at 4 KB, and Secrets Manager "
    "charges per secret.",
)
