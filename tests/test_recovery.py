"""Never losing an archive: backups, a damaged database, a lost -wal, a read-only mount.

Everything is real: SQLite files damaged on disk, an import killed with SIGKILL, a read-only
bind mount in a private mount namespace (as root, where permissions alone prove nothing).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.corpus import write_corpus
from viewer.archive import Archive
from viewer.cli import main
from viewer.search.index import IndexUnavailable, SearchIndex
from viewer.search.schema import INDEX_NAME
from viewer.store import safety


def run(capsys, root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--archive", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def damage(db: Path, size: int = 8192) -> None:
    """Overwrite `size` bytes from the stories table's first page, as a bad sector or a stray
    write would: listing the archive reads it (a fixed place in the file, such as its middle,
    may hold pages that only some commands read)."""
    conn = sqlite3.connect(db)
    try:
        root = conn.execute("select rootpage from sqlite_master where name = 'stories'").fetchone()
        page_size = conn.execute("pragma page_size").fetchone()[0]
    finally:
        conn.close()
    with db.open("r+b") as f:
        f.seek((root[0] - 1) * page_size)
        f.write(b"\xa5" * size)


def test_each_import_that_changes_the_archive_leaves_a_backup_keeping_the_newest_three(
    capsys, tmp_path, seeds_dir
):
    root = tmp_path / "a"
    for page in sorted(seeds_dir.glob("*.txt")):  # five imports, five backups, three kept
        assert run(capsys, root, "import", str(page), "--workers", "0")[0] == 0
    backups = safety.list_backups(root)
    assert len(backups) == 3
    newest = safety.backup_info(backups[0])
    assert (newest.files, newest.stories) == (5, 42)
    assert not list((root / "backups").glob("*-wal"))  # self-contained files
    run(capsys, root, "import", str(seeds_dir), "--workers", "0")  # nothing changed
    assert safety.list_backups(root) == backups

    code, out, _ = run(capsys, root, "backup", str(tmp_path / "copy.db"))
    assert code == 0 and "42 篇稿件" in out
    assert safety.quick_check(tmp_path / "copy.db") == []


def test_the_newest_backup_comes_first_even_several_in_one_second(tmp_path):
    conn = sqlite3.connect(tmp_path / "archive.db")
    conn.execute("create table meta (key text primary key, value text)")
    conn.execute("create table files (id integer primary key)")  # a backup says what it holds
    conn.execute("create table stories (id integer primary key)")
    made = []
    for _ in range(5):  # well within a second: names get -2, -3 …
        made.append(safety.auto_backup(tmp_path, conn))
        assert safety.list_backups(tmp_path)[0] == made[-1]
    conn.close()
    assert safety.list_backups(tmp_path) == made[:-4:-1]  # the newest three, newest first


def test_a_damaged_database_names_its_backup_and_restore_brings_the_archive_back(
    capsys, tmp_path, seeds_dir
):
    root = tmp_path / "a"
    assert run(capsys, root, "import", str(seeds_dir), "--workers", "0")[0] == 0
    backup = safety.list_backups(root)[0]
    damage(root / "archive.db")

    code, out, err = run(capsys, root, "list")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert "已损坏" in err and str(backup) in err and "restore" in err
    assert "Traceback" not in err
    code, out, _ = run(capsys, root, "check")
    assert code == 1 and "已损坏" in out and str(backup) in out

    code, out, _ = run(capsys, root, "restore")
    assert code == 0 and str(backup) in out
    kept = sorted(root.glob("archive.db.damaged-*"))
    assert kept and kept[0].stat().st_size > 0  # the damaged file is kept aside, not deleted
    code, out, _ = run(capsys, root, "list", "--json")
    assert code == 0 and len(json.loads(out)) == 42
    code, out, _ = run(capsys, root, "search", "经济", "--json")
    assert code == 0 and json.loads(out)
    code, out, _ = run(capsys, root, "check")
    assert code == 0 and "一致" in out


def test_restore_waits_for_a_writer_and_then_shows_index_progress(capsys, tmp_path, seeds_dir):
    root = tmp_path / "a"
    assert run(capsys, root, "import", str(seeds_dir), "--workers", "0")[0] == 0
    damage(root / "archive.db")
    before = (root / "archive.db").read_bytes()
    with Archive(root, read_only=False) as writer, writer.writing("导入"):
        code, _, err = run(capsys, root, "restore")
        assert code == 3 and "另一个程序正在写入" in err and len(err.strip().splitlines()) == 1
        assert (root / "archive.db").read_bytes() == before  # nothing swapped under the writer
    code, _, err = run(capsys, root, "restore")
    assert code == 0 and "正在建立索引：42/42 篇" in err


def test_restore_without_a_backup_says_so_in_one_line(capsys, tmp_path):
    (tmp_path / "a").mkdir()
    code, _, err = run(capsys, tmp_path / "a", "restore")
    assert code == 2 and "没有备份" in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_a_wal_lost_after_a_killed_import_is_detected(capsys, tmp_path, seeds_dir):
    root = tmp_path / "a"
    assert run(capsys, root, "import", str(seeds_dir), "--workers", "0")[0] == 0
    pages = write_corpus(tmp_path / "pages", 400, per_page=8)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "viewer", "--archive", str(root), "import", str(pages[0].parent)]
    proc = subprocess.Popen([*cmd, "--workers", "0"], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while (safety.recorded_writes(root) or 0) < 5 + 10 and time.monotonic() < deadline:
            time.sleep(0.05)  # the seeds were 5 writes; wait for 10 more pages committed
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert (safety.recorded_writes(root) or 0) >= 15, "the import did not get going"
    for suffix in ("-wal", "-shm"):
        (root / f"archive.db{suffix}").unlink(missing_ok=True)

    code, out, _ = run(capsys, root, "check")
    assert code == 1 and "缺少" in out and "archive.db-wal" in out
    code, _, err = run(capsys, root, "tree")
    assert code == 0 and err.startswith("警告") and "缺少" in err
    # The way out: import again; the archive then agrees with its record.
    assert run(capsys, root, "import", str(pages[0].parent), "--workers", "0")[0] == 0
    code, out, _ = run(capsys, root, "check")
    assert code == 0 and "一致" in out


def test_a_finished_import_is_in_the_database_file_itself_not_only_in_the_wal(tmp_path, seeds_dir):
    with Archive(tmp_path / "a") as archive:  # still open: SQLite has not checkpointed on close
        archive.import_paths([seeds_dir], workers=0)
        alone = tmp_path / "alone"
        alone.mkdir()
        shutil.copy(tmp_path / "a" / "archive.db", alone / "archive.db")  # no -wal beside it
    conn = sqlite3.connect(alone / "archive.db")
    assert conn.execute("select count(*) from stories").fetchone()[0] == 42
    conn.close()


def _unshare_works() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


def in_read_only_mount(archive: Path, mount: Path, script: str) -> subprocess.CompletedProcess:
    """Run `script` (sh) in a private mount namespace where `mount` is a read-only bind mount of
    `archive`."""
    mount.mkdir(exist_ok=True)
    setup = f"mount --bind '{archive}' '{mount}' && mount -o remount,bind,ro '{mount}' && "
    env = {**os.environ, "PYTHONPATH": str(REPO), "PY": sys.executable}
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", setup + script],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.skipif(not _unshare_works(), reason="needs root and unshare -m (mount namespaces)")
def test_a_read_only_mount_browses_and_searches_and_refuses_to_import(capsys, tmp_path, seeds_dir):
    root = tmp_path / "a"
    assert run(capsys, root, "import", str(seeds_dir), "--workers", "0")[0] == 0
    mount = tmp_path / "ro"
    viewer = f'"$PY" -m viewer --archive {mount}'
    script = "; ".join(
        [
            f"{viewer} list --json > {tmp_path}/list.json",
            "echo list=$?",
            f"{viewer} tree",
            "echo tree=$?",
            f"{viewer} search 经济 --json > {tmp_path}/search.json",
            "echo search=$?",
            f"{viewer} import {seeds_dir}",
            "echo import=$?",
            f"touch {mount}/probe 2>/dev/null; echo touch=$?",
        ]
    )
    done = in_read_only_mount(root, mount, script)
    lines = done.stdout + done.stderr
    assert "list=0" in lines and "tree=0" in lines and "search=0" in lines, lines
    assert "touch=1" in lines  # the mount really is read-only, even for root
    assert len(json.loads((tmp_path / "list.json").read_text())) == 42
    assert json.loads((tmp_path / "search.json").read_text())
    assert "import=2" in lines and "不能导入" in done.stderr and "只读" in done.stderr
    assert "Traceback" not in done.stderr
    assert "河南省" in done.stdout
    # Nothing was created in the archive by the read-only opens.
    assert not (root / "archive.db-wal").exists() and not (root / "archive.db-shm").exists()


def test_a_read_only_index_that_cannot_be_read_is_refused_without_touching_the_folder(tmp_path):
    folder = tmp_path / "index"
    folder.mkdir()
    damaged = folder / f"_{INDEX_NAME}_1.toc"  # what a writable open would delete and replace
    damaged.write_bytes(b"not an index")
    with pytest.raises(IndexUnavailable, match="只读档案"):
        SearchIndex.open(folder, read_only=True)
    assert list(folder.iterdir()) == [damaged]  # nothing created or removed
