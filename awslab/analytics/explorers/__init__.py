"""Explorers for the analytics notebooks, one module per notebook; every public name is re-exported here, so
``from awslab.analytics import explorers; explorers.explore_shards()`` keeps working."""

from awslab.analytics.explorers import athena, lake
from awslab.analytics.explorers.athena import explore_layouts, explore_minimum
from awslab.analytics.explorers.emr_pipeline_snowball import (
    BANDWIDTH_CHOICES_MBPS,
    SIZES_TB,
    explore_emr_costs,
    explore_pipeline,
    explore_transfer,
)
from awslab.analytics.explorers.kinesis import explore_hot_key, explore_shards
from awslab.analytics.explorers.lake import explore_glue_run, explore_permissions, explore_streaming


def streaming_choice_scenarios() -> list[str]:
    """The scenario names the streaming explorer offers, in its order."""
    from awslab.analytics.streaming_choice import SCENARIOS

    return list(SCENARIOS)


__all__ = [
    "athena",
    "lake",
    "streaming_choice_scenarios",
    "BANDWIDTH_CHOICES_MBPS",
    "SIZES_TB",
    "explore_emr_costs",
    "explore_glue_run",
    "explore_hot_key",
    "explore_layouts",
    "explore_minimum",
    "explore_permissions",
    "explore_pipeline",
    "explore_shards",
    "explore_streaming",
    "explore_transfer",
]
