"""File storage chooser: Amazon EFS and the four Amazon FSx file systems, on protocol, clients and what each is for.

Qualitative by design: per-deployment throughput and latency figures depend on the deployment type and the
provisioned throughput capacity, so the chooser ranks on the requirements that decide the exam's questions
(protocol, client OS, Active Directory, HPC with S3, multi-protocol, snapshots and clones) and leaves numbers out.

References:
    - AWS CloudFormation User Guide, "AWS::FSx::FileSystem" (the four FSx file system types),
      https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-fsx-filesystem.html (read 2026-12-03)
    - AWS DataSync API Reference, "FsxProtocol" (NFS for FSx for OpenZFS and ONTAP, SMB for ONTAP),
      https://docs.aws.amazon.com/datasync/latest/userguide/API_FsxProtocol.html (read 2026-12-03)
    - Amazon EFS User Guide, "Amazon EFS performance" (NFS, Regional and One Zone, latency classes),
      https://docs.aws.amazon.com/efs/latest/ug/performance.html (read 2026-12-03)
    - Amazon FSx product pages (Windows File Server: SMB and Active Directory; Lustre: POSIX Lustre client for
      Linux, linked to S3 data repositories; ONTAP: NFS, SMB and iSCSI; OpenZFS: NFS, snapshots and clones),
      https://aws.amazon.com/fsx/ (read 2026-12-03; summarised, not quoted)
"""

from __future__ import annotations

from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked


@dataclass(frozen=True)
class FileService:
    """One managed file service and what it offers.

    >>> FILE_SERVICES["fsx_windows"].protocols
    ('SMB',)
    """

    key: str
    name: str
    protocols: tuple[str, ...]
    clients: str
    active_directory: bool
    s3_data_repository: bool
    snapshots_and_clones: bool
    best_for: str


FILE_SERVICES: dict[str, FileService] = {
    "efs": FileService(
        "efs",
        "Amazon EFS",
        ("NFS",),
        "Linux (EC2, ECS, EKS, Lambda)",
        False,
        False,
        False,
        "elastic shared storage for Linux applications, no capacity to manage",
    ),
    "fsx_windows": FileService(
        "fsx_windows",
        "Amazon FSx for Windows File Server",
        ("SMB",),
        "Windows, Linux, macOS",
        True,
        False,
        False,
        "Windows home directories and apps needing NTFS ACLs and AD",
    ),
    "fsx_lustre": FileService(
        "fsx_lustre",
        "Amazon FSx for Lustre",
        ("Lustre",),
        "Linux",
        False,
        True,
        False,
        "HPC and ML training over data sets kept in S3",
    ),
    "fsx_ontap": FileService(
        "fsx_ontap",
        "Amazon FSx for NetApp ONTAP",
        ("NFS", "SMB", "iSCSI"),
        "Windows, Linux, macOS",
        True,
        False,
        True,
        "lift-and-shift of NetApp or multi-protocol NAS, block and file in one",
    ),
    "fsx_openzfs": FileService(
        "fsx_openzfs",
        "Amazon FSx for OpenZFS",
        ("NFS",),
        "Linux, macOS, Windows NFS clients",
        False,
        False,
        True,
        "moving ZFS or Linux NAS, low-latency NFS with snapshots and clones",
    ),
}
PROTOCOLS = ("NFS", "SMB", "Lustre", "iSCSI")


@checked
def choose_file_service(
    protocol: str,
    *,
    active_directory: bool = False,
    s3_data_repository: bool = False,
    snapshots_and_clones: bool = False,
    second_protocol: str | None = None,
) -> list[str]:
    """Keys of the services meeting every requirement, simplest first (EFS before the FSx family).

    >>> choose_file_service("SMB", active_directory=True)
    ['fsx_windows', 'fsx_ontap']
    >>> choose_file_service("NFS", second_protocol="SMB")
    ['fsx_ontap']
    """
    validate.choice("protocol", protocol, PROTOCOLS)
    wanted = {protocol}
    if second_protocol is not None:
        wanted.add(validate.choice("second_protocol", second_protocol, PROTOCOLS))
    return [
        s.key
        for s in FILE_SERVICES.values()
        if wanted <= set(s.protocols)
        and (s.active_directory or not active_directory)
        and (s.s3_data_repository or not s3_data_repository)
        and (s.snapshots_and_clones or not snapshots_and_clones)
    ]
