"""Plotly figures for the databases chapter, drawn from model results (never computing the model themselves),
one module per notebook."""

from awslab.databases.figures.dynamodb import (
    capacity_cost_figure,
    capacity_steps_figure,
    hot_partitions_figure,
    operation_units_figure,
    query_vs_scan_figure,
    read_pages_figure,
    throttling_timeline_figure,
)
from awslab.databases.figures.elasticache import (
    cache_db_load_figure,
    cache_sweep_figure,
    node_failure_figure,
)
from awslab.databases.figures.global_chooser import chooser_figure, counter_writes_figure
from awslab.databases.figures.rds_aurora import (
    failover_timeline_figure,
    recovery_figure,
    replica_lag_figure,
    storage_autoscaling_figure,
)
from awslab.databases.figures.redshift import (
    copy_figure,
    join_figure,
    slices_figure,
    wlm_wait_figure,
    zone_map_figure,
)
from awslab.databases.figures.serverless_proxy import proxy_connections_figure, serverless_capacity_figure

__all__ = [
    "cache_db_load_figure",
    "cache_sweep_figure",
    "capacity_cost_figure",
    "capacity_steps_figure",
    "chooser_figure",
    "counter_writes_figure",
    "copy_figure",
    "failover_timeline_figure",
    "hot_partitions_figure",
    "join_figure",
    "node_failure_figure",
    "operation_units_figure",
    "proxy_connections_figure",
    "query_vs_scan_figure",
    "read_pages_figure",
    "recovery_figure",
    "replica_lag_figure",
    "serverless_capacity_figure",
    "slices_figure",
    "storage_autoscaling_figure",
    "throttling_timeline_figure",
    "wlm_wait_figure",
    "zone_map_figure",
]
