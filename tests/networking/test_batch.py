"""The networking notebooks under scenarios/startup.yaml (the shared course run): each ran, echoed the scenario's
values, and recorded what the models compute for them; a bad parameter stops a notebook before its kernel."""

import re

import pytest
import yaml

from awslab.networking import (
    cidr,
    edge,
    firewall,
    healthcheck,
    ipam,
    peering,
    privatelink,
    resolver,
    route53,
    routing,
    scenarios,
    walk,
)
from awslab.networking import transit_gateway as tgw
from tests.support import ROOT, printed, ran
from tests.support import run_awslab as awslab

NETWORKING = ROOT / "notebooks" / "03_networking"
SCENARIO = yaml.safe_load((ROOT / "scenarios" / "startup.yaml").read_text())
pytestmark = pytest.mark.notebooks


def _values(name: str) -> dict:
    return SCENARIO["notebooks"][f"03_networking/{name}"]


def _recorded(run, name: str) -> dict:
    return run.entry(f"03_networking/{name}")["results"]


def test_every_networking_notebook_ran_ok(startup_run):
    for name in sorted(p.name for p in NETWORKING.glob("*.md")):
        ran(startup_run, f"03_networking/{name.replace('.md', '.ipynb')}")


def test_addressing_plans_the_scenarios_vpc(startup_run):
    p = _values("01_addressing.ipynb")
    out = printed(startup_run.folder, "01_addressing.ipynb")
    assert f"vpc_cidr={p['vpc_cidr']}, az_count={p['az_count']}, app_hosts_needed={p['app_hosts_needed']:,}" in out
    assert "every count matches: True" in out
    plan = cidr.plan_vpc(
        p["vpc_cidr"],
        cidr.AZ_NAMES[: p["az_count"]],
        [
            cidr.Tier("public", public=True, prefix_length=24),
            cidr.Tier("app", hosts_needed=p["app_hosts_needed"]),
            cidr.Tier("db", prefix_length=26),
        ],
    )
    app = next(s for s in plan.subnets if s.name.startswith("app"))
    assert _recorded(startup_run, "01_addressing.ipynb") == {
        "subnet_count": len(plan.subnets),
        "app_subnet_prefix_length": int(app.cidr.split("/")[1]),
        "app_usable_addresses_per_az": app.usable_addresses,
        "addresses_allocated": plan.used_addresses,
        "addresses_free": sum(2 ** (32 - int(block.split("/")[1])) for block in plan.free),
    }
    assert f"{plan.used_addresses:,} addresses allocated; free blocks: {', '.join(plan.free)}" in out


def test_routing_routes_the_scenarios_destination(startup_run):
    p = _values("02_routing.ipynb")
    out = printed(startup_run.folder, "02_routing.ipynb")
    assert f"destination={p['destination']}, vpc_cidr={p['vpc_cidr']}, domain_name={p['domain_name']}" in out
    assert f"'domain-name': ['{p['domain_name']}']" in out
    choices = [
        routing.select_route(routes, p["destination"], prefix_lists=routing.S3_PREFIX_LIST)
        for routes in routing.ROUTE_TABLE_PRESETS.values()
    ]
    recorded = _recorded(startup_run, "02_routing.ipynb")
    assert recorded["destination_targets"] == [c.target_id if c.routed else "dropped" for c in choices]
    assert recorded["route_tables_routing_destination"] == sum(c.routed for c in choices)


def test_firewalls_walk_the_scenarios_ports(startup_run):
    p = _values("03_firewalls_packet_walk.ipynb")
    out = printed(startup_run.folder, "03_firewalls_packet_walk.ipynb")
    echoed = re.search(r"parameters: client_address=(\S+), client_port=(\d+), app_port=(\d+)", out)
    assert echoed and (int(echoed[2]), int(echoed[3])) == (p["client_port"], p["app_port"])
    client_address = echoed[1]
    assert f"in  rule 100 allow tcp {p['app_port']} from 10.0.0.0/24" in out
    result = walk.walk_packet(
        scenarios.two_tier_network(),
        source=client_address,
        destination=scenarios.WEB_PUBLIC_IP,
        port=443,
        source_port=p["client_port"],
    )
    recorded = _recorded(startup_run, "03_firewalls_packet_walk.ipynb")
    assert recorded["packet_walk_verdict"] == result.verdict and f"verdict: {result.verdict}" in out
    assert recorded["packet_walk_stopped_by"] == (result.blocking_hop.component if result.blocking_hop else "nothing")
    decision = firewall.evaluate_nacl(
        scenarios.web_nacl_entries(), egress=False, protocol="tcp", port=p["client_port"], address=client_address
    )
    assert recorded["nacl_verdict_client_port"] == ("allow" if decision.allowed else "deny")


def test_connecting_networks_peers_and_tunnels_the_scenarios_values(startup_run):
    p = _values("04_connecting_networks.ipynb")
    out = printed(startup_run.folder, "04_connecting_networks.ipynb")
    assert (
        f"vpc_b_cidr={p['vpc_b_cidr']}, tunnel_availability={p['tunnel_availability']}, office_cidr={p['office_cidr']}"
    ) in out
    status = peering.peering_status(["10.0.0.0/16"], [p["vpc_b_cidr"]], accepted=True, days_pending=1)
    assert f"model for A/B: {status}" in out
    recorded = _recorded(startup_run, "04_connecting_networks.ipynb")
    assert recorded["vpc_b_can_peer"] == peering.can_peer(["10.0.0.0/16"], [p["vpc_b_cidr"]])
    assert recorded["peering_status_when_accepted"] == status
    one = peering.vpn_availability(p["tunnel_availability"], 1)
    two = peering.vpn_availability(p["tunnel_availability"])
    assert recorded["vpn_hours_down_per_year_one_tunnel"] == round((1 - one) * 8760, 2)
    assert recorded["vpn_hours_down_per_year_two_tunnels"] == round((1 - two) * 8760, 4)


def test_route53_fails_over_with_the_scenarios_settings(startup_run):
    p = _values("05_route53.ipynb")
    seed = SCENARIO["parameters"]["seed"]
    out = printed(startup_run.folder, "05_route53.ipynb")
    assert (
        f"seed={seed}, ttl_seconds={p['ttl_seconds']}, request_interval={p['request_interval']}, "
        f"failure_threshold={p['failure_threshold']}"
    ) in out
    worst = route53.failover_seconds(p["request_interval"], p["failure_threshold"], p["ttl_seconds"])
    assert f"worst case (interval x threshold + TTL): {worst} s" in out
    timeline = healthcheck.failover_timeline(p["request_interval"], p["failure_threshold"], p["ttl_seconds"], seed=seed)
    half = next(t for t, s in zip(timeline.times_seconds, timeline.share_on_failed, strict=True) if s <= 0.5)
    assert _recorded(startup_run, "05_route53.ipynb") == {
        "failover_worst_case_seconds": worst,
        "detection_seconds": round(float(timeline.detection_seconds), 1),
        "half_traffic_moved_seconds": round(float(half)),
        "all_traffic_moved_seconds": round(float(timeline.all_moved_seconds), 1),
    }


def test_transit_gateway_walks_the_scenarios_design(startup_run):
    p = _values("06_transit_gateway.ipynb")
    out = printed(startup_run.folder, "06_transit_gateway.ipynb")
    assert (
        f"design={p['design']}, source_az={p['source_az']}, destination_az={p['destination_az']}, "
        f"ipam_pool={p['ipam_pool']}, vpcs_needed={p['vpcs_needed']}, vpc_netmask={p['vpc_netmask']}"
    ) in out
    verdicts = [
        tgw.can_reach(
            tgw.PRESETS[p["design"]],
            source=s,
            destination=d,
            source_az=p["source_az"],
            destination_az=p["destination_az"],
        ).verdict
        for _, s, d in tgw.FLOWS
    ]
    matrix = tgw.preset_matrix(p["design"], p["source_az"] != p["destination_az"])
    state = ipam.allocate(p["ipam_pool"], [p["vpc_netmask"]] * p["vpcs_needed"])
    assert _recorded(startup_run, "06_transit_gateway.ipynb") == {
        "flows_connected": verdicts.count("connected"),
        "flow_verdicts": verdicts,
        "pairs_connected_in_design": list(matrix.values()).count("connected"),
        "ipam_allocated": sum(a.cidr is not None for a in state.allocations),
        "ipam_refused": state.refused,
    }
    assert f"{state.refused} refused" in out


def test_privatelink_and_dns_answer_the_scenarios_queries(startup_run):
    p = _values("07_privatelink_and_dns.ipynb")
    out = printed(startup_run.folder, "07_privatelink_and_dns.ipynb")
    assert (
        f"query_name={p['query_name']}, origin={p['origin']}, consumer_az_ids={p['consumer_az_ids']}, "
        f"acceptance_required={p['acceptance_required']}, workload={p['workload']}"
    ) in out
    zones = [z.strip() for z in p["consumer_az_ids"].split(",")]
    service = dict(privatelink.SAMPLE_SERVICE, AcceptanceRequired=p["acceptance_required"])
    flowing = sum(
        privatelink.connect(
            service,
            privatelink.SAMPLE_PERMISSIONS,
            principal=principal,
            subnet_az_ids=zones,
            service_az_ids=privatelink.SAMPLE_SERVICE_AZ_IDS,
            provider_decision="accept",
        ).usable
        for _, principal in privatelink.SAMPLE_CONSUMERS
    )
    answer = resolver.resolve(resolver.SAMPLE_SETUP, p["query_name"], origin=p["origin"])
    assert _recorded(startup_run, "07_privatelink_and_dns.ipynb") == {
        "consumers_with_traffic_after_accept": flowing,
        "answered_by": answer.answered_by,
        "answer": answer.answer,
        "edge_choice": edge.choose_edge(**edge.WORKLOADS[p["workload"]]).choice,
    }
    assert f"answered by {answer.answered_by} -> {answer.answer}" in out


def test_bad_value_stops_the_notebook_with_a_clear_line(tmp_path):
    result = awslab(
        "run", str(NETWORKING / "01_addressing.ipynb"), "--output", str(tmp_path), "-p", "vpc_cidr", "10.0.0.0/12"
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        "FAILED  bad parameter (no cell was run): vpc_cidr='10.0.0.0/12': prefix /12 is outside the allowed range /16-/28"
        in result.stdout
    )
    assert "0 passed, 1 failed" in result.stdout
