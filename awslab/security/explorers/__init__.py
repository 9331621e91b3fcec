"""Explorers for the security notebooks, one module per notebook: controls -> model -> figure, built through
awslab.ui."""

from awslab.security.explorers.governance import explore_layers
from awslab.security.explorers.iam_policies import (
    explore_credential_lifetime,
    explore_decision_grid,
    explore_key_rotation,
    explore_policy,
)
from awslab.security.explorers.kms_cloudhsm import explore_envelope_calls, explore_kms_rotation
from awslab.security.explorers.mfa_cloudtrail import explore_cloudtrail, explore_mfa_drift
from awslab.security.explorers.more_security_services import explore_waf_rate_rule
from awslab.security.explorers.shared_responsibility import explore_responsibility

__all__ = [
    "explore_responsibility",
    "explore_policy",
    "explore_decision_grid",
    "explore_credential_lifetime",
    "explore_key_rotation",
    "explore_kms_rotation",
    "explore_envelope_calls",
    "explore_mfa_drift",
    "explore_cloudtrail",
    "explore_waf_rate_rule",
    "explore_layers",
]

from awslab.security.explorers.identity_for_apps import explore_session_duration, explore_sign_in  # noqa: E402
from awslab.security.explorers.secrets_and_parameters import explore_rotation, explore_store_cost  # noqa: E402
from awslab.security.explorers.threat_detection import explore_data_source, explore_which_service  # noqa: E402

__all__ += [
    "explore_sign_in",
    "explore_session_duration",
    "explore_rotation",
    "explore_store_cost",
    "explore_which_service",
    "explore_data_source",
]
