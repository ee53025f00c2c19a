"""Organisations, from five kinds of evidence on the story's jieba words:

* a name ending in an organisation word (有限公司, 委员会, 医院, 中心, 派出所, 外交部, 局, 队 ...),
  whose left edge is found by walking back over words while they can be part of a name (nouns,
  place names, unknown words) and stopping at verbs, prepositions and punctuation; a country
  or place in front belongs to the name (中国驻法使馆, 北京市公安局);
* a brand before a sector word (万通地产, 索尼影业);
* bodies known by their usual short names (新华社, 国务院, 全国政协, 央行, 联合国; `orgnames`),
  with a place in front when there is one (美国国务院);
* words jieba's dictionary tags as organisations (`nt`) that end like one;
* teams on a sports page (`teams`), leagues and well-known clubs (`clubs`);
* short bank names that are also everyday words (民生, 光大) when listed next to a body.

A well-known body at the end of a longer name keeps a place in front of it but not a verb
(投资 + 兴业银行).

Names made only of generic words (物业公司, 社区党支部, 外资银行, 该公司) are not returned, nor
names that only say what kind of body they are (塑料厂, 售票厅).
"""

from __future__ import annotations

import re

from viewer.facts import words
from viewer.facts.clubs import club_names
from viewer.facts.orgnames import (
    ADDRESS_AFTER,
    ADMIN_LEVELS,
    ADMIN_SINGLE,
    BLOCKED_AFTER,
    GENERIC,
    GLUE_TAGS,
    GLUED_FUNCTION_CHARS,
    GLUED_INSIDE,
    GOV_DOMAINS,
    HEAD_TITLES,
    KNOWN,
    KNOWN_BLOCKED,
    LATIN_KNOWN,
    MULTI_SUFFIXES,
    NAME_VERBS,
    NOT_BRANDS,
    NT_ENDINGS,
    PHRASE_TAILS,
    SECTOR_SUFFIXES,
    SINGLE,
    SINGLE_OK_2,
    SINGLE_OK_BEFORE_BAN,
    STOP_PREFIXES,
    STOP_SINGLE,
    STOP_WORDS,
    STRICT,
    SUB_UNITS,
    SUFFIXES,
    is_generic,
)
from viewer.facts.roles import STRONG_TITLES, WEAK_TITLES
from viewer.facts.teams import team_names
from viewer.facts.tokens import Tokens
from viewer.facts.vocab import trie_pattern, word_list
from viewer.model import Fact

# A person's post is never part of a body's name (市委 + 常委, 院长).
_TITLES = frozenset(STRONG_TITLES) | frozenset(WEAK_TITLES)
_STOP = STOP_WORDS | _TITLES
_NAME_TAGS = ("n", "j", "an", "a", "b", "zg", "s")
_MAX_LEN = 20
_ORDINAL_RE = re.compile(r"第[一二三四五六七八九十百零〇0-9]+")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]+")
_LATIN_RE = re.compile(r"[a-z][a-z0-9&]*")
_WORK_TITLE_RE = re.compile(r"《[^《》\n]{1,40}》")
_SPECIFIC_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"})
_BRAND_TAGS = frozenset({"nz", "nt", "nr", "nrt", "nrfg", "j"})

_SUFFIX_RE = re.compile(trie_pattern(SUFFIXES))


def _blocked(work: str, suffix: str, end: int) -> bool:
    if work.startswith(BLOCKED_AFTER.get(suffix, ()), end):
        return True
    # 医院院长 is the head of the hospital, not a compound called 医院院.
    return work.startswith(ADDRESS_AFTER, end) and not work.startswith(HEAD_TITLES, end)


def _can_be_in_name(word: str) -> bool:
    if word in _STOP or word.startswith(STOP_PREFIXES) or not _CJK_RE.fullmatch(word):
        return False
    tag = words.tag(word)
    if tag is None:
        return True
    if tag == "m":
        return _ORDINAL_RE.fullmatch(word) is not None
    if tag.startswith("v"):
        return word in NAME_VERBS
    return tag.startswith(_NAME_TAGS) or word in NAME_VERBS


def _single_suffix_window(
    work: str, end: int, window: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]] | None:
    """局/委/办/厂/部/厅/署/队 end an organisation only in a word like 城管局, 卫健委, 外交部,
    水泥厂, or as a word of their own after a name (区政府 + 办, 中国 + 队). Returns the window
    to walk, or None.

    When jieba glued the suffix to a non-word (区住 + 建局), the few characters before the
    suffix are segmented again with the suffix standing alone."""
    last = window[-1][2]
    suffix = work[end - 1]
    if last in _TITLES or last[-2:] in _TITLES or last[-3:] in _TITLES:
        return None  # 省委常委 is a person's post
    if suffix in "厅署" and last[:-1][-2:] not in GOV_DOMAINS and words.tag(last) != "nt":
        return None  # 售票厅, 大厅: a hall, not a department
    if len(last) >= 3:
        if last[-2:] in PHRASE_TAILS or (words.frequency(last) and _is_everyday(last)):
            return None
        return window
    if len(last) == 2:
        if last in SINGLE_OK_2 or words.tag(last) in ("j", "nt"):
            return window  # 纪委, 建委 (住建委), 工委
        if words.frequency(last):  # 大局, 举办, 格局, 全部, 球队: an everyday word
            return None
        window = [*words.words_in(work, end - 1 - _MAX_LEN, end - 1), (end - 1, end, suffix)]
    before = window[-2][2] if len(window) > 1 else ""
    if not _can_be_in_name(before):
        return None
    if suffix == "办" and before not in SINGLE_OK_BEFORE_BAN and not before.endswith("政府"):
        return None
    return window


def _is_everyday(word: str) -> bool:
    """A frequent dictionary word used as a verb, adverb ... rather than as a name of a body."""
    tag = words.tag(word) or ""
    return tag.startswith(("v", "a", "d", "p", "c", "u", "r", "m", "q", "f", "t", "i")) and (
        words.frequency(word) > 50
    )


def _left_edge(window: list[tuple[int, int, str]], end: int) -> int:
    """Where the name ending with window[-1] starts: walk back while words can be in a name.
    Only a unit of a body (党支部, 分行, 研究所) takes in another body's name before it."""
    inside = window[:-1]
    sub_unit = window[-1][2].endswith(SUB_UNITS)
    first = len(inside)  # index in `inside` of the leftmost word taken
    k = len(inside) - 1
    while k >= 0:
        w_start, _, word = inside[k]
        if end - w_start > _MAX_LEN:
            break
        adjacent = k == len(inside) - 1
        if adjacent and word == "》":
            opening = _opening(inside, k)
            if opening is not None:  # 《中国国家地理》杂志社
                first = k = opening
                k -= 1
                continue
        if word == ")" and k >= 2 and inside[k - 2][2] == "(" and _is_place(inside[k - 1][2]):
            first = k - 2  # 携程计算机技术(上海)有限公司
            k -= 3
            continue
        if adjacent and (_LATIN_RE.fullmatch(word) or word.isdigit()) and word not in NOT_BRANDS:
            first = k  # ibm + 公司, 309 + 医院, 汉诺威 + 96 + 队
            k -= 1
            continue
        if word in STOP_SINGLE or (not _can_be_in_name(word) and word not in KNOWN):
            break
        before = inside[k - 1][2] if k else ""
        if word[0] in "和与及或" and len(word) == 2 and before.endswith(MULTI_SUFFIXES):
            return w_start + 1  # 卫生院 + 和县人民医院: 和 joins two bodies
        if word.endswith(MULTI_SUFFIXES) and len(word) > 1 and not sub_unit:
            break  # another body ends here: 卫生院 | 县人民医院
        if len(word) > 1 and words.tag(word) is None:
            if word[0] in GLUED_FUNCTION_CHARS:
                return w_start + 1
            if any(char in GLUED_INSIDE for char in word[1:]):
                break  # 人到 + 医院: jieba glued a verb phrase together
            first_tag = words.tag(word[0]) or ""
            if first_tag.startswith(GLUE_TAGS[3:] if adjacent else GLUE_TAGS):
                break  # 前到 + 银行, 齐聚 + 上海光大会展中心: jieba glued a word on
        first = k
        k -= 1
    if first == len(inside):
        return window[-1][0]
    # A lone character at the left edge that follows another word is that word's tail
    # (商贸 + 城): drop it. After punctuation it is a real first character (柳 + 湾园).
    word = inside[first][2]
    lone = len(word) == 1 and word not in ADMIN_SINGLE and _is_cjk(word)
    if lone and first > 0 and _is_cjk(inside[first - 1][2]):
        return inside[first][1]
    return inside[first][0]


def _is_cjk(word: str) -> bool:
    return _CJK_RE.fullmatch(word) is not None


def _opening(inside: list[tuple[int, int, str]], k: int) -> int | None:
    for j in range(k - 1, max(-1, k - 12), -1):
        if inside[j][2] == "《":
            return j
        if inside[j][2] in ("》", "。", "\n"):
            return None
    return None


def _is_place(word: str) -> bool:
    return words.tag(word) == "ns"


def _suffix_names(work: str, toks: Tokens) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _SUFFIX_RE.finditer(work):
        suffix, end = m.group(), m.end()
        if _blocked(work, suffix, end):
            continue
        window: list[tuple[int, int, str]] | None
        if toks.ending_at(end) is not None:
            window = toks.window(end - _MAX_LEN - 4, end)
        elif toks.starting_at(m.start()) is not None and toks.starts[toks.at(end)] == m.start():
            # jieba glued a title on: 中医 + 医院院长 -> the suffix stands alone.
            window = [*toks.window(end - _MAX_LEN - 4, m.start()), (m.start(), end, suffix)]
        else:
            continue
        if not window or window[-1][1] != end:
            continue
        if suffix in SINGLE:
            if not window[-1][2].endswith(suffix):
                continue
            window = _single_suffix_window(work, end, window)
            if window is None:
                continue
        start = _left_edge(window, end)
        start = _known_tail(work, toks, start, m.start(), end)
        if start > m.start() or is_generic(work[start:end]):
            continue
        if suffix == "中心" and work[start : m.start()].endswith(("市", "县", "区", "城")):
            continue  # 常德市中心: the middle of a town
        if not _specific(work, toks, start, m.start(), end, strict=suffix.endswith(STRICT)):
            continue
        out.append((start, end))
    return out


_KNOWN_SIZES = sorted({len(name) for name in KNOWN}, reverse=True)


def _known_tail(work: str, toks: Tokens, start: int, suffix_start: int, end: int) -> int:
    """A well-known body at the end of the name does not take in a verb or a pointer word
    right before it (投资 + 兴业银行, 救助 + 花旗集团, 上述 + 邮储银行); places and other
    name words stay (集美 + 交警大队, 甘肃省兰州市 + 公安局)."""
    for size in _KNOWN_SIZES:  # longest first
        k = end - size
        if k <= start or k > suffix_start:
            continue
        if work[k:end] in KNOWN and toks.is_boundary(k):
            i = toks.ending_at(k)
            before = toks.words[i] if i is not None else ""
            tag = words.tag(before) or ""
            return k if before in STOP_WORDS or tag.startswith("v") else start
    return start


def _specific(
    work: str, toks: Tokens, start: int, suffix_start: int, end: int, *, strict: bool
) -> bool:
    """Does the name say which body it is (东平区 + 人民医院, 宏达 + 集团, 区 + 民政局) rather
    than only what kind of body (专职消防队, 警方警告酒店)? After `strict` suffixes (厂, 酒店)
    an ordinary noun is a product or a kind (塑料厂, 事发酒店), so a name word is needed."""
    if work[start:end] in KNOWN:
        return True
    for a, b, word in toks.window(start, end):
        if b > suffix_start:  # the word holding the suffix: 民政局, 工作队
            if word in KNOWN or words.tag(word) in ("nt", "j"):
                return True
            return a < suffix_start and _specific_word(work[a:suffix_start], strict)
        if _specific_word(word, strict):
            return True
    return False


def _specific_word(word: str, strict: bool = False) -> bool:
    if word in ADMIN_LEVELS or word in KNOWN:
        return True
    if _LATIN_RE.fullmatch(word) or word.isdigit() or _ORDINAL_RE.fullmatch(word):
        return True
    if not _is_cjk(word) or word in GENERIC:
        return False
    freq = words.frequency(word)
    if not freq:
        return True  # an unknown word: a brand or a place (星展, 青禾)
    tag = words.tag(word) or ""
    return tag in _SPECIFIC_TAGS or (not strict and freq < 1000 and not tag.startswith("v"))


_KNOWN_RE = re.compile(trie_pattern(KNOWN))


def _known_names(work: str, toks: Tokens) -> list[tuple[int, int]]:
    """Well-known bodies, standing as words of their own, with a place in front if any."""
    out: list[tuple[int, int]] = []
    for m in _KNOWN_RE.finditer(work):
        start, end = m.span()
        name = m.group()
        if name in LATIN_KNOWN:
            if (start and work[start - 1].isalnum()) or (end < len(work) and work[end].isalnum()):
                continue
        else:
            if not toks.is_boundary(end):
                continue
            if not toks.is_boundary(start):
                # 市住 + 建委: jieba glued an administrative level onto the name.
                head = toks.starts[toks.at(start)]
                if start - head != 1:
                    continue
                if work[head] in ADMIN_LEVELS:
                    start = head
                elif work[head] not in STOP_SINGLE or words.frequency(work[head : start + 2]):
                    continue  # 由 + 住建部 (由住 + 建部) stays without 由
        if work.startswith(KNOWN_BLOCKED, end):
            continue
        out.append((_place_in_front(work, toks, start), end))
    return out


def _place_in_front(work: str, toks: Tokens, start: int) -> int:
    """Start of a country or place word right before `start` (美国 + 国务院, 市 + 教育局),
    else `start`."""
    i = toks.ending_at(start)
    if i is None:
        return start
    word = toks.words[i]
    if word in ADMIN_LEVELS:
        return _place_in_front(work, toks, toks.starts[i]) if i else toks.starts[i]
    if len(word) >= 2 and words.tag(word) == "ns" and _CJK_RE.fullmatch(word):
        return toks.starts[i]
    return start


_NT_END_RE = re.compile("[{}]".format("".join(NT_ENDINGS)))


def _dictionary_names(work: str, toks: Tokens) -> list[tuple[int, int]]:
    """Words jieba tags `nt` that end like a body (浦发银行, 北京市公安局, 美国驻华大使馆)."""
    out: list[tuple[int, int]] = []
    # The endings are found on the text (fast); the word must end there.
    for m in _NT_END_RE.finditer(work):
        i = toks.ending_at(m.end())
        if i is None:
            continue
        word = toks.words[i]
        if len(word) < 3:
            continue
        if words.tag(word) != "nt" or is_generic(word) or word[-2:] in PHRASE_TAILS:
            continue  # 中东部: a region, not a body
        start = toks.starts[i]
        out.append((_place_in_front(work, toks, start), toks.ends[i]))
    return out


def _longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= a or b <= start for a, b in kept):
            kept.append((start, end))
    return sorted(kept)


_SECTOR_RE = re.compile(trie_pattern(SECTOR_SUFFIXES))


def _sector_names(work: str, toks: Tokens) -> list[tuple[int, int]]:
    """Brand + sector word: 万通地产, 索尼影业, 亿邦投资 (the brand is a name, an unknown word,
    or a well-known body; a place alone is not enough)."""
    out: list[tuple[int, int]] = []
    for m in _SECTOR_RE.finditer(work):
        i = toks.starting_at(m.start())
        if i is None or toks.ends[i] != m.end() or i == 0:
            continue
        if m.end() < len(work) and _is_cjk(work[m.end()]) and toks.starting_at(m.end()) is None:
            continue
        brand = toks.words[i - 1]
        if not _is_cjk(brand) or len(brand) < 2 or not _is_brand(brand):
            continue
        start = _place_in_front(work, toks, toks.starts[i - 1])
        out.append((start, m.end()))
    return out


def _is_brand(word: str) -> bool:
    freq = words.frequency(word)
    if not freq:
        return words.tag(word[0]) not in ("p", "v", "d", "c", "f", "u", "r", "m", "q")
    return (words.tag(word) or "") in _BRAND_TAGS and freq < 1000


# Short names of banks and financial groups that are also everyday words (民生, 光大, 华夏):
# bodies only when listed next to another body (招行、民生、中行). Sector words (交通, 建设)
# stay out: 住建局、交通、水利等部门 lists departments by their field.
_LISTED_ONLY = frozenset(word_list("民生 光大 华夏 兴业 中信 广发 浙商 渤海 恒丰"))
_LISTED_ONLY_RE = re.compile(trie_pattern(_LISTED_ONLY))
_LIST_JOINS = frozenset(word_list("、 和 与 及 以及"))


def _listed_names(work: str, toks: Tokens, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ambiguous short names in a list next to a body found already: 招行、民生、中行."""
    found = [toks.starting_at(m.start()) for m in _LISTED_ONLY_RE.finditer(work)]
    listed = [i for i in found if i is not None and toks.words[i] in _LISTED_ONLY]
    if not listed:
        return []
    ends = {b for _, b in spans}
    starts = {a for a, _ in spans}
    out: list[tuple[int, int]] = []
    changed = True
    while changed:
        changed = False
        for i in listed:
            if toks.starts[i] in starts:
                continue
            before = i > 0 and toks.words[i - 1] in _LIST_JOINS and toks.starts[i - 1] in ends
            after = (
                i + 1 < len(toks)
                and toks.words[i + 1] in _LIST_JOINS
                and toks.ends[i + 1] in starts
            )
            if before or after:
                out.append((toks.starts[i], toks.ends[i]))
                starts.add(toks.starts[i])
                ends.add(toks.ends[i])
                changed = True
    return out


def find_organizations(body: str, work: str, toks: Tokens) -> list[Fact]:
    spans = _suffix_names(work, toks)
    spans += _sector_names(work, toks)
    spans += _known_names(work, toks)
    spans += _dictionary_names(work, toks)
    spans += team_names(work, toks)
    spans += club_names(work, toks)
    spans += _listed_names(work, toks, spans)
    if "《" in work:
        # 《天龙八部》, 《美国陆军3》: the title of a work, not a body.
        titles = [m.span() for m in _WORK_TITLE_RE.finditer(work)]
        spans = [(a, b) for a, b in spans if not any(x < a and b < y for x, y in titles)]
    return [
        Fact("organization", body[start:end], start, end, norm=body[start:end])
        for start, end in _longest_first(spans)
    ]
