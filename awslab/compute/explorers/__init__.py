"""Explorers for the Compute notebooks, one module per notebook: controls -> model -> figure through awslab.ui."""

from awslab.compute.explorers.auto_scaling import (
    explore_instance_refresh,
    explore_scaling_policies,
    explore_step_scaling,
)
from awslab.compute.explorers.ec2_basics import explore_lifecycle, explore_right_sizing
from awslab.compute.explorers.lambda_beanstalk import explore_deployment, explore_lambda_vs_instance
from awslab.compute.explorers.load_balancing import explore_cross_zone, explore_health_check, explore_load_balancer
from awslab.compute.explorers.paying_for_ec2 import explore_breakeven, explore_fleet_mix, explore_spot

__all__ = [
    "explore_breakeven",
    "explore_cross_zone",
    "explore_deployment",
    "explore_fleet_mix",
    "explore_health_check",
    "explore_instance_refresh",
    "explore_lambda_vs_instance",
    "explore_lifecycle",
    "explore_load_balancer",
    "explore_right_sizing",
    "explore_scaling_policies",
    "explore_spot",
    "explore_step_scaling",
]
