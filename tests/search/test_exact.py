"""`ExactPiece` (the bulk phrase check) against a plain scan and against whoosh's own span
query, whose scores it must reproduce."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from whoosh import query as wq

from viewer.search import IndexDoc, SearchIndex, parse_query
from viewer.search import schema as s
from viewer.search.analysis import bigrams
from viewer.search.build import (
    HEAD_BOOST,
    WORD_BOOST,
    QueryBuilder,
    all_of,
    lexicon_words,
    word_bonus_query,
)
from viewer.search.exact import AllPieces, CharQuery, PieceQuery, top_hits
from viewer.text import search_fold


def doc(
    story_id: int, body: str, title: str = "", kicker: str = "", subtitle: str = ""
) -> IndexDoc:
    return IndexDoc(story_id, title, kicker, subtitle, body, "article", "", [], [], "1")


def found(ix: SearchIndex, text: str) -> set[int]:
    return {hit.story_id for hit in ix.search(parse_query(text), limit=None)}


def grep(docs: list[IndexDoc], *pieces: str) -> set[int]:
    texts = {
        d.story_id: [search_fold(t) for t in (d.title, d.kicker, d.subtitle, d.body)] for d in docs
    }
    return {
        i
        for i, parts in texts.items()
        if all(any(search_fold(p) in t for t in parts) for p in pieces)
    }


def span_query(field: str, piece: str, boost: float = 1.0) -> wq.Query:
    """The query `build.exact_bigram_query` made before `ExactPiece`: whoosh's Phrase or a
    SpanNear2 chain of every other bigram (plus the last), positions checked per document."""
    grams = bigrams(piece)
    if len(grams) == 2:
        return wq.Phrase(field, grams, boost=boost)
    chain: wq.Query = wq.SpanNear2(
        [wq.Term(field, gram, boost=boost) for gram in grams[::2]], slop=2, mindist=2
    )
    if len(grams) % 2 == 0:
        chain = wq.SpanNear2([chain, wq.Term(field, grams[-1], boost=boost)], slop=1, mindist=1)
    return chain


@pytest.fixture
def ix(tmp_path, jieba_ready):
    index = SearchIndex.open(tmp_path / "ix")
    yield index
    index.close()


def test_repeated_bigrams_need_every_repeat(ix):
    docs = [
        doc(1, "他笑了：哈哈。"),
        doc(2, "他笑了：哈哈哈。"),
        doc(3, "哈哈 哈哈哈哈"),
        doc(4, "哈哈，哈哈哈。哈哈哈哈哈"),
        doc(5, "嘻哈哈嘻哈哈哈嘻"),
    ]
    ix.add(docs)
    ix.commit()
    for needle in [
        "哈哈",
        "哈哈哈",
        "哈哈哈哈",
        "哈哈哈哈哈",
        "哈哈哈哈哈哈",
        "嘻哈哈哈",
        "哈嘻哈",
    ]:
        assert found(ix, needle) == grep(docs, needle), needle


def test_a_piece_never_joins_headline_parts_or_headline_and_body(ix):
    docs = [
        doc(1, "工作站今天开门", title="青枫社区", kicker="基层治理", subtitle="小区基建"),
        doc(2, "青枫社区工作站今天开门"),
    ]
    ix.add(docs)
    ix.commit()
    assert found(ix, "社区工作站") == {2}  # title end + body start is no phrase
    # title and kicker are separate lines (every bigram of the piece is in the headline)
    assert found(ix, "社区基层") == set()
    assert found(ix, "青枫社区") == {1, 2}
    assert found(ix, "基层治理") == {1}


def test_a_query_longer_than_any_story(ix):
    docs = [doc(1, "社区开展义诊活动。"), doc(2, "义诊活动")]
    ix.add(docs)
    ix.commit()
    assert found(ix, "社区开展义诊活动。" * 3) == set()
    assert found(ix, "社区开展义诊活动。") == {1}


def test_and_of_a_word_and_a_phrase(ix):
    docs = [
        doc(1, "社区开展志愿服务活动，居民积极参与。"),
        doc(2, "社区开展活动，志愿服务队参与。"),
        doc(3, "志愿服务活动在社区开展。"),
    ]
    ix.add(docs)
    ix.commit()
    assert found(ix, '居民 "志愿服务活动"') == {1}
    assert found(ix, '社区 "志愿服务活动"') == {1, 3}
    assert found(ix, '"开展志愿" 参与') == {1}


def test_replaced_stories_are_not_found_by_their_old_text(ix):
    ix.add([doc(1, "青枫社区工作站"), doc(2, "社区工作人员"), doc(3, "大棚"), doc(4, "蔬菜")])
    ix.commit()
    # Replaces story 1: a deletion in the first segment (too few to merge it, see `merging`).
    ix.add([doc(1, "东岭村蔬菜大棚")])
    ix.commit()
    assert ix._searcher.reader().has_deletions()
    assert found(ix, "青枫社区工作站") == set()
    assert found(ix, "社区工作") == {2}
    assert found(ix, "蔬菜大棚") == {1}


def test_many_stories_with_long_posting_lists(ix):
    """A bigram in every story is stored in blocks of 128 postings (story i in block i // 128
    of its segment), read only where a candidate can be: a rare piece sits in the last story of
    one block and the first of the next, where a skip off by one would lose it. Some stories
    are replaced (deleted from their segments)."""
    rng = random.Random(7)
    words = ["工作", "人员", "活动", "志愿", "服务", "居民", "开展", "哈哈"]

    def text(i: int, size: int) -> str:
        rare = "青枫社区工作站" if i % 256 in (127, 128) or i % 301 == 200 else ""
        return "社区" + "".join(rng.choice(words) for _ in range(size)) + rare

    docs = [doc(i, text(i, rng.randint(4, 30))) for i in range(1600)]
    ix.add(docs[:800])
    ix.commit()
    ix.add(docs[800:])
    ix.commit()
    replaced = [doc(i, text(i + 1, 12)) for i in range(0, 1600, 37)]
    ix.add(replaced)
    ix.commit()
    docs = [d for d in docs if d.story_id % 37] + replaced
    assert ix._searcher.doc_frequency(s.BODY_BIGRAMS, "社区") > 1000
    assert len(grep(docs, "青枫社区")) > 10
    for needle in ["青枫社区", "社区工作", "社区工作站", "哈哈哈", "区工作人", "活动 青枫哈哈"]:
        assert found(ix, needle) == grep(docs, *needle.split()), needle


def test_scores_are_those_of_the_span_query(ix, corpus):
    """Same stories and same scores as whoosh's Phrase/SpanNear2, head and body fields,
    boosted or not, over the shared test corpus (two segments)."""
    ix.add(corpus[: len(corpus) // 2])
    ix.commit()
    ix.add(corpus[len(corpus) // 2 :])
    ix.commit()
    searcher = ix._searcher
    rng = random.Random(3)
    pieces = [
        search_fold(p)
        for p in ["社区工作", "青枫社区", "志愿服务活动", "老人", "２４００户", "大棚蔬菜"]
    ]
    for d in rng.sample(corpus, 40):
        body = search_fold(d.body).split()
        run = max(body, key=len) if body else ""
        if len(run) >= 3:
            size = rng.randint(3, min(12, len(run)))
            start = rng.randrange(len(run) - size + 1)
            pieces.append(run[start : start + size])
    for piece in pieces:
        for field, boost in [(s.BODY_BIGRAMS, 1.0), (s.HEAD_BIGRAMS, 3.0)]:
            new = searcher.search(PieceQuery(piece, ((field, boost),)), limit=None)
            old = searcher.search(span_query(field, piece, boost), limit=None)
            got = {hit.docnum: hit.score for hit in new}
            want = {hit.docnum: hit.score for hit in old}
            assert got.keys() == want.keys(), piece
            assert want or field == s.HEAD_BIGRAMS, piece  # every piece is in some body
            for docnum, score in want.items():
                assert got[docnum] == pytest.approx(score, rel=1e-6), piece


def old_piece_query(piece: str, words: list[str]) -> wq.Query:
    """The whole query `build.QueryBuilder.piece` made before `PieceQuery`: span queries on
    both bigram fields, with the word terms OR-ed in (one word) or AND-MAYBE-d (several)."""
    match = [span_query(s.HEAD_BIGRAMS, piece, HEAD_BOOST), span_query(s.BODY_BIGRAMS, piece)]
    if not words:
        return wq.Or(match)
    bonus = [
        word_bonus_query(s.HEAD_WORDS, words, HEAD_BOOST * WORD_BOOST),
        word_bonus_query(s.BODY_WORDS, words, WORD_BOOST),
    ]
    if len(words) == 1:
        return wq.Or(match + bonus)
    return wq.AndMaybe(wq.Or(match), wq.Or(bonus))


def test_pieces_with_their_word_bonus_score_as_before(index, corpus):
    """Whole pieces (both fields, word bonus of one or several words) against the query tree
    `build` made before, on the shared two-segment index."""
    searcher = index._searcher
    reader = searcher.reader()
    rng = random.Random(5)
    pieces = [
        search_fold(p) for p in ["社区", "青枫社区", "社区党委书记", "志愿服务活动", "大棚蔬菜"]
    ]
    for d in rng.sample(corpus, 30):
        runs = [run for run in search_fold(d.title + " " + d.body).split() if len(run) >= 2]
        if runs:
            run = rng.choice(runs)
            size = rng.randint(2, min(8, len(run)))
            start = rng.randrange(len(run) - size + 1)
            pieces.append(run[start : start + size])
    several = 0
    for piece in pieces:
        words = lexicon_words(piece, reader)
        several += len(words) > 1
        new = searcher.search(QueryBuilder(reader).piece(piece), limit=None)
        old = searcher.search(old_piece_query(piece, words), limit=None)
        want = {hit.docnum: hit.score for hit in old}
        assert want, piece
        assert {hit.docnum: hit.score for hit in new} == pytest.approx(want, rel=1e-6), piece
    assert several > 5  # the AND-MAYBE case is covered


def test_the_top_hits_are_the_best_of_all_hits(ix):
    """A search for the top n gives the n best scores of all hits. whoosh's own query tree
    skipped blocks it wrongly thought could not reach the top: two-word searches over these
    stories lost their best hit."""
    rng = random.Random(11)
    words = ["工作", "人员", "活动", "志愿", "服务", "居民", "开展", "进步", "得到", "社区"]
    weights = [30, 20, 15, 10, 10, 8, 8, 3, 3, 25]

    def text(parts: int) -> str:
        return "，".join(
            "".join(rng.choices(words, weights, k=rng.randint(1, 4))) for _ in range(parts)
        )

    docs = [doc(i, text(rng.randint(3, 40)), title=text(rng.randint(0, 2))) for i in range(1200)]
    for start in range(0, len(docs), 300):
        ix.add(docs[start : start + 300])
        ix.commit()
    for first, second in [("活动", "进步"), ("志愿", "服务"), ("居民", "开展"), ("工作", "社区")]:
        for text_ in (f"{first} {second}", f"{first}{second}"):
            everything = [h.score for h in ix.search(parse_query(text_), limit=None)]
            assert len(everything) > 20, text_
            for n in (1, 5, 20):
                top = [h.score for h in ix.search(parse_query(text_), limit=n)]
                assert top == pytest.approx(everything[:n]), (text_, n)


def test_all_pieces_match_and_score_as_whooshs_and(index, corpus):
    """`AllPieces` finds the rarest piece first and the others only among its stories: the same
    stories and scores as whoosh's And of the same pieces, single characters mixed in too."""
    searcher = index._searcher
    builder = QueryBuilder(searcher.reader())
    texts = [
        "社区 老人",
        "社区 活动 服务",
        "青枫社区 社区",
        "大学 志愿",
        "社区 区",
        "社区 记者 -老人",
    ]
    for text in texts:
        pieces = [builder.piece(search_fold(p)) for p in text.split() if not p.startswith("-")]
        together = searcher.search(all_of(pieces), limit=None)
        apart = searcher.search(wq.And(pieces), limit=None)
        want = {hit.docnum: hit.score for hit in apart}
        assert {hit.docnum: hit.score for hit in together} == pytest.approx(want, rel=1e-6), text
        pieces_ = [p for p in text.split() if not p.startswith("-")]
        negated = [p[1:] for p in text.split() if p.startswith("-")]
        expected = grep(corpus, *pieces_) - set().union(*(grep(corpus, p) for p in negated))
        assert {h.story_id for h in index.search(parse_query(text), limit=None)} == expected, text
    assert isinstance(all_of([builder.piece("社区"), builder.piece("老人")]), AllPieces)


def test_one_character_finds_and_scores_as_whooshs_prefix_queries(ix, corpus):
    """`CharQuery` is whoosh's Or of the terms a prefix expansion gives on both bigram fields
    (each scored, with its field's boost), read in bulk: the same stories with the same scores
    (three segments, one story replaced), and its top n are the best n of all hits."""
    for start in range(0, len(corpus), len(corpus) // 3 + 1):
        ix.add(corpus[start : start + len(corpus) // 3 + 1])
        ix.commit()
    ix.add([replace(corpus[0], body="社区重新发布的稿件")])
    ix.commit()
    fields = ((s.HEAD_BIGRAMS, HEAD_BOOST), (s.BODY_BIGRAMS, 1.0))
    searcher = ix._searcher
    assert len(searcher.reader().leaf_readers()) > 1
    for char in [search_fold(c) for c in "社区会的工作党４"]:
        new = searcher.search(CharQuery(char, fields), limit=None)
        # The Or of every expanded term (whoosh's Prefix drops the boost when only one term
        # expands in a segment)
        reader = searcher.reader()
        terms = [wq.Term(f, t, boost=b) for f, b in fields for t in reader.expand_prefix(f, char)]
        old = searcher.search(wq.Or(terms), limit=None)
        want = {hit.docnum: hit.score for hit in old}
        assert want, char
        assert {hit.docnum: hit.score for hit in new} == pytest.approx(want, rel=1e-6), char
        best = sorted(want.values(), reverse=True)[:5]
        top = [hit.score for hit in searcher.search(CharQuery(char, fields), limit=5)]
        assert top == pytest.approx(best), char


def test_top_hits_are_whooshs_collector_answers(ix, corpus):
    """`top_hits` ranks bulk queries itself: the same (score, document) list, ties to the lower
    document, as whoosh's top-N collector, for every limit and filter, over several segments
    with a replaced story."""
    third = len(corpus) // 3 + 1
    for start in range(0, len(corpus), third):
        ix.add(corpus[start : start + third])
        ix.commit()
    ix.add([replace(corpus[1], body="社区重新发布的稿件，社区活动")])
    ix.commit()
    searcher = ix._searcher
    reader = searcher.reader()
    assert len(reader.leaf_readers()) > 2 and reader.has_deletions()
    builder = QueryBuilder(reader)
    rng = random.Random(13)
    live = [d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)]
    queries = [builder.piece(search_fold(t)) for t in ("社区", "社区活动", "工作")]
    queries.append(all_of([builder.piece("社区"), builder.piece("活动")]))
    queries.append(CharQuery("区", ((s.HEAD_BIGRAMS, HEAD_BOOST), (s.BODY_BIGRAMS, 1.0))))
    assert {type(q) for q in queries} == {PieceQuery, CharQuery, AllPieces}
    ties = 0
    for q in queries:
        for limit in (1, 3, 20, None):
            for allowed in (None, set(rng.sample(live, len(live) // 3))):
                want = searcher.search(q, limit=limit, filter=allowed).top_n
                got = top_hits(searcher, q, limit, allowed)
                assert [d for _s, d in got] == [d for _s, d in want], (q, limit)
                assert [s_ for s_, _d in got] == pytest.approx([s_ for s_, _d in want])
                scores = [s_ for s_, _d in got]
                ties += len(scores) - len(set(scores))
    assert ties  # equal scores occur, so their order is checked


def test_top_hits_skip_candidates_whose_bigrams_never_meet(ix):
    """Stories holding every bigram of the piece many times, never together, have the best
    bounds; `top_hits` must confirm them away and still return the true hits, best first."""
    decoys = [doc(i, "社区的活动，区活跃。" * 6, title="社区 区活 活动") for i in range(1, 40)]
    hits = [doc(100 + i, "社区活动" + "，开展" * i) for i in range(5)]
    ix.add(decoys + hits)
    ix.commit()
    searcher = ix._searcher
    query = QueryBuilder(searcher.reader()).piece("社区活动")
    best = top_hits(searcher, query, 3, None)
    assert best == searcher.search(query, limit=3).top_n
    stored = searcher.stored_fields
    assert {int(stored(d)[s.ID]) for _s, d in best} <= {h.story_id for h in hits}
    assert len(top_hits(searcher, query, None, None)) == len(hits)
