"""Overview chapter models: global infrastructure, availability arithmetic, Regions and latency."""
