"""Newspaper pages built from real articles, with the truth of where every story lies.

A page is a list of `Item`s (one per true story) plus optional furniture lines (the page header).
A layout decides only how lines are separated; the truth records, for every story, the character
span from the first character of its first line to the end of its last line. Everything is seeded
by (part, layout), so the same data always gives the same pages.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tests.eval.data import Article, Corpus

LAYOUTS = ("blank-paragraphs", "blank-every-line", "dense", "newspaper")
REAL_LAYOUT = "cec-real"  # one real cec file per page, as published (date line, headline, text)
FURNITURE = -1


@dataclass
class Item:
    """One true story: its non-blank lines in order and what it is expected to yield."""

    lines: list[str]
    head: int = 1  # how many leading lines are the heading block (kicker, headline, ...)
    headline: str = ""
    kicker: str = ""
    kind: str = "article"
    date: str = ""  # the date the text states for this story; "" = not scored
    date_basis: str = "unstated"  # "dateline" | "header" | "original-dateline" | "unstated"
    source: str = ""  # article key
    # [first, last) line ranges printed as one block (table rows, a numbered list): the "blank"
    # style puts no blank line between them.
    runs: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class StoryTruth:
    start: int
    end: int
    headline: str
    kicker: str
    kind: str
    date: str
    date_basis: str
    source: str


@dataclass
class Page:
    name: str
    layout: str
    part: str
    text: str
    date: str  # the page's date ("" if the page does not state one)
    furniture: list[tuple[int, int]] = field(default_factory=list)
    stories: list[StoryTruth] = field(default_factory=list)

    def truth(self) -> dict:
        out = asdict(self)
        del out["text"]
        return out


# -- assembling text --------------------------------------------------------------------------

Row = tuple[str, int | None]  # (line, owner): owner is an item index, FURNITURE, or None (blank)


def assemble(rows: Sequence[Row], items: Sequence[Item], **page: str) -> Page:
    """Join rows with newlines and record each item's span (first to last character)."""
    text_parts: list[str] = []
    spans: dict[int, list[int]] = {}
    furniture: list[tuple[int, int]] = []
    pos = 0
    for line, owner in rows:
        start, end = pos, pos + len(line)
        if owner == FURNITURE:
            furniture.append((start, end))
        elif owner is not None:
            span = spans.setdefault(owner, [start, end])
            span[1] = end
        text_parts.append(line)
        pos = end + 1
    stories = [
        StoryTruth(
            start=spans[i][0],
            end=spans[i][1],
            headline=item.headline,
            kicker=item.kicker,
            kind=item.kind,
            date=item.date,
            date_basis=item.date_basis,
            source=item.source,
        )
        for i, item in enumerate(items)
    ]
    return Page(text="\n".join(text_parts) + "\n", furniture=furniture, stories=stories, **page)


def layout_rows(
    items: Sequence[Item], style: str, rng: random.Random, header: Sequence[str] = ()
) -> list[Row]:
    """Rows for `items` in one separation style:
    - "blank": heading block, (maybe) a blank, paragraphs separated by a blank line, one or two
      blank lines between stories;
    - "every": a blank line after every line, and nothing else between stories;
    - "dense": no blank lines at all."""
    rows: list[Row] = [(line, FURNITURE) for line in header]
    if header and style != "dense":
        rows.append(("", None))
    blank_after_head = rng.random() < 0.5
    for index, item in enumerate(items):
        if index and style == "blank":
            rows += [("", None)] * rng.randint(1, 2)
        for n, line in enumerate(item.lines):
            body_gap = n > item.head or (n == item.head and n > 0 and blank_after_head)
            body_gap = body_gap and not any(a < n < b for a, b in item.runs)
            if style == "blank" and body_gap:
                rows.append(("", None))
            rows.append((line, index))
            if style == "every":
                rows.append(("", None))
    return rows


# -- plain layouts ------------------------------------------------------------------------------


def plain_item(article: Article) -> Item:
    return Item(
        lines=[article.title, *article.paragraphs],
        headline=article.title,
        date_basis="original-dateline" if article.original_dateline else "unstated",
        source=article.key,
    )


def chunks(articles: Sequence[Article], rng: random.Random) -> Iterator[list[Article]]:
    """The articles shuffled and cut into pages of 3-8 stories."""
    pool = list(articles)
    rng.shuffle(pool)
    while len(pool) >= 3:
        size = min(rng.randint(3, 8), len(pool))
        if len(pool) - size in (1, 2):  # never leave a page too small to count
            size = len(pool)
        yield pool[:size]
        pool = pool[size:]


def plain_pages(corpus: Corpus, layout: str) -> Iterator[Page]:
    rng = random.Random(f"{corpus.part}:{layout}")
    style = {"blank-paragraphs": "blank", "blank-every-line": "every", "dense": "dense"}[layout]
    for n, group in enumerate(chunks(corpus.articles, rng)):
        items = [plain_item(a) for a in group]
        rows = layout_rows(items, style, rng)
        yield assemble(rows, items, name=f"p{n:03d}", layout=layout, part=corpus.part, date="")


def real_pages(corpus: Corpus) -> Iterator[Page]:
    """Each cec file as printed: its own date line (furniture), the headline, then the text.
    The expected date is the <ReportTime> date unless the text opens with its own dateline."""
    for n, article in enumerate(a for a in corpus.articles if a.key.startswith("cec:")):
        if article.original_dateline:
            date, basis = "", "original-dateline"
        elif article.report_date:
            date, basis = article.report_date, "header"
        else:
            date, basis = "", "unstated"
        item = Item(
            lines=[article.title, *article.paragraphs],
            headline=article.title,
            date=date,
            date_basis=basis,
            source=article.key,
        )
        # The cec files separate paragraphs with one blank line and follow the date line directly.
        rows: list[Row] = [(article.date_line, FURNITURE), (article.title, 0)]
        for i, para in enumerate(article.paragraphs):
            if i:
                rows.append(("", None))
            rows.append((para, 0))
        yield assemble(
            rows, [item], name=f"r{n:03d}", layout=REAL_LAYOUT, part=corpus.part, date=date
        )


# -- writing --------------------------------------------------------------------------------------


def write_pages(pages: Sequence[Page], folder: Path) -> None:
    """`NAME.txt` and `NAME.truth.json` (not `NAME.json`: that would be read as a sidecar)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for page in pages:
        (folder / f"{page.name}.txt").write_text(page.text, "utf-8")
        truth = json.dumps(page.truth(), ensure_ascii=False, indent=1)
        (folder / f"{page.name}.truth.json").write_text(truth, "utf-8")


def build_pages(corpus: Corpus, limit: int | None = None) -> dict[str, list[Page]]:
    """Every layout's pages for one part (at most `limit` per layout)."""
    from tests.eval.newspaper import newspaper_pages

    out: dict[str, list[Page]] = {}
    for layout in LAYOUTS:
        made = newspaper_pages(corpus) if layout == "newspaper" else plain_pages(corpus, layout)
        out[layout] = list(made)[:limit]
    out[REAL_LAYOUT] = list(real_pages(corpus))[:limit]
    return out
