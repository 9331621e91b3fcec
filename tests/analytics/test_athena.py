"""Athena: the bill per query (rounding, the 10 MB minimum, free statements), AWS's worked example, and what
partitioning, columnar formats and compression do to the bytes scanned."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.analytics import athena
from awslab.analytics.athena import LAYOUTS, WEB_EVENTS, Query, bytes_scanned, query_cost


def test_aws_pricing_example():
    # Amazon Athena pricing page, "Example": 3 TB of text in 4 equally sized columns, a query reading one column:
    # USD 15 as text, USD 5 gzipped 3:1, USD 1.25 as Parquet compressed 3:1 (0.25 TB scanned). Read 2026-12-03.
    dataset, layouts, query = athena.aws_pricing_example()
    scans = [bytes_scanned(dataset, layout, query, footer_bytes_per_file=0) for layout in layouts.values()]
    assert [s.bytes_scanned for s in scans] == pytest.approx([3e12, 1e12, 0.25e12])
    assert [s.cost.usd for s in scans] == pytest.approx([15.0, 5.0, 1.25])


@pytest.mark.parametrize(
    "scanned, billed_mb, usd, minimum",
    [
        (0, 10, 0.00005, True),  # a query that reads nothing still pays the minimum
        (1_000, 10, 0.00005, True),
        (10_000_000, 10, 0.00005, False),  # exactly 10 MB
        (10_000_001, 11, 0.000055, False),  # one byte over rounds up to the next megabyte
        (12_300_000, 13, 0.000065, False),
        (10**12, 1_000_000, 5.0, False),  # 1 TB at USD 5.00
    ],
)
def test_rounding_and_minimum(scanned, billed_mb, usd, minimum):
    # "rounded up to the nearest megabyte, with a 10 MB minimum per query" (Athena pricing, read 2026-12-03)
    cost = query_cost(scanned)
    assert (cost.billed_mb, cost.minimum_applied) == (billed_mb, minimum)
    assert cost.usd == pytest.approx(usd)


def test_free_and_cancelled_statements():
    # No charge for DDL or failed queries; cancelled queries are billed for the data scanned (Athena pricing).
    assert query_cost(5e9, statement="DDL").usd == 0 and query_cost(5e9, statement="FAILED").usd == 0
    assert query_cost(5e9, statement="CANCELLED").usd == query_cost(5e9).usd == pytest.approx(0.025)


def test_binary_units_can_be_chosen():
    cost = query_cost(2**40, bytes_per_mb=2**20, bytes_per_tb=2**40)
    assert cost.usd == pytest.approx(5.0) and cost.billed_mb == 2**20


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(bytes_scanned=-1), "bytes_scanned=-1 is outside the allowed range"),
        (dict(bytes_scanned=1, statement="SELECT"), "statement='SELECT' is not one of: DML, DDL, FAILED, CANCELLED"),
    ],
)
def test_bad_cost_input_is_named(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        query_cost(**kwargs)


def test_bad_query_is_named():
    with pytest.raises(ValueError, match="query.columns has 'price', not in web_events"):
        bytes_scanned(WEB_EVENTS, LAYOUTS["parquet"], Query(("price",), 1))
    with pytest.raises(ValueError, match=r"query.days=400 is outside the allowed range \(1 to dataset.days=365\)"):
        bytes_scanned(WEB_EVENTS, LAYOUTS["parquet"], Query(("*",), 400))


def test_each_lever_divides_as_documented():
    one_day = Query(("country", "revenue_usd"), 1)
    csv, gz = (bytes_scanned(WEB_EVENTS, LAYOUTS[k], one_day).bytes_scanned for k in ("csv", "csv_gzip"))
    assert gz == pytest.approx(csv / athena.GZIP_TEXT_RATIO)  # compression divides everything
    flat = bytes_scanned(WEB_EVENTS, LAYOUTS["parquet"], one_day, footer_bytes_per_file=0).bytes_scanned
    parted = bytes_scanned(WEB_EVENTS, LAYOUTS["parquet_partitioned"], one_day, footer_bytes_per_file=0).bytes_scanned
    assert parted == pytest.approx(flat / WEB_EVENTS.days)  # partition pruning keeps 1 day of 365
    # a row format is read whole whatever the columns; JSON repeats column names in every row
    assert bytes_scanned(WEB_EVENTS, LAYOUTS["csv"], Query(("*",), 1)).bytes_scanned == csv
    assert bytes_scanned(WEB_EVENTS, LAYOUTS["json"], one_day).bytes_scanned > csv


def test_small_files_cost_footers():
    many = athena.Dataset("many", WEB_EVENTS.columns, WEB_EVENTS.rows_per_day, 30, files_per_day=5000)
    few = athena.Dataset("few", WEB_EVENTS.columns, WEB_EVENTS.rows_per_day, 30, files_per_day=1)
    q = Query(("country",), 30)
    assert (
        bytes_scanned(many, LAYOUTS["parquet_partitioned"], q).bytes_scanned
        > bytes_scanned(few, LAYOUTS["parquet_partitioned"], q).bytes_scanned
    )


COLUMN_SETS = st.lists(st.sampled_from(WEB_EVENTS.column_names), min_size=1, max_size=10, unique=True)


@given(columns=COLUMN_SETS, days=st.integers(1, WEB_EVENTS.days), layout=st.sampled_from(sorted(LAYOUTS)))
def test_partition_pruning_never_increases_bytes(columns, days, layout):
    base = LAYOUTS[layout]
    flat = athena.Layout(base.name, base.format, base.text_ratio, base.codec_factor, partitioned=False)
    parted = athena.Layout(base.name, base.format, base.text_ratio, base.codec_factor, partitioned=True)
    q = Query(tuple(columns), days)
    assert bytes_scanned(WEB_EVENTS, parted, q).bytes_scanned <= bytes_scanned(WEB_EVENTS, flat, q).bytes_scanned


@given(columns=COLUMN_SETS, extra=st.sampled_from(WEB_EVENTS.column_names), days=st.integers(1, 365))
def test_reading_more_columns_never_scans_less(columns, extra, days):
    for layout in LAYOUTS.values():
        fewer = bytes_scanned(WEB_EVENTS, layout, Query(tuple(columns), days)).bytes_scanned
        more = bytes_scanned(WEB_EVENTS, layout, Query(tuple(dict.fromkeys([*columns, extra])), days)).bytes_scanned
        assert more >= fewer


@given(columns=COLUMN_SETS, days=st.integers(1, 364))
def test_more_days_never_scans_less(columns, days):
    for layout in LAYOUTS.values():
        assert (
            bytes_scanned(WEB_EVENTS, layout, Query(tuple(columns), days + 1)).bytes_scanned
            >= bytes_scanned(WEB_EVENTS, layout, Query(tuple(columns), days)).bytes_scanned
        )


@given(a=st.floats(0, 1e15), b=st.floats(0, 1e15))
def test_cost_is_monotone_in_bytes(a, b):
    low, high = sorted((a, b))
    assert query_cost(low).usd <= query_cost(high).usd


@given(scanned=st.floats(0, 1e15))
def test_the_minimum_always_applies(scanned):
    cost = query_cost(scanned)
    assert cost.billed_mb >= athena.MINIMUM_MB_PER_QUERY
    assert cost.usd >= athena.MINIMUM_MB_PER_QUERY * athena.BYTES_PER_MB / athena.BYTES_PER_TB * athena.USD_PER_TB
    assert cost.billed_mb * athena.BYTES_PER_MB >= scanned  # never billed for less than was read
    assert cost.billed_mb * athena.BYTES_PER_MB - scanned < athena.BYTES_PER_MB or cost.minimum_applied


@given(columns=COLUMN_SETS, days=st.integers(1, 365))
def test_columnar_never_scans_more_than_its_own_table(columns, days):
    q = Query(tuple(columns), days)
    for layout in LAYOUTS.values():
        scan = bytes_scanned(WEB_EVENTS, layout, q, footer_bytes_per_file=0)
        assert scan.bytes_scanned <= athena.table_bytes(WEB_EVENTS, layout) * (1 + 1e-9)
