"""The search filters (places, authors, kinds, dates) as sets of document numbers, and the
newest-first order of searches that are filters only.

Dates are matched against the date column, read once per searcher (`DateColumn`), not with
whoosh's NumericRange: at 100 k stories a range read thousands of postings (0.2-0.4 s a search),
and in whoosh-reloaded 2.7.5 some bounds matched every document (`to:2001` found every undated
story that mentions any year). Undated stories are matched by the exact year terms they hold.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Collection, Sequence
from functools import cached_property

from whoosh import query as wq
from whoosh.searching import Searcher

from viewer.search import schema as s
from viewer.search.dates import date_number

# No story date is later; the date column's value for an undated story (its default) is higher.
LAST_DATE = date_number("9999-12-31")


class DateColumn:
    """Every document's date column value (whoosh's sort key; undated: the column's default,
    above every date) by global document number, and the deleted documents, of one searcher.
    Read on first use: searches without a date filter never need it."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher

    @cached_property
    def values(self) -> array:
        out = array("q")
        for sub, _offset in self.searcher.leaf_searchers():
            reader = sub.reader()
            if not reader.doc_count_all():
                continue  # an empty index has no columns at all
            column = reader.column_reader(s.DATE, translate=False)
            try:  # the whole column in one read, not one read per document
                values = column._dbfile.get_array(column._basepos, column._typecode, column._count)
                values.extend([column._default] * (reader.doc_count_all() - len(values)))
            except AttributeError:  # no column in this segment: the default for every document
                values = list(column)
            out.fromlist(list(values))
        return out

    @cached_property
    def deleted(self) -> set[int]:
        return {
            offset + docnum
            for sub, offset in self.searcher.leaf_searchers()
            if sub.reader().has_deletions()
            for docnum in sub.reader().deleted_docs_set
        }

    def between(self, first: int, last: int) -> set[int]:
        """Live documents dated within [first, last] (yyyymmdd numbers)."""
        return {d for d, value in enumerate(self.values) if first <= value <= last} - self.deleted

    def live(self) -> set[int]:
        return set(range(len(self.values))) - self.deleted

    def newest_first(self, docs: set[int] | None, limit: int | None) -> list[int]:
        """`docs` (None: every live document) newest first, undated ones last (whoosh's
        `sortedby=DATE, reverse=True` put them first: their column value is the highest); ties
        by docnum, descending, as whoosh had them."""
        if docs is None:
            docs = self.live()

        def newest(docnum: int) -> tuple[int, int]:
            value = self.values[docnum]
            return (value if value <= LAST_DATE else 0), docnum

        if limit is None:
            return sorted(docs, key=newest, reverse=True)
        return heapq.nlargest(limit, docs, key=newest)

    def newest_ranked(
        self, ranked: list[tuple[float, int]], limit: int | None
    ) -> list[tuple[float, int]]:
        """(score, document) hits newest first, undated ones last; within a day the best
        first, then as ranked."""
        order = {docnum: n for n, (_score, docnum) in enumerate(ranked)}

        def newest(hit: tuple[float, int]) -> tuple[int, float, int]:
            value = self.values[hit[1]]
            return (value if value <= LAST_DATE else 0), hit[0], -order[hit[1]]

        if limit is None:
            return sorted(ranked, key=newest, reverse=True)
        return heapq.nlargest(limit, ranked, key=newest)


def filter_docs(
    dates: DateColumn,
    place_names: Sequence[str],
    kinds: Sequence[str],
    date_from: str | None,
    date_to: str | None,
    authors: Sequence[str] = (),
    story_ids: Collection[int] | None = None,
) -> set[int] | None:
    """Stories linked to any of the places, crediting any of the authors, of any of the kinds,
    within the dates, among `story_ids` (None: any story); None = all.

    A dated story must fall within [from, to]; an undated one must mention a year within
    [from.year, to.year].
    """
    searcher = dates.searcher
    parts: list[set[int]] = []
    for field, values in ((s.PLACES, place_names), (s.AUTHORS, authors), (s.KIND, kinds)):
        if values:
            terms = wq.Or([wq.Term(field, value) for value in values])
            parts.append(set(searcher.docs_for_query(terms)))
    if story_ids is not None:
        parts.append(story_docs(searcher, story_ids))
    if date_from or date_to:
        first = date_number(date_from) if date_from else 1
        last = date_number(date_to) if date_to else LAST_DATE
        dated = dates.between(first, last)
        years = range(
            int(date_from[:4]) if date_from else 0, int(date_to[:4]) + 1 if date_to else 10_000
        )
        parts.append(dated | _undated_mentioning(searcher, years))
    if not parts:
        return None
    return set.intersection(*parts)


def story_docs(searcher: Searcher, story_ids: Collection[int]) -> set[int]:
    """The documents of these stories: one term lookup per story and segment, about 0.1 ms a
    story at 100 k stories (an Or of the id terms through the searcher took 2-3 times as long;
    the id field has no column to read at once). A segment's postings skip its deleted
    documents (whoosh's FilterMatcher), so a replaced story is found once."""
    leaves = [(sub.reader(), offset) for sub, offset in searcher.leaf_searchers()]
    docs: set[int] = set()
    for story_id in story_ids:
        key = str(story_id)
        for reader, offset in leaves:
            if (s.ID, key) in reader:
                docs.update(offset + d for d in reader.postings(s.ID, key).all_ids())
    return docs


def _undated_mentioning(searcher: Searcher, years: range) -> set[int]:
    """Undated stories mentioning any of `years`, through the exact year terms the index holds."""
    field = searcher.schema[s.UNDATED_YEARS]
    held = (
        field.from_bytes(term) for term in field.sortable_terms(searcher.reader(), s.UNDATED_YEARS)
    )
    wanted = [year for year in held if year in years]
    if not wanted:
        return set()
    return set(searcher.docs_for_query(wq.Or([wq.Term(s.UNDATED_YEARS, y) for y in wanted])))
