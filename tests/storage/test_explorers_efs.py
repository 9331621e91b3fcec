"""The EFS notebook's explorers: build, update fast, static steps, and the model's message for a bad value."""

import pytest

from awslab.storage import explorers
from tests.support import check_explorer

CASES = [
    (
        explorers.explore_efs_burst,
        "size_gib",
        ["10 GiB", "100 GiB", "256 GiB", "512 GiB", "1,024 GiB", "2,048 GiB", "4,096 GiB"],
        {"peak_mibps": -5.0},
        "peak_mibps=-5.0 is outside the allowed range",
    ),
    (
        explorers.explore_throughput_modes,
        "average_mibps",
        ["0.5 MiB/s", "1 MiB/s", "2 MiB/s", "5 MiB/s", "10 MiB/s", "20 MiB/s", "50 MiB/s"],
        {"size_gib": -1.0},
        "size_gib=-1.0 is outside the allowed range",
    ),
]


@pytest.mark.parametrize("factory, main, labels, bad, message", CASES, ids=[c[0].__name__ for c in CASES])
def test_explorer_contract(factory, main, labels, bad, message):
    check_explorer(factory, main, labels, bad, message)


def test_an_average_above_the_peak_is_shown_not_raised():
    explorer = explorers.explore_throughput_modes(peak_mibps=50)
    explorer.set(peak_mibps=1.0)
    assert "average_mibps=2 is outside the allowed range (0 to peak_mibps=1" in explorer.error
