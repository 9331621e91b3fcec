"""Explorers of the protecting data notebook (03): how long a presigned URL works."""

from __future__ import annotations

from awslab import ui
from awslab.storage import figures, s3


def explore_presign_expiry(expires_in_hours: float = 24, credential_hours: float = 12) -> ui.Explorer:
    """Is a presigned URL still good? Its own expiry, and the life of the credentials that signed it.

    >>> explore_presign_expiry().last_view.numbers["S3 answers"]
    '200 OK'
    """

    def view(check_after_hours, expires_in_hours, credential_hours):
        s3_seconds = int(expires_in_hours * 3600)
        if not 1 <= s3_seconds <= s3.MAX_PRESIGN_SECONDS:
            raise ValueError(f"expires_in={s3_seconds} s is outside 1 to {s3.MAX_PRESIGN_SECONDS} s (7 days)")
        end = expires_in_hours if credential_hours == 0 else min(expires_in_hours, credential_hours)
        works = check_after_hours <= end
        return ui.View(
            figures.presign_timeline_figure(expires_in_hours, check_after_hours, credential_hours or None),
            {
                "request at": f"{check_after_hours:g} h after signing",
                "S3 answers": "200 OK" if works else "403 AccessDenied (expired)",
                "URL dies at": f"{end:g} h",
            },
        )

    return ui.explorer(
        "Presigned URL lifetime",
        [
            ui.Slider(
                "check_after_hours",
                "request made after",
                min=0,
                max=168,
                step=6,
                value=6,
                unit="h",
                static_values=[0, 6, 12, 18, 24, 48, 96, 168],
            ),
            ui.Number("expires_in_hours", "X-Amz-Expires", value=expires_in_hours, unit="h"),
            ui.Choice(
                "credential_hours",
                "signed with",
                options=[
                    ("an IAM user's long-term keys", 0),
                    ("a role session lasting 1 h", 1),
                    ("a role session lasting 12 h", 12),
                ],
                value=credential_hours,
            ),
        ],
        view,
    )
