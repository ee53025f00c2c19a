"""Per-file analysis: decode and split a page, then find its places and facts.

Everything here is a pure function of the file's bytes, with no shared state, so the import use case
can run it in worker processes while a single writer stores the results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from viewer.facts import extract_facts
from viewer.ingest import RejectedFile, find_years, read_page
from viewer.model import Fact, PageRecord, ParsedStory, StoryPlaceRef, StoryRecord
from viewer.places import StoryPlaces, find_places, page_links, story_places


@dataclass
class Rejection:
    """A file that could not be imported, and why (`code` is stable, `message` is for people)."""

    path: str
    code: str
    message: str


def heading_text(story: ParsedStory) -> str:
    return "\n".join(part for part in (story.kicker, story.title, story.subtitle) if part)


def analyze_file(path: str) -> PageRecord | Rejection:
    """Read, split and analyse one page file. Never raises for bad input: returns a Rejection."""
    try:
        page = read_page(Path(path))
    except RejectedFile as err:
        return Rejection(path=path, code=err.code, message=err.message)
    per_story = [
        StoryPlaces(
            heading=find_places(heading_text(story)),
            body=find_places(story.body),
            body_text=story.body,
        )
        for story in page.stories
    ]
    records = []
    for story, places in zip(page.stories, per_story, strict=True):
        facts = extract_facts(story.body, credits=story.credits)
        facts += [
            Fact(kind="place", text=m.name, start=m.start, end=m.end, label=m.kind, norm=m.name)
            for m in places.body
        ]
        facts.sort(key=lambda f: (-1 if f.start is None else f.start, f.end or 0))
        refs = [
            StoryPlaceRef(name=p.name, kind=p.kind, count=p.count, about=p.about, first=p.first)
            for p in story_places(places)
        ]
        years = find_years(heading_text(story) + "\n" + story.body)
        records.append(StoryRecord(story=story, facts=facts, places=refs, years=years))
    return PageRecord(
        page=page,
        size=Path(path).stat().st_size,
        stories=records,
        links=page_links(per_story),
    )
