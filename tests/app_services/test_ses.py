"""SES: mailing time under sending quotas."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awslab.app_services.ses import SANDBOX_SEND_QUOTA, SECONDS_PER_DAY, mailing_time


def test_sandbox_quota_is_200_a_day_at_one_per_second():
    # SES Developer Guide, "Request production access": 200 messages per 24 hours, 1 per second.
    assert SANDBOX_SEND_QUOTA["Max24HourSend"] == 200 and SANDBOX_SEND_QUOTA["MaxSendRate"] == 1
    assert mailing_time(200).seconds == 200
    plan = mailing_time(201)
    assert plan.windows == 2 and plan.seconds == SECONDS_PER_DAY + 1
    assert mailing_time(600).seconds == 2 * SECONDS_PER_DAY + 200


def test_production_quota_and_unlimited():
    quota = {"Max24HourSend": 50_000, "MaxSendRate": 14, "SentLast24Hours": 0}
    assert mailing_time(14_000, quota).seconds == pytest.approx(1000)
    assert mailing_time(100_000, {"Max24HourSend": -1, "MaxSendRate": 100}).seconds == 1000


def test_recipients_already_sent_use_up_the_window():
    plan = mailing_time(100, {"SentLast24Hours": 150})
    assert plan.windows == 2
    assert plan.seconds == SECONDS_PER_DAY + 50


def test_bad_quota():
    with pytest.raises(ValueError, match="MaxSendRate"):
        mailing_time(10, {"MaxSendRate": 0})
    with pytest.raises(ValueError, match="recipients"):
        mailing_time(-1)


@given(
    recipients=st.integers(0, 100_000),
    daily=st.integers(1, 20_000),
    rate=st.floats(0.5, 100),
    already=st.integers(0, 20_000),
)
def test_mailing_never_beats_the_rate_or_the_quota(recipients, daily, rate, already):
    plan = mailing_time(recipients, {"Max24HourSend": daily, "MaxSendRate": rate, "SentLast24Hours": already})
    assert plan.seconds >= recipients / rate - 1e-9
    # Each 24-hour window sends at most the daily quota (the first one less what was already sent).
    assert recipients <= plan.windows * daily
    assert (
        mailing_time(recipients + 1, {"Max24HourSend": daily, "MaxSendRate": rate, "SentLast24Hours": already}).seconds
        >= plan.seconds
    )
