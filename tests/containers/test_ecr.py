"""ECR lifecycle policies: every worked example on AWS's "Examples of lifecycle policies in Amazon ECR" page
(https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html, read 2026-12-03; the same
examples with their repositories are in awsdocs/amazon-ecr-user-guide, doc_source/lifecycle_policy_examples.md),
the evaluation rules of "Lifecycle policy properties", and properties of the evaluator."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.containers import ecr

NOW = "2026-12-03T00:00:00Z"


def rule(priority, tag_status, count_type, number, *, prefixes=None, patterns=None):
    selection = {"tagStatus": tag_status, "countType": count_type, "countNumber": number}
    if count_type == "sinceImagePushed":
        selection["countUnit"] = "days"
    if prefixes:
        selection["tagPrefixList"] = prefixes
    if patterns:
        selection["tagPatternList"] = patterns
    return {
        "rulePriority": priority,
        "description": f"Rule {priority}",
        "selection": selection,
        "action": {"type": "expire"},
    }


def expired(rules, repo):
    return set(ecr.expired_images({"rules": rules}, ecr.images_pushed_days_ago(repo, now=NOW), now=NOW))


# "Filtering on multiple rules", examples A and B share this repository.
MULTI = [("A", ["beta-1", "prod-1"], 10), ("B", ["beta-2", "prod-2"], 9), ("C", ["beta-3"], 8)]


def test_filtering_on_image_age_tag_pattern_prod_older_than_14_days():
    # the page's current first example: tagPatternList ["prod*"], sinceImagePushed 14 days
    repo = [("old", ["prod-1"], 20), ("new", ["prod-2"], 3), ("dev", ["dev-1"], 30)]
    assert expired([rule(1, "tagged", "sinceImagePushed", 14, patterns=["prod*"])], repo) == {"old"}


def test_filtering_on_image_age_untagged_older_than_14_days():
    # the same section in the page's earlier form: untagged images older than 14 days
    repo = [("u-old", [], 15), ("u-new", [], 13), ("t-old", ["v1"], 40)]
    assert expired([rule(1, "untagged", "sinceImagePushed", 14)], repo) == {"u-old"}


def test_filtering_on_image_count_keeps_one_untagged_image():
    repo = [("u1", [], 3), ("u2", [], 2), ("u3", [], 1), ("t", ["v1"], 5)]
    assert expired([rule(1, "untagged", "imageCountMoreThan", 1)], repo) == {"u1", "u2"}


def test_multiple_rules_example_a_result_image_a():
    rules = [
        rule(1, "tagged", "imageCountMoreThan", 1, prefixes=["prod"]),
        rule(2, "tagged", "imageCountMoreThan", 1, prefixes=["beta"]),
    ]
    assert expired(rules, MULTI) == {"A"}


def test_multiple_rules_example_b_result_images_a_and_b():
    rules = [
        rule(1, "tagged", "imageCountMoreThan", 1, prefixes=["beta"]),
        rule(2, "tagged", "imageCountMoreThan", 1, prefixes=["prod"]),
    ]
    result = ecr.evaluate({"rules": rules}, ecr.images_pushed_days_ago(MULTI, now=NOW), now=NOW)
    assert set(result.expired) == {"A", "B"} and result.expired_by(2) == ()


def test_multiple_tags_example_a_both_prefixes_older_than_five_days():
    repo = [
        ("A", ["alpha-1"], 12),
        ("B", ["beta-1"], 11),
        ("C", ["alpha-2", "beta-2"], 10),
        ("D", ["alpha-3"], 4),
        ("E", ["beta-3"], 3),
        ("F", ["alpha-4", "beta-4"], 2),
    ]
    rules = [rule(1, "tagged", "sinceImagePushed", 5, prefixes=["alpha", "beta"])]
    assert expired(rules, repo) == {"C"}
    result = ecr.evaluate({"rules": rules}, ecr.images_pushed_days_ago(repo, now=NOW), now=NOW)
    assert set(result.identified[1]) == {"C", "F"}  # "It sees images C and F"


def test_multiple_tags_example_b_tags_are_not_exclusive():
    repo = [
        ("A", ["alpha-1", "beta-1", "gamma-1"], 10),
        ("B", ["alpha-2", "beta-2"], 9),
        ("C", ["alpha-3", "beta-3", "gamma-2"], 8),
    ]
    assert expired([rule(1, "tagged", "imageCountMoreThan", 1, prefixes=["alpha", "beta"])], repo) == {"A", "B"}


def test_all_images_example_a_keeps_only_the_newest():
    repo = [("A", ["alpha-1"], 4), ("B", ["beta-1"], 3), ("C", [], 2), ("D", ["alpha-2"], 1)]
    assert expired([rule(1, "any", "imageCountMoreThan", 1)], repo) == {"A", "B", "C"}


def test_all_images_example_b_combines_every_rule_type():
    # D and E are both "pushed 1 day ago" on the page; its outcome (D expired, E kept) needs E the newer of the
    # two, so E is listed last (equal push times: a later entry counts as newer) and pushed a few minutes later.
    repo = [
        ("A", ["alpha-1", "beta-1"], 4),
        ("B", [], 3),
        ("C", ["alpha-2"], 2),
        ("D", ["git hash"], 1),
        ("E", [], 0.999),
    ]
    rules = [
        rule(1, "tagged", "imageCountMoreThan", 1, prefixes=["alpha"]),
        rule(2, "untagged", "sinceImagePushed", 1),
        rule(3, "any", "imageCountMoreThan", 1),
    ]
    result = ecr.evaluate({"rules": rules}, ecr.images_pushed_days_ago(repo, now=NOW), now=NOW)
    assert result.expired == {"A": 1, "B": 2, "D": 3}
    assert set(result.identified[3]) == {"A", "B", "C", "D", "E"}


def test_the_same_examples_with_tag_patterns_instead_of_prefixes():
    rules = [
        rule(1, "tagged", "imageCountMoreThan", 1, patterns=["prod*"]),
        rule(2, "tagged", "imageCountMoreThan", 1, patterns=["beta*"]),
    ]
    assert expired(rules, MULTI) == {"A"}


@pytest.mark.parametrize(
    "bad, message",
    [
        (
            [rule(1, "any", "imageCountMoreThan", 1), rule(2, "untagged", "imageCountMoreThan", 1)],
            "tagStatus 'any' must be the only one and have the highest rulePriority",
        ),
        (
            [rule(1, "untagged", "imageCountMoreThan", 1), rule(2, "untagged", "sinceImagePushed", 3)],
            "only one rule may select untagged images",
        ),
        ([rule(1, "tagged", "imageCountMoreThan", 1)], "needs exactly one of tagPrefixList or tagPatternList"),
        ([rule(1, "tagged", "imageCountMoreThan", 0, prefixes=["v"])], "countNumber=0 must be a positive"),
        ([rule(1, "tagged", "imageCountMoreThan", 1, patterns=["*a*b*c*d*e"])], "more than 4 wildcards"),
        (
            [rule(1, "untagged", "imageCountMoreThan", 1), rule(1, "any", "imageCountMoreThan", 2)],
            "every rulePriority must be unique",
        ),
        ([{**rule(1, "untagged", "imageCountMoreThan", 1), "action": {"type": "transition"}}], "'expire' action only"),
    ],
)
def test_invalid_policies_are_refused_with_the_rule_named(bad, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)").replace("*", r"\*")):
        ecr.parse_policy({"rules": bad})


def test_policy_text_and_malformed_json():
    with pytest.raises(ValueError, match="policy is not valid JSON"):
        ecr.parse_policy('{"rules": [')


repos = st.lists(
    st.tuples(st.sampled_from([[], ["prod-1"], ["beta-1"], ["prod-2", "beta-2"]]), st.floats(0, 60)),
    min_size=0,
    max_size=25,
)


@given(repos, st.integers(1, 5), st.integers(1, 30))
def test_properties_each_image_expired_at_most_once_and_counts_kept(entries, keep, days):
    repo = [(f"d{i}", tags, age) for i, (tags, age) in enumerate(entries)]
    rules = [
        rule(1, "tagged", "imageCountMoreThan", keep, prefixes=["prod"]),
        rule(2, "untagged", "sinceImagePushed", days),
        rule(3, "any", "imageCountMoreThan", keep + 1),
    ]
    result = ecr.evaluate({"rules": rules}, ecr.images_pushed_days_ago(repo, now=NOW), now=NOW)
    assert set(result.expired) | set(result.kept) == {d for d, _, _ in repo}
    assert not set(result.expired) & set(result.kept)
    prod = [d for d, tags, _ in repo if any(t.startswith("prod") for t in tags)]
    assert len([d for d in prod if d not in result.expired]) >= min(keep, len(prod))
    # a lower-priority rule never expires an image a higher-priority rule identified
    for digest, priority in result.expired.items():
        assert all(digest not in result.identified[p] for p in result.identified if p < priority)
