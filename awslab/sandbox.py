"""The embedded AWS emulator for hands-on labs: real boto3 calls answered in-process by moto.

Inside a sandbox the credentials are fake, the region is fixed, every AWS_* setting and config file the learner may
have is hidden, and any attempt to open a network connection fails: no request can reach real AWS.

    with sandbox() as aws:
        s3 = aws.client("s3")
        s3.create_bucket(Bucket="my-first-bucket")

A lab spread over several notebook cells uses ``aws = start_sandbox()`` and ends with ``aws.stop()``.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager

import boto3
from moto import mock_aws

FAKE_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"  # AWS's documentation example key: never a real one
FAKE_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
ACCOUNT_ID = "123456789012"  # moto's default account
DEFAULT_REGION = "us-east-1"


class NetworkBlocked(ConnectionError):
    """Raised when code inside the sandbox tries to open a network connection."""


class Sandbox:
    """A started emulator: ``client(name)`` and ``resource(name)`` give boto3 objects bound to it."""

    def __init__(self, region: str = DEFAULT_REGION):
        if not isinstance(region, str) or region.count("-") < 2:
            raise ValueError(f"region={region!r} is not a region code such as 'us-east-1'")
        self.region = region
        self.account_id = ACCOUNT_ID
        self._mock = None
        self._saved_env: dict[str, str] = {}
        self._saved_connect = None
        self.session: boto3.Session | None = None

    def start(self) -> Sandbox:
        """Hide the learner's AWS settings, block the network and start moto."""
        if self._mock is not None:
            raise RuntimeError("this sandbox is already running")
        self._saved_env = {k: v for k, v in os.environ.items() if k.startswith("AWS_")}
        for key in self._saved_env:
            del os.environ[key]
        os.environ.update(
            {
                "AWS_ACCESS_KEY_ID": FAKE_ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY": FAKE_SECRET_KEY,
                "AWS_DEFAULT_REGION": self.region,
                "AWS_CONFIG_FILE": os.devnull,
                "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
                "AWS_EC2_METADATA_DISABLED": "true",
            }
        )
        self._saved_connect = socket.socket.connect
        socket.socket.connect = _refuse_network(self._saved_connect)
        self._mock = mock_aws()
        self._mock.start()
        self.session = boto3.Session(
            aws_access_key_id=FAKE_ACCESS_KEY, aws_secret_access_key=FAKE_SECRET_KEY, region_name=self.region
        )
        return self

    def stop(self) -> None:
        """Stop moto (its state is discarded) and restore the network and the learner's settings."""
        if self._mock is None:
            return
        self._mock.stop()
        self._mock = None
        socket.socket.connect = self._saved_connect
        for key in [k for k in os.environ if k.startswith("AWS_")]:
            del os.environ[key]
        os.environ.update(self._saved_env)
        self.session = None

    def client(self, service: str, **kwargs):
        """A boto3 client for ``service`` inside the sandbox."""
        if self.session is None:
            raise RuntimeError("the sandbox is not running: call start() or use `with sandbox() as aws:`")
        return self.session.client(service, region_name=kwargs.pop("region_name", self.region), **kwargs)

    def resource(self, service: str, **kwargs):
        """A boto3 resource for ``service`` inside the sandbox."""
        if self.session is None:
            raise RuntimeError("the sandbox is not running: call start() or use `with sandbox() as aws:`")
        return self.session.resource(service, region_name=kwargs.pop("region_name", self.region), **kwargs)

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _refuse_network(original):
    def connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkBlocked(f"the awslab sandbox blocks network connections (tried {address!r})")
        return original(sock, address)

    return connect


@contextmanager
def sandbox(region: str = DEFAULT_REGION) -> Iterator[Sandbox]:
    """A running :class:`Sandbox` for the ``with`` block."""
    box = Sandbox(region)
    box.start()
    try:
        yield box
    finally:
        box.stop()


def start_sandbox(region: str = DEFAULT_REGION) -> Sandbox:
    """Start a sandbox that lives until ``stop()`` (for labs spread over several cells)."""
    return Sandbox(region).start()
