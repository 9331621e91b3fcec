"""Athena: what a query costs from the bytes it scans, and what the table's layout does to those bytes.

A table is modelled as a dataset (rows a day, days kept, columns with their size per row as text and how well each
compresses in a columnar file) stored in one :class:`Layout` (text, JSON or a columnar format; a compression ratio;
partitioned by date or not). A :class:`Query` names the columns it reads and how many days its partition predicate
keeps. :func:`bytes_scanned` follows Athena's rules as AWS describes them:

- a text or JSON file is read whole, whatever columns the query needs ("text formats can't be split"), and a
  compressed file is billed on its compressed size;
- a columnar file (Parquet, ORC) is read only for the columns the query references, plus each file's footer;
- a table partitioned by date is read only for the partitions the predicate keeps; an unpartitioned table is read
  for every day, whatever the WHERE clause says about dates.

:func:`query_cost` then prices the bytes: rounded up to the next megabyte, at least 10 MB a query, at USD 5.00 per
TB. DDL statements, partition management and failed queries are free; a cancelled query pays for what it scanned.

The model does not model row-group skipping from min/max statistics (sorted data in Parquet can skip more) nor
partition projection: both only ever lower the bytes further.

References:
    - Amazon Athena pricing, https://aws.amazon.com/athena/pricing/ (USD 5.00 per TB scanned; "rounded up to the
      nearest megabyte, with a 10 MB minimum per query"; no charge for DDL, partition statements or failed queries;
      cancelled queries billed for the data scanned; the worked example of a 3 TB table of 4 equally sized columns:
      USD 15 as text, USD 5 gzipped 3:1, USD 1.25 as Parquet reading one column). The page itself could not be
      opened from this machine on 2026-12-03; its wording was read in copies quoted verbatim in public repositories
      (aws-samples find-unused-lambda-functions README, which links the page), so treat the rate as of that date.
    - Amazon Athena User Guide, "Optimize data",
      https://docs.aws.amazon.com/athena/latest/ug/performance-tuning-data-optimization-techniques.html
      (read 2026-12-03): filtering on partition keys reads only matching partitions; columnar formats.
    - Amazon Athena User Guide, "Use partitioning and bucketing",
      https://docs.aws.amazon.com/athena/latest/ug/bucketing-vs-partitioning.html (read 2026-12-03)
    - Amazon Athena User Guide, "Configure per-query and per-workgroup data usage controls",
      https://docs.aws.amazon.com/athena/latest/ug/workgroups-setting-control-limits-cloudwatch.html
      (read 2026-12-03): a per-query limit cancels a query that scans more.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

# Amazon Athena pricing, https://aws.amazon.com/athena/pricing/, read (in verbatim copies) 2026-12-03. us-east-1.
USD_PER_TB = 5.00
MINIMUM_MB_PER_QUERY = 10
# AWS does not say whether its MB and TB are decimal; the pricing example's arithmetic (3 TB x USD 5 = USD 15) works
# in whole TB either way. The model uses decimal units, as AWS bills storage and transfer; pass bytes_per_mb=2**20
# (and bytes_per_tb=2**40) to price in binary units instead.
BYTES_PER_MB = 10**6
BYTES_PER_TB = 10**12

# Illustrative: a columnar file's footer (schema, row-group and column statistics) read once per file per query.
# AWS publishes no size; tens of KiB is typical for a few columns. Set it to 0 to drop it.
FOOTER_BYTES_PER_FILE = 16_384
# Illustrative: the 3:1 gzip ratio of AWS's own pricing example, used for compressed text.
GZIP_TEXT_RATIO = 3.0

STATEMENTS = ("DML", "DDL", "FAILED", "CANCELLED")


@dataclass(frozen=True)
class QueryCost:
    """What one query is billed: the bytes it scanned, the megabytes billed (rounded up, minimum applied), USD."""

    bytes_scanned: float
    billed_mb: int
    usd: float
    minimum_applied: bool


@checked
def query_cost(
    bytes_scanned: float,
    *,
    statement: str = "DML",
    usd_per_tb: float = USD_PER_TB,
    bytes_per_mb: int = BYTES_PER_MB,
    bytes_per_tb: int = BYTES_PER_TB,
) -> QueryCost:
    """The charge for one query that scanned ``bytes_scanned`` bytes: whole MB rounded up, 10 MB at least, USD.

    ``statement``: "DML" (a SELECT, CTAS or INSERT that ran), "CANCELLED" (billed like DML for what it scanned),
    "DDL" or "FAILED" (free).

    >>> query_cost(3 * 10**12).usd
    15.0
    >>> query_cost(1_000).billed_mb, query_cost(1_000).usd, query_cost(1_000).minimum_applied
    (10, 5e-05, True)
    >>> query_cost(10**9, statement="DDL").usd
    0.0
    """
    scanned = validate.number("bytes_scanned", bytes_scanned, minimum=0, maximum=1e18, unit="bytes")
    validate.choice("statement", statement, STATEMENTS)
    price = validate.number("usd_per_tb", usd_per_tb, minimum=0, maximum=1000, unit="USD/TB")
    mb = validate.integer("bytes_per_mb", bytes_per_mb, minimum=1)
    tb = validate.integer("bytes_per_tb", bytes_per_tb, minimum=mb)
    if statement in ("DDL", "FAILED"):
        return QueryCost(scanned, 0, 0.0, False)
    whole_mb = math.ceil(scanned / mb)
    billed = max(MINIMUM_MB_PER_QUERY, whole_mb)
    return QueryCost(scanned, billed, billed * mb / tb * price, whole_mb < MINIMUM_MB_PER_QUERY)


# --- The table: a dataset and how it is stored ------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    """One column: ``text_bytes`` per row in a text file (its delimiter included); ``columnar_ratio``: how many
    times smaller the column is in a compressed columnar file (dictionary and run-length encoding plus the codec)."""

    name: str
    text_bytes: float
    columnar_ratio: float = 3.0


@dataclass(frozen=True)
class Dataset:
    """A table's contents: its columns, rows written a day, days kept, and files written per day."""

    name: str
    columns: tuple[Column, ...]
    rows_per_day: int
    days: int
    files_per_day: int = 1

    def __post_init__(self):
        if not self.columns:
            raise ValueError(f"dataset {self.name!r} needs at least one column")
        names = [c.name for c in self.columns]
        if len(set(names)) != len(names):
            raise ValueError(f"dataset {self.name!r} has repeated column names: {names}")
        for c in self.columns:
            validate.number(f"{c.name}.text_bytes", c.text_bytes, minimum=0, exclusive_minimum=True, unit="bytes")
            validate.number(f"{c.name}.columnar_ratio", c.columnar_ratio, minimum=1, maximum=1000)
        validate.integer("rows_per_day", self.rows_per_day, minimum=1, maximum=10**12)
        validate.integer("days", self.days, minimum=1, maximum=36_500)
        validate.integer("files_per_day", self.files_per_day, minimum=1, maximum=10**6)

    @property
    def column_names(self) -> tuple[str, ...]:
        """The columns, in table order."""
        return tuple(c.name for c in self.columns)

    def text_bytes(self) -> float:
        """The whole table as uncompressed delimited text, in bytes."""
        return sum(c.text_bytes for c in self.columns) * self.rows_per_day * self.days


@dataclass(frozen=True)
class Layout:
    """How the table is stored: ``format`` "text" (CSV/TSV), "json" or "columnar" (Parquet/ORC); ``text_ratio``
    for compressed text (1 = uncompressed); ``codec_factor`` scales every column's columnar ratio (Snappy = 1);
    ``partitioned``: folders by date (Hive style ``dt=2026-01-01/``)."""

    name: str
    format: str
    text_ratio: float = 1.0
    codec_factor: float = 1.0
    partitioned: bool = False

    def __post_init__(self):
        validate.choice("format", self.format, ("text", "json", "columnar"))
        validate.number("text_ratio", self.text_ratio, minimum=1, maximum=100)
        validate.number("codec_factor", self.codec_factor, minimum=0.1, maximum=10)


# Six layouts of the same data, from the raw landing zone to the curated zone. Ratios are illustrative (see above).
LAYOUTS = {
    "csv": Layout("CSV", "text"),
    "csv_gzip": Layout("CSV, gzip", "text", text_ratio=GZIP_TEXT_RATIO),
    "json": Layout("JSON", "json"),
    "parquet": Layout("Parquet, Snappy", "columnar"),
    "parquet_partitioned": Layout("Parquet, Snappy, by date", "columnar", partitioned=True),
    "orc_partitioned": Layout("ORC, zlib, by date", "columnar", codec_factor=1.2, partitioned=True),
}

# A clickstream table: 5 million page views a day for a year. Text sizes are typical of such logs; the columnar
# ratios (illustrative) are high for low-cardinality columns (country, device) and low for unique ids and URLs.
WEB_EVENTS = Dataset(
    "web_events",
    (
        Column("event_time", 25, 6.0),
        Column("user_id", 13, 3.0),
        Column("session_id", 37, 2.0),
        Column("page_url", 80, 5.0),
        Column("referrer", 60, 6.0),
        Column("user_agent", 120, 20.0),
        Column("country", 3, 30.0),
        Column("device", 8, 40.0),
        Column("duration_ms", 6, 2.5),
        Column("revenue_usd", 8, 8.0),
    ),
    rows_per_day=5_000_000,
    days=365,
    files_per_day=24,
)

# The queries the notebook asks of it (columns read; the WHERE clause keeps a number of days).
SAMPLE_QUERIES = {
    "every column (SELECT *)": ("*",),
    "revenue by country": ("country", "revenue_usd"),
    "sessions per device": ("session_id", "device"),
    "slowest pages": ("page_url", "duration_ms"),
}


@dataclass(frozen=True)
class Query:
    """A query: the columns it references (``("*",)`` for all) and the days its partition predicate keeps."""

    columns: tuple[str, ...]
    days: int


@dataclass(frozen=True)
class Scan:
    """What one query reads from one layout: partitions and files opened, bytes scanned and the bill."""

    layout: str
    partitions_read: int
    files_read: int
    bytes_scanned: float
    cost: QueryCost


def _columns(dataset: Dataset, query: Query) -> tuple[Column, ...]:
    if tuple(query.columns) == ("*",):
        return dataset.columns
    if not query.columns:
        raise ValueError("query.columns is empty: name at least one column, or ('*',) for all")
    known = {c.name: c for c in dataset.columns}
    unknown = [c for c in query.columns if c not in known]
    if unknown:
        raise ValueError(
            f"query.columns has {', '.join(map(repr, unknown))}, not in {dataset.name}: {', '.join(known)}"
        )
    return tuple(known[name] for name in dict.fromkeys(query.columns))


@checked
def table_bytes(dataset: Dataset, layout: Layout) -> float:
    """The table's size in S3 in this layout, in bytes (what storage is billed on).

    >>> round(table_bytes(WEB_EVENTS, LAYOUTS["csv"]) / 1e12, 3)
    0.657
    """
    return _bytes(dataset, layout, dataset.columns, dataset.days, footers=False)


def _bytes(dataset: Dataset, layout: Layout, columns, days: int, *, footers: bool, footer_bytes: float = 0) -> float:
    rows = dataset.rows_per_day * days
    if layout.format == "columnar":
        data = rows * sum(c.text_bytes / (c.columnar_ratio * layout.codec_factor) for c in columns)
        return data + (dataset.files_per_day * days * footer_bytes if footers else 0.0)
    per_row = sum(c.text_bytes for c in dataset.columns)  # a row format is read whole
    if layout.format == "json":  # every row repeats each column's name: "name": plus braces
        per_row += sum(len(c.name) + 3 for c in dataset.columns) + 2
    return rows * per_row / layout.text_ratio


@checked
def bytes_scanned(
    dataset: Dataset,
    layout: Layout,
    query: Query,
    *,
    footer_bytes_per_file: float = FOOTER_BYTES_PER_FILE,
    usd_per_tb: float = USD_PER_TB,
) -> Scan:
    """The bytes one query scans from the table in this layout, and what it costs.

    >>> scan = bytes_scanned(WEB_EVENTS, LAYOUTS["parquet_partitioned"], Query(("country", "revenue_usd"), days=7))
    >>> scan.partitions_read, scan.files_read, round(scan.bytes_scanned / 1e6, 1), round(scan.cost.usd, 6)
    (7, 168, 41.3, 0.00021)
    """
    footer = validate.number("footer_bytes_per_file", footer_bytes_per_file, minimum=0, maximum=1e9, unit="bytes")
    days = validate.integer("query.days", query.days, minimum=1, maximum=dataset.days, maximum_name="dataset.days")
    columns = _columns(dataset, query)
    read_days = days if layout.partitioned else dataset.days
    scanned = _bytes(dataset, layout, columns, read_days, footers=True, footer_bytes=footer)
    return Scan(
        layout.name,
        read_days if layout.partitioned else 1,
        dataset.files_per_day * read_days,
        scanned,
        query_cost(scanned, usd_per_tb=usd_per_tb),
    )


@checked
def compare_layouts(dataset: Dataset, query: Query, layouts: dict[str, Layout] | None = None) -> list[Scan]:
    """The same query against every layout (``LAYOUTS`` by default), in the order given.

    >>> [round(s.cost.usd, 4) for s in compare_layouts(WEB_EVENTS, Query(("*",), days=1))]
    [3.285, 1.095, 4.38, 0.5729, 0.0016, 0.0013]
    """
    return [bytes_scanned(dataset, layout, query) for layout in (layouts or LAYOUTS).values()]


@checked
def monthly_usd(scan: Scan, queries_per_day: float, *, days_per_month: float = 30) -> float:
    """What running the scanned query ``queries_per_day`` times a day costs a month (USD).

    >>> monthly_usd(bytes_scanned(WEB_EVENTS, LAYOUTS["csv"], Query(("*",), 1)), 10)
    985.5
    """
    per_day = validate.number("queries_per_day", queries_per_day, minimum=0, maximum=1e7, unit="queries")
    month = validate.number("days_per_month", days_per_month, minimum=1, maximum=31, unit="days")
    return scan.cost.usd * per_day * month


def aws_pricing_example() -> tuple[Dataset, dict[str, Layout], Query]:
    """AWS's worked example: 3 TB of text in 4 equally sized columns, a query reading one column, and the three
    layouts the pricing page prices it in (text, gzip 3:1, Parquet compressed 3:1); footers are not counted.

    >>> dataset, layouts, query = aws_pricing_example()
    >>> [bytes_scanned(dataset, l, query, footer_bytes_per_file=0).cost.usd for l in layouts.values()]
    [15.0, 5.0, 1.25]
    """
    rows = 10**9
    per_column = 3 * 10**12 / rows / 4  # 750 bytes per row per column: 3 TB in all
    columns = tuple(Column(f"c{i}", per_column, 3.0) for i in range(1, 5))
    dataset = Dataset("aws_example", columns, rows_per_day=rows, days=1)
    layouts = {
        "text": Layout("uncompressed text", "text"),
        "gzip": Layout("text, gzip 3:1", "text", text_ratio=3.0),
        "parquet": Layout("Parquet, 3:1", "columnar"),
    }
    return dataset, layouts, Query(("c1",), days=1)
