"""Exercises for 01_images_and_ecs: an ECR lifecycle policy's outcome, awsvpc task density, placement strategy.

References:
    - Amazon ECR User Guide, "Examples of lifecycle policies in Amazon ECR",
      https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html (read 2026-12-03)
    - Amazon ECS Developer Guide, "Elastic network interface trunking",
      https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html (read 2026-12-03)
    - Amazon ECS Developer Guide, "Amazon ECS task placement strategies",
      https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.containers import ecr, ecs

NOW = "2026-12-03T00:00:00Z"
_POLICY = ecr.sample_policy(keep_prod=2, untagged_days=5, keep_any=4)
_EXPIRED = ecr.evaluate(_POLICY, ecr.images_pushed_days_ago(list(ecr.SAMPLE_IMAGES)), now=NOW)
_SMALL = ecs.sample_task_definition(256, 512)
_AWSVPC = ecs.place_tasks(_SMALL, 40, ecs.cluster(list(ecs.SAMPLE_CLUSTER), zones=3), network_mode="awsvpc")

lifecycle_outcome = exercises.number(
    "images-ecs-1",
    "How many images does the policy expire?",
    task=(
        "Take the notebook's sample repository of twelve images and change the three-rule policy to keep **2** prod "
        "images (rule 1), expire untagged images after **5** days (rule 2) and keep **4** images in all (rule 3). "
        "How many images does it expire?"
    ),
    answer=len(_EXPIRED.expired),
    hint=(
        "Work rule by rule. Rule 3 counts every image but may not expire one a higher-priority rule identified "
        "(every prod and every untagged image)."
    ),
    solution=(
        f"{len(_EXPIRED.expired)}: rule 1 expires {len(_EXPIRED.expired_by(1))} prod images, rule 2 "
        f"{len(_EXPIRED.expired_by(2))} untagged ones, rule 3 {len(_EXPIRED.expired_by(3))} dev images "
        "(`ecr.evaluate(ecr.sample_policy(2, 5, 4), images, now=...)`)."
    ),
    unit="images",
    tolerance=0.0,
)

awsvpc_density = exercises.number(
    "images-ecs-2",
    "awsvpc tasks on the sample cluster",
    task=(
        "The sample cluster (`ecs.SAMPLE_CLUSTER`) has three m5.large, one c5.large, one m5.xlarge and one r5.large. "
        "With `networkMode` **awsvpc** and no ENI trunking, how many 0.25 vCPU / 0.5 GiB tasks can it run at most?"
    ),
    answer=_AWSVPC.placed,
    hint="CPU and memory are not the limit here: each awsvpc task needs its own ENI, and the primary ENI is taken.",
    solution=(
        f"{_AWSVPC.placed}: the ENI table allows 2 tasks on each .large instance and 3 on the m5.xlarge "
        "(`ecs.awsvpc_task_limit`); turning on awsvpcTrunking raises that to 10 and 20."
    ),
    unit="tasks",
    tolerance=0.0,
)

fewest_instances = exercises.choice(
    "images-ecs-3",
    "Which strategy leaves instances empty?",
    task=(
        "You want a cluster's capacity provider to be able to scale in, so tasks should be packed onto as few "
        "instances as possible. Which placement strategy does that?"
    ),
    choices=("binpack on memory", "spread on attribute:ecs.availability-zone", "spread on instanceId", "random"),
    answer="binpack on memory",
    hint="Which strategy picks the instance with the least of a resource left?",
    solution=(
        "binpack: each task goes to the instance with the least memory (or CPU) left, so the others stay empty and "
        "can be terminated. Spread does the opposite, for availability."
    ),
)
