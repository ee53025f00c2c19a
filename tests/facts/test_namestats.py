"""Name statistics from jieba's tables: names score above everyday words."""

from __future__ import annotations

import pytest

from viewer.facts import namestats


@pytest.mark.parametrize(
    ("name", "word"),
    [("李永春", "高兴"), ("龚强华", "方向"), ("曹鹏飞", "马上"), ("邝志远", "王国")],
)
def test_names_score_above_words(name: str, word: str) -> None:
    assert namestats.chinese_score(name) > namestats.chinese_score(word)


def test_no_surname_no_chinese_score() -> None:
    assert namestats.chinese_score("哈哈") is None
    assert namestats.chinese_score("李") is None
    assert namestats.chinese_score("欧阳晓峰") is not None


def test_transliteration() -> None:
    assert namestats.is_transliteration("穆里尼奥")
    assert not namestats.is_transliteration("周德明")
