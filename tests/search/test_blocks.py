"""next_block steps through a term's posting blocks exactly as whoosh's own matcher does."""

from __future__ import annotations

import pytest
from whoosh.codec.whoosh3 import W3LeafMatcher

from viewer.search import IndexDoc, SearchIndex, blocks
from viewer.search import schema as s

STATE = ("_blocklength", "_maxid", "_maxweight", "_compression", "_lastblock", "_nextoffset")


def walk(matcher: W3LeafMatcher, step) -> list[tuple]:
    seen = []
    while not matcher._atend:
        matcher._read_ids()
        seen.append((tuple(getattr(matcher, name) for name in STATE), list(matcher._ids)))
        step(matcher)
    return seen


@pytest.mark.parametrize("head", [blocks._BLOCK_HEAD, 6])  # 6 bytes: whoosh's own reading
def test_blocks_are_walked_as_whoosh_walks_them(tmp_path, jieba_ready, monkeypatch, head):
    ix = SearchIndex.open(tmp_path)
    body = "社区开展志愿服务活动"
    ix.add(
        [
            IndexDoc(i, "", "", "", body * (1 + i % 3), "article", "", [], [], "1")
            for i in range(1, 1500)
        ]
    )
    ix.commit()
    reader = ix._searcher.reader()
    monkeypatch.setattr(blocks, "_BLOCK_HEAD", head)
    ours = walk(reader.postings(s.BODY_BIGRAMS, "社区"), blocks.next_block)
    theirs = walk(reader.postings(s.BODY_BIGRAMS, "社区"), W3LeafMatcher._next_block)
    assert len(ours) > 5  # several blocks of 128
    assert ours == theirs
    assert sum(len(ids) for _state, ids in ours) == 1499
    ix.close()
