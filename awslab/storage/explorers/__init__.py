"""Explorers of the Storage chapter, one module per notebook (controls -> model -> figure, through awslab.ui).

Import from here: ``from awslab.storage import explorers``.
"""

from awslab.storage.explorers.cloudfront import (
    explore_audience,
    explore_edge_cache,
    explore_stale_window,
)
from awslab.storage.explorers.ebs import (
    explore_gp2_burst,
    explore_gp3_vs_gp2,
    explore_snapshots,
    explore_volume_chooser,
)
from awslab.storage.explorers.efs import (
    explore_efs_burst,
    explore_throughput_modes,
)
from awslab.storage.explorers.glacier import (
    explore_retrieval_plan,
)
from awslab.storage.explorers.large_objects_replication import (
    explore_multipart,
)
from awslab.storage.explorers.protecting_data import (
    explore_presign_expiry,
)
from awslab.storage.explorers.s3_fundamentals import (
    explore_consistency,
    explore_durability,
)
from awslab.storage.explorers.s3_object_lock import (
    explore_object_lock,
    explore_prefix_rates,
)
from awslab.storage.explorers.storage_classes_lifecycle import (
    explore_lifecycle_policy,
    explore_policy_comparison,
)
from awslab.storage.explorers.storage_gateway import (
    explore_cached_volume,
    explore_gateway_capacity,
)

__all__ = [
    "explore_consistency",
    "explore_durability",
    "explore_policy_comparison",
    "explore_lifecycle_policy",
    "explore_presign_expiry",
    "explore_multipart",
    "explore_retrieval_plan",
    "explore_gp2_burst",
    "explore_gp3_vs_gp2",
    "explore_volume_chooser",
    "explore_snapshots",
    "explore_edge_cache",
    "explore_audience",
    "explore_stale_window",
    "explore_cached_volume",
    "explore_gateway_capacity",
    "explore_efs_burst",
    "explore_throughput_modes",
    "explore_object_lock",
    "explore_prefix_rates",
]
