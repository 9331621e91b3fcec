"""The analytics exercises: each answer is what the chapter's models compute, and the classic wrong answer fails."""

import pytest

from awslab.analytics import athena, emr, glue, kinesis, lakeformation, snowball, streaming_choice
from awslab.analytics import exercises as ex

EXPECTED = [
    # (exercise, the model's answer, the mistake the hint warns about)
    (ex.stream_shards, kinesis.shards_needed(4500, 0.8, consumers=3), "5"),  # the shared read pipe forgotten
    (ex.enhanced_fan_out_shards, kinesis.shards_needed(4500, 0.8, 3, enhanced_fan_out=True), "4"),  # 4.5 rounded down
    (ex.transient_month, emr.compare_clusters(6, 40, 1.5, 200)[1].total_usd, "91.00"),  # start-up forgotten
    (ex.wire_days, snowball.network_days(60, 200), str(snowball.network_days(60, 200, utilisation=1.0))),
    (ex.hdfs_copies, str(emr.hdfs_replication_factor(8)), "3"),
    (ex.parquet_query, 0.25, "1.00"),  # compression counted, the two columns of six forgotten
    (ex.dashboard_month, athena.query_cost(300_000).usd * 60_000, "0.09"),  # the 10 MB minimum forgotten
    (ex.short_job, glue.run_cost("spark", 20, 60).usd, "0.11"),  # billed for 45 s, not the 1-minute minimum
    (ex.email_readers, "2", "3"),  # the analyst counted: the column tag overrides the table's
    (ex.landing_stream, "Amazon Data Firehose", "Kinesis Data Streams on-demand"),
]


@pytest.mark.parametrize("exercise, right, wrong", EXPECTED, ids=[e[0].id for e in EXPECTED])
def test_the_model_answer_passes_and_a_wrong_one_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert not exercise.check(wrong).right


def test_hand_worked_answers_agree_with_the_models():
    # max(3600/1024, 4500/1000, 3 x 3600/2048) -> 6; 40 x (1.5 + 8/60) x 6 x (0.192 + 0.048) + 200 x 0.023;
    # 60 x 8e12 / (200e6 x 0.8) / 86,400 days
    assert ex.stream_shards.check(6).right and ex.enhanced_fan_out_shards.check(5).right
    assert ex.transient_month.check(40 * (1.5 + 8 / 60) * 6 * 0.24 + 200 * 0.023).right
    assert ex.wire_days.check(60 * 8e12 / (200e6 * 0.8) / 86_400).right


def test_ids_are_prefixed_with_the_notebook_topic():
    ids = [e[0].id for e in EXPECTED]
    assert len(set(ids)) == len(ids) and all(
        i.startswith(("kinesis-", "emr-pipeline-snowball-", "athena-lake-", "glue-lake-streaming-")) for i in ids
    )


def test_lake_answers_by_hand():
    # 600 GB / 4 x 2/6 = 50 GB -> 0.05 TB x USD 5; 60,000 x 10 MB x USD 5/TB; 20 DPUs x 60 s x USD 0.44 / 3,600
    assert ex.parquet_query.check(0.05 * 5).right
    assert ex.dashboard_month.check(60_000 * 10e6 / 1e12 * 5).right
    assert ex.short_job.check(20 * 60 / 3600 * 0.44).right
    readers = [
        n
        for n, arn in lakeformation.PRINCIPALS.items()
        if lakeformation.evaluate(arn, "customers", ["email"], lakeformation.SAMPLE_GRANTS, lakeformation.SALES).allowed
    ]
    assert readers == ["data-engineer", "auditor"]
    assert streaming_choice.best(streaming_choice.SCENARIOS["clickstream to S3 for Athena"]) == "Amazon Data Firehose"
