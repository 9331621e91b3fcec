"""Compute chapter models: EC2 sizing, lifecycle and pricing, Auto Scaling, Elastic Load Balancing and Lambda.

Model modules import only the standard library, numpy and pandas; figures live in ``awslab.compute.figures``.
"""
