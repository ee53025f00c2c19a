"""Facets: how the hits of a search spread over places, story kinds and years, counted over
every hit (not only the shown ones).

Each count is what the matching filter would find: a place counts the hits linked to it or to a
place under it (as `place:` does), a year the hits dated in it plus undated hits mentioning it
(as a date filter does), so choosing a facet finds as many stories as it said. The tables
behind the counts (documents per kind and year, place names per document) are read once per
searcher, then a count is set intersections and one `Counter` over the hits.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from whoosh import query as wq
from whoosh.searching import Searcher

from viewer.model import STORY_KINDS
from viewer.search import schema as s
from viewer.search.filters import LAST_DATE, DateColumn


@dataclass
class PlaceCount:
    name: str
    stories: int


@dataclass
class KindCount:
    kind: str  # a STORY_KINDS key
    stories: int


@dataclass
class YearCount:
    year: int
    stories: int


@dataclass
class FacetCounts:
    total: int  # every hit
    places: list[PlaceCount] = field(default_factory=list)  # most hits first
    kinds: list[KindCount] = field(default_factory=list)  # most hits first
    years: list[YearCount] = field(default_factory=list)  # in calendar order
    undated: int = 0  # hits without a date (also counted under the years they mention)


class FacetTables:
    """What the counts need from one searcher's documents, read when first needed."""

    def __init__(self, searcher: Searcher, dates: DateColumn) -> None:
        self.searcher = searcher
        self.dates = dates
        self._under: object = None  # the `ancestors` mapping `_closures` was built for
        self._closures: dict[int, frozenset[str]] = {}

    @cached_property
    def kinds(self) -> dict[str, set[int]]:
        return {
            kind: set(self.searcher.docs_for_query(wq.Term(s.KIND, kind))) for kind in STORY_KINDS
        }

    @cached_property
    def years(self) -> dict[int, set[int]]:
        """Year -> the documents a date filter on that year finds (deleted ones included)."""
        out: dict[int, set[int]] = {}
        for docnum, value in enumerate(self.dates.values):
            if value <= LAST_DATE:
                out.setdefault(value // 10000, set()).add(docnum)
        field_type = self.searcher.schema[s.UNDATED_YEARS]
        reader = self.searcher.reader()
        for term in field_type.sortable_terms(reader, s.UNDATED_YEARS):
            year = field_type.from_bytes(term)
            docs = self.searcher.docs_for_query(wq.Term(s.UNDATED_YEARS, year))
            out.setdefault(year, set()).update(docs)
        return out

    @cached_property
    def undated(self) -> set[int]:
        return {d for d, value in enumerate(self.dates.values) if value > LAST_DATE}

    @cached_property
    def doc_places(self) -> dict[int, list[str]]:
        """The place names each document is linked to (its PLACES terms)."""
        out: dict[int, list[str]] = {}
        reader = self.searcher.reader()
        for name in reader.field_terms(s.PLACES):
            for docnum in reader.postings(s.PLACES, name).all_ids():
                out.setdefault(docnum, []).append(name)
        return out

    def _place_closures(self, ancestors: Mapping[str, Collection[str]]) -> dict[int, frozenset]:
        """Per document, the names of every place whose filter finds it."""
        if ancestors is not self._under:
            shared: dict[tuple[str, ...], frozenset[str]] = {}
            closures = {}
            for docnum, names in self.doc_places.items():
                key = tuple(names)
                if key not in shared:
                    shared[key] = frozenset(
                        chain.from_iterable(ancestors.get(n, (n,)) for n in names)
                    )
                closures[docnum] = shared[key]
            self._under, self._closures = ancestors, closures
        return self._closures

    def count(
        self,
        hits: set[int],
        ancestors: Mapping[str, Collection[str]],
        years_searched: range = range(10_000),
    ) -> FacetCounts:
        """The facets of `hits` (live document numbers). `ancestors`: for each place name, the
        names a place filter finds it under (itself, its parents ...); pass the same mapping
        object again while the hierarchy is unchanged and the per-document sets are kept.
        `years_searched`: the years of the search's date filter (an undated hit mentioning
        1983 is found by from:2000 for mentioning 2020 too, but choosing 1983 finds nothing)."""
        closures = self._place_closures(ancestors)
        places = Counter(chain.from_iterable(closures[d] for d in hits if d in closures))
        kinds = [(kind, len(hits & docs)) for kind, docs in self.kinds.items()]
        years = [
            (year, len(hits & docs))
            for year, docs in sorted(self.years.items())
            if year in years_searched
        ]
        return FacetCounts(
            total=len(hits),
            places=[PlaceCount(n, c) for n, c in sorted(places.items(), key=_most_first)],
            kinds=[KindCount(k, c) for k, c in sorted(kinds, key=_most_first) if c],
            years=[YearCount(y, c) for y, c in years if c],
            undated=len(hits & self.undated),
        )


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]
