"""Global Accelerator or CloudFront: a chooser over what the workload needs, with the reason for every point.

Both put AWS's edge network between users and the application; they solve different problems. CloudFront is a
content delivery network for HTTP(S): it caches at edge locations, terminates TLS there, runs edge functions and
AWS WAF. Global Accelerator is a layer-4 front door: two static anycast IPv4 addresses that carry TCP or UDP over
the AWS backbone to the nearest healthy Regional endpoint (Application or Network Load Balancer, EC2 instance,
Elastic IP), with no caching.

>>> choose_edge(protocol="udp").choice
'Global Accelerator'

References:
    - AWS Global Accelerator Developer Guide, "AWS Global Accelerator components" (two static IPv4 addresses,
      anycast from the edge; endpoints), https://docs.aws.amazon.com/global-accelerator/latest/dg/introduction-components.html
      (read 2026-12-03)
    - Amazon CloudFront Documentation (static and dynamic web content delivered and cached through a worldwide
      network of edge locations), https://docs.amazonaws.cn/cloudfront/ (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

PROTOCOLS = ("http", "tcp", "udp")
GLOBAL_ACCELERATOR_STATIC_IPV4 = 2  # introduction-components.html (dual-stack: two IPv4 and two IPv6)


@dataclass(frozen=True)
class EdgeChoice:
    """The recommended front door, each option's score, and the reasons that moved them.

    >>> choose_edge(protocol="http", cacheable=True).scores
    {'CloudFront': 3, 'Global Accelerator': 0}
    """

    choice: str
    scores: dict[str, int]
    reasons: tuple[str, ...]


@checked
def choose_edge(
    *,
    protocol: str = "http",
    cacheable: bool = False,
    static_ips: bool = False,
    edge_logic: bool = False,
    fast_regional_failover: bool = False,
) -> EdgeChoice:
    """Score CloudFront and Global Accelerator for a workload; a non-HTTP protocol rules CloudFront out.

    >>> choose_edge(protocol="http", static_ips=True, fast_regional_failover=True).choice
    'Global Accelerator'
    """
    protocol = validate.choice("protocol", protocol, PROTOCOLS)
    scores = {"CloudFront": 0, "Global Accelerator": 0}
    reasons = []
    if protocol != "http":
        reasons.append(
            f"{protocol.upper()} that is not HTTP: CloudFront serves HTTP(S) only, Global Accelerator any TCP/UDP"
        )
        return EdgeChoice("Global Accelerator", {"CloudFront": 0, "Global Accelerator": 1}, tuple(reasons))
    if cacheable:
        scores["CloudFront"] += 3
        reasons.append("cacheable content: CloudFront answers from edge caches; Global Accelerator never caches")
    if edge_logic:
        scores["CloudFront"] += 2
        reasons.append("logic or WAF at the edge: CloudFront Functions, Lambda@Edge and AWS WAF run on CloudFront")
    if static_ips:
        scores["Global Accelerator"] += 3
        reasons.append(
            f"fixed addresses for allow-lists: Global Accelerator gives {GLOBAL_ACCELERATOR_STATIC_IPV4} static "
            "anycast IPv4 addresses; CloudFront's addresses change"
        )
    if fast_regional_failover:
        scores["Global Accelerator"] += 2
        reasons.append(
            "fast failover between Regions without DNS: Global Accelerator moves traffic to a healthy endpoint "
            "behind the same addresses; nothing waits for a DNS TTL"
        )
    if not reasons:
        scores["CloudFront"] += 1
        reasons.append("plain dynamic HTTP(S): either works; CloudFront is the usual default (TLS at the edge, WAF)")
    choice = max(scores, key=lambda k: (scores[k], k == "CloudFront"))
    return EdgeChoice(choice, scores, tuple(reasons))


# (label, keyword arguments) workloads the explorer offers.
WORKLOADS = {
    "static website and images": {"protocol": "http", "cacheable": True},
    "REST API with per-user responses": {"protocol": "http"},
    "API partners must allow-list by IP": {"protocol": "http", "static_ips": True},
    "multiplayer game over UDP": {"protocol": "udp", "fast_regional_failover": True},
    "MQTT over TCP from IoT devices": {"protocol": "tcp", "static_ips": True},
    "video on demand with signed URLs and WAF": {"protocol": "http", "cacheable": True, "edge_logic": True},
    "two-Region active-passive HTTP app, failover in seconds": {"protocol": "http", "fast_regional_failover": True},
}
