"""What each story is about, and the evidence one page gives about which place lies in which.

A division (a place the gazetteer knows) is placed by its code. When the name is ambiguous
(朝阳区 in 北京 and in 长春, 城关镇 in dozens of counties) the page decides: a name stated right
after a bigger place, or with a single candidate, is certain (weight 10); otherwise the candidate
that shares the deepest division with an unambiguous place of the same page wins (same county 4,
same prefecture 3, same province 2). That choice is evidence with reason "code", carrying the
code; its parent is the code's parent division.

Communities and villages the gazetteer was not asked about keep evidence of two strengths. A
place named right before another (甲街道乙社区, or 甲镇乙 for 乙村) states the containment: weight
10, reason "adjacent". Page layout only suggests it: a page led by a story about a street whose
later stories are each about a community (a street's page with one section per community):
weight 1, reason "page".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from viewer.model import LEVEL_BY_KIND, PlaceLink, PlaceMention, StoryPlaceRef
from viewer.places import divisions

ADJACENT_WEIGHT = 10
PAGE_WEIGHT = 1
CODE_WEIGHT = 10  # the page names exactly one division
# A candidate sharing a division of this level with an unambiguous place of the page.
CONTEXT_WEIGHT = {4: 5, 3: 4, 2: 3, 1: 2}
# The opening of a body: its first paragraph, but no more than this many characters...
_OPENING_MAX = 100
# ...and a first paragraph shorter than this (a dateline) runs on into the next one.
_OPENING_MIN = 20
# A name ending like this is a road (某某路), which a bare mention would confuse with the place.
_ROAD_ENDINGS = ("路", "街", "道", "巷", "大道")
_SUFFIX_LENGTH = {"street": 2, "community": 2}

Key = tuple[str, str]


@dataclass
class StoryPlaces:
    """One story's place mentions as the archive passes them in, in page order."""

    heading: list[PlaceMention]  # offsets into kicker + title + subtitle
    body: list[PlaceMention]  # offsets into body_text
    body_text: str = ""


# A place as one story uses it: name, kind, count (mentions in heading and body), about (the
# story is about it), first (first body offset, None when only the heading names it). The
# model's record type, so the archive can store what story_places returns as it is.
StoryPlace = StoryPlaceRef


def _level(key: Key, levels: dict[Key, int]) -> int:
    return levels.get(key) or LEVEL_BY_KIND.get(key[1], 5)


@dataclass
class _PageEvidence:
    levels: dict[Key, int]  # the level of each place named on the page
    links: dict[tuple[Key, Key, str, str], int] = field(default_factory=dict)

    def add(self, child: Key, parent: Key, weight: int, reason: str, code: str = "") -> None:
        if child == parent or _level(parent, self.levels) >= _level(child, self.levels):
            return  # evidence only ever points from a lower level to a higher one
        key = (child, parent, reason, code)
        self.links[key] = max(weight, self.links.get(key, 0))

    def result(self) -> list[PlaceLink]:
        return [PlaceLink(c, p, w, r, code) for (c, p, r, code), w in sorted(self.links.items())]


def _key(mention: PlaceMention) -> Key:
    return (mention.name, mention.kind)


def _most_specific(mentions: Sequence[PlaceMention]) -> set[Key]:
    if not mentions:
        return set()
    deepest = max(m.level for m in mentions)
    return {_key(m) for m in mentions if m.level == deepest}


def _opening_end(body: str) -> int:
    newline = body.find("\n", _OPENING_MIN)
    return _OPENING_MAX if newline == -1 else min(newline, _OPENING_MAX)


def about_keys(sp: StoryPlaces) -> set[Key]:
    """The places a story is about: the most specific ones in its headline, plus the most
    specific ones in its opening that are at least as specific as the headline's."""
    about = _most_specific(sp.heading)
    floor = max((m.level for m in sp.heading if _key(m) in about), default=0)
    end = _opening_end(sp.body_text)
    opening = [m for m in sp.body if m.start < end]
    deepest = _most_specific(opening)
    about |= {_key(m) for m in opening if _key(m) in deepest and m.level >= floor}
    return about


def story_places(sp: StoryPlaces) -> list[StoryPlace]:
    """Each place of one story with its mention count, first body offset and whether the story
    is about it; about-places first, then in order of first appearance."""
    counts: dict[Key, int] = {}
    first: dict[Key, int] = {}
    order: dict[Key, int] = {}
    for m in sp.heading:
        counts[_key(m)] = counts.get(_key(m), 0) + 1
        order.setdefault(_key(m), -1)
    for m in sp.body:
        counts[_key(m)] = counts.get(_key(m), 0) + 1
        first.setdefault(_key(m), m.start)
        order.setdefault(_key(m), m.start)
    about = about_keys(sp)
    places = [
        StoryPlace(name, kind, n, (name, kind) in about, first.get((name, kind)))
        for (name, kind), n in counts.items()
    ]
    places.sort(key=lambda p: (not p.about, order[(p.name, p.kind)], p.name))
    return places


def page_links(stories: Sequence[StoryPlaces]) -> list[PlaceLink]:
    """Evidence from one page (its stories in page order) of which place lies inside which."""
    mentions = [m for sp in stories for m in (*sp.heading, *sp.body)]
    evidence = _PageEvidence({_key(m): m.level for m in mentions})
    _code_links(mentions, evidence)
    stated: dict[Key, set[Key]] = {}  # child -> parents named right before it on this page
    for m in mentions:
        if not m.codes and m.parent is not None:
            evidence.add(_key(m), m.parent, ADJACENT_WEIGHT, "adjacent")
            stated.setdefault(_key(m), set()).add(m.parent)
    for child, parent in _bare_name_links(stories):
        evidence.add(child, parent, ADJACENT_WEIGHT, "adjacent")
        stated.setdefault(child, set()).add(parent)
    _lead_story_links(stories, stated, evidence)
    return evidence.result()


def choose_codes(mentions: Sequence[PlaceMention]) -> dict[Key, tuple[str, int]]:
    """The division each ambiguous place of a page stands for, with the weight of that choice
    (see the module docstring); places the page cannot decide are left out."""
    candidates: dict[Key, tuple[str, ...]] = {}
    for m in mentions:
        if m.codes:
            known = candidates.get(_key(m))
            if known is None or len(m.codes) < len(known):
                candidates[_key(m)] = m.codes  # the most narrowed mention speaks for all
    anchors: Counter[str] = Counter()
    for m in mentions:
        if len(candidates.get(_key(m), ())) == 1:
            anchors[candidates[_key(m)][0]] += 1
    chosen: dict[Key, tuple[str, int]] = {}
    for key, codes in candidates.items():
        if len(codes) == 1:
            chosen[key] = (codes[0], CODE_WEIGHT)
            continue
        scores = {
            code: max(
                (divisions.common_ancestor_level(code, a) for a in anchors if a not in codes),
                default=0,
            )
            for code in codes
        }
        best = max(scores.values())
        winners = [c for c, score in scores.items() if score == best]
        if best > 0 and len(winners) == 1:
            chosen[key] = (winners[0], CONTEXT_WEIGHT[best])
    return chosen


def _code_links(mentions: Sequence[PlaceMention], evidence: _PageEvidence) -> None:
    if not any(m.codes for m in mentions):
        return
    div = divisions.load()
    for key, (code, weight) in choose_codes(mentions).items():
        parent = div.parent(code)
        if parent is None:
            continue  # a province: nothing above it
        up = div.key(parent)
        evidence.levels.setdefault(up, div.level(parent))
        evidence.add(key, up, weight, "code", code)


def _bare_name_links(stories: Sequence[StoryPlaces]) -> list[tuple[Key, Key]]:
    """甲镇乙工作队 on a page that also names 乙村: the town is named right before the village,
    only without the village's suffix."""
    cores: dict[str, Key] = {}
    for sp in stories:
        for m in (*sp.heading, *sp.body):
            core = m.name[: -_SUFFIX_LENGTH.get(m.kind, 1)]
            if not m.codes and m.level == 5 and len(core) >= 2 and not core.endswith(_ROAD_ENDINGS):
                cores[core] = _key(m)
    if not cores:
        return []
    longest = max(map(len, cores))
    found: list[tuple[Key, Key]] = []
    for sp in stories:
        starts = {m.start for m in sp.body}
        for m in sp.body:
            if m.level != 4 or m.end in starts:
                continue
            for size in range(2, longest + 1):
                child = cores.get(sp.body_text[m.end : m.end + size])
                if child is not None:
                    found.append((child, _key(m)))
                    break
    return found


def _lead_story_links(
    stories: Sequence[StoryPlaces], stated: dict[Key, set[Key]], evidence: _PageEvidence
) -> None:
    """A page led by a story about a street (or town, district, city) whose later stories are
    each about a smaller place: those places lie in it, unless the page puts them elsewhere."""
    lead = next((i for i, sp in enumerate(stories) if sp.heading or sp.body), None)
    if lead is None:
        return
    containers = {k for k in about_keys(stories[lead]) if _level(k, evidence.levels) <= 4}
    if len(containers) != 1:
        return
    (container,) = containers
    levels = evidence.levels
    for sp in stories[lead + 1 :]:
        for key in about_keys(sp):
            if _level(key, levels) <= _level(container, levels) or _level(key, levels) < 5:
                continue  # only unverified communities and villages: divisions have codes
            if stated.get(key, set()) - {container}:
                continue  # the page says it lies somewhere else
            evidence.add(key, container, PAGE_WEIGHT, "page")
