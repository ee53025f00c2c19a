"""Where stories start: every line of a page weighed for the evidence that a story opens there.

Evidence that a headline opens a story:
- what follows it: a dateline (`本报讯`, `新华社北京１月１日电`), a byline (`本报记者 张三`), a
  subtitle (`——…`), a second headline line (kicker and headline), a table under it;
- what precedes it: the story above ended (a byline, `（完）`, an advertisement's phone number), or
  a wider blank gap than the page puts between paragraphs, on pages where gaps mean that;
- what it is: a column word (`社区动态`), a headline that opens with a place (`某某社区： …`).

A headline with none of these inside an open story is decided once the page has been read
(`sections.py`): it is a section head only when its family says so, else a story of its own.

Text opens a story without a headline when the story above is closed, after a wider gap (where
gaps mean that), as a caption (a short sentence with a photo credit), or when it opens the way a
brief does (a dateline, `■`) right after a headline-less brief. Under a headline a dateline
opens a second report the article quotes, not a story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from viewer.ingest import lines as ln
from viewer.ingest.bylines import Byline
from viewer.ingest.kinds import has_phone, is_ad_heading
from viewer.ingest.layout import Gaps
from viewer.ingest.sections import NUMBERED, decide_pending
from viewer.model import Credit

MAX_CAPTION = 60  # a caption is one short sentence under (or beside) its photo credit
MAX_LEAD_IN = 12  # `编辑同志：` opens a letter's text; a longer line ending in a colon is text
# A caption that begins like this describes the story's own photo.
_OWN_PHOTO = ("图为", "图中", "上图", "下图", "左图", "右图", "图①", "图1", "图一", "图片为")
_THE_END = re.compile(r"[（(]\s*完\s*[)）]$")


@dataclass(slots=True)
class Body:
    """A text line taken apart: dateline (`本报讯`), the paragraph, a trailing byline."""

    dateline: list[str]
    dateline_credits: list[Credit]
    text: str
    byline: Byline | None


@dataclass(frozen=True)
class Page:
    """What is known of a page's lines before deciding where stories start. `heading[i]`: the
    headline-like line is a heading, not a table row or a lead-in (`编辑同志：`)."""

    lines: list[ln.Line]
    bodies: dict[int, Body]
    gaps: Gaps
    rows: set[int]
    lead_ins: set[int]
    heading: list[bool]


def read_page(lines: list[ln.Line], bodies: dict[int, Body], gaps: Gaps, rows: set[int]) -> Page:
    lead_ins = _lead_ins(lines, rows)
    heading = [
        line.kind == ln.HEAD and i not in rows and i not in lead_ins for i, line in enumerate(lines)
    ]
    return Page(lines, bodies, gaps, rows, lead_ins, heading)


def plan_starts(page: Page, first: int) -> list[bool]:
    """Per line: does a story start there. Lines before `first` (the page header) never do."""
    scan = _Scan(page)
    for i in range(first, len(page.lines)):
        scan.step(i)
    decide_pending(page.lines, page.heading, scan.starts, scan.closes, scan.pending)
    return scan.starts


class _Scan:
    """One pass down the page deciding every line except headlines with no evidence either way
    (`pending`), which `sections.decide_pending` settles by family afterwards."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.starts = [False] * len(page.lines)
        self.closes = [False] * len(page.lines)  # a byline or end mark closes the story here
        self.pending: list[int] = []
        self.has_story = False
        self.paragraphs = 0  # of text in the current story (not headings, bylines, lead-ins)
        self.headed = False  # the current story has a headline (not only a column word)
        self.closed = False
        self.advert = False  # the current story's headings call it an advertisement

    def start(self, i: int) -> None:
        self.starts[i] = True
        self.has_story, self.paragraphs, self.headed, self.closed = True, 0, False, False
        self.advert = False

    def close(self, i: int) -> None:
        # A byline under the headline, before any text, heads the story instead of closing it.
        if self.paragraphs:
            self.closed = self.closes[i] = True

    def step(self, i: int) -> None:
        line = self.page.lines[i]
        # A wider gap than the page's paragraphs get opens a story (where gaps mean that).
        wide = self.page.gaps.wide_before(line) and line.kind in (ln.HEAD, ln.BODY)
        if not self.has_story or wide:
            self.start(i)
        if self.page.heading[i]:
            self._heading(i)
        elif line.kind == ln.BYLINE:
            self.close(i)
        elif line.kind == ln.NOTE:
            self.paragraphs += 1
            self.close(i)
        elif line.kind in (ln.BODY, ln.HEAD):
            self._text(i)

    def _heading(self, i: int) -> None:
        if not self.starts[i]:
            if self.closed or (self.paragraphs and self._opens(i)):
                self.start(i)
            elif self.paragraphs:
                self.pending.append(i)  # no evidence either way: decided by its family
                return
        text = self.page.lines[i].text
        self.advert |= is_ad_heading(text)
        self.headed |= not ln.is_column_name(text)

    def _text(self, i: int) -> None:
        body = self.page.bodies[i]
        if self.paragraphs and not self.starts[i] and (self.closed or self._opens_text(i, body)):
            self.start(i)
        if i not in self.page.lead_ins:
            self.paragraphs += 1
        # An advertisement has no byline; its contact line is where it ends.
        advert_ends = self.advert and has_phone(body.text)
        if body.byline is not None or _THE_END.search(body.text) or advert_ends:
            self.close(i)

    def _opens(self, i: int) -> bool:
        """Strong evidence that the headline at `i` opens a story."""
        page, line = self.page, self.page.lines[i]
        if NUMBERED.match(line.text):  # `一、` over `（一）` are sections of one story
            return False
        if ln.is_column_name(line.text) or ln.is_place_led(line.text):
            return True
        k = self._next(i)
        if k >= len(page.lines):
            return False
        nxt = page.lines[k]
        if page.heading[k] or k in page.rows or nxt.kind == ln.SUBTITLE:
            return True
        if nxt.kind == ln.BYLINE:
            return self._heads_text(k)
        return nxt.kind == ln.BODY and bool(page.bodies[k].dateline)

    def _heads_text(self, k: int) -> bool:
        """The byline at `k` opens a story: text follows it. After a line like a slogan that
        ends a story (`众志成城 共克时艰`) a byline is followed by the next headline instead."""
        lines = self.page.lines
        while k < len(lines) and lines[k].kind in (ln.BYLINE, ln.CREDIT):
            k += 1
        return k < len(lines) and not self.page.heading[k]

    def _next(self, i: int) -> int:
        """The line after `i` that says something about it: lead-ins and picture credits are
        skipped (`编辑同志：` between a letter's headline and its dateline)."""
        page, k = self.page, i + 1
        while k < len(page.lines) and (page.lines[k].kind == ln.CREDIT or k in page.lead_ins):
            k += 1
        return k

    def _opens_text(self, i: int, body: Body) -> bool:
        """Text that opens a headline-less story inside an open one."""
        if self._caption(i, body):
            return True
        opener = bool(body.dateline) or body.text[:1] in ln.BRIEF_MARKS
        return opener and not self.headed

    def _caption(self, i: int, body: Body) -> bool:
        """A short sentence with a photo credit beside or under it, not about this story's photo."""
        if len(body.text) > MAX_CAPTION or body.text.startswith(_OWN_PHOTO):
            return False
        if body.byline is not None:
            return body.byline.photo
        lines = self.page.lines
        byline = lines[i + 1].byline if i + 1 < len(lines) else None
        return byline is not None and lines[i + 1].kind == ln.BYLINE and byline.photo


def _lead_ins(lines: list[ln.Line], rows: set[int]) -> set[int]:
    """Short lines ending in a colon, not column words, above text, a list or another such
    line: `编辑同志：` above a letter, `各有关单位：` `现将名单公布如下：` above a list."""
    out: set[int] = set()
    for i in range(len(lines) - 2, -1, -1):
        line, nxt = lines[i], i + 1
        if line.kind != ln.HEAD or line.text[-1] not in ":：" or len(line.text) > MAX_LEAD_IN:
            continue
        if not ln.is_column_name(line.text) and (
            lines[nxt].kind == ln.BODY or nxt in rows or nxt in out
        ):
            out.add(i)
    return out
