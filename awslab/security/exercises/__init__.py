"""Exercises of the security notebooks, one module per notebook, answers computed by the chapter's models
(see :mod:`awslab.exercises`).

References:
    - The sources of each answer are the References of the model module it calls (app_identity, secrets,
      threat_detection); AWS STS API Reference, "AssumeRole",
      https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (read 2026-12-03)
"""
