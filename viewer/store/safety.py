"""Keeping the database safe: backups, restoring one, damage checks and lost writes.

Backups are whole copies taken with SQLite's backup API (a consistent snapshot even while the
archive is open). The automatic ones, in `<archive>/backups/` (the newest few kept), are zip
files holding that snapshot as `archive.db`, with what it holds (files, stories, writes) in the
zip's comment so that listing backups never unpacks one; any unzip tool gives the database back.
Restoring never deletes anything: the damaged database is renamed aside first.

Lost writes: the database counts its page writes (meta `writes`, bumped in each page's own
transaction) and after each write the count is also put in a small file beside it. A database
whose count is behind the file's has lost committed transactions: the usual cause is a `-wal`
file deleted after a crash, which SQLite cannot notice by itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

DB_NAME = "archive.db"
BACKUP_DIR = "backups"
BACKUP_PREFIX = "archive-"
KEEP_BACKUPS = 3
ZIP_LEVEL = 6  # a 35 MB (10 k-story) database: 20.7 MB in 1.1 s CPU; level 1: 21.8 MB in 0.5 s
WRITES_FILE = "archive.db.writes"  # the last write count this archive is known to have reached
WRITES_KEY = "writes"  # meta key: page writes committed to this database


@dataclass
class BackupInfo:
    path: Path
    taken: datetime  # local time, from the file name (else its modification time)
    files: int
    stories: int
    writes: int


@dataclass
class Diagnosis:
    """What is wrong with an archive's database, and the newest backup to get out of it."""

    damage: list[str]  # quick_check's complaints (empty: not damaged)
    lost_writes: int  # page writes committed earlier and no longer in the database
    backup: BackupInfo | None

    @property
    def ok(self) -> bool:
        return not self.damage and not self.lost_writes


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that creates nothing beside the file.

    `mode=ro` still needs the `-shm` file of a WAL database (it can use an existing one it may
    only read); when that cannot be had, `immutable=1` reads the main file alone, skipping
    locking and change detection, and so ignoring a `-wal` file's contents (SQLite URI docs)."""
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30)
        conn.execute("select count(*) from sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)


def writable(folder: Path) -> bool:
    """Whether the archive folder (and its database, if any) can be written. `os.access` reports
    a read-only mount (EROFS) even to root, and missing permissions to everyone else."""
    if not folder.exists():
        return True  # to be created; a failure says why
    db = folder / DB_NAME
    return os.access(folder, os.W_OK) and (not db.exists() or os.access(db, os.W_OK))


# -- lost writes ----------------------------------------------------------------------------


def db_writes(conn: sqlite3.Connection) -> int:
    row = conn.execute("select value from meta where key = ?", [WRITES_KEY]).fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else 0


def record_writes(folder: Path, writes: int) -> None:
    """Note the database's write count beside it (replaced atomically: a kill leaves the old
    count, which can only hide a loss, never invent one)."""
    target = folder / WRITES_FILE
    tmp = target.with_name(target.name + ".tmp")
    # Advisory: a record that cannot be written (a full disk, another user's file) only weakens
    # the check, and must not fail an import whose page is already committed.
    with contextlib.suppress(OSError):
        tmp.write_text(str(writes), encoding="ascii")
        os.replace(tmp, target)


def recorded_writes(folder: Path) -> int | None:
    try:
        text = (folder / WRITES_FILE).read_text(encoding="ascii").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def lost_writes(folder: Path, conn: sqlite3.Connection) -> int:
    """How many page writes the database is missing against the recorded count (0: none)."""
    recorded = recorded_writes(folder)
    return max(0, recorded - db_writes(conn)) if recorded is not None else 0


# -- damage ---------------------------------------------------------------------------------


def quick_check(path: Path) -> list[str]:
    """SQLite's `PRAGMA quick_check` on the database file (its own read-only connection): the
    problems found, empty when the file is sound. A file SQLite cannot read at all is one
    problem."""
    try:
        conn = connect_read_only(path)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(20)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        return [str(err)]
    return [] if rows == ["ok"] else rows


def diagnose(folder: Path, *, check_damage: bool = True) -> Diagnosis:
    """Damage (quick_check) and lost writes of the archive in `folder`, with its newest backup."""
    path = folder / DB_NAME
    damage = quick_check(path) if check_damage and path.exists() else []
    lost = 0
    if not damage and path.exists():
        try:
            conn = connect_read_only(path)
            try:
                lost = lost_writes(folder, conn)
            finally:
                conn.close()
        except sqlite3.DatabaseError as err:
            damage = [str(err)]
    backups = list_backups(folder)
    return Diagnosis(damage, lost, backup_info(backups[0]) if backups else None)


# -- backups --------------------------------------------------------------------------------


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """A consistent copy of the open database `conn` in `dest` (written beside it, then renamed
    into place, so a failed backup never leaves a half file under the final name)."""
    dest = Path(dest)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    target = sqlite3.connect(str(tmp))
    try:
        conn.backup(target)
        # The copy keeps the WAL flag of its source; a backup is one self-contained file that
        # opening (even read-only) must not give -wal and -shm companions.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()
    os.replace(tmp, dest)
    return dest


def list_backups(folder: Path) -> list[Path]:
    """The archive's own backups (zipped, or plain databases from earlier versions), newest
    first."""
    found = [
        path
        for suffix in (".zip", ".db")
        for path in (folder / BACKUP_DIR).glob(f"{BACKUP_PREFIX}*{suffix}")
    ]
    return sorted(found, key=_backup_order, reverse=True)


def _backup_order(path: Path) -> tuple[str, int]:
    """archive-20261130-021500.db, then archive-20261130-021500-2.db (same second) and so on."""
    rest = path.stem.removeprefix(BACKUP_PREFIX)
    stamp, n = rest[:15], rest[16:]
    return stamp, int(n) if n.isdigit() else 1


def auto_backup(folder: Path, conn: sqlite3.Connection, keep: int = KEEP_BACKUPS) -> Path:
    """Back up into `<archive>/backups/archive-YYYYMMDD-HHMMSS.zip`, keeping the newest `keep`."""
    (folder / BACKUP_DIR).mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    # Several in one second are numbered after the highest number that second has had (even
    # if pruned), so the newest always sorts first.
    taken = [n for s, n in map(_backup_order, list_backups(folder)) if s == stamp]
    n = max(taken, default=0) + 1
    name = f"{stamp}-{n}" if n > 1 else stamp
    dest = folder / BACKUP_DIR / f"{BACKUP_PREFIX}{name}.zip"
    zipped_backup(conn, dest)
    for old in list_backups(folder)[keep:]:
        old.unlink(missing_ok=True)
    return dest


def zipped_backup(conn: sqlite3.Connection, dest: Path) -> Path:
    """A consistent copy of `conn` zipped into `dest`, what it holds in the zip's comment. The
    snapshot is taken beside `dest` first (a file, not memory: a large archive's database
    would not fit), and the zip is renamed into place only when complete."""
    snapshot = backup_to(conn, dest.with_name(dest.name + ".db.part"))
    tmp = dest.with_name(dest.name + ".part")
    try:
        contents = _contents(snapshot)
        with zipfile.ZipFile(
            tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL
        ) as zipped:
            zipped.write(snapshot, DB_NAME)
            zipped.comment = json.dumps(contents).encode("ascii")
        os.replace(tmp, dest)
    finally:
        snapshot.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
    return dest


def _contents(path: Path) -> dict[str, int]:
    conn = connect_read_only(path)
    try:
        return {
            "files": conn.execute("select count(*) from files").fetchone()[0],
            "stories": conn.execute("select count(*) from stories").fetchone()[0],
            "writes": db_writes(conn),
        }
    finally:
        conn.close()


def _is_zip(path: Path) -> bool:
    """By its first bytes (a database starts "SQLite format 3"), whatever the file is named."""
    try:
        with path.open("rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _zip_contents(path: Path) -> dict[str, int]:
    try:
        with zipfile.ZipFile(path) as zipped:
            contents = json.loads(zipped.comment)
        return {key: int(contents[key]) for key in ("files", "stories", "writes")}
    except (OSError, zipfile.BadZipFile, ValueError, KeyError, TypeError) as err:
        raise sqlite3.DatabaseError(f"备份 {path} 无法读取（{err}）") from err


def backup_info(path: Path) -> BackupInfo:
    """When a backup was taken and what it holds (raises sqlite3.DatabaseError if unreadable)."""
    stem = path.stem.removeprefix(BACKUP_PREFIX)[:15]
    try:
        taken = datetime.strptime(stem, "%Y%m%d-%H%M%S")
    except ValueError:
        taken = datetime.fromtimestamp(path.stat().st_mtime)
    contents = _zip_contents(path) if _is_zip(path) else _contents(path)
    return BackupInfo(path, taken, **contents)


def _unzip(backup: Path, dest: Path) -> Path:
    """The database in a zipped backup, written to `dest`."""
    try:
        with zipfile.ZipFile(backup) as zipped, zipped.open(DB_NAME) as src, dest.open("wb") as out:
            shutil.copyfileobj(src, out, 1 << 20)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError) as err:  # damaged: CRC, deflate
        dest.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(f"备份 {backup} 已损坏（{err}）") from err
    return dest


@dataclass
class Restored:
    backup: BackupInfo
    kept_aside: list[Path]  # the replaced database's files, renamed


def restore(folder: Path, backup: Path) -> Restored:
    """Put `backup` in place of the archive's database. The current database (with its -wal
    and -shm) is renamed to `archive.db.damaged-YYYYMMDD-HHMMSS…`, never deleted. The search
    index is not touched: the caller rebuilds it from the restored database."""
    info = backup_info(backup)  # unreadable backups fail here, before anything moves
    # The database to put in place, complete and checked beside the archive's before anything
    # moves: a zipped backup unpacked, a plain one copied.
    incoming = folder / f"{DB_NAME}.restoring"
    incoming.unlink(missing_ok=True)
    try:
        if _is_zip(backup):
            _unzip(backup, incoming)
        else:
            source = connect_read_only(backup)
            try:
                backup_to(source, incoming)
            finally:
                source.close()
        if quick_check(incoming):
            raise sqlite3.DatabaseError(f"备份 {backup} 也已损坏")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = []
        for suffix in ("", "-wal", "-shm"):
            current = folder / (DB_NAME + suffix)
            if current.exists():
                aside = folder / f"{DB_NAME}.damaged-{stamp}{suffix}"
                os.replace(current, aside)
                kept.append(aside)
        os.replace(incoming, folder / DB_NAME)
    finally:
        incoming.unlink(missing_ok=True)
    record_writes(folder, info.writes)
    return Restored(info, kept)
