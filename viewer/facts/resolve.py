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
        f for f in candidates if f.start is not None and f.end is not None and f.end > f.start
    ]
    located.sort(key=lambda f: (-(f.end - f.start), _KIND_RANK.get(f.kind, 9), f.start))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Fact] = []
    for fact in located:
        if _overlaps(starts, ends, fact.start, fact.end):
            continue
        i = bisect_left(starts, fact.start)
        starts.insert(i, fact.start)
        ends.insert(i, fact.end)
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
        i = bisect_left(starts, fact.end)
        if i > 0 and ordered[i - 1][1] > fact.start:
            continue
        out.append(fact)
    return out
