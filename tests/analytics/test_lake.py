"""Glue run costs (per-second billing, minimums, AWS's examples), the Lake Formation evaluator, and the streaming
chooser."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.analytics import glue, lakeformation, streaming_choice
from awslab.analytics.lakeformation import ANALYST, AUDITOR, ENGINEER, FINANCE, SALES, SAMPLE_GRANTS, evaluate


def test_glue_pricing_examples():
    # AWS Glue pricing, examples (read 2026-12-03): a Spark job of 6 DPUs for 15 minutes costs
    # 6 x 0.25 h x USD 0.44 = USD 0.66; a 5-DPU interactive session of 24 minutes costs 5 x 0.4 h x USD 0.44 = 0.88.
    assert glue.run_cost("spark", 6, 15 * 60).usd == pytest.approx(0.66)
    assert glue.run_cost("interactive_session", 5, 24 * 60).usd == pytest.approx(0.88)


@pytest.mark.parametrize(
    "kind, seconds, billed",
    [
        ("spark", 20, 60),  # Glue 2.0+: 1-minute minimum (Developer Guide, migrating to 4.0)
        ("spark", 61.2, 62),  # then per second, rounded up
        ("spark_legacy", 300, 600),  # Glue 0.9/1.0: 10 minutes
        ("crawler", 90, 600),  # "a 10-minute minimum per crawler run"
        ("interactive_session", 30, 60),
    ],
)
def test_minimums(kind, seconds, billed):
    assert glue.run_cost(kind, 2, seconds).billed_seconds == billed


def test_worker_types_and_catalog():
    assert glue.dpus_for("G.025X", 4) == 1.0 and glue.dpus_for("G.8X", 2) == 16.0
    assert glue.catalog_usd_per_month(999_999, 999_999) == 0.0  # inside the free tier
    assert glue.catalog_usd_per_month(1_100_000, 2_000_000) == pytest.approx(2.0)
    with pytest.raises(ValueError, match="worker_type='G.3X' is not one of"):
        glue.dpus_for("G.3X", 1)


@given(
    dpus=st.floats(0.25, 1000),
    a=st.floats(0, 86_400),
    b=st.floats(0, 86_400),
    kind=st.sampled_from(sorted(glue.MINIMUM_SECONDS)),
)
def test_glue_cost_is_monotone_and_never_below_the_minimum(dpus, a, b, kind):
    low, high = sorted((a, b))
    assert glue.run_cost(kind, dpus, low).usd <= glue.run_cost(kind, dpus, high).usd
    floor = dpus * glue.MINIMUM_SECONDS[kind] / 3600 * glue.USD_PER_DPU_HOUR
    assert glue.run_cost(kind, dpus, low).usd >= floor - 1e-9


# --- Lake Formation -------------------------------------------------------------------------------------------------
def test_tag_inheritance_and_override():
    # "If a table inherits a LF-Tag from a database or a column inherits a LF-Tag from a table, you can override the
    # inherited value" (Lake Formation Developer Guide, Assigning LF-Tags, read 2026-12-03)
    assert SALES.effective_tags("returns", "refund") == {"domain": "sales", "classification": "general"}
    assert SALES.effective_tags("customers", "email")["classification"] == "pii"


def test_tag_expression_and_or():
    # module=sales AND division=(consumer OR commercial): keys ANDed, values ORed (LF-Tag considerations page)
    expr = [
        {"TagKey": "module", "TagValues": ["sales"]},
        {"TagKey": "division", "TagValues": ["consumer", "commercial"]},
    ]
    assert lakeformation._tag_match(expr, {"module": "sales", "division": "commercial"})
    assert not lakeformation._tag_match(expr, {"module": "sales", "division": "retail"})
    assert not lakeformation._tag_match(expr, {"division": "consumer"})


def test_sample_roles():
    assert evaluate(ANALYST, "orders", ["order_id", "amount"], SAMPLE_GRANTS, SALES).allowed
    assert not evaluate(ANALYST, "customers", ["email"], SAMPLE_GRANTS, SALES).allowed
    assert evaluate(FINANCE, "orders", ["amount"], SAMPLE_GRANTS, SALES).allowed
    assert not evaluate(FINANCE, "orders", ["card_number"], SAMPLE_GRANTS, SALES).allowed  # excluded column
    assert evaluate(FINANCE, "returns", ["refund"], SAMPLE_GRANTS, SALES).allowed
    assert not evaluate(FINANCE, "returns", ["reason"], SAMPLE_GRANTS, SALES).allowed  # not in the column list
    assert not evaluate(FINANCE, "customers", ["country"], SAMPLE_GRANTS, SALES).allowed
    assert evaluate(ENGINEER, "customers", ["*"], SAMPLE_GRANTS, SALES).allowed  # table wildcard
    assert evaluate(AUDITOR, "customers", ["*"], SAMPLE_GRANTS, SALES).allowed  # general OR pii
    verdict = evaluate(ANALYST, "orders", ["*"], SAMPLE_GRANTS, SALES)
    assert verdict.refused == ("card_number",) and "classification=pii" in verdict.reasons[-1]


def test_database_grant_gives_no_data_and_iam_gate_denies():
    only_describe = [g for g in SAMPLE_GRANTS if "Database" in g["Resource"]]
    assert not evaluate(AUDITOR, "orders", ["order_id"], only_describe, SALES).allowed
    denied = evaluate(ENGINEER, "orders", ["order_id"], SAMPLE_GRANTS, SALES, iam_allows=False)
    assert not denied.allowed and denied.reasons[0].startswith("IAM:")


def test_iam_allowed_principals_hands_the_decision_to_iam():
    compat = [
        {
            "Principal": {"DataLakePrincipalIdentifier": lakeformation.IAM_ALLOWED_PRINCIPALS},
            "Resource": {"Table": {"DatabaseName": "sales", "Name": "customers"}},
            "Permissions": ["ALL"],
        }
    ]
    nobody = "arn:aws:iam::111122223333:role/anyone"
    verdict = evaluate(nobody, "customers", ["email"], compat, SALES)
    assert verdict.allowed and "IAM alone decides" in verdict.reasons[0]


@pytest.mark.parametrize(
    "grants, message",
    [
        ([{"Resource": {"Database": {"Name": "sales"}}, "Permissions": ["SELECT"]}], "grants[0] needs Principal"),
        (
            [
                {
                    "Principal": {"DataLakePrincipalIdentifier": ANALYST},
                    "Resource": {"Bucket": {}},
                    "Permissions": ["SELECT"],
                }
            ],
            "grants[0].Resource must hold exactly one of",
        ),
        (
            [
                {
                    "Principal": {"DataLakePrincipalIdentifier": ANALYST},
                    "Resource": {"Database": {"Name": "s"}},
                    "Permissions": [],
                }
            ],
            "grants[0].Permissions must be a non-empty list",
        ),
    ],
)
def test_bad_grants_are_named(grants, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        evaluate(ANALYST, "orders", ["order_id"], grants, SALES)


def test_bad_request_is_named():
    with pytest.raises(ValueError, match="table='invoices' is not in sales"):
        evaluate(ANALYST, "invoices", ["x"], SAMPLE_GRANTS, SALES)
    with pytest.raises(ValueError, match=r"columns=\['price'\]: orders has order_id"):
        evaluate(ANALYST, "orders", ["price"], SAMPLE_GRANTS, SALES)


ALL_COLUMNS = [(t, c) for t, cols in SALES.tables.items() for c in cols]


@given(
    principal=st.sampled_from(sorted(lakeformation.PRINCIPALS.values())),
    picked=st.lists(st.sampled_from(range(len(SAMPLE_GRANTS))), unique=True),
    extra=st.sampled_from(range(len(SAMPLE_GRANTS))),
    target=st.sampled_from(ALL_COLUMNS),
)
def test_adding_a_grant_never_takes_access_away(principal, picked, extra, target):
    # Lake Formation has no deny: more grants can only allow more.
    table, column = target
    before = evaluate(principal, table, [column], [SAMPLE_GRANTS[i] for i in picked], SALES).allowed
    after = evaluate(principal, table, [column], [SAMPLE_GRANTS[i] for i in {*picked, extra}], SALES).allowed
    assert after or not before


@given(target=st.sampled_from(ALL_COLUMNS), principal=st.sampled_from(sorted(lakeformation.PRINCIPALS.values())))
def test_a_query_is_allowed_only_if_every_column_is(target, principal):
    table, _ = target
    cols = list(SALES.tables[table])
    whole = evaluate(principal, table, cols, SAMPLE_GRANTS, SALES).allowed
    assert whole == all(evaluate(principal, table, [c], SAMPLE_GRANTS, SALES).allowed for c in cols)


def test_evaluator_does_not_change_its_inputs():
    grants = copy.deepcopy(SAMPLE_GRANTS)
    evaluate(ANALYST, "orders", ["*"], grants, SALES)
    assert grants == SAMPLE_GRANTS


# --- Streaming chooser ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "scenario, pick",
    [
        ("clickstream to S3 for Athena", "Amazon Data Firehose"),
        ("orders to three microservices, replay a week", "Kinesis Data Streams on-demand"),
        ("moving an on-premises Kafka estate", "Amazon MSK Serverless"),
    ],
)
def test_scenarios(scenario, pick):
    assert streaming_choice.best(streaming_choice.SCENARIOS[scenario]) == pick


def test_hard_rules_and_reasons():
    long = {o.service: o for o in streaming_choice.assess(streaming_choice.Requirements(retention_days=400))}
    # Kinesis Data Streams keeps records at most 365 days (Developer Guide, read 2026-12-03)
    assert not long["Kinesis Data Streams on-demand"].meets
    assert "365-day maximum" in long["Kinesis Data Streams provisioned"].reasons[0]
    replay = {o.service: o for o in streaming_choice.assess(streaming_choice.Requirements(replay=True))}
    assert not replay["Amazon Data Firehose"].meets
    kafka = streaming_choice.assess(streaming_choice.Requirements(kafka_api=True))
    assert all(o.service.startswith("Amazon MSK") for o in kafka if o.meets)
    with pytest.raises(ValueError, match="retention_days=-1 is outside the allowed range"):
        streaming_choice.assess(streaming_choice.Requirements(retention_days=-1))


@given(
    kafka=st.booleans(),
    replay=st.booleans(),
    consumers=st.integers(0, 50),
    days=st.floats(0, 1000),
    only=st.booleans(),
    mib=st.floats(0.01, 500),
)
def test_the_pick_always_meets_every_rule(kafka, replay, consumers, days, only, mib):
    needs = streaming_choice.Requirements(kafka, replay, consumers, days, only, mib)
    options = streaming_choice.assess(needs)
    assert sorted(o.service for o in options) == sorted(streaming_choice.OPTIONS)
    top = options[0]
    assert top.meets  # MSK always meets these rules, so there is always a pick
    if kafka:
        assert top.service.startswith("Amazon MSK")
    if replay or consumers:
        assert top.service != "Amazon Data Firehose"
