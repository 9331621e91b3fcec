"""Exercises for 08_storage_gateway: an upload buffer for a nightly backup, which volume type fits, a tape library.

References:
    - AWS Storage Gateway Volume Gateway User Guide, "Sizing the upload buffer",
      https://docs.aws.amazon.com/storagegateway/latest/vgw/ManagingLocalStorage-common.html (read 2026-12-03)
    - AWS Storage Gateway Volume Gateway User Guide, "Quotas for Volume Gateway",
      https://docs.aws.amazon.com/storagegateway/latest/vgw/resource-gateway-limits.html (read 2026-12-03)
    - AWS Storage Gateway Tape Gateway User Guide, "Quotas for Tape Gateway",
      https://docs.aws.amazon.com/storagegateway/latest/tgw/resource-gateway-limits.html (read 2026-12-03)
"""

from __future__ import annotations

from awslab import exercises
from awslab.storage import storage_gateway as sgw

APP, LINK, COMPRESSION, HOURS = 200, 80, 2.0, 6
_BUFFER = sgw.upload_buffer_gb(APP, LINK, COMPRESSION, HOURS)
_NO_COMPRESSION = sgw.upload_buffer_gb(APP, LINK, 1.0, HOURS)

upload_buffer = exercises.number(
    "storage-gateway-1",
    "How large an upload buffer for the nightly backup?",
    task=(
        f"A Volume Gateway takes a **{HOURS}-hour** nightly backup written at **{APP} MB/s**. The link to AWS "
        f"carries **{LINK} MB/s**, and the data compresses **{COMPRESSION:g}x** on the way. How many GB of upload "
        "buffer does the sizing rule ask for?"
    ),
    answer=_BUFFER,
    hint=(
        "(write rate - link rate x compression) x the burst's length, as in the sizing cell "
        "(`sgw.upload_buffer_gb`). Compression makes the link carry more application data."
    ),
    solution=(
        f"{_BUFFER:,.0f} GB: ({APP} - {LINK} x {COMPRESSION:g}) MB/s = {APP - LINK * COMPRESSION:g} MB/s piles up "
        f"for {HOURS} x 3,600 s. Without the compression you would size {_NO_COMPRESSION:,.0f} GB, more than the "
        "2 TiB the guide allows for an upload buffer."
    ),
    unit="GB",
)

DESIGN = [24] * 20  # twenty 24 TiB volumes
_FITS = {t: sgw.volume_capacity(t, DESIGN).fits for t in ("volume_cached", "volume_stored")}
_ANSWER = {
    (True, True): "both",
    (True, False): "cached volumes only",
    (False, True): "stored volumes only",
    (False, False): "neither",
}[(_FITS["volume_cached"], _FITS["volume_stored"])]

volume_mode = exercises.choice(
    "storage-gateway-2",
    "Which Volume Gateway mode takes twenty 24 TiB volumes?",
    task="A design needs **20 iSCSI volumes of 24 TiB** on one Volume Gateway. Which mode can serve it?",
    choices=("cached volumes only", "stored volumes only", "both", "neither"),
    answer=_ANSWER,
    hint=(
        "Type `24, 24, ...` (twenty of them) into the capacity explorer for each gateway type, or call "
        "`sgw.volume_capacity(type, [24] * 20)`: the per-volume size, the count and the total each have a quota."
    ),
    solution=(
        f"{_ANSWER[0].upper() + _ANSWER[1:]}: 20 volumes x 24 TiB = 480 TiB. Cached volumes allow "
        f"{sgw.VOLUME_LIMITS['volume_cached'][0]} TiB each and {sgw.VOLUME_LIMITS['volume_cached'][2]:,} TiB per "
        f"gateway; stored volumes stop at {sgw.VOLUME_LIMITS['volume_stored'][0]} TiB each, so every one of these "
        "is too large."
    ),
)

_TAPE_GIB = sgw.TAPE_MAX_GIB


def _most_tapes(tape_gib: float) -> int:
    """The largest count of ``tape_gib`` tapes one library accepts (the quotas only ever say no to more)."""
    n = 0
    while n < sgw.TAPES_PER_LIBRARY and sgw.tape_library_capacity([tape_gib] * (n + 1)).fits:
        n += 1
    return n


_MAX_TAPES = _most_tapes(_TAPE_GIB)

largest_tapes = exercises.number(
    "storage-gateway-3",
    "How many of the largest tapes fit in one library?",
    task=(
        "Your backup software wants virtual tapes of the largest size Tape Gateway allows. How many such tapes can "
        "one gateway's virtual tape library hold at once (before you archive any)?"
    ),
    answer=_MAX_TAPES,
    hint=(
        "Two quotas apply: the number of tapes in a library and the total size of the tapes in it. "
        "`sgw.tape_library_capacity([15 * 1024] * n)` says whether n of them fit."
    ),
    solution=(
        f"{_MAX_TAPES}: a tape is at most {sgw.TAPE_MAX_GIB // sgw.TIB_GIB} TiB and a library holds at most "
        f"{sgw.LIBRARY_MAX_GIB // sgw.TIB_GIB:,} TiB, so {sgw.LIBRARY_MAX_GIB // sgw.TIB_GIB:,} / "
        f"{sgw.TAPE_MAX_GIB // sgw.TIB_GIB} = {sgw.LIBRARY_MAX_GIB / sgw.TAPE_MAX_GIB:.1f}, rounded down; the "
        f"{sgw.TAPES_PER_LIBRARY:,}-tape limit binds only for tapes under "
        f"{sgw.LIBRARY_MAX_GIB / sgw.TAPES_PER_LIBRARY:,.0f} GiB."
    ),
    unit="tapes",
    tolerance=0.0,
)
