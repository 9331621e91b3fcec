"""Exercises for 02_fargate_and_eks: a valid Fargate size, a month of Fargate, the EC2 break-even, EKS's fee.

References:
    - Amazon ECS Developer Guide, "Troubleshoot Amazon ECS task definition invalid CPU or memory errors",
      https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html (read 2026-12-03)
    - AWS, "AWS Fargate Pricing", https://aws.amazon.com/fargate/pricing/ (read 2026-12-03)
    - AWS, "Amazon EKS pricing", https://aws.amazon.com/eks/pricing/ (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.containers import eks, fargate

_MONTH = 5 * fargate.task_usd_per_hour(2048, 4096) * fargate.HOURS_PER_MONTH
_EVEN = fargate.compare_with_ec2(20, 1024, 2048).break_even_utilisation

smallest_memory = exercises.choice(
    "fargate-eks-1",
    "The least memory a 4 vCPU task may have",
    task="A Fargate task asks for `cpu` 4096 (4 vCPU). What is the smallest `memory` (MiB) Fargate accepts with it?",
    choices=("4096", "8192", "16384", "30720"),
    answer=str(fargate.allowed_memory_mib(4096)[0]),
    hint="`fargate.allowed_memory_mib(4096)` lists them; the table runs from 2 GiB per vCPU.",
    solution=f"{fargate.memory_range_text(4096)}: so 8192 MiB is the least, and 30720 MiB the most.",
)

month_of_fargate = exercises.number(
    "fargate-eks-2",
    "A month of five tasks",
    task=(
        "Five Linux/x86 Fargate tasks of 2 vCPU and 4 GiB run all month (730 hours) in us-east-1 at the notebook's "
        "list prices. What do they cost, in USD?"
    ),
    answer=round(_MONTH, 2),
    hint="Per task-hour: 2 x the vCPU-hour price + 4 x the GB-hour price. Then x 5 tasks x 730 hours.",
    solution=(
        f"USD {_MONTH:,.2f}: one task costs {fargate.task_usd_per_hour(2048, 4096):.5f} an hour "
        "(`fargate.task_usd_per_hour(2048, 4096)`)."
    ),
    unit="USD",
)

break_even = exercises.number(
    "fargate-eks-3",
    "Where EC2 starts to pay",
    task=(
        "Twenty Linux/x86 tasks of 1 vCPU and 2 GiB: on m5.large instances (2 vCPU, 8 GiB, USD 0.096 an hour) CPU "
        "is the binding resource. Above what utilisation (in %) of the instances' CPU is EC2 cheaper than Fargate?"
    ),
    answer=round(100 * _EVEN, 1),
    hint="At 100% two tasks fill an m5.large, so you need 10. Compare that fleet's price with Fargate's, and divide.",
    solution=(
        f"{100 * _EVEN:.1f}%: `fargate.compare_with_ec2(20, 1024, 2048).break_even_utilisation`. Memory-heavy tasks "
        "favour EC2, because Fargate's GB-hours add up."
    ),
    unit="%",
)

eks_fee = exercises.number(
    "fargate-eks-4",
    "Three clusters a year in extended support",
    task="What does the EKS control plane of three clusters cost over 12 months in extended support, in USD?",
    answer=eks.control_plane_usd(3, months=12, support="extended"),
    hint="Extended support is USD 0.60 per cluster-hour; a month is 730 hours here.",
    solution=(
        f"USD {eks.control_plane_usd(3, months=12, support='extended'):,.0f}, against "
        f"USD {eks.control_plane_usd(3, months=12):,.0f} in standard support: upgrading on time pays."
    ),
    unit="USD",
)
