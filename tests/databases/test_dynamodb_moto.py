"""Cross-check: the capacity model accepts the shapes moto (standing in for DynamoDB) returns, unchanged."""

import pytest

boto3 = pytest.importorskip("boto3")
moto = pytest.importorskip("moto")

from awslab.databases import dynamodb as ddb  # noqa: E402

GSI = {
    "IndexName": "ByStatus",
    "KeySchema": [{"AttributeName": "Status", "KeyType": "HASH"}],
    "Projection": {"ProjectionType": "KEYS_ONLY"},
    "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
}
ITEM = {
    "Id": {"S": "order-1"},
    "Status": {"S": "OPEN"},
    "Total": {"N": "129.95"},
    "Blob": {"S": "x" * 6000},
    "Tags": {"SS": ["gift", "rush"]},
    "Lines": {"L": [{"M": {"sku": {"S": "A-1"}, "qty": {"N": "2"}}}]},
}


@pytest.fixture
def table(monkeypatch):
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_SESSION_TOKEN", "testing"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
    ):
        monkeypatch.setenv(name, value)
    with moto.mock_aws():
        client = boto3.client("dynamodb", region_name="us-east-1")
        client.create_table(
            TableName="Orders",
            KeySchema=[{"AttributeName": "Id", "KeyType": "HASH"}],
            AttributeDefinitions=[
                {"AttributeName": "Id", "AttributeType": "S"},
                {"AttributeName": "Status", "AttributeType": "S"},
            ],
            GlobalSecondaryIndexes=[GSI],
            ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
        )
        yield client


def test_described_indexes_and_returned_items_feed_the_model(table):
    table.put_item(TableName="Orders", Item=ITEM)
    stored = table.get_item(TableName="Orders", Key={"Id": {"S": "order-1"}})["Item"]
    assert ddb.item_size_bytes(stored) == ddb.item_size_bytes(ITEM)
    description = table.describe_table(TableName="Orders")["Table"]
    keys = [k["AttributeName"] for k in description["KeySchema"]]
    result = ddb.write_amplification(None, stored, keys, global_secondary_indexes=description["GlobalSecondaryIndexes"])
    # About 6 KB on the table (6 WCU) plus one small KEYS_ONLY index entry (1 WCU). Real DynamoDB reports this
    # with ReturnConsumedCapacity="INDEXES"; the emulator does not model capacity, so the lab shows its numbers
    # only as a contrast.
    assert result["table_write_units"] == 6.0
    assert [w.write_units for w in result["index_writes"]] == [1.0]
    assert ddb.read_capacity_units(ddb.item_size_bytes(stored), "strong") == 2.0


def test_query_pages_match_the_emulator_item_counts(table):
    for i in range(30):
        table.put_item(
            TableName="Orders", Item={"Id": {"S": f"o{i}"}, "Status": {"S": "OPEN"}, "Pad": {"S": "p" * 100}}
        )
    scanned = table.scan(TableName="Orders")
    sizes = [ddb.item_size_bytes(item) for item in scanned["Items"]]
    pages = ddb.read_pages(sizes)
    assert len(pages) == 1 and pages[0]["ScannedCount"] == scanned["ScannedCount"] == 30
