"""The databases notebooks under scenarios/startup.yaml (the shared course run): each ran, echoed the scenario's
values, and recorded what the models compute for them; a bad parameter stops a notebook before its kernel."""

import pytest
import yaml

from awslab.databases import aurora_serverless as sv2
from awslab.databases import chooser, rds, rds_proxy
from awslab.databases import dynamodb as ddb
from awslab.databases import elasticache as ec
from awslab.databases import global_tables as gt
from awslab.databases import redshift as rs
from tests.support import ROOT, printed, ran
from tests.support import run_awslab as awslab

DATABASES = ROOT / "notebooks" / "04_databases"
SCENARIO = yaml.safe_load((ROOT / "scenarios" / "startup.yaml").read_text())
SEED = SCENARIO["parameters"]["seed"]
pytestmark = pytest.mark.notebooks


def _values(name: str) -> dict:
    return SCENARIO["notebooks"][f"04_databases/{name}"]


def _recorded(run, name: str) -> dict:
    return run.entry(f"04_databases/{name}")["results"]


def test_every_databases_notebook_ran_ok(startup_run):
    for name in sorted(p.name for p in DATABASES.glob("*.md")):
        ran(startup_run, f"04_databases/{name.replace('.md', '.ipynb')}")


def test_rds_recovers_the_scenarios_database(startup_run):
    p = _values("01_rds_aurora.ipynb")
    out = printed(startup_run.folder, "01_rds_aurora.ipynb")
    assert (
        f"seed={SEED}, database_size_gib={p['database_size_gib']:g}, backup_retention_days={p['backup_retention_days']}, "
        f"mean_writes_per_second={p['mean_writes_per_second']:g}"
    ) in out
    earliest = rds.point_in_time_window_hours(p["backup_retention_days"], instance_age_hours=24 * 90).earliest_hours_ago
    assert (
        f"with {p['backup_retention_days']} days of retention you can restore to any time from {earliest:,.0f} h" in out
    )
    matrix = rds.recovery_matrix(
        backup_retention_days=p["backup_retention_days"],
        multi_az=True,
        read_replicas=1,
        database_size_gib=p["database_size_gib"],
    ).set_index("scenario")
    lag = rds.simulate_replica_lag(p["mean_writes_per_second"], seconds=240, seed=SEED)
    recorded = _recorded(startup_run, "01_rds_aurora.ipynb")
    assert recorded["pitr_window_hours"] == round(float(earliest), 1)
    assert recorded["region_outage_rto_minutes"] == round(float(matrix.loc["region_outage", "rto_seconds"]) / 60, 1)
    assert recorded["data_corruption_rpo_minutes"] == round(float(matrix.loc["data_corruption", "rpo_seconds"]) / 60, 1)
    assert recorded["max_replica_lag_seconds"] == round(float(lag.lag_seconds.max()), 1)


def test_dynamodb_prices_the_scenarios_reads(startup_run):
    p = _values("02_dynamodb.ipynb")
    out = printed(startup_run.folder, "02_dynamodb.ipynb")
    assert f"seed={SEED}, item_size_bytes={p['item_size_bytes']:,}" in out
    assert f"reads_per_second={p['reads_per_second']:g}, peak_to_average={p['peak_to_average']:g}" in out
    cost = ddb.capacity_mode_cost(
        p["reads_per_second"], p["reads_per_second"] / 4, 1024, peak_to_average=p["peak_to_average"]
    )
    assert f"cheaper: {cost.cheaper_mode}" in out
    recorded = _recorded(startup_run, "02_dynamodb.ipynb")
    assert recorded["cheaper_capacity_mode"] == cost.cheaper_mode
    assert recorded["provisioned_rcu"] == int(round(cost.provisioned_rcu))
    assert recorded["provisioned_usd_per_month"] == round(float(cost.provisioned_usd_per_month), 2)
    assert recorded["on_demand_usd_per_month"] == round(float(cost.on_demand_usd_per_month), 2)


def test_elasticache_caches_with_the_scenarios_size_and_ttl(startup_run):
    p = _values("03_elasticache.ipynb")
    out = printed(startup_run.folder, "03_elasticache.ipynb")
    assert (
        f"seed={SEED}, cache_capacity_items={p['cache_capacity_items']}, ttl_seconds={p['ttl_seconds']:g}, "
        f"memcached_nodes={p['memcached_nodes']}"
    ) in out
    assert f"sessions memcached {p['memcached_nodes']} nodes" in out
    run = ec.simulate_cache_aside(
        10_000,
        100,
        5000,
        zipf_exponent=1.0,
        cache_capacity_items=p["cache_capacity_items"],
        ttl_seconds=p["ttl_seconds"],
        seed=SEED,
    )
    assert f"hit ratio {run.hit_ratio:.1%}, mean latency {run.mean_latency_ms:.2f} ms" in out
    recorded = _recorded(startup_run, "03_elasticache.ipynb")
    assert recorded["hit_ratio"] == round(float(run.hit_ratio), 3)
    assert recorded["mean_latency_ms"] == round(float(run.mean_latency_ms), 2)


def test_redshift_loads_the_scenarios_cluster(startup_run):
    p = _values("04_redshift.ipynb")
    out = printed(startup_run.folder, "04_redshift.ipynb")
    assert f"seed={SEED}, zipf_exponent=" in out
    assert f"nodes={p['nodes']}, total_size_gib={p['total_size_gib']:g}" in out
    assert f"COPY {p['total_size_gib']:g} GiB into it" in out
    sweep = rs.copy_sweep([1, 2, 4, 8, 16, 64], p["total_size_gib"], nodes=p["nodes"], slices_per_node=4)
    fastest = sweep.loc[sweep["seconds"].idxmin()]
    recorded = _recorded(startup_run, "04_redshift.ipynb")
    assert recorded["copy_fastest_seconds"] == round(float(fastest["seconds"]), 1)
    assert recorded["copy_files_for_fastest"] == int(fastest["files"])


def test_serverless_and_proxy_follow_the_scenarios_load(startup_run):
    p = _values("05_aurora_serverless_and_proxy.ipynb")
    out = printed(startup_run.folder, "05_aurora_serverless_and_proxy.ipynb")
    assert f"shape={p['shape']}, peak_acu={p['peak_acu']:g}, min_capacity={p['min_capacity']:g}" in out
    run = sv2.simulate_capacity(
        sv2.load_curve(p["shape"], p["peak_acu"], seed=SEED), p["min_capacity"], p["max_capacity"]
    )
    cost = sv2.compare_to_provisioned(run)
    assert f"{p['shape']}: {run.acu_hours:,.1f} ACU-hours, USD {cost.serverless_usd:,.2f} a day" in out
    burst = rds_proxy.simulate(rds_proxy.Burst(), max_connections=p["max_connections"], seed=SEED)
    recorded = _recorded(startup_run, "05_aurora_serverless_and_proxy.ipynb")
    assert recorded["serverless_acu_hours"] == round(run.acu_hours, 1)
    assert recorded["serverless_cheaper"] == cost.cheaper
    assert recorded["proxy_direct_failed"] == burst.direct_failed
    assert recorded["proxy_failed"] == burst.proxy_failed


def test_global_tables_and_chooser_follow_the_scenario(startup_run):
    p = _values("06_global_tables_and_chooser.ipynb")
    out = printed(startup_run.folder, "06_global_tables_and_chooser.ipynb")
    assert f"lag_ms={p['lag_ms']:g}, writes_per_second={p['writes_per_second']:g}" in out
    writes = gt.random_writes(writes_per_second=p["writes_per_second"], seconds=30, seed=SEED)
    mrec = gt.simulate_counter(writes, lag_ms=p["lag_ms"])
    assert f"{mrec.increments} increments at {p['lag_ms']:g} ms of lag" in out
    first = chooser.rank(chooser.PRESETS[p["access_pattern"]])[0].service
    assert f"{p['access_pattern']}: {first} first" in out
    recorded = _recorded(startup_run, "06_global_tables_and_chooser.ipynb")
    assert recorded["lww_lost_updates"] == mrec.lost_updates
    assert recorded["pitr_earliest_days_ago"] == float(p["recovery_period_in_days"])
    assert recorded["chooser_first"] == first


def test_bad_value_stops_the_notebook_with_a_clear_line(tmp_path):
    notebook = DATABASES / "02_dynamodb.ipynb"
    result = awslab("run", str(notebook), "--output", str(tmp_path), "-p", "item_size_bytes", "500000")
    assert result.returncode == 1
    assert (
        "FAILED  bad parameter (no cell was run): item_size_bytes=500000 is larger than the DynamoDB item limit of 409600 bytes"
        in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout
