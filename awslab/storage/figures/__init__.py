"""Plotly figures of the Storage chapter, drawn from model results, one module per notebook.

Import from here: ``from awslab.storage import figures``.
"""

from awslab.storage.figures.cloudfront import (
    audience_figure,
    edge_cache_figure,
    stale_window_figure,
    ttl_sweep_figure,
)
from awslab.storage.figures.common import MAX_POINTS
from awslab.storage.figures.ebs import (
    gp2_burst_figure,
    gp2_burst_table_figure,
    gp3_gp2_figure,
    lazy_loading_figure,
    snapshot_chain_figure,
    volume_chooser_figure,
)
from awslab.storage.figures.efs import (
    efs_burst_figure,
    mode_cost_figure,
)
from awslab.storage.figures.glacier import (
    retrieval_plan_figure,
)
from awslab.storage.figures.large_objects_replication import (
    multipart_figure,
)
from awslab.storage.figures.protecting_data import (
    presign_timeline_figure,
    version_history_figure,
)
from awslab.storage.figures.s3_fundamentals import (
    downtime_figure,
    durability_figure,
    stale_read_figure,
)
from awslab.storage.figures.s3_object_lock import (
    lock_timeline_figure,
    prefix_load_figure,
)
from awslab.storage.figures.storage_classes_lifecycle import (
    lifecycle_cost_figure,
    policy_comparison_figure,
)
from awslab.storage.figures.storage_gateway import (
    cache_size_figure,
    cached_volume_figure,
    gateway_capacity_figure,
)

__all__ = [
    "MAX_POINTS",
    "stale_read_figure",
    "durability_figure",
    "downtime_figure",
    "lifecycle_cost_figure",
    "policy_comparison_figure",
    "version_history_figure",
    "presign_timeline_figure",
    "multipart_figure",
    "retrieval_plan_figure",
    "gp2_burst_figure",
    "gp2_burst_table_figure",
    "gp3_gp2_figure",
    "volume_chooser_figure",
    "snapshot_chain_figure",
    "lazy_loading_figure",
    "edge_cache_figure",
    "ttl_sweep_figure",
    "audience_figure",
    "stale_window_figure",
    "cached_volume_figure",
    "gateway_capacity_figure",
    "cache_size_figure",
    "efs_burst_figure",
    "mode_cost_figure",
    "lock_timeline_figure",
    "prefix_load_figure",
]
