"""DynamoDB capacity: read and write units, item sizes, index write amplification, paging, partitions and cost.

Sizes are bytes; 1 KB = 1024 bytes, as DynamoDB's capacity rounding uses. Items are DynamoDB JSON
(``{"Id": {"N": "101"}, "Title": {"S": "Book"}}``), the shape ``GetItem`` returns and ``PutItem`` accepts.

References:
    - Amazon DynamoDB Developer Guide, "DynamoDB read and write operations",
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html (read 2026-11-27)
    - Amazon DynamoDB Developer Guide, "DynamoDB provisioned capacity mode",
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ProvisionedThroughput.html (read 2026-11-27)
    - Amazon DynamoDB Developer Guide, "Quotas in Amazon DynamoDB",
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html (read 2026-11-27)
    - Amazon DynamoDB API Reference, "BatchGetItem",
      https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html (read 2026-11-27)
    - Amazon DynamoDB Developer Guide, "Paginating table query results",
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html (read 2026-11-27)
    - Amazon DynamoDB Developer Guide (2017 edition), "Best practices for designing and using partition keys",
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GuidelinesForTables.html (read 2026-11-27)
    - Amazon DynamoDB Developer Guide, "Capacity unit consumption",
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html (read 2026-11-27)
    - Amazon DynamoDB Developer Guide, "Global secondary indexes" (write throughput),
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html (read 2026-11-27)
    - Amazon DynamoDB Developer Guide, "Local secondary indexes" (write throughput),
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html (read 2026-11-27)
    - Amazon DynamoDB Developer Guide, "Supported data types and naming rules in Amazon DynamoDB" (sets, numbers),
      https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
      (read 2026-12-03)
    - Amazon DynamoDB pricing, "Pricing for on-demand capacity",
      https://aws.amazon.com/dynamodb/pricing/on-demand/ (read 2026-11-27)
    - Amazon DynamoDB pricing, "Pricing for provisioned capacity",
      https://aws.amazon.com/dynamodb/pricing/provisioned/ (read 2026-11-27)
"""

from __future__ import annotations

import base64
import math
import operator
import re
import reprlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

KIB = 1024

# --- Limits and capacity rules ---------------------------------------------------------------------------------
# Read/write unit sizes, consistency multipliers, missing-item minimum, operation rounding rules.
# https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html (read 2026-11-27)
# https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ProvisionedThroughput.html (read 2026-11-27)
READ_UNIT_BYTES = 4 * KIB
WRITE_UNIT_BYTES = 1 * KIB
READ_UNITS_PER_READ = {"strong": 1.0, "eventual": 0.5, "transactional": 2.0}
# Maximum item size 400 KB.
# https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html (read 2026-11-27)
MAX_ITEM_BYTES = 400 * KIB
# BatchGetItem reads at most 100 items, BatchWriteItem writes at most 25; Query and Scan read at most 1 MB per call.
# https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html (read 2026-11-27)
# https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html (read 2026-11-27)
BATCH_GET_MAX_ITEMS = 100
BATCH_WRITE_MAX_ITEMS = 25
PAGE_LIMIT_BYTES = 1024 * KIB
# Classic (2017) partition sizing, historical: one partition served 3,000 RCU or 1,000 WCU and held ~10 GB.
# https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GuidelinesForTables.html (2017 edition,
# awsdocs/amazon-dynamodb-developer-guide, read 2026-11-27). Today's per-partition ceilings are the same numbers.
PARTITION_MAX_RCU = 3000
PARTITION_MAX_WCU = 1000
PARTITION_MAX_GB = 10

# --- Prices: us-east-1 list prices, Standard table class ----------------------------------------------------------
# https://aws.amazon.com/dynamodb/pricing/on-demand/ and .../provisioned/ (read 2026-11-27; on-demand halved
# on 2024-11-01). Override through the function parameters for another region or a later price list.
ON_DEMAND_USD_PER_MILLION_WRITE_REQUEST_UNITS = 0.625
ON_DEMAND_USD_PER_MILLION_READ_REQUEST_UNITS = 0.125
PROVISIONED_USD_PER_WCU_HOUR = 0.00065
PROVISIONED_USD_PER_RCU_HOUR = 0.00013
STORAGE_USD_PER_GB_MONTH = 0.25
HOURS_PER_MONTH = 730
SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600
# Provisioned sizing: reserve peak / target utilisation. 0.7 is our assumption, a common target; auto scaling's
# target tracking accepts 20-90 % (DynamoDB Developer Guide, "Managing throughput capacity automatically with
# DynamoDB auto scaling", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html,
# read 2026-12-03).
TARGET_UTILIZATION = 0.7
TARGET_UTILIZATION_RANGE = (0.2, 0.9)

_READ_CONSISTENCIES = tuple(READ_UNITS_PER_READ)
_PAGED_CONSISTENCIES = ("strong", "eventual")


def _item_size(name: str, value: Any) -> int:
    if not isinstance(value, (bool, int, float)) and hasattr(value, "__index__"):
        value = operator.index(value)  # numpy integers from an array
    size = validate.integer(name, value, minimum=0, unit="bytes")
    if size > MAX_ITEM_BYTES:
        raise ValueError(f"{name}={size!r} is larger than the DynamoDB item limit of {MAX_ITEM_BYTES} bytes (400 KB)")
    return size


def _sizes(name: str, values: Any) -> list[int]:
    if isinstance(values, (str, bytes, Mapping)) or not hasattr(values, "__iter__"):
        raise ValueError(f"{name} must be a list of item sizes in bytes, got {values!r}")
    return [_item_size(f"{name}[{i}]", v) for i, v in enumerate(list(values))]


@checked
def read_capacity_units(item_size_bytes: int, consistency: str = "strong") -> float:
    """Read capacity units one GetItem of an item of ``item_size_bytes`` consumes (size rounded up to 4 KB).

    ``consistency`` is "strong" (1 unit per 4 KB), "eventual" (1/2) or "transactional" (2). A read of a
    missing item (size 0) still costs one 4 KB unit.

    >>> read_capacity_units(6000)
    2.0
    >>> read_capacity_units(6000, "eventual")
    1.0
    """
    size = _item_size("item_size_bytes", item_size_bytes)
    validate.choice("consistency", consistency, _READ_CONSISTENCIES)
    return max(1, math.ceil(size / READ_UNIT_BYTES)) * READ_UNITS_PER_READ[consistency]


@checked
def write_capacity_units(item_size_bytes: int, transactional: bool = False) -> float:
    """Write capacity units one PutItem/UpdateItem/DeleteItem of ``item_size_bytes`` consumes (rounded up to 1 KB).

    >>> write_capacity_units(1500)
    2.0
    >>> write_capacity_units(1500, transactional=True)
    4.0
    """
    size = _item_size("item_size_bytes", item_size_bytes)
    if not isinstance(transactional, bool):
        raise ValueError(f"transactional must be True or False, got {transactional!r}")
    return float(max(1, math.ceil(size / WRITE_UNIT_BYTES)) * (2 if transactional else 1))


@checked
def query_read_capacity_units(item_sizes_bytes: list[int], consistency: str = "strong") -> float:
    """Read units of one Query or Scan call that reads these items: sizes summed first, then rounded up to 4 KB.

    For a Scan, pass the sizes of the items evaluated, not only those returned by a filter.

    >>> query_read_capacity_units([1000] * 10)
    3.0
    """
    sizes = _sizes("item_sizes_bytes", item_sizes_bytes)
    validate.choice("consistency", consistency, _PAGED_CONSISTENCIES)
    return max(1, math.ceil(sum(sizes) / READ_UNIT_BYTES)) * READ_UNITS_PER_READ[consistency]


@checked
def batch_get_read_capacity_units(item_sizes_bytes: list[int], consistency: str = "strong") -> float:
    """Read units of one BatchGetItem (or TransactGetItems with "transactional"): each item rounded up on its own.

    >>> batch_get_read_capacity_units([1000] * 10)
    10.0
    """
    sizes = _sizes("item_sizes_bytes", item_sizes_bytes)
    if not 1 <= len(sizes) <= BATCH_GET_MAX_ITEMS:
        raise ValueError(f"item_sizes_bytes has {len(sizes)} items; one batch reads 1 to {BATCH_GET_MAX_ITEMS}")
    validate.choice("consistency", consistency, _READ_CONSISTENCIES)
    return sum(read_capacity_units(size, consistency) for size in sizes)


@checked
def batch_write_capacity_units(item_sizes_bytes: list[int]) -> float:
    """Write units of one BatchWriteItem (puts and deletes, up to 25): each item rounded up to 1 KB on its own.

    >>> batch_write_capacity_units([500, 1500])
    3.0
    """
    sizes = _sizes("item_sizes_bytes", item_sizes_bytes)
    if not 1 <= len(sizes) <= BATCH_WRITE_MAX_ITEMS:
        raise ValueError(f"item_sizes_bytes has {len(sizes)} items; one batch writes 1 to {BATCH_WRITE_MAX_ITEMS}")
    return sum(write_capacity_units(size) for size in sizes)


@checked
def initial_partitions(read_capacity_units: float, write_capacity_units: float) -> int:
    """Historical (2017) initial partition count: ceil(RCU / 3,000 + WCU / 1,000), at least one partition.

    >>> initial_partitions(7500, 4000)
    7
    """
    rcu = validate.number("read_capacity_units", read_capacity_units, minimum=0, unit="RCU")
    wcu = validate.number("write_capacity_units", write_capacity_units, minimum=0, unit="WCU")
    exact = Fraction(rcu) / PARTITION_MAX_RCU + Fraction(wcu) / PARTITION_MAX_WCU
    return max(1, math.ceil(exact))


@checked
def classic_partition_count(read_capacity_units: float, write_capacity_units: float, table_size_gb: float) -> int:
    """Historical partition estimate: enough for the throughput and for ~10 GB of data per partition.

    >>> classic_partition_count(1000, 500, 25)
    3
    """
    size = validate.number("table_size_gb", table_size_gb, minimum=0, unit="GB")
    return max(initial_partitions(read_capacity_units, write_capacity_units), math.ceil(size / PARTITION_MAX_GB))


@checked
def partitions_after_throughput_increase(
    current_partitions: int, read_capacity_units: float, write_capacity_units: float
) -> int:
    """Historical rule: when new throughput no longer fits, DynamoDB doubled the partition count (never merged).

    >>> partitions_after_throughput_increase(2, 12000, 0)
    4
    """
    count = validate.integer("current_partitions", current_partitions, minimum=1)
    needed = initial_partitions(read_capacity_units, write_capacity_units)
    while count < needed:
        count *= 2
    return count


# --- Item sizes -------------------------------------------------------------------------------------------------
# https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html (read 2026-11-27)
LIST_MAP_OVERHEAD_BYTES = 3


# Data types (HowItWorks.NamingRulesDataTypes.html): a number is text of up to 38 significant digits; "DynamoDB does
# not support empty sets" and each value in a set must be unique. ServiceQuotas.html: nested attributes go at most
# 32 levels deep. (Both read 2026-12-03.)
MAX_NESTING_LEVELS = 32
_NUMBER_TEXT = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_TYPES = ("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M")


def _number_bytes(text: str, where: str = "value") -> int:
    if isinstance(text, (int, float)) and not isinstance(text, bool) and math.isfinite(text):
        text = repr(text)
    if not isinstance(text, str) or len(text) > 200 or not _NUMBER_TEXT.fullmatch(text.strip()):
        raise ValueError(f"{where} must be a number written as text, such as {{'N': '42'}}, got {text!r}")
    digits = text.strip().lstrip("+-").lower().split("e")[0].replace(".", "").strip("0")
    if len(digits) > 38:
        raise ValueError(f"{where}={text!r} has {len(digits)} significant digits; DynamoDB keeps at most 38")
    return math.ceil(max(1, len(digits)) / 2) + 1


def _binary_bytes(value: Any, where: str = "value") -> int:
    if isinstance(value, (bytes, bytearray)):
        return len(value)
    if not isinstance(value, str):
        raise ValueError(f"{where} must be bytes or base64 text, got {value!r}")
    try:
        return len(base64.b64decode(value, validate=True))
    except ValueError:
        raise ValueError(f"{where}={value!r} is not valid base64") from None


def _set_payload(kind: str, payload: Any, where: str) -> list:
    if not isinstance(payload, (list, tuple, set, frozenset)):
        raise ValueError(f"{where} ({kind}) must be a list of values, got {payload!r}")
    if not payload:
        raise ValueError(f"{where} ({kind}) is an empty set; DynamoDB does not support empty sets")
    values = list(payload)
    try:
        unique = len({bytes(v) if isinstance(v, bytearray) else v for v in values})
    except TypeError:
        raise ValueError(
            f"{where} ({kind}) must hold only strings, numbers or binary values, got {payload!r}"
        ) from None
    if unique != len(values):
        raise ValueError(f"{where} ({kind}) holds duplicates; each value in a set must be unique")
    return values


def _value_bytes(value: Any, where: str, depth: int) -> int:  # noqa: C901 - one branch per attribute type
    if not isinstance(value, Mapping) or len(value) != 1:
        raise ValueError(f"{where} must be one-key DynamoDB JSON like {{'S': 'text'}}, got {reprlib.repr(value)}")
    if depth > MAX_NESTING_LEVELS:
        raise ValueError(f"{where} is nested more than {MAX_NESTING_LEVELS} levels deep, the most DynamoDB allows")
    ((kind, payload),) = value.items()
    here = f"{where}[{kind!r}]"
    if kind == "S":
        if not isinstance(payload, str):
            raise ValueError(f"{here} must be a string, got {payload!r}")
        return len(payload.encode("utf-8"))
    if kind == "N":
        return _number_bytes(payload, here)
    if kind == "B":
        return _binary_bytes(payload, here)
    if kind == "BOOL":
        if not isinstance(payload, bool):
            raise ValueError(f"{here} must be True or False, got {payload!r}")
        return 1
    if kind == "NULL":
        if payload is not True:
            raise ValueError(f"{here} must be True (DynamoDB JSON writes null as {{'NULL': True}}), got {payload!r}")
        return 1
    if kind == "SS":
        items = _set_payload(kind, payload, where)
        if not all(isinstance(s, str) for s in items):
            raise ValueError(f"{here} must hold only strings, got {reprlib.repr(payload)}")
        return sum(len(s.encode("utf-8")) for s in items)
    if kind == "NS":
        return sum(_number_bytes(n, f"{here}[{i}]") for i, n in enumerate(_set_payload(kind, payload, where)))
    if kind == "BS":
        return sum(_binary_bytes(b, f"{here}[{i}]") for i, b in enumerate(_set_payload(kind, payload, where)))
    if kind == "L":
        if not isinstance(payload, (list, tuple)):
            raise ValueError(f"{here} must be a list of attribute values, got {reprlib.repr(payload)}")
        return LIST_MAP_OVERHEAD_BYTES + sum(_value_bytes(v, f"{here}[{i}]", depth + 1) for i, v in enumerate(payload))
    if kind == "M":
        return LIST_MAP_OVERHEAD_BYTES + _item_bytes(payload, here, depth + 1)
    raise ValueError(f"{where}: attribute type {kind!r} is not one of: {', '.join(_TYPES)}")


def _item_bytes(item: Any, where: str, depth: int = 1) -> int:
    if not isinstance(item, Mapping):
        raise ValueError(
            f"{where} must be a DynamoDB JSON mapping of attribute name to value, got {reprlib.repr(item)}"
        )
    total = 0
    for name, value in item.items():
        if not isinstance(name, str) or not name:
            raise ValueError(f"{where} has an attribute name {name!r}; names are non-empty strings")
        total += len(name.encode("utf-8")) + _value_bytes(value, f"{where}[{name!r}]", depth)
    return total


@checked
def attribute_value_bytes(value: Mapping[str, Any]) -> int:
    """Size in bytes of one DynamoDB JSON attribute value such as ``{"S": "abc"}`` (without its name).

    >>> attribute_value_bytes({"S": "hello"})
    5
    """
    return _value_bytes(value, "value", 1)


@checked
def item_size_bytes(item: Mapping[str, Any]) -> int:
    """Size in bytes of a DynamoDB JSON item: the UTF-8 length of every attribute name plus its value's size.

    >>> item_size_bytes({"Id": {"S": "a1"}, "Total": {"N": "42"}})
    11
    """
    return _item_bytes(item, "item")


# --- Secondary index write amplification --------------------------------------------------------------------------
# https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations.Writes
# https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.ThroughputConsiderations.Writes
# (read 2026-11-27). LSI writes are charged to the table's WCU, GSI writes to the index's own WCU.


@dataclass(frozen=True)
class IndexWrite:
    """Index writes caused by one table write: which rule fired and the write units it consumes.

    >>> index_write(None, {"Id": {"S": "1"}, "Status": {"S": "OPEN"}}, {"IndexName": "ByStatus", "KeySchema": [{"AttributeName": "Status"}]}, table_key_attributes=["Id"]).operations
    1
    """

    index_name: str
    kind: str  # "GSI" or "LSI"
    rule: str
    operations: int
    write_units: float


def _index_key_names(index: Mapping[str, Any], where: str = "index") -> list[str]:
    schema = index.get("KeySchema") if isinstance(index, Mapping) else None
    if (
        not isinstance(schema, list)
        or not 1 <= len(schema) <= 2
        or not all(isinstance(e, Mapping) and isinstance(e.get("AttributeName"), str) for e in schema)
    ):
        raise ValueError(
            f"{where} must be a CreateTable index description with a KeySchema of one or two "
            f"{{'AttributeName': ...}} elements, got {reprlib.repr(index)}"
        )
    return [element["AttributeName"] for element in schema]


def _projection(item: Mapping[str, Any] | None, index: Mapping[str, Any], table_keys: Sequence[str]):
    if item is None or not all(name in item for name in _index_key_names(index)):
        return None
    projection = index.get("Projection", {"ProjectionType": "ALL"})
    kind = projection.get("ProjectionType", "ALL")
    if kind == "ALL":
        return dict(item)
    keep = set(_index_key_names(index)) | set(table_keys)
    if kind == "INCLUDE":
        keep |= set(projection.get("NonKeyAttributes", []))
    elif kind != "KEYS_ONLY":
        raise ValueError(f"ProjectionType={kind!r} is not one of: ALL, KEYS_ONLY, INCLUDE")
    return {name: value for name, value in item.items() if name in keep}


def _entry_units(entry: Mapping[str, Any]) -> float:
    return float(max(1, math.ceil(item_size_bytes(entry) / WRITE_UNIT_BYTES)))


@checked
def index_write(
    old_item: Mapping[str, Any] | None,
    new_item: Mapping[str, Any] | None,
    index: Mapping[str, Any],
    *,
    table_key_attributes: Sequence[str],
    kind: str = "GSI",
) -> IndexWrite:
    """Index writes one table write causes, by AWS's five rules; ``index`` is a CreateTable index description.

    ``old_item``/``new_item`` are the item before and after (None when absent: a put of a new item, a delete).

    >>> index_write(None, {"Id": {"S": "1"}, "Status": {"S": "OPEN"}}, {"IndexName": "ByStatus", "KeySchema": [{"AttributeName": "Status"}]}, table_key_attributes=["Id"]).rule
    'item enters the index: one put'
    """
    validate.choice("kind", kind, ("GSI", "LSI"))
    return _index_write(old_item, new_item, index, table_key_attributes, kind, "index")


def _index_write(old_item, new_item, index, table_key_attributes, kind: str, where: str) -> IndexWrite:
    _index_key_names(index, where)
    for label, item in (("old_item", old_item), ("new_item", new_item)):
        if item is not None:
            _item_bytes(item, label)
    before = _projection(old_item, index, table_key_attributes)
    after = _projection(new_item, index, table_key_attributes)
    name = index.get("IndexName", "index")
    key_names = _index_key_names(index)
    if before is None and after is None:
        return IndexWrite(name, kind, "item not in the index before or after: no index write", 0, 0.0)
    if before is None:
        return IndexWrite(name, kind, "item enters the index: one put", 1, _entry_units(after))
    if after is None:
        return IndexWrite(name, kind, "item leaves the index: one delete", 1, _entry_units(before))
    if any(before[k] != after[k] for k in key_names):
        return IndexWrite(
            name,
            kind,
            "index key changed: delete old entry + put new entry",
            2,
            _entry_units(before) + _entry_units(after),
        )
    if before != after:
        return IndexWrite(
            name, kind, "projected attribute changed: one update", 1, max(_entry_units(before), _entry_units(after))
        )
    return IndexWrite(name, kind, "nothing the index holds changed: no index write", 0, 0.0)


@checked
def table_write_units(old_item: Mapping[str, Any] | None, new_item: Mapping[str, Any] | None) -> float:
    """Table write units of a put/update (larger of before and after) or delete (``new_item`` None).

    >>> table_write_units({"Id": {"S": "1"}}, {"Id": {"S": "1"}, "Note": {"S": "x" * 2000}})
    2.0
    """
    sizes = [_item_bytes(i, n) for n, i in (("old_item", old_item), ("new_item", new_item)) if i is not None]
    if not sizes:
        raise ValueError("old_item and new_item are both None; give at least one item")
    return write_capacity_units(max(sizes))


@checked
def write_amplification(
    old_item: Mapping[str, Any] | None,
    new_item: Mapping[str, Any] | None,
    table_key_attributes: Sequence[str],
    *,
    global_secondary_indexes: Sequence[Mapping[str, Any]] = (),
    local_secondary_indexes: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """Total write units of one table write with its indexes; index lists use CreateTable's shapes.

    >>> write_amplification(None, {"Id": {"S": "1"}, "Status": {"S": "OPEN"}}, ["Id"], global_secondary_indexes=[{"IndexName": "ByStatus", "KeySchema": [{"AttributeName": "Status"}]}])["total_write_units"]
    2.0
    """
    table_units = table_write_units(old_item, new_item)
    writes = [
        _index_write(old_item, new_item, index, table_key_attributes, "GSI", f"global_secondary_indexes[{i}]")
        for i, index in enumerate(global_secondary_indexes)
    ]
    writes += [
        _index_write(old_item, new_item, index, table_key_attributes, "LSI", f"local_secondary_indexes[{i}]")
        for i, index in enumerate(local_secondary_indexes)
    ]
    lsi_units = sum(w.write_units for w in writes if w.kind == "LSI")
    return {
        "table_write_units": table_units,
        "index_writes": writes,
        "table_capacity_charged": table_units + lsi_units,
        "total_write_units": table_units + sum(w.write_units for w in writes),
        "amplification": (table_units + sum(w.write_units for w in writes)) / table_units,
    }


# --- Query and Scan paging ------------------------------------------------------------------------------------------
@checked
def read_pages(
    item_sizes_bytes: Sequence[int],
    consistency: str = "eventual",
    *,
    matches: Sequence[bool] | None = None,
    page_limit_bytes: int = PAGE_LIMIT_BYTES,
) -> list[dict[str, Any]]:
    """Pages of one Query or Scan over items in key order, each page capped at 1 MB of data read.

    Each page is shaped like the API response: ``Count`` (items returned after the filter), ``ScannedCount``
    (items read), ``ConsumedCapacity.CapacityUnits`` and ``LastEvaluatedKey`` (index of the next item, or None).
    ``matches`` marks which items a FilterExpression keeps; filtering never reduces the capacity consumed.

    >>> [p["ConsumedCapacity"] for p in read_pages([400_000, 400_000, 400_000])]
    [{'CapacityUnits': 98.0}, {'CapacityUnits': 49.0}]
    """
    sizes = [_item_size(f"item_sizes_bytes[{i}]", v) for i, v in enumerate(item_sizes_bytes)]
    validate.choice("consistency", consistency, _PAGED_CONSISTENCIES)
    limit = validate.integer("page_limit_bytes", page_limit_bytes, minimum=1, maximum=PAGE_LIMIT_BYTES, unit="bytes")
    keep = [True] * len(sizes) if matches is None else [bool(m) for m in matches]
    if len(keep) != len(sizes):
        raise ValueError(f"matches has {len(keep)} entries; it needs one per item ({len(sizes)})")
    pages: list[dict[str, Any]] = []
    start = 0
    while start < len(sizes) or not pages:
        end, read = start, 0
        while end < len(sizes) and (end == start or read + sizes[end] <= limit):
            read += sizes[end]
            end += 1
        pages.append(
            {
                "Count": sum(keep[start:end]),
                "ScannedCount": end - start,
                "ConsumedCapacity": {"CapacityUnits": query_read_capacity_units(sizes[start:end], consistency)},
                "LastEvaluatedKey": end if end < len(sizes) else None,
            }
        )
        start = end
    return pages


@checked
def query_vs_scan(
    table_items: int, item_size_bytes: int, matching_items: int, *, consistency: str = "eventual"
) -> dict[str, dict[str, float]]:
    """Calls and read units to find ``matching_items`` items: a Query on their key vs a filtered Scan of the table.

    >>> query_vs_scan(100_000, 1000, 10)["Query"]["read_units"]
    1.5
    """
    total = validate.integer("table_items", table_items, minimum=1)
    size = _item_size("item_size_bytes", item_size_bytes)
    if size < 1:
        raise ValueError(f"item_size_bytes={item_size_bytes!r}: an item holds at least its key, so at least 1 byte")
    matching = validate.integer("matching_items", matching_items, minimum=0, maximum=total)
    validate.choice("consistency", consistency, _PAGED_CONSISTENCIES)
    result = {}
    for name, read in (("Query", matching), ("Scan", total)):
        per_page = max(1, PAGE_LIMIT_BYTES // max(size, 1))
        full_pages, rest = divmod(read, per_page)

        def page_units(items: int) -> float:  # what query_read_capacity_units([size] * items) gives, in O(1)
            return max(1, math.ceil(items * size / READ_UNIT_BYTES)) * READ_UNITS_PER_READ[consistency]

        units = full_pages * page_units(per_page)
        units += page_units(rest) if rest or not full_pages else 0
        result[name] = {
            "calls": float(full_pages + (1 if rest or not full_pages else 0)),
            "items_read": float(read),
            "items_returned": float(matching),
            "read_units": float(units),
        }
    return result


# --- Cost: provisioned vs on-demand ------------------------------------------------------------------------------
@dataclass(frozen=True)
class CapacityModeCost:
    """Monthly USD of one workload in each capacity mode (us-east-1 list prices unless overridden).

    >>> capacity_mode_cost(100, 25, 1024).cheaper_mode
    'provisioned'
    """

    provisioned_rcu: float
    provisioned_wcu: float
    provisioned_usd_per_month: float
    on_demand_usd_per_month: float
    read_units_per_month: float
    write_units_per_month: float
    storage_usd_per_month: float

    @property
    def cheaper_mode(self) -> str:
        """ "provisioned" or "on-demand", whichever costs less per month."""
        return "provisioned" if self.provisioned_usd_per_month <= self.on_demand_usd_per_month else "on-demand"


@checked
def capacity_mode_cost(
    reads_per_second: float,
    writes_per_second: float,
    item_size_bytes: int,
    *,
    consistency: str = "eventual",
    peak_to_average: float = 1.0,
    target_utilization: float = TARGET_UTILIZATION,
    table_size_gb: float = 0.0,
    usd_per_gb_month: float = STORAGE_USD_PER_GB_MONTH,
    usd_per_rcu_hour: float = PROVISIONED_USD_PER_RCU_HOUR,
    usd_per_wcu_hour: float = PROVISIONED_USD_PER_WCU_HOUR,
    usd_per_million_rru: float = ON_DEMAND_USD_PER_MILLION_READ_REQUEST_UNITS,
    usd_per_million_wru: float = ON_DEMAND_USD_PER_MILLION_WRITE_REQUEST_UNITS,
) -> CapacityModeCost:
    """Compare a month of provisioned capacity (sized for the peak at ``target_utilization``) with on-demand.

    Average rates are in requests per second; on-demand bills the request units actually used, provisioned bills
    every hour of the capacity you reserve for the peak; both totals include storage of ``table_size_gb``.
    ``consistency`` "transactional" makes writes transactional too.

    >>> round(capacity_mode_cost(100, 25, 1024).provisioned_rcu)
    72
    """
    reads = validate.number("reads_per_second", reads_per_second, minimum=0, unit="reads/s")
    writes = validate.number("writes_per_second", writes_per_second, minimum=0, unit="writes/s")
    peak = validate.number("peak_to_average", peak_to_average, minimum=1)
    low, high = TARGET_UTILIZATION_RANGE
    target = validate.number("target_utilization", target_utilization, minimum=low, maximum=high)
    prices = [
        validate.number(n, v, minimum=0, unit="USD")
        for n, v in (
            ("usd_per_rcu_hour", usd_per_rcu_hour),
            ("usd_per_wcu_hour", usd_per_wcu_hour),
            ("usd_per_million_rru", usd_per_million_rru),
            ("usd_per_million_wru", usd_per_million_wru),
        )
    ]
    storage = validate.number("table_size_gb", table_size_gb, minimum=0, unit="GB") * validate.number(
        "usd_per_gb_month", usd_per_gb_month, minimum=0, unit="USD"
    )
    read_units = read_capacity_units(item_size_bytes, consistency)
    write_units = write_capacity_units(item_size_bytes, consistency == "transactional")
    rcu = max(1.0, math.ceil(reads * peak * read_units / target))
    wcu = max(1.0, math.ceil(writes * peak * write_units / target))
    rru_month = reads * read_units * SECONDS_PER_MONTH
    wru_month = writes * write_units * SECONDS_PER_MONTH
    return CapacityModeCost(
        provisioned_rcu=float(rcu),
        provisioned_wcu=float(wcu),
        provisioned_usd_per_month=(rcu * prices[0] + wcu * prices[1]) * HOURS_PER_MONTH + storage,
        on_demand_usd_per_month=rru_month / 1e6 * prices[2] + wru_month / 1e6 * prices[3] + storage,
        read_units_per_month=rru_month,
        write_units_per_month=wru_month,
        storage_usd_per_month=storage,
    )


@checked
def capacity_table(max_item_bytes: int = 20 * KIB, step_bytes: int = 256) -> pd.DataFrame:
    """Units per single-item operation for item sizes 0..``max_item_bytes``: reads by consistency and writes.

    >>> capacity_table(max_item_bytes=8192, step_bytes=4096).shape
    (3, 6)
    """
    import pandas as pd

    top = _item_size("max_item_bytes", max_item_bytes)
    step = validate.integer("step_bytes", step_bytes, minimum=1, unit="bytes")
    sizes = list(range(0, top + 1, step))
    return pd.DataFrame(
        {
            "item_size_bytes": sizes,
            **{f"read_{c}": [read_capacity_units(s, c) for s in sizes] for c in _READ_CONSISTENCIES},
            "write_standard": [write_capacity_units(s) for s in sizes],
            "write_transactional": [write_capacity_units(s, True) for s in sizes],
        }
    )


@checked
def capacity_mode_sweep(
    reads_per_second: Sequence[float], read_write_ratio: float = 4.0, item_size_bytes: int = 1024, **settings: Any
) -> pd.DataFrame:
    """Monthly cost of both capacity modes over a range of average read rates (writes = reads / ratio).

    >>> list(capacity_mode_sweep([100, 1000]).reads_per_second)
    [100.0, 1000.0]
    """
    import pandas as pd

    ratio = validate.number("read_write_ratio", read_write_ratio, minimum=0, exclusive_minimum=True)
    rows = []
    for reads in reads_per_second:
        cost = capacity_mode_cost(reads, reads / ratio, item_size_bytes, **settings)
        rows.append(
            {
                "reads_per_second": float(reads),
                "writes_per_second": reads / ratio,
                "provisioned_usd_per_month": cost.provisioned_usd_per_month,
                "on_demand_usd_per_month": cost.on_demand_usd_per_month,
            }
        )
    return pd.DataFrame(rows)
