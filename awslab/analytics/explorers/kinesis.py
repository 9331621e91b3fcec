"""Explorers of 08_analytics/01_kinesis: the shard calculator and a hot partition key."""

from __future__ import annotations

from awslab import ui
from awslab.analytics import figures, kinesis


def explore_shards(
    consumers: int = 2, records_per_second: float = 3000, average_record_kb: float = 0.5, enhanced_fan_out: bool = False
) -> ui.Explorer:
    """Kinesis shard calculator: which quota sets the shard count as consumers and record sizes change.

    >>> explore_shards().last_view.numbers
    {'shards needed': '3', 'the binding quota': 'write records (1,000/s)'}
    """

    def view(consumers, records_per_second, average_record_kb, enhanced_fan_out):
        needs = kinesis.shard_requirements(
            records_per_second, average_record_kb, consumers, enhanced_fan_out=enhanced_fan_out
        )
        shards = kinesis.shards_needed(
            records_per_second, average_record_kb, consumers, enhanced_fan_out=enhanced_fan_out
        )
        binding = max(needs, key=needs.get)
        return ui.View(
            figures.shard_requirements_figure(needs, shards),
            {"shards needed": str(shards), "the binding quota": binding},
        )

    return ui.explorer(
        "Kinesis Data Streams: how many shards?",
        [
            ui.Slider("consumers", "consuming applications", min=1, max=10, step=1, value=consumers, integer=True),
            ui.Number("records_per_second", "records written", value=records_per_second, unit="records/s"),
            ui.Slider(
                "average_record_kb",
                "average record size",
                min=0.5,
                max=100,
                step=0.5,
                value=average_record_kb,
                unit="KiB",
            ),
            ui.Toggle("enhanced_fan_out", "enhanced fan-out", value=enhanced_fan_out),
        ],
        view,
    )


def explore_hot_key(
    hot_key_share: float = 0.4,
    shard_count: int = 4,
    total_records_per_second: float = 3000,
    keys: int = 200,
    salt_suffixes: int = 1,
    average_record_kb: float = 1.0,
    seed: int = 0,
) -> ui.Explorer:
    """One partition key takes a share of the traffic: watch its shard go over the 1,000 records/s quota.

    >>> explore_hot_key().last_view.numbers
    {'records throttled': '20.3%', 'busiest shard': 'shardId-000000000002 at 161% of its quota'}
    """

    def view(hot_key_share, shard_count, salt_suffixes):
        result = kinesis.hot_key_workload(
            total_records_per_second,
            keys,
            hot_key_share,
            kinesis.create_shards(shard_count),
            salt_suffixes=salt_suffixes,
            average_record_kb=average_record_kb,
            seed=seed,
        )
        busiest = result.load.sort_values("utilisation", ascending=False).iloc[0]
        return ui.View(
            figures.shard_load_figure(result, f"{total_records_per_second:,.0f} records/s over {shard_count} shards"),
            {
                "records throttled": f"{result.throttled_fraction:.1%}",
                "busiest shard": f"{busiest['ShardId']} at {busiest['utilisation']:.0%} of its quota",
            },
        )

    return ui.explorer(
        "Kinesis: a hot partition key",
        [
            ui.Slider(
                "hot_key_share",
                "hot key's share of traffic",
                min=0,
                max=0.9,
                step=0.05,
                value=hot_key_share,
                static_values=[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
            ),
            ui.Slider("shard_count", "shards", min=1, max=16, step=1, value=shard_count, integer=True),
            ui.Number("salt_suffixes", "salt suffixes on the hot key", value=salt_suffixes, integer=True),
        ],
        view,
    )
