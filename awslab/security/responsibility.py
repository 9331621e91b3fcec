"""The shared responsibility model: who secures what for EC2 (infrastructure), RDS (container) and S3 (abstracted).

AWS secures *the cloud* (facilities, hardware, network, the virtualisation layer, and for managed services the
operating system and the database engine); the customer secures what they put *in* it (data, identities, access
rules, and whatever software they run themselves). Source: AWS Shared Responsibility Model page and the Security
Pillar of the Well-Architected Framework, read 2026-11-27.

References:
    - AWS, "Shared Responsibility Model",
      https://aws.amazon.com/compliance/shared-responsibility-model/ (read 2026-11-27)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from awslab import validate
from awslab.validate import checked

if TYPE_CHECKING:
    import pandas as pd

SERVICES = ("EC2", "RDS", "S3", "Lambda")
PARTIES = ("AWS", "Customer", "Shared")

# (layer, {service: party}); "Shared" means both have a part (for example AWS patches the host, you patch the app).
_MATRIX: tuple[tuple[str, dict[str, str]], ...] = (
    ("Physical facilities and hardware", {"EC2": "AWS", "RDS": "AWS", "S3": "AWS", "Lambda": "AWS"}),
    ("Global network and Regions/AZs", {"EC2": "AWS", "RDS": "AWS", "S3": "AWS", "Lambda": "AWS"}),
    ("Hypervisor and host OS", {"EC2": "AWS", "RDS": "AWS", "S3": "AWS", "Lambda": "AWS"}),
    ("Guest operating system patches", {"EC2": "Customer", "RDS": "AWS", "S3": "AWS", "Lambda": "AWS"}),
    ("Database / runtime engine patches", {"EC2": "Customer", "RDS": "AWS", "S3": "AWS", "Lambda": "AWS"}),
    (
        "Application code and its libraries",
        {"EC2": "Customer", "RDS": "Customer", "S3": "Customer", "Lambda": "Customer"},
    ),
    (
        "Network traffic rules (security groups, NACLs)",
        {"EC2": "Customer", "RDS": "Customer", "S3": "AWS", "Lambda": "Shared"},
    ),
    ("Firewall inside the OS", {"EC2": "Customer", "RDS": "AWS", "S3": "AWS", "Lambda": "AWS"}),
    ("IAM users, roles and policies", {"EC2": "Customer", "RDS": "Customer", "S3": "Customer", "Lambda": "Customer"}),
    (
        "Resource policies and public access settings",
        {"EC2": "Customer", "RDS": "Customer", "S3": "Customer", "Lambda": "Customer"},
    ),
    (
        "Encryption at rest (turn on, choose keys)",
        {"EC2": "Customer", "RDS": "Customer", "S3": "Shared", "Lambda": "Shared"},
    ),
    (
        "Encryption in transit (TLS to the endpoint)",
        {"EC2": "Customer", "RDS": "Shared", "S3": "Shared", "Lambda": "Shared"},
    ),
    ("Backups and their retention", {"EC2": "Customer", "RDS": "Shared", "S3": "Customer", "Lambda": "Customer"}),
    ("High availability across AZs", {"EC2": "Customer", "RDS": "Shared", "S3": "AWS", "Lambda": "AWS"}),
    (
        "Customer data and its classification",
        {"EC2": "Customer", "RDS": "Customer", "S3": "Customer", "Lambda": "Customer"},
    ),
)


@checked
def responsibility_table(services: tuple[str, ...] | list[str] = SERVICES) -> pd.DataFrame:
    """Layer-by-layer owner for each service: a DataFrame indexed by layer, one column per service.

    >>> responsibility_table(("EC2", "S3")).shape
    (15, 2)
    """
    import pandas as pd

    chosen = [validate.choice("services", s, SERVICES) for s in services]
    if not chosen:
        raise ValueError(f"services must list at least one of: {', '.join(SERVICES)}")
    return pd.DataFrame(
        {s: [owners[s] for _, owners in _MATRIX] for s in chosen},
        index=pd.Index([layer for layer, _ in _MATRIX], name="layer"),
    )


@checked
def who_secures(layer: str, service: str) -> str:
    """'AWS', 'Customer' or 'Shared' for one layer of one service.

    >>> who_secures(responsibility_table(("EC2",)).index[0], "EC2")
    'AWS'
    """
    service = validate.choice("service", service, SERVICES)
    for name, owners in _MATRIX:
        if name == layer:
            return owners[service]
    raise ValueError(f"layer={layer!r} is not one of: {', '.join(name for name, _ in _MATRIX)}")


@checked
def customer_share(services: tuple[str, ...] | list[str] = SERVICES) -> pd.Series:
    """Fraction of layers the customer owns alone (Shared counts one half) per service, from 0 to 1.

    >>> {k: round(float(v), 2) for k, v in customer_share(("EC2", "S3")).items()}
    {'EC2': 0.8, 'S3': 0.4}
    """
    table = responsibility_table(services)
    weights = table.apply(lambda column: column.map({"AWS": 0.0, "Customer": 1.0, "Shared": 0.5}))
    return weights.mean().rename("customer_share")


# Service sets the shared-responsibility explorer offers.
SERVICE_SETS = {
    "EC2 vs RDS vs S3": ("EC2", "RDS", "S3"),
    "all four": SERVICES,
    "EC2 only": ("EC2",),
    "managed only (RDS, S3, Lambda)": ("RDS", "S3", "Lambda"),
}
