"""Which story is which across re-imports: a key that outlives story ids.

A story's id changes whenever its page is written again (a changed file re-imported, a
reanalysis, a file removed and imported again). What a user attaches to a story (tags, notes,
bookmarks, corrections) is therefore kept with the story's key as well as its current id: the
sha256 of its page file, its place on the page and the start of its body. After a page is
written, `rematch` finds each kept key's story among the page's new stories.

The body's start rather than the title: a title can be corrected by the user, the body cannot,
and two stories of one page rarely open with the same 60 characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from viewer.store.queries import bodies
from viewer.text import fold

FINGERPRINT_CHARS = 60


@dataclass(frozen=True)
class StoryKey:
    sha256: str  # of the page file's bytes (files.sha256)
    seq: int  # the story's place on its page when the key was taken
    fingerprint: str  # see `fingerprint`


def fingerprint(body: str) -> str:
    """The first FINGERPRINT_CHARS characters of a body, folded, without any white space: the
    same story read again with a page reading that only moved line breaks keeps its key."""
    return "".join(fold(body).split())[:FINGERPRINT_CHARS]


def page_story_keys(db: Database, file_id: int) -> list[tuple[int, StoryKey]]:
    """(story id, key) of every story of one stored page file, in page order."""
    sha = db.execute("select sha256 from files where id = ?", [file_id]).fetchone()
    if sha is None:
        return []
    rows = db.execute(
        "select id, seq from stories where file_id = ? order by seq", [file_id]
    ).fetchall()
    texts = bodies(db, [story_id for story_id, _ in rows])
    return [
        (story_id, StoryKey(sha[0], seq, fingerprint(texts.get(story_id, ""))))
        for story_id, seq in rows
    ]


def story_key(db: Database, story_id: int) -> StoryKey | None:
    """The key of one stored story, or None if there is no such story."""
    row = db.execute("select file_id from stories where id = ?", [story_id]).fetchone()
    if row is None:
        return None
    return dict(page_story_keys(db, row[0])).get(story_id)


def rematch(
    kept: Sequence[StoryKey], stories: Sequence[tuple[int, StoryKey]]
) -> dict[StoryKey, int]:
    """The story id each kept key now belongs to, among one page's `stories` (id, key).

    A key matches a story of the same page content with the same fingerprint; of several such
    stories, the one nearest its old place on the page, each story claimed once. Keys that match
    nothing (the page changed, or its reading split it differently) are left out: the caller
    keeps them as orphans rather than attaching them to the wrong story.
    """
    free = list(stories)
    found: dict[StoryKey, int] = {}
    for key in sorted(set(kept), key=lambda k: k.seq):
        candidates = [
            (abs(other.seq - key.seq), n)
            for n, (_, other) in enumerate(free)
            if other.sha256 == key.sha256 and other.fingerprint == key.fingerprint
        ]
        if candidates:
            _, n = min(candidates)
            found[key] = free.pop(n)[0]
    return found
