"""Teams on a sports page: the names on both sides of `vs`, 对阵 or a score (热那亚vs博洛尼亚,
红星队2比1飞虎队), and a name right before 主场/客场 or after 做客/迎战. A team's name is a
place, a person's name or an unknown word, with 队 after it or not."""

from __future__ import annotations

import re

from viewer.facts import namestats, words
from viewer.facts.orgnames import GLUE_TAGS, STOP_WORDS, is_generic
from viewer.facts.tokens import Tokens

_CJK_RE = re.compile(r"[\u4e00-\u9fff]+")


# Between two teams on a sports page: 热那亚vs博洛尼亚, 国米对阵莱切, 切沃2-1罗马.
# (Written to start with one character class, which `re` scans for quickly; the spaces
# around are taken in by `_spaced`.)
_MATCH_RE = re.compile(
    r"[v对战逼\d](?:(?<=v)(?:s\.?|\.s\.)|(?<=对)阵|(?<=[战逼])平|(?<=\d)\d?\s?[-:比]\s?\d{1,2})"
)
# One team named next to these: 热那亚主场, 做客维冈.
_HOME_RE = re.compile(r"主场|客场|坐镇")
_AWAY_RE = re.compile(r"做客|客场挑战|主场迎战|迎战|主场迎来")
_TEAM_TAGS = frozenset({"ns", "nr", "nrt", "nz", "nt", "j"})


def team_names(work: str, toks: Tokens) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _MATCH_RE.finditer(work):
        start, end = _spaced(work, m.start(), m.end())
        left = _team_before(work, toks, start)
        right = _team_after(work, toks, end)
        if left and right:
            out.extend((left, right))
    for m in _HOME_RE.finditer(work):
        if toks.starting_at(m.start()) is not None:
            left = _team_before(work, toks, m.start())
            if left and _is_club_like(work[left[0] : left[1]]):
                out.append(left)
    for m in _AWAY_RE.finditer(work):
        if toks.ending_at(m.end()) is not None:
            right = _team_after(work, toks, m.end())
            if right and _is_club_like(work[right[0] : right[1]]):
                out.append(right)
    return out


def _spaced(work: str, start: int, end: int) -> tuple[int, int]:
    """The span widened over the white space on both sides."""
    while start and work[start - 1].isspace():
        start -= 1
    while end < len(work) and work[end].isspace():
        end += 1
    return start, end


def _is_club_like(name: str) -> bool:
    """A single place or person word (罗马, 汉诺威) before 主场 is a team; 我们, 球队 are not."""
    return len(name) >= 2 and not is_generic(name)


def _is_team_word(word: str) -> bool:
    if not _CJK_RE.fullmatch(word) or word in STOP_WORDS:
        return False
    freq = words.frequency(word)
    if not freq:
        # 上轮 is no team: an unknown word must not start like a function word.
        return len(word) >= 2 and not (words.tag(word[0]) or "").startswith(GLUE_TAGS)
    return (words.tag(word) or "") in _TEAM_TAGS or (
        namestats.is_transliteration(word) and freq < 50
    )


def _team_before(work: str, toks: Tokens, end: int) -> tuple[int, int] | None:
    j = toks.ending_at(end)
    if j is None:
        return None
    if toks.words[j] == "队" and j > 0:
        j -= 1
    start = None
    k = j
    while k >= 0 and j - k < 3 and _is_team_word(toks.words[k]):
        if start is not None and not _same_name(toks.words[k], toks.words[k + 1]):
            break  # 热刺 | 切尔西: two names side by side are two teams
        start = toks.starts[k]
        k -= 1
    return None if start is None else (start, end)


def _same_name(left: str, right: str) -> bool:
    """Can two words be pieces of one transliterated name (勒沃 + 库森)?"""
    return namestats.is_transliteration(left) and namestats.is_transliteration(right)


def _team_after(work: str, toks: Tokens, start: int) -> tuple[int, int] | None:
    i = toks.starting_at(start)
    if i is None:
        return None
    end = None
    k = i
    while k < len(toks) and k - i < 3 and _is_team_word(toks.words[k]):
        if end is not None and not _same_name(toks.words[k - 1], toks.words[k]):
            break
        end = toks.ends[k]
        k += 1
    if end is not None and k < len(toks) and toks.words[k] == "队":
        end = toks.ends[k]
    return None if end is None else (start, end)
