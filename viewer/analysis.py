"""Per-file analysis: decode and split a page, then find its places and facts.

Everything here is a pure function of the file's bytes (or of a page already read from the
archive), with no shared state, so the import use case can run it in worker processes while a
single writer stores the results, and reanalysis runs the very same pipeline on stored text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from viewer import segmenter
from viewer.batch_meta import BatchMeta
from viewer.joints import joints
from viewer.model import Fact, PageRecord, ParsedPage, ParsedStory, StoryPlaceRef, StoryRecord
from viewer.places import StoryPlaces, find_places, page_links, story_places
from viewer.search import IndexDoc, PreparedDoc, prepare
from viewer.store.packing import PackedPage, pack_page
from viewer.text import fold

# The version of the page reading (splitting, dates, places, facts) an archive was analysed with,
# kept in its meta table. Bump it when a change would store a page differently, so archives built
# before can tell they are out of date (`viewer reanalyse`).
ANALYSIS_VERSION: int = 1


@dataclass
class Rejection:
    """A file that could not be imported, and why (`code` is stable, `message` is for people)."""

    path: str
    code: str
    message: str


@dataclass
class FileWarning:
    """A file that was imported, with a caveat the user must hear (it was cut off)."""

    path: str
    code: str
    message: str


@dataclass
class AnalyzedPage:
    """A page record plus its stories' index postings, computed where the analysis ran."""

    record: PageRecord
    prepared: list[PreparedDoc]  # one per story, in order; story ids are filled in on write
    packed: PackedPage | None = None  # the texts as stored, compressed here, not by the writer

    @property
    def path(self) -> str:
        return self.record.page.path

    def warnings(self) -> list[FileWarning]:
        from viewer.ingest.page import WARNING_MESSAGES

        return [
            FileWarning(self.path, code, WARNING_MESSAGES[code])
            for code in self.record.page.warnings
        ]


def index_doc(story_id: int, fields: dict, places: list[str]) -> IndexDoc:
    """The index document of a story. `rev` hashes the content, not the id, so the worker that
    analysed a page and `check` reading the database agree on it."""
    content = json.dumps([fields, sorted(places)], ensure_ascii=False, sort_keys=True)
    rev = hashlib.sha1(content.encode("utf-8")).hexdigest()[:16]
    return IndexDoc(story_id=story_id, places=sorted(places), rev=rev, **fields)


def index_fields(record: StoryRecord, date: str, page_text: str) -> dict:
    """The indexed fields of a story, exactly as `store.queries.index_rows` reads them back."""
    story = record.story
    original = page_text[story.source_start : story.source_end]
    return {
        "title": story.title,
        "kicker": story.kicker,
        "subtitle": story.subtitle,
        "body": story.body,
        "kind": story.kind,
        "date": story.date or date,
        "years": record.years,
        "byline": story.byline,
        "authors": [credit.name for credit in story.credits],
        "joints": joints(
            original,
            [story.kicker, story.title, story.subtitle, story.byline, story.body],
            story.hidden,
        ),
    }


def heading_text(story: ParsedStory) -> str:
    return "\n".join(part for part in (story.kicker, story.title, story.subtitle) if part)


def analyze_file(path: str) -> PageRecord | Rejection:
    """Read, split and analyse one page file. Never raises for bad input: returns a Rejection."""
    read = _read(path)
    return read if isinstance(read, Rejection) else analyze_page(*read)[0]


def analyze_and_prepare(path: str, batch: BatchMeta | None = None) -> AnalyzedPage | Rejection:
    """`analyze_file` plus the index analysis (jieba, bigrams), for worker processes. `batch`:
    what the user said about the whole import (see `viewer.batch_meta`)."""
    read = _read(path, batch)
    return read if isinstance(read, Rejection) else prepare_page(*read)


def _read(path: str, batch: BatchMeta | None = None) -> tuple[ParsedPage, int] | Rejection:
    """The page read from its file, and the file's size in bytes."""
    from viewer.ingest import RejectedFile, read_page  # see `analyze_page`

    try:
        page = read_page(Path(path), batch=batch)
    except RejectedFile as err:
        return Rejection(path=path, code=err.code, message=err.message)
    return page, Path(path).stat().st_size


def prepare_page(page: ParsedPage, size: int) -> AnalyzedPage:
    """`analyze_page` plus each story's index postings. Import and reanalysis both end here, so
    a page read again from the archive is stored exactly as a fresh import would store it."""
    record, body_words = analyze_page(page, size)
    date = record.page.meta.date
    prepared = [
        prepare(index_doc(0, index_fields(r, date, page.text), [p.name for p in r.places]), words)
        for r, words in zip(record.stories, body_words, strict=True)
    ]
    return AnalyzedPage(record=record, prepared=prepared, packed=pack_page(record))


def analyze_page(page: ParsedPage, size: int) -> tuple[PageRecord, list[list[str]]]:
    """The page record plus each story body's jieba words (of `fold(body)`): segmented once
    here, read by facts and places, and reused by the search index. `size` is the file's size
    in bytes (from the file on import, from the stored row on reanalysis)."""
    # Here, not at the top: the facts (jieba's part-of-speech tables, cn2an) and the page
    # reading take ~0.6 s to import, which every command would pay, searching included, as the
    # archive imports this module.
    from viewer.facts import extract_facts
    from viewer.ingest import find_years

    body_words = [segmenter.cut(fold(story.body)) for story in page.stories]
    per_story = [
        StoryPlaces(
            heading=find_places(heading_text(story)),
            body=find_places(story.body, words),
            body_text=story.body,
        )
        for story, words in zip(page.stories, body_words, strict=True)
    ]
    records = []
    for story, places, words in zip(page.stories, per_story, body_words, strict=True):
        facts = extract_facts(story.body, credits=story.credits, words=words)
        facts += [
            # The text as written (北京); the place's canonical name (北京市) is the norm.
            Fact(
                kind="place",
                text=story.body[m.start : m.end],
                start=m.start,
                end=m.end,
                label=m.kind,
                norm=m.name,
            )
            for m in places.body
        ]
        facts.sort(key=lambda f: (-1 if f.start is None else f.start, f.end or 0))
        refs = [
            StoryPlaceRef(name=p.name, kind=p.kind, count=p.count, about=p.about, first=p.first)
            for p in story_places(places)
        ]
        years = find_years(heading_text(story) + "\n" + story.body)
        records.append(StoryRecord(story=story, facts=facts, places=refs, years=years))
    record = PageRecord(
        page=page,
        size=size,
        stories=records,
        links=page_links(per_story),
    )
    return record, body_words
