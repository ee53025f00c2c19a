"""Index lifecycle: reopen from disk, update, delete, revisions, clear, prepared documents."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

from viewer.search import IndexDoc, SearchIndex, parse_query
from viewer.search.index import prepare
from viewer.search.schema import INDEX_NAME


def found(index: SearchIndex, text: str) -> set[int]:
    return {hit.story_id for hit in index.search(parse_query(text), limit=None)}


def test_reopen_from_disk_loads_the_pickled_analyzers(tmp_path, corpus, jieba_ready):
    path = tmp_path / "ix"
    index = SearchIndex.open(path)
    index.add(corpus)
    index.commit()
    before = index.search(parse_query("紫荆路社区 党建"), limit=None)
    index.close()

    reopened = SearchIndex.open(path)
    assert reopened.count() == len(corpus)
    assert reopened.search(parse_query("紫荆路社区 党建"), limit=None) == before
    assert before
    # the analyzer unpickled from the index still analyses text
    field = reopened._ix.schema["body_w"]
    assert [t.text for t in field.analyzer("居民工作", mode="index")] == ["居民", "工作"]
    reopened.close()


def test_update_replaces_by_story_id_and_revisions_follow(tmp_path, corpus, jieba_ready):
    index = SearchIndex.open(tmp_path / "ix")
    index.add(corpus)
    index.commit()
    assert index.revisions() == {d.story_id: d.rev for d in corpus}

    old = next(d for d in corpus if d.story_id == 902)
    new = replace(old, title="新埭镇：温室草莓喜获丰收", subtitle="", body="草莓大丰收。", rev="b2")
    index.add([new])
    assert 902 in found(index, "大棚")  # not visible before commit
    index.commit()
    assert 902 not in found(index, "大棚")
    assert found(index, "草莓") == {902}
    assert index.count() == len(corpus)
    assert index.revisions()[902] == "b2"

    index.delete([902, 901])
    index.commit()
    assert found(index, "草莓") == set()
    assert index.count() == len(corpus) - 2
    assert 901 not in index.revisions()
    index.close()


def test_many_commits_and_merges_never_duplicate_hits(tmp_path, corpus, jieba_ready):
    index = SearchIndex.open(tmp_path / "ix")
    for start in range(0, len(corpus), 7):
        index.add(corpus[start : start + 7])
        index.commit()
    hits = index.search(parse_query("社区"), limit=None)
    assert len(hits) == len({h.story_id for h in hits})
    assert index.count() == len(corpus)
    index.close()


def postings_by_story(index: SearchIndex) -> dict[tuple[str, bytes], dict[int, tuple]]:
    """(field, term) -> {story id: (weight, decoded positions)} for every posting."""
    reader = index._searcher.reader()
    story = {docnum: int(f["id"]) for docnum, f in reader.iter_docs()}
    out: dict[tuple[str, bytes], dict[int, tuple]] = {}
    for field, term in reader.all_terms():
        matcher = reader.postings(field, term)
        positional = reader.schema[field].format.supports("positions")
        entries = {}
        while matcher.is_active():
            where = matcher.value_as("positions") if positional else None
            entries[story[matcher.id()]] = (matcher.weight(), where)
            matcher.next()
        if entries:  # a term of deleted stories only stays until its segment is merged
            out[(field, term)] = entries
    return out


def test_merged_segments_hold_exactly_the_postings_of_one_commit(tmp_path, corpus, jieba_ready):
    # Streaming merges (see segment_writer): after many small commits, merged by the tiers
    # (one of them an OPTIMIZE), with replaced and deleted stories, every posting, weight and
    # position is what a single commit of the final documents writes.
    final = {doc.story_id: doc for doc in corpus}
    many = SearchIndex.open(tmp_path / "many")
    for start in range(0, len(corpus), 5):
        many.add(corpus[start : start + 5])
        many.commit()
    changed = [replace(doc, body=doc.body + "补充报道内容") for doc in corpus[:12]]
    many.add(changed)
    many.delete([corpus[-1].story_id])
    many.commit()
    final.update({doc.story_id: doc for doc in changed})
    del final[corpus[-1].story_id]
    assert len(list((tmp_path / "many").glob("*.seg"))) > 1
    merged = postings_by_story(many)
    many.optimize()
    assert len(list((tmp_path / "many").glob("*.seg"))) == 1
    one = SearchIndex.open(tmp_path / "one")
    one.add(final.values())
    one.commit()
    expected = postings_by_story(one)
    assert merged == expected
    assert postings_by_story(many) == expected
    many.close()
    one.close()


def test_merged_postings_never_enter_the_in_memory_pool(tmp_path, corpus, jieba_ready):
    # whoosh's own merge copies every posting of the merged segments into its in-memory pool
    # (held up to limitmb, then spilled and sorted again): memory and time grow with the
    # merged segments. The streaming merge reads them in order while writing, so the pool only
    # ever holds the new batch's postings.
    index = SearchIndex.open(tmp_path / "ix")
    for round_ in range(8):  # eight segments of one tier: the next commit merges them
        index.add(replace(doc, story_id=round_ * 1000 + doc.story_id) for doc in corpus)
        index.commit()
    assert len(list((tmp_path / "ix").glob("*.seg"))) == 8
    reader = index._searcher.reader()
    merged = sum(reader.doc_frequency(field, term) for field, term in reader.all_terms())
    index.add([replace(corpus[0], story_id=10**6)])
    pool = index._writer.pool
    pooled = []
    pool.add = lambda item, add=pool.add: (pooled.append(item), add(item))
    index.commit()
    assert len(list((tmp_path / "ix").glob("*.seg"))) == 1
    assert index.count() == 8 * len(corpus) + 1
    assert merged > 10_000
    assert pooled == []  # the new story's postings were pooled by `add`; the merge adds none
    assert found(index, corpus[5].body[10:14]) >= {5000 + corpus[5].story_id}
    index.close()


def test_a_new_index_is_empty_and_searchable(tmp_path, jieba_ready):
    index = SearchIndex.open(tmp_path / "new" / "ix")
    assert index.count() == 0
    assert index.revisions() == {}
    assert index.search(parse_query("社区")) == []
    assert index.search(parse_query("社")) == []
    assert index.search(parse_query("date:2020")) == []
    index.close()


def test_clear_empties_the_index(tmp_path, corpus, jieba_ready):
    index = SearchIndex.open(tmp_path / "ix")
    index.add(corpus[:10])
    index.commit()
    index.add(corpus[10:20])  # pending changes are dropped too
    index.clear()
    assert index.count() == 0
    assert index.revisions() == {}
    index.add(corpus[:3])
    index.commit()
    assert index.count() == 3
    index.close()


def test_prepared_documents_index_like_plain_ones(tmp_path, corpus, jieba_ready):
    plain = SearchIndex.open(tmp_path / "plain")
    plain.add(corpus)
    plain.commit()
    prepared_index = SearchIndex.open(tmp_path / "prepared")
    # prepared in one place, pickled (as to a worker process and back), indexed in another
    prepared = pickle.loads(pickle.dumps([prepare(doc) for doc in corpus]))
    prepared_index.add(prepared)
    prepared_index.commit()
    for text in ["社区", "紫荆路 党建", "abc2020", "义诊 date:2021", "转"]:
        query = parse_query(text)
        assert prepared_index.search(query, limit=None) == plain.search(query, limit=None)
    plain.close()
    prepared_index.close()


def test_open_replaces_an_index_of_another_version(tmp_path, jieba_ready):
    path = tmp_path / "ix"
    path.mkdir()
    (path / "_stories_v0_3.toc").write_bytes(b"old")
    (path / "stories_v0_abc.seg").write_bytes(b"old")
    (path / "notes.txt").write_text("not ours")
    index = SearchIndex.open(path)
    assert index.count() == 0
    names = {p.name for p in path.iterdir()}
    assert "_stories_v0_3.toc" not in names
    assert "stories_v0_abc.seg" not in names
    assert "notes.txt" in names
    assert any(name.startswith(f"_{INDEX_NAME}_") for name in names)
    index.close()


def test_open_removes_sort_runs_left_by_a_killed_writer(tmp_path, jieba_ready):
    path = tmp_path / "ix"
    SearchIndex.open(path).close()
    stale = path / f"{INDEX_NAME}.tmp"
    stale.mkdir()
    (stale / "abc.run").write_bytes(b"x" * 100)
    index = SearchIndex.open(path)
    assert not stale.exists()
    index.add([IndexDoc(1, "标题", "", "", "正文内容", "article", "", [], [], "1")])
    index.commit()
    assert index.count() == 1
    index.close()


def test_open_recovers_from_an_unreadable_index(tmp_path, jieba_ready):
    path = tmp_path / "ix"
    index = SearchIndex.open(path)
    index.add([IndexDoc(1, "标题", "", "", "正文内容", "article", "", [], [], "1")])
    index.commit()
    index.close()
    for toc in Path(path).glob(f"_{INDEX_NAME}_*.toc"):
        toc.write_bytes(b"garbage")
    reopened = SearchIndex.open(path)
    assert reopened.count() == 0
    reopened.close()


def test_date_filters_skip_replaced_and_deleted_documents(tmp_path, corpus, jieba_ready):
    index = SearchIndex.open(tmp_path / "ix")
    index.add(corpus)
    index.commit()
    dated = {d.story_id for d in corpus if d.date >= "2021"}
    assert found(index, "from:2021") >= dated
    old = next(d for d in corpus if d.story_id == 902)
    index.add([replace(old, date="2022-01-05", rev="b2")])
    index.delete([901])
    index.commit()
    assert index._searcher.reader().has_deletions()  # the old documents are still in a segment
    newest = [hit.story_id for hit in index.search(parse_query("from:2021"), limit=None)]
    assert newest[0] == 902 and newest.count(902) == 1
    assert 901 not in newest
    assert (
        set(newest)
        == found(index, "from:2021")
        == (dated - {901})
        | {902}
        | {d.story_id for d in corpus if not d.date and any(y >= 2021 for y in d.years)}
    )
    index.close()
