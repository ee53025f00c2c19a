"""A decoded page -> its stories: where each starts, its kicker, headline, subheads, body, bylines.

The page is read as a sequence of non-blank lines (see `lines.py`). The rules, in the order they
are applied to a headline-like line:

- a column word, a short line ending in a colon, or a short line directly above a headline is a
  kicker: it starts a story and the headline under it is that story's title;
- after a story closed by its byline, or at the top of the page, it starts a new story;
- a headline that opens with a place name (`某某社区 …`) starts a new story even inside an open one;
- directly above a byline or a `本报讯` paragraph it is a title;
- inside an open story it is a subhead when it is short (`党群服务中心`), numbered (`一、…`), or
  when a byline closes the story before the next story-starting headline; otherwise the open
  story never gets a byline and the line heads a story of its own.

A byline closes its story, and so does the phone number of an advertisement. Blank lines
belong to the story above them, so the stories' source slices tile the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.ingest import lines as ln
from viewer.ingest.bylines import Byline, split_dateline, split_trailing_byline
from viewer.ingest.kinds import has_phone, is_ad_heading, story_kind
from viewer.ingest.repair import Part, hide_duplicates, join_cut_paragraphs
from viewer.model import Credit, ParsedStory

_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d))"
)


@dataclass
class _Draft:
    first_line: int
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    parts: list[Part] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    photo: bool = False
    closed: bool = False

    def add_byline(self, printed: list[str], credits: list[Credit] | tuple[Credit, ...]) -> None:
        self.bylines.extend(printed)
        self.credits.extend(c for c in credits if c not in self.credits)


@dataclass(slots=True)
class _Body:
    """A body line taken apart: dateline (`本报讯`), the paragraph, a trailing byline."""

    dateline: list[str]
    dateline_credits: list[Credit]
    text: str
    byline: Byline | None


def split_page(text: str) -> list[ParsedStory]:
    """The stories of a page, in order. Empty or blank text has none."""
    lines = ln.page_lines(text)
    if not lines:
        return []
    bodies = {i: _take_apart(line.text) for i, line in enumerate(lines) if line.kind == ln.BODY}
    kicker = [_is_kicker(lines, i) for i in range(len(lines))]
    hard = [
        k or (line.kind == ln.HEAD and ln.is_place_led(line.text))
        for k, line in zip(kicker, lines, strict=True)
    ]
    ahead = _byline_ahead(lines, bodies, hard)
    drafts = _assemble(text, lines, bodies, kicker, hard, ahead)
    return _finish(text, lines, drafts)


def _take_apart(text: str) -> _Body:
    dateline: list[str] = []
    credits: list[Credit] = []
    opened = split_dateline(text)
    if opened:
        dateline, credits, text = opened
    paragraph, byline = split_trailing_byline(text)
    return _Body(dateline, credits, paragraph.strip(), byline)


def _is_kicker(lines: list[ln.Line], i: int) -> bool:
    line = lines[i]
    if line.kind != ln.HEAD:
        return False
    if ln.is_column_name(line.text):
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is None or nxt.kind != ln.HEAD:
        return False
    if ln.is_colon_kicker(line.text):
        return True
    # A column name is shorter than the headline under it: 某某风采 / 我和我的小院.
    longer = not ln.is_minor_head(nxt.text) or (
        ln.visible_length(nxt.text) > ln.visible_length(line.text)
    )
    return ln.is_short_kicker(line.text) and longer and not ln.is_column_name(nxt.text)


def _byline_ahead(lines: list[ln.Line], bodies: dict[int, _Body], hard: list[bool]) -> list[bool]:
    """For each line: does a byline come after it before the next story-starting headline?"""
    ahead = [False] * len(lines)
    state = False
    for i in range(len(lines) - 1, -1, -1):
        ahead[i] = state
        kind = lines[i].kind
        if hard[i] or (kind == ln.BODY and bodies[i].dateline):
            state = False  # a byline further down belongs to the story that starts here
        elif kind == ln.BYLINE or (kind == ln.BODY and bodies[i].byline is not None):
            state = True
    return ahead


def _assemble(
    text: str,
    lines: list[ln.Line],
    bodies: dict[int, _Body],
    kicker: list[bool],
    hard: list[bool],
    ahead: list[bool],
) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None

    def start(i: int) -> _Draft:
        draft = _Draft(i)
        drafts.append(draft)
        return draft

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind == ln.BYLINE:
            assert line.byline is not None
            current = current or start(i)
            current.add_byline([line.byline.text], line.byline.credits)
            current.photo |= line.byline.photo
            # A byline under the headline, before any text, heads the story instead of closing it.
            if current.parts or not (current.title or current.kicker):
                current.closed = True
        elif line.kind == ln.HEAD:
            is_open = current is not None and not current.closed and not hard[i]
            if (
                is_open
                and not _heads_a_story(lines, bodies, i)
                and _is_subhead(line.text, ahead[i])
            ):
                assert current is not None
                current.parts.append((True, line.text))
            else:
                current = start(i)
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                pair = nxt is not None and nxt.kind == ln.HEAD and not kicker[i + 1]
                # Two headline lines opening a story: the upper one is its kicker.
                if kicker[i] or (pair and not ln.is_minor_head(nxt.text)):
                    current.kicker = line.text
                    if pair:
                        current.title = nxt.text
                        i += 1
                else:
                    current.title = line.text
        elif (
            line.kind == ln.SUBTITLE
            and current is not None
            and not current.closed
            and not current.parts
            and not current.subtitle
            and (current.title or current.kicker)
        ):
            current.subtitle = line.text
        else:
            body = bodies.get(i) or _take_apart(text[line.start : line.end].strip())
            # `本报讯` opens a story: it never continues the text of the one above.
            if current is None or current.closed or (body.dateline and current.parts):
                current = start(i)
            current.add_byline(body.dateline, body.dateline_credits)
            if body.text:
                current.parts.append((False, body.text))
            if body.byline is not None:
                current.add_byline([body.byline.text], body.byline.credits)
                current.photo |= body.byline.photo
                current.closed = True
            # An advertisement has no byline; its contact line is where it ends.
            elif is_ad_heading(current.kicker + current.title) and has_phone(body.text):
                current.closed = True
        i += 1
    return drafts


def _heads_a_story(lines: list[ln.Line], bodies: dict[int, _Body], i: int) -> bool:
    """A headline directly above a byline or a `本报讯` paragraph is that story's title."""
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    return nxt.kind == ln.BYLINE or (nxt.kind == ln.BODY and bool(bodies[i + 1].dateline))


def _is_subhead(text: str, byline_ahead: bool) -> bool:
    return byline_ahead or ln.is_minor_head(text) or bool(_NUMBERED.match(text))


def _finish(text: str, lines: list[ln.Line], drafts: list[_Draft]) -> list[ParsedStory]:
    starts = [0] + [lines[d.first_line].start for d in drafts[1:]]
    ends = [*starts[1:], len(text)]
    repaired = hide_duplicates([join_cut_paragraphs(d.parts) for d in drafts])
    stories: list[ParsedStory] = []
    for seq, (draft, (parts, hidden)) in enumerate(zip(drafts, repaired, strict=True)):
        body = "\n".join(part for _, part in parts)
        stories.append(
            ParsedStory(
                seq=seq,
                kind=story_kind(
                    kicker=draft.kicker,
                    title=draft.title,
                    body=body,
                    has_credits=bool(draft.credits or draft.bylines),
                    photo=draft.photo,
                ),
                kicker=draft.kicker,
                title=draft.title,
                subtitle=draft.subtitle,
                subheads=[part for is_subhead, part in parts if is_subhead],
                byline=" ".join(draft.bylines),
                credits=list(draft.credits),
                body=body,
                source_start=starts[seq],
                source_end=ends[seq],
                hidden=hidden,
            )
        )
    return stories
