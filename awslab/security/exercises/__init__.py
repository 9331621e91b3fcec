"""Your-turn exercises of the security notebooks, one module per notebook, answers computed by the chapter's models
(see :mod:`awslab.exercises`).

References:
    - IAM User Guide, "Policy evaluation logic" (what the security exercises' answers follow),
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html (read 2026-12-03)
    - The sources of each answer are the References of the model module it calls (layers, organizations,
      app_identity, secrets, threat_detection); AWS STS API Reference, "AssumeRole",
      https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (read 2026-12-03)
"""
