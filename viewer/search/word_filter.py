"""A Bloom filter of each segment's words, so asking for a word the segment lacks costs no read.

The whole-word bonus (`build.lexicon_words`) asks the index for every substring of a query
piece up to 16 characters, in every segment: a nine-character phrase makes ~45 look-ups a
segment, most of them for substrings that are no word at all, and each miss in whoosh's hash
file is two or three small file reads (5-13 µs). Each segment's term dictionary now carries,
in its pickled extras, a filter of the terms of its word fields: 12 bits a term and 4 probes, so
about 0.7 % of the absent words still get looked up, and a present word always is.

The filter is built from the hashes the term dictionary computes anyway (whoosh's md5 of the
field's number and the term), so writing it costs only setting the bits (0.7 µs a term; a
20 k-story import measured within noise of none); a search hashes a word once per segment.
Segments written before the filter existed have none and are simply asked.
"""

from __future__ import annotations

from array import array

FILTERED_FIELDS = frozenset({"head_w", "body_w"})  # schema.HEAD_WORDS, schema.BODY_WORDS
EXTRAS_KEY = "word_filters_md5"  # in the term dictionary's extras: field name -> filter bytes
BITS_PER_TERM = 12
PROBES = 4


def _probes(hashed: int, bits: int) -> list[int]:
    """The filter bits of a term whose dictionary key hashes to `hashed` (32 bits: whoosh's
    own hash of the key, the field's number and the term, which the writer has at hand, so the
    filter costs no hashing of its own), stepped by `_step` (double hashing)."""
    step = _step(hashed)
    return [(hashed + i * step) % bits for i in range(PROBES)]


def _step(hashed: int) -> int:
    """The probe step: the hash mixed (odd, so it never stands still)."""
    return ((hashed * 0x9E3779B1) >> 16 & 0xFFFFFFFF) | 1


def build_filter(hashes: array) -> bytes:
    """The filter of the terms whose key hashes are `hashes` (empty for none)."""
    if not hashes:
        return b""
    bits = max(64, len(hashes) * BITS_PER_TERM)
    table = bytearray((bits + 7) // 8)
    bits = len(table) * 8
    for hashed in hashes:  # `_probes` inlined: this runs for every word of every segment
        at, step = hashed, _step(hashed)
        for _ in range(PROBES):
            bit = at % bits
            table[bit >> 3] |= 1 << (bit & 7)
            at += step
    return bytes(table)


def may_hold(table: bytes, hashed: int) -> bool:
    """False: the term is certainly absent; True: it may be present."""
    bits = len(table) * 8
    if not bits:  # the field has no terms in this segment
        return False
    return all(table[bit >> 3] >> (bit & 7) & 1 for bit in _probes(hashed, bits))
