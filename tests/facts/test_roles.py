"""Roles found on jieba's words: prefixes, joined roles, split titles, titles inside words."""

from __future__ import annotations

from viewer import segmenter
from viewer.facts.roles import find_roles
from viewer.facts.tokens import Tokens


def roles(text: str) -> list[tuple[str, bool]]:
    toks = Tokens(text, segmenter.cut(text))
    return [(text[a:b], weak) for a, b, weak in find_roles(toks)]


def test_prefixes_and_modifiers_belong_to_the_role() -> None:
    assert roles("村党支部书记") == [("村党支部书记", False)]
    assert roles("副局长") == [("副局长", False)]


def test_joined_roles_are_one() -> None:
    assert roles("社区党委书记、居委会主任") == [("社区党委书记、居委会主任", False)]


def test_groups_are_weak_titles() -> None:
    assert roles("村民") == [("村民", True)]


def test_a_title_inside_a_longer_word_is_no_title() -> None:
    assert roles("书记处的同志在主席台上") == []
