"""What a page's layout says beyond single lines: its header, its blank-line habit, and runs of
short lines that belong together (tables, poems, lists).

Pages come in different habits. Some put a blank line after every line (blank lines then say
nothing), some only between paragraphs or only between stories (then an extra blank line is a
story boundary), some have none. `Gaps` finds out which habit a page has, from the page itself.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from viewer.ingest import lines as ln
from viewer.ingest.meta import header_line_span
from viewer.text import fold_keep_case

MIN_ROWS = 3  # fewer similar short lines in a row are headings (kicker, headline, subtitle)
MAX_HEADING_BLOCK = 4  # kicker, headline, subtitle and one more; a longer run is a poem or list
MAX_HEADER_LINES = 2  # `某某日报` above `2020年10月15日 星期四 第3版`
MAX_HEADER_CHARS = 40

_FIELDS = re.compile(r"[\s\u3000]+")
_DIGITS = re.compile(r"[0-9０-９]")
_LIST_MARK = re.compile(
    r"^(?:[（(]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[)）]|[0-9０-９]{1,3}\s*[、.．]|[一二三四五六七八九十]{1,3}、)"
)
_TEXTUAL = (ln.HEAD, ln.BODY)
_CUT_END = re.compile(r"[\u3400-\u9fff0-9０-９,，、;；]$")


@dataclass(frozen=True)
class Gaps:
    """The page's blank-line habit.

    `paragraph` is the usual number of blank lines between two paragraphs of text. A wider gap is
    evidence of a story boundary only when the page uses wide gaps that way: when none of them
    falls between a headline and its text or inside a sentence (where a boundary cannot be), and
    most stand above a headline (or the page has none: a column of briefs). Pages with stray
    triple blanks after headlines or inside cut paragraphs fail that test."""

    paragraph: int
    wide_is_boundary: bool

    def wide_before(self, line: ln.Line) -> bool:
        return self.wide_is_boundary and line.gap > self.paragraph


def page_gaps(lines: list[ln.Line], first: int) -> Gaps:
    between_paragraphs = Counter(
        b.gap
        for a, b in zip(lines[first:], lines[first + 1 :], strict=False)
        if a.kind == b.kind == ln.BODY
    )
    paragraph = between_paragraphs.most_common(1)[0][0] if between_paragraphs else 0
    wide = [i for i in range(first + 1, len(lines)) if lines[i].gap > paragraph]
    if not wide:
        return Gaps(paragraph, False)
    misplaced = sum(_inside_story(lines[i - 1], lines[i]) for i in wide)
    above_head = sum(lines[i].kind == ln.HEAD for i in wide)
    headless = not any(line.kind == ln.HEAD for line in lines[first:])
    return Gaps(paragraph, misplaced == 0 and (above_head * 2 >= len(wide) or headless))


def _inside_story(above: ln.Line, below: ln.Line) -> bool:
    """A gap no story boundary can fill: between a headline and its text, or inside a sentence."""
    if above.kind == ln.HEAD:
        return below.kind != ln.HEAD
    return above.kind == ln.BODY and bool(_CUT_END.search(above.text))


def header_lines(text: str, lines: list[ln.Line]) -> int:
    """How many lines at the top are the page header (date, weekday, paper, page label): the
    line `meta.header_line_span` finds, and a short line above it (the paper's name)."""
    span = header_line_span(text)
    if span is None:
        return 0
    for i, line in enumerate(lines[:MAX_HEADER_LINES]):
        if line.start <= span[0] < max(line.end, line.start + 1):
            if all(len(above.text) <= MAX_HEADER_CHARS for above in lines[: i + 1]):
                return i + 1
            return 0
    return 0


def row_lines(lines: list[ln.Line]) -> set[int]:
    """Indexes of lines that are rows of a table, lines of a poem or items of a list."""
    return _alike_runs(lines) | _numbered_runs(lines)


def _numbered_runs(lines: list[ln.Line]) -> set[int]:
    """Three or more lines in a row numbered the same way (`（1）…`, `（2）…`), whether they
    read as headlines or as text: a list is one block of its story."""
    rows: set[int] = set()
    run: list[int] = []
    style = ""
    for i, line in enumerate([*lines, None]):
        mark = _LIST_MARK.match(line.text) if line is not None and line.kind in _TEXTUAL else None
        current = _mark_style(mark.group()) if mark else ""
        if run and current == style and current:
            run.append(i)
            continue
        if len(run) >= MIN_ROWS:
            rows.update(k for k in run if lines[k].kind == ln.HEAD)
        run, style = ([i], current) if current else ([], "")
    return rows


def _alike_runs(lines: list[ln.Line]) -> set[int]:
    """Headline-like lines that cannot all be headings: three or more alike in a row (four for
    lines without fields or numbers, which a kicker, headline and subtitle could be), or any
    run longer than a heading block."""
    rows: set[int] = set()
    i = 0
    while i < len(lines):
        if lines[i].kind != ln.HEAD:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].kind == ln.HEAD:
            j += 1
        rows.update(_rows_in_run(lines, i, j))
        i = j
    return rows


def _rows_in_run(lines: list[ln.Line], start: int, end: int) -> list[int]:
    out: list[int] = []
    loose: list[int] = []  # lines of the run in no alike group
    k = start
    while k < end:
        m = k + 1
        while m < end and _alike(lines[m - 1].text, lines[m].text):
            m += 1
        plain = not (_LIST_MARK.match(lines[k].text) or _FIELDS.search(lines[k].text))
        if m - k >= MIN_ROWS + plain:
            out.extend(range(k, m))
            loose = _flush(loose, out)
        else:
            loose.extend(range(k, m))
        k = m
    _flush(loose, out)
    out.sort()
    # Rows that open a block after text keep their first line as the headline over them
    # (a poem's title), unless it is a list item or the text above introduces them (`他写道：`).
    if out and out[0] == start and not _LIST_MARK.match(lines[start].text):
        above = lines[start - 1] if start else None
        if above is None or (above.kind in (ln.BODY, ln.NOTE) and above.text[-1] not in ":："):
            out.remove(start)
    return out


def _flush(loose: list[int], out: list[int]) -> list[int]:
    """More headline-like lines in a row than a heading block holds are a poem or a list."""
    if len(loose) > MAX_HEADING_BLOCK:
        out.extend(loose)
    return []


def _mark_style(mark: str) -> str:
    """`（3）` and `(12)` are one style, `3．` another, `三、` a third."""
    return re.sub(
        r"[0-9０-９]+", "0", re.sub(r"[一二三四五六七八九十]+", "一", fold_keep_case(mark))
    )


def _alike(a: str, b: str) -> bool:
    """Two lines of one table, poem or list: numbered the same way, or as many fields, similar
    lengths, digits in both or neither."""
    mark_a = _LIST_MARK.match(a)
    if mark_a:
        mark_b = _LIST_MARK.match(b)
        return mark_b is not None and _mark_style(mark_a.group()) == _mark_style(mark_b.group())
    fields_a, fields_b = len(_FIELDS.split(a)), len(_FIELDS.split(b))
    if fields_a != fields_b or bool(_DIGITS.search(a)) != bool(_DIGITS.search(b)):
        return False
    if fields_a >= 2:
        return True
    short, long_ = sorted((ln.visible_length(a), ln.visible_length(b)))
    return long_ <= 20 and long_ <= 2 * short
