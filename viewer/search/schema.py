"""The whoosh schema and codec of the story index, and the field names the query builder uses.

Headline text (title, kicker, subtitle joined by newlines, which break bigram runs) and body
text (the byline, datelines included, on a line before the body: `index.indexed_body`) each get a
word field (counts only) and a bigram field (positions, compactly encoded).
Nothing but the story id and the revision is stored: the caller keeps the text in SQLite.

The text fields take their postings from `analysis.word_items` / `bigram_items` instead of a
Token stream, and also accept `Analysed` values computed beforehand (possibly in another
process, see `prepare`).
"""

from __future__ import annotations

import operator
import pickle
import zlib
from array import array
from collections.abc import Callable, Iterator, Sequence
from itertools import chain

from whoosh import fields
from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3PostingsWriter,
    W3Segment,
    W3TermInfo,
)
from whoosh.filedb.filestore import FileStorage
from whoosh.matching import ListMatcher, Matcher
from whoosh.util.numeric import length_to_byte

from viewer.search.analysis import (
    BigramTokenizer,
    CompactPositions,
    PostingItem,
    WordCounts,
    WordTokenizer,
    bigram_items,
    word_items,
)
from viewer.search.term_info import StoryTermInfo, StoryTermsReader
from viewer.search.term_table import CompactFieldWriter

# Bump when the schema or the analysis changes: an index of another version is rebuilt empty.
# 2: word fields keep counts only, bigram positions in `CompactPositions` (index 40% smaller).
# 3: term dictionary entries in varints (`term_info`; index 20% smaller).
# 4: the byline (datelines and picture credits included) indexed with the body; AUTHORS.
# 5: terms and AUTHORS in simplified characters (`text.search_fold`), so 經濟 finds 经济.
SCHEMA_VERSION = 5
INDEX_PREFIX = "stories_v"
INDEX_NAME = f"{INDEX_PREFIX}{SCHEMA_VERSION}"

ID = "id"
REV = "rev"
HEAD_WORDS = "head_w"
HEAD_BIGRAMS = "head_b"
BODY_WORDS = "body_w"
BODY_BIGRAMS = "body_b"
KIND = "kind"
PLACES = "places"
AUTHORS = "authors"  # names credited in the byline (记者, 通讯员, 摄影 ...), folded, exact
DATE = "date"  # yyyymmdd as an int, only for dated stories
UNDATED_YEARS = "undated_years"  # years mentioned, only for undated stories


# Terms in fewer stories than this keep their postings in the term dictionary (see
# `StoryPostingsWriter`).
INLINE_LIMIT = 32


class Analysed(tuple):
    """A text field value already turned into posting items."""

    __slots__ = ()


class _PrebuiltText(fields.TEXT):
    """A TEXT field whose postings come from a function of the text (or an `Analysed` value).

    Not scorable: our scorer reads no field lengths (see `scoring`), so none are written."""

    def __init__(self, analyzer: object, format_: object) -> None:
        super().__init__(analyzer=analyzer)
        self.format = format_
        self.scorable = False

    def _items(self, text: str) -> list[PostingItem]:
        raise NotImplementedError

    def index(self, value: object, **kwargs: object) -> Iterator[PostingItem]:
        if isinstance(value, Analysed):
            return iter(value)
        if isinstance(value, str):
            return iter(self._items(value))
        return super().index(value, **kwargs)


class WordText(_PrebuiltText):
    """jieba words with their counts (no positions: they only rank, see `build`)."""

    def __init__(self) -> None:
        super().__init__(WordTokenizer(), WordCounts())

    def _items(self, text: str) -> list[PostingItem]:
        return word_items(text)


class BigramText(_PrebuiltText):
    """Character bigrams with positions, for exact phrase (substring) matching."""

    def __init__(self) -> None:
        super().__init__(BigramTokenizer(), CompactPositions())

    def _items(self, text: str) -> list[PostingItem]:
        return bigram_items(text)


TEXT_FIELDS: dict[str, Callable[[str], list[PostingItem]]] = {
    HEAD_WORDS: word_items,
    HEAD_BIGRAMS: bigram_items,
    BODY_WORDS: word_items,
    BODY_BIGRAMS: bigram_items,
}


# whoosh pickles postings with protocol 2, where every bytes object (a posting's positions)
# becomes a call to `_codecs.encode` of a latin-1 string: 10-35 bytes each. Protocol 5 stores it
# with a 2-byte header; whoosh's readers unpickle any protocol.
PICKLE_PROTOCOL = 5


class StoryPostingsWriter(W3PostingsWriter):
    """whoosh's W3 postings writer, made to write a third of the bytes in two thirds of the time.

    * Terms in fewer than `INLINE_LIMIT` stories (most bigrams and words) keep their postings
      inside the term dictionary entry. whoosh 2.7.5 means to do this but calls a method that
      does not exist (`set_inline`), so by default every term writes a block of its own: a
      length, a pickled header and a zlib stream, ~60 bytes before the first posting.
    * Weights are term counts: pickled as small ints (2 bytes) rather than floats (9 bytes).
    * Pickles use PICKLE_PROTOCOL.
    """

    _terminfo: W3TermInfo | None  # whoosh's: the current term's, None between terms

    def finish_postings(self) -> W3TermInfo:
        terminfo = self._terminfo
        assert terminfo is not None  # whoosh finishes a term's postings only inside the term
        # whoosh's field writer made it a W3TermInfo; only its serialisation differs
        terminfo.__class__ = StoryTermInfo
        if not self.written() and len(self) < self._inlinelimit:
            terminfo.add_block(self)
            # None (all 1.0, ListMatcher's default), one number for all, or a tuple
            weights = self._mini_weights()
            if not isinstance(weights, tuple):
                weights = () if weights is None else (weights,) * len(self._ids)
            terminfo.set_inlined(self._ids, weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()

    def inlined_entry(
        self, ids: Sequence[int], weights: Sequence[float], values: Sequence[bytes | None]
    ) -> bytes | None:
        """The term dictionary entry `finish_postings` makes of these postings of one term
        when it inlines them, computed without its per-term objects (see `term_postings`);
        None when there are too many to inline. Weights above 0."""
        if len(ids) >= self._inlinelimit:
            return None
        self._weights = block = array("f", weights)  # what `add_posting` would have stored
        minied = self._mini_weights()
        if not isinstance(minied, tuple):
            minied = () if minied is None else (minied,) * len(ids)
        info = StoryTermInfo()
        info._df, info._weight, info._maxweight = len(ids), sum(block), max(weights)
        info._minid, info._maxid = ids[0], ids[-1]
        info._minlength = info._maxlength = 0
        info._inlined = (tuple(ids), minied, tuple(value for value in values if value))
        return info.to_bytes()

    def _mini_weights(self) -> tuple | float | None:
        # whoosh's choices (None when all are 1.0, one float when all are equal), plus small
        # ints, decided with C-level counts and maps: this runs for every term written.
        weights = self._weights
        count = len(weights)
        if weights.count(1.0) == count:
            return None
        if all(map(float.is_integer, weights)):
            return tuple(map(int, weights))
        if weights.count(weights[0]) == count:
            return weights[0]
        return tuple(weights)

    def _mini_ids(self) -> tuple:
        # whoosh's delta_encode (each id minus the one before it, the first minus 0) in C
        ids = self._ids
        return tuple(map(operator.sub, ids, chain((0,), ids)))

    def _write_block(self, last: bool = False) -> None:
        # whoosh's own, with PICKLE_PROTOCOL for the data and always compressing it.
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        assert self._terminfo is not None  # blocks are written inside a term
        self._terminfo.add_block(self)
        data = (self._mini_ids(), self._mini_weights(), self._mini_values())
        databytes = zlib.compress(pickle.dumps(data, PICKLE_PROTOCOL), self._compression)
        ids = self._ids
        infobytes = pickle.dumps(
            (
                len(ids),
                ids[-1],
                self._maxweight,
                self._compression,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            PICKLE_PROTOCOL,
        )
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write_int(-blocklength if last else blocklength)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class StoryCodec(W3Codec):
    """whoosh's W3 codec without per-posting length statistics, with `StoryPostingsWriter`.

    Those statistics only serve length-normalised scoring's block bounds, which we do not use
    (see `scoring`); gathering them reads the length column once per posting and took about a
    third of every commit. Also a lighter zlib level (index size +4%, commits faster).
    """

    length_stats = False

    def __init__(self) -> None:
        super().__init__(compression=1, inlinelimit=INLINE_LIMIT)

    def postings_reader(
        self,
        dbfile: object,
        terminfo: W3TermInfo,
        format_: object,
        term: object = None,
        scorer: object = None,
    ) -> Matcher:
        if terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings()
            # Postings without values (word counts): whoosh's ListMatcher would give "" for
            # each, which its own merge then refuses; None is what its block reader gives.
            return ListMatcher(
                ids,
                weights,
                values or (None,) * len(ids),
                format_,
                scorer=scorer,
                term=term,
                terminfo=terminfo,
            )
        return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)

    def terms_reader(self, storage: FileStorage, segment: W3Segment) -> StoryTermsReader:
        # W3Codec.terms_reader with the reader swapped
        tiname = segment.make_filename(self.TERMS_EXT)
        return StoryTermsReader(
            self,
            storage.open_file(tiname),
            storage.file_length(tiname),
            segment.open_file(storage, self.POSTS_EXT),
        )

    def field_writer(self, storage: object, segment: object) -> CompactFieldWriter:
        return CompactFieldWriter(self, storage, segment)

    def postings_writer(self, dbfile: object, byteids: bool = False) -> StoryPostingsWriter:
        return StoryPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


def make_schema() -> fields.Schema:
    return fields.Schema(
        **{
            ID: fields.ID(unique=True, stored=True),
            REV: fields.STORED(),
            HEAD_WORDS: WordText(),
            HEAD_BIGRAMS: BigramText(),
            BODY_WORDS: WordText(),
            BODY_BIGRAMS: BigramText(),
            KIND: fields.ID(),
            PLACES: fields.KEYWORD(lowercase=False, commas=True, scorable=False),
            AUTHORS: fields.KEYWORD(lowercase=False, commas=True, scorable=False),
            DATE: fields.NUMERIC(int, bits=32, signed=False, sortable=True),
            UNDATED_YEARS: fields.NUMERIC(int, bits=32, signed=False),
        }
    )
