"""How text becomes index terms: the jieba word analysis and the character-bigram analysis.

Both analyses work on `fold()`ed text, so full-width and half-width forms and letter case meet.

* Words: jieba words (precise mode, HMM on) at sequential positions with character offsets.
  Whitespace is not a term but still takes a position, so a phrase never spans it. Punctuation
  stays a term: a phrase of words at consecutive positions then always is an exact substring.
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
from collections.abc import Iterator, Sequence
from itertools import pairwise
from pickle import dumps

from whoosh.analysis import Token, Tokenizer
from whoosh.system import pack_uint

from viewer import segmenter
from viewer.text import fold

RUN_RE = re.compile(r"\S+")
# Positions skipped between two runs of the bigram field (see module docstring).
RUN_GAP = 3


def jieba_words(folded: str) -> list[str]:
    """jieba words of already folded text (whitespace tokens included)."""
    return segmenter.tokenizer().lcut(folded, HMM=True)


def word_postings(
    text: str, words: Sequence[str] | None = None
) -> dict[str, list[tuple[int, int, int]]]:
    """term -> [(position, startchar, endchar), ...] for the word field. `words`, when given,
    are jieba's words of `fold(text)` already computed by the import (facts and places use the
    same segmentation, so jieba runs once per story)."""
    seen: dict[str, list[tuple[int, int, int]]] = {}
    get = seen.get
    char = 0
    for pos, word in enumerate(jieba_words(fold(text)) if words is None else words):
        end = char + len(word)
        if not word.isspace():
            entry = get(word)
            if entry is None:
                seen[word] = [(pos, char, end)]
            else:
                entry.append((pos, char, end))
        char = end
    return seen


def bigram_postings(text: str) -> dict[str, list[int]]:
    """term -> [position, ...] for the bigram field."""
    seen: dict[str, list[int]] = {}
    get = seen.get
    base = 0
    for run in fold(text).split():
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


# Whoosh posting items: (term as UTF-8, frequency, weight, encoded value). The encodings are
# those of whoosh.formats.Characters and Positions (count, then a protocol-2 pickle of deltas).
PostingItem = tuple[bytes, int, float, bytes]


def word_items(text: str, words: Sequence[str] | None = None) -> list[PostingItem]:
    """What the word field indexes for `text`, ready for the whoosh writer (`words`: see
    `word_postings`)."""
    items = []
    for word, entries in word_postings(text, words).items():
        deltas = []
        posbase = charbase = 0
        for pos, start, end in entries:
            deltas.append((pos - posbase, start - charbase, end - start))
            posbase = pos
            charbase = end
        count = len(entries)
        items.append((word.encode(), count, float(count), pack_uint(count) + dumps(deltas, 2)))
    return items


def bigram_items(text: str) -> list[PostingItem]:
    """What the bigram field indexes for `text`, ready for the whoosh writer."""
    items = []
    for gram, poses in bigram_postings(text).items():
        count = len(poses)
        if count == 1:
            deltas = poses
        else:
            deltas = [poses[0]]
            deltas.extend(b - a for a, b in pairwise(poses))
        items.append((gram.encode(), count, float(count), pack_uint(count) + dumps(deltas, 2)))
    return items


def bigrams(piece: str) -> list[str]:
    """The overlapping bigrams of a run of non-space characters (already folded)."""
    return [a + b for a, b in pairwise(piece)]


class _TermTokenizer(Tokenizer):
    """Whoosh's tokenizer protocol over `terms`: (text, position, start, end) of folded text."""

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
                yield word, pos, char, end
            char = end


class BigramTokenizer(_TermTokenizer):
    """Overlapping character bigrams of the folded text; see the module docstring."""

    def terms(self, folded: str) -> Iterator[tuple[str, int, int, int]]:
        base = 0
        for match in RUN_RE.finditer(folded):
            run = match.group()
            first = match.start()
            for i in range(len(run)):
                # The last character of a run stands alone; all others start a bigram.
                gram = run[i : i + 2]
                yield gram, base + i, first + i, first + i + len(gram)
            base += len(run) + RUN_GAP
