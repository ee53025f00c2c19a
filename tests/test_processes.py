"""Real `python -m viewer` processes on one archive: two importers, searches during an import,
an importer killed or interrupted. Uses the analysis worker processes (--workers 2)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.many_pages import write_pages
from viewer.archive import Archive

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


class Viewer:
    """`python -m viewer --archive ARCHIVE ARGS…` in its own process group; stderr is read as
    it comes (progress lines with -v)."""

    def __init__(self, archive: Path, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "viewer", "--archive", str(archive), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
            start_new_session=True,
            # As a terminal starts it: Ctrl-C neither ignored nor blocked, whatever this test
            # process's threads left set (a full CI run once gave the importer a blocked SIGINT,
            # and it imported on to exit 0).
            preexec_fn=_default_sigint,
        )
        self.pid = self.proc.pid
        self.out: list[str] = []
        self.err: list[str] = []
        # Threads, not communicate(): an orphaned worker holding the pipes open must not hang
        # the test (it is what one test looks for).
        self._readers = [
            threading.Thread(target=_read_lines, args=(pipe, lines), daemon=True)
            for pipe, lines in ((self.proc.stdout, self.out), (self.proc.stderr, self.err))
        ]
        for reader in self._readers:
            reader.start()

    def progress(self) -> int:
        return sum(line.startswith("[") for line in self.err)

    def wait_for(self, condition, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.proc.poll() is None, f"exited {self.proc.returncode}: {self.err[-3:]}"
            assert time.monotonic() < deadline, self.err[-3:]
            time.sleep(0.02)

    def finish(self, timeout: float = 180) -> tuple[int, str, list[str]]:
        """Exit code, stdout, and the stderr lines other than progress."""
        self.proc.wait(timeout)
        for reader in self._readers:
            reader.join(2)
        return self.proc.returncode, "\n".join(self.out), [e for e in self.err if e[:1] != "["]


def _default_sigint() -> None:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _read_lines(pipe, lines: list[str]) -> None:
    with pipe:
        for line in pipe:
            lines.append(line.rstrip("\n"))


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (the analysis workers, multiprocessing's tracker)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie (a dead child nobody reaped yet counts as gone)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_gone(pids: list[int], timeout: float) -> list[int]:
    deadline = time.monotonic() + timeout
    while any(running(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [p for p in pids if running(p)]


def assert_whole(archive: Path, files: int) -> None:
    """`check` agrees, every file is stored once and each of its stories once."""
    result = subprocess.run(
        [sys.executable, "-m", "viewer", "--archive", str(archive), "check"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    db = sqlite3.connect(archive / "archive.db")
    try:
        assert db.execute("select count(distinct path), count(*) from files").fetchone() == (
            files,
            files,
        )
        twice = db.execute(
            "select count(*) from (select 1 from stories group by file_id, seq having count(*) > 1)"
        ).fetchone()[0]
        assert twice == 0
        assert db.execute("select count(*) from stories").fetchone()[0] >= files
    finally:
        db.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    write_pages(folder / "a", 50, per_page=3, tag="a")
    write_pages(folder / "b", 20, per_page=3, tag="b")
    # Enough that an import interrupted after 8 files is surely still busy when the signal lands.
    write_pages(folder / "c", 120, per_page=3, tag="c")
    return folder


def search_consistently(archive: Path) -> None:
    """A fresh reader (its first search checks the index): results unique, each one stored."""
    with Archive(archive) as reader:
        results = reader.search("社区 OR 测试稿件", limit=500)
        ids = [r["id"] for r in results]
        assert ids and len(ids) == len(set(ids))
        for r in results:
            assert reader.story(r["id"])["title"] == r["title"]


def test_two_importers_and_searches_during_an_import(tmp_path, pages, seeds_dir):
    archive = tmp_path / "archive"
    with Archive(archive) as setup:  # something committed to find while the import runs
        setup.import_paths([min(seeds_dir.glob("*.txt"))], workers=0)
    first = Viewer(archive, "import", "-v", "--workers", "2", str(pages / "a"))
    first.wait_for(lambda: first.progress() >= 3)
    os.killpg(first.pid, signal.SIGSTOP)  # mid-import for as long as the test needs
    try:
        refused = Viewer(archive, "import", str(pages / "b"))
        code, _, err = refused.finish()
        assert code == 3
        assert not any("Traceback" in line for line in err)
        assert err[-1].startswith(f"另一个程序正在写入这个档案（导入，进程 {first.pid}，")
        assert "--wait" in err[-1]
        waiting = Viewer(archive, "import", "--wait", str(pages / "b"))
        waiting.wait_for(lambda: any("等待它结束" in line for line in waiting.err))

        search_consistently(archive)  # the database is ahead of the index here
        cli = Viewer(archive, "search", "社区", "--json", "--limit", "500")
        code, out, err = cli.finish()
        assert code == 0, err
        assert json.loads(out)
    finally:
        os.killpg(first.pid, signal.SIGCONT)
    searches = 0
    while first.proc.poll() is None:
        search_consistently(archive)
        searches += 1

    assert first.finish()[0] == 0
    code, out, err = waiting.finish()
    assert code == 0, err
    assert "导入 20 个" in out
    assert_whole(archive, 71)


def test_a_killed_import_leaves_no_worker_behind(tmp_path, pages):
    importer = Viewer(tmp_path / "archive", "import", "-v", "--workers", "2", str(pages / "c"))
    importer.wait_for(lambda: importer.progress() >= 2)
    workers = children(importer.pid)
    assert len(workers) >= 2
    importer.proc.kill()  # SIGKILL to the importer alone, as a crash or the task manager would
    importer.finish()
    assert wait_gone(workers, timeout=5) == []


def test_ctrl_c_stops_an_import_at_once_and_a_rerun_completes(tmp_path, pages):
    archive = tmp_path / "archive"
    importer = Viewer(archive, "import", "-v", "--workers", "2", str(pages / "c"))
    importer.wait_for(lambda: importer.progress() >= 8)
    workers = children(importer.pid)
    start = time.monotonic()
    os.killpg(importer.pid, signal.SIGINT)  # Ctrl-C in a terminal reaches the whole group
    code, _, err = importer.finish()
    elapsed = time.monotonic() - start
    assert code == 130
    assert len(err) == 1, err
    assert err[0].startswith("已中断：已完成 ") and err[0].endswith("重新运行即可继续。")
    # Measured 0.6-1.0 s with five test runs sharing two cores: the workers stop within about
    # 0.15 s, then the files already read are committed and the interpreter exits.
    assert elapsed < 2.5, f"took {elapsed:.1f} s"
    assert wait_gone(workers, timeout=2) == []

    rerun = Viewer(archive, "import", "--workers", "2", str(pages / "c"))
    code, out, err = rerun.finish()
    assert code == 0, err
    assert "找到 120 个文件" in out and "内容未变 0 个" not in out  # it went on where it stopped
    assert_whole(archive, 120)
