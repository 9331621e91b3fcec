"""Explorers of 07-09: the contract (fast updates, the expected static steps, the model's message on bad input)."""

import pytest

from awslab.security import app_identity, secrets, threat_detection
from awslab.security import explorers as ex
from tests.support import check_explorer

CASES = [
    (ex.explore_sign_in, "flow", list(app_identity.FLOWS), {"duration_seconds": 100}, "duration_seconds=100"),
    (
        ex.explore_session_duration,
        "role_max_hours",
        ["1 h", "2 h", "4 h", "6 h", "8 h", "12 h"],
        {"role_max_hours": 13},
        "role_max_session_seconds=46800 is outside the allowed range",
    ),
    (
        ex.explore_rotation,
        "failure_probability",
        ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6"],
        {"failure_probability": 1.5},
        "failure_probability=1.5 is outside the allowed range",
    ),
    (
        ex.explore_store_cost,
        "secret_count",
        ["1", "10", "100", "1,000", "10,000", "20,000"],
        {"value_bytes": -5},
        "value_bytes=-5 is outside the allowed range",
    ),
    (
        ex.explore_which_service,
        "question",
        [q.label for q in threat_detection.QUESTIONS.values()],
        {"question": "nope"},
        "question_id='nope' is not one of",
    ),
    (
        ex.explore_data_source,
        "source",
        list(threat_detection.DATA_SOURCES),
        {"source": "syslog"},
        "data_source='syslog' is not one of",
    ),
]


@pytest.mark.parametrize(("factory", "main", "labels", "bad", "message"), CASES, ids=[c[0].__name__ for c in CASES])
def test_explorer_contract(factory, main, labels, bad, message):
    check_explorer(factory, main, labels, bad, message)


def test_explorers_show_the_models_numbers():
    sign_in = ex.explore_sign_in("saml", 12, duration_seconds=28_800).last_view.numbers
    assert sign_in["usable for"] == "8 h" and sign_in["ends with"] == "AWS credentials"
    assert ex.explore_sign_in("user-pool").last_view.numbers["signs AWS API requests"] == "no"
    run = secrets.simulate_rotations(24, 0.3, "single-user", seed=0)
    numbers = ex.explore_rotation(0.3).last_view.numbers
    assert numbers["attempts after which clients failed"] == str(run.broken_attempts)
    best = secrets.cheapest_store(100, 1024, 1_000_000, peak_tps=10.0)
    assert ex.explore_store_cost().last_view.numbers["cheapest that fits"] == best.store
    assert ex.explore_which_service("eks-miner").last_view.numbers["ask"] == "Amazon GuardDuty"
