"""One-time passwords for MFA: HOTP (RFC 4226) and TOTP (RFC 6238, HMAC-SHA-1), the time window and clock drift.

A virtual MFA device and the server share a secret; both turn the current 30-second time step into a 6-digit code.
The server accepts codes from a few neighbouring steps so a slightly wrong clock or a slow typist still gets in
(IAM's virtual MFA devices use 6-digit, 30-second TOTP: IAM User Guide, id_credentials_mfa_enable_virtual,
read 2026-11-27). ``ResyncMFADevice`` needs two consecutive codes, which lets the server learn a drifted clock.

References:
    - IAM User Guide, "Assign a virtual MFA device in the AWS Management Console",
      https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html (read 2026-11-27)
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import struct
from dataclasses import dataclass

import numpy as np

from awslab import validate
from awslab.validate import checked

DEFAULT_DIGITS = 6
DEFAULT_PERIOD_SECONDS = 30


@checked
def decode_secret(secret_base32: str) -> bytes:
    """Decode a base32 secret as authenticator apps show it (case, spaces and missing padding tolerated).

    >>> len(decode_secret("GEZDGNBVGY3TQOJQ"))
    10
    """
    if not isinstance(secret_base32, str) or not secret_base32.strip():
        raise ValueError(
            f"secret_base32 must be a non-empty base32 string such as 'JBSWY3DPEHPK3PXP', got {secret_base32!r}"
        )
    text = secret_base32.replace(" ", "").replace("-", "").upper()
    text += "=" * (-len(text) % 8)
    try:
        secret = base64.b32decode(text, casefold=False)
    except (binascii.Error, ValueError):
        raise ValueError(f"secret_base32={secret_base32!r} is not base32 (letters A-Z and digits 2-7)") from None
    if not secret:
        raise ValueError(f"secret_base32={secret_base32!r} decodes to an empty key")
    return secret


@checked
def hotp(secret: bytes, counter: int, digits: int = DEFAULT_DIGITS) -> str:
    """RFC 4226 HOTP: HMAC-SHA-1 of the 8-byte counter, dynamically truncated to ``digits`` decimal digits.

    >>> hotp(b"12345678901234567890", 0)
    '755224'
    """
    counter = validate.integer("counter", counter, minimum=0, maximum=2**64 - 1)
    digits = validate.integer("digits", digits, minimum=6, maximum=10)
    mac = hmac.new(secret, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    code = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(code % 10**digits).zfill(digits)


@checked
def time_step(timestamp: float, period: int = DEFAULT_PERIOD_SECONDS) -> int:
    """The RFC 6238 counter T = floor(unix seconds / period).

    >>> time_step(59)
    1
    """
    # up to the end of year 9999, where datetime stops (an 8-byte counter would allow far more)
    timestamp = validate.number(
        "timestamp", timestamp, minimum=0, maximum=253_402_300_799, unit="s since 1970-01-01 UTC"
    )
    period = validate.integer("period", period, minimum=1, maximum=3600, unit="s")
    return int(timestamp // period)


@checked
def totp(
    secret_base32: str, timestamp: float, digits: int = DEFAULT_DIGITS, *, period: int = DEFAULT_PERIOD_SECONDS
) -> str:
    """RFC 6238 TOTP with HMAC-SHA-1: the code for unix time ``timestamp`` (seconds) and a ``period``-second step.

    >>> totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59, 8)
    '94287082'
    """
    return hotp(decode_secret(secret_base32), time_step(timestamp, period), digits)


@dataclass(frozen=True)
class Verification:
    """Outcome of checking a code: accepted, and at which step offset (client step minus server step).

    >>> code = totp("GEZDGNBVGY3TQOJQ", 1000)
    >>> verify("GEZDGNBVGY3TQOJQ", code, 1030)
    Verification(accepted=True, step_offset=-1)
    """

    accepted: bool
    step_offset: int | None


@checked
def verify(
    secret_base32: str,
    code: str,
    timestamp: float,
    *,
    window_steps: int = 1,
    digits: int = DEFAULT_DIGITS,
    period: int = DEFAULT_PERIOD_SECONDS,
) -> Verification:
    """Accept ``code`` if it equals the TOTP of any step within ``window_steps`` of the server's step.

    >>> code = totp("GEZDGNBVGY3TQOJQ", 1000)
    >>> verify("GEZDGNBVGY3TQOJQ", code, 1100).accepted
    False
    """
    window_steps = validate.integer("window_steps", window_steps, minimum=0, maximum=10, unit="steps")
    if not isinstance(code, str):
        raise ValueError(f"code must be a string of digits, got {code!r}")
    secret = decode_secret(secret_base32)
    server_step = time_step(timestamp, period)
    for offset in sorted(range(-window_steps, window_steps + 1), key=abs):
        step = server_step + offset
        if step >= 0 and hmac.compare_digest(hotp(secret, step, digits), code):
            return Verification(True, offset)
    return Verification(False, None)


@checked
def acceptance_probability(
    drift_seconds: np.ndarray | list[float] | float,
    window_steps: int = 1,
    period: int = DEFAULT_PERIOD_SECONDS,
    *,
    delay_seconds: float = 0.0,
) -> np.ndarray:
    """Chance a fresh code is accepted when the device clock is ``drift_seconds`` ahead (negative: behind).

    The code is read at a uniformly random moment and reaches the server ``delay_seconds`` later; the server
    accepts steps within ``window_steps`` of its own. Exact, vectorised over ``drift_seconds``.

    >>> [round(float(p), 3) for p in acceptance_probability([0, 20, 45], 1)]
    [1.0, 1.0, 0.5]
    """
    window_steps = validate.integer("window_steps", window_steps, minimum=0, maximum=10, unit="steps")
    period = validate.integer("period", period, minimum=1, maximum=3600, unit="s")
    delay_seconds = validate.number("delay_seconds", delay_seconds, minimum=0, maximum=3600, unit="s")
    drift = np.atleast_1d(np.asarray(drift_seconds, dtype=float))
    if not np.all(np.isfinite(drift)):
        raise ValueError("drift_seconds must be finite numbers of seconds")
    # client step - server step = floor((t + d)/P) - floor((t + delay)/P) for t uniform over one period;
    # with e = d - delay = k*P + r, it is k for a fraction (P - r)/P of moments and k + 1 for r/P.
    effective = drift - delay_seconds
    k = np.floor(effective / period)
    r = effective - k * period
    p_k = np.where(np.abs(k) <= window_steps, (period - r) / period, 0.0)
    p_k1 = np.where(np.abs(k + 1) <= window_steps, r / period, 0.0)
    return p_k + p_k1


@checked
def simulate_logins(
    drift_seconds: float,
    n_logins: int,
    window_steps: int = 1,
    *,
    mean_delay_seconds: float = 5.0,
    period: int = DEFAULT_PERIOD_SECONDS,
    seed: int = 0,
) -> dict[str, float]:
    """Monte Carlo of ``n_logins`` sign-ins with exponential typing delay; returns the accepted fraction.

    Each login reads the code at a random moment (device clock ``drift_seconds`` off) and submits it after an
    exponentially distributed delay with mean ``mean_delay_seconds``.

    >>> type(simulate_logins(20, 100, 1, seed=0)).__name__
    'dict'
    """
    drift_seconds = validate.number("drift_seconds", drift_seconds, minimum=-3600, maximum=3600, unit="s")
    n_logins = validate.integer("n_logins", n_logins, minimum=1, maximum=10_000_000)
    window_steps = validate.integer("window_steps", window_steps, minimum=0, maximum=10, unit="steps")
    mean_delay_seconds = validate.number("mean_delay_seconds", mean_delay_seconds, minimum=0, maximum=600, unit="s")
    period = validate.integer("period", period, minimum=1, maximum=3600, unit="s")
    rng = np.random.default_rng(seed)
    read_at = rng.uniform(1e9, 1e9 + 86_400, n_logins)
    delay = rng.exponential(mean_delay_seconds, n_logins) if mean_delay_seconds > 0 else np.zeros(n_logins)
    client_step = np.floor((read_at + drift_seconds) / period)
    server_step = np.floor((read_at + delay) / period)
    accepted = np.abs(client_step - server_step) <= window_steps
    return {
        "accepted_fraction": float(accepted.mean()),
        "n_logins": float(n_logins),
        "mean_step_offset": float((client_step - server_step).mean()),
    }
