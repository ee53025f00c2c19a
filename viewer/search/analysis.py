"""How text becomes index terms: the jieba word analysis and the character-bigram analysis.

Both analyses work on `search_fold()`ed text, so full-width and half-width forms, letter case and
traditional and simplified characters (經濟, 经济) meet. jieba cuts the `fold()`ed text (the words
facts and places use too) and each word is then folded to simplified characters, one for one.

* Words: jieba words (precise mode, HMM on), each with its count in the text and nothing else:
  the bigram fields decide which stories match (see `build`), words only rank whole-word hits
  higher, so positions and offsets would cost index size and writing time for nothing.
* Bigrams: every run of non-space characters of length n gives its n-1 overlapping bigrams at
  consecutive positions, then its last character alone (so a single-character query can find
  it with a prefix query); the next run starts `RUN_GAP` positions later, so no phrase (even one
  with slop 2) can join two runs.

Whoosh pickles the analyzer into the index, so the tokenizer classes keep no state; jieba comes
from `viewer.segmenter` at call time. Indexing time is dominated by per-token work, so the
fields (see `schema`) bypass whoosh's Token stream and take their posting items from
`word_items` / `bigram_items`, built straight from the text; the tokenizers remain for anything
that asks whoosh to analyse text, and tests check both paths give the same postings.
"""

from __future__ import annotations

import re
import struct
import sys
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import accumulate, pairwise

from whoosh.analysis import Token, Tokenizer
from whoosh.formats import Existence, Positions

from viewer import segmenter
from viewer.text import fold, search_fold, to_simplified

RUN_RE = re.compile(r"\S+")
# Positions skipped between two runs of the bigram field (see module docstring).
RUN_GAP = 3


def jieba_words(folded: str) -> list[str]:
    """jieba words of already folded text (whitespace tokens included)."""
    return segmenter.tokenizer().lcut(folded, HMM=True)


def word_counts(text: str, words: Sequence[str] | None = None) -> Counter[str]:
    """word (in simplified characters) -> count for the word field. `words`, when given, are
    jieba's words of `fold(text)` already computed by the import (facts and places use the same
    segmentation, so jieba runs once per story)."""
    counts: Counter[str] = Counter()
    for word, count in Counter(jieba_words(fold(text)) if words is None else words).items():
        if not word.isspace():
            counts[to_simplified(word)] += count
    return counts


def bigram_postings(text: str) -> dict[str, list[int]]:
    """term -> [position, ...] for the bigram field."""
    seen: dict[str, list[int]] = {}
    get = seen.get
    base = 0
    for run in search_fold(text).split():
        for pos, (a, b) in enumerate(pairwise(run), base):
            gram = a + b
            entry = get(gram)
            if entry is None:
                seen[gram] = [pos]
            else:
                entry.append(pos)
        last = run[-1]
        pos = base + len(run) - 1
        entry = get(last)
        if entry is None:
            seen[last] = [pos]
        else:
            entry.append(pos)
        base += len(run) + RUN_GAP
    return seen


# Whoosh posting items: (term as UTF-8, frequency, weight, encoded value).
PostingItem = tuple[bytes, int, float, bytes]

# Position deltas are stored little-endian in the smallest unsigned array type that holds them,
# after one byte naming it: 1-3 bytes a position where whoosh's pickle of a list took about 10.
_WIDTHS = (("B", 0xFF), ("H", 0xFFFF), ("I", 0xFFFFFFFF), ("Q", 2**64 - 1))
_TYPECODES = {code.encode(): code for code, _limit in _WIDTHS}
_BIG_ENDIAN = sys.byteorder == "big"


# Most bigrams occur once in a story: their values are made without building an array.
_ONE_SMALL = [b"B" + bytes((position,)) for position in range(256)]
_ONE_MEDIUM = struct.Struct("<cH").pack


def encode_positions(positions: Sequence[int]) -> bytes:
    """Sorted positions as a typecode byte and their deltas (first: the position itself)."""
    if len(positions) == 1:
        position = positions[0]
        if position <= 0xFF:
            return _ONE_SMALL[position]
        if position <= 0xFFFF:
            return _ONE_MEDIUM(b"H", position)
    deltas = [positions[0], *(b - a for a, b in pairwise(positions))]
    top = max(deltas)
    code = next(code for code, limit in _WIDTHS if top <= limit)
    packed = array(code, deltas)
    if _BIG_ENDIAN:
        packed.byteswap()
    return code.encode() + packed.tobytes()


def decode_positions(value: bytes) -> list[int]:
    packed = array(_TYPECODES[value[:1]])
    packed.frombytes(value[1:])
    if _BIG_ENDIAN:
        packed.byteswap()
    return list(accumulate(packed))


class CompactPositions(Positions):
    """whoosh's Positions format with `encode_positions` values; the frequency is the count
    of positions (whoosh's own format spends 4 bytes on it and pickles the deltas)."""

    def encode(self, poslist: Sequence[int]) -> bytes:
        return encode_positions(poslist)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return decode_positions(valuestring)

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(self.decode_positions(valuestring))


class WordCounts(Existence):
    """Postings that carry only the word's count in the story, as the posting's weight (which
    is all the scorer reads); no value bytes at all."""

    def word_values(
        self, value: str, analyzer: Tokenizer, **kwargs: object
    ) -> Iterator[PostingItem]:
        counts = Counter(t.text for t in analyzer(value, mode="index"))
        for word, count in counts.items():
            yield word, count, float(count) * self.field_boost, b""


def word_items(text: str, words: Sequence[str] | None = None) -> list[PostingItem]:
    """What the word field indexes for `text`, ready for the whoosh writer (`words`: see
    `word_counts`)."""
    return [
        (word.encode(), count, float(count), b"")
        for word, count in word_counts(text, words).items()
    ]


def bigram_items(text: str) -> list[PostingItem]:
    """What the bigram field indexes for `text`, ready for the whoosh writer."""
    return [
        (gram.encode(), len(poses), float(len(poses)), encode_positions(poses))
        for gram, poses in bigram_postings(text).items()
    ]


def bigrams(piece: str) -> list[str]:
    """The overlapping bigrams of a run of non-space characters (already folded)."""
    return [a + b for a, b in pairwise(piece)]


class _TermTokenizer(Tokenizer):
    """Whoosh's tokenizer protocol over `terms`: (text, position, start, end) of `fold()`ed
    text; the terms are in simplified characters, as `word_items` and `bigram_items` make them."""

    def terms(self, folded: str) -> Iterator[tuple[str, int, int, int]]:
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for text, pos, start, end in self.terms(fold(value)):
            token.text = text
            token.boost = 1.0
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


class WordTokenizer(_TermTokenizer):
    """jieba words of the folded text; see the module docstring."""

    def terms(self, folded: str) -> Iterator[tuple[str, int, int, int]]:
        char = 0
        for pos, word in enumerate(jieba_words(folded)):
            end = char + len(word)
            if not word.isspace():
                yield to_simplified(word), pos, char, end
            char = end


class BigramTokenizer(_TermTokenizer):
    """Overlapping character bigrams of the folded text; see the module docstring."""

    def terms(self, folded: str) -> Iterator[tuple[str, int, int, int]]:
        base = 0
        for match in RUN_RE.finditer(to_simplified(folded)):
            run = match.group()
            first = match.start()
            for i in range(len(run)):
                # The last character of a run stands alone; all others start a bigram.
                gram = run[i : i + 2]
                yield gram, base + i, first + i, first + i + len(gram)
            base += len(run) + RUN_GAP
