"""The databases exercises: the answer the chapter's models give passes, the classic wrong answer fails.

Hand-worked values follow the AWS pages the exercises module cites (Aurora's 4-of-6 write and 3-of-6 read quorums,
4 KB read units halved for eventual consistency, one COPY file per slice at a time).
"""

import pytest

from awslab import exercises as base
from awslab.databases import dynamodb, elasticache, rds, redshift
from awslab.databases import exercises as ex

CASES = [
    (ex.aurora_scattered_failures, "reads only", "reads and writes"),
    (ex.corruption_rpo, 2.0, "0"),  # Multi-AZ and replicas copy the bad write: not 0
    (ex.eventual_read_units, 1.5, "1.25"),  # 1.25 forgets to round 10 KB up to 12 KB
    (ex.initial_partitions, 3, "2"),
    (ex.modulo_remap, 80, "20"),  # mod 5 -> mod 4 keeps 4 of every 20 hash values
    (ex.leaderboard_engine, "Valkey / Redis OSS", "Memcached"),
    (ex.key_even_join, "DS_DIST_INNER", "DS_DIST_OUTER"),
    (ex.copy_nine_files, redshift.copy_load(10, 9, nodes=2, slices_per_node=4)["seconds"], "64.5"),
    (ex.serverless_break_even, 0.52 / 0.12, "16"),  # 16 ACU matches the memory, not the bill
    (ex.proxy_multiplexing, 20, "150"),  # 150 is one connection per warm environment: no proxy
    (ex.global_counter, 1, "2"),  # 2 forgets that last writer wins drops the stale increment
    (ex.pitr_young_table, 3, "7"),  # 7 is the period, but backups only exist for 3 days
    (ex.chooser_mongodb, "DocumentDB", "DynamoDB"),
]


@pytest.mark.parametrize("exercise, right, wrong", CASES, ids=[c[0].id for c in CASES])
def test_the_right_answer_passes_and_the_classic_mistake_fails(exercise, right, wrong):
    assert exercise.check(right).right, exercise.check(right)
    assert not exercise.check(wrong).right, exercise.check(wrong)


def test_answers_are_what_the_models_compute():
    assert rds.aurora_quorum(failed_copies=3) == {"copies_alive": 3, "can_write": False, "can_read": True}
    assert ex.eventual_read_units.answer == dynamodb.read_capacity_units(10 * 1024, "eventual")
    assert ex.modulo_remap.answer == 100 * elasticache.remapped_key_fraction(5, "modulo")
    # nine files on eight slices: two waves, so slower than the eight-file load
    assert ex.copy_nine_files.answer > redshift.copy_load(10, 8, nodes=2, slices_per_node=4)["seconds"]


def test_every_exercise_is_listed_and_ids_follow_the_notebook_topics():
    found = [v for v in vars(ex).values() if isinstance(v, base.Exercise)]
    assert sorted(e.id for e in found) == sorted(c[0].id for c in CASES)
    topics = ("rds-aurora-", "dynamodb-", "elasticache-", "redshift-", "serverless-proxy-", "global-tables-")
    for topic in topics:
        assert sum(e.id.startswith(topic) for e in found) >= 2, topic


def test_choice_answers_are_among_the_choices_and_html_renders():
    for exercise, *_ in CASES:
        if exercise.kind == "choice":
            assert exercise.answer in exercise.choices
        assert exercise.id in exercise.to_html()
