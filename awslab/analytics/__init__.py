"""Analytics: Kinesis shards, EMR cluster costs, Data Pipeline graphs, network vs Snowball transfer."""
