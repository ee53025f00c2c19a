"""ParsedQuery -> the whoosh query that matches and scores (filters: see `filters`).

Which documents match is decided by the bigram fields alone, so a literal of two or more
characters finds exactly the stories containing it (as grep would, per whitespace-separated
piece). The word fields only add score, so stories where the piece is made of whole jieba words
rank above mere substring hits: a matching story that also holds all of the piece's words in a
field gets that field's word score on top (a ranking hint that needs no positions). Headline
fields are boosted. Whitespace-separated pieces of one literal (a quoted "a b") must each occur.
A piece of two or more characters is one `exact.PieceQuery`, which does all this in bulk per
segment (whoosh's own span and union matchers step through postings one at a time, and their
top-N shortcuts dropped some of the best hits).

The piece's words come from the index's own word lexicon, not from jieba (whose dictionary takes
over half a second to load, far longer than a search): the piece is cut into the fewest words
that occur as whole words somewhere in the index, ties going to the more common words (see
`lexicon_words`). Where jieba would cut the query the same way (nearly always: the lexicon is
jieba's cut of the stories) the bonus is the same; where not, only the order of matches changes.

Single characters are best effort. Every bigram starting with the character plus the
stand-alone last characters of runs are exactly its occurrences, so a prefix expansion on the
bigram fields finds them all; that is used while the expansion stays under
`SINGLE_CHAR_POSTINGS` postings. A very common character (的, 了) would read most of the index,
so it only finds stories where it stands alone: a jieba word by itself, or the last character
before whitespace.
"""

from __future__ import annotations

import math

from whoosh import query as wq
from whoosh.reading import IndexReader

from viewer.search import schema as s
from viewer.search.exact import AllPieces, CharQuery, PieceQuery
from viewer.search.query import Literal, Node, Not, Or, ParsedQuery
from viewer.search.term_info import StoryTermsReader
from viewer.text import search_fold

HEAD_BOOST = 3.0  # headline (title, kicker, subtitle) matches
WORD_BOOST = 2.0  # the literal is made of whole jieba words, not just a substring
# Above this many postings a single-character query stops being exact (~2 µs per posting).
SINGLE_CHAR_POSTINGS = 100_000
# A piece of 2+ characters is one `PieceQuery` over these fields (see `exact`).
BIGRAM_FIELDS = ((s.HEAD_BIGRAMS, HEAD_BOOST), (s.BODY_BIGRAMS, 1.0))
WORD_FIELDS = ((s.HEAD_WORDS, HEAD_BOOST * WORD_BOOST), (s.BODY_WORDS, WORD_BOOST))
# Longest word `lexicon_words` tries (of jieba's words in our stories 99.9% have 8 characters or
# fewer, the longest are names of autonomous prefectures); a run of ASCII letters and digits,
# which jieba keeps whole, is tried at any length.
MAX_WORD_CHARS = 16
# Longer pieces (a pasted sentence) get no word bonus: at ~10 µs a lexicon look-up, cutting them
# would cost milliseconds, and nearly every story holding such a piece holds its words too.
MAX_BONUS_CHARS = 32


def word_bonus_query(field: str, words: list[str], boost: float) -> wq.Query:
    """Score for the piece's words (see `lexicon_words`) in `field`. No positions: the bigram
    query has already decided the match, this only ranks whole-word hits above substring hits."""
    if len(words) == 1:
        return wq.Term(field, words[0], boost=boost)
    return wq.And([wq.Term(field, word) for word in dict.fromkeys(words)], boost=boost)


def _word_bounds(piece: str) -> list[int]:
    """Where a word may start or end: anywhere but inside a run of ASCII letters and digits,
    which jieba keeps whole."""
    return [
        i
        for i in range(len(piece) + 1)
        if i in (0, len(piece)) or not _ascii_alnum(piece[i - 1]) or not _ascii_alnum(piece[i])
    ]


def _ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def lexicon_words(piece: str, reader: IndexReader | None) -> list[str]:
    """`piece` cut into the fewest words the index holds as words (in a body or a headline),
    ties going to the larger sum of log document frequencies; [] without a reader, for a piece
    longer than MAX_BONUS_CHARS, or when no such cut exists (then no story holds all the words
    of any cut, and none would earn a bonus).

    Dynamic programming over end positions: best[j] is the best cut of piece[:j]."""
    if reader is None or len(piece) > MAX_BONUS_CHARS:
        return []
    # best[j]: (number of words, minus the summed log frequencies, start of the last word)
    best: list[tuple[int, float, int] | None] = [None] * (len(piece) + 1)
    best[0] = (0, 0.0, 0)
    bounds = _word_bounds(piece)
    words = Lexicon(reader)
    for i, start in enumerate(bounds):
        before = best[start]
        if before is None:
            continue
        # The next bound always: an ASCII run may be longer than MAX_WORD_CHARS.
        ends = [end for end in bounds[i + 2 :] if end - start <= MAX_WORD_CHARS]
        for end in bounds[i + 1 : i + 2] + ends:
            word = piece[start:end]
            freq = words.frequency(word)
            if not freq:
                continue
            candidate = (before[0] + 1, before[1] - math.log(freq), start)
            current = best[end]
            if current is None or candidate[:2] < current[:2]:
                best[end] = candidate
    cut: list[str] = []
    end = len(piece)
    while end > 0:
        step = best[end]
        if step is None:
            return []
        cut.append(piece[step[2] : end])
        end = step[2]
    return cut[::-1]


class Lexicon:
    """How many stories hold a word as a word (in their bodies, else in their headlines), asking
    only the segments whose word filter (see `word_filter`) may hold it."""

    def __init__(self, reader: IndexReader) -> None:
        # (segment reader, its terms reader when it has word filters, the filter of each field)
        self.segments: list[tuple[IndexReader, StoryTermsReader | None, list[bytes | None]]] = []
        for leaf, _offset in reader.leaf_readers():
            terms = getattr(leaf, "_terms", None)
            if not isinstance(terms, StoryTermsReader):
                terms = None
            filters = [terms and terms.word_filter(field) for field in (s.BODY_WORDS, s.HEAD_WORDS)]
            self.segments.append((leaf, terms, filters))

    def frequency(self, word: str) -> int:
        tbytes = word.encode()
        for index, field in enumerate((s.BODY_WORDS, s.HEAD_WORDS)):
            total = 0
            for leaf, terms, filters in self.segments:
                table = filters[index]
                if terms is None or table is None or terms.may_hold(field, tbytes, table):
                    total += leaf.doc_frequency(field, word)
            if total:
                return total
        return 0


def _postings_over(reader: IndexReader, fields: list[str], char: str) -> bool:
    """Whether the bigrams starting with `char` have more than SINGLE_CHAR_POSTINGS postings;
    stops counting there (a common character has thousands of bigrams: 0.15 s to count all)."""
    total = 0
    for field in fields:
        for term in reader.expand_prefix(field, char):
            total += reader.doc_frequency(field, term)
            if total > SINGLE_CHAR_POSTINGS:
                return True
    return False


def single_char_queries(char: str, reader: IndexReader | None) -> list[wq.Query]:
    """All occurrences of one folded character while affordable (see module docstring)."""
    fields = ((s.HEAD_BIGRAMS, HEAD_BOOST), (s.BODY_BIGRAMS, 1.0))
    if reader is not None and _postings_over(reader, [f for f, _b in fields], char):
        return [wq.Term(s.HEAD_WORDS, char, boost=HEAD_BOOST), wq.Term(s.BODY_WORDS, char)] + [
            wq.Term(field, char, boost=boost) for field, boost in fields
        ]
    return [CharQuery(char, fields)]


class QueryBuilder:
    """Builds the whoosh query for a parsed query. `reader` sizes prefix queries and holds the
    word lexicon of the ranking bonus; without one there is no bonus."""

    def __init__(self, reader: IndexReader | None = None) -> None:
        self.reader = reader

    def piece(self, piece: str) -> wq.Query:
        """One whitespace-free, folded piece of a literal."""
        if len(piece) > 1:
            return PieceQuery(piece, BIGRAM_FIELDS, lexicon_words(piece, self.reader), WORD_FIELDS)
        match = single_char_queries(piece, self.reader)
        words = lexicon_words(piece, self.reader)
        if not words:
            return wq.Or(match)
        # A one-word hit is always a substring hit too, so a plain Or matches the same stories.
        head = word_bonus_query(s.HEAD_WORDS, words, HEAD_BOOST * WORD_BOOST)
        return wq.Or([*match, head, word_bonus_query(s.BODY_WORDS, words, WORD_BOOST)])

    def literal(self, literal: Literal) -> wq.Query:
        pieces = search_fold(literal.text).split()
        if len(pieces) == 1:
            return self.piece(pieces[0])
        return all_of([self.piece(piece) for piece in pieces])

    def node(self, node: Node) -> wq.Query:
        """NOT becomes AndNot, so whoosh's And never sees a Not (its normalize() would turn
        And([Every(), Not(x)]) into Every())."""
        if isinstance(node, Literal):
            return self.literal(node)
        if isinstance(node, Or):
            return wq.Or([self.node(item) for item in node.items])
        if isinstance(node, Not):
            return wq.AndNot(wq.Every(), self.node(node.item))
        positives = [self.node(item) for item in node.items if not isinstance(item, Not)]
        negatives = [self.node(item.item) for item in node.items if isinstance(item, Not)]
        if not positives:
            base: wq.Query = wq.Every()
        elif len(positives) == 1:
            base = positives[0]
        else:
            base = all_of(positives)
        if not negatives:
            return base
        return wq.AndNot(base, negatives[0] if len(negatives) == 1 else wq.Or(negatives))

    def query(self, parsed: ParsedQuery) -> wq.Query:
        """What to match and score; everything when the query is filters only."""
        return wq.Every() if parsed.tree is None else self.node(parsed.tree)


def all_of(queries: list[wq.Query]) -> wq.Query:
    """The documents matching every one of `queries`: the pieces among them (also those of an
    `all_of` inside) become one `AllPieces`, which finds the rarer ones first."""
    flat: list[wq.Query] = []
    for q in queries:
        flat.extend(q.pieces if isinstance(q, AllPieces) else [q])
    pieces = [q for q in flat if isinstance(q, PieceQuery)]
    if len(pieces) < 2:
        return wq.And(flat)
    others = [q for q in flat if not isinstance(q, PieceQuery)]
    return wq.And([AllPieces(pieces), *others]) if others else AllPieces(pieces)


def date_bounds(
    parsed: ParsedQuery, date_from: str | None, date_to: str | None
) -> tuple[str | None, str | None]:
    """The query's own date range intersected with the caller's."""
    starts = [d for d in (parsed.date_from, date_from) if d]
    ends = [d for d in (parsed.date_to, date_to) if d]
    return (max(starts) if starts else None, min(ends) if ends else None)
