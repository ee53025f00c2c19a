"""Bylines: who wrote or photographed a story, kept as printed and as a list of credits.

Handles the forms papers print: a line of its own (`记者 甲乙 某某时报 丙丁 文/图`,
`(记者 甲 通讯员 乙 丙)`, `(王 芳)`, `本报通讯员撰`, `林 峰摄`, `文／柏青`), a byline appended to
the last paragraph (`…的步伐。记者 甲乙 文/图`, `…更好了。” (周 敏)`), and the dateline that
opens a paragraph (`本报讯`, `新华社北京１月１日电（记者 …）`; where it ends is
`datelines.dateline_span`'s answer). Anything that does not parse completely as roles and names
is not a byline, which is what keeps `(2020年)` or `(某某小区对面)` in the body.

Two kinds of line are neither text nor byline: a picture credit (`图片：新华社`), which belongs to
the story around it, and an end note (`（完）`, `（作者为…）`), which closes the story above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.ingest.datelines import dateline_span
from viewer.ingest.vocab import (
    BYLINE_SUFFIXES,
    COMPOUND_SURNAMES,
    ORG_ROLE_SUFFIXES,
    PHOTO_SUFFIXES,
    ROLE_SUFFIXES,
    ROLE_WORDS,
    SURNAMES,
)
from viewer.model import Credit
from viewer.text import fold_keep_case


@dataclass(frozen=True)
class Byline:
    text: str  # as printed, brackets included
    credits: tuple[Credit, ...]
    photo: bool  # ends with 摄: the story is (mostly) a picture


_OPEN = "(（"
_CLOSE = ")）"
# After these a paragraph's sentence is complete, so what follows may be a byline.
_TERMINAL = "。！？!?”’」』…"
_MAX_BYLINE = 60
_ALLOWED = re.compile(r"^[\u4e00-\u9fff·•/\s\u3000、，,：:]+$")
_SEPARATORS = re.compile(r"[\s\u3000、，,：:]+")
_SUFFIX = re.compile(
    r"(文\s*/\s*图|图\s*/\s*文|文图|摄影报道|摄影|摄|报道|撰稿|供稿|整理|撰|制图)$"
)
_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,5}[·•][\u4e00-\u9fff]{1,6})$")
_SINGLE = re.compile(r"^[\u4e00-\u9fff]$")
_ROLE_WITH_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:" + "|".join(ROLE_SUFFIXES) + r")$")
# One-character endings (报, 台) need a longer token so a three-character name never matches.
_ORG_ROLE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,12}(?:"
    + "|".join(s for s in ORG_ROLE_SUFFIXES if len(s) > 1)
    + r")|[\u4e00-\u9fff]{3,12}[报台])$"
)
_MAX_NOTE = 30
_PREFIX = re.compile(r"^(文|图|摄影|摄|图文|文图)\s*/\s*(?=\S)")
_PREFIX_ROLES = {
    "文": "文",
    "图": "摄影",
    "摄影": "摄影",
    "摄": "摄影",
    "图文": "文/图",
    "文图": "文/图",
}
_DATELINE_WINDOW = 160
_DISPATCH_WORDS = ("电", "讯", "息", "报道")
# `图/张三` is a byline (see _PREFIX); with a colon the line credits a picture in the story.
_CREDIT_LINE = re.compile(r"^(图片|图|照片|摄影|制图|漫画|视频)\s*[:：]\s*([^。，,：:]{1,20})$")
_SOURCE_NOTE = re.compile(
    r"^(?:来源|稿件来源|作者|责任编辑|编辑)[:：][^。]{1,30}$|^[^。]{0,12}[（(]来源[:：]"
)
# What a bracketed end note says: 完, 待续, 作者为…, 本文来源…, 责任编辑：…, 据某某报.
_NOTE = re.compile(
    r"(?:全文)?完|(?:未完)?待续|下转.{1,8}|作者(?:为|系|是|单位)|(?:本文|稿件)?来源[:：]|"
    r"(?:责任)?编辑[:：]|据"
)
# A source named alone: `（参考消息网）`, `（东湖晚报）`.
_SOURCE = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,10}(?:网|报|社|台|日报|晚报|电视台|新闻)")
_ROLE_SET = frozenset(ROLE_WORDS)


def parse_byline(text: str) -> Byline | None:
    """The byline `text` is, or None when any part of it is not a role, a name or a suffix."""
    printed = text.strip()
    if len(printed) > _MAX_BYLINE + 2:  # before folding: most lines are long paragraphs
        return None
    inner = fold_keep_case(printed)  # same length: （记者　张三） and 文／图 parse like ASCII
    bracketed = len(inner) >= 2 and inner[0] in _OPEN and inner[-1] in _CLOSE
    if bracketed:
        inner = inner[1:-1].strip()
    if not inner or len(inner) > _MAX_BYLINE or not _ALLOWED.match(inner):
        return None
    prefix = _PREFIX.match(inner)  # `文/张三`, `图／李四`: the role comes first, before a slash
    if prefix:
        inner = inner[prefix.end() :]
    suffix = ""
    spaced = False  # `青冥 摄`: the credit stands apart from the names
    match = _SUFFIX.search(inner)
    if match:
        suffix = re.sub(r"\s", "", match.group(1))
        spaced = match.start() > 0 and inner[match.start() - 1].isspace()
        inner = inner[: match.start()].strip()
    tokens = _tokens(inner)
    if tokens is None:
        return None
    has_role = any(kind == "role" for kind, _ in tokens)
    names = [value for kind, value in tokens if kind == "name"]
    if prefix:
        tokens = [("role", _PREFIX_ROLES[prefix.group(1)]), *tokens]
    elif not has_role:
        if not (bracketed or suffix) or not names:
            return None
        # A photographer set apart from 摄 needs no common surname: names on picture credits
        # are often rare ones or transliterations (`卡马乔 摄`).
        photo_credit = spaced and suffix in PHOTO_SUFFIXES and all(len(n) <= 3 for n in names)
        if not photo_credit and not all(_looks_like_person(name) for name in names):
            return None
    elif not names and not (bracketed or suffix or inner.startswith("本")):
        return None
    photo = suffix in PHOTO_SUFFIXES or (
        prefix is not None and prefix.group(1) in ("图", "摄", "摄影")
    )
    return Byline(printed, _credits(tokens, BYLINE_SUFFIXES.get(suffix, "")), photo)


def split_trailing_byline(paragraph: str) -> tuple[str, Byline | None]:
    """(paragraph without it, byline) when it ends with a byline, else (paragraph, None)."""
    text = paragraph.rstrip()
    if not text:
        return paragraph, None
    if text[-1] in _CLOSE:
        open_at = max(text.rfind("("), text.rfind("（"))
        head = text[:open_at].rstrip()
        if open_at > 0 and head:
            byline = parse_byline(text[open_at:])
            # Without a full stop before it, only a byline with names is trusted: `…由张三(记者)`.
            if byline and (head[-1] in _TERMINAL or byline.credits):
                return head, byline
        return paragraph, None
    cut = max(text.rfind(mark) for mark in _TERMINAL)
    if 0 <= cut < len(text) - 1:
        byline = parse_byline(text[cut + 1 :])
        if byline:
            return text[: cut + 1], byline
    return paragraph, None


def split_dateline(paragraph: str) -> tuple[list[str], list[Credit], str] | None:
    """(printed parts, credits, rest) for a paragraph opening with a dateline: `本报讯`,
    `本报北京１月１日讯`, `新华社北京１月１日电（记者 …）`, `（记者 …）` and the like.

    Where the dateline ends is `datelines.dateline_span`'s answer; this only takes the bracketed
    byline after it apart into credits, and a bare `记者 张三 李四` run (`南都讯　记者 …　正文`)."""
    # A dateline with its bracketed byline is far shorter than the window, and it says 电, 讯,
    # 消息/信息 or 报道 unless it is a bracketed byline: most paragraphs are ruled out cheaply.
    opening = paragraph[:_DATELINE_WINDOW]
    if not (opening.lstrip()[:1] in "(（【[" or any(word in opening for word in _DISPATCH_WORDS)):
        return None
    span = dateline_span(opening)
    if span is None or span[1] <= span[0]:
        return None
    start, end = span
    printed = paragraph[start:end].strip()
    rest = paragraph[end:]
    parts: list[str] = []
    credits: list[Credit] = []
    open_at = min((i for i in (printed.find("("), printed.find("（")) if i >= 0), default=-1)
    if open_at >= 0:
        head, bracket = printed[:open_at].strip(), printed[open_at:].rstrip(":： \u3000")
        byline = parse_byline(bracket)
        if head:
            parts.append(head)
        parts.append(bracket)
        if byline:
            credits.extend(byline.credits)
    else:
        parts.append(printed.rstrip(":："))
        run = _bare_byline_run(rest)
        if run is not None:
            byline, rest = run
            parts.append(byline.text)
            credits.extend(byline.credits)
    return parts, credits, rest.lstrip(" \u3000:：")


def _bare_byline_run(rest: str) -> tuple[Byline, str] | None:
    """`　记者 甲乙　丙丁　正文…` -> (the byline, the text after it): the longest run of
    space-separated tokens that still parses as a byline, when it opens with a role."""
    tokens = re.split(r"([\s\u3000]+)", rest.lstrip(" \u3000"))
    words = tokens[::2]
    if len(words) < 2 or not words[0].startswith(ROLE_WORDS):
        return None
    best: tuple[Byline, int] | None = None
    for count in range(1, min(len(words) - 1, 8) + 1):
        byline = parse_byline(" ".join(words[:count]))
        if byline is not None and byline.credits:
            best = (byline, count)
    if best is None:
        return None
    byline, count = best
    printed = "".join(tokens[: 2 * count - 1])
    offset = len(rest) - len(rest.lstrip(" \u3000"))
    return Byline(printed, byline.credits, byline.photo), rest[offset + len(printed) :]


def parse_credit_line(text: str) -> Byline | None:
    """A picture credit on a line of its own that does not end the story: `图片：新华社`,
    `摄影：李四`. Not a caption (`图为…`), which is text."""
    match = _CREDIT_LINE.match(text.strip())
    if not match:
        return None
    who = match.group(2).strip()
    name = who.replace(" ", "").replace("\u3000", "")
    credits = (Credit(name, "摄影"),) if _NAME.match(name) and _looks_like_person(name) else ()
    return Byline(text.strip(), credits, True)


def is_end_note(text: str) -> bool:
    """A line that ends a story without being part of its text flow: an end mark (`（完）`,
    `（待续）`), an author's note (`（作者为…）`), a source (`（参考消息网）`, `来源：某某报`), an
    editor's credit (`（责任编辑：…）`). Other bracketed lines (`（资料图）`) are text."""
    line = text.strip()
    if _SOURCE_NOTE.match(line):
        return True
    if len(line) < 3 or len(line) > _MAX_NOTE or line[0] not in _OPEN or line[-1] not in _CLOSE:
        return False
    inner = line[1:-1].strip()
    if any(c in inner for c in "()（）。"):
        return False
    return bool(_NOTE.match(inner) or _SOURCE.fullmatch(inner))


def _tokens(inner: str) -> list[tuple[str, str]] | None:
    """[("role", 记者), ("name", 张小红), …] or None when a piece is neither."""
    out: list[tuple[str, str]] = []
    pieces: list[str] = []  # single characters waiting to be merged: `王 芳` is one name

    def flush() -> bool:
        if pieces:
            name = "".join(pieces)
            pieces.clear()
            if not _NAME.match(name):
                return False
            out.append(("name", name))
        return True

    for token in _SEPARATORS.split(inner):
        if not token:
            continue
        if _SINGLE.match(token):
            pieces.append(token)
            continue
        if not flush():
            return None
        parsed = _token(token)
        if parsed is None:
            return None
        out.extend(parsed)
    if not flush() or not out:
        return None
    return out


def _token(token: str) -> list[tuple[str, str]] | None:
    if _is_role(token):
        return [("role", token)]
    if _NAME.match(token):
        return [("name", token)]
    # A role fused with its name: 记者张小红, 某某融媒记者王芳.
    for role in (*ROLE_WORDS, *ROLE_SUFFIXES):
        at = token.find(role)
        if at >= 0:
            role_part, name = token[: at + len(role)], token[at + len(role) :]
            # The name must look like one: 记者看到 is a role and a verb.
            if _is_role(role_part) and _NAME.match(name) and _looks_like_person(name):
                return [("role", role_part), ("name", name)]
    return None


def _is_role(token: str) -> bool:
    return token in _ROLE_SET or bool(_ROLE_WITH_PREFIX.match(token) or _ORG_ROLE.match(token))


def _credits(tokens: list[tuple[str, str]], default_role: str) -> tuple[Credit, ...]:
    """Each name takes the role printed before it; names before any role take the suffix's."""
    role = ""
    credits: list[Credit] = []
    for kind, value in tokens:
        if kind == "role":
            role = value
        else:
            credits.append(Credit(value, role or default_role))
    return tuple(credits)


def _looks_like_person(name: str) -> bool:
    return name[:2] in COMPOUND_SURNAMES or name[0] in SURNAMES
