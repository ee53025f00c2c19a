"""Result snippets: the densest window of hits in a story body, with every hit marked.

Finds the hits as a plain string search on `search_fold()`ed text would (it keeps offsets: 經濟
is found as 经济 exactly where it stands), so it needs no index access and no re-analysis:
microseconds per story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from viewer.text import CJK_RE, folded_from, search_fold

ELLIPSIS = "…"
# A window may start right after one of these if that stays before the first hit.
_SNAP_AFTER = "\n。！？!?；;"
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def _needles(literals: Sequence[str]) -> list[str]:
    pieces = {piece for literal in literals for piece in search_fold(literal).split()}
    return sorted(pieces, key=len, reverse=True)


def find_all(folded: str, needles: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence, overlapping ones included, sorted."""
    found: set[tuple[int, int]] = set()
    for needle in needles:
        size = len(needle)
        pos = folded.find(needle)
        while pos >= 0:
            found.add((pos, pos + size))
            pos = folded.find(needle, pos + 1)
    return sorted(found)


_IDEOGRAPHS = re.compile(f"(?:{CJK_RE.pattern})+")


@lru_cache(maxsize=256)
def _as_written(needle: str) -> re.Pattern[str]:
    """Where `needle` (ideographs, folded) starts in unfolded text: at each place, the character
    or any that folds to it ([经經][济濟]); a lookahead, so overlapping occurrences count too."""
    sources = folded_from()
    classes = "".join(f"[{char}{sources[char]}]" if char in sources else char for char in needle)
    return re.compile(f"(?=({classes}))")


def find_folded(body: str, needles: Sequence[str]) -> list[tuple[int, int]]:
    """`find_all(search_fold(body), needles)` (needles already folded). Needles of ideographs
    only, the usual query, are found in the body as written: only ideographs fold to ideographs,
    and the body's 750 characters need not be folded (45 µs a story; 10 ms for a list of 200)."""
    if not all(_IDEOGRAPHS.fullmatch(needle) for needle in needles):
        return find_all(search_fold(body), needles)
    found: set[tuple[int, int]] = set()
    for needle in needles:
        found.update(m.span(1) for m in _as_written(needle).finditer(body))
    return sorted(found)


def _best_window(hits: list[tuple[int, int]], length: int, inner: int) -> int:
    """Start of the `inner`-wide window holding the most hits, the cluster centred in it."""
    best_i = 0
    best_count = 0
    j = 0
    for i, (start, _end) in enumerate(hits):
        j = max(j, i)
        while j < len(hits) and hits[j][1] <= start + inner:
            j += 1
        if j - i > best_count:
            best_i, best_count = i, j - i
    first = hits[best_i][0]
    last = max((end for _start, end in hits[best_i : best_i + best_count]), default=first)
    slack = max(0, inner - (last - first))
    window = min(max(0, first - slack // 2), max(0, length - inner))
    return min(window, first)


def _snap(body: str, window: int, first_hit: int) -> int:
    """Start at a paragraph or sentence boundary when one lies between window and hit."""
    cut = max(body.rfind(char, window, first_hit) for char in _SNAP_AFTER)
    return cut + 1 if cut >= 0 else window


def make_snippet(
    body: str, literals: Sequence[str], width: int = 80
) -> tuple[str, list[tuple[int, int]]]:
    """At most `width` characters of `body` around the densest cluster of literal hits ("…"
    where cut, line breaks shown as spaces) and the (start, end) of every occurrence of every
    literal inside the returned text. Without hits: the opening of the body."""
    width = max(width, 8)
    needles = _needles(literals)
    every = find_folded(body, needles)
    start = 0
    hits = every if len(body) > width else []
    if hits:
        start = _best_window(hits, len(body), width - 2)  # room for an ellipsis on each side
        start = _snap(body, start, _first_at(hits, start))
    room = width - (1 if start > 0 else 0)
    end = len(body) if len(body) - start <= room else start + room - 1
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(body) else ""
    text = body[start:end].translate(_LINE_BREAKS)
    offset = len(prefix)
    shift = offset - start
    marks = [(a + shift, b + shift) for a, b in every if start <= a and b <= end]
    return prefix + text + suffix, marks


def _first_at(hits: list[tuple[int, int]], start: int) -> int:
    return next((a for a, _b in hits if a >= start), start)
