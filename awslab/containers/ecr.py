"""Amazon ECR lifecycle policies: which images a policy would expire, and which rule expires each.

The policy is ECR's own JSON (``{"rules": [{"rulePriority", "description", "selection": {"tagStatus",
"tagPrefixList" | "tagPatternList", "countType", "countUnit", "countNumber"}, "action": {"type": "expire"}}]}``), as
text or parsed; images are DescribeImages ``imageDetails`` entries (``imageDigest``, ``imageTags``,
``imagePushedAt`` as a datetime or ISO 8601 text). The evaluator follows ECR's documented evaluation rules:

- rules are evaluated from the lowest ``rulePriority`` to the highest; a rule with ``tagStatus: any`` must have the
  highest priority, and only one rule may select untagged images;
- a rule *identifies* every image matching its selection; an image identified by a higher-priority rule can never be
  expired by a lower-priority rule, but still counts as identified (so it still takes a place in an
  ``imageCountMoreThan`` count);
- ``tagPrefixList``/``tagPatternList``: an image matches when *every* listed prefix/pattern matches one of its tags
  (patterns use ``*`` as a wildcard, at most four per pattern);
- ``imageCountMoreThan``: images sorted newest first by push time, all beyond ``countNumber`` are expired;
  ``sinceImagePushed`` (``countUnit: days``): images pushed more than ``countNumber`` days before ``now`` expire.

Two things are a modelling choice, said here so a learner can see them: images pushed at the same instant are ordered
by their position in the list (a later entry counts as newer); and the newer count types and the ``transition``
(archive) action of the 2025 template (``sinceImagePulled``, ``sinceImageTransitioned``, ``storageClass``) are refused
with a message rather than guessed at. ECR itself applies a new policy within 24 hours; this evaluator is what ECR's
lifecycle policy *preview* shows.

References:
    - Amazon ECR User Guide, "Examples of lifecycle policies in Amazon ECR",
      https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html (read 2026-12-03; the
      worked examples are also in awsdocs/amazon-ecr-user-guide, doc_source/lifecycle_policy_examples.md)
    - Amazon ECR User Guide, "Lifecycle policy properties in Amazon ECR" (rulePriority, tagStatus, tagPatternList
      with at most four wildcards, tagPrefixList, countType, countUnit, countNumber),
      https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html (read 2026-12-03)
    - Amazon ECR User Guide, "Automate the cleanup of images by using lifecycle policies in Amazon ECR" (the
      evaluation rules; affected images expire within 24 hours),
      https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html (read 2026-12-03)
    - Amazon ECR User Guide, "Creating a lifecycle policy for a repository in Amazon ECR" (a policy acts only in the
      Region it was created in, so replicated repositories need one per Region),
      https://docs.aws.amazon.com/AmazonECR/latest/userguide/lp_creation.html (read 2026-12-03)
    - Amazon ECR User Guide, "Scan images for software vulnerabilities in Amazon ECR" (basic scanning: OS CVEs, on
      push or manual; enhanced scanning with Amazon Inspector: OS and language packages, on push or continuous),
      https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html (read 2026-12-03)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from awslab import validate
from awslab.validate import checked

TAG_STATUSES = ("tagged", "untagged", "any")
COUNT_TYPES = ("imageCountMoreThan", "sinceImagePushed")
NEWER_COUNT_TYPES = ("sinceImagePulled", "sinceImageTransitioned")
MAX_WILDCARDS = 4
MAX_RULES = 50
MAX_IMAGES = 10_000


@dataclass(frozen=True)
class Rule:
    """One parsed rule: its priority, description, selection and count."""

    priority: int
    description: str
    tag_status: str
    prefixes: tuple[str, ...]
    patterns: tuple[str, ...]
    count_type: str
    count_number: int

    def selects(self, tags: tuple[str, ...]) -> bool:
        """Whether an image with ``tags`` matches this rule's tagging requirements."""
        if self.tag_status == "any":
            return True
        if self.tag_status == "untagged":
            return not tags
        if not tags:
            return False
        if self.prefixes:
            return all(any(t.startswith(p) for t in tags) for p in self.prefixes)
        return all(any(_pattern(p).fullmatch(t) for t in tags) for p in self.patterns)


@dataclass(frozen=True)
class Evaluation:
    """The outcome: ``expired`` maps image digest -> rulePriority of the rule that expires it; ``identified`` maps
    each rulePriority to the digests it identified (its selection, before any exclusion); ``kept`` lists the rest."""

    expired: dict[str, int]
    identified: dict[int, tuple[str, ...]]
    kept: tuple[str, ...]
    rules: tuple[Rule, ...]

    def expired_by(self, priority: int) -> tuple[str, ...]:
        """The digests a given rule expires."""
        return tuple(d for d, p in self.expired.items() if p == priority)


@lru_cache(maxsize=256)
def _pattern(pattern: str) -> re.Pattern:
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")), re.DOTALL)


def _rule(index: int, raw: Any) -> Rule:
    where = f"rules[{index}]"
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be an object with rulePriority, selection and action")
    priority = raw.get("rulePriority")
    if isinstance(priority, bool) or not isinstance(priority, int) or not 1 <= priority <= 999:
        raise ValueError(f"{where}.rulePriority={priority!r} must be a whole number from 1 to 999")
    description = raw.get("description", "")
    if not isinstance(description, str):
        raise ValueError(f"{where}.description must be a string, got {description!r}")
    action = raw.get("action")
    if not isinstance(action, dict) or action.get("type") != "expire":
        kind = action.get("type") if isinstance(action, dict) else action
        raise ValueError(f"{where}.action.type={kind!r}: this evaluator models the 'expire' action only")
    selection = raw.get("selection")
    if not isinstance(selection, dict):
        raise ValueError(f"{where}.selection must be an object, got {selection!r}")
    known = {"tagStatus", "tagPrefixList", "tagPatternList", "countType", "countUnit", "countNumber", "storageClass"}
    unknown = sorted(set(selection) - known)
    if unknown:
        raise ValueError(f"{where}.selection has unknown field(s) {unknown}; allowed: {sorted(known)}")
    if selection.get("storageClass", "standard") != "standard":
        raise ValueError(f"{where}.selection.storageClass={selection['storageClass']!r}: only 'standard' is modelled")
    status = selection.get("tagStatus")
    if status not in TAG_STATUSES:
        raise ValueError(f"{where}.selection.tagStatus={status!r} must be one of: {', '.join(TAG_STATUSES)}")
    prefixes = _tag_list(where, selection, "tagPrefixList")
    patterns = _tag_list(where, selection, "tagPatternList")
    if status == "tagged" and bool(prefixes) == bool(patterns):
        raise ValueError(f"{where}: tagStatus 'tagged' needs exactly one of tagPrefixList or tagPatternList")
    if status != "tagged" and (prefixes or patterns):
        raise ValueError(f"{where}: tagStatus {status!r} must omit tagPrefixList and tagPatternList")
    for pattern in patterns:
        if pattern.count("*") > MAX_WILDCARDS:
            raise ValueError(f"{where}.selection.tagPatternList: {pattern!r} has more than {MAX_WILDCARDS} wildcards")
    count_type = selection.get("countType")
    if count_type in NEWER_COUNT_TYPES:
        raise ValueError(f"{where}.selection.countType={count_type!r} is not modelled; use one of {COUNT_TYPES}")
    if count_type not in COUNT_TYPES:
        raise ValueError(f"{where}.selection.countType={count_type!r} must be one of: {', '.join(COUNT_TYPES)}")
    number = selection.get("countNumber")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise ValueError(f"{where}.selection.countNumber={number!r} must be a positive whole number (0 is not allowed)")
    unit = selection.get("countUnit")
    if count_type == "sinceImagePushed" and unit != "days":
        raise ValueError(f"{where}.selection.countUnit={unit!r}: sinceImagePushed needs countUnit 'days'")
    if count_type == "imageCountMoreThan" and unit is not None:
        raise ValueError(f"{where}.selection.countUnit must be left out with imageCountMoreThan, got {unit!r}")
    return Rule(priority, description, status, prefixes, patterns, count_type, number)


def _tag_list(where: str, selection: dict, key: str) -> tuple[str, ...]:
    value = selection.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{where}.selection.{key} must be a non-empty list of non-empty strings, got {value!r}")
    return tuple(value)


@checked
def parse_policy(policy: dict | str) -> tuple[Rule, ...]:
    """The policy's rules, checked as ECR checks them, in evaluation order (lowest rulePriority first).

    >>> [r.priority for r in parse_policy('{"rules": [{"rulePriority": 2, "selection": {"tagStatus": "any",'
    ...   ' "countType": "imageCountMoreThan", "countNumber": 5}, "action": {"type": "expire"}}]}')]
    [2]
    """
    document = validate.json_document("policy", policy, expect=dict)
    raw_rules = document.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise ValueError("policy must have a non-empty 'rules' list")
    if len(raw_rules) > MAX_RULES:
        raise ValueError(f"policy has {len(raw_rules)} rules; at most {MAX_RULES} are modelled")
    rules = sorted((_rule(i, r) for i, r in enumerate(raw_rules)), key=lambda r: r.priority)
    priorities = [r.priority for r in rules]
    if len(set(priorities)) != len(priorities):
        raise ValueError(f"policy: every rulePriority must be unique, got {sorted(priorities)}")
    anys = [r for r in rules if r.tag_status == "any"]
    if anys and rules[-1].tag_status != "any" or len(anys) > 1:
        raise ValueError("policy: a rule with tagStatus 'any' must be the only one and have the highest rulePriority")
    if sum(r.tag_status == "untagged" for r in rules) > 1:
        raise ValueError("policy: only one rule may select untagged images (tagStatus 'untagged')")
    lists = [r.prefixes or r.patterns for r in rules if r.tag_status == "tagged"]
    if len(set(lists)) != len(lists):
        raise ValueError("policy: the tagged rules must each have a different tag list")
    return tuple(rules)


def _when(name: str, value: Any) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"{name}={value!r} is not an ISO 8601 date and time") from None
    if not isinstance(value, datetime):
        raise ValueError(f"{name} must be a datetime or ISO 8601 text, got {value!r}")
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _images(images: Any) -> list[tuple[str, tuple[str, ...], datetime]]:
    items = validate.json_objects("images", images, max_chars=2_000_000)
    if len(items) > MAX_IMAGES:
        raise ValueError(f"images has {len(items)} entries; at most {MAX_IMAGES:,} are allowed")
    out, seen = [], set()
    for i, item in enumerate(items):
        digest = item.get("imageDigest")
        if not isinstance(digest, str) or not digest:
            raise ValueError(f"images[{i}].imageDigest must be a non-empty string, got {digest!r}")
        if digest in seen:
            raise ValueError(f"images[{i}].imageDigest={digest!r} appears twice")
        seen.add(digest)
        tags = item.get("imageTags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ValueError(f"images[{i}].imageTags must be a list of strings, got {tags!r}")
        out.append((digest, tuple(tags), _when(f"images[{i}].imagePushedAt", item.get("imagePushedAt"))))
    return out


@checked
def evaluate(policy: dict | str, images: list[dict] | str, *, now: datetime | str) -> Evaluation:
    """Apply a lifecycle policy to a repository's images at time ``now`` (what the policy preview would show).

    >>> imgs = [{"imageDigest": d, "imageTags": [], "imagePushedAt": f"2026-12-0{i}T00:00:00Z"}
    ...         for i, d in enumerate("abc", start=1)]
    >>> keep_one = {"rules": [{"rulePriority": 1, "selection": {"tagStatus": "untagged",
    ...     "countType": "imageCountMoreThan", "countNumber": 1}, "action": {"type": "expire"}}]}
    >>> evaluate(keep_one, imgs, now="2026-12-03T12:00:00Z").expired
    {'b': 1, 'a': 1}
    """
    rules = parse_policy(policy)
    repo = _images(images)
    moment = _when("now", now)
    # newest first; equal push times: the later list entry counts as newer
    newest_first = [entry for _, entry in sorted(enumerate(repo), key=lambda p: (p[1][2], p[0]), reverse=True)]
    identified_before: set[str] = set()
    expired: dict[str, int] = {}
    identified: dict[int, tuple[str, ...]] = {}
    for rule in rules:
        matching = [img for img in newest_first if rule.selects(img[1])]
        identified[rule.priority] = tuple(img[0] for img in matching)
        if rule.count_type == "imageCountMoreThan":
            candidates = matching[rule.count_number :]
        else:
            limit = moment - timedelta(days=rule.count_number)
            candidates = [img for img in matching if img[2] < limit]
        for digest, _, _ in candidates:
            if digest not in identified_before:
                expired[digest] = rule.priority
        identified_before.update(identified[rule.priority])
    kept = tuple(img[0] for img in repo if img[0] not in expired)
    return Evaluation(expired=expired, identified=identified, kept=kept, rules=rules)


@checked
def expired_images(policy: dict | str, images: list[dict] | str, *, now: datetime | str) -> dict[str, int]:
    """Digest -> rulePriority of every image the policy would expire (oldest first).

    >>> imgs = [{"imageDigest": "old", "imageTags": ["prod-1"], "imagePushedAt": "2026-11-01T00:00:00Z"},
    ...         {"imageDigest": "new", "imageTags": ["prod-2"], "imagePushedAt": "2026-12-01T00:00:00Z"}]
    >>> age = {"rules": [{"rulePriority": 1, "selection": {"tagStatus": "tagged", "tagPatternList": ["prod*"],
    ...     "countType": "sinceImagePushed", "countUnit": "days", "countNumber": 14}, "action": {"type": "expire"}}]}
    >>> expired_images(age, imgs, now="2026-12-03T00:00:00Z")
    {'old': 1}
    """
    result = evaluate(policy, images, now=now)
    pushed = {img[0]: img[2] for img in _images(images)}
    return dict(sorted(result.expired.items(), key=lambda item: pushed[item[0]]))


@checked
def images_pushed_days_ago(
    entries: list[tuple[str, list[str], float]], *, now: datetime | str = "2026-12-03T00:00:00Z"
) -> list[dict]:
    """DescribeImages-shaped entries from (digest, tags, days before ``now``) triples, for examples and exercises.

    >>> images_pushed_days_ago([("A", ["beta-1"], 10)])[0]["imagePushedAt"]
    '2026-11-23T00:00:00+00:00'
    """
    moment = _when("now", now)
    out = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, (tuple, list)) or len(entry) != 3:
            raise ValueError(f"entries[{i}] must be (digest, tags, days_ago), got {entry!r}")
        digest, tags, days = entry
        if not isinstance(digest, str) or not digest:
            raise ValueError(f"entries[{i}] digest must be a non-empty string, got {digest!r}")
        if not isinstance(tags, (list, tuple)) or not all(isinstance(t, str) for t in tags):
            raise ValueError(f"entries[{i}] tags must be a list of strings, got {tags!r}")
        days = validate.number(f"entries[{i}] days_ago", days, minimum=0, maximum=36_500, unit="days")
        out.append(
            {
                "imageDigest": digest,
                "imageTags": list(tags),
                "imagePushedAt": (moment - timedelta(days=days)).isoformat(),
            }
        )
    return out


# A sample repository for the notebooks: (digest, tags, days since push on 2026-12-03).
SAMPLE_IMAGES = (
    ("sha256:a1", ["prod-1"], 40),
    ("sha256:a2", ["prod-2"], 30),
    ("sha256:a3", ["prod-3"], 21),
    ("sha256:a4", ["prod-4"], 9),
    ("sha256:a5", ["prod-5"], 2),
    ("sha256:b1", ["dev-1"], 25),
    ("sha256:b2", ["dev-2"], 12),
    ("sha256:b3", ["dev-3"], 1),
    ("sha256:u1", [], 20),
    ("sha256:u2", [], 8),
    ("sha256:u3", [], 3),
    ("sha256:u4", [], 0.5),
)


@checked
def sample_policy(keep_prod: int = 3, untagged_days: int = 7, keep_any: int = 6) -> dict:
    """Keep the newest ``keep_prod`` prod images, expire untagged images after ``untagged_days``, cap the rest.

    >>> [r.count_number for r in parse_policy(sample_policy())]
    [3, 7, 6]
    """
    for name, value in (("keep_prod", keep_prod), ("untagged_days", untagged_days), ("keep_any", keep_any)):
        validate.integer(name, value, minimum=1, maximum=10_000)
    return {
        "rules": [
            {
                "rulePriority": 1,
                "description": "keep the newest prod images",
                "selection": {
                    "tagStatus": "tagged",
                    "tagPatternList": ["prod*"],
                    "countType": "imageCountMoreThan",
                    "countNumber": keep_prod,
                },
                "action": {"type": "expire"},
            },
            {
                "rulePriority": 2,
                "description": "expire untagged images",
                "selection": {
                    "tagStatus": "untagged",
                    "countType": "sinceImagePushed",
                    "countUnit": "days",
                    "countNumber": untagged_days,
                },
                "action": {"type": "expire"},
            },
            {
                "rulePriority": 3,
                "description": "cap the repository",
                "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": keep_any},
                "action": {"type": "expire"},
            },
        ]
    }
