"""EKS control-plane prices and the ECS / EKS / App Runner / Lambda chooser."""

import pytest

from awslab.containers import eks


def test_control_plane_prices():
    # Amazon EKS pricing: USD 0.10 per cluster-hour (standard), 0.60 (extended support)
    assert eks.control_plane_usd(1, months=1) == pytest.approx(73.0)
    assert eks.control_plane_usd(2, months=12, support="extended") == pytest.approx(2 * 12 * 730 * 0.60)


def test_app_runner_is_not_ranked_for_new_customers_but_is_for_existing_ones():
    assert "App Runner" not in eks.choose().ranking and eks.choose().scores["App Runner"] is None
    assert "App Runner" in eks.choose(new_customer=False).ranking


def test_weights_change_the_answer():
    assert eks.choose().best == "ECS on Fargate"
    assert eks.choose({"Kubernetes API and portability": 3}).best == "EKS"
    assert eks.choose({"no fixed cost when idle": 3, "long-running or always-on work": 0}).best == "Lambda"
    with pytest.raises(ValueError, match="unknown criteria"):
        eks.choose({"speed": 1})


def test_every_score_has_a_reason_and_an_aws_source():
    rows = eks.score_table()
    assert len(rows) == len(eks.CRITERIA) * len(eks.OPTIONS)
    assert all(0 <= r["score"] <= 3 and r["why"] and r["source"].startswith("https://") for r in rows)
