"""People named in a story: after a role (社区党支部书记韩立群, 联系人:钱卫国), before a
speech verb (谭志刚说), in bylines kept in the body ((记者 魏晓东 通讯员 秦岭)), anonymised
stand-ins (孙某), three-character names a story keeps repeating, and people credited in the
story's byline. Once a name is known, every occurrence in the body is a fact, all carrying the
first role seen for that name.

Forms of address (李大爷, 张先生, 小陈) are not names and are left out on purpose.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from viewer.facts import names, words
from viewer.facts.roles import BYLINE_ROLE_RE, ROLE_NAME_GAP_RE, ROLE_RE
from viewer.facts.vocab import word_list
from viewer.model import Credit, Fact
from viewer.text import fold

_SPEECH_RE = re.compile(
    r"笑着说|说道|表示|介绍|告诉|解释|指出|认为|坦言|感慨|强调|透露|回忆|谈到|提到|说|称"
)
_ANONYMOUS_RE = re.compile(r"[\u4e00-\u9fff]某")
# A byline inside the body: (记者 魏晓东 通讯员 秦岭 丁一凡), (冉 静), or 记者 魏晓东 at line end.
_PAREN_RE = re.compile(r"\((?P<inner>[^()\n]{2,40})\)")
_BYLINE_RE = re.compile(rf"(?:(?<=^)|(?<=[\s(。!?”]))(?:{BYLINE_ROLE_RE.pattern})[ ]+\S", re.M)
# Words that close a byline: 记者 张三 报道, 李四 摄.
_BYLINE_END = frozenset(word_list("报道 摄 文 图 文/图 供图"))
_TOKEN_RE = re.compile(r"\S+")
_LINE_END_RE = re.compile(r"[ \t]*(?:\n|$)")
_TRIGRAM_RE = re.compile(
    "(?=([{}][\u4e00-\u9fff]{{2}}))".format("".join(sorted(names.SPEECH_SURNAMES)))
)
_REPEATS = 3
_PLACE_ENDINGS = frozenset(
    "市区县镇乡村路街道巷社园楼院厂局委办站所馆队组会部处科室团校店场港湾河山湖庄屯寨沟坡岭桥"
)
_PHOTO_CREDIT_RE = re.compile(
    r"^[ \t]*(?P<a>[\u4e00-\u9fff])[ ]?(?P<b>[\u4e00-\u9fff]{1,2})[ ]?摄[ \t]*$", re.M
)


@dataclass
class Mention:
    """A name found in the body before merging: span, name without spaces, role label."""

    start: int
    end: int
    norm: str
    label: str


def _role_mentions(body: str, work: str, roles: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for m in ROLE_RE.finditer(work):
        gap = ROLE_NAME_GAP_RE.match(work, m.end())
        pos = gap.end() if gap else m.end()
        end = names.name_end(work, pos)
        if end is None:
            continue
        roles.append((m.start(), m.end()))
        out.append(Mention(pos, end, work[pos:end], body[m.start() : m.end()]))
    return out


def _speech_mentions(work: str) -> list[Mention]:
    out: list[Mention] = []
    previous_end = -1
    for m in _SPEECH_RE.finditer(work):
        # 介绍说, 表示说: the second verb continues the first; the name is before the first.
        follows_verb = m.start() == previous_end
        previous_end = m.end()
        if follows_verb:
            continue
        start = names.name_start_before(work, m.start())
        if start is not None:
            out.append(Mention(start, m.start(), work[start : m.start()], ""))
    return out


def _anonymous_mentions(work: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _ANONYMOUS_RE.finditer(work):
        end = names.anonymised_end(work, m.start())
        if end is not None:
            out.append(Mention(m.start(), end, work[m.start() : end], ""))
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
            out.append(Mention(pos, pos + 3, candidate, ""))
    return out


def _find_all(text: str, needle: str) -> list[int]:
    out: list[int] = []
    pos = text.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = text.find(needle, pos + len(needle))
    return out


def _byline_tokens(work: str, start: int, end: int, *, strict: bool) -> list[Mention]:
    """Names in a run of space-separated byline tokens (role, names, role, names ...).

    Single characters pair up (冉 静 -> 冉静). A token that is neither a role nor a name ends
    the run: `strict` (bracketed bylines) then rejects everything, otherwise the names read so
    far are kept. Without a role in front, a name must start with a common surname."""
    tokens = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(work, start, end)]
    out: list[Mention] = []
    role = ""
    i = 0
    while i < len(tokens):
        a, b = tokens[i]
        token = work[a:b]
        if token in _BYLINE_END:
            break
        if BYLINE_ROLE_RE.fullmatch(token):
            role = token
            i += 1
            continue
        if len(token) == 1 and i + 1 < len(tokens) and tokens[i + 1][1] - tokens[i + 1][0] <= 2:
            b = tokens[i + 1][1]
        norm = work[a:b].replace(" ", "")
        size = names.surname_length(norm, 0)
        if not names.is_cjk_name_token(norm) or len(norm) > 3 + (size == 2) or not (size or role):
            if strict:
                return []
            break
        out.append(Mention(a, b, norm, role))
        i += 2 if b != tokens[i][1] else 1
    return out


def _byline_mentions(work: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _PAREN_RE.finditer(work):
        # (冉 静) only counts at the end of a line; mid-sentence (周口) is a gloss, not a byline.
        has_role = any(BYLINE_ROLE_RE.fullmatch(t) for t in m["inner"].split())
        if has_role or _LINE_END_RE.match(work, m.end()):
            out.extend(_byline_tokens(work, m.start("inner"), m.end("inner"), strict=True))
    for m in _BYLINE_RE.finditer(work):
        line_end = work.find("\n", m.start())
        line_end = len(work) if line_end < 0 else line_end
        bracket = work.find("(", m.start(), line_end)
        out.extend(
            _byline_tokens(work, m.start(), line_end if bracket < 0 else bracket, strict=False)
        )
    for m in _PHOTO_CREDIT_RE.finditer(work):
        norm = m["a"] + m["b"]
        if names.surname_length(norm, 0):
            out.append(Mention(m.start("a"), m.end("b"), norm, "摄影"))
    return out


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


def _occurrences(work: str, name: str) -> list[tuple[int, int]]:
    """Where `name` occurs, also spaced out as in bylines (冉 静). Two-character names must not
    be the tail of a longer word (临时工作 is not 时工)."""
    out: list[tuple[int, int]] = []
    name = fold(name)  # the working text is folded; a credit may be written in full width
    variants = [name] if len(name) != 2 else [name, f"{name[0]} {name[1]}"]
    for variant in variants:
        pos = work.find(variant)
        while pos >= 0:
            end = pos + len(variant)
            if not (len(name) == 2 and pos > 0 and words.is_common_word(work[pos - 1 : pos + 1])):
                out.append((pos, end))
            pos = work.find(variant, end)
    return out


def find_people(
    body: str, work: str, credits: Sequence[Credit] = ()
) -> tuple[list[Fact], list[tuple[int, int]]]:
    """Person facts, plus the spans of role words that introduced a name (so organisation
    candidates inside a role, such as 社区党支部 in 社区党支部书记, can be dropped)."""
    roles: list[tuple[int, int]] = []
    mentions = _role_mentions(body, work, roles)
    mentions += _speech_mentions(work)
    mentions += _anonymous_mentions(work)
    mentions += _byline_mentions(work)
    mentions += _repeated_mentions(work)
    known = _known_names(mentions, credits)
    spans: dict[str, set[tuple[int, int]]] = {name: set() for name in known}
    for mention in mentions:
        spans[mention.norm].add((mention.start, mention.end))
    facts: list[Fact] = []
    for name, label in known.items():
        spans[name].update(_occurrences(work, name))
        for start, end in sorted(spans[name]):
            facts.append(Fact("person", body[start:end], start, end, label=label, norm=name))
        if not spans[name]:
            # Credited in the byline only: still a person of this story, without a place.
            facts.append(Fact("person", name, None, None, label=label, norm=name))
    return facts, roles
