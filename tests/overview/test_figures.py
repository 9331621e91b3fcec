"""Overview figures: built from model results, titled, no base64-encoded arrays."""

import json

from awslab.overview import availability as av
from awslab.overview import figures
from awslab.overview import regions as rg


def _plain(fig):
    text = fig.to_json()
    assert "bdata" not in text  # lists, not numpy arrays
    return json.loads(text)


def test_deployment_downtime_figure():
    table = av.compare_deployments()
    fig = figures.deployment_downtime_figure(table)
    data = _plain(fig)
    assert data["data"][0]["x"] == list(table["name"])
    assert fig.layout.yaxis.type == "log" and "minutes" in fig.layout.yaxis.title.text


def test_redundancy_figure_one_line_per_beta():
    copies, curves = av.redundancy_curves(0.99, 4, (0.0, 0.1))
    fig = figures.redundancy_figure(copies, curves)
    _plain(fig)
    assert [t.name for t in fig.data] == ["beta = 0", "beta = 0.1"]
    assert fig.data[0].y[0] == 2.0  # one copy at 99 % is two nines


def test_region_map_figure_with_users_and_highlight():
    users = [rg.UserGroup("Tokyo", 35.7, 139.7, 5), rg.UserGroup("Seoul", 37.6, 127.0, 5)]
    best = rg.closest_region(users)
    fig = figures.region_map_figure(rg.region_table(), users, best)
    _plain(fig)
    names = [t.name for t in fig.data]
    assert "Regions" in names and f"Closest: {best}" in names and "Users" in names
    assert len(fig.data[0].y) == len(rg.REGIONS) - 1
    assert not any(t.type == "scattergeo" for t in fig.data)  # no CDN topojson
    assert fig.layout.title.text


def test_latency_heatmap_figure():
    table = rg.latency_table(["us-east-1", "eu-west-1"])
    fig = figures.latency_heatmap_figure(table)
    data = _plain(fig)
    assert data["data"][0]["z"][0][0] == 0.0 and "sample" in fig.layout.title.text.lower()
