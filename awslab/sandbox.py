"""The embedded AWS emulator for hands-on labs: real boto3 calls answered in-process by moto.

    with sandbox() as aws:
        s3 = aws.client("s3")
        s3.create_bucket(Bucket="my-first-bucket")

A lab spread over several notebook cells uses ``aws = start_sandbox()`` and ends with ``aws.stop()``.

What is guaranteed while at least one sandbox runs (in any thread of the process):

- The process holds no AWS setting of the learner's: every ``AWS_*`` environment variable is hidden, the credentials
  are AWS's documentation example key, the config and credentials files point at ``os.devnull``, instance metadata is
  off, and ``boto3.DEFAULT_SESSION`` (which may hold real credentials) is set aside.
- Nothing leaves the process through Python: a process-wide audit hook (PEP 578, raised by the interpreter's C code
  itself, so ``_socket``, base classes, saved references and asyncio are covered) refuses, with
  :class:`NetworkBlocked`, every socket ``connect``/``connect_ex``, ``sendto``, ``sendmsg`` and ``bind`` of any
  address family (loopback and Unix sockets included) and every name lookup (``getaddrinfo``, ``gethostbyname``,
  ``gethostbyname_ex``, ``gethostbyaddr``, ``getnameinfo``); it refuses, with :class:`ChildProcessBlocked`, every
  child process and program replacement (``subprocess``, ``os.system``/``popen``, ``os.exec*``, ``os.posix_spawn*``,
  ``os.fork``/``forkpty``, ``pty``, every ``multiprocessing`` start method) and loading or poking native code
  through ``ctypes`` (``CDLL``, symbol lookups, ``from_address``).
- moto needs none of these (it answers inside botocore and requests), so labs work unchanged.

Overlapping sandboxes (nested ``with`` blocks, ``start_sandbox`` twice, other threads) share one emulator and one
guard, reference-counted under a lock: stopping one of them, in any order, changes nothing while another runs; the
last stop discards the emulator's state and puts back exactly what the first start found (the ``AWS_*`` variables,
``boto3.DEFAULT_SESSION``, the network, child processes). A start that fails part-way undoes what it did.

Not covered (an in-process guard cannot see them): sockets and ``ctypes`` functions obtained before the first start,
native extensions that do their own I/O (pyzmq, cffi or compiled modules calling libc), code that deliberately
edits this module's state, and other processes. Audit hooks cannot be removed, so the (idle) hook stays installed
after the last stop; it costs one check per audited event.
"""

from __future__ import annotations

import ctypes  # noqa: F401 - imported here, before any sandbox: importing it opens a library (ctypes.dlopen)
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import boto3
from moto import mock_aws

FAKE_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"  # AWS's documentation example key: never a real one
FAKE_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
ACCOUNT_ID = "123456789012"  # moto's default account
DEFAULT_REGION = "us-east-1"


class NetworkBlocked(ConnectionError):
    """Raised when code inside the sandbox tries to open a connection, send a datagram, listen or look up a name.

    >>> import socket
    >>> with sandbox(), socket.socket() as s:
    ...     s.connect_ex(("127.0.0.1", 9))
    Traceback (most recent call last):
    awslab.sandbox.NetworkBlocked: the awslab sandbox blocks the network: socket.connect to ('127.0.0.1', 9) ...
    """


class ChildProcessBlocked(PermissionError):
    """Raised when code inside the sandbox tries to start a child process, replace the process or use ctypes.

    >>> import subprocess
    >>> with sandbox():
    ...     subprocess.run(["curl", "https://example.com"])
    Traceback (most recent call last):
    awslab.sandbox.ChildProcessBlocked: the awslab sandbox runs no child process (subprocess.Popen ...
    """


# Audit events refused while a sandbox runs, and what kind of way out each is.
_NETWORK, _NAME, _PROCESS, _CTYPES = "network", "name", "process", "ctypes"
_REFUSED = {
    "socket.connect": _NETWORK,  # also connect_ex, _socket.socket and asyncio's sock_connect
    "socket.sendto": _NETWORK,
    "socket.sendmsg": _NETWORK,
    "socket.bind": _NETWORK,
    "socket.getaddrinfo": _NAME,
    "socket.gethostbyname": _NAME,  # also gethostbyname_ex
    "socket.gethostbyaddr": _NAME,  # also getfqdn
    "socket.getnameinfo": _NAME,
    "subprocess.Popen": _PROCESS,  # also os.popen, asyncio subprocesses, webbrowser
    "os.system": _PROCESS,
    "os.exec": _PROCESS,  # every os.exec* and os.execve
    "os.posix_spawn": _PROCESS,  # also os.posix_spawnp
    "os.spawn": _PROCESS,
    "os.fork": _PROCESS,  # also os.spawn* on Linux and multiprocessing's fork start method
    "os.forkpty": _PROCESS,  # also pty.fork and pty.spawn
    "ctypes.dlopen": _CTYPES,
    "ctypes.dlsym": _CTYPES,
    "ctypes.dlsym/handle": _CTYPES,
    "ctypes.cdata": _CTYPES,  # from_address: reading or writing memory at an address
}


class _State:
    """The process-wide state all sandboxes share (read and written under ``_LOCK``; the audit hook only reads
    ``guarding``)."""

    def __init__(self) -> None:
        self.running: list[Sandbox] = []
        self.guarding = False  # the audit hook refuses the events above
        self.hook_installed = False
        self.saved_env: dict[str, str] = {}
        self.saved_fork_exec = None
        self.mock = None


_STATE = _State()
_LOCK = threading.RLock()


def _audit(event: str, args: tuple) -> None:
    if not _STATE.guarding:
        return
    kind = _REFUSED.get(event)
    if kind is None:
        return
    if kind is _NETWORK:
        target = args[1] if len(args) > 1 else "?"
        raise NetworkBlocked(
            f"the awslab sandbox blocks the network: {event} to {target!r} refused (the emulator needs no "
            "network; stop the sandbox to use it)"
        )
    if kind is _NAME:
        raise NetworkBlocked(f"the awslab sandbox blocks name lookups: {event}{tuple(args[:2])!r} refused")
    if kind is _PROCESS:
        what = f" {args[1]!r}" if event in ("subprocess.Popen", "os.exec", "os.posix_spawn") and len(args) > 1 else ""
        raise ChildProcessBlocked(
            f"the awslab sandbox runs no child process ({event}{what} refused): a child could reach the network; "
            "run it after the sandbox stops"
        )
    raise ChildProcessBlocked(f"the awslab sandbox refuses native calls through ctypes ({event} refused)")


def _guarded_fork_exec(*args, **kwargs):
    # _posixsubprocess.fork_exec raises no audit event (Python 3.11): multiprocessing's spawn and forkserver start
    # methods call it directly. subprocess calls it too, after its own audited event.
    if _STATE.guarding:
        raise ChildProcessBlocked(
            "the awslab sandbox runs no child process (_posixsubprocess.fork_exec refused, as used by "
            "multiprocessing): run it after the sandbox stops"
        )
    return _STATE.saved_fork_exec(*args, **kwargs)


def _sandbox_env(region: str) -> dict[str, str]:
    return {
        "AWS_ACCESS_KEY_ID": FAKE_ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": FAKE_SECRET_KEY,
        "AWS_DEFAULT_REGION": region,
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "AWS_EC2_METADATA_DISABLED": "true",
    }


def _replace_aws_env(values: dict[str, str]) -> None:
    for key in [k for k in os.environ if k.startswith("AWS_")]:
        del os.environ[key]
    os.environ.update(values)


def _guard_on(region: str) -> None:
    """The first start: hide the learner's settings, refuse every way out, start the emulator. On any failure,
    undo what was done and re-raise."""
    import _posixsubprocess

    if not _STATE.hook_installed:
        sys.addaudithook(_audit)
        _STATE.hook_installed = True
    undo = []
    try:
        _STATE.guarding = True
        undo.append(_guard_off_network)
        _STATE.saved_fork_exec = _posixsubprocess.fork_exec
        _posixsubprocess.fork_exec = _guarded_fork_exec
        undo.append(_restore_fork_exec)
        _STATE.saved_env = {k: v for k, v in os.environ.items() if k.startswith("AWS_")}
        _replace_aws_env(_sandbox_env(region))
        undo.append(_restore_env)
        # moto must not touch the environment itself (its own save/restore would fight ours); it sets
        # boto3.DEFAULT_SESSION aside until its stop.
        mock = mock_aws(config={"core": {"mock_credentials": False, "reset_boto3_session": True}})
        mock.start()
        _STATE.mock = mock
    except BaseException:
        for step in reversed(undo):
            step()
        raise


def _guard_off_network() -> None:
    _STATE.guarding = False


def _restore_fork_exec() -> None:
    import _posixsubprocess

    if _STATE.saved_fork_exec is not None:
        _posixsubprocess.fork_exec = _STATE.saved_fork_exec
        _STATE.saved_fork_exec = None


def _restore_env() -> None:
    _replace_aws_env(_STATE.saved_env)
    _STATE.saved_env = {}


def _guard_off() -> None:
    """The last stop: discard the emulator's state and put back what the first start found, even if moto fails."""
    mock, _STATE.mock = _STATE.mock, None
    try:
        if mock is not None:
            mock.stop()
    finally:
        _restore_env()
        _restore_fork_exec()
        _guard_off_network()


class Sandbox:
    """A started emulator: ``client(name)`` and ``resource(name)`` give boto3 objects bound to it.

    >>> aws = Sandbox("eu-west-1").start()
    >>> aws.client("s3").list_buckets()["Buckets"]
    []
    >>> aws.stop()
    """

    def __init__(self, region: str = DEFAULT_REGION):
        if not isinstance(region, str) or region.count("-") < 2:
            raise ValueError(f"region={region!r} is not a region code such as 'us-east-1'")
        self.region = region
        self.account_id = ACCOUNT_ID
        self.session: boto3.Session | None = None

    @property
    def running(self) -> bool:
        """True between ``start()`` and ``stop()``."""
        return self.session is not None

    def start(self) -> Sandbox:
        """Hide the learner's AWS settings, refuse the network and child processes, and start moto (the first
        running sandbox does this; later ones join it)."""
        with _LOCK:
            if self.running:
                raise RuntimeError("this sandbox is already running")
            first = not _STATE.running
            if first:
                _guard_on(self.region)
            try:
                self.session = boto3.Session(
                    aws_access_key_id=FAKE_ACCESS_KEY, aws_secret_access_key=FAKE_SECRET_KEY, region_name=self.region
                )
            except BaseException:
                self.session = None
                if first:
                    _guard_off()
                raise
            _STATE.running.append(self)
        return self

    def stop(self) -> None:
        """Leave the sandbox; the last one running stops moto (its state is discarded) and restores the network,
        child processes and the learner's settings. Stopping twice is harmless."""
        with _LOCK:
            if not self.running:
                return
            self.session = None
            _STATE.running.remove(self)
            if not _STATE.running:
                _guard_off()

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


@contextmanager
def sandbox(region: str = DEFAULT_REGION) -> Iterator[Sandbox]:
    """A running :class:`Sandbox` for the ``with`` block.

    >>> with sandbox() as aws:
    ...     aws.client("sqs").create_queue(QueueName="orders")["QueueUrl"].endswith("/orders")
    True
    """
    box = Sandbox(region)
    box.start()
    try:
        yield box
    finally:
        box.stop()


def start_sandbox(region: str = DEFAULT_REGION) -> Sandbox:
    """Start a sandbox that lives until ``stop()`` (for labs spread over several cells).

    >>> aws = start_sandbox()
    >>> aws.client("dynamodb").list_tables()["TableNames"]
    []
    >>> aws.stop()
    """
    return Sandbox(region).start()
