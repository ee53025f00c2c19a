"""Section heads or stories: deciding the headlines `starts.py` found no evidence for.

A headline inside an open story with nothing before or after it that says "new story" is still a
story unless it looks like a section head, and section heads come in families: numbered (`一、`,
`（二）`), or two or more built alike (the same number of phrases, each about as long) in one
story. A family is the story's sections when a byline closes the story after the last of them,
or, on a page whose stories mostly end with bylines, when they are short phrases beside a longer
headline (`党群服务中心`, `爱心食堂`). A short headline on its own is a story: a third of real
headlines have nine characters or fewer.
"""

from __future__ import annotations

import bisect
import re

from viewer.ingest import lines as ln

NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d))"
)
_TEXT = (ln.BODY, ln.HEAD, ln.NOTE)  # a HEAD line that is not a heading is a row or lead-in
_SEPARATED = re.compile(r"[\s\u3000,，、:：;；]")


def decide_pending(
    lines: list[ln.Line],
    heading: list[bool],
    starts: list[bool],
    closes: list[bool],
    pending: list[int],
) -> None:
    """Mark in `starts` the pending headlines that open stories; the rest are section heads."""
    story_starts = [i for i, s in enumerate(starts) if s]
    # Short heads inside an unsigned story are sections only on a page that signs its stories:
    # there an unsigned stretch is more likely one story than several.
    signed = 2 * sum(closes) >= len(story_starts)
    by_story: dict[int, list[int]] = {}
    for i in pending:
        by_story.setdefault(bisect.bisect_right(story_starts, i), []).append(i)
    for heads in by_story.values():
        # A story with numbered sections has sections: its other heads are sections too.
        if any(NUMBERED.match(lines[i].text) for i in heads):
            continue
        for family in _families(lines, heads):
            if not _sections(lines, heading, starts, closes, family, signed):
                for i in family:
                    # A headline needs text under it: a slogan closing a story
                    # (`众志成城 共克时艰` above its byline) heads nothing.
                    starts[i] = _text_below(lines, heading, starts, i)


def _text_below(lines: list[ln.Line], heading: list[bool], starts: list[bool], i: int) -> bool:
    k = i + 1
    while k < len(lines) and not (heading[k] or starts[k]):
        if lines[k].kind in _TEXT:
            return True
        k += 1
    return False


def _families(lines: list[ln.Line], heads: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for i in heads:
        if out and _alike(lines[out[-1][-1]].text, lines[i].text):
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _alike(a: str, b: str) -> bool:
    """Two heads of one family: numbered both, or built alike: as many phrases, each of about
    the same length (`畅通“一条路”，激活治理新动力` / `念好“三字诀”，提升服务新能力`)."""
    if NUMBERED.match(a) and NUMBERED.match(b):
        return True
    pa, pb = _phrases(a), _phrases(b)
    if len(pa) != len(pb):
        return False
    return all(abs(x - y) <= max(1, min(x, y) // 3) for x, y in zip(pa, pb, strict=True))


def _phrases(text: str) -> list[int]:
    return [ln.visible_length(p) for p in _SEPARATED.split(text) if p]


def _sections(
    lines: list[ln.Line],
    heading: list[bool],
    starts: list[bool],
    closes: list[bool],
    family: list[int],
    signed: bool,
) -> bool:
    if len(family) < 2:
        return False
    # Closed by a byline after the last of them, before any other headline.
    k = family[-1] + 1
    while k < len(lines) and not (heading[k] or starts[k]):
        if closes[k]:
            return True
        k += 1
    texts = [lines[i].text for i in family]
    longest = max(ln.visible_length(t) for t in texts)
    headline = _headline_length(lines, heading, starts, family[0])
    return signed and all(ln.is_minor_head(t) for t in texts) and headline > longest


def _headline_length(lines: list[ln.Line], heading: list[bool], starts: list[bool], i: int) -> int:
    """How long the headline of the story line `i` sits in is (its longest heading line)."""
    k = i - 1
    while k > 0 and not starts[k]:
        k -= 1
    longest = 0
    while k < i and heading[k]:
        longest = max(longest, ln.visible_length(lines[k].text))
        k += 1
    return longest
