"""A whoosh segment writer whose merges stream instead of going through the posting pool.

whoosh's SegmentWriter merges a segment by copying every one of its postings into the in-memory
posting pool, which sorts them again and spills runs of `limitmb` to temporary files. A merge of
large segments then holds the pool at its limit (several times `limitmb` in real Python memory)
and pays for sorting postings that are already sorted. Here a merged segment's postings are read
in order while the new segment is written: each segment yields them sorted by (field, term,
document), so a heap merge of those streams with the pool's own sorted postings is the new
segment's order. Memory stays what this batch's pool holds, whatever the size of the merged
segments (whoosh's multiprocessing writer merges its sub-segments the same way).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from whoosh.externalsort import imerge
from whoosh.reading import IndexReader, SegmentReader
from whoosh.writing import SegmentWriter

Posting = tuple[str, bytes, int, float, bytes | None]


class StreamingMergeWriter(SegmentWriter):
    """SegmentWriter whose `add_reader` (what merge policies call) streams the postings."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._merged: list[tuple[SegmentReader, Iterator[Posting]]] = []

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
        self._merged.append((own, self._process_posts(own.iter_postings(), basedoc, docmap)))
        self._added = True

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        postings = self.pool.iter_postings()
        if self._merged:
            postings = imerge([postings, *(stream for _reader, stream in self._merged)])
        try:
            self.fieldwriter.add_postings(self.schema, lengths, postings)
        finally:
            self._close_merged()
            if lengths is not None:
                lengths.close()
        self.fieldwriter.close()

    def _close_segment(self) -> None:
        self._close_merged()
        super()._close_segment()

    def _close_merged(self) -> None:
        for reader, _stream in self._merged:
            with contextlib.suppress(Exception):
                reader.close()
        self._merged = []
