"""What each story is about, and the evidence one page gives about which place lies in which.

Evidence comes in two strengths. A place named right before another (甲街道乙社区, or 甲镇乙 for
乙村) states the containment: weight 10, reason "adjacent". Page layout only suggests it: a page
led by a story about a street whose later stories are each about a community (a street's page
with one section per community), or the city/district a page keeps mentioning, for streets and
towns that have no stated parent: weight 1, reason "page".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from viewer.model import PLACE_RANK, PlaceLink, PlaceMention, StoryPlaceRef

ADJACENT_WEIGHT = 10
PAGE_WEIGHT = 1
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


@dataclass
class _PageEvidence:
    links: dict[tuple[Key, Key, str], int] = field(default_factory=dict)

    def add(self, child: Key, parent: Key, weight: int, reason: str) -> None:
        if child == parent or PLACE_RANK[parent[1]] >= PLACE_RANK[child[1]]:
            return  # evidence only ever points from a lower level to a higher one
        key = (child, parent, reason)
        self.links[key] = max(weight, self.links.get(key, 0))

    def result(self) -> list[PlaceLink]:
        return [PlaceLink(c, p, w, r) for (c, p, r), w in sorted(self.links.items())]


def _key(mention: PlaceMention) -> Key:
    return (mention.name, mention.kind)


def _most_specific(mentions: Sequence[PlaceMention]) -> set[Key]:
    if not mentions:
        return set()
    deepest = max(PLACE_RANK[m.kind] for m in mentions)
    return {_key(m) for m in mentions if PLACE_RANK[m.kind] == deepest}


def _opening_end(body: str) -> int:
    newline = body.find("\n", _OPENING_MIN)
    return _OPENING_MAX if newline == -1 else min(newline, _OPENING_MAX)


def about_keys(sp: StoryPlaces) -> set[Key]:
    """The places a story is about: the most specific ones in its headline, plus the most
    specific ones in its opening that are at least as specific as the headline's."""
    about = _most_specific(sp.heading)
    end = _opening_end(sp.body_text)
    opening = [m for m in sp.body if m.start < end]
    floor = max((PLACE_RANK[k] for _, k in about), default=-1)
    about |= {k for k in _most_specific(opening) if PLACE_RANK[k[1]] >= floor}
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
    evidence = _PageEvidence()
    stated: dict[Key, set[Key]] = {}  # child -> parents named right before it on this page
    for sp in stories:
        for m in (*sp.heading, *sp.body):
            if m.parent is not None and m.parent[1] in PLACE_RANK:
                evidence.add(_key(m), m.parent, ADJACENT_WEIGHT, "adjacent")
                stated.setdefault(_key(m), set()).add(m.parent)
    for child, parent in _bare_name_links(stories):
        evidence.add(child, parent, ADJACENT_WEIGHT, "adjacent")
        stated.setdefault(child, set()).add(parent)
    _lead_story_links(stories, stated, evidence)
    _page_area_links(stories, stated, evidence)
    return evidence.result()


def _bare_name_links(stories: Sequence[StoryPlaces]) -> list[tuple[Key, Key]]:
    """甲镇乙工作队 on a page that also names 乙村: the town is named right before the village,
    only without the village's suffix."""
    cores: dict[str, Key] = {}
    for sp in stories:
        for m in (*sp.heading, *sp.body):
            core = m.name[: -_SUFFIX_LENGTH.get(m.kind, 1)]
            if PLACE_RANK[m.kind] == 3 and len(core) >= 2 and not core.endswith(_ROAD_ENDINGS):
                cores[core] = _key(m)
    if not cores:
        return []
    longest = max(map(len, cores))
    found: list[tuple[Key, Key]] = []
    for sp in stories:
        starts = {m.start for m in sp.body}
        for m in sp.body:
            if PLACE_RANK[m.kind] != 2 or m.end in starts:
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
    containers = {k for k in about_keys(stories[lead]) if PLACE_RANK[k[1]] <= 2}
    if len(containers) != 1:
        return
    (container,) = containers
    for sp in stories[lead + 1 :]:
        for key in about_keys(sp):
            if PLACE_RANK[key[1]] <= PLACE_RANK[container[1]]:
                continue
            if stated.get(key, set()) - {container}:
                continue  # the page says it lies somewhere else
            evidence.add(key, container, PAGE_WEIGHT, "page")


def _page_area_links(
    stories: Sequence[StoryPlaces], stated: dict[Key, set[Key]], evidence: _PageEvidence
) -> None:
    """The city or district a page names most is weak evidence for its streets and towns
    (and districts of a city) that have no stated parent."""
    score: dict[Key, int] = {}
    first_seen: dict[Key, int] = {}
    mentions = [m for sp in stories for m in (*sp.heading, *sp.body)]
    for position, m in enumerate(mentions):
        named = [_key(m)]
        if m.parent is not None:
            # The parent counts when it is this city's seat of power over the child, and
            # once more when its text is inside the child (甲市郊区 names 甲市 too).
            named.append(m.parent)
            if m.name.startswith(m.parent[0]):
                named.append(m.parent)
        for key in named:
            if key[1] in PLACE_RANK and PLACE_RANK[key[1]] <= 1:
                score[key] = score.get(key, 0) + 1
                first_seen.setdefault(key, position)
    if not score:
        return
    area = min(score, key=lambda k: (-score[k], first_seen[k]))
    for m in mentions:
        key = _key(m)
        if PLACE_RANK[area[1]] < PLACE_RANK[m.kind] <= 2 and not stated.get(key):
            evidence.add(key, area, PAGE_WEIGHT, "page")
