"""Your-turn exercises of the containers notebooks, one module per notebook; answers come from the chapter's models.

References:
    - Amazon ECR User Guide, "Examples of lifecycle policies in Amazon ECR",
      https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html (read 2026-12-03)
"""
