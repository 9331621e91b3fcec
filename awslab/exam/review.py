"""A review queue that remembers: SM-2 style spaced repetition, one card per question answered wrong.

A card is ``(ease, interval_days, repetitions, due_day)``; days are whole local calendar days counted from
1970-01-01, so "tomorrow" is ``today + 1`` whatever the hour. One grading step (:func:`grade`) follows SM-2
(P. Wozniak, 1990) with the learner's answer mapped to a quality: a right answer is quality 4 (ease unchanged), a
wrong one quality 1:

- right: the interval goes 1 day, then 6 days, then ``round(interval x ease)``; repetitions + 1;
- wrong: repetitions back to 0, interval 1 day (the question comes back tomorrow), ease lowered by 0.54;
- the ease never falls below 1.3 and starts at 2.5.

A question enters the queue the first time it is answered wrong (in a quiz, the practice exam or here), due the next
day; a right answer outside the review page leaves the queue alone. The same rule runs in the browser
(``data/review.js``, kept in ``localStorage`` under ``awslab:review``) and in the kernel (:class:`ReviewStore`, a small
JSON file, by default ``~/.awslab/review.json``; ``AWSLAB_REVIEW_FILE`` or the ``path`` argument picks another),
and a test runs both on the same sequence of answers.

>>> card = grade(None, right=False, today=100)
>>> (card.interval, card.repetitions, card.due, card.ease)
(1, 0, 101, 1.96)
>>> card = grade(card, right=True, today=101)
>>> card = grade(card, right=True, today=102)
>>> (card.interval, card.due)
(6, 108)

References:
    P. A. Wozniak, "Application of a computer to improve the results obtained in working with the SuperMemo
    method" (1990, from his thesis "Optimization of learning"), as described by the sm2 package's documentation,
    https://pub.dev/documentation/sm2/latest/ (read 2026-12-03): ease factor 2.5 to start and never below 1.3,
    intervals 1 and 6 days then I(n-1) x EF, EF' = EF + (0.1 - (5-q)(0.08 + (5-q)0.02)), quality below 3 restarts
    the repetitions. Ours: the quality mapping (right 4, wrong 1), lowering the ease on a wrong answer too (the
    original can be read as keeping it on a lapse; lowering it brings often-missed questions back more often), and
    never letting a right answer shorten the interval.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from awslab.validate import checked

START_EASE = 2.5
MIN_EASE = 1.3
RIGHT_QUALITY = 4
WRONG_QUALITY = 1
ENV_FILE = "AWSLAB_REVIEW_FILE"
MAX_CARDS = 5000  # a local file that grew past this is not ours: refuse it rather than read it


@dataclass(frozen=True)
class Card:
    """One question's schedule: ease factor, interval in days, right answers in a row, the day it is due."""

    ease: float = START_EASE
    interval: int = 0
    repetitions: int = 0
    due: int = 0
    lapses: int = 0


def _round_half_up(x: float) -> int:
    """``Math.round`` for the non-negative numbers used here (Python's round() rounds half to even)."""
    return int(x + 0.5)


def _ease(ease: float, quality: int) -> float:
    miss = 5 - quality
    changed = ease + (0.1 - miss * (0.08 + miss * 0.02))
    return max(MIN_EASE, _round_half_up(changed * 10000) / 10000)


@checked
def grade(card: Card | None, *, right: bool, today: int) -> Card:
    """The card after one answer given on day ``today`` (a new card when ``card`` is None).

    >>> grade(Card(ease=1.3, interval=10, repetitions=3, due=50), right=True, today=50).interval
    13
    """
    card = card or Card()
    if right:
        interval = (
            1 if card.repetitions == 0 else 6 if card.repetitions == 1 else _round_half_up(card.interval * card.ease)
        )
        interval = max(interval, card.interval)  # a right answer never shortens the wait
        return Card(_ease(card.ease, RIGHT_QUALITY), interval, card.repetitions + 1, today + interval, card.lapses)
    return Card(_ease(card.ease, WRONG_QUALITY), 1, 0, today + 1, card.lapses + 1)


@checked
def day_number(date: _dt.date | None = None) -> int:
    """Days since 1970-01-01 of a local calendar date (today by default), the browser's ``awslabDay``.

    >>> day_number(_dt.date(1970, 1, 2))
    1
    """
    return (date or _dt.date.today()).toordinal() - _dt.date(1970, 1, 1).toordinal()


def default_path() -> Path:
    """Where the kernel keeps the queue: ``$AWSLAB_REVIEW_FILE`` or ``~/.awslab/review.json``.

    >>> default_path().suffix
    '.json'
    """
    return Path(os.environ.get(ENV_FILE) or Path.home() / ".awslab" / "review.json")


class ReviewStore:
    """The kernel's review queue in a small JSON file ``{uid: card}``, written atomically (temp file + rename).

    >>> import tempfile, pathlib
    >>> store = ReviewStore(pathlib.Path(tempfile.mkdtemp()) / "review.json")
    >>> store.answer("s3_fundamentals/strong-consistency", right=False, today=10).due
    11
    >>> store.due(11)
    ['s3_fundamentals/strong-consistency']
    """

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_path()

    def load(self) -> dict[str, Card]:
        """Every card; a missing file is an empty queue, a damaged one raises ValueError naming the file."""
        if not self.path.exists():
            return {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict) or len(raw) > MAX_CARDS:
                raise ValueError("not a mapping of question ids to cards")
            return {
                str(uid): Card(**{k: card[k] for k in Card.__dataclass_fields__ if k in card})
                for uid, card in raw.items()
            }
        except (ValueError, TypeError, AttributeError) as error:
            raise ValueError(
                f"review file {str(self.path)!r} is not a review queue ({error}); move it away to start afresh"
            ) from error

    def save(self, cards: dict[str, Card]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({uid: asdict(card) for uid, card in sorted(cards.items())}, indent=1)
        handle, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".review-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def answer(self, uid: str, *, right: bool, today: int | None = None) -> Card | None:
        """Record an answer to a card on the review page (a right answer to a question not queued adds nothing)."""
        today = day_number() if today is None else today
        cards = self.load()
        if uid not in cards and right:
            return None
        cards[uid] = grade(cards.get(uid), right=right, today=today)
        self.save(cards)
        return cards[uid]

    def missed(self, uids, *, today: int | None = None) -> None:
        """Questions answered wrong in a quiz or an exam: each is (re)scheduled for tomorrow."""
        today = day_number() if today is None else today
        cards = self.load()
        for uid in uids:
            cards[uid] = grade(cards.get(uid), right=False, today=today)
        self.save(cards)

    def due(self, today: int | None = None) -> list[str]:
        """Question ids due on ``today`` or earlier, the most overdue first."""
        today = day_number() if today is None else today
        cards = self.load()
        return sorted((uid for uid, c in cards.items() if c.due <= today), key=lambda uid: (cards[uid].due, uid))


# --- the faces: "Today's review" on the site and in JupyterLab ----------------------------------------------------
@checked
def review_html(*, items: dict | None = None, base: str = "../") -> str:
    """The static face: today's due questions one at a time, graded in the browser (``awslab:review``).

    >>> "Today's review" in review_html(items={})
    True
    """
    from awslab.exam import web
    from awslab.exam.practice import _items

    items = web.bank_items(base=base) if items is None else _items("items", items)
    body = (
        "<h3>Today's review</h3><p class='ar-summary' aria-live='polite'></p><div class='ar-card'></div>"
        "<p class='ax-note'>A question you answer wrong in a quiz or a practice exam joins this queue, due the next day. "
        "Each answer here reschedules it the SM-2 way: right, it comes back after 1 day, then 6, then the last wait "
        "times its ease (2.5 to start); wrong, it comes back tomorrow and its ease drops (never below 1.3). The queue "
        "lives in this browser only.</p>"
    )
    return web.page("review", body, {"pool": items})
