"""DynamoDB capacity rules, checked against the worked examples in AWS's DynamoDB Developer Guide."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awslab.databases import dynamodb as ddb

KB = 1024
PROPS = settings(max_examples=150, deadline=None)
sizes = st.integers(min_value=0, max_value=ddb.MAX_ITEM_BYTES)


# --- Worked examples: ProvisionedThroughput.html, read-write-operations.html, CapacityUnitCalculations.html ----------
def test_reading_a_3500_byte_item_costs_the_same_as_4_kb():
    # "reading a 3,500-byte item consumes the same throughput as reading a 4 KB item"
    assert ddb.read_capacity_units(3500) == ddb.read_capacity_units(4 * KB) == 1.0


def test_8_kb_item_strong_eventual_transactional():
    # "a strongly consistent read of an item that is 8 KB ... consumes 2 read capacity units. An eventually
    # consistent read on that same item consumes only 1"; transactional needs 4 (read-write-operations.html).
    assert ddb.read_capacity_units(8 * KB, "strong") == 2.0
    assert ddb.read_capacity_units(8 * KB, "eventual") == 1.0
    assert ddb.read_capacity_units(8 * KB, "transactional") == 4.0


def test_getitem_rounds_3_5_kb_to_4_and_10_kb_to_12():
    # GetItem: "if you read an item that is 3.5 KB, DynamoDB rounds the item size to 4 KB. If you read an item of
    # 10 KB, DynamoDB rounds the item size to 12 KB."
    assert ddb.read_capacity_units(int(3.5 * KB)) == 1.0
    assert ddb.read_capacity_units(10 * KB) == 3.0


def test_batch_get_rounds_each_item_1_5_and_6_5_kb_to_12_kb():
    # BatchGetItem reads a 1.5 KB and a 6.5 KB item: "12 KB (4 KB + 8 KB), not 8 KB (1.5 KB + 6.5 KB)".
    items = [int(1.5 * KB), int(6.5 * KB)]
    assert ddb.batch_get_read_capacity_units(items) == 3.0
    assert ddb.query_read_capacity_units(items) == 2.0


def test_query_rounds_the_total_40_8_kb_to_44_kb():
    # "your query returns 10 items whose combined size is 40.8 KB. DynamoDB rounds the item size ... to 44 KB."
    ten_items = [int(40.8 * KB) // 10] * 9 + [int(40.8 * KB) - 9 * (int(40.8 * KB) // 10)]
    assert ddb.query_read_capacity_units(ten_items) == 11.0


def test_query_of_1500_items_of_64_bytes_is_96_kb():
    # "If a query returns 1500 items of 64 bytes each, the cumulative size is 96 KB."
    assert ddb.query_read_capacity_units([64] * 1500) == 24.0


def test_eventually_consistent_80_kb_costs_10_units():
    # "For an eventually consistent read, if the total item size is 80 KB, the operation consumes only 10".
    assert ddb.query_read_capacity_units([20 * KB] * 4, "eventual") == 10.0


def test_numpy_integers_are_accepted():
    import numpy as np

    assert ddb.read_capacity_units(np.int64(8 * KB)) == 2.0
    assert ddb.query_read_capacity_units(list(np.array([64] * 1500))) == 24.0
    assert ddb.batch_get_read_capacity_units(np.array([1536, 6656])) == 3.0


def test_missing_item_still_costs_the_minimum():
    # A read of an item that does not exist consumes 1 (strong) or 0.5 (eventual) read capacity unit.
    assert ddb.read_capacity_units(0, "strong") == 1.0
    assert ddb.read_capacity_units(0, "eventual") == 0.5
    assert ddb.query_read_capacity_units([], "eventual") == 0.5


def test_write_examples():
    # "writing a 500-byte item consumes the same throughput as writing a 1 KB item"; "put or delete an item of
    # 1.6 KB, DynamoDB rounds the item size up to 2 KB".
    assert ddb.write_capacity_units(500) == 1.0
    assert ddb.write_capacity_units(int(1.6 * KB)) == 2.0


def test_batch_write_500_bytes_and_3_5_kb_is_5_kb():
    # BatchWriteItem "writes a 500 byte item and a 3.5 KB item, DynamoDB calculates the size as 5 KB".
    assert ddb.batch_write_capacity_units([500, int(3.5 * KB)]) == 5.0


def test_transactional_writes_of_3_kb():
    # Pricing page: a standard write of a 3 KB item needs 3 WCU, a transactional write 6 WCU.
    assert ddb.write_capacity_units(3 * KB) == 3.0
    assert ddb.write_capacity_units(3 * KB, transactional=True) == 6.0


def test_initial_settings_examples():
    # "read 80 items per second ... 3 KB ... strongly consistent" -> 80 RCU; eventually consistent -> 40;
    # "write 100 items per second ... 512 bytes" -> 100 WCU (ProvisionedThroughput.html, Choosing Initial Settings).
    assert 80 * ddb.read_capacity_units(3 * KB) == 80
    assert 80 * ddb.read_capacity_units(3 * KB, "eventual") == 40
    assert 100 * ddb.write_capacity_units(512) == 100


def test_initial_partitions_examples():
    # GuidelinesForTables.html (2017): (1000/3000)+(500/1000)=0.83 -> 1; (1000, 1000) -> 2; (5000, 2000) -> 4,
    # and raising reads to 8,000 doubles the four partitions to eight.
    assert ddb.initial_partitions(1000, 500) == 1
    assert ddb.initial_partitions(1000, 1000) == 2
    assert ddb.initial_partitions(5000, 2000) == 4
    assert ddb.partitions_after_throughput_increase(4, 8000, 2000) == 8


def test_storage_also_drives_the_classic_partition_count():
    # GuidelinesForTables.html (2017): about 10 GB per partition; eight partitions hold about 80 GB.
    assert ddb.classic_partition_count(5000, 2000, 0) == 4
    assert ddb.classic_partition_count(5000, 2000, 80) == 8
    assert ddb.classic_partition_count(5000, 2000, 85) == 9
    with pytest.raises(ValueError, match="^table_size_gb"):
        ddb.classic_partition_count(1, 1, -1)


def test_initial_partitions_exact_boundaries():
    assert ddb.initial_partitions(3000, 0) == 1
    assert ddb.initial_partitions(3001, 0) == 2
    assert ddb.initial_partitions(0, 0) == 1
    assert ddb.initial_partitions(300, 900) == 1  # 0.1 + 0.9 is exactly 1: float error must not push it to 2
    assert ddb.initial_partitions(300, 901) == 2
    assert ddb.initial_partitions(150, 850) == 1


# --- Bad input --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "call, parameter",
    [
        (lambda: ddb.read_capacity_units(400 * KB + 1), "item_size_bytes"),
        (lambda: ddb.read_capacity_units(-1), "item_size_bytes"),
        (lambda: ddb.read_capacity_units(1.5), "item_size_bytes"),
        (lambda: ddb.read_capacity_units(10, "strongly"), "consistency"),
        (lambda: ddb.write_capacity_units(10, "yes"), "transactional"),
        (lambda: ddb.query_read_capacity_units([10], "transactional"), "consistency"),
        (lambda: ddb.query_read_capacity_units([10, 400 * KB + 1]), "item_sizes_bytes[1]"),
        (lambda: ddb.query_read_capacity_units("123"), "item_sizes_bytes"),
        (lambda: ddb.batch_get_read_capacity_units([1] * 101), "item_sizes_bytes"),
        (lambda: ddb.batch_get_read_capacity_units([]), "item_sizes_bytes"),
        (lambda: ddb.batch_write_capacity_units([1] * 26), "item_sizes_bytes"),
        (lambda: ddb.initial_partitions(-1, 5), "read_capacity_units"),
        (lambda: ddb.initial_partitions(5, float("nan")), "write_capacity_units"),
    ],
)
def test_bad_input_names_the_parameter(call, parameter):
    with pytest.raises(ValueError, match=rf"^{parameter.replace('[', '.').replace(']', '.')}"):
        call()


def test_item_over_400_kb_message_mentions_the_limit():
    with pytest.raises(ValueError, match="400 KB"):
        ddb.write_capacity_units(400 * KB + 1)
    assert ddb.write_capacity_units(400 * KB) == 400.0


# --- Properties ---------------------------------------------------------------------------------------------------
@PROPS
@given(sizes, sizes)
def test_capacity_is_monotone_in_item_size(a, b):
    small, large = sorted((a, b))
    for consistency in ("strong", "eventual", "transactional"):
        assert ddb.read_capacity_units(small, consistency) <= ddb.read_capacity_units(large, consistency)
    assert ddb.write_capacity_units(small) <= ddb.write_capacity_units(large)
    assert ddb.write_capacity_units(small, True) <= ddb.write_capacity_units(large, True)


@PROPS
@given(sizes)
def test_consistency_multipliers(size):
    strong = ddb.read_capacity_units(size)
    assert ddb.read_capacity_units(size, "eventual") == strong / 2
    assert ddb.read_capacity_units(size, "transactional") == strong * 2
    assert ddb.write_capacity_units(size, True) == 2 * ddb.write_capacity_units(size)


@PROPS
@given(st.lists(st.integers(min_value=0, max_value=50 * KB), min_size=1, max_size=100))
def test_batch_never_cheaper_than_query_and_query_is_monotone(items):
    query = ddb.query_read_capacity_units(items)
    assert ddb.batch_get_read_capacity_units(items) >= query
    assert ddb.query_read_capacity_units(items + [1]) >= query
    assert query >= sum(items) / (4 * KB)


# --- Item sizes --------------------------------------------------------------------------------------------------
def test_item_size_rules():
    # CapacityUnitCalculations.html: strings are UTF-8 bytes, booleans and nulls 1 byte, lists/maps 3 bytes overhead,
    # numbers about 1 byte per two significant digits plus 1, attribute names count too.
    assert ddb.item_size_bytes({"Id": {"S": "abc"}}) == 5
    assert ddb.item_size_bytes({"Name": {"S": "né"}}) == 4 + 3
    assert ddb.item_size_bytes({"ok": {"BOOL": True}, "n": {"NULL": True}}) == 3 + 2
    assert ddb.item_size_bytes({"L": {"L": []}}) == 1 + 3
    assert ddb.item_size_bytes({"M": {"M": {"a": {"S": "xy"}}}}) == 1 + 3 + 3
    assert ddb.item_size_bytes({"N": {"N": "12345"}}) == 1 + 3 + 1
    assert ddb.item_size_bytes({"N": {"N": "-0.00120"}}) == 1 + 1 + 1
    assert ddb.item_size_bytes({"B": {"B": "AAEC"}}) == 1 + 3
    assert ddb.item_size_bytes({"B": {"B": b"\x00\x01"}}) == 1 + 2
    assert ddb.item_size_bytes({"SS": {"SS": ["a", "bc"]}}) == 2 + 3


def test_item_size_rejects_unknown_types():
    with pytest.raises(ValueError, match="attribute type 'X'"):
        ddb.item_size_bytes({"a": {"X": "1"}})
    with pytest.raises(ValueError, match="^item must be"):
        ddb.item_size_bytes([1, 2])


# --- Secondary index write amplification (GSI.html: five rules) ----------------------------------------------------
GSI = {
    "IndexName": "ByStatus",
    "KeySchema": [{"AttributeName": "Status", "KeyType": "HASH"}],
    "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["Total"]},
}
KEYS = ["Id"]


def item(status=None, total="10", note="x"):
    out = {"Id": {"S": "order-1"}, "Total": {"N": total}, "Note": {"S": note}}
    if status is not None:
        out["Status"] = {"S": status}
    return out


@pytest.mark.parametrize(
    "old, new, operations, rule",
    [
        (None, item("OPEN"), 1, "enters"),  # new item defines the indexed attribute
        (item(), item("OPEN"), 1, "enters"),  # update defines a previously undefined indexed attribute
        (item("OPEN"), item("SHIPPED"), 2, "key changed"),  # key value A -> B: delete + put
        (item("OPEN"), item(), 1, "leaves"),  # indexed attribute removed
        (item(), item(note="y"), 0, "not in the index"),  # not in the index before or after
        (item("OPEN"), item("OPEN", total="11"), 1, "projected attribute"),  # projected non-key attribute changed
        (item("OPEN"), item("OPEN", note="y"), 0, "nothing the index holds"),  # unprojected attribute changed
        (item("OPEN"), None, 1, "leaves"),  # table delete
    ],
)
def test_gsi_write_rules(old, new, operations, rule):
    write = ddb.index_write(old, new, GSI, table_key_attributes=KEYS)
    assert write.operations == operations
    assert rule in write.rule
    assert write.write_units == float(operations)  # small entries: one unit per index write


def test_large_index_entries_cost_more_and_lsi_is_charged_to_the_table():
    big = item("OPEN", note="z" * 3000)
    everything = {**GSI, "Projection": {"ProjectionType": "ALL"}}
    lsi = {
        "IndexName": "ByTotal",
        "KeySchema": [{"AttributeName": "Id", "KeyType": "HASH"}, {"AttributeName": "Total", "KeyType": "RANGE"}],
        "Projection": {"ProjectionType": "KEYS_ONLY"},
    }
    result = ddb.write_amplification(
        None, big, KEYS, global_secondary_indexes=[everything], local_secondary_indexes=[lsi]
    )
    assert result["table_write_units"] == 3.0
    assert result["index_writes"][0].write_units == 3.0
    assert result["index_writes"][1].write_units == 1.0
    assert result["table_capacity_charged"] == 4.0
    assert result["total_write_units"] == 7.0
    assert result["amplification"] == pytest.approx(7 / 3)


def test_update_charges_the_larger_of_before_and_after():
    assert ddb.table_write_units(item(note="z" * 2000), item()) == 2.0
    with pytest.raises(ValueError, match="old_item and new_item"):
        ddb.table_write_units(None, None)


# --- Paging -------------------------------------------------------------------------------------------------------
def test_pages_stop_at_1_mb_and_filters_do_not_save_capacity():
    pages = ddb.read_pages([3000] * 1000, "strong", matches=[i % 10 == 0 for i in range(1000)])
    assert [p["ScannedCount"] for p in pages] == [349, 349, 302]  # 349 x 3000 B <= 1 MiB < 350 x 3000 B
    assert sum(p["Count"] for p in pages) == 100
    assert pages[0]["ConsumedCapacity"]["CapacityUnits"] == 256.0  # 1,047,000 B -> 256 x 4 KB
    assert pages[0]["LastEvaluatedKey"] == 349 and pages[-1]["LastEvaluatedKey"] is None
    unfiltered = ddb.read_pages([3000] * 1000, "strong")
    assert [p["ConsumedCapacity"] for p in unfiltered] == [p["ConsumedCapacity"] for p in pages]


def test_empty_read_returns_one_empty_page_and_bad_matches_raise():
    assert ddb.read_pages([]) == [
        {"Count": 0, "ScannedCount": 0, "ConsumedCapacity": {"CapacityUnits": 0.5}, "LastEvaluatedKey": None}
    ]
    with pytest.raises(ValueError, match="^matches"):
        ddb.read_pages([1, 2], matches=[True])


@PROPS
@given(
    st.lists(st.integers(min_value=0, max_value=ddb.MAX_ITEM_BYTES), max_size=60),
    st.integers(min_value=1, max_value=ddb.PAGE_LIMIT_BYTES),
)
def test_pages_cover_every_item_once(items, limit):
    pages = ddb.read_pages(items, page_limit_bytes=limit)
    assert sum(p["ScannedCount"] for p in pages) == len(items)
    assert all(p["ScannedCount"] >= 1 for p in pages) or items == []


def test_query_beats_scan():
    result = ddb.query_vs_scan(100_000, 2000, 50)
    assert result["Query"]["calls"] == 1 and result["Query"]["read_units"] == 12.5  # 100,000 B -> 25 x 4 KB / 2
    assert result["Scan"]["items_read"] == 100_000 and result["Scan"]["calls"] == 191  # 524 items per 1 MiB page
    assert result["Scan"]["read_units"] > 1000 * result["Query"]["read_units"]


# --- Cost ---------------------------------------------------------------------------------------------------------
def test_capacity_mode_cost_arithmetic():
    cost = ddb.capacity_mode_cost(100, 10, 1024, consistency="eventual", peak_to_average=1.0, target_utilization=0.5)
    assert cost.provisioned_rcu == 100 and cost.provisioned_wcu == 20
    assert cost.provisioned_usd_per_month == pytest.approx((100 * 0.00013 + 20 * 0.00065) * 730)
    assert cost.on_demand_usd_per_month == pytest.approx((50 * 2_628_000 * 0.125 + 10 * 2_628_000 * 0.625) / 1e6)
    assert cost.cheaper_mode == "provisioned"
    stored = ddb.capacity_mode_cost(
        100, 10, 1024, consistency="eventual", peak_to_average=1.0, target_utilization=0.5, table_size_gb=40
    )
    assert stored.storage_usd_per_month == pytest.approx(10.0)  # 40 GB x $0.25
    assert stored.on_demand_usd_per_month == pytest.approx(cost.on_demand_usd_per_month + 10)


def test_spiky_light_traffic_favours_on_demand_and_prices_are_overridable():
    cost = ddb.capacity_mode_cost(0.1, 0.01, 1024, peak_to_average=50)
    assert cost.cheaper_mode == "on-demand"
    free = ddb.capacity_mode_cost(100, 10, 1024, usd_per_rcu_hour=0, usd_per_wcu_hour=0)
    assert free.provisioned_usd_per_month == 0
    with pytest.raises(ValueError, match="^target_utilization"):
        ddb.capacity_mode_cost(1, 1, 1, target_utilization=1.5)


def test_tables_for_figures():
    table = ddb.capacity_table(8 * KB, 1024)
    assert list(table["read_strong"]) == [1, 1, 1, 1, 1, 2, 2, 2, 2]
    assert list(table["write_standard"]) == [1, 1, 2, 3, 4, 5, 6, 7, 8]
    sweep = ddb.capacity_mode_sweep([1, 10, 100])
    assert list(sweep["on_demand_usd_per_month"]) == sorted(sweep["on_demand_usd_per_month"])
