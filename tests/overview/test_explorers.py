"""Overview explorers: build, update quickly, precomputed static steps, model messages for bad typed values."""

import json
import time

import pytest

from awslab.overview import explorers
from awslab.overview import regions as rg


def _update_ms(explorer, **values):
    """CPU milliseconds of the best of three updates: the explorer's own cost, not the wait on a shared machine."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        explorer.set(**values)
        best = min(best, (time.process_time() - start) * 1000)
    return best


def test_availability_explorer_steps_numbers_and_speed():
    e = explorers.explore_availability()
    assert e.error is None and set(e.last_view.numbers) == {"one AZ", "multi-AZ (3 AZs)", "multi-Region (2 x 3 AZs)"}
    assert _update_ms(e, correlation_beta=0.1, instances_per_az=3) < 50
    fig = e.static_figure()
    assert [s.label for s in fig.layout.sliders[0].steps] == [f"{b:g}" for b in explorers.BETA_STEPS]
    assert len(fig.to_json()) < 150_000
    subtitles = [s.args[1]["title.subtitle.text"] for s in fig.layout.sliders[0].steps]
    assert all("multi-AZ (3 AZs)" in text for text in subtitles)


def test_availability_correlation_erodes_redundancy():
    e = explorers.explore_availability(correlation_beta=0.0)
    independent = e.last_view.numbers["multi-AZ (3 AZs)"]
    e.set(correlation_beta=1.0)
    assert e.last_view.numbers["multi-AZ (3 AZs)"] != independent
    # beta = 1: every failure is common to all copies, so three AZs are exactly as available as one
    assert e.last_view.numbers["multi-AZ (3 AZs)"] == e.last_view.numbers["one AZ"]


@pytest.mark.parametrize(
    "values, message",
    [
        ({"instance_availability": 1.5}, "instance_availability=1.5 is outside the allowed range (0 to 1)"),
        ({"az_availability": -0.1}, "az_availability=-0.1 is outside the allowed range (0 to 1)"),
    ],
)
def test_availability_bad_typed_values(values, message):
    e = explorers.explore_availability()
    good = e.last_view.numbers
    e.set(**values)
    assert e.error == message and e.last_view.numbers == good


def test_closest_region_dropdown_and_custom_users():
    e = explorers.explore_closest_region()
    assert e.last_view.numbers["closest Region"].startswith("ap-northeast-")
    menu = e.static_figure().layout.updatemenus[0]
    assert [b.label for b in menu.buttons] == list(rg.USER_SCENARIOS)
    assert len(e.static_figure().to_json()) < 150_000
    assert _update_ms(e, scenario="Europe (Berlin, Madrid, Warsaw)") < 50
    e.set(custom_users="Lima -12.0 -77.0 5; Quito -0.2 -78.5 2")
    assert e.error is None and e.last_view.numbers["worst group"].startswith("Quito")
    assert not any(t.type == "scattergeo" for t in e.last_view.figure.data)


@pytest.mark.parametrize(
    "text, message",
    [
        ("Lima -12 -77", "user group 1 'Lima -12 -77' must be 'label lat lon users' (four fields)"),
        ("Lima 95 -77 1", "user group 'Lima' lat=95.0 is outside the allowed range (-90 to 90 degrees)"),
        ("Lima x -77 1", "user group 1 'Lima x -77 1': lat, lon and users must be numbers"),
        ("Lima -12 -77 0", "user group 'Lima' users=0.0 is outside the allowed range (> 0)"),
    ],
)
def test_closest_region_bad_text_shows_model_message(text, message):
    e = explorers.explore_closest_region()
    e.set(custom_users=text)
    assert e.error is not None and e.error.startswith(message)


def test_static_faces_are_plain_json():
    for e in (explorers.explore_availability(), explorers.explore_closest_region()):
        text = json.dumps(e._repr_mimebundle_()["application/vnd.plotly.v1+json"])
        assert "bdata" not in text
