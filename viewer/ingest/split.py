"""A decoded page -> its stories: where each starts, its kicker, headline, subheads, body, bylines.

Three steps, each in its own module:
- `lines.py` says what every non-blank line looks like on its own (headline-like, byline, …);
- `layout.py`, `starts.py` and `sections.py` read the page as a whole: its header, its
  blank-line habit, tables, poems and lists; then the evidence that a story starts at each line,
  and for headlines without such evidence whether they are section heads or stories;
- this module builds each story from its lines: the headings above its text become kicker,
  headline and subtitle, headings inside it subheads, bylines and datelines its byline.

The page header belongs to no story's text but stays in the first story's source slice, and blank
lines belong to the story above them, so the stories' source slices tile the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.ingest import lines as ln
from viewer.ingest.bylines import split_dateline, split_trailing_byline
from viewer.ingest.kinds import story_kind
from viewer.ingest.layout import header_lines, page_gaps, row_lines
from viewer.ingest.repair import Part, hide_duplicates, join_cut_paragraphs
from viewer.ingest.sections import NUMBERED
from viewer.ingest.starts import Body, Page, plan_starts, read_page
from viewer.model import Credit, ParsedStory


@dataclass
class _Draft:
    first_line: int
    kicker: str = ""
    title: str = ""
    subtitle: str = ""
    parts: list[Part] = field(default_factory=list)
    rows: set[int] = field(default_factory=set)  # parts that are table rows or poem lines
    bylines: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    photo: bool = False

    def add_byline(self, printed: list[str], credits: list[Credit] | tuple[Credit, ...]) -> None:
        self.bylines.extend(printed)
        self.credits.extend(c for c in credits if c not in self.credits)


def split_page(text: str) -> list[ParsedStory]:
    """The stories of a page, in order. Empty or blank text has none."""
    lines = ln.page_lines(text)
    if not lines:
        return []
    first = header_lines(text, lines)
    if first == len(lines):  # nothing but a header: keep it as a story's text
        first = 0
    rows = row_lines(lines)
    bodies = {
        i: _take_apart(line.text)
        for i, line in enumerate(lines)
        if line.kind == ln.BODY or (line.kind == ln.HEAD and i >= first)
    }
    page = read_page(lines, bodies, page_gaps(lines, first), rows)
    flags = plan_starts(page, first)
    starts = [i for i in range(first, len(lines)) if flags[i]]
    ends = [*starts[1:], len(lines)]
    drafts = [_build(page, s, e) for s, e in zip(starts, ends, strict=True)]
    return _finish(text, lines, drafts)


def _take_apart(text: str) -> Body:
    dateline: list[str] = []
    credits: list[Credit] = []
    opened = split_dateline(text)
    if opened:
        dateline, credits, text = opened
    paragraph, byline = split_trailing_byline(text)
    return Body(dateline, credits, paragraph.strip(), byline)


def _build(page: Page, start: int, end: int) -> _Draft:
    lines, bodies, heading = page.lines, page.bodies, page.heading
    draft = _Draft(start)
    lead = start
    while lead < end and heading[lead]:
        lead += 1
    for i in range(_name(draft, lines, heading, start, lead), end):
        line = lines[i]
        if heading[i]:
            draft.parts.append((True, line.text))
        elif line.kind == ln.SUBTITLE and i <= lead and _names_story(draft):
            draft.subtitle = line.text
        elif line.kind in (ln.BYLINE, ln.CREDIT):
            assert line.byline is not None
            draft.add_byline([line.byline.text], line.byline.credits)
            draft.photo |= line.kind == ln.BYLINE and line.byline.photo
        elif line.kind == ln.NOTE:
            draft.parts.append((False, line.text))
        elif i in page.rows:
            draft.rows.add(len(draft.parts))
            draft.parts.append((False, line.text))
        else:
            body = bodies.get(i) or _take_apart(line.text if line.kind == ln.BODY else _raw(line))
            draft.add_byline(body.dateline, body.dateline_credits)
            if body.text:
                draft.parts.append((False, body.text))
            if body.byline is not None:
                draft.add_byline([body.byline.text], body.byline.credits)
                draft.photo |= body.byline.photo
        if i == lead and line.kind == ln.SUBTITLE:
            lead += 1  # a subtitle extends the headings: a byline under it still heads the story
    return draft


def _names_story(draft: _Draft) -> bool:
    return bool(draft.title or draft.kicker) and not draft.parts and not draft.subtitle


def _raw(line: ln.Line) -> str:
    """A subtitle outside the headings is text, dashes and all."""
    return ("——" + line.text) if line.kind == ln.SUBTITLE else line.text


def _name(draft: _Draft, lines: list[ln.Line], heading: list[bool], start: int, lead: int) -> int:
    """Kicker, headline and subtitle from the headings `lines[start:lead]`; returns the first
    line not used."""
    count = lead - start
    if count == 0:
        return start
    top = lines[start].text
    if count == 1:
        # A lone column word over text is the kicker of a headline-less item: 社区动态, 图片新闻.
        if ln.is_column_name(top):
            draft.kicker = top
        else:
            draft.title = top
        return lead
    second = lines[start + 1].text
    if _is_kicker(lines, heading, start) or not ln.is_minor_head(second):
        draft.kicker, draft.title = top, second
        if count >= 3 and not NUMBERED.match(lines[start + 2].text):
            draft.subtitle = lines[start + 2].text
            return start + 3
        return start + 2
    draft.title = top
    return start + 1


def _is_kicker(lines: list[ln.Line], heading: list[bool], i: int) -> bool:
    """The upper of two headings is a kicker: a column word, a short line ending in a colon, or a
    column name shorter than the headline under it (某某风采 / 我和我的小院)."""
    line, nxt = lines[i], lines[i + 1]
    if ln.is_column_name(line.text) or ln.is_colon_kicker(line.text):
        return True
    longer = not ln.is_minor_head(nxt.text) or (
        ln.visible_length(nxt.text) > ln.visible_length(line.text)
    )
    return ln.is_short_kicker(line.text) and longer and not ln.is_column_name(nxt.text)


def _finish(text: str, lines: list[ln.Line], drafts: list[_Draft]) -> list[ParsedStory]:
    starts = [0] + [lines[d.first_line].start for d in drafts[1:]]
    ends = [*starts[1:], len(text)]
    repaired = hide_duplicates([join_cut_paragraphs(d.parts, d.rows) for d in drafts])
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
