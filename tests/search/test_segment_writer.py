"""The segment writer that writes and merges postings by term (see `segment_writer`) writes the
very bytes whoosh's own posting-by-posting writer writes for the same documents."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from whoosh import index as windex
from whoosh.writing import SegmentWriter

from viewer.search import IndexDoc, term_postings
from viewer.search import schema as s
from viewer.search.index import prepare, storage
from viewer.search.merging import merge_tiers
from viewer.search.segment_writer import StreamingMergeWriter


def segment_files(path: Path, writer_class: type[SegmentWriter], rounds: list) -> dict:
    """Commit each round's (documents, deleted story ids), then merge everything into one
    segment; the term dictionary and postings files of that segment."""
    path.mkdir()
    ix = windex.FileIndex.create(storage(path), s.make_schema(), s.INDEX_NAME)
    for docs, deleted in rounds:
        writer = writer_class(ix, codec=s.StoryCodec())
        for doc in docs:
            writer.update_document(**prepare(doc).fields)
        for story_id in deleted:
            writer.delete_by_term(s.ID, str(story_id))
        writer.commit(mergetype=merge_tiers)
    writer_class(ix, codec=s.StoryCodec()).commit(optimize=True)
    (segment,) = ix._segments()
    files = {}
    compound = segment.open_compound_file(ix.storage)
    for ext in (".trm", ".pst"):
        with compound.open_file(segment.make_filename(ext)) as file:
            files[ext] = file.read()
    compound.close()
    ix.close()
    return files


def test_term_writer_writes_whoosh_bytes(tmp_path, corpus, jieba_ready):
    # Three copies of the corpus: common terms span several posting blocks (128 postings each).
    docs: list[IndexDoc] = [
        replace(doc, story_id=copy * 10_000 + doc.story_id) for copy in range(3) for doc in corpus
    ]
    third = len(docs) // 3
    rounds = [
        (docs[:third], []),
        (docs[third : 2 * third], []),
        # replaced and deleted stories: merges renumber around deleted documents
        ([replace(doc, body=doc.body + "补充报道") for doc in docs[:20]] + docs[2 * third :], []),
        ([], [doc.story_id for doc in docs[30:60]]),
    ]
    ours = segment_files(tmp_path / "ours", StreamingMergeWriter, rounds)
    whooshs = segment_files(tmp_path / "whoosh", SegmentWriter, rounds)
    assert len(ours[".pst"]) > 10_000
    assert ours == whooshs


def test_term_records_read_in_chunks_are_whooshs_items(tmp_path, corpus, jieba_ready, monkeypatch):
    # Entries cut by chunk boundaries, and entries longer than a whole chunk, still come whole.
    ix = windex.FileIndex.create(storage(tmp_path), s.make_schema(), s.INDEX_NAME)
    writer = StreamingMergeWriter(ix, codec=s.StoryCodec())
    for doc in corpus:
        writer.update_document(**prepare(doc).fields)
    writer.commit()
    reader = ix.reader()
    table = reader._terms._tindex
    expected = list(table.items())
    assert len(expected) > 1000
    for chunk in (7, 64, 1 << 20):
        monkeypatch.setattr(term_postings, "RECORDS_CHUNK", chunk)
        assert list(term_postings._term_records(table)) == expected
    reader.close()
    ix.close()
