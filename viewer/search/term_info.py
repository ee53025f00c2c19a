"""The term dictionary's entries in varints, and the terms reader that decodes them.

whoosh's W3TermInfo is a 23-byte header of floats and 32-bit ints, followed for a rare term by its
postings pickled (ids, weights and positions as Python objects): 76 bytes a term on average, most
of the term dictionary, which is itself about half the index. Here the same facts are varints and
the inlined postings are id deltas, counts and length-prefixed position bytes: 32 bytes a term,
measured on 323,731 terms of a 10,878-story index (dictionary values 24.7 -> 10.2 MB), for the
same CPU time to write.

An entry starts with COMPACT (or COMPACT | INLINED); anything else is whoosh's own layout, which
is still written for a term whose weights are not whole numbers (none of our fields has one).
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.codec.whoosh3 import W3FieldCursor, W3TermInfo, W3TermsReader
from whoosh.reading import TermNotFound

from viewer.search.word_filter import EXTRAS_KEY, may_hold

COMPACT = 0x10  # whoosh's own entries start with 0 or 1 (its "inlined" flag)
INLINED = 0x01
HAS_WEIGHTS = 0x02  # inlined postings carry a count each (otherwise all 1)
HAS_VALUES = 0x04  # inlined postings carry bytes each (positions)


def _put(n: int, out: bytearray) -> None:
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def _get(data: bytes, pos: int) -> tuple[int, int]:
    n = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        n |= (byte & 0x7F) << shift
        if byte < 0x80:
            return n, pos
        shift += 7


def _whole(x: float) -> bool:
    return float(x).is_integer() and x >= 0


class StoryTermInfo(W3TermInfo):
    """W3TermInfo written and read in the compact layout (see module docstring)."""

    def to_bytes(self) -> bytes:
        inlined = self._inlined
        weights = inlined[1] if inlined is not None else ()
        if not (_whole(self._weight) and _whole(self._maxweight) and all(map(_whole, weights))):
            return super().to_bytes()
        values = inlined[2] if inlined is not None else ()
        flags = COMPACT
        if inlined is not None:
            flags |= INLINED | (HAS_WEIGHTS if weights else 0) | (HAS_VALUES if values else 0)
        out = bytearray((flags,))
        minid = self._minid or 0
        span = (self._maxid or 0) - minid
        for n in (self._df, int(self._weight), int(self._maxweight), minid, span):
            _put(n, out)
        # Lengths only bound length-normalised scores, which we do not use (see `scoring`).
        out.append(min(255, int(self._minlength or 0)))
        out.append(min(255, int(self._maxlength or 0)))
        if inlined is None:
            _put(self._offset, out)
            _put(self._length, out)
            return bytes(out)
        last = minid
        for docid in inlined[0]:
            _put(docid - last, out)
            last = docid
        for weight in weights:
            _put(int(weight), out)
        for value in values:
            _put(len(value), out)
            out += value
        return bytes(out)

    @classmethod
    def from_bytes(cls, data: bytes) -> W3TermInfo:
        flags = data[0]
        if not flags & COMPACT:
            return W3TermInfo.from_bytes(data)
        info = cls()
        df, pos = _get(data, 1)
        weight, pos = _get(data, pos)
        maxweight, pos = _get(data, pos)
        minid, pos = _get(data, pos)
        span, pos = _get(data, pos)
        info._df, info._weight, info._maxweight = df, float(weight), float(maxweight)
        info._minid, info._maxid = minid, minid + span
        info._minlength, info._maxlength = data[pos], data[pos + 1]
        pos += 2
        if not flags & INLINED:
            info._offset, pos = _get(data, pos)
            info._length, pos = _get(data, pos)
            return info
        ids, weights, values = [], [], []
        docid = minid
        for _ in range(df):
            delta, pos = _get(data, pos)
            docid += delta
            ids.append(docid)
        if flags & HAS_WEIGHTS:
            for _ in range(df):
                weight, pos = _get(data, pos)
                weights.append(weight)
        if flags & HAS_VALUES:
            for _ in range(df):
                size, pos = _get(data, pos)
                values.append(data[pos : pos + size])
                pos += size
        info._inlined = (tuple(ids), tuple(weights), tuple(values))
        return info


class StoryFieldCursor(W3FieldCursor):
    def term_info(self) -> W3TermInfo | None:
        if self._pos is None:
            return None
        return StoryTermInfo.from_bytes(self._tindex.dbfile.get(self._datapos, self._datalen))


class StoryTermsReader(W3TermsReader):
    """W3TermsReader decoding entries with StoryTermInfo (whoosh's reads fixed offsets)."""

    def word_filter(self, fieldname: str) -> bytes | None:
        """The segment's filter of `fieldname`'s terms (see `word_filter`); None: none written."""
        return self._tindex.extras.get(EXTRAS_KEY, {}).get(fieldname)

    def may_hold(self, fieldname: str, tbytes: bytes, table: bytes) -> bool:
        """Whether `table`, this segment's filter of `fieldname`, lets the term through."""
        return may_hold(table, self._tindex.hashfn(self._keycoder(fieldname, tbytes)))

    def _entry(self, fieldname: str, tbytes: bytes) -> W3TermInfo:
        """The term's entry; KeyError when absent (whoosh's segment reader expects it)."""
        return StoryTermInfo.from_bytes(self._tindex[self._keycoder(fieldname, tbytes)])

    def cursor(self, fieldname: str, fieldobj: object) -> StoryFieldCursor:
        return StoryFieldCursor(self._tindex, fieldname, self._keycoder, self._keydecoder, fieldobj)

    def items(self) -> Iterator[tuple[tuple[str, bytes], W3TermInfo]]:
        decode = self._keydecoder
        return ((decode(k), StoryTermInfo.from_bytes(v)) for k, v in self._tindex.items())

    def items_from(
        self, fieldname: str, prefix: bytes
    ) -> Iterator[tuple[tuple[str, bytes], W3TermInfo]]:
        decode = self._keydecoder
        start = self._keycoder(fieldname, prefix)
        return ((decode(k), StoryTermInfo.from_bytes(v)) for k, v in self._tindex.items_from(start))

    def term_info(self, fieldname: str, tbytes: bytes) -> W3TermInfo:
        try:
            return self._entry(fieldname, tbytes)
        except KeyError:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}") from None

    def frequency(self, fieldname: str, tbytes: bytes) -> float:
        return self._entry(fieldname, tbytes).weight()

    def doc_frequency(self, fieldname: str, tbytes: bytes) -> int:
        return self._entry(fieldname, tbytes).doc_frequency()
