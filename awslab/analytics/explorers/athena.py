"""Explorers of 08_analytics/03_athena_and_the_data_lake: bytes scanned per table layout, and the 10 MB minimum."""

from __future__ import annotations

from awslab import ui, validate
from awslab.analytics import athena, figures

DAYS_STEPS = [1, 7, 30, 90, 365]
KB_STEPS = [1, 100, 1_000, 5_000, 10_000, 20_000, 100_000]


def explore_layouts(
    days: int = 7,
    query: str = "revenue by country",
    queries_per_day: float = 50,
    dataset: athena.Dataset | None = None,
) -> ui.Explorer:
    """One query against six layouts of the same table: move the days the WHERE clause keeps.

    >>> explore_layouts().last_view.numbers["cheapest"]
    'ORC, zlib, by date: USD 0.0002 a query'
    """
    table = dataset or athena.WEB_EVENTS

    def view(days, query, queries_per_day):
        validate.choice("query", query, athena.SAMPLE_QUERIES)
        scans = athena.compare_layouts(table, athena.Query(athena.SAMPLE_QUERIES[query], days))
        monthly = [athena.monthly_usd(s, queries_per_day) for s in scans]
        cheapest = min(range(len(scans)), key=lambda i: scans[i].bytes_scanned)
        csv = scans[0]
        return ui.View(
            figures.layouts_figure(scans, f"{query}, {days} day(s) of {table.days}: bytes scanned per layout"),
            {
                "CSV": f"{csv.bytes_scanned / 1e9:,.1f} GB, USD {csv.cost.usd:,.4f} a query",
                "cheapest": f"{scans[cheapest].layout}: USD {scans[cheapest].cost.usd:,.4f} a query",
                "scanned less than CSV": f"{csv.bytes_scanned / scans[cheapest].bytes_scanned:,.0f}x",
                f"a month at {queries_per_day:g} a day": f"USD {monthly[0]:,.2f} (CSV) vs USD {monthly[cheapest]:,.2f}",
            },
        )

    return ui.explorer(
        "Athena: what the layout does to bytes scanned",
        [
            ui.Slider(
                "days",
                "days the WHERE clause keeps",
                min=1,
                max=table.days,
                step=1,
                value=days,
                integer=True,
                static_values=DAYS_STEPS,
            ),
            ui.Choice("query", "query", options=list(athena.SAMPLE_QUERIES), value=query),
            ui.Number("queries_per_day", "queries a day", value=queries_per_day),
        ],
        view,
    )


def explore_minimum(kb_per_query: float = 1_000, queries_per_day: float = 10_000) -> ui.Explorer:
    """Small queries and the 10 MB minimum: the bill of a dashboard that runs many tiny queries.

    >>> explore_minimum().last_view.numbers["billed"]
    '10 MB (the minimum): USD 0.00005 a query'
    """

    def view(kb_per_query, queries_per_day):
        scanned = validate.number("kb_per_query", kb_per_query, minimum=0, maximum=1e10, unit="KB") * 1000
        per_day = validate.number("queries_per_day", queries_per_day, minimum=0, maximum=1e7, unit="queries")
        cost = athena.query_cost(scanned)
        sizes_mb = [0.001 * 10 ** (i / 4) for i in range(0, 29)]  # 1 KB to 10 GB
        billed = [athena.query_cost(mb * 1e6).usd for mb in sizes_mb]
        linear = [mb * 1e6 / athena.BYTES_PER_TB * athena.USD_PER_TB for mb in sizes_mb]
        note = " (the minimum)" if cost.minimum_applied else ""
        return ui.View(
            figures.minimum_figure(sizes_mb, billed, linear, scanned / 1e6, cost.usd),
            {
                "billed": f"{cost.billed_mb:,} MB{note}: USD {cost.usd:.5f} a query",
                "a month": f"USD {cost.usd * per_day * 30:,.2f} for {per_day * 30:,.0f} queries",
                "paid for bytes never scanned": f"{max(0.0, 1 - scanned / (cost.billed_mb * 1e6)):.0%}",
            },
        )

    return ui.explorer(
        "Athena: rounding up and the 10 MB minimum",
        [
            ui.Slider(
                "kb_per_query",
                "KB scanned a query",
                min=1,
                max=100_000,
                step=1,
                value=kb_per_query,
                static_values=KB_STEPS,
                unit="KB",
            ),
            ui.Number("queries_per_day", "queries a day", value=queries_per_day),
        ],
        view,
    )
