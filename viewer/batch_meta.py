"""Metadata the user gives for a whole import: a paper, a date, and a file-name pattern.

A page's own metadata comes first (its sidecar, its printed header date); what the user gives
for the batch fills only the gaps. A pattern names the parts of a file name the user knows:

    {paper}_{yyyy}{mm}{dd}_{page}       人民日报_20201015_A03.txt
    {paper}/{yyyy}-{mm}-{dd}/{page}     人民日报/2020-10-15/03.txt (folders, from the right)
    {*}_{yyyy}{mm}{dd}                  scan-0042_20201015.txt ({*} is any text, ignored)

The pattern is matched against the whole file name without its extension (and, with `/`, the
folders above it); text outside the braces must appear as written. {yyyy}, {mm} and {dd} come
together or not at all. A name that does not fit the pattern gets nothing from it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from pathlib import Path

from viewer.model import PageMeta

# The parts a pattern may name, and what each matches in a file name.
PARTS = {
    "paper": r".+?",
    "yyyy": r"\d{4}",
    "mm": r"\d{1,2}",
    "dd": r"\d{1,2}",
    "page": r".+?",
    "*": r".*?",
}
PATTERN_HELP = "可用的部分：{paper} {yyyy} {mm} {dd} {page} {*}，如 {paper}_{yyyy}{mm}{dd}_{page}"
_BRACES = re.compile(r"\{([^{}]*)\}")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class BatchMetaError(ValueError):
    """A pattern or date the user typed that cannot be used; one line saying why."""


@dataclass(frozen=True)
class NamePattern:
    """A file-name pattern (see the module docstring), checked and compiled."""

    text: str
    regex: re.Pattern[str]
    depth: int  # how many path parts it covers: the file name, and folders above it

    @classmethod
    def parse(cls, text: str) -> NamePattern:
        """Raises BatchMetaError naming what is wrong with the pattern."""
        if not text.strip():
            raise BatchMetaError("文件名模式是空的；" + PATTERN_HELP)
        out, pos, named = [], 0, []
        for m in _BRACES.finditer(text):
            out.append(_literal(text[pos : m.start()], text))
            part = m.group(1).strip()
            if part not in PARTS:
                raise BatchMetaError(
                    f"文件名模式“{text}”里没有 {{{part}}} 这一部分；{PATTERN_HELP}"
                )
            if part != "*" and part in named:
                raise BatchMetaError(f"文件名模式“{text}”里 {{{part}}} 出现了两次")
            named.append(part)
            out.append(rf"({PARTS[part]})" if part == "*" else rf"(?P<{part}>{PARTS[part]})")
            pos = m.end()
        out.append(_literal(text[pos:], text))
        if not set(named) - {"*"}:
            raise BatchMetaError(f"文件名模式“{text}”没有指明任何部分；{PATTERN_HELP}")
        date_parts = {"yyyy", "mm", "dd"} & set(named)
        if date_parts and len(date_parts) < 3:
            raise BatchMetaError(f"文件名模式“{text}”的日期要有 {{yyyy}}{{mm}}{{dd}} 三部分")
        depth = text.strip("/").count("/") + 1
        return cls(text, re.compile("".join(out), re.S), depth)

    def meta(self, path: Path) -> PageMeta | None:
        """What the file name says, or None when it does not fit the pattern (or names no
        real day)."""
        parts = Path(path).with_suffix("").parts[-self.depth :]
        m = self.regex.fullmatch("/".join(parts))
        if m is None:
            return None
        found = m.groupdict()
        date = ""
        if found.get("yyyy"):
            date = _iso(found["yyyy"], found["mm"], found["dd"])
            if not date:
                return None
        paper, page = (found.get("paper") or "").strip(), (found.get("page") or "").strip()
        return PageMeta(source=paper, date=date, page=page)


def _literal(text: str, pattern: str) -> str:
    if "{" in text or "}" in text:
        raise BatchMetaError(f"文件名模式“{pattern}”的括号不成对；{PATTERN_HELP}")
    return re.escape(text)


def _iso(year: str, month: str, day: str) -> str:
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""


def parse_iso_date(text: str) -> str:
    """A date typed as YYYY-MM-DD, as ISO; raises BatchMetaError naming it otherwise."""
    m = _ISO.fullmatch(text.strip())
    date = _iso(*m.groups()) if m else ""
    if not date:
        raise BatchMetaError(f"日期“{text}”不对：应写成 YYYY-MM-DD，如 2020-10-15")
    return date


@dataclass(frozen=True)
class BatchMeta:
    """What the user said about every file of one import. `paper` and `date` (ISO) hold for
    every file; `pattern` reads each file's name. Build with `BatchMeta.make` to have the
    values checked."""

    paper: str = ""
    date: str = ""
    pattern: NamePattern | None = None

    @classmethod
    def make(cls, paper: str = "", date: str = "", pattern: str = "") -> BatchMeta:
        """Raises BatchMetaError for a bad date or pattern."""
        return cls(
            paper=paper.strip(),
            date=parse_iso_date(date) if date.strip() else "",
            pattern=NamePattern.parse(pattern) if pattern else None,
        )

    def fits(self, path: Path) -> bool:
        """Whether the file's name fits the pattern (True without one)."""
        return self.pattern is None or self.pattern.meta(path) is not None

    def fill(self, path: Path, guessed: PageMeta) -> PageMeta:
        """`guessed` (what the file name looks like, see `viewer.ingest.meta`) with the
        pattern's parts over it (the user said how names are made), then the batch's paper
        and date where a field is still empty."""
        meta = replace(guessed)
        named = self.pattern.meta(path) if self.pattern else None
        if named is not None:
            meta.source = named.source or meta.source
            meta.date = named.date or meta.date
            meta.page = named.page or meta.page
        meta.source = meta.source or self.paper
        meta.date = meta.date or self.date
        return meta
