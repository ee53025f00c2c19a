"""Facets: how the hits of a search spread over places, story kinds and years, counted over
every hit (not only the shown ones).

Each count is what the matching filter would find: a place counts the hits linked to it or to a
place under it (as `place:` does), a year the hits dated in it plus undated hits mentioning it
(as a date filter does), so choosing a facet finds as many stories as it said. The tables
behind the counts (documents per kind and year, place names per document) are read once per
searcher, then a count is set intersections and one `Counter` over the hits.
"""

from __future__ import annotations

import heapq
from collections import Counter
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
    places: list[PlaceCount] = field(default_factory=list)  # most hits first, then by name
    place_count: int = 0  # places with hits (`places` may list only the first of them)
    kinds: list[KindCount] = field(default_factory=list)  # most hits first
    years: list[YearCount] = field(default_factory=list)  # in calendar order
    undated: int = 0  # hits without a date (also counted under the years they mention)


@dataclass(frozen=True)
class PlaceClosures:
    """For each story, the places whose filter finds it (the places it is linked to and every
    place above a place of that name), as indexes into `names`; built by the archive from its
    hierarchy (see `Archive._place_closures`)."""

    names: list[str]
    by_story: dict[int, tuple[int, ...]]


class FacetTables:
    """What the counts need from one searcher's documents, read when first needed."""

    def __init__(self, searcher: Searcher, dates: DateColumn) -> None:
        self.searcher = searcher
        self.dates = dates
        self._closures_of: PlaceClosures | None = None  # what `_by_doc` was built from
        self._by_doc: list[tuple[int, ...]] = []

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
    def story_ids(self) -> dict[int, int]:
        """Live document number -> story id. One pass over the stored records (0.1 s at
        20 k stories), where looking up each place name's postings took seconds."""
        return {d: int(fields[s.ID]) for d, fields in self.searcher.reader().iter_docs()}

    def _doc_closures(self, closures: PlaceClosures) -> list[tuple[int, ...]]:
        if closures is not self._closures_of:
            by_doc: list[tuple[int, ...]] = [()] * self.searcher.reader().doc_count_all()
            for docnum, story_id in self.story_ids.items():
                by_doc[docnum] = closures.by_story.get(story_id, ())
            self._closures_of, self._by_doc = closures, by_doc
        return self._by_doc

    def count(
        self,
        hits: set[int],
        closures: PlaceClosures,
        years_searched: range = range(10_000),
        place_limit: int | None = None,
    ) -> FacetCounts:
        """The facets of `hits` (live document numbers). Pass the same `closures` object again
        while the hierarchy is unchanged: the per-document table built for it is kept.
        `years_searched`: the years of the search's date filter (an undated hit mentioning
        1983 is found by from:2000 for mentioning 2020 too, but choosing 1983 finds nothing).
        `place_limit`: list only the places of the most hits (None: all)."""
        by_doc = self._doc_closures(closures)
        places = Counter(chain.from_iterable(by_doc[d] for d in hits))
        kinds = [(kind, len(hits & docs)) for kind, docs in self.kinds.items()]
        years = [
            (year, len(hits & docs))
            for year, docs in sorted(self.years.items())
            if year in years_searched
        ]
        names = closures.names
        return FacetCounts(
            total=len(hits),
            places=[PlaceCount(names[n], c) for n, c in _most(places, names, place_limit)],
            place_count=len(places),
            kinds=[KindCount(k, c) for k, c in sorted(kinds, key=_most_first) if c],
            years=[YearCount(y, c) for y, c in years if c],
            undated=len(hits & self.undated),
        )


def _most(counts: Counter[int], names: list[str], limit: int | None) -> list[tuple[int, int]]:
    """The `limit` commonest (all for None), ties by name. Picked by count first (in C):
    sorting 11,000 places of a blank search by a Python key took longer than counting."""
    if limit is not None and len(counts) > limit:
        cutoff = heapq.nlargest(limit, counts.values())[-1]
        chosen = [(n, c) for n, c in counts.items() if c >= cutoff]
    else:
        chosen = list(counts.items())
    chosen.sort(key=lambda item: (-item[1], names[item[0]]))
    return chosen if limit is None else chosen[:limit]


def _most_first(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]
