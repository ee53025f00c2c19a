"""Overlap resolution: the facts returned never overlap. The longer span wins; on equal length
the more specific kind wins (phone > date > money > percent > organization > person >
quantity), then the earlier start."""

from __future__ import annotations

from bisect import bisect_left

from viewer.model import Fact

_KIND_RANK = {
    "phone": 0,
    "date": 1,
    "money": 2,
    "percent": 3,
    "organization": 4,
    "person": 5,
    "quantity": 6,
}


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """`starts`/`ends` are the kept spans in order; they never overlap each other."""
    i = bisect_left(starts, start)
    if i < len(starts) and starts[i] < end:
        return True
    return i > 0 and ends[i - 1] > start


def resolve(candidates: list[Fact]) -> list[Fact]:
    """Keep a non-overlapping subset of located facts, sorted by (start, end)."""
    located = [
        (f.start, f.end, f)
        for f in candidates
        if f.start is not None and f.end is not None and f.end > f.start
    ]
    located.sort(key=lambda x: (-(x[1] - x[0]), _KIND_RANK.get(x[2].kind, 9), x[0]))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Fact] = []
    for start, end, fact in located:
        if _overlaps(starts, ends, start, end):
            continue
        i = bisect_left(starts, start)
        starts.insert(i, start)
        ends.insert(i, end)
        kept.append(fact)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


def drop_inside(facts: list[Fact], spans: list[tuple[int, int]]) -> list[Fact]:
    """Facts that overlap none of `spans` (e.g. organisations inside a person's role). The spans
    must not overlap each other, so only the last one starting before a fact's end can reach it."""
    if not spans:
        return facts
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    out = []
    for fact in facts:
        if fact.start is None or fact.end is None:  # known only from the byline: inside nothing
            out.append(fact)
            continue
        i = bisect_left(starts, fact.end)
        if i > 0 and ordered[i - 1][1] > fact.start:
            continue
        out.append(fact)
    return out
