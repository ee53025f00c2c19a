"""Bylines: who wrote or photographed a story, kept as printed and as a list of credits.

Handles the forms local papers print: a line of its own (`记者 甲乙 某某时报 丙丁 文/图`,
`(记者 甲 通讯员 乙 丙)`, `(王 芳)`, `本报通讯员撰`, `林 峰摄`), a byline appended to the last
paragraph (`…的步伐。记者 甲乙 文/图`, `…更好了。” (周 敏)`), and the `本报讯` dateline that
opens a paragraph. Anything that does not parse completely as roles and names is not a byline,
which is what keeps `(2020年)` or `(某某小区对面)` in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_DATELINE = re.compile(r"^(本报讯|本台讯|本网讯|本报[^\s，,。：:（(]{1,12}?讯)[\s\u3000]*")
_ROLE_SET = frozenset(ROLE_WORDS)


def parse_byline(text: str) -> Byline | None:
    """The byline `text` is, or None when any part of it is not a role, a name or a suffix."""
    printed = text.strip()
    inner = fold_keep_case(printed)  # same length: （记者　张三） and 文／图 parse like ASCII
    bracketed = len(inner) >= 2 and inner[0] in _OPEN and inner[-1] in _CLOSE
    if bracketed:
        inner = inner[1:-1].strip()
    if not inner or len(inner) > _MAX_BYLINE or not _ALLOWED.match(inner):
        return None
    suffix = ""
    match = _SUFFIX.search(inner)
    if match:
        suffix = re.sub(r"\s", "", match.group(1))
        inner = inner[: match.start()].strip()
    tokens = _tokens(inner)
    if tokens is None:
        return None
    has_role = any(kind == "role" for kind, _ in tokens)
    names = [value for kind, value in tokens if kind == "name"]
    if not has_role:
        if not (bracketed or suffix) or not names:
            return None
        if not all(_looks_like_person(name) for name in names):
            return None
    elif not names and not (bracketed or suffix or inner.startswith("本")):
        return None
    return Byline(
        printed, _credits(tokens, BYLINE_SUFFIXES.get(suffix, "")), suffix in PHOTO_SUFFIXES
    )


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
    """(printed parts, credits, rest) for a paragraph opening with `本报讯` or `本报讯(记者 …)`."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    parts = [match.group(1)]
    credits: list[Credit] = []
    rest = paragraph[match.end() :]
    if rest[:1] and rest[0] in _OPEN:
        close_at = min((i for i in (rest.find(")"), rest.find("）")) if i > 0), default=-1)
        byline = parse_byline(rest[: close_at + 1]) if close_at > 0 else None
        if byline:
            parts.append(byline.text)
            credits.extend(byline.credits)
            rest = rest[close_at + 1 :]
    return parts, credits, rest.lstrip(" \u3000")


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
