"""Networking chapter models: CIDR planning, routing, firewalls, the packet walk, peering and Route 53.

Modules: cidr (addresses, subnet planner, bit view), routing (route tables), firewall (NACLs, security groups),
walk (request/response packet walk), scenarios (ready-made networks), peering (peering, VPN, Direct Connect,
reachability), route53 (routing policies, health rules), healthcheck (failover timing with resolver caches) and
figures (plotly; the only module that imports plotly).
"""
