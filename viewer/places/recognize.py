"""Recognising place names (市 区 县 街道 镇 乡 社区 村) in running text.

A cheap regex finds every suffix; only around those does jieba segment a short window, and the
name is grown leftwards word by word until a word that cannot be part of a name (punctuation, a
preposition, a verb, a time word, a role noun, the end of the previous place). A place that
ends exactly where the next one starts is stated to contain it: 甲街道乙社区.
"""

from __future__ import annotations

import re
import threading

from viewer import segmenter
from viewer.model import PLACE_RANK, PlaceMention
from viewer.places import vocab
from viewer.text import CJK_RE

_SUFFIX_RE = re.compile(r"街道|社区|[市区县镇乡村]")
# How far left of a suffix jieba sees: the longest name (6) plus some context for segmentation.
_WINDOW_LEFT = 10
_WINDOW_RIGHT = 2

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


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in `text`, non-overlapping, in order; `text[m.start:m.end] == m.name`."""
    found: list[PlaceMention] = []
    for match in _SUFFIX_RE.finditer(text):
        s, e = match.span()
        suffix = match.group()
        kind = vocab.KIND_BY_SUFFIX[suffix]
        prev = found[-1] if found else None
        lo = prev.end if prev else 0
        if s < lo:
            continue
        if prev is not None and _absorbs_previous(text, prev, s, suffix):
            # 甲村社区 is one community; 甲市郊区 names a district of 甲市.
            new_kind = kind if suffix == "社区" else "district"
            parent = prev.parent if suffix == "社区" else (prev.name, prev.kind)
            found[-1] = PlaceMention(text[prev.start : e], new_kind, prev.start, e, parent)
            continue
        start = _name_start(text, s, e, suffix, kind, lo)
        if start is None:
            continue
        parent = None
        if prev is not None and prev.end == start and PLACE_RANK[prev.kind] < PLACE_RANK[kind]:
            parent = (prev.name, prev.kind)
        found.append(PlaceMention(text[start:e], kind, start, e, parent))
    return found


def _absorbs_previous(text: str, prev: PlaceMention, s: int, suffix: str) -> bool:
    if suffix == "社区":
        return prev.end == s and prev.kind == "village"
    if suffix == "区" and prev.kind == "city" and prev.end == s - 1:
        return text[s - 1 : s + 1] in vocab.DISTRICT_AFTER_CITY
    return False


def _name_start(text: str, s: int, e: int, suffix: str, kind: str, lo: int) -> int | None:
    """Where the name ending in the suffix at text[s:e] starts, or None if it is no place."""
    before = text[s - 1] if s > lo else ""
    if not before or not CJK_RE.match(before) or before in vocab.QUICK_STOP_CHARS:
        return None  # the common case (在社区, 。社区, 各社区) costs no segmentation
    if len(suffix) == 1 and text[s - 1 : e] in vocab.NEVER_NAME_ENDINGS:
        return None
    a = max(lo, s - _WINDOW_LEFT)
    z = min(len(text), e + _WINDOW_RIGHT)
    words: list[tuple[int, int]] = []
    pos = a
    for word in segmenter.tokenizer().cut(text[a:z], HMM=True):
        words.append((pos, pos + len(word)))
        pos += len(word)
    at = next(i for i, (ws, we) in enumerate(words) if ws <= s < we)
    ws, we = words[at]
    parts: list[tuple[str, bool]] = []  # (word, is_fragment) right to left
    if ws < s:
        if we != e:
            return None  # the suffix is buried in a word: 农贸市场, 城市化
        word = text[ws:we]
        if word in vocab.GENERIC_WORDS and not _district_after_direction(text, words, at, lo):
            return None
        parts.append((text[ws:s], True))
    elif len(suffix) == 1 and we > e:
        if text[s : s + 2] in vocab.NOT_SUFFIX_STARTS or _tags().get(text[ws:we]) == "ns":
            return None  # 农贸市场, 镇江: the character starts another word
        if text[s : s + 2] in vocab.TITLES and text[s - 1] in vocab.SURNAMES:
            return None  # 王村长, 李镇长: a person addressed by title
    for i in range(at - 1, -1, -1):
        parts.append((text[words[i][0] : words[i][1]], False))
    core = _grow_core(parts, kind)
    if core is None:
        return None
    return s - len(core)


def _district_after_direction(text: str, words: list[tuple[int, int]], at: int, lo: int) -> bool:
    """东郊区, 西城区: a lone compass point before 郊区/城区 makes a district name."""
    ws, we = words[at]
    if text[ws:we] not in vocab.DISTRICT_AFTER_DIRECTION or at == 0:
        return False
    ps, pe = words[at - 1]
    if pe - ps != 1 or text[ps] not in vocab.DIRECTIONS:
        return False
    return ps == lo or not CJK_RE.match(text[ps - 1]) or text[ps - 1] in vocab.STOP_CHARS


def _grow_core(parts: list[tuple[str, bool]], kind: str) -> str | None:
    """Join words (given right to left) into the name before the suffix, or None."""
    tags = _tags()
    limit = vocab.MAX_CORE[kind]
    taken: list[str] = []  # right to left
    size = 0
    for index, (word, fragment) in enumerate(parts):
        if not word:
            continue
        if size >= 2 and kind in vocab.SHORT_NAME_KINDS and tags.get(word) == "ns":
            break  # 湖北|丰乐县, 临川|东郊区: a bigger place named in front without suffix
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
    right = taken[-1] if taken else ""
    # 吉祥|庄社区, 常青|路社区: a lone feature word before the suffix takes its left neighbour
    # whatever the neighbour's part of speech.
    feature_follows = len(taken) == 1 and len(right) == 1 and right in vocab.FEATURE_CHARS
    surname_of_family = word in vocab.SURNAMES and right.startswith("家")  # 于家庄
    tag = None if fragment else tags.get(word)
    if len(word) == 1:
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
    if kind == "district" and (
        all(ch in vocab.SECTION_CHARS for ch in words[-1])
        or all(ch in vocab.SECTION_CHARS for ch in core[-2:])
    ):
        return None
    return core
