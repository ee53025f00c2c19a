"""People named in a story.

Evidence, weighed together for each candidate name (`nameevidence` scores the candidate
itself, this module adds the words around it and decides):

* inside the name: a surname followed by characters that jieba's name statistics favour
  (`namestats`), jieba's dictionary tag for the word (`nr`, `nrfg`), or a word jieba's HMM glued
  together from characters it did not know (unknown words are often names); everyday dictionary
  words (高兴, 方向) count against;
* around it: a title before it (国家主席, 总理, 村支书, 主教练, 记者), a speech or action verb
  after it (说, 表示, 会见), a post after it (教授, 先生), a `、` list with other names, a byline
  (`(记者张荣典)`, `(记者 魏晓东 通讯员 秦岭)`, see `bylinenames`), a speaker's colon at the
  start of a line or sentence (罗文山:…);
* shape: foreign and minority names joined by `·` (约翰·史密斯), transliterated names
  (穆里尼奥) when a title or a verb vouches for them, or, on a sports page, when they are listed
  together; names in Latin letters (Brody表示) on the same terms; anonymised stand-ins (孙某).

Where jieba glued a function character onto the front of a name it did not know (但柏静 +
表示), the word is cut again locally. Leagues and clubs (`clubs`: 阿森纳, 拜仁) are no people.

A name confirmed once counts at every occurrence in the story, all carrying the first role
seen for it. Forms of address (李大爷, 张先生, 小陈) are not names and are left out on purpose.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from viewer.facts import clubs, names, namestats, orgnames, words
from viewer.facts.bylinenames import byline_names
from viewer.facts.nameevidence import (
    DOT_RE,
    DOT_SPLIT_RE,
    MAX_FOREIGN,
    TITLE_WORDS,
    can_be_in_dotted_name,
    chinese_evidence,
    dotted_end,
    foreign_evidence,
    foreign_run,
    is_everyday,
    is_name_word,
    third_belongs,
)
from viewer.facts.personwords import (
    ADVERBS,
    AFTER_EVERYDAY_NAME,
    LIST_JOINS,
    PERSON_VERBS,
    POSTS_AFTER,
    SPEECH_RE,
)
from viewer.facts.roles import ROLE_NAME_GAP_RE, find_roles
from viewer.facts.tokens import Tokens
from viewer.model import Credit, Fact
from viewer.text import fold

# Decision thresholds on the evidence (hand-set; checked on news text).
_ALONE = 6.0  # a name with the words after it
_FOREIGN = 5.0  # the same for a transliterated name
_FOREIGN_LISTED = 0.5  # the least each of two listed transliterations needs
_SPEAKER = 0.0  # the least evidence for a name before a speaker's colon
_BESIDE = 2.0  # right before a speech verb
_IN_LIST = 0.5  # next to a name in a list; also the least a candidate must have to be kept
_AFTER_WEAK = 0.5  # after a group word (居民, 学生)
_AFTER_STRONG = -3.0  # after a post (书记, 总理, 主教练)
_STRONG_CONTEXT = 4.0  # what a speech verb, a post or a gloss after a name adds

_GLOSS_RE = re.compile(r"\([a-z][a-z .'-]{2,40}\)")
_LATIN_NAME_RE = re.compile(r"[a-z][a-z0-9]+")
_LATIN_COMPANY_RE = re.compile(
    r"games?$|studios?$|interactive$|entertainment$|software$|soft$|online$|team$|gaming$|"
    r"labs?$|media$|inc$|corp$|group$"
)
_SPEAKER_RE = re.compile(r"(?:^|(?<=[\n。!?!?”\"]))([\u4e00-\u9fff]{2,3}):$")
_ANONYMOUS_RE = re.compile(r"[\u4e00-\u9fff]某")
_TRIGRAM_RE = re.compile(
    "(?=([{}][\u4e00-\u9fff]{{2}}))".format("".join(sorted(names.SPEECH_SURNAMES)))
)
_REPEATS = 3
_PLACE_ENDINGS = frozenset(
    "市区县镇乡村路街道巷社园楼院厂局委办站所馆队组会部处科室团校店场港湾河山湖庄屯寨沟坡岭桥"
)
_WORK_TITLE_RE = re.compile(r"《[^《》\n]{1,40}》")
_NOUN_TAGS = frozenset({"nr", "nrfg", "n", "nz", "ns", "a", "an", "ng"})
_STARTERS = names.SURNAMES | namestats.TRANSLIT | frozenset(c[0] for c in names.COMPOUND_SURNAMES)


@dataclass
class Mention:
    """A name found in the body before merging: span, name without spaces, role label."""

    start: int
    end: int
    norm: str
    label: str
    weight: float = 0.0  # how sure: overlapping mentions keep the surer one


# --- context around a candidate ------------------------------------------------------------


def _context_score(work: str, toks: Tokens, start: int, end: int) -> float:
    """How strongly the words after a span say "person": a verb people do or a post (王伟说,
    李成教授), the name in Latin letters (约翰(john)), a speaker's colon at the start of a line
    (姜山:), an adverb and a verb (莫柔还担任), or any verb."""
    if _GLOSS_RE.match(work, end):
        return _STRONG_CONTEXT
    if work.startswith(":", end) and (start == 0 or work[start - 1] in "\n \t"):
        return _STRONG_CONTEXT
    j = toks.starting_at(end)
    if j is None:
        return _STRONG_CONTEXT if SPEECH_RE.match(work, end) else 0.0
    word = toks.words[j]
    if word in PERSON_VERBS or word in POSTS_AFTER or SPEECH_RE.match(work, end):
        return _STRONG_CONTEXT
    tag = words.tag(word) or "" if words.frequency(word) else ""
    if tag in ("d", "ad") or word in ADVERBS:
        k = j + 1
        if k < len(toks) and (toks.words[k] in ADVERBS or words.tag(toks.words[k]) == "d"):
            k += 1
        if k < len(toks):
            following = toks.words[k]
            if following in PERSON_VERBS or SPEECH_RE.fullmatch(following):
                return _STRONG_CONTEXT
            if (words.tag(following) or "").startswith("v"):
                return 2.5
        return 0.5
    if tag.startswith("v"):
        return 1.5
    return 0.0


# --- names jieba's words suggest ---------------------------------------------------------------


@dataclass
class _Candidate:
    start: int
    end: int
    score: float
    foreign: bool = False


def _latin_candidates(body: str, toks: Tokens) -> list[_Candidate]:
    """Names in Latin letters (Brody, Smith): one capitalised word that is no all-caps
    acronym (EA, WCG are bodies) and no known body; a title or a verb must vouch for it."""
    out: list[_Candidate] = []
    for m in _LATIN_NAME_RE.finditer(toks.text):
        start, end = m.span()
        if not toks.is_boundary(start) or not toks.is_boundary(end):
            continue
        if m.group() in orgnames.LATIN_KNOWN or not _is_latin_name(body, start, end):
            continue
        out.append(_Candidate(start, end, 1.0, foreign=True))
    return out


def _token_candidates(work: str, toks: Tokens) -> list[_Candidate]:
    """Name-shaped spans that line up with jieba's words (one word, surname word + given-name
    word, a run of transliteration words), each with its inner evidence. Spans too weak for
    any rule below are left out."""
    out: list[_Candidate] = []
    ws = toks.words
    starts, ends_of = toks.starts, toks.ends
    n = len(ws)
    skip = 0  # words up to here belong to a transliterated run already taken
    for i, word in enumerate(ws):
        first = word[0]
        if first not in _STARTERS or i < skip:
            continue
        if first in names.SURNAMES or word[:2] in names.COMPOUND_SURNAMES:
            start = starts[i]
            ends: list[int] = []
            if 2 <= len(word) <= 4:
                ends.append(ends_of[i])
            if i + 1 < n and len(word) <= 3:
                nxt = ws[i + 1]
                if len(word) + len(nxt) <= 4:
                    ends.append(ends_of[i + 1])
                if len(nxt) == 1 and i + 2 < n and len(word) == 1 and len(ws[i + 2]) == 1:
                    ends.append(ends_of[i + 2])
            for end in ends:
                score = chinese_evidence(work, toks, start, end, _IN_LIST)
                if score is not None and score >= _IN_LIST:
                    out.append(_Candidate(start, end, score))
        if first in namestats.TRANSLIT:
            j = foreign_run(toks, i)
            if j > i and ends_of[j - 1] - starts[i] >= 2:
                score = foreign_evidence(toks, i, j)
                if score >= 0.0 and "".join(ws[i:j]) not in clubs.ALL:
                    out.append(_Candidate(starts[i], ends_of[j - 1], score, foreign=True))
                skip = j
    return out


# Characters jieba's HMM glues onto the front of a name it does not know: 但 + 柏静.
_GLUED_BEFORE = "但和与到给对由在把被让向将为及而"
_GLUED_BEFORE_RE = re.compile("[{}](?=[{}])".format(_GLUED_BEFORE, "".join(sorted(names.SURNAMES))))


def _glued_candidates(work: str, toks: Tokens) -> list[_Candidate]:
    """Names jieba cut across words because it glued a function character in front of them
    (但柏静表示 as 但柏静 + 表示): the word is cut again locally and
    the name is the word without that character. (Found on the text, not word by word: fast.)"""
    out: list[_Candidate] = []
    ws = toks.words
    for m in _GLUED_BEFORE_RE.finditer(work):
        i = toks.starting_at(m.start())
        if i is None or not 3 <= len(ws[i]) <= 4 or words.frequency(ws[i]):
            continue
        start, end = toks.starts[i] + 1, toks.ends[i]
        score = chinese_evidence(work, toks, start, end)
        if score is not None:
            score += 1.5 + _context_score(work, toks, start, end)
            out.append(_Candidate(start, end, score))
    return out


def _in_list(toks: Tokens, start: int, end: int, starts: dict[int, int], ends: set[int]) -> bool:
    """Is the span one item of a list (、, 和 ...) whose neighbour is an accepted name?
    `starts` maps accepted names' starts to their ends, `ends` holds their ends."""
    j = toks.starting_at(end)
    if j is not None and toks.words[j] in LIST_JOINS and toks.ends[j] in starts:
        return True
    i = toks.ending_at(start)
    return i is not None and toks.words[i] in LIST_JOINS and toks.starts[i] in ends


def _statistical_mentions(
    body: str, work: str, toks: Tokens, confirmed: list[Mention]
) -> list[Mention]:
    """Names from their own evidence plus the words after them, then their list neighbours."""
    titles = _work_titles(work)
    accepted = {m.start: m.end for m in confirmed}
    out: list[Mention] = []
    pending: list[_Candidate] = []
    candidates = _token_candidates(work, toks) + _latin_candidates(body, toks)
    candidates += _glued_candidates(work, toks)
    context = [_context_score(work, toks, c.start, c.end) for c in candidates]
    # 钟海 + 兴 + 还认为: when only the longer of two names from one start has a speech or
    # action verb after it, the shorter one stops inside the name.
    spoken = {c.start for c, ctx in zip(candidates, context, strict=True) if ctx >= _STRONG_CONTEXT}
    for cand, ctx in zip(candidates, context, strict=True):
        if _inside(titles, cand.start, cand.end):
            continue  # 《哈利·波特》: the title of a work
        if ctx < _STRONG_CONTEXT and cand.start in spoken and not cand.foreign:
            continue
        score = cand.score + ctx
        if score >= (_FOREIGN if cand.foreign else _ALONE):
            accepted[cand.start] = cand.end
            out.append(Mention(cand.start, cand.end, work[cand.start : cand.end], "", score))
        else:
            pending.append(cand)
    # 卡萨托、贝鲁诺和德尔维奥: transliterated names listed together vouch for each other.
    # Only on a sports page: elsewhere such lists are mostly towns (a list of quake-hit towns).
    foreign = {c.start: c.end for c in pending if c.foreign and c.score >= _FOREIGN_LISTED}
    if len(foreign) >= 2 and clubs.is_sports_page(work):
        foreign_ends = set(foreign.values())
        for cand in pending:
            if cand.start not in foreign:
                continue
            if _in_list(toks, cand.start, cand.end, foreign, foreign_ends):
                accepted[cand.start] = cand.end
                out.append(Mention(cand.start, cand.end, work[cand.start : cand.end], "", 1.0))
        pending = [c for c in pending if c.start not in accepted]
    # Lists: 张三、李四、王五 - a neighbour of a name is a name when it looks like one.
    changed = True
    while changed and pending:
        changed = False
        ends = set(accepted.values())
        rest: list[_Candidate] = []
        for cand in pending:
            floor = 0.0 if cand.foreign else _IN_LIST
            if cand.score >= floor and _in_list(toks, cand.start, cand.end, accepted, ends):
                accepted[cand.start] = cand.end
                ends.add(cand.end)
                out.append(Mention(cand.start, cand.end, work[cand.start : cand.end], "", 1.0))
                changed = True
            else:
                rest.append(cand)
        pending = rest
    return out


def _work_titles(work: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORK_TITLE_RE.finditer(work)] if "《" in work else []


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < start and end < b for a, b in spans)


# --- names after a title ---------------------------------------------------------------------


def _role_mentions(
    body: str, work: str, toks: Tokens, roles: list[tuple[int, int]]
) -> list[Mention]:
    out: list[Mention] = []
    for start, end, weak in find_roles(toks):
        gap = ROLE_NAME_GAP_RE.match(work, end)
        pos = gap.end() if gap else end
        name_end = _name_after(work, toks, pos, weak=weak)
        if name_end is None and not weak:
            name_end = _latin_after(body, toks, pos)
        if name_end is None:
            continue
        roles.append((start, end))
        out.append(Mention(pos, name_end, work[pos:name_end], body[start:end], 10.0))
    return out


def _latin_after(body: str, toks: Tokens, pos: int) -> int | None:
    """End of a name in Latin letters right after a post (选手Brody, 主教练Hiddink), or None."""
    m = _LATIN_NAME_RE.match(toks.text, pos)
    if m is None or not toks.is_boundary(m.end()) or not _is_latin_name(body, pos, m.end()):
        return None
    return m.end()


def _is_latin_name(body: str, start: int, end: int) -> bool:
    """Capitalised, not all capitals (EA, WCG are bodies), no company word, not part of a
    longer run of letters and digits."""
    original = body[start:end]
    if end - start > 16 or not original[0].isupper() or original.isupper():
        return False
    if _LATIN_COMPANY_RE.search(original.lower()):
        return False
    if start and body[start - 1].isascii() and body[start - 1].isalnum():
        return False
    return not (end < len(body) and body[end].isascii() and body[end].isalnum())


def _name_after(work: str, toks: Tokens, pos: int, *, weak: bool) -> int | None:
    """End of the name that starts at `pos` right after a title, or None. After a post (not
    after a group word such as 居民) the name may be an everyday word: 村支书高峰."""
    anonymous = names.anonymised_end(work, pos)
    if anonymous is not None:
        return anonymous
    # (A dot within reach first: most titles are followed by no dotted name at all.)
    has_dot = DOT_SPLIT_RE.search(work, pos, pos + MAX_FOREIGN + 1) is not None
    dotted = dotted_end(work, toks, pos) if has_dot else None
    if dotted is not None:
        return dotted
    foreign = _foreign_after(work, toks, pos, weak=weak)
    if foreign is not None and (foreign - pos >= 4 or _has_marker(work[pos:foreign])):
        return foreign  # 主帅范马尔韦克: not 范马
    size = namestats.surname_size(work, pos)
    if not size:
        return foreign
    # 任 + 业委会: a dictionary word from the given name on that runs past any name.
    for length in (3, 4):
        ahead = work[pos + size : pos + size + length]
        if len(ahead) == length and words.frequency(ahead):
            return None
    # (A name at the very end of the text may only be as long as what is left.)
    left = len(work) - pos - size
    long = chinese_evidence(work, toks, pos, pos + size + 2) if left >= 2 else None
    short = chinese_evidence(work, toks, pos, pos + size + 1) if left >= 1 else None
    if long is None and foreign == pos + size + 2 and third_belongs(work, toks, pos + size + 1):
        return foreign  # 总裁许洛德: a surname and a given name that sound foreign
    if long is not None and (short is None or third_belongs(work, toks, pos + size + 1)):
        score, end = long, pos + size + 2
    elif short is not None:
        score, end = short, pos + size + 1
    else:
        return foreign
    if work[pos + size : end] in TITLE_WORDS:
        return None  # 副市长任组长: 任 is "serves as"
    i = toks.starting_at(pos)
    if i is not None and toks.ends[i] == end and is_everyday(toks.words[i]):
        # 村支书高峰说 is a name; 领队班底了, 居民文明素质 and 医生初步判断 are not.
        tag = words.tag(toks.words[i]) or ""
        if not weak and tag in _NOUN_TAGS and _name_can_end(work, toks, end):
            return end
        return foreign
    return end if score >= (_AFTER_WEAK if weak else _AFTER_STRONG) else foreign


def _foreign_after(work: str, toks: Tokens, pos: int, *, weak: bool) -> int | None:
    """End of a transliterated name right after a post (主教练穆里尼奥), or None."""
    i = toks.starting_at(pos)
    if i is None or weak or work[pos] not in namestats.TRANSLIT:
        return None
    j = foreign_run(toks, i)
    if j > i and toks.ends[j - 1] - pos >= 2 and foreign_evidence(toks, i, j) >= -2.0:
        return toks.ends[j - 1]
    return None


def _has_marker(text: str) -> bool:
    return any(char in namestats.FOREIGN_MARKERS for char in text[1:])


def _name_can_end(work: str, toks: Tokens, end: int) -> bool:
    """May an everyday word used as a name end here (高峰说, 高峰的, 高峰。)?"""
    if end >= len(work) or not names.is_cjk(work[end]):
        return True
    j = toks.starting_at(end)
    if j is None:
        return False
    word = toks.words[j]
    return word in AFTER_EVERYDAY_NAME or (words.tag(word) or "").startswith("v")


# --- other shapes ----------------------------------------------------------------------------


def _speech_mentions(work: str, toks: Tokens) -> list[Mention]:
    """A name jieba split oddly, right before a speech verb (而纪平表示)."""
    out: list[Mention] = []
    previous_end = -1
    for m in SPEECH_RE.finditer(work):
        # 介绍说, 表示说: the second verb continues the first; the name is before the first.
        follows_verb = m.start() == previous_end
        previous_end = m.end()
        if follows_verb:
            continue
        start = names.name_start_before(work, m.start())
        if start is None:
            continue
        score = chinese_evidence(work, toks, start, m.start())
        if score is not None and score >= _BESIDE:
            out.append(Mention(start, m.start(), work[start : m.start()], "", score))
    return out


def _speaker_mentions(work: str, toks: Tokens) -> list[Mention]:
    """A speaker's name opening a line or a sentence before a colon, as in interviews and
    dialogues (金石明:我倒觉得 ..., 罗文山:市场还会调整): the name may be a dictionary word."""
    out: list[Mention] = []
    colon = work.find(":")
    while colon >= 0:
        m = _SPEAKER_RE.search(work, max(0, colon - 4), colon + 1)
        colon = work.find(":", colon + 1)
        if m is None:
            continue
        start, end = m.span(1)
        name = m.group(1)
        if namestats.surname_size(name) == 0 or name[-2:] in TITLE_WORDS:
            continue
        if not toks.is_boundary(start) or not toks.is_boundary(end):
            continue
        if len(name) == 2 and words.is_everyday_word(name):
            continue
        score = chinese_evidence(work, toks, start, end)
        if score is not None and score >= _SPEAKER:
            out.append(Mention(start, end, name, "", 5.0))
    return out


def _dotted_mentions(work: str, toks: Tokens) -> list[Mention]:
    """Foreign and minority names joined by a dot: 约翰·史密斯, 买买提·艾力."""
    out: list[Mention] = []
    last_end = -1
    titles = _work_titles(work)
    for m in DOT_RE.finditer(work):
        if m.start() < last_end or _inside(titles, m.start(), m.end()):
            continue  # 《哈利·波特》: the title of a work
        # Walk left over name-like words (not over 总统 in 总统巴拉克·奥巴马).
        i = toks.ending_at(m.start())
        start = m.start()
        while i is not None and i >= 0:
            word = toks.words[i]
            if not names.is_cjk(word[0]) or m.start() - toks.starts[i] > MAX_FOREIGN:
                break
            if not can_be_in_dotted_name(word, next_to_dot=start == m.start()):
                break
            start = toks.starts[i]
            i -= 1
        if start == m.start():
            continue
        end = dotted_end(work, toks, start)
        if end is None or end <= m.end():
            continue
        name = work[start:end]
        # 小康·财智, 龙湖·花墅: brand words around a dot; a real name has a name-like part.
        parts = DOT_SPLIT_RE.split(name)
        if not any(namestats.is_transliteration(p) or is_name_word(p) for p in parts):
            continue
        last_end = end
        out.append(Mention(start, end, name, "", 8.0))
    return out


def _anonymous_mentions(work: str, toks: Tokens) -> list[Mention]:
    out: list[Mention] = []
    for m in _ANONYMOUS_RE.finditer(work):
        if not toks.is_boundary(m.start()):
            continue  # 江苏某律师事务所: 苏 ends 江苏
        end = names.anonymised_end(work, m.start())
        if end is not None:
            out.append(Mention(m.start(), end, work[m.start() : end], "", 9.0))
    return out


def _repeated_mentions(work: str) -> list[Mention]:
    """Three-character names that a story keeps repeating without a role or speech verb (a
    profile of 葛某某: "今年52岁的葛某某和妻子 ..."): at least `_REPEATS` times, starting with a
    common surname whose first two characters are no dictionary word, and not ending like a
    place or a body (长江路, 刘庄村)."""
    counts = Counter(m.group(1) for m in _TRIGRAM_RE.finditer(work))
    out: list[Mention] = []
    for candidate, count in counts.items():
        if count < _REPEATS or candidate[-1] in _PLACE_ENDINGS:
            continue
        # 查工作, 项工作: a surname-like character before an everyday word.
        if words.frequency(candidate[:2]) or words.is_common_word(candidate[1:]):
            continue
        starts = _find_all(work, candidate)
        # Always the same character in front (刘 + 庄村有, 检 + 查工作): part of a longer word.
        before = {work[i - 1] if i else "" for i in starts}
        if len(before) == 1 and names.is_cjk(next(iter(before))):
            continue
        pos = starts[0]
        if names.name_end(work, pos, names.SPEECH_SURNAMES) == pos + 3:
            out.append(Mention(pos, pos + 3, candidate, "", 3.0))
    return out


def _find_all(text: str, needle: str) -> list[int]:
    out: list[int] = []
    pos = text.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = text.find(needle, pos + len(needle))
    return out


# --- merging ---------------------------------------------------------------------------------


def _keep_surest(mentions: list[Mention]) -> list[Mention]:
    """Overlapping mentions: the surer one wins, then the longer."""
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(mentions, key=lambda x: (-x.weight, -(x.end - x.start), x.start)):
        if any(a < m.end and m.start < b for a, b in taken):
            # The same span found twice keeps its role label.
            if m.label:
                for k in kept:
                    if (k.start, k.end) == (m.start, m.end) and not k.label:
                        k.label = m.label
            continue
        taken.append((m.start, m.end))
        kept.append(m)
    return kept


def _known_names(mentions: list[Mention], credits: Sequence[Credit]) -> dict[str, str]:
    """Every known name -> the first non-empty role label seen for it (text order, then credits)."""
    known: dict[str, str] = {}
    for mention in sorted(mentions, key=lambda x: x.start):
        if not known.get(mention.norm):
            known[mention.norm] = mention.label
    for credit in credits:
        name = credit.name.replace(" ", "").replace("\u3000", "")
        if name and not known.get(name):
            known[name] = credit.role
    return known


def _occurrences(work: str, toks: Tokens, name: str) -> list[tuple[int, int]]:
    """Where `name` occurs, also spaced out as in bylines (冉 静). An occurrence must not be the
    tail or the head of a longer word (临时工作 is not 时工)."""
    out: list[tuple[int, int]] = []
    name = fold(name)  # the working text is folded; a credit may be written in full width
    variants = [name] if len(name) != 2 else [name, f"{name[0]} {name[1]}"]
    for variant in variants:
        pos = work.find(variant)
        while pos >= 0:
            end = pos + len(variant)
            if _stands_alone(work, toks, pos, end):
                out.append((pos, end))
            pos = work.find(variant, end)
    return out


def _stands_alone(work: str, toks: Tokens, start: int, end: int) -> bool:
    """Not the head or tail of a longer word: 沈阳 is not in 沈阳市, 时工 not in 临时工作."""
    if not toks.is_boundary(start) and words.is_common_word(work[start - 1 : start + 1]):
        return False
    if toks.is_boundary(end) or end >= len(work):
        return True
    i = toks.at(end)
    if toks.starts[i] <= start:
        # One word runs over the name's end: 沈阳 + 市 is a place, but jieba's HMM may glue a
        # verb to a name it does not know (葛振海 + 来).
        return not words.frequency(toks.words[i]) and toks.ends[i] - end <= 2
    return not words.is_common_word(work[end - 1 : end + 1])


def find_people(
    body: str, work: str, credits: Sequence[Credit] = (), toks: Tokens | None = None
) -> tuple[list[Fact], list[tuple[int, int]]]:
    """Person facts, plus the spans of role words that introduced a name (so organisation
    candidates inside a role, such as 社区党支部 in 社区党支部书记, can be dropped). `toks`
    are the jieba words of `work` (made here when not given)."""
    if toks is None:
        toks = Tokens(work)
    roles: list[tuple[int, int]] = []
    mentions = _role_mentions(body, work, toks, roles)
    mentions += [Mention(a, b, name, role, 11.0) for a, b, name, role in byline_names(work)]
    mentions += _anonymous_mentions(work, toks)
    mentions += _dotted_mentions(work, toks)
    mentions += _speech_mentions(work, toks)
    mentions += _speaker_mentions(work, toks)
    mentions += _repeated_mentions(work)
    mentions += _statistical_mentions(body, work, toks, mentions)
    mentions = _keep_surest(mentions)
    known = _known_names(mentions, credits)
    spans: dict[str, set[tuple[int, int]]] = {name: set() for name in known}
    for mention in mentions:
        spans[mention.norm].add((mention.start, mention.end))
    taken = sorted((m.start, m.end) for m in mentions)
    facts: list[Fact] = []
    for name, label in known.items():
        for a, b in _occurrences(work, toks, name):
            if (a, b) in spans[name] or not any(x < b and a < y for x, y in taken):
                spans[name].add((a, b))
        for start, end in sorted(spans[name]):
            facts.append(Fact("person", body[start:end], start, end, label=label, norm=name))
        if not spans[name]:
            # Credited in the byline only: still a person of this story, without a place.
            facts.append(Fact("person", name, None, None, label=label, norm=name))
    return facts, roles
