"""Your-turn exercises of the storage notebooks, one module per notebook; answers come from the chapter's models.

Each module states no fact of its own: the limits, prices and rules come from the model modules it calls
(``awslab.storage.s3``, ``s3_reliability``, ``s3_lifecycle``, ``glacier``, ``ebs``, ``cloudfront``,
``storage_gateway``), whose References sections cite the AWS pages.

References:
    - Amazon S3 User Guide, "Understanding and managing Amazon S3 storage classes",
      https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-class-intro.html (read 2026-12-03)
"""
