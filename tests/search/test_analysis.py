"""The two analyses: fast posting builders agree with the whoosh tokenizers; pickling."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.search.analysis import (
    RUN_GAP,
    BigramTokenizer,
    CompactPositions,
    WordCounts,
    WordTokenizer,
    bigram_items,
    bigram_postings,
    decode_positions,
    encode_positions,
    word_counts,
    word_items,
)
from viewer.search.schema import make_schema
from viewer.text import fold, to_simplified

TEXTS = st.text(
    alphabet=st.sampled_from(
        list("社区居民工作党建引领“”，。、：（）()2020ＡＢＣabc１９９８年二〇 \n\t\u3000\x1c-.%…")
        + list("經濟发展發社區")  # traditional characters and their simplified forms
    ),
    max_size=80,
)


def as_dict(items):
    return {term: (freq, weight, value) for term, freq, weight, value in items}


@settings(deadline=None)
@given(TEXTS)
def test_bigram_items_equal_the_whoosh_tokenizer_path(text):
    expected = CompactPositions().word_values(text, BigramTokenizer(), mode="index")
    assert as_dict(bigram_items(text)) == {t.encode(): tuple(rest) for t, *rest in expected}


@settings(deadline=None)
@given(TEXTS)
def test_word_items_equal_the_whoosh_tokenizer_path(text):
    expected = WordCounts().word_values(text, WordTokenizer(), mode="index")
    assert as_dict(word_items(text)) == {t.encode(): tuple(rest) for t, *rest in expected}


def test_bigrams_overlap_and_runs_end_with_their_last_character():
    assert bigram_postings("社区工作") == {"社区": [0], "区工": [1], "工作": [2], "作": [3]}
    # whitespace breaks runs; the next run starts RUN_GAP positions later
    postings = bigram_postings("a1 b")
    assert postings == {"a1": [0], "1": [1], "b": [2 + RUN_GAP]}


def test_text_is_folded_before_analysis():
    assert bigram_postings("ＡＢＣ２０") == bigram_postings("abc20")
    assert word_counts("ＡＢＣ２０２０年") == word_counts("abc2020年")


def test_traditional_characters_are_indexed_as_simplified_ones():
    assert bigram_postings("社區經濟") == bigram_postings("社区经济")
    # jieba cuts the text as written; each word is then folded, one character for one.
    words = word_counts("社區經濟發展")
    assert words and all(word == to_simplified(word) for word in words)
    assert sum(map(len, words.elements())) == len("社區經濟發展")


def test_words_are_counted_and_whitespace_is_not_a_word():
    counts = word_counts("社区 工作，社区\n居民")
    assert counts["社区"] == 2 and counts["工作"] == 1
    assert not [word for word in counts if word.isspace()]


@given(st.lists(st.integers(0, 2**40), min_size=1, max_size=30).map(sorted))
def test_positions_round_trip_through_the_compact_encoding(positions):
    assert decode_positions(encode_positions(positions)) == positions


def test_compact_positions_take_one_byte_each_while_small():
    assert len(encode_positions([3, 10, 200])) == 1 + 3
    assert len(encode_positions([3, 70_000])) == 1 + 2 * 4


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

    body = "２０２０年，某某县城关镇开展志愿服务活动，居民王小明说：“很好。”"
    doc = IndexDoc(
        story_id=1, title="标题", kicker="", subtitle="", body=body, kind="article", date=""
    )
    shared = prepare(doc, body_words=segmenter.cut(fold(body)))
    assert shared.fields == prepare(doc).fields
    # The shared words are really used: other words give other postings.
    other = prepare(doc, body_words=list(fold(body)))
    assert other.fields != shared.fields
