"""Figures build from model results, with titles and axis titles."""

from __future__ import annotations

import numpy as np

from awslab.security import cloudtrail, figures, kms, mfa, responsibility
from awslab.security.iam import evaluate, evaluate_grid

POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "Read", "Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::b/*"},
        {"Sid": "NoSecrets", "Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::b/secret/*"},
    ],
}


def test_decision_grid_and_trace_figures():
    grid = evaluate_grid([POLICY], ["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::b/a", "arn:aws:s3:::b/secret/x"])
    fig = figures.decision_grid_figure(grid)
    assert fig.data[0].z == ((1, 2), (0, 2)) or [list(r) for r in fig.data[0].z] == [[1, 2], [0, 2]]
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
    trace = figures.trace_figure(evaluate([POLICY], "s3:GetObject", "arn:aws:s3:::b/secret/x"))
    assert "explicitDeny" in trace.layout.title.text
    assert list(trace.data[0].cells.values[2]) == ["Allow", "Deny"]


def test_mfa_rotation_chain_and_responsibility_figures():
    drift = np.linspace(-90, 90, 31)
    fig = figures.mfa_drift_figure(drift, {w: mfa.acceptance_probability(drift, w).tolist() for w in (0, 1)})
    assert len(fig.data) == 2 and isinstance(fig.data[0].x, tuple) and "drift" in fig.layout.xaxis.title.text
    rot = figures.rotation_figure(kms.rotation_schedule(400))
    assert max(rot.data[1].y) == 2
    key = cloudtrail.generate_signing_key()
    trail = cloudtrail.build_trail(cloudtrail.sample_events(2), key)
    bad = cloudtrail.tamper(trail, "modify_log", 1)
    chain = figures.digest_chain_figure(bad, cloudtrail.validate_trail(bad, key.public_key()))
    assert "tampering found" in chain.layout.title.text
    assert any("modified" in t for t in chain.data[0].text)
    resp = figures.responsibility_figure(responsibility.responsibility_table())
    assert len(resp.data[0].y) == len(responsibility.responsibility_table())
