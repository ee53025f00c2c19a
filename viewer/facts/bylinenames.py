"""Names in bylines that stayed in the story body: `(记者 魏晓东 通讯员 秦岭 丁一凡)`,
`(记者张荣典)`, `(记者马力通讯员于士林)`, `(冉 静)` at the end of a line, `记者 魏晓东` at a
line end, `林 峰摄`. Returns (start, end, name without spaces, role) for each name."""

from __future__ import annotations

import re

from viewer.facts import names, words
from viewer.facts.nameevidence import NAME_TAGS
from viewer.facts.roles import BYLINE_ROLE_RE, BYLINE_ROLES
from viewer.facts.vocab import word_list

Credited = tuple[int, int, str, str]

# A byline inside the body: (记者 魏晓东 通讯员 秦岭 丁一凡), (冉 静), or 记者 魏晓东 at line end.
_PAREN_RE = re.compile(r"\((?P<inner>[^()\n]{2,40})\)")
_BYLINE_RE = re.compile(rf"(?:(?<=^)|(?<=[\s(。!?”]))(?:{BYLINE_ROLE_RE.pattern})[ ]+\S", re.M)
# Words that close a byline: 记者 张三 报道, 李四 摄.
_BYLINE_END = frozenset(word_list("报道 摄 文 图 文/图 供图 发自 撰"))
_BYLINE_PIECE_RE = re.compile(r"[^\s、,]+")
_LINE_END_RE = re.compile(r"[ \t]*(?:\n|$)")
_PHOTO_CREDIT_RE = re.compile(
    r"^[ \t]*(?P<a>[\u4e00-\u9fff])[ ]?(?P<b>[\u4e00-\u9fff]{1,2})[ ]?摄[ \t]*$", re.M
)


def _byline_pieces(work: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of a byline: runs between spaces and `、`, with fixed role words split off the
    names glued to them (记者马力通讯员于士瑞 -> 记者, 马力, 通讯员, 于士瑞)."""
    out: list[tuple[int, int]] = []
    for m in _BYLINE_PIECE_RE.finditer(work, start, end):
        a, b = m.span()
        if BYLINE_ROLE_RE.fullmatch(work, a, b):
            out.append((a, b))
            continue
        pos = a
        for role in _FIXED_ROLE_RE.finditer(work, a, b):
            if role.start() > pos:
                out.append((pos, role.start()))
            out.append(role.span())
            pos = role.end()
        if pos < b:
            out.append((pos, b))
    return out


def _byline_tokens(work: str, start: int, end: int, *, strict: bool) -> list[Credited]:
    """Names in a run of byline pieces (role, names, role, names ...), separated by spaces or
    `、`, or glued to their role (记者张荣典).

    Single characters pair up (冉 静 -> 冉静). A piece that is neither a role nor a name ends
    the run: `strict` (bracketed bylines) then rejects everything, otherwise the names read so
    far are kept. Without a role in front, a name must start with a common surname."""
    pieces = _byline_pieces(work, start, end)
    out: list[Credited] = []
    role = ""
    i = 0
    while i < len(pieces):
        a, b = pieces[i]
        piece = work[a:b]
        if piece in _BYLINE_END:
            break
        if BYLINE_ROLE_RE.fullmatch(piece):
            role = piece
            i += 1
            continue
        for tail in _BYLINE_END:
            if piece.endswith(tail) and len(piece) - len(tail) >= 2:
                b -= len(tail)
                piece = work[a:b]
                break
        if (
            len(piece) == 1
            and i + 1 < len(pieces)
            and pieces[i + 1][1] - pieces[i + 1][0] <= 2
            and work[b : pieces[i + 1][0]].isspace()
        ):
            b = pieces[i + 1][1]
        norm = work[a:b].replace(" ", "")
        size = names.surname_length(norm, 0)
        if not names.is_cjk_name_token(norm) or len(norm) > 3 + (size == 2) or not (size or role):
            if strict:
                return []
            break
        out.append((a, b, norm, role))
        i += 2 if b != pieces[i][1] else 1
    return out


_FIXED_ROLE_RE = re.compile(
    "|".join(sorted((re.escape(r) for r in BYLINE_ROLES if len(r) >= 2), key=len, reverse=True))
)


def byline_names(work: str) -> list[Credited]:
    """Every credited name of the bylines left in `work`."""
    out: list[Credited] = []
    for m in _PAREN_RE.finditer(work):
        # (冉 静) only counts at the end of a line; mid-sentence (周口) is a gloss, not a byline.
        inner = m["inner"]
        has_role = BYLINE_ROLE_RE.match(inner) is not None or any(
            BYLINE_ROLE_RE.fullmatch(t) for t in inner.split()
        )
        if not has_role and _is_plain_word(inner):
            continue  # (沈阳), (上海): a gloss, not a byline
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
            out.append((m.start("a"), m.end("b"), norm, "摄影"))
    return out


def _is_plain_word(text: str) -> bool:
    freq = words.frequency(text)
    return bool(freq) and (words.tag(text) or "") not in NAME_TAGS
