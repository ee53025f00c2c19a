"""Helpers for the generic vocabulary lists of this package (role words, units, suffixes ...)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_list(text: str) -> list[str]:
    """Space-separated words -> list. Long vocabularies stay readable and easy to edit this way."""
    return text.split()


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, longest first, written as a trie.

    Python's `re` tries the branches of `a|b|c` one by one at every position; with a few hundred
    words that dominates the cost. Sharing prefixes (`中(?:心|学)`) lets it fail after one
    character almost everywhere."""
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _node_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if len(branches) == 1:
        body = branches[0]
        grouped = body if len(body) == 1 or _single_atom(body) else f"(?:{body})"
    else:
        # Longer continuations are tried before stopping here, so the longest word wins.
        grouped = "(?:" + "|".join(sorted(branches, key=len, reverse=True)) + ")"
    return f"{grouped}?" if ends_here else grouped


def _single_atom(body: str) -> bool:
    return len(body) == 2 and body[0] == "\\"
