"""The resilience chapter's "your turn" exercises, one module per notebook; answers come from the chapter's models.

References:
    - The sources of every number are in the models the exercises call: ``awslab.resilience.dr``, ``blocks`` and
      ``wellarchitected``; AWS Resilience Hub API Reference, "MultiRegionTargets",
      https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-resiliencehubv2-policy-multiregiontargets.html
      (read 2026-12-03)
"""
