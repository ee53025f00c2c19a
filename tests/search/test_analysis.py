"""The two analyses: fast posting builders agree with the whoosh tokenizers; pickling."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.formats import Characters, Positions

from viewer.search.analysis import (
    RUN_GAP,
    BigramTokenizer,
    WordTokenizer,
    bigram_items,
    bigram_postings,
    word_items,
    word_postings,
)
from viewer.search.schema import make_schema
from viewer.text import fold

TEXTS = st.text(
    alphabet=st.sampled_from(
        list("社区居民工作党建引领“”，。、：（）()2020ＡＢＣabc１９９８年二〇 \n\t\u3000\x1c-.%…")
    ),
    max_size=80,
)


def as_dict(items):
    return {term: (freq, weight, value) for term, freq, weight, value in items}


@settings(deadline=None)
@given(TEXTS)
def test_bigram_items_equal_the_whoosh_tokenizer_path(text):
    expected = Positions().word_values(text, BigramTokenizer(), mode="index")
    assert as_dict(bigram_items(text)) == {t.encode(): tuple(rest) for t, *rest in expected}


@settings(deadline=None)
@given(TEXTS)
def test_word_items_equal_the_whoosh_tokenizer_path(text):
    expected = Characters().word_values(text, WordTokenizer(), mode="index")
    assert as_dict(word_items(text)) == {t.encode(): tuple(rest) for t, *rest in expected}


def test_bigrams_overlap_and_runs_end_with_their_last_character():
    assert bigram_postings("社区工作") == {"社区": [0], "区工": [1], "工作": [2], "作": [3]}
    # whitespace breaks runs; the next run starts RUN_GAP positions later
    postings = bigram_postings("a1 b")
    assert postings == {"a1": [0], "1": [1], "b": [2 + RUN_GAP]}


def test_text_is_folded_before_analysis():
    assert bigram_postings("ＡＢＣ２０") == bigram_postings("abc20")
    assert set(word_postings("ＡＢＣ２０２０年")) == set(word_postings("abc2020年"))


def test_word_positions_count_whitespace_and_offsets_point_into_the_text():
    text = "社区 工作，居民"
    postings = word_postings(text)
    assert " " not in postings
    for word, entries in postings.items():
        for _pos, start, end in entries:
            assert fold(text)[start:end] == word
    (pos_a, *_), (pos_b, *_) = postings["社区"][0], postings["工作"][0]
    assert pos_b == pos_a + 2  # the space took a position: no phrase spans it


def test_schema_pickles_without_jieba():
    data = pickle.dumps(make_schema())
    assert b"jieba" not in data
    assert len(data) < 10_000
    schema = pickle.loads(data)
    tokens = [t.text for t in schema["body_w"].analyzer("居民工作", mode="index")]
    assert "".join(tokens) == "居民工作"


def test_shared_words_give_the_same_postings_as_segmenting_again():
    from viewer import segmenter
    from viewer.search import IndexDoc, prepare
    from viewer.text import fold

    body = "２０２０年，某某县城关镇开展志愿服务活动，居民王小明说：“很好。”"
    doc = IndexDoc(
        story_id=1, title="标题", kicker="", subtitle="", body=body, kind="article", date=""
    )
    shared = prepare(doc, body_words=segmenter.cut(fold(body)))
    assert shared.fields == prepare(doc).fields
    # The shared words are really used: other words give other postings.
    other = prepare(doc, body_words=list(fold(body)))
    assert other.fields != shared.fields
