"""Safety scores over the meetings: one line per perspective, and how far they differ.

Whether safety grows is what matters in a route of years, so every score is
followed by perspective; a difference of three points or more between
perspectives is a reason to talk.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from leidraad.core.domain import SCORE_MAX, FamilyMember, MemberRole, SafetyScore, name_key


def _member_descriptions() -> str:
    plain = {FamilyMember("", role).description for role in MemberRole}
    plain |= {role.label for role in MemberRole}
    return "|".join(re.escape(d.casefold()) for d in sorted(plain, key=len, reverse=True))


# perspectives_for writes 'moeder (ouder)' and 'Perspectief van Sam (kind, 8 jaar)';
# the role and the age are not part of who it is, so they are left out of the key.
_MEMBER_SUFFIX = re.compile(rf"\s*\((?:{_member_descriptions()})(?:,\s*\d+\s*jaar)?\)$")
_AGE_SUFFIX = re.compile(r",?\s*\(?\d+\s*jaar\)?$")


def perspective_key(perspective: str) -> str:
    """A stable name for a perspective, so one line can follow it over the meetings.

    Family members and partners are rewritten whenever a case is edited, so the
    key comes from the name as the score was asked: without upper/lower case,
    extra spaces, the role in brackets or a child's age (which grows between
    meetings). 'Perspectief van Sam (kind, 8 jaar)' and a perspective added by
    hand as 'Perspectief van Sam, 9 jaar' are the same line.
    """
    text = name_key(perspective)
    text = _MEMBER_SUFFIX.sub("", text)
    text = _AGE_SUFFIX.sub("", text)
    return text.strip(" ,") or name_key(perspective)


@dataclass(frozen=True)
class ScoreSheet:
    """The scores given in one meeting."""

    number: int
    held_on: date
    scores: tuple[SafetyScore, ...]


@dataclass(frozen=True)
class TrendPoint:
    number: int
    held_on: date
    score: int | None


@dataclass(frozen=True)
class Trend:
    """One perspective's score in every meeting, a gap where it was not given."""

    key: str
    label: str
    points: tuple[TrendPoint, ...]

    @property
    def given(self) -> list[int]:
        return [p.score for p in self.points if p.score is not None]

    @property
    def latest(self) -> int | None:
        """The most recent score given, also when the last meeting gave none."""
        given = self.given
        return given[-1] if given else None

    @property
    def change(self) -> int | None:
        """The step from the previous given score to the latest given one."""
        given = self.given
        return given[-1] - given[-2] if len(given) >= 2 else None


def trends(sheets: Sequence[ScoreSheet]) -> list[Trend]:
    """A trend per perspective over all meetings, in the order of the latest meeting."""
    ordered = sorted(sheets, key=lambda s: s.number)
    labels: dict[str, str] = {}
    first_seen: list[str] = []
    for sheet in ordered:
        for score in sheet.scores:
            key = perspective_key(score.perspective)
            if key not in labels:
                first_seen.append(key)
            labels[key] = score.perspective  # the most recent wording is shown
    if ordered:
        latest_order = [perspective_key(s.perspective) for s in ordered[-1].scores]
        first_seen = list(dict.fromkeys(latest_order + first_seen))
    result = []
    for key in first_seen:
        points = []
        for sheet in ordered:
            found = [
                s.score
                for s in sheet.scores
                if perspective_key(s.perspective) == key and s.score is not None
            ]
            points.append(TrendPoint(sheet.number, sheet.held_on, found[0] if found else None))
        trend = Trend(key, labels[key], tuple(points))
        if trend.given:
            result.append(trend)
    return result


_BARS = "▁▂▃▄▅▆▇█"
GAP = "·"


def sparkline(points: Sequence[int | None]) -> str:
    """One character per meeting on a fixed 0-10 scale (a 4 always looks like a 4)."""
    top = len(_BARS) - 1
    return "".join(GAP if p is None else _BARS[round(p * top / SCORE_MAX)] for p in points)


def trend_text(trend: Trend) -> str:
    """The trend in words for minutes and screen readers: '3 → 4 → – → 6'."""
    return " → ".join("–" if p.score is None else str(p.score) for p in trend.points)


def change_text(trend: Trend) -> str:
    change = trend.change
    if change is None:
        return "eerste cijfer"
    if change == 0:
        return "gelijk gebleven"
    return f"{change:+d} sinds vorige keer"


DIVERGENCE_THRESHOLD = 3


@dataclass(frozen=True)
class Divergence:
    """How far the perspectives in one meeting lie apart."""

    spread: int
    lowest: tuple[SafetyScore, ...]
    highest: tuple[SafetyScore, ...]

    @property
    def needs_discussion(self) -> bool:
        return self.spread >= DIVERGENCE_THRESHOLD

    def describe(self) -> str:
        def names(scores: tuple[SafetyScore, ...]) -> str:
            return ", ".join(s.perspective for s in scores)

        low, high = self.lowest[0].score, self.highest[0].score
        text = f"{self.spread} {'punt' if self.spread == 1 else 'punten'} verschil"
        if self.spread == 0:
            return "Alle perspectieven geven hetzelfde cijfer."
        return (
            f"{text}: laagst {names(self.lowest)} ({low}), hoogst {names(self.highest)} ({high})."
        )


def divergence(scores: Sequence[SafetyScore]) -> Divergence | None:
    """None until at least two perspectives have given a score."""
    given = [s for s in scores if s.score is not None]
    if len(given) < 2:
        return None
    low = min(s.score for s in given if s.score is not None)
    high = max(s.score for s in given if s.score is not None)
    return Divergence(
        high - low,
        tuple(s for s in given if s.score == low),
        tuple(s for s in given if s.score == high),
    )


DISCUSS_PROMPT = (
    "De perspectieven liggen {spread} punten uit elkaar. Bespreek het verschil: "
    "wat ziet de één dat de ander niet ziet, en wat is nodig om het cijfer omhoog te krijgen?"
)
