"""Networking chapter models: CIDR planning, routing, firewalls, the packet walk, peering and Route 53.

Modules: cidr (addresses, subnet planner, bit view), routing (route tables), firewall (NACLs, security groups),
walk (request/response packet walk), scenarios (ready-made networks), peering (peering, VPN, Direct Connect,
reachability), route53 (routing policies, health rules), healthcheck (failover timing with resolver caches),
transit_gateway (route tables, segmentation, inspection: can A reach B and back), ipam (pool allocation),
privatelink (endpoint services, provider side), resolver (Route 53 Resolver rules and DNS Firewall), edge (Global
Accelerator or CloudFront) and figures (plotly; with explorers the only modules that import plotly).
"""
