"""What each line of a page looks like on its own: byline, credit, end note, subtitle,
headline-like, or body, and how many blank lines stand above it.

The context-dependent decisions (is this headline a kicker, a subhead, a new story?) belong to
`starts.py` and `split.py`; this module only answers questions about one line, so every answer is
cheap and testable in isolation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.ingest.bylines import Byline, is_end_note, parse_byline, parse_credit_line
from viewer.ingest.vocab import (
    COLUMN_ENDINGS,
    COLUMN_WORDS,
    CUT_ENDINGS,
    GENERIC_PLACE_ENDINGS,
    GENERIC_PLACE_PREFIXES,
    WORDS_ENDING_LIKE_CUTS,
)

BYLINE = "byline"
CREDIT = "credit"  # `图片：新华社`: credits a picture, neither opens nor closes a story
NOTE = "note"  # `（完）`, `（作者为…）`: text that closes the story above it
SUBTITLE = "subtitle"
HEAD = "head"
BODY = "body"

MAX_HEADLINE = 45
MAX_MINOR_HEAD = 9  # visible characters of a section head like 党群服务中心
MAX_SHORT_KICKER = 8  # visible characters of a column name like 某某风采

_SUBTITLE = re.compile(r"^(?:[—―─]+|[-－]{2,})\s*(.*)$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_WORDISH = re.compile(r"[\u4e00-\u9fffA-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_TRAILING_DIGITS = re.compile(r"\d+$")
_COMMA = re.compile("[,，]")
_NEVER_ENDS_HEAD = frozenset(",，、;；…（(［【“‘《")
_COLONS = ":："
_SEPARATED = re.compile(r"[\s\u3000,，、:：;；]")
_DECORATION = re.compile(r"[\s\u3000“”‘’\"'「」『』《》〈〉【】]")
_PLACE_LED = re.compile(r"^([\u4e00-\u9fff]{2,10}?)(社区|街道|村|镇|乡)")
# A prefix ending like this is a verb phrase, not a name: 走进社区, 科学育儿进社区.
_VERBISH_ENDINGS = frozenset("进入到在为促助帮建治管抓的和与是了把让对从向")
# Reported speech is a sentence: `陕西网友跟帖称：“震感明显，持续时间20秒！”`.
_QUOTED_SPEECH = re.compile(
    r"(?:称|说|道|表示|指出|认为|介绍|留言|写道)[:：]\s*[“‘「].*[。！？!?…][”’」]$"
)
# Characters some exports leave at line ends where a separator was (sogou's U+E40C).
_PRIVATE_EDGES = re.compile(r"^[\ue000-\uf8ff\s]+|[\ue000-\uf8ff\s]+$")
BRIEF_MARKS = "■□●◆▲★▶►◎"
_SENTENCE_MARKS = re.compile("[，。！？；“]")
# `…中国已经．．．　［详细］`: a "more" link closes a teaser paragraph, never a headline.
_TRAILING_TAG = re.compile(r".[［【\[][^［【\[］】\]]{1,6}[］】\]]$")
# A link label or tag in square brackets (`［详细］`, `【图集】`) is page furniture, not a headline.
_TAG = re.compile(r"^[［【\[][^［【\[］】\]]{0,12}[］】\]]$")


@dataclass(slots=True)
class Line:
    """A non-blank line of the page: offsets of the raw line, its stripped text, its kind."""

    start: int
    end: int
    text: str
    kind: str
    byline: Byline | None = None
    gap: int = 0  # blank lines between this line and the previous non-blank one (or the top)


def page_lines(text: str) -> list[Line]:
    """The non-blank lines of `text` with their kinds. Only \\n separates lines."""
    lines: list[Line] = []
    pos = 0
    blanks = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped and (_is_private(stripped[0]) or _is_private(stripped[-1])):
            stripped = _PRIVATE_EDGES.sub("", stripped) or stripped
        if stripped:
            line = _classify(pos, pos + len(raw), stripped)
            line.gap = blanks
            lines.append(line)
            blanks = 0
        else:
            blanks += 1
        pos += len(raw) + 1
    return lines


def _is_private(char: str) -> bool:
    return "\ue000" <= char <= "\uf8ff"


def _classify(start: int, end: int, text: str) -> Line:
    heading = _MARKDOWN_HEADING.match(text)
    if heading and heading.group(1):
        return Line(start, end, heading.group(1), HEAD)
    # Before bylines: `图片：东湖晚报` would parse as a name (图片) and a paper.
    credit = parse_credit_line(text)
    if credit is not None:
        return Line(start, end, text, CREDIT, credit)
    byline = parse_byline(text)
    if byline is not None:
        return Line(start, end, text, BYLINE, byline)
    if is_end_note(text):
        return Line(start, end, text, NOTE)
    subtitle = _SUBTITLE.match(text)
    if subtitle and subtitle.group(1):
        return Line(start, end, subtitle.group(1).strip(), SUBTITLE)
    return Line(start, end, text, HEAD if is_headline_like(text) else BODY)


def is_headline_like(text: str) -> bool:
    """Short, no full stop, not ending like a sentence or a cut-off fragment."""
    if len(text) > MAX_HEADLINE or "。" in text or len(_WORDISH.findall(text)) < 2:
        return False
    if _TAG.match(text) or _TRAILING_TAG.search(text) or _QUOTED_SPEECH.search(text):
        return False
    # Wholly in round brackets it is an aside (`（资料图）`, `（上）`), not a headline.
    if text[0] in "（(" and text[-1] in "）)":
        return False
    # A brief set off by its marker is text: `■就…发声明 本报讯（记者…）“…！`.
    if text[0] in BRIEF_MARKS and _SENTENCE_MARKS.search(text):
        return False
    last = text[-1]
    if last in _NEVER_ENDS_HEAD or is_cut_fragment(text):
        return False
    # `开栏语:` is a column name; a longer line ending in a colon introduces what follows.
    return not (last in _COLONS and len(text) > 12)


def is_cut_fragment(text: str) -> bool:
    """A line OCR cut mid-sentence: `…记者看到工作人员某某正为`, `…清理1`."""
    last = text[-1]
    if last in CUT_ENDINGS:
        return not text.endswith(WORDS_ENDING_LIKE_CUTS)
    digits = _TRAILING_DIGITS.search(text)
    if digits:
        return len(digits.group()) != 4  # a year can end a headline: 喜迎2022
    return last == "了" and bool(_COMMA.search(text))


def visible_length(text: str) -> int:
    return len(_DECORATION.sub("", text))


def is_minor_head(text: str) -> bool:
    """A section head short enough to sit inside any story: 便民服务站, ‘一对一’的帮扶."""
    return visible_length(text) <= MAX_MINOR_HEAD and not _SEPARATED.search(text)


def is_column_name(text: str) -> bool:
    """A known column word (社区动态, 开栏语:, 某某人物系列报道)."""
    name = text.rstrip(_COLONS).strip()
    if name in COLUMN_WORDS:
        return True
    return len(name) <= 20 and name.endswith(COLUMN_ENDINGS)


def is_colon_kicker(text: str) -> bool:
    return text[-1] in _COLONS and len(text) <= 12


def is_short_kicker(text: str) -> bool:
    """Short enough to be a column name when a headline follows it: 某某风采 above its headline."""
    return visible_length(text) <= MAX_SHORT_KICKER and not _SEPARATED.search(text)


def is_place_led(text: str) -> bool:
    """A headline that opens with a place: `某某社区: …`, `某某村 …`, `某某社区好风光 …`."""
    match = _PLACE_LED.match(text)
    if not match:
        return False
    prefix, suffix = match.groups()
    name = prefix + suffix
    rest = text[match.end() :]
    if not rest.strip(" \u3000:：") or prefix in GENERIC_PLACE_PREFIXES:
        return False
    if name.endswith(GENERIC_PLACE_ENDINGS) or (suffix in "乡镇" and rest[0] in "村镇"):
        return False
    if prefix[-1] in _VERBISH_ENDINGS or any(c in prefix for c in "的与是了把让"):
        return False
    # Without a separator after it only a short name is trusted: 某某社区好风光,
    # not 党建引领社区治理.
    return rest[0] in " \u3000:：" or len(prefix) <= 3
