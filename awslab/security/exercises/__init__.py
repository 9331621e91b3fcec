"""Your-turn exercises of the security notebooks, one module per notebook, answers computed by the chapter's models.

References:
    - IAM User Guide, "Policy evaluation logic" (what the security exercises' answers follow),
      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html (read 2026-12-03)
"""
