"""Exports of stories, facts and search results as text: citation, plain text, Markdown, CSV.

Pure functions over the dicts `Archive.story`, `Archive.facts` and `Archive.search` return; the
caller chooses the file and writes the string. No Qt here, so the command line can export too.
A story's export ends with the user's own tags and note, when it has them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from pathlib import PurePath
from typing import Any

from viewer.text import fold_keep_case

# GB/T 7714-2015 (8.1.2): list at most three responsible persons, then ", 等".
MAX_AUTHORS = 3
CSV_ENCODING = "utf-8-sig"  # the BOM makes Excel read the file as UTF-8 instead of GBK
FACT_COLUMNS = ("story", "kind", "text", "value", "unit", "label", "norm", "start", "end")
RESULT_COLUMNS = ("id", "title", "kind", "date", "places", "score", "snippet_text")
PLACE_JOINER = "、"
TAG_JOINER = "、"

_PAGE = re.compile(r"^第?\s*([A-Za-z]*)\s*(\d+)\s*版?$")
_PAGE_DECORATION = re.compile(r"^第|版$")
_CHINESE_PAGE = re.compile(r"^[〇零一二三四五六七八九十百]+$")
_CHINESE_DIGITS = dict(
    zip("〇零一二三四五六七八九", (0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), strict=True)
)
# Inline characters CommonMark/GFM may read as markup (emphasis, code, links, HTML, tables,
# strikethrough, entities); a backslash makes each literal.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# At a line start these open headings, lists, quotes, setext underlines and ordered lists.
_MD_LINE_START = re.compile(r"^([#+=-])")
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])")
# A cell Excel would run as a formula; numbers such as -3 are left alone.
_CSV_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


# -- citation -------------------------------------------------------------------------------


def citation(story: dict) -> str:
    """GB/T 7714-2015 newspaper reference `作者. 题名[N]. 报纸名, 出版日期(版次).`

    Missing parts are left out: no credits -> no author part; no source -> the page file's
    stem; no date -> `报纸名(版次).`; no page -> no brackets."""
    parts = []
    authors = _authors(story.get("credits") or [])
    if authors:
        parts.append(f"{authors}. ")
    title = _clean(story.get("title")) or _clean(story.get("label"))
    parts.append(f"{title}[N]")
    paper = _clean(story.get("source")) or _file_stem(story.get("source_file"))
    date = _clean(story.get("date"))
    page = page_label(_clean(story.get("page")))
    where = ", ".join(p for p in (paper, date) if p)
    if page:
        where += f"({page})"
    if where:
        parts.append(f". {where}")
    return "".join(parts) + "."


def _authors(credits: Iterable[dict]) -> str:
    names: list[str] = []
    for credit in credits:
        name = _clean(credit.get("name"))
        if name and name not in names:
            names.append(name)
    shown = ", ".join(names[:MAX_AUTHORS])
    return f"{shown}, 等" if len(names) > MAX_AUTHORS else shown


def page_label(page: str) -> str:
    """The page as GB/T 7714 prints it: A03 stays A03, 第３版 or 03 -> 3, 第十二版 -> 12."""
    page = fold_keep_case(page).strip()
    match = _PAGE.match(page)
    if match:
        letters, digits = match.groups()
        return letters + digits if letters else str(int(digits))
    bare = _PAGE_DECORATION.sub("", page).strip()
    if _CHINESE_PAGE.match(bare):
        try:
            return str(_chinese_number(bare))
        except KeyError:  # not a well-formed numeral, such as 十十
            return bare
    return bare


def _chinese_number(text: str) -> int:
    """Small Chinese numerals as page numbers use them: 三, 十二, 二十, 一〇五, 一百零五."""
    if "百" in text:
        head, _, rest = text.partition("百")
        rest = rest.lstrip("〇零")
        return _chinese_number(head or "一") * 100 + (_chinese_number(rest) if rest else 0)
    if "十" in text:
        head, _, rest = text.partition("十")
        tens = _CHINESE_DIGITS[head] if head else 1
        return tens * 10 + (_CHINESE_DIGITS[rest] if rest else 0)
    value = 0
    for char in text:
        value = value * 10 + _CHINESE_DIGITS[char]
    return value


def _file_stem(path: object) -> str:
    if not path:
        return ""
    # PurePath splits on the running system's separator; a Windows path read on Linux (or the
    # other way) must still lose its folders.
    return PurePath(str(path).replace("\\", "/")).stem


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value else ""


# -- plain text and Markdown ------------------------------------------------------------------


def _dateline(story: dict) -> str:
    page = page_label(_clean(story.get("page")))
    parts = [_clean(story.get("source")), _clean(story.get("date")), f"{page}版" if page else ""]
    return " ".join(p for p in parts if p)


def _header(story: dict) -> tuple[str, str, str, str, str]:
    subtitle = _clean(story.get("subtitle"))
    return (
        _clean(story.get("kicker")),
        _clean(story.get("title")),
        f"——{subtitle}" if subtitle else "",
        _clean(story.get("byline")),
        _dateline(story),
    )


def story_text(story: dict) -> str:
    """The story as plain text: headline block, a blank line, the body one paragraph per line,
    a blank line and the citation."""
    kicker, title, subtitle, byline, dateline = _header(story)
    head = [line for line in (kicker, title, subtitle, byline, dateline) if line]
    body = [line.strip() for line in (story.get("body") or "").splitlines() if line.strip()]
    blocks = ["\n".join(head), "\n".join(body), f"引用：{citation(story)}", *_annotations(story)]
    return "\n\n".join(block for block in blocks if block) + "\n"


def _annotations(story: dict) -> list[str]:
    """The user's tags (one line) and note (its own lines), each block labelled."""
    blocks = []
    tags = [_clean(tag) for tag in story.get("tags") or [] if _clean(tag)]
    if tags:
        blocks.append(f"标签：{TAG_JOINER.join(tags)}")
    note = [line.strip() for line in (story.get("note") or "").splitlines() if line.strip()]
    if note:
        blocks.append("笔记：" + "\n".join(note))
    return blocks


def story_markdown(story: dict) -> str:
    """The story as Markdown: `#` headline, `##` subheads; every piece of story text escaped so
    that a line such as `# 1998年` or `- 某某` in the body stays text."""
    kicker, title, subtitle, byline, dateline = _header(story)
    blocks = []
    if kicker:
        blocks.append(escape_markdown(kicker))
    if title:
        blocks.append(f"# {escape_markdown(title)}")
    blocks += [escape_markdown(line) for line in (subtitle, byline, dateline) if line]
    subheads = {_clean(s) for s in story.get("subheads") or [] if _clean(s)}
    for line in (story.get("body") or "").splitlines():
        line = line.strip()
        if not line:
            continue
        if _clean(line) in subheads:
            blocks.append(f"## {escape_markdown(line)}")
        else:
            blocks.append(escape_markdown(line))
    blocks.append(f"引用：{escape_markdown(citation(story))}")
    # The note's lines stay lines: a trailing backslash is a hard line break in CommonMark.
    blocks += ["\\\n".join(map(escape_markdown, b.split("\n"))) for b in _annotations(story)]
    return "\n\n".join(blocks) + "\n"


def escape_markdown(line: str) -> str:
    """One line of text made literal in CommonMark/GFM: inline markup characters get a
    backslash, and so does a line start that would open a block (heading, list, quote)."""
    # Four leading spaces or a tab would start a code block.
    line = _MD_INLINE.sub(r"\\\1", line.lstrip(" \t"))
    line = _MD_LINE_START.sub(r"\\\1", line)
    return _MD_ORDERED.sub(r"\1\\\2", line)


# -- CSV -------------------------------------------------------------------------------------


def facts_csv(facts: Iterable[dict]) -> str:
    """Facts as CSV text with a header row (columns `FACT_COLUMNS`).

    The string is plain UTF-8 text; write it with `encoding=CSV_ENCODING` ("utf-8-sig") so the
    BOM makes Excel read Chinese correctly. Rows end in "\\n", which stays right whether the
    file is opened with newline="" or in text mode on Windows."""
    return _csv(FACT_COLUMNS, ({c: fact.get(c) for c in FACT_COLUMNS} for fact in facts))


def results_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """Search results or story lists as CSV text with a header row (columns `RESULT_COLUMNS`):
    title falls back to the label, places are joined by 、, a missing score stays empty.

    Write it with `encoding=CSV_ENCODING` ("utf-8-sig") so Excel opens the Chinese correctly."""
    return _csv(
        RESULT_COLUMNS,
        (
            {
                "id": row.get("id"),
                "title": row.get("title") or row.get("label"),
                "kind": row.get("kind"),
                "date": row.get("date"),
                "places": PLACE_JOINER.join(row.get("places") or []),
                "score": row.get("score"),
                "snippet_text": row.get("snippet_text"),
            }
            for row in rows
        ),
    )


def _csv(columns: tuple[str, ...], rows: Iterable[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if _CSV_FORMULA.match(text) and not _NUMBER.match(text):
        # Excel runs a cell starting with = + - @ as a formula (CSV injection); a leading
        # apostrophe shows it as text.
        return "'" + text
    return text
