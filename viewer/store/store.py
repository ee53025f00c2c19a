"""The archive database: opening it, writing one page file per transaction, and the place tree.

The database is the source of truth; the search index is derived from it. One `Store` belongs to one
thread (sqlite3 connections are not shared), and only one writer at a time touches an archive.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from viewer.model import Fact, PageMeta, PageRecord, PlaceLink, StoryRecord
from viewer.store import queries, safety
from viewer.store.packing import PackedPage, pack_page, unpack
from viewer.store.queries import FACT_KIND_CODES
from viewer.store.schema import migrations

DB_NAME = safety.DB_NAME


class ReadOnlyArchive(RuntimeError):
    """A change asked of an archive opened read-only; the message says why it is read-only."""


class SchemaTooOld(RuntimeError):
    """A read-only archive whose database needs migrations this program cannot write."""


@dataclass
class WriteResult:
    """What storing one page changed."""

    file_id: int
    added: list[int]  # ids of the stories written
    removed: list[int]  # ids of the stories the file had before (a changed file)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _story_row(file_id: int, record: StoryRecord, date: str, body: str | bytes) -> dict:
    story = record.story
    return {
        "file_id": file_id,
        "seq": story.seq,
        "kind": story.kind,
        "kicker": story.kicker,
        "title": story.title,
        "subtitle": story.subtitle,
        "subheads": json.dumps(story.subheads, ensure_ascii=False),
        "byline": story.byline,
        "credits": json.dumps([[c.name, c.role] for c in story.credits], ensure_ascii=False),
        "body": body,  # packed
        "label": None if story.title else queries.story_label("", story.body),
        "source_start": story.source_start,
        "source_end": story.source_end,
        "date": story.date or date,  # the dateline's date, else the page's
        "years": json.dumps(record.years),
        "hidden": json.dumps(story.hidden, ensure_ascii=False),
    }


def _fact_row(story_id: int, n: int, fact: Fact) -> tuple:
    """A fact as schema m005 keeps it: its kind as a number, and a norm that only repeats the
    text as NULL."""
    norm = None if fact.norm == fact.text else fact.norm
    kind = FACT_KIND_CODES[fact.kind]
    return (
        story_id,
        n,
        kind,
        fact.text,
        fact.value,
        fact.unit,
        fact.label,
        norm,
        fact.start,
        fact.end,
    )


class Store:
    """sqlite-utils over `<archive>/archive.db`, WAL mode, migrated on open.

    A folder that cannot be written (a read-only mount or share) is opened read-only: no WAL
    set-up, no migrations, nothing created beside the database."""

    def __init__(self, archive_dir: Path, *, read_only: bool | None = None) -> None:
        self.root = archive_dir
        self.path = archive_dir / DB_NAME
        self.read_only = not safety.writable(archive_dir) if read_only is None else read_only
        # check_same_thread stays on: each thread opens its own Store.
        if self.read_only:
            self._open_read_only()
            return
        archive_dir.mkdir(parents=True, exist_ok=True)
        self.db = Database(sqlite3.connect(str(self.path), timeout=30))
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.enable_wal()
        # NORMAL in WAL mode: a commit survives the program being killed (it is in the -wal
        # file); `checkpoint` after each import moves it into the database file itself.
        self.db.execute("PRAGMA synchronous = NORMAL")
        migrations.apply(self.db)

    def _open_read_only(self) -> None:
        if not self.path.is_file():
            raise FileNotFoundError(f"只读文件夹 {self.root} 中没有档案数据库 {DB_NAME}")
        self.db = Database(safety.connect_read_only(self.path))
        if migrations.pending(self.db):
            self.db.close()
            raise SchemaTooOld(
                f"档案 {self.path} 由旧版本程序建立，需要升级后才能打开，"
                "但它所在的文件夹是只读的：请在可写的位置用本程序打开一次"
            )

    @property
    def read_only_reason(self) -> str:
        return f"档案文件夹 {self.root} 是只读的（只读挂载、共享或没有写权限）"

    def require_writable(self, action: str) -> None:
        """Raise ReadOnlyArchive naming `action` (导入, 重新分析 …) if the archive is read-only."""
        if self.read_only:
            raise ReadOnlyArchive(f"不能{action}：{self.read_only_reason}")

    def lost_writes(self) -> int:
        """Page writes committed earlier that this database no longer holds (see safety)."""
        return safety.lost_writes(self.root, self.db.conn)

    def checkpoint(self) -> None:
        """Move everything committed from the -wal file into the database file and empty the
        -wal, so that losing the -wal later (a crash, a careless copy) loses nothing."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def backup(self, dest: Path | None = None) -> Path:
        """A consistent copy to `dest`, or an automatic one into `<archive>/backups/`."""
        if dest is None:
            self.require_writable("备份到档案文件夹")
            return safety.auto_backup(self.root, self.db.conn)
        return safety.backup_to(self.db.conn, dest)

    def close(self) -> None:
        self.db.close()

    # -- meta -------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("select value from meta where key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.db.execute("delete from meta where key = ?", [key])
        else:
            self.db.table("meta").upsert({"key": key, "value": value}, pk="key")

    # -- files ------------------------------------------------------------------------------

    def has_content(self, sha256: str) -> bool:
        return (
            self.db.execute("select 1 from files where sha256 = ?", [sha256]).fetchone() is not None
        )

    def file_count(self) -> int:
        return self.db.execute("select count(*) from files").fetchone()[0]

    def record_error(self, path: str, code: str, message: str) -> None:
        self.db.table("import_errors").insert(
            {"path": path, "code": code, "message": message, "at": _now()}
        )

    def file_paths(self) -> list[str]:
        """Every stored file's path, in import order."""
        return [r[0] for r in self.db.execute("select path from files order by id")]

    def stored_file(self, path: str) -> dict | None:
        """The stored row of the file at `path` (text, sha256, size, encoding, source, date,
        page, imported_at ...), or None. `text` is unpacked."""
        rows = list(self.db.query("select * from files where path = ?", [path]))
        if not rows:
            return None
        return {**rows[0], "text": unpack(rows[0]["text"])}

    def write_page(
        self,
        record: PageRecord,
        *,
        imported_at: str | None = None,
        packed: PackedPage | None = None,
        date_by_hand: bool = False,
    ) -> WriteResult:
        """Store a page and everything derived from it in one transaction.

        A file already stored under the same path is replaced: its stories, facts, links and
        hierarchy evidence go, and places nobody refers to any more are dropped. `imported_at`
        keeps a reanalysed file's import time (default: now). `packed` are the page's texts
        already packed (by an analysis worker); else they are packed here. `date_by_hand`: the
        page's date was set by the user (kept when a page is read again).
        """
        page = record.page
        packed = packed or pack_page(record)
        with self.db.atomic():
            self._count_write()
            old = self.db.execute("select id from files where path = ?", [page.path]).fetchone()
            removed = self._delete_file(old[0]) if old else []
            file_id = (
                self.db.table("files")
                .insert(
                    {
                        "path": page.path,
                        "name": Path(page.path).name,
                        "sha256": page.sha256,
                        "size": record.size,
                        "encoding": page.encoding,
                        "source": page.meta.source,
                        "date": page.meta.date,
                        "page": page.meta.page,
                        "years": json.dumps(page.years),
                        "text": packed.text,
                        "imported_at": imported_at or _now(),
                        "date_by_hand": int(date_by_hand),
                    }
                )
                .last_pk
            )
            assert file_id is not None  # sqlite-utils sets last_pk on every insert
            added = [
                self._insert_story(file_id, story, page.meta.date, body)
                for story, body in zip(record.stories, packed.bodies, strict=True)
            ]
            self.db.conn.executemany(
                """insert into place_links (file_id, child_id, parent_id, weight, reason, code)
                   values (?, ?, ?, ?, ?, ?)""",
                [
                    (
                        file_id,
                        self._place_id(*link.child),
                        self._place_id(*link.parent),
                        link.weight,
                        link.reason,
                        link.code or None,
                    )
                    for link in record.links
                ],
            )
            if removed:
                self._drop_orphan_places()
        safety.record_writes(self.root, safety.db_writes(self.db.conn))
        return WriteResult(file_id=file_id, added=added, removed=removed)

    def remove_file(self, path: str) -> list[int]:
        """Delete the file stored at `path` in one transaction, with its stories, their facts
        and places, and its hierarchy evidence; places nobody refers to any more go too.
        Returns the removed stories' ids ([] when no file is stored there)."""
        with self.db.atomic():
            row = self.db.execute("select id from files where path = ?", [path]).fetchone()
            if row is None:
                return []
            self._count_write()
            removed = self._delete_file(row[0])
            self._drop_orphan_places()
        safety.record_writes(self.root, safety.db_writes(self.db.conn))
        return removed

    def set_file_meta(
        self,
        file_id: int,
        meta: PageMeta,
        date_by_hand: bool,
        story_dates: dict[int, str],
    ) -> None:
        """Store a file's paper, date and page as the user set them, and its stories' new
        dates (story id -> ISO date or ""), in one transaction."""
        with self.db.atomic():
            self._count_write()
            self.db.execute(
                "update files set source = ?, date = ?, page = ?, date_by_hand = ? where id = ?",
                [meta.source, meta.date, meta.page, int(date_by_hand), file_id],
            )
            self.db.conn.executemany(
                "update stories set date = ? where id = ?",
                [(date, story_id) for story_id, date in story_dates.items()],
            )
        safety.record_writes(self.root, safety.db_writes(self.db.conn))

    def file_stories(self, file_id: int) -> list[tuple[int, int, int, int, str]]:
        """(id, seq, source_start, source_end, date) of the file's stories, in page order."""
        sql = """select id, seq, source_start, source_end, coalesce(date, '') from stories
                 where file_id = ? order by seq"""
        return [tuple(r) for r in self.db.execute(sql, [file_id])]

    def files(self) -> list[dict]:
        """Every stored file without its text, in import order: id, path, name, source, date,
        page, size, encoding, imported_at and its number of stories."""
        return list(
            self.db.query(
                """select f.id, f.path, f.name, f.source, f.date, f.page, f.size, f.encoding,
                          f.imported_at,
                          (select count(*) from stories s where s.file_id = f.id) as stories
                   from files f order by f.id"""
            )
        )

    def _count_write(self) -> None:
        """Count a write in the database itself (see `safety`: a lost -wal shows as fewer)."""
        self.db.execute(
            """insert into meta (key, value) values (?, '1') on conflict (key)
               do update set value = cast(value as integer) + 1""",
            [safety.WRITES_KEY],
        )

    def _insert_story(self, file_id: int, record: StoryRecord, date: str, body: str | bytes) -> int:
        # Plain SQL for every row of an import: sqlite-utils' insert costs a savepoint, a look at
        # the table's columns and per-value type checks per call (a fifth of the writer's time).
        row = _story_row(file_id, record, date, body)
        story_id = self.db.conn.execute(
            f"insert into stories ({', '.join(row)}) values ({', '.join('?' * len(row))})",
            list(row.values()),
        ).lastrowid
        assert story_id is not None  # None only before a cursor's first insert
        self.db.conn.executemany(
            """insert into facts (story_id, n, kind, text, value, unit, label, norm, start, end)
               values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [_fact_row(story_id, n, fact) for n, fact in enumerate(record.facts)],
        )
        self.db.conn.executemany(
            """insert into story_places (story_id, place_id, count, about, first)
               values (?, ?, ?, ?, ?)""",
            [
                (story_id, self._place_id(p.name, p.kind), p.count, int(p.about), p.first)
                for p in record.places
            ],
        )
        return story_id

    def _place_id(self, name: str, kind: str) -> int:
        row = self.db.execute(
            "select id from places where name = ? and kind = ?", [name, kind]
        ).fetchone()
        if row:
            return row[0]
        places = self.db.table("places").insert({"name": name, "kind": kind, "parent_id": None})
        assert places.last_pk is not None  # sqlite-utils sets last_pk on every insert
        return places.last_pk

    def _delete_file(self, file_id: int) -> list[int]:
        ids = [r[0] for r in self.db.execute("select id from stories where file_id = ?", [file_id])]
        story_filter = "story_id in (select id from stories where file_id = ?)"
        self.db.execute(f"delete from facts where {story_filter}", [file_id])
        self.db.execute(f"delete from story_places where {story_filter}", [file_id])
        self.db.execute("delete from stories where file_id = ?", [file_id])
        self.db.execute("delete from place_links where file_id = ?", [file_id])
        self.db.execute("delete from files where id = ?", [file_id])
        return ids

    def _drop_orphan_places(self) -> None:
        # Repeat: dropping a leaf can orphan its parent's last reason to exist.
        while True:
            cursor = self.db.execute(
                """delete from places where
                   id not in (select place_id from story_places)
                   and id not in (select child_id from place_links)
                   and id not in (select parent_id from place_links)
                   and id not in (select parent_id from places where parent_id is not null)"""
            )
            if cursor.rowcount == 0:
                break

    # -- hierarchy --------------------------------------------------------------------------

    def place_keys(self) -> dict[tuple[str, str], int]:
        return {(n, k): i for i, n, k in self.db.execute("select id, name, kind from places")}

    def place_links(self) -> Iterator[PlaceLink]:
        """The hierarchy evidence of every file, summed per child, parent, reason and code. One
        row per distinct link, not per file: at 100,000 stories the per-file rows held 0.35 GB
        as Python objects while the summed ones are a fifth as many."""
        sql = """select c.name, c.kind, p.name, p.kind, l.reason, coalesce(l.code, ''),
                        sum(l.weight), max(l.weight)
                 from place_links l join places c on c.id = l.child_id
                 join places p on p.id = l.parent_id
                 group by l.child_id, l.parent_id, l.reason, coalesce(l.code, '')"""
        for cn, ck, pn, pk, reason, code, weight, strongest in self.db.execute(sql):
            yield PlaceLink((cn, ck), (pn, pk), weight, reason, code, strongest)

    def set_parents(self, parents: dict[tuple[str, str], tuple[str, str] | None]) -> None:
        keys = self.place_keys()
        rows = [
            (keys.get(parent) if parent else None, keys[child])
            for child, parent in parents.items()
            if child in keys
        ]
        with self.db.atomic():
            self.db.conn.executemany("update places set parent_id = ? where id = ?", rows)

    def set_placement(
        self,
        parents: dict[tuple[str, str], tuple[str, str] | None],
        codes: dict[tuple[str, str], str | None],
        levels: dict[tuple[str, str], int],
    ) -> None:
        """Store the whole hierarchy in one transaction: places only the hierarchy knows (a
        division's ancestors) are added, and those nothing needs any more are dropped."""
        with self.db.atomic():
            keys = self.place_keys()
            for key in parents:
                if key not in keys:
                    places = self.db.table("places").insert({"name": key[0], "kind": key[1]})
                    assert places.last_pk is not None
                    keys[key] = places.last_pk
            rows = [
                (
                    keys.get(parent) if parent else None,
                    codes.get(child),
                    levels.get(child),
                    keys[child],
                )
                for child, parent in parents.items()
            ]
            self.db.conn.executemany(
                "update places set parent_id = ?, code = ?, level = ? where id = ?", rows
            )
            self._drop_orphan_places()

    def stories_by_place(self) -> dict[tuple[str, str], array[int]]:
        """The stories naming each place, as compact arrays (4 bytes a story id, not the ~60 of
        a Python int in a set): an archive of 100,000 stories has ~700,000 of them."""
        out: dict[tuple[str, str], array[int]] = {}
        sql = """select p.name, p.kind, sp.story_id
                 from story_places sp join places p on p.id = sp.place_id"""
        for name, kind, story_id in self.db.execute(sql):
            found = out.get((name, kind))
            if found is None:
                found = out[(name, kind)] = array("i")
            found.append(story_id)
        return out

    def parents(self) -> dict[tuple[str, str], tuple[str, str] | None]:
        sql = """select c.name, c.kind, p.name, p.kind from places c
                 left join places p on p.id = c.parent_id"""
        return {
            (cn, ck): ((pn, pk) if pn is not None else None)
            for cn, ck, pn, pk in self.db.execute(sql)
        }

    def place_exists(self, name: str) -> bool:
        """Whether a place is called exactly `name`."""
        return self.db.execute("select 1 from places where name = ?", [name]).fetchone() is not None

    def places_named(self, name: str, others: Iterable[tuple[str, str]] = ()) -> list[int]:
        """Places called exactly `name` or one of the (name, kind) `others` (what a short form
        such as 贵州 stands for), else those whose name starts with `name` (某某 -> 某某社区)."""
        rows = self.db.execute("select id from places where name = ?", [name]).fetchall()
        for other, kind in others:
            rows += self.db.execute(
                "select id from places where name = ? and kind = ?", [other, kind]
            ).fetchall()
        if not rows:
            rows = self.db.execute(
                "select id from places where name like ? escape '\\'",
                [name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"],
            ).fetchall()
        return list(dict.fromkeys(r[0] for r in rows))

    def subtree(self, place_ids: Iterable[int]) -> list[int]:
        """The given places and everything under them."""
        ids = list(place_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        sql = f"""with recursive sub(id) as (
                    select id from places where id in ({marks})
                    union select p.id from places p join sub on p.parent_id = sub.id)
                  select id from sub"""
        return [r[0] for r in self.db.execute(sql, ids)]

    def place_names(self, place_ids: Iterable[int]) -> list[str]:
        ids = list(place_ids)
        marks = ",".join("?" * len(ids))
        sql = f"select distinct name from places where id in ({marks})"
        return [r[0] for r in self.db.execute(sql, ids)] if ids else []
