"""Postings handled a whole term at a time, for writing segments and merging them.

whoosh's field writer takes one posting at a time (`add_postings`: start_term, add, ...,
finish_term), and its merges read merged segments one posting at a time through a matcher, so
every posting of a segment costs several Python calls each time it is written or rewritten; in
an import that was most of the writing process's time. Here each source gives its terms in
order with their whole posting lists (`TermPostings`), read straight from the term dictionary
and the posting blocks, and `write_terms` hands each list to whoosh's postings writer a block
at a time. The segment files are what whoosh's own way writes for the same postings: the same
blocks (its `blocklimit`), the same inlined terms, the same term dictionary.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from operator import itemgetter

from whoosh.codec.whoosh3 import W3FieldWriter, W3LeafMatcher, W3PostingsWriter
from whoosh.fields import Schema
from whoosh.filedb.filetables import OrderedHashReader, _lengths
from whoosh.reading import SegmentReader
from whoosh.system import pack_ushort

from viewer.search.blocks import next_block
from viewer.search.term_info import StoryTermInfo

# (field name, term, source, document numbers, weights, values). Values are aligned with the
# documents, or empty when the field's postings carry none. `source` orders the lists of one
# term from several sources: their documents follow each other in that order.
TermPostings = tuple[str, bytes, int, Sequence[int], Sequence[float], Sequence[bytes | None]]
# One document's postings in a field: (term, frequency, weight, value), as whoosh fields give.
DocItems = Iterable[tuple[bytes, int, float, bytes]]
RECORDS_CHUNK = 1 << 20  # bytes of a term dictionary read at once while merging it


def grouped_postings(
    postings: Iterable[tuple[str, bytes, int, float, bytes | None]], source: int
) -> Iterator[TermPostings]:
    """whoosh's sorted per-posting stream (the posting pool) as one list per term."""
    for (fieldname, btext), group in groupby(postings, key=itemgetter(0, 1)):
        items = list(group)
        yield (
            fieldname,
            btext,
            source,
            [item[2] for item in items],
            [item[3] for item in items],
            [item[4] for item in items],
        )


def document_postings(
    fieldname: str, docs: list[tuple[int, DocItems]], source: int
) -> Iterator[TermPostings]:
    """One field's postings of documents added in document order, as one list per term in
    term order (emptying `docs`). The grouping is the only per-posting work: no sort of the
    postings."""
    table: dict[bytes, tuple[list[int], list[float], list[bytes]]] = {}
    get = table.get
    for docnum, items in docs:
        for btext, _freq, weight, value in items:
            entry = get(btext)
            if entry is None:
                table[btext] = ([docnum], [weight], [value])
            else:
                entry[0].append(docnum)
                entry[1].append(weight)
                entry[2].append(value)
    docs.clear()  # the caller's: free the items (their terms and values live on in the table)
    for btext in sorted(table):
        ids, weights, values = table.pop(btext)
        yield fieldname, btext, source, ids, weights, values


def segment_postings(
    reader: SegmentReader,
    schema: Schema,
    source: int,
    basedoc: int,
    docmap: Mapping[int, int] | None,
) -> Iterator[TermPostings]:
    """Every term of a segment with its postings, renumbered as `write_per_doc` numbered the
    documents (`basedoc` onwards, or `docmap` when the segment has deleted documents, whose
    postings are left out). Terms of fields the schema no longer has are left out."""
    terms = reader._terms  # whoosh's W3TermsReader: the term dictionary, in term order
    codec, postfile = terms._codec, terms._postfile
    deleted = reader.deleted_docs_set
    fieldnames = terms._fieldunmap  # field number -> name
    for key, value in _term_records(terms._tindex):
        fieldname = fieldnames[int.from_bytes(key[:2], "big")]
        if fieldname not in schema:
            continue
        btext = key[2:]
        terminfo = StoryTermInfo.from_bytes(value)
        if terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings()
            weights = weights or (1.0,) * len(ids)  # as whoosh's ListMatcher reads them
        else:
            format_ = schema[fieldname].format
            matcher = codec.postings_reader(postfile, terminfo, format_)
            ids, weights, values = _all_blocks(matcher)
        if docmap is None:
            ids = [basedoc + docnum for docnum in ids]
        else:
            keep = [i for i, docnum in enumerate(ids) if docnum not in deleted]
            if not keep:
                continue
            if values:
                values = [values[i] for i in keep]
            # whoosh reads such a segment through a FilterMatcher, whose weights are floats
            # (the weight times its boost of 1.0): the same weights, pickled differently.
            weights = [weights[i] * 1.0 for i in keep]
            ids = [docmap[ids[i]] for i in keep]
        yield fieldname, btext, source, ids, weights, values


def _term_records(table: OrderedHashReader) -> Iterator[tuple[bytes, bytes]]:
    """(key, value) of every entry of whoosh's term dictionary, in order: what its `items()`
    gives, read a chunk at a time instead of three small reads an entry."""
    dbfile = table.dbfile
    head = _lengths.size
    pos, end = table.startofdata, table.endofdata
    while pos < end:
        chunk = dbfile.get(pos, min(RECORDS_CHUNK, end - pos))
        offset = 0
        while offset + head <= len(chunk):
            keylen, datalen = _lengths.unpack_from(chunk, offset)
            start = offset + head
            stop = start + keylen + datalen
            if stop > len(chunk):
                break
            yield chunk[start : start + keylen], chunk[start + keylen : stop]
            offset = stop
        if not offset:  # one entry longer than a chunk
            keylen, datalen = _lengths.unpack(dbfile.get(pos, head))
            entry = dbfile.get(pos + head, keylen + datalen)
            yield entry[:keylen], entry[keylen:]
            offset = head + keylen + datalen
        pos += offset


def _all_blocks(matcher: W3LeafMatcher) -> tuple[list[int], list[float], list[bytes | None]]:
    ids: list[int] = []
    weights: list[float] = []
    values: list[bytes | None] = []
    while not matcher._atend:
        matcher._read_ids()
        matcher._read_weights()
        matcher._read_values()
        ids.extend(matcher._ids)
        weights.extend(matcher._weights)
        values.extend(matcher._values)
        next_block(matcher)
    return ids, weights, values


def merged_terms(sources: Sequence[Iterator[TermPostings]]) -> Iterator[TermPostings]:
    """The sources' terms in order, the lists of one term joined (in source order)."""
    stream = sources[0] if len(sources) == 1 else heapq.merge(*sources, key=itemgetter(0, 1, 2))
    for (fieldname, btext), group in groupby(stream, key=itemgetter(0, 1)):
        parts = list(group)
        first = parts[0]
        if len(parts) == 1:
            yield first
            continue
        ids = [docnum for part in parts for docnum in part[3]]
        weights = [weight for part in parts for weight in part[4]]
        if any(part[5] for part in parts):
            values = [v for part in parts for v in (part[5] or (None,) * len(part[3]))]
        else:
            values = []
        yield fieldname, btext, first[2], ids, weights, values


def write_terms(fieldwriter: W3FieldWriter, schema: Schema, terms: Iterable[TermPostings]) -> None:
    """Write the terms (in order) through whoosh's field writer, each list a block at a time:
    the blocks, statistics and inlining are those of whoosh's posting-by-posting `add`."""
    lastfield = None
    for fieldname, btext, _source, ids, weights, values in terms:
        if fieldname != lastfield:
            if lastfield is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            lastfield = fieldname
        postwriter = fieldwriter._postwriter
        inlined = getattr(postwriter, "inlined_entry", None)
        entry = inlined(ids, weights, values) if inlined else None
        if entry is not None:  # most terms: what finish_term would add, made directly
            fieldwriter._tindex.add(pack_ushort(fieldwriter._fieldid) + btext, entry)
            continue
        fieldwriter.start_term(btext)
        _fill(postwriter, ids, weights, values)
        fieldwriter.finish_term()
    if lastfield is not None:
        fieldwriter.finish_field()


def _fill(
    postwriter: W3PostingsWriter, ids: Sequence[int], weights: Sequence[float], values: Sequence
) -> None:
    """What `add_posting` for each posting leaves in whoosh's W3PostingsWriter: full blocks
    written, the last one buffered for `finish_postings`."""
    limit = postwriter._blocklimit
    for start in range(0, len(ids), limit):
        if start:
            postwriter._write_block()
        end = start + limit
        block_weights = weights[start:end]
        postwriter._ids = array("I", ids[start:end])
        postwriter._weights = array("f", block_weights)
        postwriter._values = [value for value in values[start:end] if value]
        top = max(block_weights)
        postwriter._maxweight = top if top > 0 else 0
