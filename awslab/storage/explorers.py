"""Explorers for the S3 notebooks: controls -> model -> figure, all built through awslab.ui."""

from __future__ import annotations

from awslab import ui
from awslab.storage import figures, s3
from awslab.storage import s3_lifecycle as lifecycle
from awslab.storage import s3_reliability as reliability

SIZE_CHOICES_KIB = [("16 KiB", 16), ("128 KiB", 128), ("1 MiB", 1024), ("10 MiB", 10 * 1024), ("100 MiB", 100 * 1024)]


def explore_consistency(mean_propagation_ms: float = 200, replicas: int = 3, seed: int = 0) -> ui.Explorer:
    """Stale-read share against time since the write, the eventual model of the past next to today's strong model."""

    def view(mean_propagation_ms, replicas):
        eventual = reliability.stale_read_curve("eventual", replicas, mean_propagation_ms, seed=seed, writes=5000)
        strong = reliability.stale_read_curve("strong", replicas, mean_propagation_ms, seed=seed)
        exact = (
            [
                reliability.stale_read_probability_closed_form(t, replicas, mean_propagation_ms)
                for t in eventual.delays_ms
            ]
            if mean_propagation_ms > 0
            else None
        )
        return ui.View(
            figures.stale_read_figure([eventual, strong], exact),
            {
                "stale reads 100 ms after the write (eventual)": f"{eventual.stale_fraction[4]:.1%}",
                "mean time until every replica has it": f"{eventual.expected_stale_window_ms:,.0f} ms",
                "stale reads today (strong)": f"{max(strong.stale_fraction):.0%}",
            },
        )

    return ui.explorer(
        "Consistency: how long can a read be stale?",
        [
            ui.Slider(
                "mean_propagation_ms",
                "mean propagation delay",
                min=0,
                max=500,
                step=50,
                value=mean_propagation_ms,
                unit="ms",
            ),
            ui.Slider("replicas", "replicas", min=1, max=6, step=1, value=replicas, integer=True),
        ],
        view,
    )


def explore_durability(
    object_count: int = 10_000_000, years: int = 10_000, trials: int = 2_000, seed: int = 0
) -> ui.Explorer:
    """Objects lost from a store of ``object_count`` after ``years``: Monte Carlo against the closed form."""

    def view(years, object_count, nines):
        durability = 1 - 10.0 ** (-nines)
        losses = reliability.simulate_object_losses(object_count, years, durability, trials=trials, seed=seed)
        expected = reliability.expected_objects_lost(object_count, years, durability)
        return ui.View(
            figures.durability_figure(losses.tolist(), expected, object_count, years),
            {
                "expected objects lost (closed form)": f"{expected:,.3g}",
                "simulated mean": f"{losses.mean():,.3g}",
                "one object lost every": f"{reliability.years_per_lost_object(object_count, durability):,.0f} years",
            },
        )

    return ui.explorer(
        "Durability: expected object loss",
        [
            ui.Slider(
                "years", "years stored", min=1_000, max=20_000, step=1_000, value=years, unit="years", integer=True
            ),
            ui.Number("object_count", "objects stored", value=object_count, integer=True),
            ui.Slider("nines", "durability nines", min=9, max=12, step=1, value=11, integer=True),
        ],
        view,
    )


PRESET_POLICIES = {
    "stay in STANDARD": lifecycle.single_class_policy("STANDARD"),
    "STANDARD_IA after 30 days": lifecycle.single_class_policy("STANDARD_IA", 30),
    "INTELLIGENT_TIERING from day 0": lifecycle.single_class_policy("INTELLIGENT_TIERING", 0),
    "IA at 30, GLACIER at 90": {
        "Rules": [
            {
                "ID": "ia-then-glacier",
                "Status": "Enabled",
                "Filter": {"Prefix": ""},
                "Transitions": [{"Days": 30, "StorageClass": "STANDARD_IA"}, {"Days": 90, "StorageClass": "GLACIER"}],
            }
        ]
    },
    "GLACIER_IR after 30 days": lifecycle.single_class_policy("GLACIER_IR", 30),
    "DEEP_ARCHIVE after 1 day": lifecycle.single_class_policy("DEEP_ARCHIVE", 1),
}


def explore_policy_comparison(
    object_count: int = 1_000_000,
    object_size_kib: int = 1024,
    horizon_days: int = 730,
    gets_per_month: float = 1.0,
    half_life_days: float = 30,
) -> ui.Explorer:
    """Every preset policy on the same population; move the read rate and watch the cheapest policy change."""

    def view(gets_per_month, object_size_kib, half_life_days, object_count, horizon_days):
        table = lifecycle.compare_policies(
            PRESET_POLICIES,
            object_count=object_count,
            object_size_bytes=object_size_kib * 1024,
            horizon_days=horizon_days,
            access=lifecycle.AccessPattern(gets_per_month, half_life_days),
        )
        best = table.iloc[0]
        return ui.View(
            figures.policy_comparison_figure(table),
            {
                "cheapest policy": best["policy"],
                "its total": f"${best['total']:,.2f}",
                "STANDARD only": f"${table.set_index('policy').loc['stay in STANDARD', 'total']:,.2f}",
            },
        )

    return ui.explorer(
        "Which lifecycle policy is cheapest?",
        [
            ui.Slider(
                "gets_per_month",
                "reads per object per month (when new)",
                min=0,
                max=10,
                step=0.5,
                value=gets_per_month,
                static_values=[0, 0.1, 0.5, 1, 2, 3, 5, 10],
            ),
            ui.Choice("object_size_kib", "object size", options=SIZE_CHOICES_KIB, value=object_size_kib),
            ui.Slider(
                "half_life_days", "read rate halves every", min=0, max=180, step=15, value=half_life_days, unit="days"
            ),
            ui.Number("object_count", "objects", value=object_count, integer=True),
            ui.Slider(
                "horizon_days", "horizon", min=90, max=1825, step=5, value=horizon_days, unit="days", integer=True
            ),
        ],
        view,
    )


def explore_lifecycle_policy(
    preset: str = "IA at 30, GLACIER at 90",
    custom_policy_json: str = "",
    object_count: int = 1_000_000,
    object_size_kib: int = 1024,
    horizon_days: int = 730,
) -> ui.Explorer:
    """One policy month by month: pick a preset, or paste your own LifecycleConfiguration JSON (it wins when set)."""
    lifecycle.parse_lifecycle(PRESET_POLICIES[preset])

    def view(preset, custom_policy_json, gets_per_month, object_count, object_size_kib):
        custom = custom_policy_json.strip()
        result = lifecycle.simulate_lifecycle(
            custom or PRESET_POLICIES[preset],
            object_count=object_count,
            object_size_bytes=object_size_kib * 1024,
            horizon_days=horizon_days,
            access=lifecycle.AccessPattern(gets_per_month, 30),
            name="your policy" if custom else preset,
        )
        numbers = {
            "total over the horizon": f"${result.total_usd:,.2f}",
            "path": " → ".join(f"{p.storage_class} (day {p.start_day})" for p in result.phases),
        }
        if result.notes:
            numbers["note"] = "; ".join(result.notes)
        return ui.View(figures.lifecycle_cost_figure(result), numbers)

    return ui.explorer(
        "A lifecycle policy, month by month",
        [
            ui.Choice("preset", "policy", options=list(PRESET_POLICIES), value=preset),
            ui.Text("custom_policy_json", "or paste a LifecycleConfiguration (JSON)", value=custom_policy_json, rows=6),
            ui.Slider("gets_per_month", "reads per object per month (when new)", min=0, max=10, step=0.5, value=1.0),
            ui.Number("object_count", "objects", value=object_count, integer=True),
            ui.Choice("object_size_kib", "object size", options=SIZE_CHOICES_KIB, value=object_size_kib),
        ],
        view,
        main="preset",
    )


def explore_multipart(
    object_size_gib: float = 8, bandwidth_mbps: float = 500, parallel_streams: int = 8, failures_per_gib: float = 0.5
) -> ui.Explorer:
    """Upload time against part size for one object, with failures resending a part (or the whole single PUT)."""
    candidate_mib = [5, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 5120]

    def view(object_size_gib, part_size_mib, bandwidth_mbps, parallel_streams, failures_per_gib):
        size = int(object_size_gib * s3.GIB)
        plan = s3.plan_multipart_upload(size, None if part_size_mib == 0 else int(part_size_mib * s3.MIB))
        per_stream = bandwidth_mbps / 4  # one TCP stream rarely fills the pipe: assume a quarter of it
        sizes, seconds = [], []
        for mib in candidate_mib:
            if mib * s3.MIB * s3.MAX_PARTS >= size:
                est = s3.upload_estimate(
                    size, bandwidth_mbps, parallel_streams, mib * s3.MIB, failures_per_gib, per_stream
                )
                sizes.append(mib)
                seconds.append(est.seconds)
        chosen = s3.upload_estimate(
            size, bandwidth_mbps, parallel_streams, plan.part_size, failures_per_gib, per_stream
        )
        single = None
        if size <= s3.MAX_SINGLE_PUT_BYTES:
            single = s3.upload_estimate(size, bandwidth_mbps, 1, None, failures_per_gib, per_stream).seconds
        title = f"Uploading {object_size_gib:g} GiB over {bandwidth_mbps:g} Mbit/s with {parallel_streams} streams"
        numbers = {
            "parts": f"{plan.part_count:,} × {plan.part_size / s3.MIB:,.0f} MiB (last {plan.last_part_size / s3.MIB:,.1f} MiB)",
            "expected time (multipart)": f"{chosen.seconds:,.0f} s",
            "bytes resent after failures": f"{chosen.retransmitted_fraction:.1%}",
            "single PUT": "not allowed over 5 GiB" if single is None else f"{single:,.0f} s",
        }
        return ui.View(figures.multipart_figure(sizes, seconds, plan.part_size / s3.MIB, single, title), numbers)

    return ui.explorer(
        "Multipart upload planner",
        [
            ui.Slider(
                "object_size_gib",
                "object size",
                min=1,
                max=100,
                step=1,
                value=object_size_gib,
                unit="GiB",
                static_values=[1, 2, 4, 5, 8, 16, 32, 64, 100],
            ),
            ui.Choice(
                "part_size_mib",
                "part size",
                options=[("automatic", 0)] + [(f"{m} MiB", m) for m in candidate_mib],
                value=0,
            ),
            ui.Slider("bandwidth_mbps", "bandwidth", min=50, max=2000, step=50, value=bandwidth_mbps, unit="Mbit/s"),
            ui.Slider(
                "parallel_streams", "parallel streams", min=1, max=32, step=1, value=parallel_streams, integer=True
            ),
            ui.Number("failures_per_gib", "failures per GiB sent", value=failures_per_gib),
        ],
        view,
    )


def explore_presign_expiry(expires_in_hours: float = 24, credential_hours: float = 12) -> ui.Explorer:
    """Is a presigned URL still good? Its own expiry, and the life of the credentials that signed it."""

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
