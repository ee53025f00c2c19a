"""The shared jieba words: offsets, look-ups, and extract_facts reusing the index's words."""

from __future__ import annotations

import re

import pytest

from viewer import segmenter
from viewer.facts import extract_facts
from viewer.facts.tokens import Tokens
from viewer.facts.vocab import trie_pattern
from viewer.text import fold


def test_offsets_and_lookups() -> None:
    toks = Tokens("记者张荣典说", ["记者", "张荣典", "说"])
    assert toks.starts == [0, 2, 5] and toks.ends == [2, 5, 6]
    assert toks.starting_at(2) == 1 and toks.starting_at(3) is None
    assert toks.ending_at(5) == 1 and toks.ending_at(6) == 2 and toks.ending_at(0) is None
    assert toks.at(3) == 1
    assert toks.is_boundary(0) and toks.is_boundary(5) and toks.is_boundary(6)
    assert not toks.is_boundary(4)
    assert toks.window(3, 6) == [(3, 5, "荣典"), (5, 6, "说")]


def test_words_that_do_not_fit_the_text_are_made_again() -> None:
    toks = Tokens("记者张荣典说", ["记者", "张"])
    assert "".join(toks.words) == "记者张荣典说"


def test_empty_text() -> None:
    toks = Tokens("", [])
    assert len(toks) == 0 and toks.ending_at(0) is None and toks.window(0, 3) == []


@pytest.mark.parametrize(
    "body",
    [
        "国务院总理周德明今天主持会议,外长钱立新出席。",
        "本报讯(记者 韩丽萍)北京市公安局通报了案情,涉案金额３，５００元。",
        "",
    ],
)
def test_facts_are_the_same_with_the_index_words(body: str) -> None:
    words = segmenter.cut(fold(body))
    assert extract_facts(body, words=words) == extract_facts(body)


def test_trie_pattern_matches_the_longest_word() -> None:
    pattern = re.compile(trie_pattern(["中", "中心", "中学", "有限公司", "股份有限公司", "a.b"]))
    found = [pattern.match(t).group() for t in ("中心城市", "中学生", "中国")]
    assert found == ["中心", "中学", "中"]
    assert pattern.match("股份有限公司").group() == "股份有限公司"
    assert pattern.match("a.b").group() == "a.b" and pattern.match("axb") is None
    assert pattern.match("有限") is None
