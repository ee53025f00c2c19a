"""Helpers shared by the facts tests: run the extractor and check the offset contract."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import pytest

from viewer.facts import extract_facts
from viewer.model import FACT_KINDS, Credit, Fact


def check_contract(body: str, facts: list[Fact]) -> None:
    """Offsets point at the fact text, facts are sorted and never overlap."""
    located = [f for f in facts if f.start is not None]
    for fact in facts:
        assert fact.kind in FACT_KINDS and fact.kind != "place"
        if fact.start is None:
            assert fact.end is None and fact.kind == "person"
            continue
        assert fact.end is not None and 0 <= fact.start < fact.end <= len(body)
        assert body[fact.start : fact.end] == fact.text
    spans = [(f.start, f.end) for f in located]
    assert spans == sorted(spans)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start
    # Byline-only people come after every located fact.
    firsts = [f.start is None for f in facts]
    assert firsts == sorted(firsts)


@pytest.fixture
def contract() -> Callable[[str, list[Fact]], None]:
    return check_contract


@pytest.fixture
def facts_of() -> Callable[..., list[Fact]]:
    """extract_facts plus the contract check, optionally filtered to one kind."""

    def run(text: str, kind: str | None = None, credits: Sequence[Credit] = ()) -> list[Fact]:
        facts = extract_facts(text, credits=credits)
        check_contract(text, facts)
        return [f for f in facts if kind is None or f.kind == kind]

    return run
