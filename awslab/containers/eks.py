"""Amazon EKS control-plane cost, and choosing between ECS, EKS, App Runner and Lambda on the exam's usual criteria.

EKS charges per cluster-hour for the control plane (the Kubernetes API servers and etcd that AWS runs across three
AZs); the data plane (EC2 nodes, managed node groups, Fargate pods) is billed as EC2 or Fargate. A Kubernetes minor
version gets 14 months of standard support and then 12 months of extended support at a higher cluster-hour price;
extended support is on by default for clusters created through the API.

The chooser scores each option 0 (poor fit) to 3 (best fit) per criterion, with the reason and the page it comes
from; your weights decide the ranking. App Runner closed to new customers on 2026-04-30 (AWS now points new users to
Amazon ECS Express Mode), so for a new customer it is listed but not ranked.

References:
    - AWS, "Amazon EKS pricing" (USD 0.10 per cluster-hour in standard support, USD 0.60 in extended support),
      https://aws.amazon.com/eks/pricing/ (read 2026-12-03)
    - AWS Containers Blog, "Amazon EKS extended support for Kubernetes versions pricing" (a cluster in extended
      support is charged USD 0.60 per cluster-hour in total from the April 2024 billing cycle, starting 2024-04-01;
      standard support stays at USD 0.10),
      https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/
      (read 2026-12-03)
    - Amazon EKS User Guide, "Understand the Kubernetes version lifecycle on EKS" (14 months standard, 12 months
      extended support, extended support enabled by default),
      https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html (read 2026-12-03)
    - Amazon EKS User Guide, "Simplify compute management with AWS Fargate" (Fargate profiles select pods; no
      DaemonSets or privileged containers on Fargate), https://docs.aws.amazon.com/eks/latest/userguide/fargate.html
      (read 2026-12-03)
    - Amazon EKS User Guide, "Add flexibility to plan Kubernetes version upgrades by enabling EKS extended support"
      (console-created clusters have extended support off, API-created on),
      https://docs.aws.amazon.com/eks/latest/userguide/enable-extended-support.html (read 2026-12-03)
    - AWS App Runner Developer Guide, "AWS App Runner availability change" (closed to new customers from
      2026-04-30; existing customers continue; AWS recommends Amazon ECS Express Mode),
      https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html (read 2026-12-03)
    - AWS Lambda Developer Guide, "Lambda quotas" (function timeout 900 seconds, memory up to 10,240 MB),
      https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (read 2026-12-03)
    - AWS, "Amazon ECS pricing" (no additional charge for ECS orchestration), https://aws.amazon.com/ecs/pricing/
      (read 2026-12-03)
    - Amazon ECS Developer Guide, "Architect for AWS Fargate for Amazon ECS" (no servers or cluster capacity to
      manage), https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

HOURS_PER_MONTH = 730
EKS_USD_PER_CLUSTER_HOUR = {"standard": 0.10, "extended": 0.60}
STANDARD_SUPPORT_MONTHS = 14
EXTENDED_SUPPORT_MONTHS = 12
APP_RUNNER_CLOSED = "2026-04-30"

OPTIONS = ("ECS on Fargate", "EKS", "App Runner", "Lambda")
SOURCES = {
    "eks-pricing": "https://aws.amazon.com/eks/pricing/",
    "ecs-pricing": "https://aws.amazon.com/ecs/pricing/",
    "fargate": "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html",
    "lambda-quotas": "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
    "apprunner": "https://docs.aws.amazon.com/apprunner/latest/dg/apprunner-availability-change.html",
    "eks-versions": "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html",
}

# criterion -> option -> (score 0-3, why, source key). Our judgement, from the facts on the cited pages.
SCORES: dict[str, dict[str, tuple[int, str, str]]] = {
    "least operations": {
        "ECS on Fargate": (2, "no servers or cluster capacity to manage; you still write task definitions", "fargate"),
        "EKS": (
            1,
            "AWS runs the control plane; you run Kubernetes objects, add-ons and version upgrades",
            "eks-versions",
        ),
        "App Runner": (3, "from an image or source to an HTTPS URL with scaling built in", "apprunner"),
        "Lambda": (3, "functions only: no containers to run, scaling per request", "lambda-quotas"),
    },
    "long-running or always-on work": {
        "ECS on Fargate": (3, "tasks and services run as long as you like", "fargate"),
        "EKS": (3, "pods run as long as you like", "eks-versions"),
        "App Runner": (2, "always-on web services only", "apprunner"),
        "Lambda": (0, "an invocation stops at 900 seconds (15 minutes)", "lambda-quotas"),
    },
    "Kubernetes API and portability": {
        "ECS on Fargate": (0, "ECS has its own API, not Kubernetes", "ecs-pricing"),
        "EKS": (3, "upstream Kubernetes: the same manifests and tools as anywhere else", "eks-versions"),
        "App Runner": (0, "its own API", "apprunner"),
        "Lambda": (0, "its own programming model", "lambda-quotas"),
    },
    "no fixed cost when idle": {
        "ECS on Fargate": (2, "no ECS charge; you pay for the tasks you keep running", "ecs-pricing"),
        "EKS": (1, "each cluster costs USD 0.10 an hour (0.60 in extended support) before any pod runs", "eks-pricing"),
        "App Runner": (2, "provisioned instances are billed for memory while idle", "apprunner"),
        "Lambda": (3, "nothing is billed between invocations", "lambda-quotas"),
    },
}
CRITERIA = tuple(SCORES)
# Who may start using each option today: App Runner closed to new customers on 2026-04-30 (apprunner page).
OPEN_TO_NEW_CUSTOMERS = {"ECS on Fargate": True, "EKS": True, "App Runner": False, "Lambda": True}
# Kubernetes counts only when you need it: weight 0 unless the learner says so.
DEFAULT_WEIGHTS = {
    "least operations": 1.0,
    "long-running or always-on work": 1.0,
    "Kubernetes API and portability": 0.0,
    "no fixed cost when idle": 1.0,
}


@checked
def control_plane_usd(clusters: int = 1, *, months: float = 1.0, support: str = "standard") -> float:
    """EKS control-plane cost in USD for ``clusters`` over ``months`` (730 hours each), standard or extended support.

    >>> control_plane_usd(1), control_plane_usd(3, support="extended")
    (73.0, 1314.0)
    """
    n = validate.integer("clusters", clusters, minimum=0, maximum=10_000)
    m = validate.number("months", months, minimum=0, maximum=120, unit="months")
    kind = validate.choice("support", support, tuple(EKS_USD_PER_CLUSTER_HOUR))
    return round(n * m * HOURS_PER_MONTH * EKS_USD_PER_CLUSTER_HOUR[kind], 6)


@dataclass(frozen=True)
class Choice:
    """Weighted scores per option (None where the option is not available to you), best first in ``ranking``."""

    scores: dict[str, float | None]
    ranking: tuple[str, ...]
    weights: dict[str, float]

    @property
    def best(self) -> str:
        """The top-ranked option."""
        return self.ranking[0]


@checked
def choose(weights: dict[str, float] | None = None, *, new_customer: bool = True) -> Choice:
    """Rank the options by the weighted sum of their scores (weights not given take DEFAULT_WEIGHTS).

    >>> choose().ranking
    ('ECS on Fargate', 'Lambda', 'EKS')
    >>> choose({"Kubernetes API and portability": 3}).best
    'EKS'
    """
    given = dict(weights or {})
    unknown = sorted(set(given) - set(CRITERIA))
    if unknown:
        raise ValueError(f"weights has unknown criteria {unknown}; the criteria are: {', '.join(CRITERIA)}")
    full = {
        c: validate.number(f"weights[{c!r}]", given.get(c, DEFAULT_WEIGHTS[c]), minimum=0, maximum=10) for c in CRITERIA
    }
    if not any(full.values()):
        raise ValueError("weights are all 0: give at least one criterion a weight above 0")
    scores: dict[str, float | None] = {}
    for option in OPTIONS:
        if new_customer and not OPEN_TO_NEW_CUSTOMERS[option]:
            scores[option] = None
            continue
        scores[option] = round(sum(full[c] * SCORES[c][option][0] for c in CRITERIA), 6)
    ranked = sorted((o for o in OPTIONS if scores[o] is not None), key=lambda o: (-scores[o], OPTIONS.index(o)))
    return Choice(scores=scores, ranking=tuple(ranked), weights=full)


@checked
def score_table() -> list[dict]:
    """The scores with their reasons and sources, one row per criterion and option.

    >>> score_table()[0]["option"], score_table()[0]["score"]
    ('ECS on Fargate', 2)
    """
    return [
        {"criterion": c, "option": o, "score": s, "why": why, "source": SOURCES[src]}
        for c in CRITERIA
        for o, (s, why, src) in SCORES[c].items()
    ]
