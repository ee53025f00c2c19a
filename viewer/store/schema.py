"""The archive's SQLite schema, as an ordered list of sqlite-utils migrations.

A migration never changes once released; a new schema change is a new function at the end.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from viewer.store.packing import pack, unpack
from viewer.store.queries import FACT_KIND_CODES, story_label

migrations = Migrations("viewer")


@migrations()
def m001_initial(db: Database) -> None:
    db.table("files").create(
        {
            "id": int,
            # As imported (absolute); a changed file at the same path replaces its stories.
            "path": str,
            "name": str,
            "sha256": str,  # of the raw bytes: the same content imported twice is a no-op
            "size": int,
            "encoding": str,
            "source": str,  # newspaper name from metadata, "" if unknown
            "date": str,  # ISO date from metadata, "" if unknown
            "page": str,
            "years": str,  # JSON list of years the text mentions
            "text": str,  # decoded full text: stories' source offsets index into it
            "imported_at": str,
        },
        pk="id",
        not_null={"path", "sha256", "text"},
    )
    db.table("files").create_index(["path"], unique=True)
    db.table("files").create_index(["sha256"])

    # AUTOINCREMENT: a replaced story's id is never handed to another story, so ids kept in
    # bookmarks, citations and the GUI's "last story" never silently point at something else.
    db.execute(
        """create table stories (
            id integer primary key autoincrement,
            file_id integer references files(id),
            seq integer,
            kind text,
            kicker text,
            title text,
            subtitle text,
            subheads text,  -- JSON list
            byline text,
            credits text,  -- JSON list of [name, role]
            body text,
            source_start integer,
            source_end integer,
            date text,
            years text,  -- JSON list
            hidden text  -- JSON list of duplicate sentences kept out of body
        )"""
    )
    db.table("stories").create_index(["file_id", "seq"], unique=True)

    db.table("places").create(
        {"id": int, "name": str, "kind": str, "parent_id": int},
        pk="id",
        foreign_keys=[("parent_id", "places", "id")],
    )
    db.table("places").create_index(["name", "kind"], unique=True)
    db.table("places").create_index(["parent_id"])

    db.table("story_places").create(
        {"story_id": int, "place_id": int, "count": int, "about": int, "first": int},
        pk=("story_id", "place_id"),
        foreign_keys=[("story_id", "stories", "id"), ("place_id", "places", "id")],
    )
    db.table("story_places").create_index(["place_id"])

    # Evidence for the hierarchy, per file, so re-importing or replacing a file re-derives parents.
    db.table("place_links").create(
        {"file_id": int, "child_id": int, "parent_id": int, "weight": int, "reason": str},
        foreign_keys=[
            ("file_id", "files", "id"),
            ("child_id", "places", "id"),
            ("parent_id", "places", "id"),
        ],
    )
    db.table("place_links").create_index(["file_id"])

    db.table("facts").create(
        {
            "id": int,
            "story_id": int,
            "kind": str,
            "text": str,
            "value": float,
            "unit": str,
            "label": str,
            "norm": str,
            "start": int,
            "end": int,
        },
        pk="id",
        foreign_keys=[("story_id", "stories", "id")],
    )
    db.table("facts").create_index(["story_id"])
    db.table("facts").create_index(["kind"])

    db.table("import_errors").create(
        {"id": int, "path": str, "code": str, "message": str, "at": str}, pk="id"
    )
    db.table("meta").create({"key": str, "value": str}, pk="key")


@migrations()
def m002_place_codes(db: Database) -> None:
    # The division a place stands for (12-digit gazetteer code; NULL for a community or village
    # the gazetteer does not know, or a division the archive could not decide) and its level
    # (1 province ... 5 community/village), both chosen when the hierarchy is refreshed.
    db.table("places").add_column("code", str)
    db.table("places").add_column("level", int)
    # For reason "code": the division the page chose for the child.
    db.table("place_links").add_column("code", str)


@migrations()
def m003_story_dates(db: Database) -> None:
    # The archive's date span (min/max of stories.date) answers from this index in well under a
    # millisecond; without it, 75 ms warm on 100,000 stories (every row's body is read).
    db.table("stories").create_index(["date"], if_not_exists=True)


@migrations()
def m004_packed_texts(db: Database) -> None:
    # Page text and story bodies compressed (see packing): two thirds of the database was text.
    # The story list's label of a headline-less story (the first words of its body) is kept
    # plain in its own column, so that listing the archive never decompresses every body.
    # Rows already packed (bytes) are left alone; a few hundred rows at a time keep the memory
    # small on a large archive.
    db.table("stories").add_column("label", str)  # NULL for a story with a headline
    # Stories first: a body is packed against its page's text, read here as it was stored.
    sql = """select s.id, s.title, s.body, f.text, s.source_start, s.source_end
             from stories s join files f on f.id = s.file_id where typeof(s.body) = 'text'"""
    for rows in _batches(db, sql, "s.id"):
        db.conn.executemany(
            "update stories set body = ?, label = ? where id = ?",
            [
                (pack(body, unpack(page)[start:end]), None if title else story_label("", body), i)
                for i, title, body, page, start, end in rows
            ],
        )
    for rows in _batches(db, "select id, text from files where typeof(text) = 'text'", "id"):
        db.conn.executemany(
            "update files set text = ? where id = ?", [(pack(t), i) for i, t in rows]
        )


def _batches(db: Database, sql: str, id_column: str, size: int = 500) -> Iterator[list[tuple]]:
    """The rows of `sql` (a query with a where clause, whose first column is `id_column`),
    `size` at a time, in id order."""
    last = -1
    where = f"{sql} and {id_column} > ? order by {id_column} limit {size}"
    while rows := db.execute(where, [last]).fetchall():
        yield rows
        last = rows[-1][0]


@migrations()
def m005_clustered_by_story(db: Database) -> None:
    # Facts are read a story (or a place's stories) at a time, so they are kept clustered by
    # story: a WITHOUT ROWID table keyed (story, position in the story's text order) needs no
    # separate story index. The index on kind goes: only `viewer facts --kind` without a story
    # or place filters on kind alone, and a scan serves it. A norm that only repeats the text
    # (every organisation, most people and places) is NULL, read back as the text, and the kind
    # is a small number. On 10,878 stories: 24.7 -> 11.1 MB, 83 -> 38 bytes a fact (295,178).
    db.execute(
        """create table facts_by_story (
            story_id integer not null references stories(id),
            n integer not null,  -- the fact's place in its story, in text order
            kind integer,  -- queries.FACT_KIND_CODES
            text text,
            value real,
            unit text,
            label text,
            norm text,  -- NULL: the same as text
            start integer,
            end integer,
            primary key (story_id, n)
        ) without rowid"""
    )
    kind_codes = " ".join(f"when '{k}' then {c}" for k, c in FACT_KIND_CODES.items())
    db.execute(
        f"""insert into facts_by_story
           select story_id, row_number() over (partition by story_id order by id) - 1,
                  case kind {kind_codes} end,
                  text, value, unit, label, nullif(norm, text), start, end
           from facts"""
    )
    db.execute("drop table facts")
    db.execute("alter table facts_by_story rename to facts")
    # The same for the places a story names: its primary key was a second copy of every row.
    db.execute(
        """create table story_places_by_story (
            story_id integer not null references stories(id),
            place_id integer not null references places(id),
            count integer,
            about integer,
            first integer,
            primary key (story_id, place_id)
        ) without rowid"""
    )
    db.execute(
        """insert into story_places_by_story
           select story_id, place_id, count, about, first from story_places"""
    )
    db.execute("drop table story_places")
    db.execute("alter table story_places_by_story rename to story_places")
    db.table("story_places").create_index(["place_id"])


@migrations(transactional=False)
def m006_reclaim_space(db: Database) -> None:
    # The pages m004 and m005 freed stay in the file until it is rebuilt (once, on upgrade;
    # instant on a new archive).
    db.execute("VACUUM")


@migrations()
def m007_annotations(db: Database) -> None:
    # What a user attaches to a story: tags, a note, a bookmark. A story's id changes whenever
    # its page is written again, so each story's annotations are kept with its key as well
    # (story_keys.StoryKey: page sha256, place on the page, body fingerprint) and re-pointed
    # after every page write; story_id NULL is an orphan, whose story is gone (it re-attaches
    # if the page comes back). No foreign key to stories: they are deleted under it.
    db.execute(
        """create table annotations (
            id integer primary key,
            story_id integer,  -- the story now; NULL: orphaned
            sha256 text not null,  -- the story's key (see story_keys)
            seq integer not null,
            fingerprint text not null,
            title text,  -- the story's headline (or label) and page file when last attached:
            path text,  -- what an orphan was
            note text,  -- NULL: no note
            bookmarked_at text,  -- NULL: not bookmarked
            changed_at text
        )"""
    )
    # One row per story (SQLite lets any number of orphans share NULL).
    db.table("annotations").create_index(["story_id"], unique=True)
    db.table("annotations").create_index(["sha256"])
    db.execute(
        """create table story_tags (
            annotation_id integer not null references annotations(id),
            tag text not null,
            primary key (annotation_id, tag)
        ) without rowid"""
    )
    db.table("story_tags").create_index(["tag"])


@migrations()
def m008_corrections(db: Database) -> None:
    # What an archivist corrected, kept beside the extracted data and applied again whenever
    # that data is written anew (import, reanalysis) or the hierarchy is rebuilt (see
    # store.corrections). A story correction is kept with the story's key (story_keys), which
    # outlives its id; `story_id` is where it applies now (NULL or a gone id: orphaned).
    db.execute(
        """create table corrections (
            id integer primary key autoincrement,
            what text not null,  -- corrections.WHAT
            story_id integer,
            page_sha256 text,  -- the story's key: files.sha256, stories.seq, body fingerprint
            story_seq integer,
            story_fingerprint text,
            place_name text,  -- the place corrected, added or removed
            place_kind text,
            target text,  -- JSON: what else names the target (a fact's kind and text)
            value text,  -- JSON: the new value
            previous text,  -- JSON: the extracted value it replaced when last applied
            made_at text not null
        )"""
    )
    db.table("corrections").create_index(["page_sha256"])
    db.table("corrections").create_index(["story_id"])


@migrations()
def m009_saved_searches_and_dates_by_hand(db: Database) -> None:
    # Searches the user saved by name: the query text and its filters (JSON: place, date_from,
    # date_to, kind), listed with their current hit counts.
    db.table("saved_searches").create(
        {"id": int, "name": str, "query": str, "filters": str, "created_at": str},
        pk="id",
        not_null={"name", "query"},
    )
    db.table("saved_searches").create_index(["name"], unique=True)
    # 1: the user set this file's date by hand (`Archive.set_file_meta`), so reading the page
    # again keeps it instead of the date the page's header line prints.
    db.table("files").add_column("date_by_hand", int, not_null_default=0)
    # Browsing by issue groups the files by paper, date and page: from this index, without
    # reading the file rows (each holds its page's text). 20 k stories: 44 -> 14 ms.
    db.table("files").create_index(["source", "date", "page"])
