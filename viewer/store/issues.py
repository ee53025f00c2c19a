"""The archive by issue: paper -> year -> month -> day -> page, with story counts.

An issue is what the files' metadata says (paper, page date, page label), not the stories' own
datelines: browsing by issue is browsing the newspaper as printed. Files with no paper are
listed under the paper "", files with no date under the year None (last).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database


@dataclass
class IssuePage:
    page: str  # the page label as stored (A03, 第3版), "" when unknown
    files: int
    stories: int


@dataclass
class IssueDay:
    date: str  # ISO YYYY-MM-DD, "" for the undated files
    stories: int = 0
    pages: list[IssuePage] = field(default_factory=list)


@dataclass
class IssueMonth:
    month: int | None  # 1..12; None for the undated files
    stories: int = 0
    days: list[IssueDay] = field(default_factory=list)


@dataclass
class IssueYear:
    year: int | None  # None for the undated files
    stories: int = 0
    months: list[IssueMonth] = field(default_factory=list)


@dataclass
class IssuePaper:
    paper: str  # "" for files that name no paper
    stories: int = 0
    years: list[IssueYear] = field(default_factory=list)


# One row per (paper, date, page), from the index on files(source, date, page) and the one on
# stories(file_id, seq): no file or story row is read.
_ISSUES_SQL = """
select f.source, f.date, f.page, count(*),
       sum((select count(*) from stories s where s.file_id = f.id))
from files f group by f.source, f.date, f.page
"""


def issue_tree(db: Database) -> list[IssuePaper]:
    """Papers by name (the unnamed last), years and days in calendar order (the undated last),
    pages in label order."""
    rows = [
        (source or "", date or "", page or "", files, stories)
        for source, date, page, files, stories in db.execute(_ISSUES_SQL)
    ]
    rows.sort(key=lambda r: (r[0] == "", r[0], r[1] == "", r[1], _page_key(r[2])))
    papers: list[IssuePaper] = []
    for paper, date, page, files, stories in rows:
        if not papers or papers[-1].paper != paper:
            papers.append(IssuePaper(paper))
        p = papers[-1]
        year = int(date[:4]) if date else None
        if not p.years or p.years[-1].year != year:
            p.years.append(IssueYear(year))
        y = p.years[-1]
        month = int(date[5:7]) if date else None
        if not y.months or y.months[-1].month != month:
            y.months.append(IssueMonth(month))
        m = y.months[-1]
        if not m.days or m.days[-1].date != date:
            m.days.append(IssueDay(date))
        d = m.days[-1]
        d.pages.append(IssuePage(page, files, stories))
        for node in (p, y, m, d):
            node.stories += stories
    return papers


def _page_key(label: str) -> tuple:
    """A01 < A2 < A10 < B1: letters as text, runs of digits as numbers."""
    digits = "".join(c if c.isdigit() else " " for c in label).split()
    return (label.rstrip("0123456789"), [int(d) for d in digits], label)


def story_ids_in_issue(
    db: Database,
    *,
    paper: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    undated: bool = False,
    page: str | None = None,
) -> list[int]:
    """The stories of the files with this paper ("" for none), page date within [from, to]
    (or with no date, `undated`) and page label; None is any. In page order."""
    where, params = [], []
    if paper is not None:
        where.append("coalesce(f.source, '') = ?")
        params.append(paper)
    if undated:
        where.append("coalesce(f.date, '') = ''")
    if date_from:
        where.append("f.date >= ?")
        params.append(date_from)
    if date_to:
        where.append("f.date <= ?")
        params.append(date_to)
    if page is not None:
        where.append("coalesce(f.page, '') = ?")
        params.append(page)
    sql = "select s.id from stories s join files f on f.id = s.file_id"
    if where:
        sql += " where " + " and ".join(where)
    return [r[0] for r in db.execute(sql + " order by f.path, s.seq", params)]
