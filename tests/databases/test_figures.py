"""Databases figures: each draws the model result it is given, with titles, axis titles and plain-list data."""

import plotly.graph_objects as go
import pytest

from awslab.databases import dynamodb as ddb
from awslab.databases import dynamodb_partitions as hp
from awslab.databases import elasticache as ec
from awslab.databases import figures as fig
from awslab.databases import rds
from awslab.databases import redshift as rs

KEYS = rs.sample_keys(5000, 200, zipf_exponent=1.0)

CASES = {
    "capacity_steps": lambda: fig.capacity_steps_figure(ddb.capacity_table(8192, 512)),
    "capacity_cost": lambda: fig.capacity_cost_figure(ddb.capacity_mode_sweep([1, 10, 100])),
    "hot_partitions": lambda: fig.hot_partitions_figure(hp.simulate_hot_partitions(seconds=20)),
    "throttling": lambda: fig.throttling_timeline_figure({"no shards": hp.simulate_hot_partitions(seconds=20)}),
    "read_pages": lambda: fig.read_pages_figure(ddb.read_pages([3000] * 800)),
    "recovery": lambda: fig.recovery_figure(rds.recovery_matrix(multi_az=True)),
    "failover": lambda: fig.failover_timeline_figure(rds.failover_timeline()),
    "replica_lag": lambda: fig.replica_lag_figure(rds.simulate_replica_lag(seconds=60)),
    "cache_sweep": lambda: fig.cache_sweep_figure(ec.cache_aside_sweep([10, 100], [0, 5], requests=2000)),
    "cache_db_load": lambda: fig.cache_db_load_figure(ec.simulate_cache_aside(2000)),
    "node_failure": lambda: fig.node_failure_figure({"4 nodes": ec.memcached_node_failure(seconds=100)}),
    "slices": lambda: fig.slices_figure({s: rs.distribute(KEYS, s) for s in rs.DIST_STYLES}),
    "join": lambda: fig.join_figure(
        {"EVEN/EVEN": rs.join_redistribution(KEYS, KEYS[:100], outer_style="EVEN", inner_style="EVEN")}
    ),
    "zone_map": lambda: fig.zone_map_figure(rs.zone_map_comparison(rows=10_000, rows_per_block=500)),
    "copy": lambda: fig.copy_figure(rs.copy_sweep([1, 2, 4])),
    "storage": lambda: fig.storage_autoscaling_figure(
        rds.simulate_storage_autoscaling(100, 60, growth_gib_per_day=8, max_allocated_storage_gib=120, days=20)
    ),
    "wlm": lambda: fig.wlm_wait_figure({"one queue": rs.simulate_wlm([{"query_concurrency": 5}], minutes=10)}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_figure_has_titles_and_plain_data(name):
    figure = CASES[name]()
    assert isinstance(figure, go.Figure)
    assert figure.layout.title.text
    assert figure.layout.xaxis.title.text or name == "replica_lag"
    assert figure.layout.yaxis.title.text
    assert figure.data
    assert "bdata" not in figure.to_json()  # plain lists, not base64-encoded numpy arrays


def test_figures_draw_the_model_values():
    table = ddb.capacity_table(8192, 1024)
    steps = fig.capacity_steps_figure(table)
    assert list(steps.data[1].y) == list(table["read_strong"])
    result = hp.simulate_hot_partitions(seconds=10)
    bars = fig.hot_partitions_figure(result)
    assert sum(bars.data[0].y) + sum(bars.data[1].y) == pytest.approx(result.demand.sum() / 10, rel=1e-6)
    timeline = rds.failover_timeline()
    gantt = fig.failover_timeline_figure(timeline)
    assert [bar.base[0] for bar in gantt.data] == [p["start_s"] for p in timeline]
    dists = {s: rs.distribute(KEYS, s) for s in rs.DIST_STYLES}
    assert list(fig.slices_figure(dists).data[1].y) == list(dists["KEY"].rows_per_slice)
