"""Security and identity: IAM policy evaluation, ARNs, MFA one-time passwords, KMS envelope encryption,
CloudTrail log-file integrity and the shared responsibility model.

Model modules import only the standard library, numpy, pandas and (for real cryptography in ``kms`` and
``cloudtrail``) the ``cryptography`` package; figures live in ``figures``.
"""
