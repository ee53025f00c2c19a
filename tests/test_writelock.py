"""One writer per archive (viewer.writelock through Archive.writing), and readers that never
write: searching while another Archive writes, and a searcher outliving another writer's merge."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.archive import INDEX_DIR, INDEX_DIRTY, Archive
from viewer.search import IndexDoc, SearchIndex, parse_query
from viewer.writelock import LOCK_FILE, ArchiveBusy, read_holder

HOLD = (
    "import sys, time; from pathlib import Path; from viewer.archive import Archive\n"
    "a = Archive(Path(sys.argv[1]))\n"
    "with a.writing(sys.argv[2], timeout=0):\n"
    "    print('held', flush=True); time.sleep(60)"
)


def hold_lock(root: Path, action: str = "导入") -> subprocess.Popen:
    """Another process holding the archive's write lock (until killed)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(root), action], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "held"
    return proc


def stop(proc: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    proc.send_signal(sig)
    proc.communicate()


def test_a_second_writer_is_told_who_holds_the_archive(tmp_path):
    root = tmp_path / "archive"
    Archive(root).close()
    holder = hold_lock(root, "重新分析")
    try:
        with Archive(root) as archive, pytest.raises(ArchiveBusy) as busy:
            archive.import_paths([tmp_path / "nothing"])
        message = str(busy.value)
        assert message.startswith("另一个程序正在写入这个档案（重新分析，进程 ")
        assert f"进程 {holder.pid}，开始于 " in message
        assert busy.value.holder is not None and busy.value.holder.pid == holder.pid
    finally:
        stop(holder)
    # SIGKILL released it: no stale lock, no description of a dead process to trust.
    with Archive(root) as archive:
        assert archive.import_paths([tmp_path / "nothing"]).skipped
    assert read_holder(root) is None
    assert (root / LOCK_FILE).exists()  # never deleted: see viewer.writelock


def test_two_archives_in_one_process_take_turns(tmp_path):
    with Archive(tmp_path / "a") as first, Archive(tmp_path / "a") as second:
        with first.writing("导入"):
            with first.writing("修复索引"):  # nests
                pass
            with pytest.raises(ArchiveBusy) as busy, second.writing(timeout=0):
                pass
            assert busy.value.holder.pid == os.getpid()
            assert busy.value.holder.action == "导入"
        with second.writing(timeout=0):
            pass


def test_waiting_writer_says_once_whom_it_waits_for(tmp_path):
    root = tmp_path / "archive"
    Archive(root).close()
    holder = hold_lock(root)
    waited = []
    try:
        with (
            Archive(root) as archive,
            pytest.raises(ArchiveBusy),
            archive.writing(timeout=0.5, on_wait=waited.append),
        ):
            pass
    finally:
        stop(holder)
    assert [h.pid for h in waited] == [holder.pid]


def test_search_while_another_archive_writes_neither_fails_nor_rebuilds(tmp_path, seeds_dir):
    root = tmp_path / "archive"
    with Archive(root) as setup:
        setup.import_paths([min(seeds_dir.glob("*.txt"))], workers=0)
    writer = Archive(root)
    reader = Archive(root)  # opened before: its first search checks the index
    try:
        with writer.writing("导入"):
            # Mid-import: the database is ahead of the index, which has a batch pending.
            writer.store.set_meta(INDEX_DIRTY, "1")
            writer.index.add([IndexDoc(999_999, "待提交", "", "", "社区", "article", "")])
            before = sorted(p.name for p in (root / INDEX_DIR).iterdir())
            results = reader.search("社区")
            assert results and all(reader.story(r["id"]) for r in results)
            assert sorted(p.name for p in (root / INDEX_DIR).iterdir()) == before
            assert writer.store.get_meta(INDEX_DIRTY) == "1"  # the reader left it alone
        writer.index.commit()
        writer.store.set_meta(INDEX_DIRTY, None)
    finally:
        writer.close()
        reader.close()


def test_a_searcher_survives_another_writers_merge(tmp_path):
    path = tmp_path / "index"
    writer = SearchIndex.open(path)
    for batch in range(3):  # three segments
        writer.add(
            [
                IndexDoc(batch * 10 + i, f"社区{i}", "", "", "社区活动", "article", "")
                for i in range(5)
            ]
        )
        writer.commit()
    reader = SearchIndex.open(path)
    old_files = {p.name for p in path.iterdir()}
    writer.add([IndexDoc(100, "新的", "", "", "社区活动", "article", "")])
    writer.optimize()  # one segment: the old segment files are deleted
    assert old_files - {p.name for p in path.iterdir()}, "the merge deleted no file"
    hits = reader.search(parse_query("社区"), limit=None)
    assert len(hits) == 15  # the snapshot it opened, whole
    writer.close()
    reader.close()
