"""The compact term dictionary entries: exact round trips, whoosh's layout still read, and an
index whose dictionary holds them answers like before."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from whoosh.codec.whoosh3 import W3TermInfo

from viewer.search import SearchIndex, parse_query
from viewer.search.term_info import COMPACT, StoryTermInfo


def _info(ids: list[int], weights: tuple, values: tuple, inlined: bool) -> StoryTermInfo:
    info = StoryTermInfo()
    info._df = len(ids)
    info._weight = float(sum(weights) if weights else len(ids))
    info._maxweight = float(max(weights, default=1))
    info._minid, info._maxid = ids[0], ids[-1]
    info._minlength, info._maxlength = 0, 0
    if inlined:
        info.set_inlined(ids, weights, values)
    else:
        info.set_extent(123_456_789, len(ids) * 7)
    return info


def _facts(info: W3TermInfo) -> tuple:
    return (
        info.doc_frequency(),
        info.weight(),
        info.max_weight(),
        info.min_id(),
        info.max_id(),
        info.inlined_postings() if info.is_inlined() else info.extent(),
    )


@given(
    ids=st.lists(st.integers(0, 2**31), min_size=1, max_size=40, unique=True).map(sorted),
    counted=st.booleans(),
    positional=st.booleans(),
    inlined=st.booleans(),
    data=st.data(),
)
def test_entries_come_back_exactly(ids, counted, positional, inlined, data):
    n = len(ids)
    weights = tuple(data.draw(st.lists(st.integers(1, 500), min_size=n, max_size=n)))
    values = tuple(data.draw(st.lists(st.binary(max_size=300), min_size=n, max_size=n)))
    info = _info(ids, weights if counted else (), values if positional else (), inlined)
    encoded = info.to_bytes()
    assert encoded[0] & COMPACT
    assert _facts(StoryTermInfo.from_bytes(encoded)) == _facts(info)


def test_compact_entries_are_a_fraction_of_whooshs():
    ids = [70_001, 70_020, 70_500, 71_000, 90_000]
    info = _info(ids, (), tuple(b"H\x05\x06" for _ in ids), inlined=True)
    whoosh = W3TermInfo.to_bytes(info)
    assert len(info.to_bytes()) * 2 < len(whoosh)


def test_whooshs_own_entries_are_still_read():
    # Written by whoosh itself, and by us for weights that are not whole numbers.
    info = _info([3, 9], (), (), inlined=False)
    read = StoryTermInfo.from_bytes(W3TermInfo.to_bytes(info))
    assert _facts(read)[:5] == _facts(info)[:5]
    assert read.extent()[0] == info.extent()[0]  # (whoosh reads its length back as a tuple)
    fractional = _info([3, 9], (0.5, 2.0), (), inlined=True)
    encoded = fractional.to_bytes()
    assert not encoded[0] & COMPACT
    assert StoryTermInfo.from_bytes(encoded).inlined_postings()[1] == (0.5, 2.0)


def test_an_index_keeps_compact_entries_and_finds_through_them(tmp_path, corpus, jieba_ready):
    index = SearchIndex.open(tmp_path / "ix")
    index.add(corpus)
    index.commit()
    reader = index._searcher.reader()
    terms = reader.leaf_readers()[0][0]._terms
    entries = list(terms._tindex.values())
    assert entries and all(entry[0] & COMPACT for entry in entries)
    with_it = {doc.story_id for doc in corpus if "社区" in doc.body}
    assert with_it
    assert reader.doc_frequency("body_b", "社区") == len(with_it)
    assert reader.doc_frequency("body_b", "無無") == 0
    assert with_it <= {hit.story_id for hit in index.search(parse_query("社区"), limit=None)}
    index.close()
