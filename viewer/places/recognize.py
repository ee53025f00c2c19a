"""Recognising place names in running text: the gazetteer's divisions, then communities and
villages by their suffix.

Provinces down to streets, towns and townships come only from the gazetteer (`scan`): a name
that looks like a place but is no division (贫困地区, 北京军区, 广大市) never becomes one.
Communities (社区) and villages (村), which the gazetteer cannot list completely, are still
recognised by their suffix: a cheap regex finds every suffix, and the name is grown leftwards
over the story's jieba words until a word that cannot be part of a name (punctuation, a
preposition, a verb, a time word, a role noun, the end of the previous place). Such a name is
unverified (no codes). A place that ends exactly where the next one starts is stated to contain
it: 甲街道乙社区, 贵州省贵阳市.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import threading
from collections.abc import Sequence

from viewer import segmenter
from viewer.model import PlaceMention
from viewer.places import divisions, scan, vocab
from viewer.text import CJK_RE, fold

_SUFFIX_RE = re.compile(r"社区|村")
# A building number after a 新村: 12幢, 5-11-885, 6区12栋.
_BUILDING_RE = re.compile(r"[0-9０-９一二三四五六七八九十百零〇]+(?:幢|栋|单元|区|号楼|[-－])")
# How far left of a suffix a name may start: the longest name (6) plus some slack.
_WINDOW_LEFT = 10

_tag_lock = threading.Lock()
_tag_table: dict[str, str] | None = None


def _tags() -> dict[str, str]:
    """jieba's word -> part-of-speech table; importing jieba.posseg costs ~0.3 s, so lazily."""
    global _tag_table
    if _tag_table is None:
        with _tag_lock:
            if _tag_table is None:
                segmenter.tokenizer()  # posseg must share the configured tokenizer
                import jieba.posseg

                _tag_table = jieba.posseg.dt.word_tag_tab
    return _tag_table


def _is_cjk_word(word: str) -> bool:
    return all(CJK_RE.match(ch) for ch in word)


def find_places(text: str, words: Sequence[str] | None = None) -> list[PlaceMention]:
    """Every place named in `text`, non-overlapping, in order.

    `words` are jieba's words of `fold(text)` (`viewer.segmenter.cut`), shared with the search
    index and the facts; they are computed here when not given. A division's mention carries its
    candidate codes and canonical name (北京 -> 北京市); `text[m.start:m.end]` is its surface."""
    if words is None:
        words = segmenter.cut(fold(text))
    div = divisions.load()
    spans = scan.Words.of(words)
    matches = scan.settle(scan.scan(text, words, spans, div, _tags()), text, div)
    found = _add_grown(text, spans, _divisions(matches, div))
    # A community's name written without its suffix (朝阳社区 ... 朝阳文化) is the community
    # again, not the division the short form would name.
    cores = {m.name[:-2] if m.kind == "community" else m.name[:-1] for m in found if not m.codes}
    if cores:
        kept = [m for m in found if not (m.codes and _surface(text, m) in cores)]
        if len(kept) < len(found):
            found = _without_dropped_parents(kept)
    return found


def _without_dropped_parents(found: list[PlaceMention]) -> list[PlaceMention]:
    """A parent is stated only by the mention right before: once that one is dropped (北京 in
    北京北京村), the next one states none."""
    out: list[PlaceMention] = []
    for m in found:
        prev = out[-1] if out else None
        if m.parent is not None and (prev is None or (prev.name, prev.kind) != m.parent):
            m = dataclasses.replace(m, parent=None)
        out.append(m)
    return out


def _surface(text: str, m: PlaceMention) -> str | None:
    """How the text writes a division when it is a short form (北京 for 北京市), else None."""
    written = text[m.start : m.end]
    return None if written == m.name else written


def _divisions(matches: list[scan.Match], div: divisions.Divisions) -> list[PlaceMention]:
    """One mention per match: the place (name, kind) its candidates agree on, preferring the
    higher level when a short form names several (吉林: the province before the city)."""
    out: list[PlaceMention] = []
    for match in matches:
        groups: dict[tuple[str, str], list[str]] = {}
        for candidate in match.candidates:
            groups.setdefault(div.key(candidate.code), []).append(candidate.code)
        key = min(groups, key=lambda k: (div.level(groups[k][0]), -len(groups[k]), k))
        parent = None
        if match.parent is not None:
            up = out[match.parent]
            parent = (up.name, up.kind)
        codes = divisions.sorted_codes(groups[key])
        out.append(
            PlaceMention(key[0], key[1], match.start, match.end, parent, codes, div.level(codes[0]))
        )
    return out


def _add_grown(text: str, words: scan.Words, known: list[PlaceMention]) -> list[PlaceMention]:
    """`known` (the divisions) plus the communities and villages grown from their suffixes."""
    found: list[PlaceMention] = []
    pending = iter(known)
    upcoming = next(pending, None)
    for match in _SUFFIX_RE.finditer(text):
        s, e = match.span()
        while upcoming is not None and upcoming.start < e:
            found.append(upcoming)
            upcoming = next(pending, None)
        suffix = match.group()
        kind = "community" if suffix == "社区" else "village"
        prev = found[-1] if found else None
        lo = prev.end if prev else 0
        if s < lo:
            continue  # inside a division's name (张村镇)
        if prev is not None and _absorbs_previous(prev, s, suffix):
            # 甲村社区 is one community.
            found[-1] = PlaceMention(text[prev.start : e], kind, prev.start, e, prev.parent)
            continue
        after_place = prev is not None and bool(prev.codes)
        start = _name_start(text, s, e, kind, lo, words, after_place)
        if start is None or (text.endswith("新村", 0, e) and _BUILDING_RE.match(text, e)):
            continue  # 某某新村12幢3单元: a housing estate, not a village
        parent = None
        if prev is not None and prev.end == start and prev.level < 5:
            parent = (prev.name, prev.kind)
        found.append(PlaceMention(text[start:e], kind, start, e, parent))
    if upcoming is not None:
        found.append(upcoming)
    found.extend(pending)
    return found


def _absorbs_previous(prev: PlaceMention, s: int, suffix: str) -> bool:
    return suffix == "社区" and prev.end == s and prev.kind == "village" and not prev.codes


def _name_start(
    text: str,
    s: int,
    e: int,
    kind: str,
    lo: int,
    words: scan.Words,
    after_place: bool,
) -> int | None:
    """Where the name ending in the suffix at text[s:e] starts, or None if it is no place.
    `after_place`: `lo` is where a division the gazetteer knows ends."""
    starts, ends = words.starts, words.ends
    before = text[s - 1] if s > lo else ""
    if not before or not CJK_RE.match(before) or before in vocab.QUICK_STOP_CHARS:
        return None  # the common case (在社区, 。社区, 各社区) costs nothing
    one_char = e - s == 1
    if one_char and text[s - 1 : e] in vocab.NEVER_NAME_ENDINGS:
        return None
    at = bisect.bisect_right(starts, s) - 1
    ws, we = starts[at], ends[at]
    parts: list[tuple[str, bool]] = []  # (word, is_fragment) right to left
    if ws < s:
        if we != e:
            return None  # the suffix is buried in a word: 城市化, 村民
        if text[ws:we] in vocab.GENERIC_WORDS:
            return None
        parts.append((text[max(ws, lo) : s], True))
    elif one_char and we > e:
        if text[s : s + 2] in vocab.NOT_SUFFIX_STARTS or _tags().get(text[ws:we]) == "ns":
            return None  # 村庄, 村镇: the character starts another word
        if text[s : s + 2] in vocab.TITLES and text[s - 1] in vocab.SURNAMES:
            return None  # 王村长: a person addressed by title
    floor = max(lo, s - _WINDOW_LEFT)
    for i in range(at - 1, -1, -1):
        ps, pe = starts[i], ends[i]
        if pe <= floor:
            break
        parts.append((text[max(ps, floor) : pe], ps < floor))
    core = _grow_core(parts, kind)
    if core is None:
        return None
    start = s - len(core)
    if after_place and start - lo == 1 and text[lo] in vocab.NAME_LEAD_CHARS:
        start = lo  # 某某街道下沈村: right after a place, 下 starts the village's name
    return start


def _grow_core(parts: list[tuple[str, bool]], kind: str) -> str | None:
    """Join words (given right to left) into the name before the suffix, or None."""
    tags = _tags()
    limit = vocab.MAX_CORE[kind]
    taken: list[str] = []  # right to left
    size = 0
    for index, (word, fragment) in enumerate(parts):
        if not word:
            continue
        keep, stop = _judge(word, fragment, taken, kind, tags)
        if not keep and not taken and _lone_verb_name(parts, index):
            keep, stop = len(word), True
        if keep and size + keep <= limit:
            taken.append(word[len(word) - keep :])
            size += keep
        else:
            stop = True
        if stop:
            break
    if (
        len(taken) >= 2
        and len(taken[0]) == 1
        and tags.get(taken[0]) in vocab.VERB_TAGS
        and len(taken[1]) >= 2
        and tags.get(taken[1]) in vocab.NOUN_TAGS
    ):
        return None  # a slogan, noun + verb + suffix: 产业兴村, 科技强镇
    return _check_core(list(reversed(taken)), kind)


def _lone_verb_name(parts: list[tuple[str, bool]], index: int) -> bool:
    """胜利街道, 前进村: a classic name verb alone before the suffix is its name when nothing
    could join it on the left (a boundary, a preposition, 家住 ...)."""
    word, fragment = parts[index]
    if fragment or word not in vocab.NAME_VERBS:
        return False
    if index + 1 == len(parts):
        return True
    left = parts[index + 1][0]
    return left in vocab.LONE_VERB_LEFT or left in vocab.STOP_WORDS or not _is_cjk_word(left)


def _judge(
    word: str, fragment: bool, taken: list[str], kind: str, tags: dict[str, str]
) -> tuple[int, bool]:
    """How many characters (from its right end) of `word` belong to the name, and whether the
    name stops there. `taken` holds the name's words after it, right to left."""
    if not _is_cjk_word(word) or word in vocab.STOP_WORDS:
        return 0, True
    # A province (某某省), prefecture (某某州, not 某州 itself) or organisation (市委, 财政局).
    if word.endswith(vocab.FOREIGN_ENDINGS) and not (len(word) == 2 and word[1] == "州"):
        return 0, True
    if word.endswith(vocab.DIVISION_ENDINGS) and (len(word) >= 3 or (taken and len(word) == 2)):
        return 0, True  # a town or county the gazetteer does not know (方岩镇|下宅村), not 菜市
    if taken and len(word) >= 2 and word.endswith(vocab.ROAD_ENDINGS):
        return 0, True  # 东山路|金山新村: a road before the name, not part of it
    right = taken[-1] if taken else ""
    # 吉祥|庄社区, 常青|路社区: a lone feature word before the suffix takes its left neighbour
    # whatever the neighbour's part of speech.
    feature_follows = len(taken) == 1 and len(right) == 1 and right in vocab.FEATURE_CHARS
    surname_of_family = word in vocab.SURNAMES and right.startswith("家")  # 于家庄
    tag = None if fragment else tags.get(word)
    if len(word) == 1:
        if fragment and word in vocab.NAME_LEAD_CHARS:
            return 1, False  # 方岩镇|下|宅村 where jieba wrote 方岩|镇下|宅村
        if surname_of_family or (not taken and word in vocab.FEATURE_CHARS):
            return 1, False  # 幸福里社区: 里 is a name part right before the suffix
        if word in vocab.STOP_CHARS or tag in vocab.FUNCTION_TAGS:
            return 0, True
        # A one-character verb belongs to a name only right before the suffix (石窝镇);
        # further left it governs the name (找某某市, 像小区).
        if tag in vocab.VERB_TAGS and taken and not feature_follows:
            return 0, True
        return 1, False
    if not taken and len(word) >= 2 and all(ch in vocab.NUMERALS for ch in word):
        return len(word), True  # 八一村, 五一社区: a date name, unlike 三个村
    if tag is None:
        if word[0] in vocab.GLUED_LEAD_CHARS:
            rest = word[1:]
            if rest in vocab.STOP_WORDS or rest in vocab.STOP_CHARS:
                return 0, True
            return len(rest), True
        if len(word) == 2 and all(ch in vocab.SLOGAN_CHARS for ch in word):
            return 0, True
        return len(word), False
    if feature_follows:
        return len(word), False
    if tag in vocab.FUNCTION_TAGS or tag in vocab.VERB_TAGS or tag in vocab.LOCALISER_TAGS:
        return 0, True
    if tag in vocab.ADJECTIVE_TAGS and kind == "community":
        return 0, True
    # jieba lists phrases such as 充分发挥 as nouns; one that ends in a verb is no name.
    if len(word) >= 3 and tags.get(word[-2:]) in vocab.VERB_TAGS:
        return 0, True
    return len(word), False


def _check_core(words: list[str], kind: str) -> str | None:
    """Drop leading slogan words and reject names that are descriptions, not names."""
    while (
        len(words) > 1
        and words[0] in vocab.MODIFIERS
        and not (len(words[1]) == 1 and words[1] in vocab.FEATURE_CHARS)
    ):
        words = words[1:]
    if not words or words[-1] in vocab.MODIFIERS:
        return None
    core = "".join(words)
    if len(core) < vocab.MIN_CORE[kind]:
        return None
    if len(core) == 1 and core not in vocab.SURNAMES and core not in vocab.DIRECTIONS:
        return None
    if core[-1] in vocab.DESCRIPTIVE_ENDINGS:
        return None
    if all(ch in vocab.LEVEL_CHARS for ch in words[-1]):
        return None  # 省市|区: a list of levels, not a name
    return core
