"""The cost notebooks' prose and quizzes state the same numbers as the models (a rewording that drops a sentence
fails too, so the check cannot silently disappear)."""

import re
from pathlib import Path

import pytest
import yaml

from awslab.cost import commitments, tools, transfer

ROOT = Path(__file__).resolve().parents[2]


def notebook(name: str) -> str:
    return " ".join((ROOT / "notebooks" / "11_cost" / f"{name}.md").read_text(encoding="utf-8").split())


def quiz(name: str) -> str:
    data = yaml.safe_load((ROOT / "awslab" / "cost" / "quizzes" / f"{name}.yaml").read_text(encoding="utf-8"))
    return " ".join(
        " ".join([q["question"], *(a["text"] + " " + a["why"] for a in q["answers"])]) for q in data["questions"]
    )


P = transfer.US_EAST_1
ROWS = [
    ("01_buying_compute", r"reservation, ([\d.]+) %", 100 * commitments.STANDARD_RI_DISCOUNT),
    (
        "01_buying_compute",
        r"and ([\d.]+) % for a Compute Savings Plan",
        100 * commitments.DEFAULT_DISCOUNTS["Compute Savings Plan"],
    ),
    ("01_buying_compute", r"and ([\d.]+) % for Spot", 100 * commitments.DEFAULT_DISCOUNTS["Spot"]),
    (
        "01_buying_compute",
        r"accepts 0.001 to ([\d,]+) USD an hour",
        commitments.SAVINGS_PLAN_MAX_COMMITMENT_USD_PER_HOUR,
    ),
    ("02_data_transfer", r"first \*\*(\d+) GB a month are free\*\*", P.internet_free_gb),
    ("02_data_transfer", r"USD ([\d.]+) per GB \*in each direction\*", P.inter_az_usd_per_gb_each_direction),
    ("02_data_transfer", r"charges USD ([\d.]+) per hour it exists", P.nat_usd_per_hour),
    ("02_data_transfer", r"and USD ([\d.]+) per GB it processes", P.nat_usd_per_gb),
    ("02_data_transfer", r"costs USD ([\d.]+) per hour per AZ", P.interface_endpoint_usd_per_hour_per_az),
    ("02_data_transfer", r"USD ([\d.]+) for a dedicated 1 Gbps port", P.direct_connect_port_usd_per_hour["1Gbps"]),
    ("02_data_transfer", r"data out at USD ([\d.]+) per GB from US Regions", P.direct_connect_out_usd_per_gb),
    ("02_data_transfer", r"USD ([\d.]+) per GB from us-east-1 to most Regions", P.inter_region_usd_per_gb),
]


@pytest.mark.parametrize(("name", "pattern", "model"), ROWS, ids=[f"{n}:{p[:30]}" for n, p, _ in ROWS])
def test_notebook_states_the_models_number(name, pattern, model):
    found = re.search(pattern, notebook(name))
    assert found, f"{name}: the sentence matching {pattern!r} is gone; update this check with the new wording"
    assert float(found.group(1).replace(",", "")) == pytest.approx(float(model)), (found.group(1), model)


def test_egress_tiers_in_the_text_are_the_models():
    text = notebook("02_data_transfer")
    rates = [rate for _, rate in P.internet_tiers]
    assert (
        f"Then USD {rates[0]:g} per GB for the first 10 TB, {rates[1]:g} for the next 40 TB, {rates[2]:g} for the next 100 TB and {rates[3]:g} above 150 TB"
        in text
    )
    assert [size / transfer.GB_PER_TB for size, _ in P.internet_tiers[:3]] == [10, 40, 100]


def test_quiz_states_the_direct_connect_rate_and_plans():
    assert f"about USD {P.direct_connect_out_usd_per_gb:g} per GB against {P.internet_tiers[0][1]:g}" in quiz(
        "data_transfer"
    )
    assert set(tools.PLANS_ENDING_2027_01_01) <= set(
        re.findall(r"Developer|Business|Enterprise On-Ramp", notebook("03_storage_database_cost_and_tools"))
    )
