"""Every notebook gives the learner at least two "your turn" exercises (awslab.exercises), with ids unique in the course.

The committed notebooks pin each exercise's text line ``Exercise <id>: <title>``, so this reads them without a kernel.
The 36 notebooks of the first course predate exercises (issue 16, point 5): they are listed below, and the list may
only shrink: a notebook that gains its exercises must leave it.
"""

import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^Exercise ([a-z0-9][a-z0-9-]*): .+$")
BEFORE_EXERCISES = {
    "00_overview/01_global_infrastructure",
    *(
        f"01_storage/{n}"
        for n in (
            "01_s3_fundamentals",
            "02_storage_classes_lifecycle",
            "03_protecting_data",
            "04_large_objects_replication",
            "05_glacier",
            "06_ebs",
            "07_cloudfront",
            "08_storage_gateway",
        )
    ),
    *(
        f"02_compute/{n}"
        for n in ("01_ec2_basics", "02_paying_for_ec2", "03_auto_scaling", "04_load_balancing", "05_lambda_beanstalk")
    ),
    *(
        f"03_networking/{n}"
        for n in ("01_addressing", "02_routing", "03_firewalls_packet_walk", "04_connecting_networks", "05_route53")
    ),
    *(f"04_databases/{n}" for n in ("01_rds_aurora", "02_dynamodb", "03_elasticache", "04_redshift")),
    *(
        f"05_security/{n}"
        for n in (
            "01_shared_responsibility",
            "02_iam_policies",
            "03_kms_cloudhsm",
            "04_mfa_cloudtrail",
            "05_more_security_services",
        )
    ),
    *(f"08_analytics/{n}" for n in ("01_kinesis", "02_emr_pipeline_snowball")),
}


def exercise_ids() -> dict[str, list[str]]:
    found = {}
    for path in sorted((ROOT / "notebooks").glob("*/*.ipynb")):
        ids = []
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/plain", "")
                text = "".join(text) if isinstance(text, list) else text
                match = LINE.match(text.strip())
                if match:
                    ids.append(match.group(1))
        found[f"{path.parent.name}/{path.stem}"] = ids
    return found


def test_every_notebook_has_two_exercises_or_is_listed_as_older():
    found = exercise_ids()
    short = {name for name, ids in found.items() if len(ids) < 2}
    assert short - BEFORE_EXERCISES == set(), "new notebooks need at least two exercises"
    assert BEFORE_EXERCISES - short == set(), "these notebooks have their exercises now: remove them from the list"


def test_exercise_ids_are_unique_in_the_course():
    counts = Counter(i for ids in exercise_ids().values() for i in ids)
    assert [i for i, n in counts.items() if n > 1] == []
