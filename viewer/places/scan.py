"""Finding the gazetteer's divisions (levels 1-4) in running text.

The scan walks the story's jieba words once and looks up each word's first two characters in the
name index (`divisions.Divisions.index`), so it costs about one dict look-up per word:

- an official or former name (贵阳市, 宣武区, 陆家嘴街道) must start where a word starts (or
  right after a character jieba glues to names: 驻|峡窝镇); its suffix must not start another
  word (义乌市场, 朝阳区域), and a two-character name (沙县, 郊区) must be a word of its own;
- a short form (北京, 贵州) must be exactly one word and not a road, station or time (北京路,
  北京时间); a county's short form (海淀) needs more: right after its province or city
  (北京海淀), or a place word (jieba `ns`) in a text that also names the county in full;
- generic names (郊区, 城区) and some township names (马镇, 温泉地区) count only right after a
  place that contains them; a name right after a bigger one keeps only the divisions inside it
  (贵州省贵阳市南明区), and the bigger one only those around it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from viewer.places import vocab
from viewer.places.divisions import Candidate, Divisions, Name

# Characters jieba glues to the start of a name (驻峡|窝镇): a name may start right after one.
_GLUE = vocab.GLUED_LEAD_CHARS
_ROAD_CHARS = frozenset("路街巷")
_ROAD_ENDS = frozenset("路街巷道")


@dataclass
class Match:
    """A division mention before its candidates are settled."""

    start: int
    end: int
    candidates: list[Candidate]
    parent: int | None = None  # index (in the match list) of the place stated right before
    needs_support: set[str] = field(default_factory=set)  # county short forms: see module doc


@dataclass
class Words:
    """A text's jieba words as offsets: where each starts and ends, and every boundary."""

    starts: list[int]
    ends: list[int]
    bounds: set[int]  # every start, plus the end of the text

    @classmethod
    def of(cls, words: Sequence[str]) -> Words:
        ends = list(accumulate(map(len, words)))
        starts = [0, *ends[:-1]] if ends else []
        return cls(starts, ends, {*starts, ends[-1] if ends else 0})


def scan(
    text: str, words: Sequence[str], spans: Words, divisions: Divisions, tags: dict[str, str]
) -> list[Match]:
    """Non-overlapping division mentions in text order (see the module docstring)."""
    n = len(text)
    get = divisions.index.get
    bounds = spans.bounds
    found: list[Match] = []
    last_end = 0
    for s, e, word in zip(spans.starts, spans.ends, words, strict=True):
        if s < last_end:
            continue
        names = get(text[s : s + 2])
        match = None
        if names is not None:
            match = _match_at(text, s, e, names, spans, tags, word)
        if match is None and e - s >= 2 and text[s] in _GLUE:
            names = get(text[s + 1 : s + 3])
            if names is not None:
                match = _match_at(text, s + 1, e, names, spans, tags, None)
        while match is not None:
            found.append(match)
            last_end = match.end
            if match.end >= n or match.end in bounds:
                break
            # A name that ends inside a jieba word may run on into the next one in the same
            # word (上海市浦东新区 is one word).
            names = get(text[last_end : last_end + 2])
            match = None
            if names is not None:
                match = _match_at(text, last_end, last_end, names, spans, tags, None)
    return found


def _match_at(
    text: str,
    at: int,
    word_end: int,
    names: tuple[Name, ...],
    spans: Words,
    tags: dict[str, str],
    word: str | None,
) -> Match | None:
    """The longest acceptable name of `names` (those starting with text[at:at+2]) at `at`.
    `word` is the jieba word starting there (None when `at` is inside a word), `word_end` where
    that word ends."""
    bounds = spans.bounds
    for name in names:
        end = at + len(name.text)
        if not text.startswith(name.text, at):
            continue
        full = [c for c in name.candidates if not c.short]
        short = [c for c in name.candidates if c.short]
        if full and _full_name_ends(text, at, end, bounds):
            if end - at == 2 and at > 0 and text[at - 1] in vocab.COUNTY_NOT_AFTER:
                # 市和县, 省市县: 和县 only if the city before it contains 和县
                full = [c._replace(after_parent=True) for c in full]
            return Match(at, end, full)
        if not short or word is None:
            continue
        if end != word_end:
            rest = word[len(name.text) :]
            designation = next((d for d in vocab.SHORT_FORM_DESIGNATIONS if rest.startswith(d)), "")
            if not designation or any(c.level > 2 for c in short):
                continue
            end += len(designation)  # 香港特区(政府), 台湾地区: one word
        elif _road_or_time_after(text, end, bounds):
            continue
        if name.risky:
            # A common word (和平, 新华) names a county only right after its city.
            return Match(at, end, [c._replace(after_parent=True) for c in short])
        usable = [c for c in short if c.level <= 2]
        county = [c for c in short if c.level == 3]
        need = set()
        if county:
            if tags.get(name.text) == "ns":
                need = {c.code for c in county}  # kept if the text names it in full
            else:  # only right after its province or city
                county = [c._replace(after_parent=True) for c in county]
        return Match(at, end, usable + county, needs_support=need)
    return None


def _full_name_ends(text: str, at: int, end: int, bounds: set[int]) -> bool:
    if at not in bounds and at > 0 and text[at - 1] not in _GLUE and not _after_name(text, at):
        return False
    if end - at == 2:
        # A two-character name (沙县, 芒市, 郊区) must be a word of its own.
        return at in bounds and end in bounds and at + 1 not in bounds
    if end in bounds:
        return True
    if text[end - 1 : end + 1] in vocab.NOT_SUFFIX_STARTS:
        return False  # 义乌市场, 朝阳区域: the suffix starts another word
    # jieba often glues a suffix to what follows (方岩|镇下|宅村): the name stands unless a
    # village's or community's name runs on from it (某某镇村 is a village).
    return not text.startswith(("村", "社区"), end)


def _after_name(text: str, at: int) -> bool:
    """`at` follows an administrative suffix (a chained name inside one jieba word)."""
    return text[at - 1] in "省市区县州盟旗"


def _road_or_time_after(text: str, end: int, bounds: set[int]) -> bool:
    """北京路, 朝阳|东路, 北京|时间: the short form names a road, a building or a time."""
    if end < len(text) and text[end] in _ROAD_CHARS:
        return True
    stop = min(len(text), end + 4)
    after = next((i for i in range(end + 1, stop + 1) if i in bounds), None)
    if after is None:
        return False
    word = text[end:after]
    return word in vocab.SHORT_FORM_NOT_BEFORE or (len(word) <= 3 and word[-1] in _ROAD_ENDS)


def settle(found: list[Match], text: str, divisions: Divisions) -> list[Match]:
    """Apply adjacency (a name right after a bigger one keeps only the divisions inside it, and
    the bigger one only those around it) and drop what lacks the evidence it needs."""
    kept: list[Match] = []
    for match in found:
        prev = kept[-1] if kept else None
        if prev is not None and _adjacent(text, prev.end, match.start):
            inside = [
                c
                for c in match.candidates
                if any(divisions.contains(p.code, c.code) for p in prev.candidates)
            ]
            if inside:
                match.candidates = inside
                match.parent = len(kept) - 1
                match.needs_support = set()
                around = [
                    p
                    for p in prev.candidates
                    if any(divisions.contains(p.code, c.code) for c in inside)
                ]
                prev.candidates = around
                kept.append(match)
                continue
        match.candidates = [c for c in match.candidates if not c.after_parent]
        if prev is not None and _adjacent(text, prev.end, match.start):
            # Right after a place it is not in: 青海省大通县 is not 淮南's 大通区 renamed.
            match.candidates = [c for c in match.candidates if not c.guess]
        if match.candidates:
            kept.append(match)
    named = {c.code for m in kept for c in m.candidates if not m.needs_support}
    out = []
    for match in kept:
        if match.needs_support:
            supported = [
                c for c in match.candidates if c.code not in match.needs_support or c.code in named
            ]
            if not supported:
                continue
            match.candidates = supported
        out.append(match)
    if len(out) != len(kept):  # parents index into `kept`; re-point them
        position = {id(m): i for i, m in enumerate(out)}
        for match in out:
            if match.parent is not None:
                match.parent = position.get(id(kept[match.parent]))
    return out


def _adjacent(text: str, end: int, start: int) -> bool:
    return end == start or (start - end <= 1 and text[end:start].isspace())
