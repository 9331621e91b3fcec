"""Containers: ECR images and lifecycle policies, ECS task placement, Fargate sizes and costs, EKS, and choosing."""
