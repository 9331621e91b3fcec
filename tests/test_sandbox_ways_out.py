"""Every way out of the learner's process is closed while a sandbox runs, and open again after the last stop.

A real listener on 127.0.0.1 (TCP and UDP, in a thread, bounded in time) records what reaches it. Each test tries one
way out inside ``with sandbox()``, checks that it is refused with the sandbox's own error, then, after the sandbox
stopped, sends a marker from outside: the marker must be the first (and only) thing the listener ever received, so
nothing sent from inside got through (TCP accepts and UDP datagrams on loopback arrive in order). Nothing here names
an address other than 127.0.0.1.
"""

import asyncio
import ctypes
import multiprocessing
import multiprocessing.util
import os
import pty
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from awslab.sandbox import ChildProcessBlocked, NetworkBlocked, sandbox

LOOPBACK = "127.0.0.1"
MARKER = b"marker-from-outside"


class Listener:
    """A TCP and a UDP socket on 127.0.0.1 served by one thread that records every connection's first bytes and
    every datagram, and stops by itself after ``lifetime`` seconds."""

    def __init__(self, lifetime: float = 8.0):
        self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.tcp.bind((LOOPBACK, 0))
        self.tcp.listen(16)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind((LOOPBACK, 0))
        self.port, self.udp_port = self.tcp.getsockname()[1], self.udp.getsockname()[1]
        self.connections: list[bytes] = []
        self.datagrams: list[bytes] = []
        self.deadline = time.monotonic() + lifetime
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        import selectors

        with selectors.DefaultSelector() as sel:
            sel.register(self.tcp, selectors.EVENT_READ, "tcp")
            sel.register(self.udp, selectors.EVENT_READ, "udp")
            while not self.done.is_set() and time.monotonic() < self.deadline:
                for key, _ in sel.select(timeout=0.05):
                    if key.data == "udp":
                        self.datagrams.append(self.udp.recv(4096))
                        continue
                    conn, _ = self.tcp.accept()
                    conn.settimeout(0.5)
                    try:
                        self.connections.append(conn.recv(4096))
                    except OSError:
                        self.connections.append(b"")
                    finally:
                        conn.close()

    def received_only_the_marker(self, udp: bool = False) -> bool:
        """Send the marker from outside the sandbox and wait (at most 2 s) until it arrives; True when it is the
        only thing the listener ever saw."""
        seen = self.datagrams if udp else self.connections
        if udp:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.sendto(MARKER, (LOOPBACK, self.udp_port))
        else:
            with socket.create_connection((LOOPBACK, self.port), timeout=2) as s:
                s.sendall(MARKER)
        end = time.monotonic() + 2
        while MARKER not in seen and time.monotonic() < end:
            time.sleep(0.005)
        return seen == [MARKER]

    def close(self):
        self.done.set()
        self.thread.join(timeout=2)
        self.tcp.close()
        self.udp.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def child_python(port: int) -> list[str]:
    """A child Python that sends one HTTP request to the listener with urllib."""
    code = f"import urllib.request; urllib.request.urlopen('http://{LOOPBACK}:{port}/', timeout=2)"
    return [sys.executable, "-S", "-c", code]


# --- sockets -----------------------------------------------------------------------------------------------------


def test_connect_is_refused(listener):
    with sandbox(), socket.socket() as s, pytest.raises(NetworkBlocked, match="127.0.0.1"):
        s.connect((LOOPBACK, listener.port))
    assert listener.received_only_the_marker()


def test_connect_ex_is_refused_not_answered_with_an_error_code(listener):
    with sandbox(), socket.socket() as s, pytest.raises(NetworkBlocked):
        s.connect_ex((LOOPBACK, listener.port))
    assert listener.received_only_the_marker()


def test_low_level_socket_and_the_base_class_connect_are_refused(listener):
    import _socket

    with sandbox():
        raw = _socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        with pytest.raises(NetworkBlocked):
            raw.connect((LOOPBACK, listener.port))
        raw.close()
        with socket.socket() as s, pytest.raises(NetworkBlocked):
            _socket.socket.connect(s, (LOOPBACK, listener.port))
    assert listener.received_only_the_marker()


def test_udp_sendto_and_sendmsg_are_refused(listener):
    with sandbox(), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        with pytest.raises(NetworkBlocked):
            s.sendto(b"from-inside", (LOOPBACK, listener.udp_port))
        with pytest.raises(NetworkBlocked):
            s.sendmsg([b"from-inside"], [], 0, (LOOPBACK, listener.udp_port))
    assert listener.received_only_the_marker(udp=True)


def test_bind_is_refused():
    with sandbox(), socket.socket() as s, pytest.raises(NetworkBlocked):
        s.bind((LOOPBACK, 0))


def test_unix_socket_connect_is_refused(tmp_path):
    path = str(tmp_path / "s")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(path)
        server.listen(1)
        with sandbox(), socket.socket(socket.AF_UNIX) as s, pytest.raises(NetworkBlocked):
            s.connect(path)


def test_create_connection_urllib_and_requests_are_refused(listener):
    import requests

    url = f"http://{LOOPBACK}:{listener.port}/"
    with sandbox():
        with pytest.raises(NetworkBlocked):
            socket.create_connection((LOOPBACK, listener.port), timeout=1)
        with pytest.raises(OSError):  # urllib wraps it in URLError, whose reason is the sandbox's error
            urllib.request.urlopen(url, timeout=1)
        with pytest.raises(requests.exceptions.ConnectionError, match="sandbox"):
            requests.get(url, timeout=1)
    assert listener.received_only_the_marker()


def _run_in_own_thread(coroutine):
    """asyncio.run in a thread of its own: the test process may already run an event loop in this thread (Playwright's
    sync API does, for the browser tests that share a pytest worker), and the audit hook covers every thread."""
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_asyncio_open_connection_is_refused(listener):
    async def attempt():
        return await asyncio.open_connection(LOOPBACK, listener.port)

    with sandbox(), pytest.raises(NetworkBlocked):
        _run_in_own_thread(asyncio.wait_for(attempt(), 2))
    assert listener.received_only_the_marker()


@pytest.mark.parametrize(
    "lookup",
    [
        lambda: socket.getaddrinfo(LOOPBACK, 80),
        lambda: socket.gethostbyname(LOOPBACK),
        lambda: socket.gethostbyname_ex(LOOPBACK),
        lambda: socket.gethostbyaddr(LOOPBACK),
        lambda: socket.getnameinfo((LOOPBACK, 80), 0),
    ],
    ids=["getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getnameinfo"],
)
def test_name_resolution_is_refused(lookup):
    with sandbox(), pytest.raises(NetworkBlocked, match="name"):
        lookup()
    lookup()  # and answers again after the sandbox stopped


# --- child processes ---------------------------------------------------------------------------------------------


def test_subprocess_is_refused_and_no_child_reaches_the_listener(listener):
    with sandbox():
        with pytest.raises(ChildProcessBlocked, match="child process"):
            subprocess.run(child_python(listener.port), timeout=5)
        with pytest.raises(ChildProcessBlocked):
            subprocess.run(["curl", "-s", f"http://{LOOPBACK}:{listener.port}/"], timeout=5)
        with pytest.raises(ChildProcessBlocked):
            os.popen(f"echo > /dev/tcp/{LOOPBACK}/{listener.port}")
    assert listener.received_only_the_marker()


def test_os_system_is_refused(listener):
    command = " ".join(f"'{part}'" for part in child_python(listener.port))
    with sandbox(), pytest.raises(ChildProcessBlocked):
        os.system(command)
    assert listener.received_only_the_marker()


def test_posix_spawn_is_refused(listener):
    argv = child_python(listener.port)
    with sandbox():
        for spawn in (os.posix_spawn, os.posix_spawnp):
            with pytest.raises(ChildProcessBlocked):
                pid = spawn(argv[0], argv, dict(os.environ))
                os.waitpid(pid, 0)
    assert listener.received_only_the_marker()


def test_exec_is_refused():
    # A path that does not exist: were the sandbox to let exec through, this fails with FileNotFoundError instead
    # of replacing the test process.
    with sandbox():
        for call in (
            lambda: os.execv("/nonexistent/awslab-probe", ["probe"]),
            lambda: os.execve("/nonexistent/awslab-probe", ["probe"], {}),
            lambda: os.execvp("/nonexistent/awslab-probe", ["probe"]),
        ):
            with pytest.raises(ChildProcessBlocked):
                call()


def test_fork_forkpty_and_spawnv_are_refused(listener):
    argv = child_python(listener.port)
    with sandbox():
        with pytest.raises(ChildProcessBlocked):  # os.spawn* fork and exec in Python on Linux
            os.spawnv(os.P_WAIT, argv[0], argv)
        with pytest.raises(ChildProcessBlocked):
            if os.fork() == 0:
                os._exit(0)
        with pytest.raises(ChildProcessBlocked):
            if pty.fork()[0] == 0:
                os._exit(0)
        with pytest.raises(ChildProcessBlocked):  # what multiprocessing's spawn and forkserver start methods use
            os.waitpid(multiprocessing.util.spawnv_passfds(argv[0], argv, []), 0)
    assert listener.received_only_the_marker()


def test_asyncio_subprocess_is_refused(listener):
    async def attempt():
        process = await asyncio.create_subprocess_exec(*child_python(listener.port))
        await process.wait()

    with sandbox(), pytest.raises(ChildProcessBlocked):
        _run_in_own_thread(asyncio.wait_for(attempt(), 5))
    assert listener.received_only_the_marker()


def _reach(port):
    socket.create_connection((LOOPBACK, port), timeout=2).close()


def test_multiprocessing_is_refused(listener):
    with sandbox():
        for method in ("fork", "spawn", "forkserver"):
            process = multiprocessing.get_context(method).Process(target=_reach, args=(listener.port,))
            with pytest.raises(ChildProcessBlocked):
                process.start()
                process.join(5)
    assert listener.received_only_the_marker()


# --- other threads ---------------------------------------------------------------------------------------------


def test_a_thread_started_before_the_sandbox_is_refused_too(listener):
    go, done = threading.Event(), threading.Event()
    outcome = []

    def worker():
        go.wait(5)
        try:
            socket.create_connection((LOOPBACK, listener.port), timeout=1).close()
            outcome.append("connected")
        except NetworkBlocked:
            outcome.append("blocked")
        done.set()

    thread = threading.Thread(target=worker)
    thread.start()
    with sandbox():
        go.set()
        done.wait(5)
    thread.join(5)
    assert outcome == ["blocked"]
    assert listener.received_only_the_marker()


# --- raw calls through ctypes ------------------------------------------------------------------------------------


def test_ctypes_libc_connect_is_refused(listener):
    with sandbox(), pytest.raises(OSError, match="ctypes"):
        libc = ctypes.CDLL(None, use_errno=True)
        fd = libc.socket(socket.AF_INET, socket.SOCK_STREAM, 0)
        address = bytes([2, 0]) + listener.port.to_bytes(2, "big") + bytes([127, 0, 0, 1]) + bytes(8)
        libc.connect(fd, address, len(address))
        libc.close(fd)
    assert listener.received_only_the_marker()


# --- the emulator keeps working, and everything is open again after ----------------------------------------------


def test_the_emulator_answers_while_everything_is_blocked_and_the_network_opens_after(listener):
    with sandbox() as aws:
        s3 = aws.client("s3")
        s3.create_bucket(Bucket="still-works")
        s3.put_object(Bucket="still-works", Key="k", Body=b"v")
        assert s3.get_object(Bucket="still-works", Key="k")["Body"].read() == b"v"
        assert aws.client("sqs").create_queue(QueueName="q")["QueueUrl"].endswith("/q")
    assert listener.received_only_the_marker()
    assert subprocess.run([sys.executable, "-S", "-c", "pass"], timeout=10).returncode == 0
    assert socket.getaddrinfo(LOOPBACK, 80)
