"""The EC2 instance lifecycle as a state machine, with what survives each transition.

Sources (read 2026-11-27): https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html,
.../Stop_Start.html, .../terminating-instances.html, .../Using_ChangingDisableAPITermination.html,
.../elastic-ip-addresses-eip.html, .../InstanceStorage.html.

States use the names DescribeInstances reports (State.Name). Actions are API calls (StartInstances, StopInstances,
RebootInstances, TerminateInstances) plus the ways an instance ends without one: an operating-system shutdown, a Spot
interruption and an Auto Scaling scale-in. The transient states (pending, stopping, shutting-down) are passed through
on the way to the settled state and listed in ``path``.

References:
    - Amazon EC2 User Guide, "Amazon EC2 instance state changes",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html (read 2026-11-27)
    - Amazon EC2 User Guide, "Stop and start Amazon EC2 instances",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Stop_Start.html (read 2026-11-27)
    - Amazon EC2 User Guide, "Terminate Amazon EC2 instances",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/terminating-instances.html (read 2026-11-27)
    - Amazon EC2 User Guide, "Enable termination protection",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_ChangingDisableAPITermination.html (read 2026-11-27)
    - Amazon EC2 User Guide, "Elastic IP addresses",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html (read 2026-11-27)
    - Amazon EC2 User Guide, "Instance store temporary block storage for EC2 instances",
      https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/InstanceStorage.html (read 2026-11-27)
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from awslab import validate
from awslab.validate import checked

STATES = ("pending", "running", "stopping", "stopped", "shutting-down", "terminated")
ACTIONS = ("start", "stop", "reboot", "terminate", "os_shutdown", "spot_interruption", "scale_in")

# A stopped instance is not billed for instance hours; its EBS volumes and any Elastic IP still are (ec2 lifecycle
# page, read 2026-11-27). Every public IPv4 address is charged since 2024-02-01 (USD 0.005 per hour).
BILLED_STATES = ("running",)

# Sequences of actions the lifecycle explorer and notebook replay, by the name a learner picks.
LIFECYCLE_SCENARIOS = {
    "stop, then start": ["stop", "start"],
    "reboot": ["reboot"],
    "terminate": ["terminate"],
    "OS shutdown (shutdown behaviour: stop)": ["os_shutdown"],
    "Spot interruption": ["spot_interruption"],
    "Auto Scaling scale-in": ["scale_in"],
    "stop, then terminate": ["stop", "terminate"],
}


@dataclass(frozen=True)
class Instance:
    """What an instance holds that a transition may keep or lose.

    >>> Instance().state, Instance(elastic_ip="3.80.0.7").elastic_ip
    ('running', '3.80.0.7')
    """

    state: str = "running"
    instance_store_data: bool = True
    root_ebs_delete_on_termination: bool = True
    data_ebs_attached: bool = True
    data_ebs_delete_on_termination: bool = False
    public_ip: str | None = "54.0.0.10"
    elastic_ip: str | None = None
    private_ip: str = "10.0.1.10"
    ram_contents: bool = True
    disable_api_termination: bool = False
    shutdown_behavior: str = "stop"
    root_ebs_exists: bool = True
    data_ebs_exists: bool = True
    host_generation: int = 0


@dataclass(frozen=True)
class Transition:
    """The result of one action: the new instance, the states passed through and what was lost or kept.

    >>> step = transition(Instance(), "stop")
    >>> step.after.state, step.path
    ('stopped', ('running', 'stopping', 'stopped'))
    """

    before: Instance
    after: Instance
    path: tuple[str, ...]
    lost: tuple[str, ...]
    kept: tuple[str, ...]
    refused: str | None = None


_NEXT_PUBLIC_IP = "54.0.0.{}"


def _diff(before: Instance, after: Instance) -> tuple[tuple[str, ...], tuple[str, ...]]:
    items = {
        "instance store data": (before.instance_store_data, after.instance_store_data),
        "RAM contents": (before.ram_contents, after.ram_contents),
        "public IPv4 address": (
            before.public_ip is not None,
            after.public_ip == before.public_ip and after.public_ip is not None,
        ),
        "Elastic IP association": (
            before.elastic_ip is not None,
            after.elastic_ip == before.elastic_ip and after.elastic_ip is not None,
        ),
        "private IP address": (True, after.state != "terminated"),
        "root EBS volume": (before.root_ebs_exists, after.root_ebs_exists),
        "data EBS volume": (before.data_ebs_exists, after.data_ebs_exists),
    }
    lost = tuple(name for name, (had, has) in items.items() if had and not has)
    kept = tuple(name for name, (had, has) in items.items() if had and has)
    return lost, kept


@checked
def transition(instance: Instance, action: str) -> Transition:
    """Apply ``action`` to ``instance`` and report the settled result.

    Stop/start moves an EBS-backed instance to new hardware: instance store and RAM are lost, the auto-assigned public
    IP is released (a new one arrives on start), the private IP, Elastic IP and EBS volumes stay. Reboot keeps
    everything but RAM. Termination deletes EBS volumes whose DeleteOnTermination is true. DisableApiTermination
    refuses only the TerminateInstances call: an OS shutdown with shutdown behaviour 'terminate', a Spot interruption
    and an Auto Scaling scale-in still terminate the instance.

    >>> transition(Instance(), "stop").lost
    ('instance store data', 'RAM contents', 'public IPv4 address')
    """
    validate.choice("action", action, ACTIONS)
    validate.choice("instance.state", instance.state, STATES)
    validate.choice("instance.shutdown_behavior", instance.shutdown_behavior, ("stop", "terminate"))
    state = instance.state
    if state == "terminated":
        return Transition(
            instance, instance, (state,), (), (), refused=f"{action} on a terminated instance: terminated is final"
        )
    if action == "terminate" and instance.disable_api_termination:
        return Transition(
            instance,
            instance,
            (state,),
            (),
            (),
            refused="DisableApiTermination is true: TerminateInstances is refused until the attribute is turned off",
        )
    if action == "os_shutdown":
        action = "terminate" if instance.shutdown_behavior == "terminate" else "stop"
    if action in ("terminate", "spot_interruption", "scale_in"):
        after = replace(
            instance,
            state="terminated",
            instance_store_data=False,
            ram_contents=False,
            public_ip=None,
            elastic_ip=None,
            root_ebs_exists=instance.root_ebs_exists and not instance.root_ebs_delete_on_termination,
            data_ebs_exists=instance.data_ebs_exists and not instance.data_ebs_delete_on_termination,
        )
        lost, kept = _diff(instance, after)
        # A surviving volume is detached, not lost; an Elastic IP stays allocated to the account (and billed).
        return Transition(instance, after, (state, "shutting-down", "terminated"), lost, kept)
    if action == "stop":
        if state == "stopped":
            return Transition(instance, instance, (state,), (), (), refused="the instance is already stopped")
        after = replace(instance, state="stopped", instance_store_data=False, ram_contents=False, public_ip=None)
        lost, kept = _diff(instance, after)
        return Transition(instance, after, (state, "stopping", "stopped"), lost, kept)
    if action == "start":
        if state != "stopped":
            return Transition(
                instance, instance, (state,), (), (), refused=f"start needs a stopped instance, state is {state}"
            )
        generation = instance.host_generation + 1
        after = replace(
            instance,
            state="running",
            host_generation=generation,
            public_ip=None if instance.elastic_ip else _NEXT_PUBLIC_IP.format(10 + generation),
        )
        lost, kept = _diff(instance, after)
        return Transition(instance, after, (state, "pending", "running"), lost, kept)
    # reboot: same host, same addresses, same disks; only memory is lost
    if state != "running":
        return Transition(
            instance, instance, (state,), (), (), refused=f"reboot needs a running instance, state is {state}"
        )
    after = replace(instance, ram_contents=False)
    lost, kept = _diff(instance, after)
    return Transition(instance, after, (state, "running"), lost, kept)


@checked
def run_actions(instance: Instance, actions: list[str]) -> list[Transition]:
    """Apply actions in order and return every transition (refused ones included, with the instance unchanged).

    >>> [s.after.state for s in run_actions(Instance(), LIFECYCLE_SCENARIOS["stop, then start"])]
    ['stopped', 'running']
    """
    out = []
    for action in actions:
        step = transition(instance, action)
        out.append(step)
        instance = step.after
    return out
