"""Moving data into AWS: how long an online transfer takes, and which service moves what (with today's status).

References:
    - AWS Snowball Edge API Reference, e.g. "DataTransfer" (banner: "AWS Snowball Edge is no longer available to
      new customers. New customers should explore AWS DataSync for online transfers, AWS Data Transfer Terminal for
      secure physical transfers, or AWS Partner solutions. For edge computing, explore AWS Outposts."),
      https://docs.aws.amazon.com/snowball/latest/api-reference/API_DataTransfer.html (read 2026-12-03)
    - Snowcone discontinued (2024-11-12) and Snowmobile retired (April 2024): as reported by secondary sources
      (open-exam-prep.com SAA guide "AWS Snow Family", updated June 2026); not confirmed on an AWS page.
    - AWS DataSync API Reference, "FsxProtocol" and the location types (NFS, SMB, HDFS, object storage, S3, EFS,
      FSx), https://docs.aws.amazon.com/datasync/latest/userguide/API_FsxProtocol.html (read 2026-12-03)
    - AWS Transfer Family: SFTP, FTPS, FTP and AS2 endpoints storing to S3 or EFS (botocore "transfer" service
      model, Protocol enum, read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

DAY_SECONDS = 86_400


@dataclass(frozen=True)
class DataMover:
    """One way to move data into AWS and whether a new customer can use it today.

    >>> DATA_MOVERS["snowball_edge"].open_to_new_customers
    False
    """

    key: str
    name: str
    moves: str
    online: bool
    open_to_new_customers: bool
    note: str


DATA_MOVERS: dict[str, DataMover] = {
    "datasync": DataMover(
        "datasync",
        "AWS DataSync",
        "files and objects: NFS, SMB, HDFS, object stores -> S3, EFS, FSx",
        True,
        True,
        "scheduled, incremental, verified copies over the network",
    ),
    "transfer_family": DataMover(
        "transfer_family",
        "AWS Transfer Family",
        "partner uploads over SFTP, FTPS, FTP, AS2",
        True,
        True,
        "managed endpoints in front of S3 or EFS",
    ),
    "storage_gateway": DataMover(
        "storage_gateway",
        "AWS Storage Gateway",
        "ongoing hybrid access (NFS, SMB, iSCSI, VTL)",
        True,
        True,
        "a cache on premises, the data in AWS",
    ),
    "data_transfer_terminal": DataMover(
        "data_transfer_terminal",
        "AWS Data Transfer Terminal",
        "your own storage devices, carried to an AWS site",
        False,
        True,
        "AWS's suggested physical path for new customers",
    ),
    "snowball_edge": DataMover(
        "snowball_edge",
        "AWS Snowball Edge",
        "offline bulk import and export, edge compute",
        False,
        False,
        "existing customers only",
    ),
    "snowcone": DataMover(
        "snowcone",
        "AWS Snowcone",
        "small offline transfers",
        False,
        False,
        "discontinued (secondary source: 2024-11-12)",
    ),
    "snowmobile": DataMover(
        "snowmobile",
        "AWS Snowmobile",
        "exabyte-scale offline moves",
        False,
        False,
        "retired (secondary source: April 2024)",
    ),
}


@checked
def online_transfer_days(data_tb: float, link_gbps: float, utilization: float = 0.8) -> float:
    """Days to send ``data_tb`` terabytes (10**12 bytes) over a ``link_gbps`` link used at ``utilization``.

    >>> round(online_transfer_days(100, 1, 1.0), 2)
    9.26
    """
    tb = validate.number("data_tb", data_tb, minimum=0, unit="TB")
    gbps = validate.number("link_gbps", link_gbps, minimum=0, exclusive_minimum=True, unit="Gbit/s")
    u = validate.number("utilization", utilization, minimum=0, exclusive_minimum=True, maximum=1)
    return tb * 8e12 / (gbps * 1e9 * u) / DAY_SECONDS
