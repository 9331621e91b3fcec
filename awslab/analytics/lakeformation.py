"""Lake Formation permissions: who may read which columns of which table, with the reason for every verdict.

Grants are written in the shape of Lake Formation's ``GrantPermissions`` request::

    {"Principal": {"DataLakePrincipalIdentifier": "arn:aws:iam::111122223333:role/analyst"},
     "Resource": {"TableWithColumns": {"DatabaseName": "sales", "Name": "orders", "ColumnNames": ["amount"]}},
     "Permissions": ["SELECT"]}

with the resources ``Database``, ``Table`` (a ``Name`` or ``TableWildcard``), ``TableWithColumns`` (``ColumnNames``
or ``ColumnWildcard`` with ``ExcludedColumnNames``) and ``LFTagPolicy`` (``ResourceType`` TABLE and an
``Expression`` list of ``{"TagKey", "TagValues"}``). The catalog's LF-Tags sit on databases, tables and columns; a
table inherits its database's tag and a column its table's, unless it has its own value for that key.

The evaluator answers a read of some columns of one table the way AWS describes it:

- Two gates. The principal's IAM policy must allow the calls (``glue:GetTable``, ``lakeformation:GetDataAccess``,
  the engine's own) *and* Lake Formation must grant the data. Either one missing denies.
- A column is readable if any grant with SELECT covers it: the whole table, a table wildcard in its database, a
  column list naming it, a column wildcard not excluding it, or an LF-Tag expression its effective tags match
  (keys ANDed, the values of one key ORed).
- ``IAM_ALLOWED_PRINCIPALS``: the grant Lake Formation adds to new tables while the account keeps "Use only IAM
  access control". It covers every principal, so IAM alone decides: the compatibility mode to switch off when you
  move to Lake Formation permissions.
- Nothing else allows; no grant denies (Lake Formation has no deny).

References:
    - AWS Lake Formation Developer Guide, "Lake Formation tag-based access control",
      https://docs.aws.amazon.com/lake-formation/latest/dg/tag-based-access-control.html (read 2026-12-03)
    - AWS Lake Formation Developer Guide, "Lake Formation tag-based access control best practices and
      considerations", https://docs.aws.amazon.com/lake-formation/latest/dg/lf-tag-considerations.html
      (read 2026-12-03): expressions like module=sales AND division=(consumer OR commercial); one value per key on
      a resource; a grant of several values matches any of them.
    - AWS Lake Formation Developer Guide, "Assigning LF-Tags to Data Catalog resources",
      https://docs.aws.amazon.com/lake-formation/latest/dg/TBAC-assigning-tags.html (read 2026-12-03): tables
      inherit database LF-Tags, columns inherit table LF-Tags, and an assigned value overrides the inherited one;
      at most 50 LF-Tags per resource.
    - Not re-read on 2026-12-03 (the Lake Formation Developer Guide's permissions overview, from standing knowledge):
      the two gates (IAM plus Lake Formation) and the ``IAM_ALLOWED_PRINCIPALS`` compatibility grant.
    - AWS Lake Formation API Reference, "GrantPermissions", "Resource", "TableWithColumnsResource", "LFTagPolicy",
      https://docs.aws.amazon.com/lake-formation/latest/APIReference/API_GrantPermissions.html (the shapes; "LFTag"
      and "TaggedTable" read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from awslab import validate
from awslab.validate import checked

IAM_ALLOWED_PRINCIPALS = "IAM_ALLOWED_PRINCIPALS"
MAX_TAGS_PER_RESOURCE = 50


@dataclass(frozen=True)
class Catalog:
    """One database of the Data Catalog: its tables and columns, and the LF-Tags on each level.

    >>> Catalog("lake", {"events": ("id", "ip")}, {"env": "prod"}).effective_tags("events", "ip")
    {'env': 'prod'}
    """

    database: str
    tables: dict[str, tuple[str, ...]]
    database_tags: dict[str, str] = field(default_factory=dict)
    table_tags: dict[str, dict[str, str]] = field(default_factory=dict)
    column_tags: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)

    def effective_tags(self, table: str, column: str) -> dict[str, str]:
        """A column's LF-Tags after inheritance: database, overridden by table, overridden by column.

        >>> SALES.effective_tags("orders", "card_number")
        {'domain': 'sales', 'classification': 'pii'}
        """
        tags = dict(self.database_tags)
        tags.update(self.table_tags.get(table, {}))
        tags.update(self.column_tags.get(table, {}).get(column, {}))
        return tags


@dataclass(frozen=True)
class Verdict:
    """The answer for one principal reading columns of one table: allowed or not, per column, with reasons."""

    allowed: bool
    readable: tuple[str, ...]
    refused: tuple[str, ...]
    reasons: tuple[str, ...]


def _principal(grant: dict) -> str:
    return grant.get("Principal", {}).get("DataLakePrincipalIdentifier", "")


def _tag_match(expression: list[dict], tags: dict[str, str]) -> bool:
    return all(tags.get(term["TagKey"]) in term["TagValues"] for term in expression)


def _check_grant(grant: dict, where: str) -> None:
    if not isinstance(grant, dict) or not _principal(grant):
        raise ValueError(f"{where} needs Principal.DataLakePrincipalIdentifier")
    resource = grant.get("Resource")
    kinds = ("Database", "Table", "TableWithColumns", "LFTagPolicy")
    if not isinstance(resource, dict) or len(resource) != 1 or next(iter(resource)) not in kinds:
        raise ValueError(f"{where}.Resource must hold exactly one of {', '.join(kinds)}, got {resource!r}")
    if not isinstance(next(iter(resource.values())), dict):
        raise ValueError(f"{where}.Resource.{next(iter(resource))} must be a mapping, got {resource!r}")
    permissions = grant.get("Permissions")
    if not isinstance(permissions, list) or not permissions:
        raise ValueError(f"{where}.Permissions must be a non-empty list such as ['SELECT']")
    policy = resource.get("LFTagPolicy")
    if policy is not None:
        expression = policy.get("Expression")
        if not isinstance(expression, list) or not expression:
            raise ValueError(f"{where}.Resource.LFTagPolicy.Expression must be a list of TagKey/TagValues terms")
        for term in expression:
            if not isinstance(term, dict) or "TagKey" not in term or not isinstance(term.get("TagValues"), list):
                raise ValueError(f"{where}: each Expression term needs TagKey and a TagValues list, got {term!r}")


def _covers(grant: dict, catalog: Catalog, table: str, column: str) -> bool:
    resource = grant["Resource"]
    kind, body = next(iter(resource.items()))
    if kind == "Table":
        return body.get("DatabaseName") == catalog.database and ("TableWildcard" in body or body.get("Name") == table)
    if kind == "TableWithColumns":
        if body.get("DatabaseName") != catalog.database or body.get("Name") != table:
            return False
        if "ColumnWildcard" in body:
            return column not in body["ColumnWildcard"].get("ExcludedColumnNames", [])
        return column in body.get("ColumnNames", [])
    if kind == "LFTagPolicy":
        return body.get("ResourceType", "TABLE") == "TABLE" and _tag_match(
            body["Expression"], catalog.effective_tags(table, column)
        )
    return False  # a Database grant (CREATE_TABLE, DESCRIBE, ...) never gives SELECT on a table's data


@checked
def describe(grant: dict) -> str:
    """A grant in one line (a GrantPermissions request).

    >>> describe(SAMPLE_GRANTS[0])
    'analyst: SELECT on tags domain=sales AND classification=general'
    """
    _check_grant(grant, "grant")
    resource = grant["Resource"]
    kind, body = next(iter(resource.items()))
    who = _principal(grant).rsplit("/", 1)[-1]
    perms = ", ".join(grant["Permissions"])
    if kind == "LFTagPolicy":
        terms = " AND ".join(
            f"{t['TagKey']}={'|'.join(t['TagValues'])}"
            if len(t["TagValues"]) > 1
            else f"{t['TagKey']}={t['TagValues'][0]}"
            for t in body["Expression"]
        )
        return f"{who}: {perms} on tags {terms}"
    if kind == "Table":
        return f"{who}: {perms} on {body.get('DatabaseName')}.{body.get('Name', '*') if 'TableWildcard' not in body else '*'}"
    if kind == "TableWithColumns":
        if "ColumnWildcard" in body:
            excluded = body["ColumnWildcard"].get("ExcludedColumnNames", [])
            cols = "all columns" + (f" except {', '.join(excluded)}" if excluded else "")
        else:
            cols = ", ".join(body.get("ColumnNames", []))
        return f"{who}: {perms} on {body['DatabaseName']}.{body['Name']} ({cols})"
    return f"{who}: {perms} on database {body.get('Name')}"


@checked
def evaluate(
    principal: str, table: str, columns: list[str], grants: list[dict], catalog: Catalog, *, iam_allows: bool = True
) -> Verdict:
    """May ``principal`` SELECT ``columns`` of ``table``? Every column needs a covering grant; reasons name them.

    >>> v = evaluate(ANALYST, "orders", ["order_id", "amount"], SAMPLE_GRANTS, SALES)
    >>> v.allowed, v.reasons[0]
    (True, 'order_id: analyst: SELECT on tags domain=sales AND classification=general')
    >>> evaluate(ANALYST, "orders", ["card_number"], SAMPLE_GRANTS, SALES).reasons[0]
    'card_number: no grant covers it (its tags: domain=sales, classification=pii)'
    """
    if not isinstance(principal, str) or not principal:
        raise ValueError(f"principal={principal!r} must be a principal ARN")
    if table not in catalog.tables:
        raise ValueError(f"table={table!r} is not in {catalog.database}: {', '.join(catalog.tables)}")
    wanted = list(catalog.tables[table]) if columns == ["*"] else list(columns)
    unknown = [c for c in wanted if c not in catalog.tables[table]]
    if not wanted or unknown:
        raise ValueError(f"columns={columns!r}: {table} has {', '.join(catalog.tables[table])} (or ['*'] for all)")
    if not isinstance(grants, list):
        raise ValueError(f"grants must be a list of GrantPermissions requests, got {type(grants).__name__}")
    for i, grant in enumerate(grants):
        _check_grant(grant, f"grants[{i}]")
    validate.choice("iam_allows", iam_allows, (True, False))
    if not iam_allows:
        return Verdict(
            False,
            (),
            tuple(wanted),
            (
                "IAM: the principal's policies do not allow the call "
                "(glue:GetTable, lakeformation:GetDataAccess), so Lake Formation "
                "is never asked",
            ),
        )
    mine = [
        g
        for g in grants
        if _principal(g) in (principal, IAM_ALLOWED_PRINCIPALS) and {"SELECT", "ALL"} & set(g["Permissions"])
    ]
    readable, refused, reasons = [], [], []
    for column in wanted:
        grant = next((g for g in mine if _covers(g, catalog, table, column)), None)
        if grant is None:
            tags = catalog.effective_tags(table, column)
            tag_text = ", ".join(f"{k}={v}" for k, v in tags.items()) or "none"
            refused.append(column)
            reasons.append(f"{column}: no grant covers it (its tags: {tag_text})")
        else:
            readable.append(column)
            via = describe(grant)
            if _principal(grant) == IAM_ALLOWED_PRINCIPALS:
                via += " (IAM-only compatibility mode: IAM alone decides)"
            reasons.append(f"{column}: {via}")
    return Verdict(not refused, tuple(readable), tuple(refused), tuple(reasons))


@checked
def grid(principal: str, grants: list[dict], catalog: Catalog) -> dict[str, dict[str, bool]]:
    """Every column of every table: readable by ``principal`` or not (the explorer's picture).

    >>> grid(FINANCE, SAMPLE_GRANTS, SALES)["orders"]["card_number"]
    False
    """
    return {
        table: dict(zip(cols, [evaluate(principal, table, [c], grants, catalog).allowed for c in cols], strict=True))
        for table, cols in catalog.tables.items()
    }


# --- A sample lake: the sales database, its tags and four roles ---------------------------------------------------
ACCOUNT = "111122223333"
ANALYST = f"arn:aws:iam::{ACCOUNT}:role/analyst"
FINANCE = f"arn:aws:iam::{ACCOUNT}:role/finance"
ENGINEER = f"arn:aws:iam::{ACCOUNT}:role/data-engineer"
AUDITOR = f"arn:aws:iam::{ACCOUNT}:role/auditor"
PRINCIPALS = {"analyst": ANALYST, "finance": FINANCE, "data-engineer": ENGINEER, "auditor": AUDITOR}

SALES = Catalog(
    "sales",
    {
        "orders": ("order_id", "order_date", "customer_id", "amount", "card_number"),
        "customers": ("customer_id", "name", "email", "country", "segment"),
        "returns": ("order_id", "reason", "refund"),
    },
    database_tags={"domain": "sales"},
    table_tags={
        "orders": {"classification": "general"},
        "customers": {"classification": "general"},
        "returns": {"classification": "general"},
    },
    column_tags={
        "orders": {"card_number": {"classification": "pii"}},
        "customers": {"name": {"classification": "pii"}, "email": {"classification": "pii"}},
    },
)


def _grant(principal: str, resource: dict, permissions=("SELECT",)) -> dict:
    return {
        "Principal": {"DataLakePrincipalIdentifier": principal},
        "Resource": resource,
        "Permissions": list(permissions),
    }


SAMPLE_GRANTS = [
    _grant(
        ANALYST,
        {
            "LFTagPolicy": {
                "ResourceType": "TABLE",
                "Expression": [
                    {"TagKey": "domain", "TagValues": ["sales"]},
                    {"TagKey": "classification", "TagValues": ["general"]},
                ],
            }
        },
    ),
    _grant(
        FINANCE,
        {
            "TableWithColumns": {
                "DatabaseName": "sales",
                "Name": "orders",
                "ColumnWildcard": {"ExcludedColumnNames": ["card_number"]},
            }
        },
    ),
    _grant(
        FINANCE,
        {"TableWithColumns": {"DatabaseName": "sales", "Name": "returns", "ColumnNames": ["order_id", "refund"]}},
    ),
    _grant(ENGINEER, {"Table": {"DatabaseName": "sales", "TableWildcard": {}}}, ("SELECT", "INSERT", "ALTER")),
    _grant(
        AUDITOR,
        {
            "LFTagPolicy": {
                "ResourceType": "TABLE",
                "Expression": [{"TagKey": "classification", "TagValues": ["general", "pii"]}],
            }
        },
    ),
    _grant(AUDITOR, {"Database": {"Name": "sales"}}, ("DESCRIBE",)),
]
