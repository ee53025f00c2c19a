"""Stepping through a term's posting blocks faster than whoosh's W3LeafMatcher does.

A block starts with its length and a pickled info tuple (count, last id, ...). whoosh's
`_goto` seeks and reads them piece by piece, five Python-level file calls a block; skipping
the blocks of a common bigram that hold no candidate was a quarter of a long phrase's time at
100 k stories, and merges read every block of every term. Here the header is one `get` and the
pickle is read from memory. Uses the matcher's internals (as `exact` and `term_postings` do).
"""

from __future__ import annotations

import io
import pickle
import struct

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.system import _INT_SIZE, unpack_int
from whoosh.util.numeric import byte_to_length

# Bytes read for a block's header: its length and pickled info tuple (about 30 bytes).
_BLOCK_HEAD = 64


def next_block(matcher: W3LeafMatcher) -> None:
    """W3LeafMatcher._next_block with the next header read in one `get`."""
    if matcher._lastblock:
        matcher._atend = True
        return
    position = matcher._nextoffset
    head = matcher._postfile.get(position, _BLOCK_HEAD)
    stream = io.BytesIO(head)
    try:
        (length,) = unpack_int(stream.read(_INT_SIZE))
        info = pickle.load(stream)
    except (pickle.UnpicklingError, EOFError, ValueError, struct.error):
        matcher._goto(position)  # a longer header than expected: whoosh's own reading
        return
    matcher._data = matcher._ids = matcher._weights = matcher._values = None
    matcher._i = 0
    matcher._lastblock = length < 0
    matcher._nextoffset = position + _INT_SIZE + abs(length)
    matcher._dataoffset = position + stream.tell()
    (
        matcher._blocklength,
        matcher._maxid,
        matcher._maxweight,
        matcher._compression,
        shortest,
        longest,
    ) = info
    matcher._minlength = byte_to_length(shortest)
    matcher._maxlength = byte_to_length(longest)
