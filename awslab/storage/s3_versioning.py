"""A bucket's version history: PUT, DELETE (delete markers), restoring a version, suspending, and MFA delete.

Rules from https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html and its sub-pages on delete
markers, suspended buckets and MFA delete (read 2026-11-27). Listings come back in ListObjectVersions' shape
(``Versions`` and ``DeleteMarkers`` with Key, VersionId, IsLatest), newest first, so they can be compared field by
field with what ``list_object_versions`` returns from the sandbox.

References:
    - Amazon S3 User Guide, "Retaining multiple versions of objects with S3 Versioning",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html (read 2026-11-27)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from awslab import validate
from awslab.validate import checked

VERSIONING_STATES = ("Unversioned", "Enabled", "Suspended")
NULL_VERSION = "null"


class S3Error(Exception):
    """An error S3 would answer with: ``code`` is S3's error code (NoSuchKey, MethodNotAllowed, AccessDenied, ...).

    >>> e = S3Error("NoSuchKey", "k does not exist")
    >>> e.code
    'NoSuchKey'
    """

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code


@dataclass
class _Version:
    key: str
    version_id: str
    body: bytes | None  # None for a delete marker
    sequence: int

    @property
    def is_delete_marker(self) -> bool:
        return self.body is None


@dataclass
class VersionedBucket:
    """An in-memory bucket that keeps versions the way S3 does. Version ids are ``v1``, ``v2``, ... or ``null``.

    >>> b = VersionedBucket()
    >>> b.set_versioning("Enabled")
    >>> v1 = b.put_object("k", b"one")
    >>> v2 = b.put_object("k", b"two")
    >>> b.get_object("k")
    b'two'
    """

    status: str = "Unversioned"
    mfa_delete: bool = False
    _versions: dict[str, list[_Version]] = field(default_factory=dict)  # per key, newest last
    _counter: int = 0
    log: list[str] = field(default_factory=list)

    # --- configuration -----------------------------------------------------------------------------------------
    def set_versioning(self, status: str, *, mfa: bool = False, mfa_delete: bool | None = None) -> None:
        """PutBucketVersioning: Enabled or Suspended (a bucket can never return to Unversioned)."""
        validate.choice("status", status, ("Enabled", "Suspended"))
        if (self.mfa_delete or mfa_delete) and not mfa:
            raise S3Error(
                "AccessDenied", "changing versioning while MFA delete is (or becomes) enabled needs an MFA code"
            )
        if mfa_delete is not None:
            if self.status == "Unversioned" and status != "Enabled":
                raise S3Error("InvalidRequest", "MFA delete can only be set together with versioning")
            self.mfa_delete = mfa_delete
        self.status = status
        self.log.append(
            f"versioning {status}"
            + (f", MFA delete {'on' if self.mfa_delete else 'off'}" if mfa_delete is not None else "")
        )

    # --- writes ------------------------------------------------------------------------------------------------
    def put_object(self, key: str, body: bytes) -> str:
        """PutObject; returns the new version id (``null`` unless versioning is Enabled)."""
        if not isinstance(body, (bytes, bytearray)):
            raise ValueError(f"body must be bytes, got {type(body).__name__}")
        version_id = self._new_version(key, bytes(body))
        self.log.append(f"PUT {key} -> {version_id}")
        return version_id

    def delete_object(self, key: str, version_id: str | None = None, *, mfa: bool = False) -> dict:
        """DeleteObject. Without a version id: a delete marker (or a real delete when unversioned).

        With a version id: that version is gone for good (MFA needed when MFA delete is on).
        Returns DeleteObject's response fields: DeleteMarker and VersionId.
        """
        if version_id is None:
            if self.status == "Unversioned":
                self._versions.pop(key, None)
                self.log.append(f"DELETE {key} (gone: the bucket is unversioned)")
                return {"DeleteMarker": False}
            marker = self._new_version(key, None)
            self.log.append(f"DELETE {key} -> delete marker {marker}")
            return {"DeleteMarker": True, "VersionId": marker}
        if self.mfa_delete and not mfa:
            raise S3Error(
                "AccessDenied", f"MFA delete is enabled: permanently deleting {key} {version_id} needs an MFA code"
            )
        versions = self._versions.get(key, [])
        match = [v for v in versions if v.version_id == version_id]
        if not match:
            raise S3Error("NoSuchVersion", f"{key} has no version {version_id!r}")
        versions.remove(match[0])
        if not versions:
            self._versions.pop(key)
        self.log.append(f"DELETE {key} version {version_id} (permanent)")
        return {"DeleteMarker": match[0].is_delete_marker, "VersionId": version_id}

    def restore_version(self, key: str, version_id: str) -> str:
        """Make an older version current again by copying it on top (CopyObject with a source VersionId)."""
        source = self._find(key, version_id)
        if source.is_delete_marker:
            raise S3Error("InvalidRequest", "a delete marker cannot be copied; delete the marker instead")
        new_id = self._new_version(key, source.body)
        self.log.append(f"COPY {key} {version_id} -> {new_id} (restored)")
        return new_id

    # --- reads -------------------------------------------------------------------------------------------------
    def get_object(self, key: str, version_id: str | None = None) -> bytes:
        """GetObject: the current version, or a named one. Raises S3Error as S3 would (NoSuchKey, MethodNotAllowed)."""
        if version_id is not None:
            found = self._find(key, version_id)
            if found.is_delete_marker:
                raise S3Error("MethodNotAllowed", f"{key} version {version_id} is a delete marker")
            return found.body  # type: ignore[return-value]
        versions = self._versions.get(key)
        if not versions or versions[-1].is_delete_marker:
            raise S3Error(
                "NoSuchKey", f"{key} does not exist" + (" (its current version is a delete marker)" if versions else "")
            )
        return versions[-1].body  # type: ignore[return-value]

    def list_object_versions(self, prefix: str = "") -> dict:
        """ListObjectVersions' Versions and DeleteMarkers, newest first per key."""
        out: dict[str, list[dict]] = {"Versions": [], "DeleteMarkers": []}
        for key in sorted(k for k in self._versions if k.startswith(prefix)):
            history = self._versions[key]
            for v in reversed(history):
                entry = {"Key": key, "VersionId": v.version_id, "IsLatest": v is history[-1]}
                if v.is_delete_marker:
                    out["DeleteMarkers"].append(entry)
                else:
                    out["Versions"].append({**entry, "Size": len(v.body or b"")})
        return out

    def list_object_versions_keys(self) -> list[str]:
        """Keys that have at least one version or delete marker."""
        return sorted(self._versions)

    def stored_bytes(self) -> int:
        """Bytes billed: every version of every object counts, not just the current ones."""
        return sum(len(v.body or b"") for history in self._versions.values() for v in history)

    # --- internals ---------------------------------------------------------------------------------------------
    def _new_version(self, key: str, body: bytes | None) -> str:
        history = self._versions.setdefault(key, [])
        self._counter += 1
        if self.status == "Enabled":
            version_id = f"v{self._counter}"
        else:  # Unversioned and Suspended write the null version, replacing any earlier null version
            version_id = NULL_VERSION
            history[:] = [v for v in history if v.version_id != NULL_VERSION]
        history.append(_Version(key=key, version_id=version_id, body=body, sequence=self._counter))
        return version_id

    def _find(self, key: str, version_id: str) -> _Version:
        for v in self._versions.get(key, []):
            if v.version_id == version_id:
                return v
        raise S3Error("NoSuchVersion", f"{key} has no version {version_id!r}")


@checked
def history_table(bucket: VersionedBucket, key: str) -> list[dict]:
    """Rows oldest first: VersionId, kind (object or delete marker), Size, IsLatest (a figure or DataFrame input).

    >>> b = VersionedBucket()
    >>> b.set_versioning("Enabled")
    >>> v1 = b.put_object("k", b"one")
    >>> m = b.delete_object("k")
    >>> [row["kind"] for row in history_table(b, "k")]
    ['object', 'delete marker']
    """
    listing = bucket.list_object_versions(prefix=key)
    rows = [
        {"VersionId": v["VersionId"], "kind": "object", "Size": v["Size"], "IsLatest": v["IsLatest"]}
        for v in listing["Versions"]
        if v["Key"] == key
    ] + [
        {"VersionId": m["VersionId"], "kind": "delete marker", "Size": 0, "IsLatest": m["IsLatest"]}
        for m in listing["DeleteMarkers"]
        if m["Key"] == key
    ]
    order = {v.version_id: v.sequence for v in bucket._versions.get(key, [])}
    return sorted(rows, key=lambda r: order[r["VersionId"]])
