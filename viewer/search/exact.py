"""`PieceQuery`: the stories holding a piece of text exactly, with its word bonus, found fast.

whoosh's own way (a SpanNear2 of the piece's bigrams, OR-ed with the word-bonus terms) builds a
tree of matchers per segment and steps through every candidate one posting at a time in Python,
rebuilding span objects for each: 30-55 ms for a long word or a phrase at 100 k stories. Here
each segment is answered in bulk instead:

* the piece's bigrams are read rarest first (fewest stories) and the candidates are the
  stories holding all of them; every later bigram decodes only the posting blocks that can
  hold a candidate (a block's largest id is in its header, so the others are skipped). Every
  other bigram plus the last suffice (as in the span query), and the rarest one when not
  among them;
* then the positions of the candidates only: a story keeps the starts `s` where every bigram
  read, `g` at offset `j` of the piece, occurs at `s + j`. That is exactly "the piece occurs"
  (see `analysis`: runs are `RUN_GAP` positions apart, so bigrams one or two positions apart
  are in one run), repeated bigrams (哈哈哈) included;
* the word bonus (see `build`) is read for the hits only;
* the answer is a list of (story, score) for whoosh's collector to rank.

Scores are those of the queries `build` made before (whoosh's Phrase / SpanNear2 of every other
bigram plus the last, OR-ed or AND-MAYBE-ed with the word terms): per field, its boost times the
sum of its terms' `SaturatedTfIdf` scores. Only the top n changed: whoosh's block skipping in
that tree of matchers sometimes dropped the best hits, while a `ScoredList`'s bound is exact.
`AllPieces` does the same for an AND of pieces, the rarest first.

Reading postings in bulk uses whoosh internals: the W3 leaf matcher's block methods
(`_next_block`, `_read_data` ...) and the segment's terms reader (`_terms`); the codec already
depends on that format (see `schema`), and the tests compare every answer with a plain substring
scan and with whoosh's own queries.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher, W3TermsReader
from whoosh.matching import ListMatcher, Matcher, NullMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import IndexReader, TermInfo, TermNotFound
from whoosh.searching import Searcher

from viewer.search.analysis import bigrams, decode_positions
from viewer.search.blocks import next_block
from viewer.search.scoring import SaturatedScorer

# story -> (weight, encoded positions or None) of one term's postings
Postings = dict[int, tuple[float, bytes | None]]
# (field name, boost)
Boosted = tuple[tuple[str, float], ...]
# (field, term) -> the term's score as a function of its weight in a document
TermScore = Callable[[str, str], Callable[[float], float]]


def scored_grams(grams: Sequence[str]) -> list[str]:
    """The bigrams whose scores make the piece's score: those of the span query `build` made
    (every other bigram, plus the last when the count is even; both of two)."""
    return list(grams[::2]) + (list(grams[-1:]) if len(grams) % 2 == 0 else [])


class PieceQuery(wq.Query):
    """Stories whose bigram fields (`fields`: name and boost) hold `piece` (2+ folded characters,
    no whitespace) exactly; those whose word fields (`word_fields`) also hold all of `words`
    score that field's boost times the words' scores on top. See the module docstring."""

    def __init__(
        self, piece: str, fields: Boosted, words: Sequence[str] = (), word_fields: Boosted = ()
    ) -> None:
        self.piece = piece
        self.fields = tuple(fields)
        self.words = tuple(dict.fromkeys(words))
        self.word_fields = tuple(word_fields) if self.words else ()
        self.boost = 1.0

    def _key(self) -> tuple:
        return (self.piece, self.fields, self.words, self.word_fields)

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self._key()!r}"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self._key()))

    def is_leaf(self) -> bool:
        return True

    def terms(self, phrases: bool = True) -> Iterator[tuple[str, str]]:
        for field, _boost in self.fields:
            for gram in dict.fromkeys(bigrams(self.piece)):
                yield field, gram

    def estimate_size(self, ixreader: IndexReader) -> int:
        return sum(
            min((ixreader.doc_frequency(field, g) for g in bigrams(self.piece)), default=0)
            for field, _boost in self.fields
        )

    def matcher(self, searcher: Searcher, context: object = None) -> Matcher:
        scores = self.scores(searcher.reader(), _term_scorer(searcher, context))
        return ScoredList.of(scores)

    def rarity(self, reader: IndexReader) -> int:
        """How many documents of this segment hold the piece at most (its rarest bigram's
        frequency in each field, summed)."""
        grams = list(dict.fromkeys(bigrams(self.piece)))
        return sum(
            min((i.doc_frequency() for i in _term_infos(reader, field, grams).values()), default=0)
            for field, _boost in self.fields
        )

    def scores(
        self, reader: IndexReader, term_score: TermScore, within: set[int] | None = None
    ) -> dict[int, float]:
        """Segment document -> score, for the documents that hold the piece (only those of
        `within`, when given)."""
        found = self.candidates(reader, term_score, within)
        return found.confirm(list(found.bounds))

    def candidates(
        self, reader: IndexReader, term_score: TermScore, within: set[int] | None = None
    ) -> Candidates:
        """The documents holding the piece's bigrams (of `within`), scored from their weights;
        positions are read only for those `confirm` is asked about."""
        fields = [
            (boost, PieceInField(reader, field, self.piece, term_score, within))
            for field, boost in self.fields
        ]
        bounds: dict[int, float] = {}
        for boost, found in fields:
            for doc, score in found.scores.items():
                bounds[doc] = bounds.get(doc, 0.0) + boost * score
        bonus: dict[int, float] = {}  # only the documents that earn one
        if bounds:
            docs = set(bounds)
            for field, boost in self.word_fields:
                for doc, score in words_score(reader, field, self.words, docs, term_score).items():
                    bonus[doc] = bonus.get(doc, 0.0) + boost * score
        for doc, score in bonus.items():
            bounds[doc] += score

        def confirm(docs: list[int]) -> dict[int, float]:
            exact: dict[int, float] = {}
            for boost, found in fields:
                for doc in found.confirm(docs):
                    exact[doc] = exact.get(doc, 0.0) + boost * found.scores[doc]
            return {doc: score + bonus.get(doc, 0.0) for doc, score in exact.items()}

        return Candidates(bounds, confirm)


class AllPieces(wq.Query):
    """Documents holding every one of `pieces` (see `PieceQuery`), scored by the sum of their
    scores as whoosh's And would: the rarest piece is found first, the others only among its
    documents, so a common word next to a rare one costs little."""

    def __init__(self, pieces: Sequence[PieceQuery]) -> None:
        self.pieces = tuple(pieces)
        self.boost = 1.0

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.pieces!r})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.pieces == other.pieces  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self.pieces))

    def is_leaf(self) -> bool:
        return True

    def terms(self, phrases: bool = True) -> Iterator[tuple[str, str]]:
        for piece in self.pieces:
            yield from piece.terms(phrases)

    def estimate_size(self, ixreader: IndexReader) -> int:
        return min(piece.estimate_size(ixreader) for piece in self.pieces)

    def matcher(self, searcher: Searcher, context: object = None) -> Matcher:
        return ScoredList.of(self.scores(searcher.reader(), _term_scorer(searcher, context)))

    def scores(
        self, reader: IndexReader, term_score: TermScore, within: set[int] | None = None
    ) -> dict[int, float]:
        """Segment document -> score, for the documents holding every piece (of `within`)."""
        found = self.candidates(reader, term_score, within)
        return found.confirm(list(found.bounds))

    def candidates(
        self, reader: IndexReader, term_score: TermScore, within: set[int] | None = None
    ) -> Candidates:
        """The documents that may hold every piece (see `PieceQuery.candidates`)."""
        parts: list[Candidates] = []
        for piece in sorted(self.pieces, key=lambda piece: piece.rarity(reader)):
            parts.append(piece.candidates(reader, term_score, within))
            within = set(parts[-1].bounds)
            if not within:
                return Candidates({}, lambda docs: {})
        bounds = {doc: sum(part.bounds[doc] for part in parts) for doc in parts[-1].bounds}

        def confirm(docs: list[int]) -> dict[int, float]:
            exact = dict.fromkeys(docs, 0.0)
            for part in parts:
                scores = part.confirm(list(exact))
                exact = {doc: exact[doc] + scores[doc] for doc in exact if doc in scores}
            return exact

        return Candidates(bounds, confirm)


class CharQuery(wq.Query):
    """The stories holding one character: its occurrences are exactly the bigrams that start
    with it plus the one-character terms of runs' ends (see `build`), so this is whoosh's Or of
    `Prefix` queries on the bigram fields, read in bulk. A story scores its field boosts times
    the summed scores of the terms it holds (whoosh's Prefix gave every term one constant
    score, and dropped the boost where a single term expanded). whoosh's own union of hundreds
    of expanded terms spent seconds bounding scores for its top N: 工 1.0 s, 区 6.4 s, 市 9.9 s
    of CPU on 21,732 stories (now 0.11, 0.37, 0.47 s)."""

    def __init__(self, char: str, fields: Boosted) -> None:
        self.char = char
        self.fields = tuple(fields)

    def __repr__(self) -> str:
        return f"CharQuery({self.char!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CharQuery) and (other.char, other.fields) == (
            self.char,
            self.fields,
        )

    def __hash__(self) -> int:
        return hash((self.char, self.fields))

    def is_leaf(self) -> bool:
        return True

    def terms(self, phrases: bool = True) -> Iterator[tuple[str, str]]:
        for field, _boost in self.fields:
            yield field, self.char

    def estimate_size(self, ixreader: IndexReader) -> int:
        return sum(
            ixreader.doc_frequency(field, text)
            for field, _boost in self.fields
            for text in ixreader.expand_prefix(field, self.char)
        )

    def matcher(self, searcher: Searcher, context: object = None) -> Matcher:
        return ScoredList.of(self.scores(searcher.reader(), _term_scorer(searcher, context)))

    def scores(
        self, reader: IndexReader, term_score: TermScore, within: set[int] | None = None
    ) -> dict[int, float]:
        """Segment document -> score, for the documents holding the character (of `within`)."""
        scores: dict[int, float] = {}
        for field, boost in self.fields:
            decode = reader.schema[field].from_bytes
            for btext, info in reader.iter_prefix(field, self.char):
                text = decode(btext)
                score = term_score(field, text)
                postings = read_postings(reader, field, text, info, within)
                for doc, (weight, _value) in postings.items():
                    scores[doc] = scores.get(doc, 0.0) + boost * score(weight)
        return scores

    def candidates(
        self, reader: IndexReader, term_score: TermScore, within: set[int] | None = None
    ) -> Candidates:
        """Every document holding the character, its score final (nothing to confirm)."""
        scores = self.scores(reader, term_score, within)
        return Candidates(scores, lambda docs: {doc: scores[doc] for doc in docs})


# The queries answered in bulk, a segment at a time (`scores`).
BULK_QUERIES = (PieceQuery, AllPieces, CharQuery)


class Candidates(NamedTuple):
    """A bulk query's possible hits in one segment: `bounds` (document -> its score if it is a
    hit; never less) and `confirm`, which gives the true scores of the listed documents that
    are hits (reading their positions)."""

    bounds: dict[int, float]
    confirm: Callable[[list[int]], dict[int, float]]


def top_hits(
    searcher: Searcher, query: wq.Query, limit: int | None, allowed: set[int] | None
) -> list[tuple[float, int]]:
    """(score, document) of the `limit` best hits of a bulk query (every hit for None), the
    best first, ties to the lower document, only documents of `allowed` when given: what
    whoosh's top-N collector gives.

    Faster: candidates are confirmed best bound first, in growing batches, until the next
    bound falls below the n-th best confirmed score, so most candidates' positions are never
    read (at 100 k stories a common four-character word has thousands of hits); and no
    collector steps through every hit."""
    term_score = _term_scorer(searcher, None)
    segments: list[tuple[int, Candidates]] = []
    pool: list[tuple[float, int, int]] = []  # (-bound, document, segment), best first
    for reader, offset in searcher.reader().leaf_readers():
        within = None
        if allowed is not None:
            end = offset + reader.doc_count_all()
            within = {doc - offset for doc in allowed if offset <= doc < end}
            if not within:
                continue
        found = query.candidates(reader, term_score, within)
        pool.extend((-bound, offset + doc, len(segments)) for doc, bound in found.bounds.items())
        segments.append((offset, found))
    pool.sort()
    hits: list[tuple[float, int]] = []
    start, batch = 0, len(pool) if limit is None else limit
    while start < len(pool):
        if limit is not None and len(hits) >= limit:
            nth = heapq.nsmallest(limit, hits, key=_best_first)[-1][0]
            if -pool[start][0] < nth:
                break  # no later candidate can reach the top
        chunk = pool[start : start + batch]
        start, batch = start + len(chunk), batch * 2
        by_segment: dict[int, list[int]] = {}
        for _bound, doc, segment in chunk:
            by_segment.setdefault(segment, []).append(doc - segments[segment][0])
        for segment, docs in by_segment.items():
            offset, found = segments[segment]
            hits.extend((score, offset + doc) for doc, score in found.confirm(docs).items())
    if limit is None:
        return sorted(hits, key=_best_first)
    return heapq.nsmallest(limit, hits, key=_best_first)


def _best_first(hit: tuple[float, int]) -> tuple[float, int]:
    return -hit[0], hit[1]


def _term_scorer(searcher: Searcher, context: object) -> TermScore:
    """(field, term) -> the term's `SaturatedTfIdf` score as a function of its weight in a
    document. The idf is the whole index's (cached by the top searcher), as whoosh's own."""
    weighting = getattr(context, "weighting", None) or searcher.weighting
    parent = searcher.get_parent()
    k1 = getattr(weighting, "k1", 1.2)

    def term_score(field: str, text: str) -> Callable[[float], float]:
        return SaturatedScorer(parent.idf(field, text), k1, 1.0).weight_score

    return term_score


class ScoredList(ListMatcher):
    """Document ids with their final scores; its best score bounds every block, so whoosh's
    top-N collector may skip the whole list when it cannot reach the top."""

    def __init__(self, ids: list[int], scores: list[float], position: int = 0) -> None:
        super().__init__(ids, scores, position=position)
        self._top = max(scores)

    @classmethod
    def of(cls, scores: dict[int, float]) -> Matcher:
        """A matcher of `scores` (document -> score); NullMatcher when there are none."""
        if not scores:
            return NullMatcher()
        ids = sorted(scores)
        return cls(ids, [scores[i] for i in ids])

    def copy(self) -> ScoredList:
        return ScoredList(self._ids, self._weights, self._i)

    def score(self) -> float:
        return self._weights[self._i]

    def supports_block_quality(self) -> bool:
        return True

    def max_quality(self) -> float:
        return self._top

    def block_quality(self) -> float:
        return self._top

    def block_max_weight(self) -> float:
        return self._top

    def skip_to_quality(self, minquality: float) -> int:
        if self._top <= minquality:
            self._i = len(self._ids)
            return 1
        return 0


def _term_infos(reader: IndexReader, field: str, texts: Sequence[str]) -> dict[str, TermInfo]:
    """text -> its term info in this segment; {} when one of them is missing."""
    out: dict[str, TermInfo] = {}
    for text in texts:
        try:
            out[text] = reader.term_info(field, text)
        except TermNotFound:
            return {}
    return out


class PieceInField:
    """The documents of a segment whose `field` has every bigram of `piece` that pins it down
    (only those of `within`, when given), with their unboosted scores (`scores`); `confirm`
    checks the positions of the asked ones (decoded with the blocks, but compared only when
    asked: most candidates of a common word never reach the top)."""

    def __init__(
        self,
        reader: IndexReader,
        field: str,
        piece: str,
        term_score: TermScore,
        within: set[int] | None = None,
    ) -> None:
        grams = bigrams(piece)
        offsets: dict[str, list[int]] = {}
        for offset, gram in enumerate(grams):
            offsets.setdefault(gram, []).append(offset)
        self.scores: dict[int, float] = {}
        self.checks: list[tuple[str, int]] = []  # (bigram, offset in the piece) to confirm
        self.postings: dict[str, Postings] = {}
        infos = _term_infos(reader, field, list(offsets))
        if not infos:
            return
        order = sorted(offsets, key=lambda gram: infos[gram].doc_frequency())
        # Every other bigram plus the last already pins the piece down (two bigrams one or two
        # positions apart lie in one run, see `analysis`); the others are read only when rarer.
        chain = set(scored_grams(grams))
        order = [gram for i, gram in enumerate(order) if gram in chain or i == 0]
        candidates = within
        for gram in order:
            self.postings[gram] = read_postings(reader, field, gram, infos[gram], candidates)
            candidates = set(self.postings[gram])
            if not candidates:
                return
        self.checks = [(gram, offset) for gram in order for offset in offsets[gram]]
        self.scores = _summed_scores(
            candidates or set(), field, scored_grams(grams), self.postings, term_score
        )

    def confirm(self, docs: list[int]) -> list[int]:
        """Those of `docs` whose field holds the piece."""
        wanted = [doc for doc in docs if doc in self.scores]
        if len(self.checks) < 2:  # one bigram: holding it is holding the piece
            return wanted
        return [doc for doc in wanted if _occurs(doc, self.checks, self.postings)]


def _summed_scores(
    docs: set[int],
    field: str,
    terms: Sequence[str],
    postings: dict[str, Postings],
    term_score: TermScore,
) -> dict[int, float]:
    """Document -> the sum of `terms`' scores in it (a term listed twice counts twice)."""
    totals = dict.fromkeys(docs, 0.0)
    scorers = {term: term_score(field, term) for term in terms}
    for term in terms:
        score = scorers[term]
        got = postings[term]
        by_weight: dict[float, float] = {}  # weights are counts: a few distinct values
        for doc in docs:
            weight = got[doc][0]
            value = by_weight.get(weight)
            if value is None:
                value = by_weight[weight] = score(weight)
            totals[doc] += value
    return totals


def _occurs(doc: int, checks: list[tuple[str, int]], postings: dict[str, Postings]) -> bool:
    """Whether some start `s` has every bigram `g` of `checks` at `s + offset`: the first
    check's positions give the starts, the others are looked up."""
    first, first_offset = checks[0]
    for position in _position_set(postings[first][doc][1]):  # type: ignore[arg-type]
        start = position - first_offset
        for gram, offset in checks[1:]:
            if start + offset not in _position_set(postings[gram][doc][1]):  # type: ignore[arg-type]
                break
        else:
            return True
    return False


@lru_cache(maxsize=4096)
def _position_set(value: bytes) -> frozenset[int]:
    """The positions of an encoded posting value. Cached: most bigrams occur once in a story,
    so the same values (one small position each) come up again and again; 4096 entries hold
    under 1 MB."""
    return frozenset(decode_positions(value))


def words_score(
    reader: IndexReader, field: str, words: Sequence[str], docs: set[int], term_score: TermScore
) -> dict[int, float]:
    """Document -> the summed scores of `words` (distinct), for those of `docs` whose `field`
    holds every one of them."""
    infos = _term_infos(reader, field, words)
    if not infos:
        return {}
    candidates = docs
    order = sorted(words, key=lambda word: infos[word].doc_frequency())
    postings: dict[str, Postings] = {}
    for word in order:
        postings[word] = read_postings(reader, field, word, infos[word], candidates)
        candidates = set(postings[word])
        if not candidates:
            return {}
    return _summed_scores(candidates, field, order, postings, term_score)


# Above this many wanted ids in a block's range, `read_postings` finds them through a dict.
_DENSE = 12


def read_postings(
    reader: IndexReader, field: str, text: str, info: TermInfo, wanted: set[int] | None
) -> Postings:
    """The postings of `text` (whose term info is `info`) in this segment, live documents
    only; only those of `wanted` when given, decoding only the blocks that may hold one."""
    matcher = _postings_matcher(reader, field, text, info)
    deleted: frozenset[int] = frozenset()
    if isinstance(matcher, FilterMatcher):  # the segment has deleted documents
        matcher = matcher.child
    if reader.has_deletions():
        deleted = reader.deleted_docs_set
    out: Postings = {}
    ordered = None if wanted is None else sorted(wanted)
    if isinstance(matcher, W3LeafMatcher):
        blocks = _w3_blocks(matcher, ordered)
    else:  # inlined postings (ListMatcher) or anything else: one posting at a time
        blocks = iter([_one_by_one(matcher)])
    at = 0  # where the wanted ids of the next block start in `ordered`
    for ids, weights, values in blocks:
        if ordered is None:
            out.update(zip(ids, zip(weights, values, strict=True), strict=True))
            continue
        if not ids:
            continue
        # The wanted ids in this block's range: a few of its 128 postings are found by
        # bisection (building a dict of the block cost more), many through one.
        at = bisect_left(ordered, ids[0], at)
        end = bisect_right(ordered, ids[-1], at)
        if end - at > _DENSE:
            where = dict(zip(ids, range(len(ids)), strict=True))
            for doc in ordered[at:end]:
                k = where.get(doc)
                if k is not None:
                    out[doc] = (weights[k], values[k])
        else:
            for doc in ordered[at:end]:
                k = bisect_left(ids, doc)
                if k < len(ids) and ids[k] == doc:
                    out[doc] = (weights[k], values[k])
        at = end
    for doc in deleted.intersection(out):
        del out[doc]
    return out


def _postings_matcher(reader: IndexReader, field: str, text: str, info: TermInfo) -> Matcher:
    """The term's posting reader made from its term info, as whoosh's segment reader makes it
    but without looking the term up again (a quarter of a long phrase's time went to term
    look-ups); any other reader is simply asked."""
    terms = getattr(reader, "_terms", None)
    if not isinstance(terms, W3TermsReader):
        return reader.postings(field, text)
    term = (field, text.encode())
    return terms._codec.postings_reader(terms._postfile, info, reader.schema[field].format, term)


def _w3_blocks(
    matcher: W3LeafMatcher, wanted: list[int] | None
) -> Iterator[tuple[Sequence[int], Sequence[float], Sequence[bytes | None]]]:
    """(ids, weights, values) of each posting block that may hold a wanted id (every block
    when `wanted` is None); the others are skipped by their header's largest id."""
    i = 0
    while matcher.is_active():
        top = matcher.block_max_id()
        if wanted is not None:
            if i == len(wanted):
                return
            if wanted[i] > top:
                next_block(matcher)
                continue
            i = bisect_right(wanted, top, i)
        matcher._read_data()
        matcher._read_weights()
        matcher._read_values()
        # The block's ids are stored as deltas: whoosh's own decoding is a Python generator.
        yield list(accumulate(matcher._data[0])), matcher._weights, matcher._values
        next_block(matcher)


def _one_by_one(matcher: Matcher) -> tuple[list[int], list[float], list[bytes | None]]:
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes | None] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value() if matcher.supports("positions") else None)
        matcher.next()
    return ids, weights, values
