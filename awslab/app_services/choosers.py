"""Choosing services: requirements in, ranked services out, with the reason for each rank.

Three choosers share one engine (:func:`rank`): messaging and integration (:data:`MESSAGING`), where to run
(:data:`LOCATIONS` for Region and its extensions, :data:`JOB_COMPUTE` for batch-style jobs), and the AI services
(:data:`AI`). A chooser is a catalogue: each service says, for a requirement's value, whether it **fits** (+2),
**can be made to work** (+1), or **rules it out** (with the reason). A requirement left out, or set to ``"any"``, says
nothing. A service is feasible when no stated requirement rules it out; the ranking puts feasible services first,
then by score, then in catalogue order, so it is a strict total order and the same input always gives the same list.
Removing a requirement can never make a feasible service infeasible (the tests check both with hypothesis).

The scores are this course's judgement, written down so that it can be argued with; the reasons carry the facts,
and those are checked against the pages below. The billing units of Rekognition, Comprehend, Textract, Translate,
Lex, Kendra, Bedrock and SageMaker AI in :data:`AI_COST_UNITS` are named from their pricing pages' structure and are
marked unverified in the notebook; no price is given for any service. :func:`critical_path` is the X-Ray section's model: a trace of
nested segments (X-Ray's segment document shape) in, the critical path and where its time goes out.

References:
    - Amazon MQ Developer Guide, "Using Amazon MQ for ActiveMQ" (AMQP, MQTT, MQTT over WebSocket, OpenWire,
      STOMP, STOMP over WebSocket),
      https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/working-with-activemq.html (read 2026-12-03)
    - AWS Batch User Guide, "Array jobs" (array size between 2 and 10,000; the timeout applies to each child job),
      https://docs.aws.amazon.com/batch/latest/userguide/array_jobs.html (read 2026-12-03)
    - AWS Batch API Reference, "JobTimeout" (attemptDurationSeconds, at least 60 seconds),
      https://docs.aws.amazon.com/batch/latest/APIReference/API_JobTimeout.html (read 2026-12-03)
    - AWS Wavelength Developer Guide, "Architect apps for Wavelength" (hub and spoke with the Region; carrier-specific
      network access), https://docs.aws.amazon.com/wavelength/latest/developerguide/architecture.html, and the
      service page https://docs.aws.amazon.com/wavelength (standard AWS compute and storage at the edge of carriers'
      5G networks) (read 2026-12-03)
    - Amazon SageMaker AI Developer Guide, "Amazon SageMaker AI rename" (Amazon SageMaker AI, formerly Amazon
      SageMaker; since 3 December 2024 "Amazon SageMaker" names the unified data, analytics and AI platform; APIs,
      endpoints and the ``sagemaker`` namespace unchanged),
      https://docs.aws.amazon.com/sagemaker/latest/dg/whatis.html (read 2026-12-03)
    - AWS X-Ray Developer Guide, "X-Ray SDK and daemon end of support timeline" (maintenance mode from 25 February
      2026, end of support 25 February 2027; migrate to OpenTelemetry),
      https://docs.aws.amazon.com/xray/latest/devguide/xray-daemon-eos.html (read 2026-12-03)
    - Amazon CloudWatch User Guide, "OpenTelemetry" (OTLP endpoint, Application Signals, Transaction Search),
      https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-OpenTelemetry-Sections.html (read 2026-12-03)
    - Amazon Transcribe pricing (billed in one-second increments, 15-second minimum per request),
      https://aws.amazon.com/transcribe/pricing/ (read 2026-12-03)
    - Amazon Polly pricing (per character of text; standard, neural, long-form and generative voices priced apart),
      https://aws.amazon.com/polly/pricing/ (through a transcription of that page; prices not used) (read 2026-12-03)
    - Lambda function timeout 900 seconds: the compute chapter's ``awslab.compute.lambda_cost`` and the Lambda quotas
      page https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (read 2026-12-03)
"""

from __future__ import annotations

from dataclasses import dataclass

from awslab import validate
from awslab.validate import checked

ANY = "any"
FITS, WORKS = 2, 1  # points for a requirement a service fits well, or can be made to meet
NO = None  # the requirement rules the service out


@dataclass(frozen=True)
class Ranked:
    """One service's place in a ranking: feasible or not, its score, and why."""

    rank: int
    service: str
    feasible: bool
    score: int
    reasons: tuple[str, ...]

    @property
    def why(self) -> str:
        """The reasons, joined; "no stated requirement touches it" when there are none."""
        return "; ".join(self.reasons) or "no stated requirement touches it"


@dataclass(frozen=True)
class Chooser:
    """A catalogue: requirement name -> allowed values (``"any"`` first), and service -> verdicts.

    >>> MESSAGING.check({"ordering": "strict, per key"})
    {'ordering': 'strict, per key'}

    ``verdicts[service][requirement][value]`` is ``(points, reason)`` with points 2 (fits), 1 (works), 0 (neutral)
    or None (rules it out); a value a service does not list is neutral for it."""

    title: str
    requirements: dict[str, tuple[str, ...]]
    verdicts: dict[str, dict[str, dict[str, tuple[int | None, str]]]]

    @property
    def services(self) -> tuple[str, ...]:
        return tuple(self.verdicts)

    def check(self, wanted: dict) -> dict[str, str]:
        """Validated requirements: a dict of known names to allowed values; ValueError names the key and value."""
        if not isinstance(wanted, dict):
            raise ValueError(f"requirements={wanted!r} must be a dict of requirement name to value")
        for key, value in wanted.items():
            if key not in self.requirements:
                raise ValueError(
                    f"requirement {key!r} is not one of the {self.title} requirements: {', '.join(self.requirements)}"
                )
            if value not in self.requirements[key]:
                raise ValueError(
                    f"{key}={value!r} is not allowed; {key} may be one of: {', '.join(self.requirements[key])}"
                )
        return dict(wanted)


@checked
def rank(chooser: Chooser, requirements: dict) -> tuple[Ranked, ...]:
    """Every service of ``chooser``, best first, with its reasons.

    >>> best = rank(MESSAGING, {"protocol": "JMS / OpenWire"})[0]
    >>> best.service, best.feasible
    ('Amazon MQ for ActiveMQ', True)
    """
    wanted = chooser.check(requirements)
    rows = []
    for order, (service, table) in enumerate(chooser.verdicts.items()):
        feasible, score, reasons = True, 0, []
        for key in chooser.requirements:  # the catalogue's order, so the reasons do not depend on the dict's
            value = wanted.get(key, ANY)
            if value == ANY:
                continue
            points, reason = table.get(key, {}).get(value, (0, ""))
            if points is NO:
                feasible = False
                reasons.append(f"ruled out: {reason}")
            else:
                score += points
                if reason:
                    reasons.append(reason)
        rows.append((not feasible, -score, order, service, feasible, score, tuple(reasons)))
    rows.sort()
    return tuple(
        Ranked(i + 1, service, feasible, score, reasons)
        for i, (_, _, _, service, feasible, score, reasons) in enumerate(rows)
    )


def table(ranking: tuple[Ranked, ...]) -> list[dict]:
    """Rows for a DataFrame: rank, service, feasible, score, why.

    >>> table(rank(AI, {"input": "audio", "output": "a transcript"}))[0]["service"]
    'Transcribe'
    """
    if not isinstance(ranking, (tuple, list)) or not all(isinstance(r, Ranked) for r in ranking):
        raise ValueError(f"ranking={ranking!r} must be what rank() returns: a tuple of Ranked")
    return [
        {"rank": r.rank, "service": r.service, "feasible": r.feasible, "score": r.score, "why": r.why} for r in ranking
    ]


# --- 1. Messaging and integration ---------------------------------------------------------------------------------
_BROKER = ("JMS / OpenWire", "AMQP 1.0", "AMQP 0-9-1", "MQTT", "STOMP")
MESSAGING = Chooser(
    "messaging",
    {
        "ordering": (ANY, "not needed", "strict, per key"),
        "fan_out": (ANY, "one consumer per message", "every subscriber gets a copy"),
        "protocol": (ANY, "AWS API (HTTPS)", "JMS / OpenWire", "AMQP 1.0", "AMQP 0-9-1", "MQTT", "STOMP", "GraphQL"),
        "replay": (ANY, "not needed", "re-read past messages"),
        "throughput": (ANY, "moderate", "very high, ordered"),
        "consumers": (ANY, "backend workers", "browsers and mobile apps"),
        "source": (ANY, "our code or AWS services", "SaaS application"),
    },
    {
        "SQS standard": {
            "ordering": {"strict, per key": (NO, "SQS standard gives best-effort ordering only")},
            "fan_out": {
                "one consumer per message": (FITS, "a queue hands each message to one of many competing workers"),
                "every subscriber gets a copy": (WORKS, "behind an SNS topic or EventBridge rule, one queue each"),
            },
            "protocol": {"AWS API (HTTPS)": (FITS, "an AWS API")}
            | {p: (NO, "speaks only the AWS API, not " + p) for p in _BROKER}
            | {"GraphQL": (NO, "not a GraphQL API")},
            "replay": {"re-read past messages": (NO, "a deleted message is gone; no replay")},
            "throughput": {"very high, ordered": (NO, "very high throughput, but unordered")},
            "consumers": {"browsers and mobile apps": (NO, "clients would poll with AWS credentials")},
            "source": {"SaaS application": (NO, "no SaaS connectors")},
        },
        "SQS FIFO": {
            "ordering": {"strict, per key": (FITS, "FIFO order and exactly-once processing per message group")},
            "fan_out": {
                "one consumer per message": (FITS, "one consumer per message, in order per group"),
                "every subscriber gets a copy": (WORKS, "behind an SNS FIFO topic"),
            },
            "protocol": {"AWS API (HTTPS)": (FITS, "an AWS API")}
            | {p: (NO, "speaks only the AWS API, not " + p) for p in _BROKER}
            | {"GraphQL": (NO, "not a GraphQL API")},
            "replay": {"re-read past messages": (NO, "a deleted message is gone; no replay")},
            "throughput": {"very high, ordered": (WORKS, "high-throughput mode spreads across message groups")},
            "consumers": {"browsers and mobile apps": (NO, "clients would poll with AWS credentials")},
            "source": {"SaaS application": (NO, "no SaaS connectors")},
        },
        "SNS": {
            "ordering": {"strict, per key": (WORKS, "only FIFO topics keep order, and they deliver to SQS")},
            "fan_out": {
                "every subscriber gets a copy": (FITS, "push fan-out to queues, functions, HTTPS, e-mail, SMS"),
                "one consumer per message": (NO, "every subscriber gets every message (filter policies aside)"),
            },
            "protocol": {"AWS API (HTTPS)": (FITS, "publish through the AWS API; pushes over HTTPS")}
            | {p: (NO, "no " + p + " endpoint") for p in (*_BROKER, "GraphQL")},
            "replay": {"re-read past messages": (WORKS, "FIFO topics can archive and replay to SQS subscribers")},
            "throughput": {"very high, ordered": (NO, "high throughput unordered; FIFO topics are slower")},
            "consumers": {"browsers and mobile apps": (WORKS, "mobile push notifications, not a live data feed")},
            "source": {"SaaS application": (NO, "no SaaS connectors")},
        },
        "EventBridge": {
            "ordering": {"strict, per key": (NO, "no ordering guarantee")},
            "fan_out": {
                "every subscriber gets a copy": (FITS, "rules on event content route copies to many targets"),
                "one consumer per message": (WORKS, "one rule to one target, usually a queue"),
            },
            "protocol": {"AWS API (HTTPS)": (FITS, "PutEvents, and API destinations for outbound HTTPS")}
            | {p: (NO, "no " + p + " endpoint") for p in (*_BROKER, "GraphQL")},
            "replay": {"re-read past messages": (FITS, "archive a bus and replay its events")},
            "throughput": {"very high, ordered": (NO, "unordered, and PutEvents is quota-limited per Region")},
            "consumers": {"browsers and mobile apps": (NO, "targets are AWS services and HTTPS endpoints")},
            "source": {"SaaS application": (WORKS, "partner event sources push SaaS events, not bulk records")},
        },
        "Amazon MQ for ActiveMQ": {
            "ordering": {"strict, per key": (WORKS, "a JMS queue with one consumer, or message groups")},
            "fan_out": {
                "every subscriber gets a copy": (WORKS, "JMS topics and virtual destinations"),
                "one consumer per message": (WORKS, "JMS queues"),
            },
            "protocol": {
                "JMS / OpenWire": (FITS, "lift and shift: the same JMS clients over OpenWire"),
                "AMQP 1.0": (FITS, "AMQP 1.0"),
                "AMQP 0-9-1": (NO, "ActiveMQ speaks AMQP 1.0, not RabbitMQ's 0-9-1"),
                "MQTT": (FITS, "MQTT, also over WebSocket"),
                "STOMP": (FITS, "STOMP, also over WebSocket"),
                "AWS API (HTTPS)": (NO, "applications use broker protocols, not an AWS data API"),
                "GraphQL": (NO, "not a GraphQL API"),
            },
            "replay": {"re-read past messages": (NO, "a consumed message is gone")},
            "throughput": {"very high, ordered": (NO, "brokers on instances you size: moderate throughput")},
            "consumers": {"browsers and mobile apps": (WORKS, "STOMP or MQTT over WebSocket, with broker users")},
            "source": {"SaaS application": (NO, "no SaaS connectors")},
        },
        "Amazon MQ for RabbitMQ": {
            "ordering": {"strict, per key": (WORKS, "a queue with one consumer")},
            "fan_out": {
                "every subscriber gets a copy": (FITS, "fanout and topic exchanges"),
                "one consumer per message": (WORKS, "a queue of competing consumers"),
            },
            "protocol": {
                "AMQP 0-9-1": (FITS, "AMQP 0-9-1: the RabbitMQ clients unchanged"),
                "AMQP 1.0": (WORKS, "AMQP 1.0 only on recent RabbitMQ engine versions (unverified here)"),
                "JMS / OpenWire": (NO, "no OpenWire; use ActiveMQ for JMS applications"),
                "MQTT": (NO, "MQTT is not offered on Amazon MQ for RabbitMQ (unverified here)"),
                "STOMP": (NO, "STOMP is not offered on Amazon MQ for RabbitMQ (unverified here)"),
                "AWS API (HTTPS)": (NO, "applications use AMQP, not an AWS data API"),
                "GraphQL": (NO, "not a GraphQL API"),
            },
            "replay": {"re-read past messages": (WORKS, "RabbitMQ streams can be re-read")},
            "throughput": {"very high, ordered": (NO, "brokers on instances you size: moderate throughput")},
            "consumers": {"browsers and mobile apps": (NO, "clients would hold broker credentials")},
            "source": {"SaaS application": (NO, "no SaaS connectors")},
        },
        "AppSync": {
            "ordering": {"strict, per key": (NO, "no ordering guarantee for subscriptions")},
            "fan_out": {"every subscriber gets a copy": (FITS, "real-time GraphQL subscriptions over WebSocket")},
            "protocol": {
                "GraphQL": (FITS, "managed GraphQL API"),
                **{p: (NO, "no " + p + " endpoint") for p in _BROKER},
            },
            "replay": {"re-read past messages": (NO, "subscribers see only what happens while connected")},
            "throughput": {"very high, ordered": (NO, "not a stream")},
            "consumers": {
                "browsers and mobile apps": (FITS, "clients subscribe with Cognito, IAM, API keys or OIDC"),
                "backend workers": (WORKS, "backends can call it, but a queue is simpler"),
            },
            "source": {"SaaS application": (NO, "no SaaS connectors")},
        },
        "AppFlow": {
            "ordering": {"strict, per key": (NO, "moves records in flows, not ordered messages")},
            "fan_out": {"every subscriber gets a copy": (NO, "a flow has one destination")},
            "protocol": {p: (NO, "a managed transfer, not a " + p + " endpoint") for p in (*_BROKER, "GraphQL")},
            "replay": {"re-read past messages": (WORKS, "rerun a flow from the source")},
            "throughput": {"very high, ordered": (NO, "batches of records, not a stream")},
            "consumers": {"browsers and mobile apps": (NO, "it writes to AWS services")},
            "source": {
                "SaaS application": (
                    FITS,
                    "managed transfers from SaaS applications (Salesforce, ...) "
                    "to S3, Redshift and others, on schedule, event or demand",
                )
            },
        },
        "Kinesis Data Streams": {
            "ordering": {"strict, per key": (FITS, "ordered per shard, by partition key")},
            "fan_out": {
                "every subscriber gets a copy": (FITS, "many consumers read the same stream (enhanced fan-out)"),
                "one consumer per message": (WORKS, "one consumer application, scaled by shards"),
            },
            "protocol": {"AWS API (HTTPS)": (FITS, "an AWS API")}
            | {p: (NO, "speaks only the AWS API, not " + p) for p in (*_BROKER, "GraphQL")},
            "replay": {
                "re-read past messages": (FITS, "records stay for the retention period; re-read from any point")
            },
            "throughput": {"very high, ordered": (FITS, "scales by shards, order kept per shard")},
            "consumers": {"browsers and mobile apps": (NO, "consumers read with AWS credentials")},
            "source": {"SaaS application": (NO, "no SaaS connectors")},
        },
    },
)

# --- 2a. Where to run: the Region and its extensions ---------------------------------------------------------------
LOCATIONS = Chooser(
    "where to run",
    {
        "users": (ANY, "near a Region", "in a metro far from a Region", "5G mobile devices", "on our premises"),
        "latency": (ANY, "tens of ms is fine", "single-digit ms"),
        "data_location": (ANY, "in the Region's country", "must stay on our premises"),
        "services": (ANY, "the full AWS catalogue", "EC2, EBS, containers basics"),
    },
    {
        "Region": {
            "users": {
                "near a Region": (FITS, "every service, several AZs, lowest cost"),
                "in a metro far from a Region": (WORKS, "fine when tens of ms is acceptable"),
                "5G mobile devices": (WORKS, "traffic leaves the carrier network to the internet"),
                "on our premises": (WORKS, "over Direct Connect or VPN"),
            },
            "latency": {
                "tens of ms is fine": (FITS, "the default"),
                "single-digit ms": (WORKS, "only for users close to the Region"),
            },
            "data_location": {
                "in the Region's country": (FITS, "data stays in the Region you choose"),
                "must stay on our premises": (NO, "the data would leave the premises"),
            },
            "services": {
                "the full AWS catalogue": (FITS, "every service"),
                "EC2, EBS, containers basics": (FITS, "and everything else"),
            },
        },
        "Local Zone": {
            "users": {
                "in a metro far from a Region": (FITS, "AWS infrastructure in that metro, a zone of a parent Region"),
                "near a Region": (WORKS, "the Region is close enough already"),
                "5G mobile devices": (WORKS, "close to the metro, but outside the carrier network"),
                "on our premises": (WORKS, "close to the metro, not inside the building"),
            },
            "latency": {
                "single-digit ms": (FITS, "single-digit ms to users in the metro (unverified figure)"),
                "tens of ms is fine": (WORKS, "the Region would do, for less"),
            },
            "data_location": {
                "in the Region's country": (WORKS, "in the metro's country"),
                "must stay on our premises": (NO, "an AWS facility, not your building"),
            },
            "services": {
                "the full AWS catalogue": (NO, "a subset of services; the rest stay in the parent Region"),
                "EC2, EBS, containers basics": (FITS, "EC2, EBS, ECS/EKS and a few more"),
            },
        },
        "Wavelength Zone": {
            "users": {
                "5G mobile devices": (FITS, "compute inside the carrier's 5G network: traffic stays on it"),
                "in a metro far from a Region": (WORKS, "only for that carrier's mobile users"),
                "near a Region": (WORKS, "only for that carrier's mobile users"),
                "on our premises": (NO, "in carrier facilities"),
            },
            "latency": {
                "single-digit ms": (FITS, "the lowest latency to mobile devices on that carrier"),
                "tens of ms is fine": (WORKS, "the Region would do, for less"),
            },
            "data_location": {
                "in the Region's country": (WORKS, "in carrier facilities in that geography"),
                "must stay on our premises": (NO, "carrier facilities, not your building"),
            },
            "services": {
                "the full AWS catalogue": (NO, "EC2, EBS, a few more; hub and spoke with the Region"),
                "EC2, EBS, containers basics": (FITS, "standard compute and storage at the 5G edge"),
            },
        },
        "Outposts": {
            "users": {
                "on our premises": (FITS, "AWS racks or servers in your data centre, run by AWS"),
                "near a Region": (WORKS, "possible, but you pay for the hardware"),
                "in a metro far from a Region": (WORKS, "if you have a facility there"),
                "5G mobile devices": (WORKS, "only through your own network"),
            },
            "latency": {
                "single-digit ms": (FITS, "on the local network of on-premises systems"),
                "tens of ms is fine": (WORKS, "the Region would do, for less"),
            },
            "data_location": {
                "must stay on our premises": (FITS, "data stays in your building"),
                "in the Region's country": (WORKS, "your site decides the country"),
            },
            "services": {
                "the full AWS catalogue": (NO, "a subset, and it needs its link to the parent Region"),
                "EC2, EBS, containers basics": (FITS, "EC2, EBS, ECS/EKS, S3 on Outposts, RDS"),
            },
        },
    },
)

# --- 2b. Where to run a job --------------------------------------------------------------------------------------
JOB_COMPUTE = Chooser(
    "jobs",
    {
        "duration": (ANY, "under 15 minutes", "over 15 minutes"),
        "gpu": (ANY, "not needed", "needed"),
        "fan_out": (ANY, "one task", "thousands of similar tasks"),
        "spot": (ANY, "not wanted", "use Spot to cut cost"),
        "start": (ANY, "milliseconds, per event", "minutes in a queue is fine"),
    },
    {
        "AWS Batch on EC2": {
            "duration": {
                "over 15 minutes": (FITS, "no maximum unless you set a timeout (60 s minimum)"),
                "under 15 minutes": (WORKS, "start-up overhead for short jobs"),
            },
            "gpu": {"needed": (FITS, "GPU instances in a managed compute environment")},
            "fan_out": {"thousands of similar tasks": (FITS, "array jobs of 2 to 10,000 children in one submit")},
            "spot": {"use Spot to cut cost": (FITS, "Spot compute environments, with retries on interruption")},
            "start": {
                "milliseconds, per event": (NO, "jobs wait in a queue for instances"),
                "minutes in a queue is fine": (FITS, "job queues and priorities are the model"),
            },
        },
        "AWS Batch on Fargate": {
            "duration": {
                "over 15 minutes": (FITS, "no 15-minute limit"),
                "under 15 minutes": (WORKS, "task start-up overhead for short jobs"),
            },
            "gpu": {"needed": (NO, "Fargate offers no GPUs")},
            "fan_out": {"thousands of similar tasks": (FITS, "array jobs of 2 to 10,000 children")},
            "spot": {"use Spot to cut cost": (FITS, "Fargate Spot compute environments")},
            "start": {
                "milliseconds, per event": (NO, "jobs wait in a queue for tasks"),
                "minutes in a queue is fine": (FITS, "job queues without instances to manage"),
            },
        },
        "Lambda": {
            "duration": {
                "over 15 minutes": (NO, "the function timeout is at most 900 s (15 min)"),
                "under 15 minutes": (FITS, "billed per ms, nothing to manage"),
            },
            "gpu": {"needed": (NO, "Lambda offers no GPUs")},
            "fan_out": {"thousands of similar tasks": (WORKS, "many invocations, within concurrency limits")},
            "spot": {"use Spot to cut cost": (NO, "no Spot for Lambda")},
            "start": {
                "milliseconds, per event": (FITS, "invoked per event in milliseconds (cold starts aside)"),
                "minutes in a queue is fine": (WORKS, "an SQS queue in front does the waiting"),
            },
        },
        "ECS on Fargate (RunTask)": {
            "duration": {
                "over 15 minutes": (FITS, "a task runs as long as its container"),
                "under 15 minutes": (WORKS, "task start-up takes tens of seconds"),
            },
            "gpu": {"needed": (NO, "Fargate offers no GPUs")},
            "fan_out": {"thousands of similar tasks": (WORKS, "you write the fan-out (Step Functions Map, a queue)")},
            "spot": {"use Spot to cut cost": (FITS, "Fargate Spot capacity provider")},
            "start": {
                "milliseconds, per event": (NO, "a task takes tens of seconds to start"),
                "minutes in a queue is fine": (WORKS, "no job queue of its own"),
            },
        },
        "ECS on EC2": {
            "duration": {
                "over 15 minutes": (FITS, "a task runs as long as its container"),
                "under 15 minutes": (WORKS, "if the cluster has room"),
            },
            "gpu": {"needed": (FITS, "GPU instances in the cluster")},
            "fan_out": {"thousands of similar tasks": (WORKS, "you write the fan-out")},
            "spot": {"use Spot to cut cost": (FITS, "Spot instances in an Auto Scaling group capacity provider")},
            "start": {
                "milliseconds, per event": (NO, "task placement takes seconds"),
                "minutes in a queue is fine": (WORKS, "no job queue of its own; you run the cluster"),
            },
        },
    },
)

# --- 3. AI services --------------------------------------------------------------------------------------------------
_INPUTS = ("image", "video", "document", "audio", "text")
_OUTPUTS = (
    "labels, faces or moderation",
    "text, forms and tables from a document",
    "a transcript",
    "a translation",
    "speech audio",
    "entities, sentiment or PII",
    "a chatbot conversation",
    "answers found in our documents",
    "generated text or images",
    "a prediction from our own model",
)


def _ai(inputs: dict, outputs: dict, custom: tuple[int | None, str], pretrained: tuple[int | None, str]) -> dict:
    """A service's verdicts: the inputs it takes (others rule it out), the outputs it gives (others rule it out)."""
    return {
        "input": {i: inputs.get(i, (NO, f"does not take {i} input")) for i in _INPUTS},
        "output": {o: outputs.get(o, (NO, f"does not produce {o}")) for o in _OUTPUTS},
        "custom_model": {"train or bring our own": custom, "no, a ready API": pretrained},
    }


_READY = (FITS, "a pre-trained API: no ML work")
AI = Chooser(
    "AI services",
    {
        "input": (ANY, *_INPUTS),
        "output": (ANY, *_OUTPUTS),
        "custom_model": (ANY, "no, a ready API", "train or bring our own"),
    },
    {
        "Rekognition": _ai(
            {"image": (FITS, "image analysis"), "video": (FITS, "stored and streaming video analysis")},
            {"labels, faces or moderation": (FITS, "labels, faces, text in images, content moderation")},
            (WORKS, "Custom Labels trains on your own labelled images"),
            _READY,
        ),
        "Textract": _ai(
            {"document": (FITS, "scanned documents, PDFs and images of pages"), "image": (WORKS, "images of pages")},
            {"text, forms and tables from a document": (FITS, "text, key-value pairs, tables, queries")},
            (WORKS, "adapters tune queries to your documents"),
            _READY,
        ),
        "Transcribe": _ai(
            {"audio": (FITS, "batch files and real-time streams"), "video": (WORKS, "the audio track of a video")},
            {"a transcript": (FITS, "speech to text, speakers, PII redaction")},
            (WORKS, "custom vocabularies and custom language models"),
            _READY,
        ),
        "Translate": _ai(
            {"text": (FITS, "text and documents"), "document": (WORKS, "documents of text, not scans")},
            {"a translation": (FITS, "neural machine translation")},
            (WORKS, "custom terminology and parallel data"),
            _READY,
        ),
        "Polly": _ai(
            {"text": (FITS, "plain text or SSML")},
            {"speech audio": (FITS, "text to lifelike speech")},
            (NO, "no training of your own voices here"),
            _READY,
        ),
        "Comprehend": _ai(
            {"text": (FITS, "UTF-8 text"), "document": (WORKS, "text of documents")},
            {"entities, sentiment or PII": (FITS, "entities, key phrases, sentiment, PII, language")},
            (WORKS, "custom classification and custom entity recognition"),
            _READY,
        ),
        "Lex": _ai(
            {"text": (FITS, "typed conversation"), "audio": (FITS, "spoken conversation")},
            {"a chatbot conversation": (FITS, "intents and slots, voice or text bots")},
            (WORKS, "you define the intents; the models are Lex's"),
            _READY,
        ),
        "Kendra": _ai(
            {"text": (FITS, "questions in natural language"), "document": (FITS, "indexes your documents")},
            {"answers found in our documents": (FITS, "intelligent search and retrieval for RAG")},
            (WORKS, "you index your content; no model training"),
            _READY,
        ),
        "Bedrock": _ai(
            {
                "text": (FITS, "prompts"),
                "image": (WORKS, "multimodal models take images"),
                "document": (WORKS, "documents in prompts or knowledge bases"),
            },
            {
                "generated text or images": (FITS, "foundation models behind one API"),
                "answers found in our documents": (WORKS, "knowledge bases (RAG) over your documents"),
                "a chatbot conversation": (WORKS, "agents and conversation with a model"),
                "entities, sentiment or PII": (WORKS, "a prompted model can extract them"),
            },
            (WORKS, "fine-tuning and imported models"),
            (FITS, "a ready foundation model: no ML work"),
        ),
        "SageMaker AI": _ai(
            {i: (WORKS, f"any {i} data your model takes") for i in _INPUTS},
            {o: (WORKS, "whatever your own model produces") for o in _OUTPUTS}
            | {"a prediction from our own model": (FITS, "build, train and host your own models")},
            (FITS, "train, tune and host your own model"),
            (NO, "you build and run the model yourself"),
        ),
    },
)

# How each AI service bills, named plainly (no prices): see the module References for what is verified.
AI_COST_UNITS = {
    "Rekognition": "per image analysed; per minute of video",
    "Textract": "per page, by the features asked for",
    "Transcribe": "per second of audio (15 s minimum per request)",
    "Translate": "per character translated",
    "Polly": "per character synthesised, by voice type",
    "Comprehend": "per unit of text (100 characters), by feature",
    "Lex": "per text or speech request",
    "Kendra": "per index-hour, by edition, plus connector usage",
    "Bedrock": "per input and output token (on demand), or per model-unit hour (provisioned)",
    "SageMaker AI": "per instance-hour of notebooks, training and endpoints (serverless: per duration)",
}
VERIFIED_COST_UNITS = ("Transcribe", "Polly")

CHOOSERS = {"messaging": MESSAGING, "where to run": LOCATIONS, "jobs": JOB_COMPUTE, "AI services": AI}


# --- X-Ray: a trace's critical path -------------------------------------------------------------------------------
@dataclass(frozen=True)
class CriticalPath:
    """What one trace spent its time on: the segments on the critical path and each one's own time there (ms)."""

    total_ms: float
    segments_ms: float  # the sum of every segment's duration
    path: tuple[str, ...]  # names on the critical path, outermost first
    self_ms: dict[str, float]  # time on the critical path spent in each segment itself

    @property
    def slowest(self) -> str:
        """The segment whose own time dominates the critical path."""
        return max(self.self_ms, key=lambda name: (self.self_ms[name], name))


def _check_segment(segment, where: str, names: set) -> None:
    if not isinstance(segment, dict):
        raise ValueError(f"{where}={segment!r} must be a dict with name, start_time and end_time")
    for key in ("name", "start_time", "end_time"):
        if key not in segment:
            raise ValueError(f"{where} is missing {key!r}; a segment needs name, start_time and end_time")
    name, start, end = segment["name"], segment["start_time"], segment["end_time"]
    if not isinstance(name, str) or not name or name in names:
        raise ValueError(f"{where} name={name!r} must be a non-empty string, unique in the trace")
    names.add(name)
    for key, value in (("start_time", start), ("end_time", end)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value < 0:
            raise ValueError(f"{where} {key}={value!r} must be a number of seconds, at least 0")
    if end < start:
        raise ValueError(f"{where} end_time={end!r} is before start_time={start!r}")
    children = segment.get("subsegments", [])
    if not isinstance(children, list):
        raise ValueError(f"{where} subsegments={children!r} must be a list of segments")
    for index, child in enumerate(children):
        _check_segment(child, f"{where}.subsegments[{index}]", names)


def critical_path(segment: dict) -> CriticalPath:
    """The critical path of a trace given as X-Ray's nested segment document (times in seconds).

    Walking back from the segment's end, the last child to finish before the cursor is on the path; the time between
    children is the parent's own. Children running alongside one on the path are not on it. Children are clipped to
    their parent's window.

    >>> trace = {"name": "api", "start_time": 0, "end_time": 1.0, "subsegments": [
    ...     {"name": "auth", "start_time": 0.0, "end_time": 0.1},
    ...     {"name": "db", "start_time": 0.1, "end_time": 0.7},
    ...     {"name": "cache", "start_time": 0.1, "end_time": 0.2}]}
    >>> cp = critical_path(trace)
    >>> cp.path, cp.total_ms, cp.slowest
    (('api', 'auth', 'db'), 1000.0, 'db')
    """
    _check_segment(segment, "segment", set())
    self_ms: dict[str, float] = {}
    path: list[tuple[float, int, str]] = []

    def walk(seg: dict, lo: float, hi: float, depth: int = 0) -> None:
        path.append((lo, depth, seg["name"]))
        cursor = hi
        own = 0.0
        children = sorted(seg.get("subsegments", []), key=lambda c: (-min(c["end_time"], hi), c["name"]))
        for child in children:
            c_start, c_end = max(child["start_time"], lo), min(child["end_time"], hi)
            if c_end > cursor or c_end <= c_start:
                continue  # runs alongside the path, or outside the window
            own += cursor - c_end
            walk(child, c_start, c_end, depth + 1)
            cursor = c_start
        own += cursor - lo
        self_ms[seg["name"]] = round(self_ms.get(seg["name"], 0.0) + own * 1000, 6)

    walk(segment, segment["start_time"], segment["end_time"])

    def durations(seg: dict) -> float:
        return (seg["end_time"] - seg["start_time"]) * 1000 + sum(map(durations, seg.get("subsegments", [])))

    total = round((segment["end_time"] - segment["start_time"]) * 1000, 6)
    return CriticalPath(
        total,
        round(durations(segment), 6),
        tuple(name for _, _, name in sorted(path)),
        {k: v for k, v in self_ms.items()},
    )


@checked
def checkout_trace(inventory_ms: float = 80, tax_ms: float = 200, payment_ms: float = 420) -> dict:
    """The example checkout request as an X-Ray segment document (seconds): auth, then inventory alongside pricing
    (which calls a tax-rate service), then payment once both are back, then a receipt message.

    >>> [s["name"] for s in checkout_trace()["subsegments"]]
    ['auth (Cognito)', 'inventory (DynamoDB)', 'pricing (Lambda)', 'payment (HTTPS)', 'receipt (SQS)']
    """
    validate.number("inventory_ms", inventory_ms, minimum=1, maximum=5000, unit="ms")
    validate.number("tax_ms", tax_ms, minimum=1, maximum=5000, unit="ms")
    validate.number("payment_ms", payment_ms, minimum=1, maximum=5000, unit="ms")
    ms = 0.001
    fan_in = 0.07 + max(inventory_ms * ms, (tax_ms + 40) * ms)
    pay_end = fan_in + 0.01 + payment_ms * ms
    return {
        "name": "checkout-api",
        "start_time": 0.0,
        "end_time": round(pay_end + 0.08, 6),
        "subsegments": [
            {"name": "auth (Cognito)", "start_time": 0.01, "end_time": 0.06},
            {"name": "inventory (DynamoDB)", "start_time": 0.07, "end_time": round(0.07 + inventory_ms * ms, 6)},
            {
                "name": "pricing (Lambda)",
                "start_time": 0.07,
                "end_time": round(0.07 + (tax_ms + 40) * ms, 6),
                "subsegments": [
                    {"name": "tax rates (HTTPS)", "start_time": 0.09, "end_time": round(0.09 + tax_ms * ms, 6)}
                ],
            },
            {"name": "payment (HTTPS)", "start_time": round(fan_in + 0.01, 6), "end_time": round(pay_end, 6)},
            {"name": "receipt (SQS)", "start_time": round(pay_end + 0.01, 6), "end_time": round(pay_end + 0.05, 6)},
        ],
    }


EXAMPLE_TRACE = checkout_trace()


def waterfall(segment: dict) -> list[dict]:
    """A trace's segments flattened, in document order: name, start_ms, end_ms (since the trace began), depth.

    >>> [r["name"] for r in waterfall(EXAMPLE_TRACE)][:3]
    ['checkout-api', 'auth (Cognito)', 'inventory (DynamoDB)']
    """
    _check_segment(segment, "segment", set())
    return _flatten(segment, 0, segment["start_time"])


def _flatten(segment: dict, depth: int, origin: float) -> list[dict]:
    rows = [
        {
            "name": segment["name"],
            "start_ms": round((segment["start_time"] - origin) * 1000, 3),
            "end_ms": round((segment["end_time"] - origin) * 1000, 3),
            "depth": depth,
        }
    ]
    for child in segment.get("subsegments", []):
        rows += _flatten(child, depth + 1, origin)
    return rows
