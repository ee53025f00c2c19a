"""Word-level help for facts: jieba's dictionary (frequencies, part-of-speech tags) and
segmentation of small windows.

The story's own words come from the caller (`tokens.Tokens`, segmented once for the index and
the facts); `words_in` is for the few rules that need a short stretch segmented on its own.
"""

from __future__ import annotations

import warnings
from functools import cache

# jieba imports pkg_resources, which new setuptools flags with a UserWarning on first import; the
# test suite turns warnings into errors, so import it once here with that one warning silenced.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    import jieba.posseg

from viewer import segmenter


def words_in(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Words of text[start:end] as (absolute start, absolute end, word)."""
    start = max(0, start)
    end = min(len(text), end)
    out: list[tuple[int, int, str]] = []
    pos = start
    for word in segmenter.cut(text[start:end]):
        out.append((pos, pos + len(word), word))
        pos += len(word)
    return out


@cache
def _tables() -> tuple[dict[str, int], dict[str, str]]:
    """jieba's word frequencies and part-of-speech tags (loaded once, on first use)."""
    return segmenter.tokenizer().FREQ, jieba.posseg.dt.word_tag_tab


def tag(word: str) -> str | None:
    """jieba's part-of-speech tag for a dictionary word (n, v, ns, nr ...), None if unknown."""
    return _tables()[1].get(word)


def frequency(word: str) -> int:
    """Dictionary frequency of `word` (0 when it is not a dictionary word)."""
    return _tables()[0].get(word) or 0


def is_common_word(word: str, minimum: int = 20) -> bool:
    """An everyday dictionary word that jieba does not tag as a name (马上, 方面, 高兴)."""
    if frequency(word) < minimum:
        return False
    return not (tag(word) or "").startswith("nr")


def is_everyday_word(word: str) -> bool:
    """Like `is_common_word`, but also plain words that jieba tags as names: 文明, 高峰 and
    连心桥 are "nr" yet frequent. Rare "nr" entries (real people) stay possible names."""
    if is_common_word(word):
        return True
    word_tag = tag(word) or ""
    if word_tag != "nr":
        return False
    return frequency(word) >= (_NAME_TAGGED_3 if len(word) >= 3 else _NAME_TAGGED_2)


# Above these counts an "nr" dictionary entry is an ordinary word rather than someone's name.
_NAME_TAGGED_2 = 1000
_NAME_TAGGED_3 = 100
