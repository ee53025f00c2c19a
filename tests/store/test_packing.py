"""Packed texts on real SQLite files: what is stored comes back as it was, an archive written
before packing upgrades with its texts intact, and the story list reads no body."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.store.test_store import _record
from viewer.archive import Archive
from viewer.store import DB_NAME, Store, queries
from viewer.store.packing import pack, unpack, unpack_prefix
from viewer.store.schema import migrations

OLD_TABLES = ("files", "stories", "places", "story_places", "place_links", "facts", "meta")


def test_texts_round_trip_packed_or_plain(seed_texts):
    page = seed_texts["000"]
    cleaned = page[200:900].replace("\n", "")  # a body: its stretch of the page, cleaned
    for text, source in [
        ("", ""),
        ("短", ""),  # too short to gain: stays plain
        (page, ""),
        (cleaned, page[200:900]),
        (cleaned, ""),
        ("𠮷野家\x00\u200f\ufeff" * 50, "something else entirely"),  # astral, NUL, bidi, BOM
    ]:
        packed = pack(text, source)
        assert unpack(packed, source) == text
        if len(text) > 100:
            assert isinstance(packed, bytes) and len(packed) < len(text.encode()) * 0.6
    packed_page = pack(page)
    for chars in (0, 1, 100, len(page) - 1, len(page), len(page) + 5):
        assert unpack_prefix(packed_page, chars) == unpack_prefix(page, chars) == page[:chars]
    assert pack("短") == "短"
    # The page's own stretch as dictionary: the cleaned body costs a few bytes a line.
    assert len(pack(cleaned, page[200:900])) < len(pack(cleaned)) / 5


def test_what_a_page_stores_reads_back_as_it_was(tmp_path):
    text = "第一篇\n𠮷野家的故事，正文很长。" * 40 + "\n第二篇\n" + "再说一遍，" * 30
    record = _record("/p/a.txt", text, "sha-a")
    record.stories[0].story.body = text[:300].replace("\n", "")  # cleaned: not a slice
    record.stories[1].story.title = ""  # headline-less: listed by its first words
    store = Store(tmp_path)
    store.write_page(record)
    assert store.stored_file("/p/a.txt")["text"] == text
    stored_bodies = queries.bodies(store.db, [1, 2])
    for sid, story in zip((1, 2), record.stories, strict=True):
        detail = queries.story_detail(store.db, sid)
        body = story.story.body
        assert detail["body"] == stored_bodies[sid] == body
        assert detail["original"] == text[story.story.source_start : story.story.source_end]
        assert detail["label"] == queries.story_label(story.story.title, body)
        assert dict(queries.index_rows(store.db, [sid]))[sid]["body"] == body
    assert store.db.execute("select typeof(text) from files").fetchone() == ("blob",)
    store.close()


@pytest.mark.parametrize(
    "body",
    [
        "\n  " + "字" * 23 + "\n第二段",
        "字" * 24 + "\n第二段",
        "字" * 24 + "\u3000第一段接着说",  # the 25th character is a space: no "…"
        "字" * 25,
        "\u3000" + "字" * 60,
    ],
)
def test_the_list_labels_a_headline_less_story_as_its_whole_body_would(tmp_path, body):
    record = _record("/p/a.txt", "甲" * 100, "sha-a")
    record.stories[0].story.title = ""
    record.stories[0].story.body = body
    store = Store(tmp_path)
    store.write_page(record)
    assert queries.story_summaries(store.db)[0]["label"] == queries.story_label("", body)
    store.close()


def _old_format_copy(source: Database, folder: Path) -> Path:
    """The archive `source` as a version before packing stored it: schema m001-m003, texts
    plain, no `label` column."""
    folder.mkdir()
    old = Database(sqlite3.connect(folder / DB_NAME))
    migrations.apply(old, stop_before="m004_packed_texts")
    bodies = {sid: fields["body"] for sid, fields in queries.index_rows(source)}
    kinds = {code: kind for kind, code in queries.FACT_KIND_CODES.items()}
    for table in OLD_TABLES:
        columns = [c for c in old[table].columns_dict if c in source[table].columns_dict]
        for row in source.query(f"select {', '.join(columns)} from {table}"):
            if table == "files":
                row["text"] = unpack(row["text"])
            if table == "stories":
                row["body"] = bodies[row["id"]]
            if table == "facts":  # m005's shorthands: norm NULL for "the text", kind a number
                row["norm"] = row["text"] if row["norm"] is None else row["norm"]
                row["kind"] = kinds[row["kind"]]
            old[table].insert(row)
    old.close()
    return folder / DB_NAME


def _everything(db: Database) -> dict:
    summaries = queries.story_summaries(db)
    ids = [s["id"] for s in summaries]
    return {
        "summaries": summaries,
        "details": [queries.story_detail(db, i) for i in ids],
        "index_rows": list(queries.index_rows(db)),
        "bodies": queries.bodies(db, ids),
        "facts": queries.facts(db),
    }


def test_an_archive_written_before_packing_upgrades_with_its_texts_intact(seeded, tmp_path):
    current = seeded.store.db
    old_db = _old_format_copy(current, tmp_path / "old")
    conn = sqlite3.connect(old_db)
    assert conn.execute("select distinct typeof(body) from stories").fetchall() == [("text",)]
    assert conn.execute("select distinct typeof(text) from files").fetchall() == [("text",)]
    objects_before = {r[0] for r in conn.execute("select name from sqlite_master")}
    conn.close()
    size_before = old_db.stat().st_size

    store = Store(tmp_path / "old")  # migrates
    try:
        assert not migrations.pending(store.db)
        assert _everything(store.db) == _everything(current)
        texts = {p: seeded.store.stored_file(p)["text"] for p in seeded.store.file_paths()}
        assert {p: store.stored_file(p)["text"] for p in texts} == texts
        kinds = dict(store.db.execute("select typeof(text), count(*) from files group by 1"))
        assert set(kinds) == {"blob"}
        assert "blob" in {r[0] for r in store.db.execute("select typeof(body) from stories")}
        labels = [s["label"] for s in queries.story_summaries(store.db) if not s["title"]]
        assert labels, "the seeds have headline-less stories"
        # Tables and indexes the later migrations add take a page each, empty as they are.
        added = {r[0] for r in store.db.execute("select name from sqlite_master")}
        page = store.db.execute("pragma page_size").fetchone()[0]
        new_pages = len(added - objects_before) * page
    finally:
        store.close()
    # The freed pages are given back.
    assert old_db.stat().st_size - new_pages < size_before * 0.7


def test_an_upgraded_archive_opens_searches_and_reanalyses(seeded, tmp_path):
    old = _old_format_copy(seeded.store.db, tmp_path / "old").parent
    shutil.copytree(seeded.root / "index", old / "index")  # the index is not touched by packing
    with Archive(old) as archive:
        assert archive.check().ok
        hits = archive.search("经济")
        assert hits and all(h["snippet"] for h in hits)
        assert archive.reanalyse().stories_after == queries.story_count(seeded.store.db)
        assert archive.check().ok
