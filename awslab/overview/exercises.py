"""Your-turn exercises of 00_overview/01_global_infrastructure; every answer is computed by the chapter's models.

The availabilities are the notebook's illustrative inputs and the latencies its labelled SAMPLE model (distance,
route stretch, fixed overhead), not AWS figures or measurements.

>>> series_downtime.check(round(series_downtime.answer)).right, correlated_pair.check(0.876).right
(True, False)

References:
    - Amazon Compute Service Level Agreement, https://aws.amazon.com/compute/sla/ (read 2026-12-03)
    - AWS Global Infrastructure, "Regions and Availability Zones",
      https://aws.amazon.com/about-aws/global-infrastructure/regions_az/ (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.overview import availability as av
from awslab.overview import regions as rg

_WEB, _APP, _DB = 0.999, 0.999, 0.9995
_STACK = av.serial_availability([av.parallel_availability([_WEB, _WEB]), _APP, _DB])
_SINGLE = av.serial_availability([_WEB, _APP, _DB])

series_downtime = exercises.number(
    "global-infrastructure-1",
    "Downtime of a three-tier stack",
    task=(
        "A web tier of **two** redundant servers (99.9 % each, one is enough), **one** application server (99.9 %) "
        "and **one** database (99.95 %) must all work. Failures are independent. How many minutes of downtime a "
        "year should you expect (365-day year)?"
    ),
    answer=round(av.downtime_minutes(_STACK), 1),
    unit="minutes",
    hint=(
        "First the redundant pair, 1 - (1 - a)^2; then multiply the three tiers in series; then "
        '(1 - A) x 525,600 minutes. The cell under "Availability: serial and redundant components" does the same.'
    ),
    solution=(
        f"Pair: 1 - 0.001^2 = 0.999999. Series: 0.999999 x 0.999 x 0.9995 = {_STACK:.6f}. Downtime: "
        f"(1 - {_STACK:.6f}) x 525,600 = {av.downtime_minutes(_STACK):.0f} minutes a year, almost all of it from the "
        f"single app server and database. Without the second web server it would be "
        f"{av.downtime_minutes(_SINGLE):.0f} minutes."
    ),
    tolerance=0.01,
)

_PAIR = av.redundant_availability(0.99, 2, correlation_beta=0.1)
_PAIR_INDEPENDENT = av.redundant_availability(0.99, 2)

correlated_pair = exercises.number(
    "global-infrastructure-2",
    "Two copies with a common cause",
    task=(
        "Two copies of a service, each 99 % available, run in two AZs. A tenth of each copy's unavailability is a "
        "common cause that takes both down (beta = **0.1**). How many **hours** a year is the pair down?"
    ),
    answer=round(av.downtime_minutes(_PAIR) / 60, 2),
    unit="hours",
    hint=(
        "Set the availability explorer's beta to 0.1, or call `av.redundant_availability(0.99, 2, "
        "correlation_beta=0.1)`, then turn the unavailability into hours of a 8,760-hour year."
    ),
    solution=(
        f"Common cause: 0.1 x 0.01 = 0.001 of the time both fail together; the independent part adds almost nothing, "
        f"so A = {_PAIR:.6f} and the downtime is {av.downtime_minutes(_PAIR) / 60:.2f} hours a year. Independent "
        f"copies would be down only {av.downtime_minutes(_PAIR_INDEPENDENT) / 60:.2f} hours: the shared cause makes the "
        "pair about ten times worse."
    ),
)

_USERS = rg.parse_user_groups("Bogota 4.7 -74.1 8; Lima -12.0 -77.0 2")
_RANKED = rg.closest_regions(_USERS)

closest_for_colombia = exercises.choice(
    "global-infrastructure-3",
    "The closest Region for Bogotá and Lima",
    task=(
        "Eight of every ten users are in Bogotá (4.7, -74.1) and two in Lima (-12.0, -77.0). By the notebook's "
        "sample latency model, which Region has the lowest user-weighted round-trip time?"
    ),
    choices=("sa-east-1", "mx-central-1", "us-east-1", "us-east-2"),
    answer=rg.closest_region(_USERS),
    hint=(
        'In JupyterLab type "Bogota 4.7 -74.1 8; Lima -12.0 -77.0 2" into the closest-Region explorer, or call '
        '`rg.closest_regions(rg.parse_user_groups("Bogota 4.7 -74.1 8; Lima -12.0 -77.0 2"))`. '
        "South America is not the same as close."
    ),
    solution=(
        f"{_RANKED.iloc[0]['code']} ({_RANKED.iloc[0]['mean_rtt_ms']:.0f} ms on average), ahead of "
        f"{_RANKED.iloc[1]['code']} ({_RANKED.iloc[1]['mean_rtt_ms']:.0f} ms): Bogotá is much nearer Mexico than "
        "São Paulo, and it carries most of the weight. Measure real latencies before you choose, and weigh data "
        "residency, services and price too."
    ),
)
