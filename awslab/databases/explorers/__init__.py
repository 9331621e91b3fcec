"""Explorers of the databases notebooks (controls -> model -> figure, all built through awslab.ui), one module per
notebook."""

from awslab.databases.explorers.dynamodb import (
    ITEM_SIZES_BYTES,
    explore_capacity,
    explore_capacity_cost,
    explore_hot_partitions,
    explore_query_vs_scan,
)
from awslab.databases.explorers.elasticache import (
    CACHE_SIZES_ITEMS,
    explore_cache_aside,
    explore_node_failure,
    explore_redis_failover,
)
from awslab.databases.explorers.global_chooser import explore_chooser, explore_global_writes
from awslab.databases.explorers.rds_aurora import (
    explore_failover,
    explore_recovery,
    explore_replica_lag,
    explore_storage_autoscaling,
)
from awslab.databases.explorers.redshift import (
    explore_copy,
    explore_distribution,
    explore_join,
    explore_wlm,
    explore_zone_maps,
)
from awslab.databases.explorers.serverless_proxy import explore_proxy, explore_serverless

__all__ = [
    "CACHE_SIZES_ITEMS",
    "ITEM_SIZES_BYTES",
    "explore_cache_aside",
    "explore_capacity",
    "explore_capacity_cost",
    "explore_chooser",
    "explore_copy",
    "explore_distribution",
    "explore_failover",
    "explore_global_writes",
    "explore_hot_partitions",
    "explore_join",
    "explore_node_failure",
    "explore_proxy",
    "explore_query_vs_scan",
    "explore_recovery",
    "explore_redis_failover",
    "explore_replica_lag",
    "explore_serverless",
    "explore_storage_autoscaling",
    "explore_wlm",
    "explore_zone_maps",
]
