"""The story's jieba words with their offsets, shared by the people and organisation rules.

jieba runs once per story (the search index needs the same words); the facts reuse them. The
words are those of `fold(body)`; the working text differs only by ，→、, which jieba splits the
same way, so the offsets hold there too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from viewer import segmenter


class Tokens:
    """Words of a text with start/end offsets, dictionary frequency and part-of-speech tag."""

    __slots__ = ("_index_of_start", "ends", "starts", "text", "words")

    def __init__(self, text: str, words: Sequence[str] | None = None) -> None:
        if words is None or sum(map(len, words)) != len(text):
            words = segmenter.cut(text)
        self.text = text
        self.words = words if isinstance(words, list) else list(words)
        bounds = list(accumulate(map(len, self.words), initial=0))
        self.starts = bounds[:-1]
        self.ends = bounds[1:]
        self._index_of_start = {start: i for i, start in enumerate(self.starts)}

    def __len__(self) -> int:
        return len(self.words)

    def starting_at(self, pos: int) -> int | None:
        """Index of the word that starts at `pos`, or None when `pos` is inside a word."""
        return self._index_of_start.get(pos)

    def ending_at(self, pos: int) -> int | None:
        """Index of the word that ends at `pos`, or None when `pos` is inside a word."""
        if pos == len(self.text) and self.words:
            return len(self.words) - 1
        i = self._index_of_start.get(pos)
        return None if not i else i - 1

    def at(self, pos: int) -> int:
        """Index of the word containing character `pos`."""
        return bisect_right(self.starts, pos) - 1

    def is_boundary(self, pos: int) -> bool:
        return pos in self._index_of_start or pos == len(self.text)

    def window(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, word) of the words overlapping text[start:end], cut to that range."""
        start = max(0, start)
        end = min(len(self.text), end)
        if start >= end:
            return []
        i = self.at(start)
        j = self.at(end - 1)
        starts, ends, words = self.starts, self.ends, self.words
        out = [(starts[k], ends[k], words[k]) for k in range(i, j + 1)]
        if starts[i] < start:
            out[0] = (start, out[0][1], self.text[start : out[0][1]])
        if ends[j] > end:
            a = out[-1][0]
            out[-1] = (a, end, self.text[a:end])
        return out
