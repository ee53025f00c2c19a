"""The window while the archive is being written: searches are answered, a second writer is told
who holds the archive."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.gui.windows import open_window, type_text
from tests.many_pages import write_pages
from tests.test_processes import children, running, wait_gone
from viewer.archive import PARALLEL_MIN_FILES, Archive


def test_the_first_search_during_an_import_is_answered(qtbot, tmp_path, seeds_dir):
    # An archive that exists before the window opens: its reader checks the index on the
    # first search, which used to rebuild it and fail on the import's index lock, silently.
    with Archive(tmp_path / "archive") as archive:
        archive.import_paths([seeds_dir], workers=0)
    pages = write_pages(tmp_path / "pages", 150, per_page=3)  # cancelled once answered
    window = open_window(qtbot, tmp_path, seeds_dir)
    steps: list[int] = []
    window.import_job.progress.connect(lambda done, *_: steps.append(done))
    window.start_import(pages)
    qtbot.waitUntil(lambda: len(steps) >= 2, timeout=60_000)  # writing, index not committed
    window.search_box.setFocus()
    type_text(window.search_box, "社区")
    # Before the fix the answer never came; the search the window runs after the import
    # finished would then show results, so the import must still be running.
    qtbot.waitUntil(lambda: "条结果" in window.search_status.text(), timeout=60_000)
    assert window.import_job.is_running(), "the search was answered only after the import"
    assert window.story_model.rowCount() > 0
    with qtbot.waitSignal(window.import_job.finished, timeout=60_000):
        window.import_job.cancel()
    window.close()


def test_an_import_while_another_process_writes_says_who(qtbot, tmp_path, seeds_dir):
    window = open_window(qtbot, tmp_path, seeds_dir)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from viewer.archive import Archive\n"
            "a = Archive(Path(sys.argv[1]))\n"
            "with a.writing('导入', timeout=0):\n"
            "    print('held', flush=True); time.sleep(60)",
            str(tmp_path / "archive"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with qtbot.waitSignal(window.import_job.failed, timeout=30_000) as failed:
            window.start_import(write_pages(tmp_path / "pages", 2))
        message = failed.args[0]
        assert f"另一个程序正在写入这个档案（进程 {holder.pid}，" in message
        assert window.isVisible()
    finally:
        holder.kill()
        holder.communicate()
    window.close()


def test_closing_the_window_mid_import_leaves_no_worker_behind(qtbot, tmp_path, seeds_dir):
    window = open_window(qtbot, tmp_path, seeds_dir)
    before = set(children(os.getpid()))
    steps: list[int] = []
    window.import_job.progress.connect(lambda done, *_: steps.append(done))
    # Enough files that the import runs in worker processes (PARALLEL_MIN_FILES).
    window.start_import(write_pages(tmp_path / "pages", PARALLEL_MIN_FILES + 40, per_page=2))
    qtbot.waitUntil(lambda: len(steps) >= 2, timeout=90_000)
    workers = [
        p
        for p in children(os.getpid())
        if p not in before and running(p) and not _is_resource_tracker(p)
    ]
    assert workers, "the import was expected to run in worker processes"
    window.close()  # cancels the import and waits for its thread
    assert wait_gone(workers, timeout=5.0) == []
    with Archive(tmp_path / "archive") as archive:
        assert archive.check().ok or archive.repair_index()  # whole files only; index repairable
        assert archive.check().ok


def _is_resource_tracker(pid: int) -> bool:
    """multiprocessing's resource tracker: started with the first worker, it belongs to the
    window's process and ends with it, not with the import."""
    try:
        return b"resource_tracker" in (Path("/proc") / str(pid) / "cmdline").read_bytes()
    except OSError:
        return False
