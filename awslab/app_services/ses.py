"""SES sending quotas: how long a mailing takes under a SendQuota (per-second rate and rolling 24-hour quota).

The quota is GetSendQuota's shape: {"Max24HourSend", "MaxSendRate", "SentLast24Hours"}; Max24HourSend -1 means
unlimited. Quotas count recipients, not messages.

References:
    - Amazon SES Developer Guide, "Service quotas in Amazon SES",
      https://docs.aws.amazon.com/ses/latest/dg/quotas.html (read 2026-11-27)
    - Amazon SES Developer Guide, "Request production access (Moving out of the Amazon SES sandbox)",
      https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html (read 2026-11-27)
    - Amazon SES API Reference, "GetSendQuota",
      https://docs.aws.amazon.com/ses/latest/APIReference/API_GetSendQuota.html (read 2026-12-03)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

# "Service quotas in Amazon SES" and "Request production access", SES Developer Guide, read 2026-11-27.
SANDBOX_SEND_QUOTA = {"Max24HourSend": 200.0, "MaxSendRate": 1.0, "SentLast24Hours": 0.0}
MAX_MESSAGE_BYTES_V1_API = 10 * 1024**2  # after base64 encoding
MAX_MESSAGE_BYTES_V2_API = 40 * 1024**2  # SES v2 API or SMTP
SECONDS_PER_DAY = 86_400


@dataclass(frozen=True)
class MailingPlan:
    """Time to reach every recipient under a quota.

    >>> mailing_time(1000, {"Max24HourSend": 50000, "MaxSendRate": 14, "SentLast24Hours": 0}).windows
    1
    """

    recipients: int
    windows: int  # 24-hour windows used
    seconds: float

    @property
    def days(self) -> float:
        """The same time in days."""
        return self.seconds / SECONDS_PER_DAY


@checked
def mailing_time(recipients: int, send_quota: dict | None = None) -> MailingPlan:
    """Seconds to send to ``recipients`` at MaxSendRate without passing Max24HourSend in any rolling 24 hours.

    Recipients already sent in the last 24 hours (SentLast24Hours) are assumed to leave the window only at its
    end, the cautious reading.

    >>> round(mailing_time(1000, {"Max24HourSend": 50000, "MaxSendRate": 14, "SentLast24Hours": 0}).seconds, 1)
    71.4
    """
    count = validate.integer("recipients", recipients, minimum=0, maximum=10**10)
    quota = {**SANDBOX_SEND_QUOTA, **(send_quota or {})}
    rate = validate.number("MaxSendRate", quota["MaxSendRate"], minimum=0, exclusive_minimum=True, unit="emails/s")
    daily = float(quota["Max24HourSend"])
    if daily != -1:
        daily = validate.number("Max24HourSend", daily, minimum=1, unit="emails")
    already = validate.number("SentLast24Hours", quota["SentLast24Hours"], minimum=0, unit="emails")
    if count == 0:
        return MailingPlan(0, 0, 0.0)
    if daily == -1:
        return MailingPlan(count, 1, count / rate)
    room_now = max(daily - already, 0.0)
    first = min(count, math.floor(room_now))
    rest = count - first
    if rest == 0:
        return MailingPlan(count, 1, first / rate)
    full_windows, last = divmod(rest, int(daily))
    if last == 0:
        full_windows, last = full_windows - 1, int(daily)
    # Each later window opens 24 h after the previous one; the last batch then needs last / rate seconds.
    windows = 1 + full_windows + 1
    return MailingPlan(count, windows, (windows - 1) * SECONDS_PER_DAY + last / rate)
