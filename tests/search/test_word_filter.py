"""The segments' word filters: every word passes, nearly every non-word is turned away, and the
whole-word bonus cuts pieces exactly as asking every segment did."""

from __future__ import annotations

import random
from array import array

from whoosh.filedb.filetables import md5_hash

from viewer.search import schema as s
from viewer.search.build import Lexicon, lexicon_words
from viewer.search.word_filter import build_filter, may_hold
from viewer.text import search_fold


def key_hash(word: str) -> int:
    """What the term dictionary hashes: the field's number, then the term."""
    return md5_hash(b"\x00\x01" + word.encode())


def test_every_term_passes_and_few_others_do():
    words = [f"词{i}" for i in range(20_000)]
    table = build_filter(array("I", map(key_hash, words)))
    assert all(may_hold(table, key_hash(w)) for w in words)
    others = [f"非{i}" for i in range(20_000)]
    passed = sum(may_hold(table, key_hash(w)) for w in others)
    assert passed < len(others) * 0.015  # 12 bits a term, 4 probes: about 0.7 %
    assert not any(may_hold(build_filter(array("I")), key_hash(w)) for w in words[:100])


def test_each_segment_filters_its_word_fields(index):
    reader = index._searcher.reader()
    leaves = [leaf for leaf, _offset in reader.leaf_readers()]
    assert len(leaves) > 1
    seen = 0
    for leaf in leaves:
        for field in (s.BODY_WORDS, s.HEAD_WORDS):
            table = leaf._terms.word_filter(field)
            assert table is not None, field
            terms = list(leaf.lexicon(field))
            assert all(leaf._terms.may_hold(field, t, table) for t in terms)
            # A field the segment lacks (the first batch has no headlines) turns every word away.
            assert bool(table) == bool(terms)
            seen += len(terms)
        assert leaf._terms.word_filter(s.BODY_BIGRAMS) is None  # bigrams are always asked
    assert seen > 1000


def test_the_bonus_cut_is_what_asking_every_segment_gives(index, corpus):
    reader = index._searcher.reader()
    lexicon = Lexicon(reader)
    rng = random.Random(9)
    checked = absent = 0
    for d in rng.sample(corpus, 40):
        text = search_fold(d.body)
        for _ in range(5):
            start = rng.randrange(max(1, len(text) - 8))
            piece = text[start : start + rng.randint(1, 8)]
            for i in range(len(piece)):
                for j in range(i + 1, len(piece) + 1):
                    word = piece[i:j]
                    want = reader.doc_frequency(s.BODY_WORDS, word) or reader.doc_frequency(
                        s.HEAD_WORDS, word
                    )
                    assert lexicon.frequency(word) == want, word
                    checked += 1
                    absent += not want
    assert checked > 1000 and absent > 300
    assert lexicon_words(search_fold("社区党委书记"), reader)  # cut into words the index holds
