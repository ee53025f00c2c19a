"""Tags, notes and bookmarks on stories, kept across re-imports (schema m007).

Each annotated story has one `annotations` row holding its current id and its `StoryKey`. A
story's id changes whenever its page is written again, so after every page write `reattach`
finds each affected row's story among the page's new stories (`story_keys.rematch`); a row whose
story is gone becomes an orphan (story_id NULL), listed but attached to nothing, until a page
holding its story is written again. Searching by tag, note or bookmark reads these tables, not
the search index: tagging writes nothing to the index, and `reindex` cannot lose a tag.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlite_utils import Database

from viewer.store.story_keys import StoryKey, page_story_keys, rematch, story_key
from viewer.text import fold, is_encodable

MAX_TAG_CHARS = 50
MAX_NOTE_CHARS = 20_000


class UnknownStory(LookupError):
    """An annotation asked for a story id the archive does not hold."""

    def __init__(self, story_id: int) -> None:
        super().__init__(f"没有编号为 {story_id} 的稿件")
        self.story_id = story_id


class AnnotationError(ValueError):
    """A tag or note that cannot be stored; the message says why (one line of Chinese)."""


@dataclass(frozen=True)
class TagCount:
    tag: str
    stories: int  # stories that carry it now
    orphans: int  # orphaned annotations that carry it (their story is gone)


@dataclass(frozen=True)
class AnnotatedStory:
    """One annotated story, or an orphan (`story_id` None: its story is gone)."""

    story_id: int | None
    title: str  # the story's headline (or label) when last attached
    path: str  # its page file then
    tags: list[str] = field(default_factory=list)
    note: str | None = None
    bookmarked: bool = False
    key: StoryKey | None = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def clean_tag(name: str) -> str:
    """A tag as stored: white space runs made one space; raises AnnotationError if empty, too
    long or holding characters that cannot be stored."""
    tag = " ".join(str(name).split())
    if not tag:
        raise AnnotationError("标签不能为空")
    if len(tag) > MAX_TAG_CHARS:
        raise AnnotationError(f"标签太长（最多 {MAX_TAG_CHARS} 个字）")
    if not is_encodable(tag):
        raise AnnotationError("标签里有无法识别的字符")
    return tag


def _snapshot(db: Database, story_id: int) -> tuple[str, str]:
    """(headline or label, page file path) of a stored story."""
    row = db.execute(
        """select coalesce(nullif(s.title, ''), s.label, ''), f.path
           from stories s join files f on f.id = s.file_id where s.id = ?""",
        [story_id],
    ).fetchone()
    return (row[0], row[1]) if row else ("", "")


def _row_of(db: Database, story_id: int) -> int | None:
    """The annotations row of a story, None if it has none (UnknownStory for an id the archive
    does not hold)."""
    row = db.execute("select id from annotations where story_id = ?", [story_id]).fetchone()
    if row is not None:
        return row[0]
    if db.execute("select 1 from stories where id = ?", [story_id]).fetchone() is None:
        raise UnknownStory(story_id)
    return None


def _row_made(db: Database, story_id: int) -> int:
    """The annotations row of a story, made if missing (UnknownStory as `_row_of`)."""
    row = db.execute("select id from annotations where story_id = ?", [story_id]).fetchone()
    if row is not None:
        return row[0]
    key = story_key(db, story_id)
    if key is None:
        raise UnknownStory(story_id)
    title, path = _snapshot(db, story_id)
    cursor = db.execute(
        """insert into annotations (story_id, sha256, seq, fingerprint, title, path, changed_at)
           values (?, ?, ?, ?, ?, ?, ?)""",
        [story_id, key.sha256, key.seq, key.fingerprint, title, path, _now()],
    )
    assert cursor.lastrowid is not None  # a row was inserted
    return cursor.lastrowid


def _drop_if_empty(db: Database, row_id: int) -> None:
    """A row with no tag, note or bookmark left says nothing: it goes."""
    db.execute(
        """delete from annotations where id = ? and note is null and bookmarked_at is null
           and not exists (select 1 from story_tags where annotation_id = ?)""",
        [row_id, row_id],
    )


def _touch(db: Database, row_id: int) -> None:
    db.execute("update annotations set changed_at = ? where id = ?", [_now(), row_id])


# -- tags -------------------------------------------------------------------------------------


def _spelling(db: Database, tag: str) -> str:
    """The tag as the archive already spells it when it folds the same (COVID for covid,
    full-width letters for half-width), else as given: one tag, not two."""
    wanted = fold(tag)
    for (known,) in db.execute("select distinct tag from story_tags"):
        if fold(known) == wanted:
            return known
    return tag


def add_tag(db: Database, story_ids: Sequence[int], name: str) -> int:
    """Tag the stories; returns how many did not have the tag yet."""
    tag = clean_tag(name)
    added = 0
    with db.atomic():
        tag = _spelling(db, tag)
        for story_id in story_ids:
            row_id = _row_made(db, story_id)
            added += db.execute(
                "insert or ignore into story_tags (annotation_id, tag) values (?, ?)",
                [row_id, tag],
            ).rowcount
            _touch(db, row_id)
    return added


def remove_tag(db: Database, story_ids: Sequence[int], name: str) -> int:
    """Take the tag (however its case or width is written) off the stories; returns how many had
    it."""
    wanted = fold(clean_tag(name))
    removed = 0
    with db.atomic():
        for story_id in story_ids:
            row_id = _row_of(db, story_id)
            if row_id is None:
                continue
            for (tag,) in db.execute(
                "select tag from story_tags where annotation_id = ?", [row_id]
            ).fetchall():
                if fold(tag) == wanted:
                    removed += db.execute(
                        "delete from story_tags where annotation_id = ? and tag = ?", [row_id, tag]
                    ).rowcount
            _touch(db, row_id)
            _drop_if_empty(db, row_id)
    return removed


def tag_counts(db: Database) -> list[TagCount]:
    """Every tag in use with its number of stories and of orphans, most used first."""
    rows = db.execute(
        """select t.tag, count(a.story_id), count(*) - count(a.story_id)
           from story_tags t join annotations a on a.id = t.annotation_id
           group by t.tag order by count(a.story_id) desc, t.tag"""
    )
    return [TagCount(tag, stories, orphans) for tag, stories, orphans in rows]


# -- notes and bookmarks -----------------------------------------------------------------------


def set_note(db: Database, story_id: int, text: str | None) -> None:
    """Set the story's note; None or blank text clears it."""
    note = (text or "").strip() or None
    if note is not None:
        if len(note) > MAX_NOTE_CHARS:
            raise AnnotationError(f"笔记太长（最多 {MAX_NOTE_CHARS} 个字）")
        if not is_encodable(note):
            raise AnnotationError("笔记里有无法识别的字符")
    with db.atomic():
        row_id = _row_made(db, story_id) if note is not None else _row_of(db, story_id)
        if row_id is None:
            return
        db.execute("update annotations set note = ? where id = ?", [note, row_id])
        _touch(db, row_id)
        _drop_if_empty(db, row_id)


def set_bookmark(db: Database, story_id: int, on: bool) -> None:
    with db.atomic():
        row_id = _row_made(db, story_id) if on else _row_of(db, story_id)
        if row_id is None:
            return
        db.execute(
            """update annotations set bookmarked_at = case when ? then
                   coalesce(bookmarked_at, ?) end where id = ?""",
            [on, _now(), row_id],
        )
        _touch(db, row_id)
        _drop_if_empty(db, row_id)


# -- reading ----------------------------------------------------------------------------------

_SELECT = """select a.id, a.story_id, a.title, a.path, a.note, a.bookmarked_at is not null,
                    a.sha256, a.seq, a.fingerprint
             from annotations a"""


def _annotated(db: Database, where: str, params: Sequence[object]) -> list[AnnotatedStory]:
    rows = db.execute(f"{_SELECT} where {where}", list(params)).fetchall()
    tags: dict[int, list[str]] = {}
    if rows:
        marks = ",".join("?" * len(rows))
        for row_id, tag in db.execute(
            f"select annotation_id, tag from story_tags where annotation_id in ({marks}) "
            "order by tag",
            [r[0] for r in rows],
        ):
            tags.setdefault(row_id, []).append(tag)
    return [
        AnnotatedStory(
            story_id=story_id,
            title=title or "",
            path=path or "",
            tags=tags.get(row_id, []),
            note=note,
            bookmarked=bool(bookmarked),
            key=StoryKey(sha, seq, fp),
        )
        for row_id, story_id, title, path, note, bookmarked, sha, seq, fp in rows
    ]


def of_story(db: Database, story_id: int) -> AnnotatedStory | None:
    """The story's annotations, or None when it has none."""
    found = _annotated(db, "a.story_id = ?", [story_id])
    return found[0] if found else None


def bookmarks(db: Database) -> list[AnnotatedStory]:
    """Bookmarked stories, most recently bookmarked first (orphans: see `orphans`)."""
    return _annotated(
        db,
        "a.story_id is not null and a.bookmarked_at is not null "
        "order by a.bookmarked_at desc, a.id desc",
        [],
    )


def orphans(db: Database) -> list[AnnotatedStory]:
    """Annotations whose story is gone (its page changed or was removed), oldest first."""
    return _annotated(db, "a.story_id is null order by a.id", [])


def forget_orphans(db: Database, keys: Sequence[StoryKey] | None = None) -> int:
    """Delete orphans for good: those with these keys (as `orphans` lists them), or all (None).
    Returns how many went."""
    rows = db.execute("select id, sha256, seq, fingerprint from annotations where story_id is null")
    wanted = None if keys is None else set(keys)
    gone = [
        row_id
        for row_id, sha, seq, fp in rows.fetchall()
        if wanted is None or StoryKey(sha, seq, fp) in wanted
    ]
    with db.atomic():
        for row_id in gone:
            db.execute("delete from story_tags where annotation_id = ?", [row_id])
            db.execute("delete from annotations where id = ?", [row_id])
    return len(gone)


def matching_stories(
    db: Database, tags: Iterable[str], notes: Iterable[str], bookmarked: bool
) -> set[int] | None:
    """Stories carrying any of `tags`, whose note contains any of `notes`, bookmarked when
    `bookmarked`: the kinds intersect. Tags and note text compare folded (case, width). None:
    no such condition."""
    parts: list[set[int]] = []
    wanted_tags = {fold(t) for t in tags}
    if wanted_tags:
        rows = db.execute(
            """select a.story_id, t.tag from story_tags t join annotations a
               on a.id = t.annotation_id where a.story_id is not null"""
        )
        parts.append({story_id for story_id, tag in rows if fold(tag) in wanted_tags})
    wanted_notes = [fold(n) for n in notes]
    if wanted_notes:
        rows = db.execute(
            "select story_id, note from annotations where story_id is not null and note is not null"
        )
        parts.append(
            {story_id for story_id, note in rows if any(w in fold(note) for w in wanted_notes)}
        )
    if bookmarked:
        rows = db.execute(
            "select story_id from annotations "
            "where story_id is not null and bookmarked_at is not null"
        )
        parts.append({r[0] for r in rows})
    return set.intersection(*parts) if parts else None


# -- keeping up with page writes ----------------------------------------------------------------


def reattach(db: Database, file_id: int, replaced: Sequence[int] = ()) -> None:
    """After the page file `file_id` was written: point the annotations of its content (its
    sha256) and those of the stories it `replaced` (the file's earlier version at the same path)
    at its stories, by key. Rows already pointing at a live story are left alone. A story of an
    earlier version of the page is looked for on the new one by its place and fingerprint (an
    edit elsewhere on the page keeps it); what matches nothing becomes an orphan."""
    sha = db.execute("select sha256 from files where id = ?", [file_id]).fetchone()
    if sha is None:
        return
    sha = sha[0]
    marks = ",".join("?" * len(replaced))
    rows = db.execute(
        f"""select a.id, a.sha256, a.seq, a.fingerprint from annotations a
            where (a.sha256 = ? {f"or a.story_id in ({marks})" if replaced else ""})
            and (a.story_id is null
                 or not exists (select 1 from stories s where s.id = a.story_id))
            order by a.id""",
        [sha, *replaced],
    ).fetchall()
    if not rows:
        return  # the common case, an import: no body is read
    stories = page_story_keys(db, file_id)
    page_ids = [story_id for story_id, _ in stories]
    taken = {
        r[0]
        for r in db.execute(
            f"select story_id from annotations where story_id in ({','.join('?' * len(page_ids))})",
            page_ids,
        )
    }
    free = [(story_id, key) for story_id, key in stories if story_id not in taken]
    keys = dict(stories)
    with db.atomic():
        # The same content first: its keys are exact; then the earlier version's stories.
        for same_content in (True, False):
            group = [r for r in rows if (r[1] == sha) == same_content]
            wanted = {row_id: StoryKey(sha, seq, fp) for row_id, _, seq, fp in group}
            found = rematch(list(wanted.values()), free)
            claimed: set[int] = set()
            for row_id, *_ in group:
                story_id = found.get(wanted[row_id])
                if story_id is None or story_id in claimed:
                    db.execute("update annotations set story_id = null where id = ?", [row_id])
                    continue
                claimed.add(story_id)
                title, path = _snapshot(db, story_id)
                db.execute(
                    """update annotations set story_id = ?, sha256 = ?, seq = ?, title = ?,
                       path = ? where id = ?""",
                    [story_id, sha, keys[story_id].seq, title, path, row_id],
                )
            free = [(story_id, key) for story_id, key in free if story_id not in claimed]


def detach(db: Database, story_ids: Sequence[int]) -> None:
    """The stories are gone (their file was removed): their annotations become orphans."""
    marks = ",".join("?" * len(story_ids))
    if story_ids:
        db.execute(f"update annotations set story_id = null where story_id in ({marks})", story_ids)


def heal(db: Database) -> None:
    """After an interrupted write (a page stored, its annotations not yet re-pointed): rows
    pointing at stories that no longer exist are re-attached by key, or orphaned."""
    stale = db.execute(
        """select distinct f.id from annotations a join files f on f.sha256 = a.sha256
           where a.story_id is null
              or not exists (select 1 from stories s where s.id = a.story_id)"""
    ).fetchall()
    for (file_id,) in stale:
        reattach(db, file_id)
    db.execute(
        """update annotations set story_id = null where story_id is not null
           and not exists (select 1 from stories s where s.id = story_id)"""
    )
