"""A whoosh segment writer that writes and merges postings a whole term at a time.

whoosh's SegmentWriter puts every posting of a batch into its posting pool one call at a time,
sorts them all, and hands them to the field writer one at a time; a merge copies every posting
of the merged segments into that pool too (sorting them again, spilling runs of `limitmb` to
temporary files). Here:

* The word and bigram fields (`WordText`, `BigramText`: most postings) skip the pool. `add`
  keeps each document's posting items as the analysis made them; the commit groups them by
  term (document order is posting order, so nothing is sorted but the terms).
* A merged segment is read term by term from its own files (see `term_postings`) while the new
  segment is written: each source yields its terms in order, so a heap merge of the sources is
  the new segment's order. Memory stays what this batch holds, whatever the size of the merged
  segments.

The other fields (id, kind, places, dates: a few postings a story) go through whoosh's pool.
The postings written are those whoosh's own writer writes (tests/search/test_lifecycle.py).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from whoosh.reading import IndexReader, SegmentReader
from whoosh.writing import SegmentWriter

from viewer.search.schema import BigramText, WordText
from viewer.search.term_postings import (
    DocItems,
    TermPostings,
    document_postings,
    grouped_postings,
    merged_terms,
    segment_postings,
    write_terms,
)

TERM_FIELDS = (WordText, BigramText)  # whose postings skip whoosh's pool
# The batch's own postings sort before the merged segments' (their documents come first).
BATCH_SOURCE = 0


class StreamingMergeWriter(SegmentWriter):
    """SegmentWriter that writes postings by term and whose `add_reader` (what merge policies
    call) streams the merged segments' postings. Needs a codec without length statistics
    (`StoryCodec`): the lists it writes carry no field lengths."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        if self.codec.length_stats:
            raise ValueError("StreamingMergeWriter writes no field lengths")
        self._merged: list[tuple[SegmentReader, Iterator[TermPostings]]] = []
        # field name -> (document number, its posting items), in document order
        self._field_docs: dict[str, list[tuple[int, DocItems]]] = {}
        self._term_fields = {n for n, f in self.schema.items() if isinstance(f, TERM_FIELDS)}

    def add_document(self, **fields: object) -> None:
        if any(name.startswith("_") for name in fields):  # boosts: whoosh's own way
            super().add_document(**fields)
            return
        docnum = self.docnum
        schema = self.schema
        by_term = {
            name: value
            for name, value in fields.items()
            if value is not None and name in self._term_fields
        }
        others = {name: value for name, value in fields.items() if name not in by_term}
        super().add_document(**others)  # checks the state, numbers the document
        for name, value in by_term.items():
            items = value if isinstance(value, tuple) else list(schema[name].index(value))
            self._field_docs.setdefault(name, []).append((docnum, items))

    def add_reader(self, reader: IndexReader) -> None:
        if not isinstance(reader, SegmentReader):  # not a merge: whoosh's own way
            super().add_reader(reader)
            return
        self._check_state()
        # Merge policies close their reader right after this call: read from our own.
        own = SegmentReader(self.storage, self.schema, reader.segment())
        basedoc = self.docnum
        names = {name for name in own.indexed_field_names() if name in self.schema}
        docmap = self.write_per_doc(set(self.schema.names()) | names, own)
        source = BATCH_SOURCE + 1 + len(self._merged)
        self._merged.append((own, segment_postings(own, self.schema, source, basedoc, docmap)))
        self._added = True

    def _flush_segment(self) -> None:
        with _cyclic_gc_paused():
            self._write_postings()

    def _write_postings(self) -> None:
        self.perdocwriter.close()
        sources = [grouped_postings(self.pool.iter_postings(), BATCH_SOURCE)]
        for name, docs in sorted(self._field_docs.items()):
            sources.append(document_postings(name, docs, BATCH_SOURCE))
        sources.extend(stream for _reader, stream in self._merged)
        try:
            write_terms(self.fieldwriter, self.schema, merged_terms(sources))
        finally:
            self._close_merged()
            self._field_docs = {}
        self.fieldwriter.close()

    def _close_segment(self) -> None:
        self._close_merged()
        self._field_docs = {}
        super()._close_segment()

    def _close_merged(self) -> None:
        for reader, _stream in self._merged:
            with contextlib.suppress(Exception):
                reader.close()
        self._merged = []


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Writing a segment allocates millions of short-lived lists and tuples, which make
    Python's cycle collector walk every object of the process over and over (a quarter of a
    commit's time in a process holding a batch); they form no cycles, so it can wait."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
