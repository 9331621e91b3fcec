"""Explorers for 09_threat_detection: "which service tells me X", and which services read a data source."""

from __future__ import annotations

from awslab import theme, ui
from awslab.security import figures, threat_detection

COVERAGE_HEIGHT_PX = 640  # 16 data-source rows need more than the course's default 420 px


def explore_which_service(question: str = "c2-traffic") -> ui.Explorer:
    """Pick a question: the service that answers it lights up with the data sources it reads.

    >>> explore_which_service("ecr-cve").last_view.numbers["ask"]
    'Amazon Inspector'
    """

    def view(question):
        q = threat_detection.which_service(question)
        service = threat_detection.SERVICES[q.service]
        return ui.View(
            theme.apply(
                figures.coverage_figure(
                    threat_detection.coverage_table(), service=q.service, title=f"{q.label}: ask {q.service}"
                ),
                height=COVERAGE_HEIGHT_PX,
            ),
            {"ask": q.service, "its job": service.job, "data sources it reads": str(len(service.sees))},
        )

    return ui.explorer(
        "Which service tells me...",
        [
            ui.Choice(
                "question",
                "question",
                options=[(q.label, k) for k, q in threat_detection.QUESTIONS.items()],
                value=question,
            )
        ],
        view,
    )


def explore_data_source(source: str = "VPC Flow Logs") -> ui.Explorer:
    """Pick a data source: which services read it.

    >>> explore_data_source("HTTP(S) requests").last_view.numbers["read by"]
    'AWS Shield Advanced, AWS WAF'
    """

    def view(source):
        readers = threat_detection.services_seeing(source)
        return ui.View(
            theme.apply(
                figures.coverage_figure(
                    threat_detection.coverage_table(), source=source, title=f"Who reads {source}"[:60]
                ),
                height=COVERAGE_HEIGHT_PX,
            ),
            {"read by": ", ".join(readers) or "none", "services": str(len(readers))},
        )

    return ui.explorer(
        "Data sources of the detection services",
        [ui.Choice("source", "data source", options=list(threat_detection.DATA_SOURCES), value=source)],
        view,
    )
