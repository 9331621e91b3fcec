"""Explorers of 07_privatelink_and_dns: an endpoint service's connections, a DNS query's path, the edge chooser."""

from __future__ import annotations

from awslab import ui, validate
from awslab.networking import edge, figures, privatelink, resolver

AZ_IDS = ["use1-az1", "use1-az2", "use1-az4", "use1-az6"]


def explore_endpoint_service(
    consumer: str = "arn:aws:iam::111122223333:role/app",
    subnet_az_ids: str = "use1-az1, use1-az4",
    acceptance_required: bool = True,
    provider_decision: str = "not yet",
) -> ui.Explorer:
    """A consumer asks for an interface endpoint to the billing service: allowed? which state? which AZs?

    >>> explore_endpoint_service(provider_decision="accept").last_view.numbers["connection state"]
    'available'
    """

    def view(consumer, subnet_az_ids, acceptance_required, provider_decision):
        zones = [z.strip() for z in subnet_az_ids.split(",") if z.strip()]
        unknown = [z for z in zones if z not in AZ_IDS]
        if unknown:
            raise ValueError(f"subnet AZ IDs {unknown} are not among {', '.join(AZ_IDS)}")
        service = dict(privatelink.SAMPLE_SERVICE, AcceptanceRequired=acceptance_required)
        decision = None if provider_decision == "not yet" else provider_decision
        connection = privatelink.connect(
            service,
            privatelink.SAMPLE_PERMISSIONS,
            principal=consumer,
            subnet_az_ids=zones,
            service_az_ids=privatelink.SAMPLE_SERVICE_AZ_IDS,
            provider_decision=decision,
        )
        fig = figures.endpoint_connection_figure(connection, zones, privatelink.SAMPLE_SERVICE_AZ_IDS)
        return ui.View(
            fig,
            {
                "principal allowed": "yes" if connection.principal_allowed else "no",
                "connection state": connection.state or "not created",
                "AZs served": ", ".join(connection.az_ids_served) or "none",
                "traffic flows": "yes" if connection.usable else "no",
            },
        )

    return ui.explorer(
        "Endpoint service: who may connect, and where",
        [
            ui.Choice("consumer", "consumer", options=privatelink.SAMPLE_CONSUMERS, value=consumer),
            ui.Text("subnet_az_ids", "consumer subnets' AZ IDs", value=subnet_az_ids),
            ui.Toggle("acceptance_required", "acceptance required", value=acceptance_required),
            ui.Choice(
                "provider_decision", "provider", options=["not yet", "accept", "reject"], value=provider_decision
            ),
        ],
        view,
    )


def explore_dns_resolution(
    query: str = "app.corp.example.com from the VPC", inbound_endpoint: bool = True, extra_rule_json: str = ""
) -> ui.Explorer:
    """Which rule answers this query? DNS Firewall, Resolver rules, private zones, then public DNS.

    >>> explore_dns_resolution(query="c2.malware.example from the VPC").last_view.numbers["answered by"]
    'DNS Firewall rslvr-frg-threats'
    """
    queries = {label: (name, origin) for label, name, origin in resolver.SAMPLE_QUERIES}

    def view(query, inbound_endpoint, extra_rule_json):
        setup = resolver.SAMPLE_SETUP if inbound_endpoint else resolver.without_inbound_endpoint(resolver.SAMPLE_SETUP)
        if extra_rule_json.strip():
            for rule in validate.json_objects("extra rule", extra_rule_json):
                setup = resolver.with_rule(setup, rule)
        name, origin = queries[query]
        result = resolver.resolve(setup, name, origin=origin)
        return ui.View(
            figures.resolution_figure(result),
            {"answered by": result.answered_by, "answer": result.answer, "stages": str(len(result.steps))},
        )

    return ui.explorer(
        "Route 53 Resolver: which rule answers?",
        [
            ui.Choice("query", "query", options=list(queries), value=query),
            ui.Toggle("inbound_endpoint", "inbound endpoint exists", value=inbound_endpoint),
            ui.Text("extra_rule_json", "add a Resolver rule (JSON)", value=extra_rule_json, rows=2),
        ],
        view,
    )


def explore_edge_choice(workload: str = "static website and images") -> ui.Explorer:
    """Global Accelerator or CloudFront for a workload, and why.

    >>> explore_edge_choice(workload="multiplayer game over UDP").last_view.numbers["choose"]
    'Global Accelerator'
    """

    def view(workload):
        choice = edge.choose_edge(**edge.WORKLOADS[workload])
        return ui.View(
            figures.edge_scores_figure(choice, title=f"{workload}: {choice.choice}"),
            {"choose": choice.choice, "because": "; ".join(choice.reasons)},
        )

    return ui.explorer(
        "Edge front door: Global Accelerator or CloudFront?",
        [ui.Choice("workload", "workload", options=list(edge.WORKLOADS), value=workload)],
        view,
    )
