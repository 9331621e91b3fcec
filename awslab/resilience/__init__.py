"""Resilience and disaster recovery: DR strategies, their building blocks and the Well-Architected review."""
