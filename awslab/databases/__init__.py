"""Databases chapter: RDS and Aurora, DynamoDB, ElastiCache and Redshift models (stdlib, numpy, pandas only)."""
