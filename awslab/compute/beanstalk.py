"""Elastic Beanstalk: the application / version / environment model and what each deployment policy does.

Sources (read 2026-11-27):
- https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/concepts.html (application, version, environment)
- https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.rolling-version-deploy.html
  (DeploymentPolicy AllAtOnce / Rolling / RollingWithAdditionalBatch / Immutable / TrafficSplitting,
  BatchSizeType Percentage / Fixed, in the aws:elasticbeanstalk:command namespace)
- https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.CNAMESwap.html (blue/green by CNAME swap)

References:
    - AWS Elastic Beanstalk Developer Guide, "Elastic Beanstalk concepts",
      https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/concepts.html (read 2026-11-27)
    - AWS Elastic Beanstalk Developer Guide, "Deployment policies and settings",
      https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.rolling-version-deploy.html (read 2026-12-03)
    - AWS Elastic Beanstalk Developer Guide, "Blue/Green deployments with Elastic Beanstalk",
      https://docs.aws.amazon.com/elasticbeanstalk/latest/dg/using-features.CNAMESwap.html (read 2026-11-27)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from awslab import validate
from awslab.validate import checked

DEPLOYMENT_POLICIES = ("AllAtOnce", "Rolling", "RollingWithAdditionalBatch", "Immutable", "TrafficSplitting")
BATCH_SIZE_TYPES = ("Percentage", "Fixed")


@dataclass(frozen=True)
class Environment:
    """One environment: the single version it runs, its tier and its CNAME.

    >>> Environment("web-prod", "v1", "web-prod.elasticbeanstalk.com").tier
    'WebServer'
    """

    name: str
    version_label: str
    cname: str
    tier: str = "WebServer"


@dataclass(frozen=True)
class Application:
    """A folder of versions (each a labelled source bundle in S3) and the environments running them.

    >>> app = Application("shop", {}, ()).add_version("v1", "v1.zip").add_version("v2", "v2.zip")
    >>> app = app.create_environment("blue", "v1").create_environment("green", "v2")
    >>> app.swap_cnames("blue", "green").serving(app.environments[0].cname)
    'v2'
    """

    name: str
    versions: dict[str, str]
    environments: tuple[Environment, ...] = ()

    def add_version(self, label: str, s3_key: str) -> Application:
        """Return the application with a new version; labels are unique within an application."""
        if label in self.versions:
            raise ValueError(f"label={label!r} already exists in application {self.name!r}; version labels are unique")
        return replace(self, versions={**self.versions, label: s3_key})

    def create_environment(self, name: str, version_label: str, tier: str = "WebServer") -> Application:
        """Return the application with a new environment running ``version_label``."""
        self._check_version(version_label)
        validate.choice("tier", tier, ("WebServer", "Worker"))
        if any(e.name == name for e in self.environments):
            raise ValueError(f"name={name!r} is already an environment of {self.name!r}")
        env = Environment(name, version_label, f"{name}.us-east-1.elasticbeanstalk.com", tier)
        return replace(self, environments=(*self.environments, env))

    def deploy(self, environment: str, version_label: str) -> Application:
        """Return the application with ``environment`` running ``version_label`` (one version per environment)."""
        self._check_version(version_label)
        env = self._environment(environment)
        return self._replace_env(env, replace(env, version_label=version_label))

    def swap_cnames(self, first: str, second: str) -> Application:
        """Return the application with the two environments' CNAMEs exchanged (a blue/green cut-over)."""
        a, b = self._environment(first), self._environment(second)
        return self._replace_env(a, replace(a, cname=b.cname))._replace_env(b, replace(b, cname=a.cname))

    def serving(self, cname: str) -> str:
        """Return the version label that answers at ``cname``."""
        for env in self.environments:
            if env.cname == cname:
                return env.version_label
        raise ValueError(f"cname={cname!r} belongs to no environment of {self.name!r}")

    def _check_version(self, label: str) -> None:
        if label not in self.versions:
            raise ValueError(f"version_label={label!r} is not one of: {', '.join(self.versions) or '(none)'}")

    def _environment(self, name: str) -> Environment:
        for env in self.environments:
            if env.name == name:
                return env
        raise ValueError(f"environment={name!r} is not one of: {', '.join(e.name for e in self.environments)}")

    def _replace_env(self, old: Environment, new: Environment) -> Application:
        return replace(self, environments=tuple(new if e.name == old.name else e for e in self.environments))


@dataclass(frozen=True)
class Deployment:
    """A deployment as phases: each starts at ``phase_minutes[k]`` with that many instances serving the old and
    the new version and running in all; the last phase is the finished state.

    >>> deployment_timeline("Rolling", 8, batch_size=25).phase_minutes
    [0.0, 3.0, 6.0, 9.0, 12.0]
    """

    policy: str
    phase_minutes: list[float]
    old_serving: list[int]
    new_serving: list[int]
    instances_running: list[int]
    total_minutes: float
    min_capacity_fraction: float
    extra_instances_peak: int
    rollback: str


@checked
def batch_count(instances: int, batch_size: float, batch_size_type: str) -> int:
    """Return instances per batch: a percentage of the fleet (rounded up, at least 1) or a fixed number.

    >>> batch_count(8, 30, "Percentage"), batch_count(8, 3, "Fixed")
    (3, 3)
    """
    kind = validate.choice("batch_size_type", batch_size_type, BATCH_SIZE_TYPES)
    if kind == "Percentage":
        size = validate.number("batch_size", batch_size, minimum=0, maximum=100, exclusive_minimum=True)
        return max(1, math.ceil(instances * size / 100.0))
    return min(instances, validate.integer("batch_size", batch_size, minimum=1))


@checked
def deployment_timeline(
    policy: str,
    instances: int,
    batch_size: float = 30,
    batch_size_type: str = "Percentage",
    deploy_minutes: float = 3.0,
    launch_minutes: float = 5.0,
    traffic_split_percent: float = 10,
    evaluation_minutes: float = 5.0,
) -> Deployment:
    """Return, phase by phase, how many instances serve the old and the new version during a deployment.

    AllAtOnce deploys everywhere at once (an outage while it installs). Rolling takes batches out of service.
    RollingWithAdditionalBatch launches one extra batch first so capacity never drops. Immutable launches a full
    new set in a temporary Auto Scaling group and then drops the old one. TrafficSplitting does the same but first
    sends ``traffic_split_percent`` of requests to the new set for ``evaluation_minutes`` (shown as that share of
    the fleet's instance count).

    >>> d = deployment_timeline("Immutable", 8)
    >>> d.total_minutes, d.min_capacity_fraction, d.extra_instances_peak
    (8.0, 1.0, 8)
    """
    kind = validate.choice("policy", policy, DEPLOYMENT_POLICIES)
    n = validate.integer("instances", instances, minimum=1)
    deploy = validate.number("deploy_minutes", deploy_minutes, minimum=0)
    launch = validate.number("launch_minutes", launch_minutes, minimum=0)
    split = validate.number("traffic_split_percent", traffic_split_percent, minimum=0, maximum=100)
    evaluation = validate.number("evaluation_minutes", evaluation_minutes, minimum=0)
    minutes: list[float] = []
    old: list[int] = []
    new: list[int] = []
    running: list[int] = []
    clock = 0.0

    def phase(duration: float, o: int, w: int, r: int) -> None:
        """Record a phase that starts now, serving o old and w new with r running, and lasts ``duration``."""
        nonlocal clock
        minutes.append(clock)
        old.append(o)
        new.append(w)
        running.append(r)
        clock += duration

    if kind == "AllAtOnce":
        phase(deploy, 0, 0, n)
        rollback = "redeploy the previous version (another outage)"
    elif kind in ("Rolling", "RollingWithAdditionalBatch"):
        size = batch_count(n, batch_size, batch_size_type)
        extra = size if kind == "RollingWithAdditionalBatch" else 0
        if extra:
            phase(launch + deploy, n, 0, n + extra)
        remaining, done = n, extra
        while remaining > 0:
            take = min(size, remaining)
            phase(deploy, remaining - take, done, n + extra)
            remaining -= take
            done += take
        rollback = "a rolling redeploy of the previous version, batch by batch"
    else:
        phase(launch + deploy, n, 0, 2 * n)
        if kind == "TrafficSplitting":
            share = round(n * split / 100.0)
            phase(evaluation, n - share, share, 2 * n)
        rollback = "terminate the new instances; the old ones never changed"
    phase(0, 0, n, n)
    serving = [(o + w) / n for o, w in zip(old, new, strict=True)]
    return Deployment(
        kind,
        [round(m, 6) for m in minutes],
        old,
        new,
        running,
        round(minutes[-1], 6),
        round(min(serving), 6),
        max(running) - n,
        rollback,
    )
