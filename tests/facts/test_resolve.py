"""Overlap resolution between candidate facts."""

from __future__ import annotations

from viewer.facts.resolve import drop_inside, resolve
from viewer.model import Fact


def fact(kind: str, start: int, end: int) -> Fact:
    return Fact(kind, "x" * (end - start), start, end)


def test_longer_span_wins() -> None:
    kept = resolve([fact("quantity", 0, 3), fact("organization", 0, 8), fact("date", 10, 12)])
    assert [(f.kind, f.start) for f in kept] == [("organization", 0), ("date", 10)]


def test_equal_length_goes_to_the_more_specific_kind() -> None:
    kept = resolve([fact("quantity", 2, 6), fact("money", 3, 7), fact("phone", 4, 8)])
    assert [f.kind for f in kept] == ["phone"]


def test_touching_spans_both_stay_and_come_out_sorted() -> None:
    kept = resolve([fact("date", 5, 9), fact("money", 0, 5), fact("person", 9, 12)])
    assert [(f.start, f.end) for f in kept] == [(0, 5), (5, 9), (9, 12)]


def test_unlocated_and_empty_facts_are_not_resolved() -> None:
    empty = Fact("person", "", 3, 3)
    byline = Fact("person", "某", None, None)
    assert resolve([empty, byline]) == []


def test_drop_inside() -> None:
    facts = [fact("organization", 0, 6), fact("organization", 10, 14), fact("date", 20, 22)]
    kept = drop_inside(facts, [(4, 9), (14, 18)])
    assert [f.start for f in kept] == [10, 20]


def test_drop_inside_keeps_facts_known_only_from_the_byline() -> None:
    byline = Fact("person", "某", None, None)
    kept = drop_inside([byline, fact("organization", 4, 8)], [(4, 9)])
    assert kept == [byline]
