"""Explorers of 04_redshift: distribution styles, joins, zone maps, COPY parallelism and WLM queues."""

from __future__ import annotations

from functools import lru_cache

from awslab import ui
from awslab.databases import figures
from awslab.databases import redshift as rs


@lru_cache(maxsize=64)
def _keys(rows: int, distinct: int, zipf: float, seed: int):
    return rs.sample_keys(rows, distinct, zipf_exponent=zipf, seed=seed)


def explore_distribution(zipf_exponent: float = 1.0, rows: int = 100_000, nodes: int = 2, seed: int = 0) -> ui.Explorer:
    """Rows per slice under EVEN, KEY and ALL distribution, as the distribution key gets more skewed.

    >>> explore_distribution().last_view.numbers["ALL stores"]
    '200,000 rows (2 copies)'
    """

    def view(zipf_exponent, node_type, nodes, rows):
        keys = _keys(rows, 1000, round(float(zipf_exponent), 6), seed)
        per_node = rs.SLICES_PER_NODE[node_type]
        layouts = {style: rs.distribute(keys, style, nodes=nodes, slices_per_node=per_node) for style in rs.DIST_STYLES}
        return ui.View(
            figures.slices_figure(layouts),
            {
                "KEY skew (fullest slice / mean)": f"{layouts['KEY'].skew:.2f}",
                "EVEN skew": f"{layouts['EVEN'].skew:.2f}",
                "ALL stores": f"{layouts['ALL'].stored_rows:,} rows ({nodes} copies)",
            },
        )

    return ui.explorer(
        "Distribution styles: rows over slices",
        [
            ui.Slider("zipf_exponent", "distribution-key skew (Zipf)", min=0, max=2, step=0.25, value=zipf_exponent),
            ui.Choice("node_type", "node type", options=["ra3.large", "ra3.4xlarge", "dc2.large"], value="ra3.large"),
            ui.Slider("nodes", "compute nodes", min=1, max=16, step=1, value=nodes, integer=True),
            ui.Number("rows", "rows", value=rows, integer=True),
        ],
        view,
    )


def explore_join(nodes: int = 2, fact_rows: int = 200_000, dimension_rows: int = 5_000, seed: int = 0) -> ui.Explorer:
    """Rows a join of a fact table (outer) and a dimension table (inner) moves, for each pair of styles.

    >>> explore_join().last_view.numbers["ALL/EVEN"]
    'DS_DIST_ALL_INNER: 5,000 rows'
    """

    def view(nodes, dimension_rows, fact_rows):
        fact = _keys(fact_rows, 5000, 0.0, seed)
        dimension = _keys(dimension_rows, 5000, 0.0, seed + 1)
        plans = {
            f"{outer}/{inner}": rs.join_redistribution(
                fact, dimension, outer_style=outer, inner_style=inner, nodes=nodes, slices_per_node=2
            )
            for outer, inner in rs.JOIN_PAIRS
        }
        return ui.View(
            figures.join_figure(plans),
            {name: f"{plan['label']}: {plan['rows_moved']:,} rows" for name, plan in plans.items()},
        )

    return ui.explorer(
        "Joining a fact table to a dimension table",
        [
            ui.Slider(
                "nodes",
                "compute nodes",
                min=1,
                max=16,
                step=1,
                value=nodes,
                integer=True,
                static_values=[1, 2, 4, 8, 16],
            ),
            ui.Number("dimension_rows", "dimension table rows", value=dimension_rows, integer=True),
            ui.Choice(
                "fact_rows", "fact table rows", options=[("20,000", 20_000), ("200,000", 200_000)], value=fact_rows
            ),
        ],
        view,
    )


ZONE_ROWS = 50_000
ZONE_ROWS_PER_BLOCK = 500
ZONE_DOMAIN = 1000


@lru_cache(maxsize=8)
def _zone_maps(seed: int) -> dict[str, rs.ZoneMaps]:
    return {
        s: rs.build_zone_maps(
            ZONE_ROWS, rows_per_block=ZONE_ROWS_PER_BLOCK, sort=s, distinct_values=ZONE_DOMAIN, seed=seed
        )
        for s in rs.SORT_STYLES
    }


def explore_zone_maps(filter_percent: float = 10, seed: int = 0) -> ui.Explorer:
    """Blocks a range filter reads under no sort key, a compound key (a, b) and an interleaved key (a, b).

    >>> explore_zone_maps().last_view.numbers["compound, filter on a"]
    '11% of blocks'
    """

    def view(filter_percent, filter_start):
        width = round(ZONE_DOMAIN * filter_percent / 100)
        if width < 1:
            raise ValueError(f"filter_percent={filter_percent} selects no values; use at least 0.1%")
        low = int(filter_start)
        bounds = (low, low + width - 1)
        comparison = rs.zone_map_comparison(bounds, bounds, maps_by_sort=_zone_maps(seed))
        scanned = comparison.set_index(["sort", "predicate"])["fraction_scanned"]
        return ui.View(
            figures.zone_map_figure(comparison, f"a {filter_percent:g}% range filter"),
            {
                "compound, filter on b only": f"{scanned['compound', 'b only']:.0%} of blocks",
                "interleaved, filter on b only": f"{scanned['interleaved', 'b only']:.0%} of blocks",
                "compound, filter on a": f"{scanned['compound', 'a only']:.0%} of blocks",
            },
        )

    return ui.explorer(
        f"Zone maps over {ZONE_ROWS:,} rows in blocks of {ZONE_ROWS_PER_BLOCK}",
        [
            ui.Slider(
                "filter_percent",
                "filter width",
                min=0.5,
                max=100,
                step=0.5,
                value=filter_percent,
                unit="%",
                static_values=[1, 2, 5, 10, 25, 50, 100],
            ),  # fmt: skip
            ui.Number("filter_start", "filter starts at value", value=0, integer=True),
        ],
        view,
    )


def explore_copy(nodes: int = 2, total_size_gib: float = 10, node_type: str = "ra3.4xlarge") -> ui.Explorer:
    """COPY load time against the number of input files, for a cluster of ``nodes``.

    >>> explore_copy().last_view.numbers["fastest"]
    '64 s with 8 files'
    """
    file_counts = [1, 2, 4, 8, 16, 32, 64, 128]

    def view(nodes, node_type, total_size_gib):
        per_node = rs.SLICES_PER_NODE[node_type]
        sweep = rs.copy_sweep(file_counts, total_size_gib, nodes=nodes, slices_per_node=per_node)
        one, best = sweep.iloc[0], sweep.loc[sweep["seconds"].idxmin()]
        return ui.View(
            figures.copy_figure(sweep),
            {
                "slices": f"{nodes * per_node}",
                "one file": f"{one['seconds']:,.0f} s",
                "fastest": f"{best['seconds']:,.0f} s with {int(best['files']):,} files",
            },
        )

    return ui.explorer(
        "COPY: split the input into a multiple of the slice count",
        [
            ui.Slider(
                "nodes",
                "compute nodes",
                min=1,
                max=16,
                step=1,
                value=nodes,
                integer=True,
                static_values=[1, 2, 4, 8, 16],
            ),
            ui.Choice("node_type", "node type", options=list(rs.SLICES_PER_NODE), value=node_type),
            ui.Number("total_size_gib", "data to load", value=total_size_gib, unit="GiB"),
        ],
        view,
    )


def explore_wlm(
    queries_per_minute: float = 30, long_share: float = 0.1, wlm_json: str = rs.TWO_QUEUES, seed: int = 0
) -> ui.Explorer:
    """Queue waits of short and long queries: one default queue of five slots vs your wlm_json_configuration.

    >>> explore_wlm().last_view.numbers["one queue, 5 slots: short queries' p95 wait"]
    '21.7 s'
    """

    def view(queries_per_minute, long_share, wlm_json):
        runs = {
            "one queue, 5 slots": rs.simulate_wlm(
                rs.parse_wlm_json(rs.ONE_QUEUE), queries_per_minute, long_share, seed=seed
            ),
            "your configuration": rs.simulate_wlm(
                rs.parse_wlm_json(wlm_json), queries_per_minute, long_share, seed=seed
            ),
        }
        numbers = {}
        for label, frame in runs.items():
            short = frame[frame["query_group"] == "short"]["wait_s"]
            numbers[f"{label}: short queries' p95 wait"] = f"{short.quantile(0.95):,.1f} s" if len(short) else "none"
        return ui.View(figures.wlm_wait_figure(runs), numbers)

    return ui.explorer(
        "WLM queues: short queries behind long ones",
        [
            ui.Slider(
                "queries_per_minute",
                "queries",
                min=5,
                max=60,
                step=5,
                value=queries_per_minute,
                unit="per minute",
                static_values=[10, 20, 30, 45, 60],
            ),  # fmt: skip
            ui.Slider("long_share", "share of long queries", min=0, max=0.5, step=0.05, value=long_share),
            ui.Text("wlm_json", "wlm_json_configuration", value=wlm_json, rows=3),
        ],
        view,
    )
