"""TOTP against RFC 6238 Appendix B vectors and HOTP against RFC 4226 Appendix D; window and drift."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.security.mfa import acceptance_probability, hotp, simulate_logins, totp, verify

# RFC 6238 Appendix B: SHA-1 seed "12345678901234567890" (ASCII), 8 digits, 30 s step.
RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
RFC6238_SHA1 = [
    (59, "94287082"),
    (1111111109, "07081804"),
    (1111111111, "14050471"),
    (1234567890, "89005924"),
    (2000000000, "69279037"),
    (20000000000, "65353130"),
]
# RFC 4226 Appendix D: HOTP values for counters 0..9.
RFC4226 = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]


@pytest.mark.parametrize(("timestamp", "code"), RFC6238_SHA1)
def test_rfc6238_vectors(timestamp, code):
    assert totp(RFC_SECRET, timestamp, digits=8) == code


@pytest.mark.parametrize(("counter", "code"), list(enumerate(RFC4226)))
def test_rfc4226_vectors(counter, code):
    assert hotp(b"12345678901234567890", counter) == code


def test_six_digit_code_is_the_low_digits_and_secret_is_forgiving():
    assert totp(RFC_SECRET, 59) == "287082"
    assert totp(RFC_SECRET.lower(), 59) == totp("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", 59)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"secret_base32": "not base32!"}, "secret_base32="),
        ({"secret_base32": ""}, "secret_base32 must be"),
        ({"timestamp": -1}, "timestamp=-1"),
        ({"digits": 4}, "digits=4"),
        ({"period": 0}, "period=0"),
    ],
)
def test_bad_input(kwargs, message):
    args = {"secret_base32": RFC_SECRET, "timestamp": 59, **kwargs}
    with pytest.raises(ValueError) as error:
        totp(**args)
    assert message in str(error.value)


def test_verify_window():
    code_prev = totp(RFC_SECRET, 1000 - 30)
    assert verify(RFC_SECRET, code_prev, 1000, window_steps=1).step_offset == -1
    assert not verify(RFC_SECRET, code_prev, 1000, window_steps=0).accepted
    assert not verify(RFC_SECRET, totp(RFC_SECRET, 1000 + 90), 1000, window_steps=1).accepted


def test_acceptance_probability_known_points():
    # drift d: the device step is ahead by floor(d/30) for (30 - d mod 30)/30 of moments, by one more otherwise
    p = acceptance_probability([0, 29.999, 45, 60, 75, -30, -45, -60], window_steps=1, period=30)
    assert p[0] == 1 and p[1] == pytest.approx(1) and p[2] == pytest.approx(0.5)
    assert p[3] == 0 and p[4] == 0 and p[5] == pytest.approx(1) and p[6] == pytest.approx(0.5) and p[7] == 0


@given(drift=st.floats(-120, 120), window=st.integers(0, 3))
def test_simulation_agrees_with_exact_probability(drift, window):
    exact = float(acceptance_probability(drift, window, 30, delay_seconds=0.0)[0])
    simulated = simulate_logins(drift, 20_000, window, mean_delay_seconds=0.0, seed=1)["accepted_fraction"]
    assert abs(simulated - exact) < 0.03


@given(drift=st.floats(-300, 300), window=st.integers(0, 4))
def test_wider_window_never_accepts_less(drift, window):
    narrow, wide = acceptance_probability([drift], window), acceptance_probability([drift], window + 1)
    assert np.all(wide >= narrow - 1e-12) and 0 <= narrow[0] <= 1
