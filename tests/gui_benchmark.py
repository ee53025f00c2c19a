"""GUI timings for `make bench`, on one archive folder.

- Launch: the real app started as a new process (`python -m viewer gui`, or the packaged
  executable) with VIEWER_REPORT_FIRST_PAINT set; it prints the moment of its first paint and of
  the archive being ready (viewer/gui/app.py), compared here with the moment just before launch.
- Window: the real MainWindow in a fresh offscreen process (jieba not yet loaded, as for a user):
  time until the place tree and the story list are filled, to open a story from the list, and
  search as you type, with and without the search box's debounce.

Used by tests/benchmark.py through `measure_gui`. Run alone:
    python -m tests.gui_benchmark ARCHIVE_DIR [QUERY ...]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LAUNCH_RUNS = 3
STORIES_OPENED = 15
# A user's keystrokes (or input-method commits) come faster than the search box's debounce, so
# only the last one of a query starts a search.
KEYSTROKE_MS = 120
TIMEOUT_S = 300
# Typed queries: one to open the searcher, then 30 measured, 2 to 4 characters as people type.
GUI_QUERIES = 31
GUI_QUERY_SIZES = (2, 3, 4)


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank, as tests/benchmark.py)."""
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def _summary(name: str, values_ms: Sequence[float]) -> dict[str, float]:
    return {
        f"{name}_ms_median": round(statistics.median(values_ms), 1),
        f"{name}_ms_p95": round(percentile(values_ms, 0.95), 1),
    }


# -- launch: a separate process reports its own first paint ---------------------------------


def launch_env(archive_dir: Path, config_dir: Path) -> dict[str, str]:
    """The environment for a probed launch: offscreen unless there is a display, and settings
    in `config_dir` so the benchmark neither reads nor writes the user's window layout."""
    env = dict(os.environ)
    env["VIEWER_ARCHIVE"] = str(archive_dir)
    env["VIEWER_REPORT_FIRST_PAINT"] = "1"
    env["XDG_CONFIG_HOME"] = str(config_dir)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def launch_once(archive_dir: Path, command: Sequence[str] | None = None) -> dict[str, float]:
    """Start the app once; seconds from just before launch to its `first-paint` and `ready`."""
    command = list(command or [sys.executable, "-m", "viewer", "gui"])
    with tempfile.TemporaryDirectory() as config:
        env = launch_env(archive_dir, Path(config))
        started = time.time()
        proc = subprocess.run(
            command, env=env, cwd=REPO, capture_output=True, text=True, timeout=TIMEOUT_S
        )
    seen = {}
    for line in proc.stdout.splitlines():
        what, _, stamp = line.partition(" ")
        if what in ("first-paint", "ready", "failed"):
            seen.setdefault(what, float(stamp) - started)
    if proc.returncode != 0 or "first-paint" not in seen or "ready" not in seen:
        raise RuntimeError(
            f"{command} exited {proc.returncode} after {sorted(seen)}:\n{proc.stderr[-2000:]}"
        )
    return seen


def measure_launch(
    archive_dir: Path, command: Sequence[str] | None = None, runs: int = LAUNCH_RUNS
) -> dict[str, float]:
    """Median over `runs` launches of launch → first paint and launch → archive ready (ms)."""
    launches = [launch_once(archive_dir, command) for _ in range(runs)]
    return {
        "launch_runs": runs,
        "first_paint_ms": round(statistics.median(r["first-paint"] for r in launches) * 1000),
        "ready_ms": round(statistics.median(r["ready"] for r in launches) * 1000),
    }


# -- the window, driven in this process -----------------------------------------------------


def measure_window(
    archive_dir: Path, queries: Sequence[str], stories: int = STORIES_OPENED
) -> dict[str, float]:
    """Tree, list, opening stories and search as you type in a real offscreen MainWindow."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QObject, QSettings, QTimer, Signal, Slot
    from PySide6.QtWidgets import QApplication

    from viewer.gui.main_window import SEARCH_DELAY_MS, MainWindow
    from viewer.gui.models import STORY_ID_ROLE

    app = QApplication.instance() or QApplication([])

    # What the event loop is waiting for: one predicate at a time, re-checked whenever one of
    # the signals connected to `check` fires (connected once, so nothing is ever disconnected).
    waiting: list[tuple[Callable[[], bool], QEventLoop]] = []

    def check(*_args: object) -> None:
        if waiting and waiting[-1][0]():
            waiting[-1][1].quit()

    def wait_until(predicate: Callable[[], bool]) -> None:
        if predicate():
            return
        loop = QEventLoop()
        waiting.append((predicate, loop))
        give_up = QTimer(singleShot=True, interval=TIMEOUT_S * 1000)
        give_up.timeout.connect(loop.quit)
        give_up.start()
        loop.exec()
        give_up.stop()
        waiting.pop()
        if not predicate():
            raise TimeoutError(f"GUI benchmark: nothing after {TIMEOUT_S} s")

    def pause(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    class Clock(QObject):
        """Time stamps of the window's search requests and of the answers it has shown.

        It lives on the GUI thread and is connected after the window, so the reader thread's
        answers reach it (queued, in connection order) once the window has put them on screen.
        """

        changed = Signal()

        def __init__(self) -> None:
            super().__init__()
            self.searches: dict[int, tuple[str, float]] = {}  # request -> (text, emitted)
            self.answered: dict[int, float] = {}  # request -> results shown

        @Slot(str, int, object)
        def on_request(self, channel: str, request: int, _fn: object) -> None:
            if channel == "list":  # a search (or, with an empty box, a place's stories)
                self.searches[request] = (window.search_box.text(), time.perf_counter())

        @Slot(str, int)
        def on_handled(self, channel: str, request: int) -> None:
            if channel == "list":
                self.answered[request] = time.perf_counter()
            self.changed.emit()

    with tempfile.TemporaryDirectory() as config:
        settings = QSettings(str(Path(config) / "settings.ini"), QSettings.Format.IniFormat)
        created = time.perf_counter()
        window = MainWindow(archive_dir, None, settings)
        window.show()
        clock = Clock()
        for signal in (window.tree_model.modelReset, window.story_model.modelReset, clock.changed):
            signal.connect(check)
        wait_until(lambda: window.tree_model.rowCount() > 0)
        tree_s = time.perf_counter() - created
        wait_until(lambda: window.story_model.rowCount() > 0)
        list_s = time.perf_counter() - created
        listed = window.story_proxy.rowCount()

        window.ops.submitted.connect(clock.on_request)
        window.ops.handled.connect(clock.on_handled)

        # Stories spread over the whole list, each until the reader has it and has painted it.
        open_ms = []
        for row in random.Random(11).sample(range(listed), min(stories, listed)):
            wanted = window.story_proxy.index(row, 0).data(STORY_ID_ROLE)
            started = time.perf_counter()
            window.story_view.selectRow(row)
            wait_until(lambda wanted=wanted: (window.reader.story() or {}).get("id") == wanted)
            window.reader.repaint()
            open_ms.append((time.perf_counter() - started) * 1000)

        def type_query(query: str) -> tuple[float, float]:
            """Type `query` key by key; ms from the last key to its results on screen, and from
            the search request (after the debounce) to its results on screen."""
            before = max(clock.searches, default=0)
            for end in range(1, len(query) + 1):
                window.search_box.setText(query[:end])
                last_key = time.perf_counter()
                if end < len(query):
                    pause(KEYSTROKE_MS)

            def request() -> int | None:
                mine = [
                    r for r, (text, _) in clock.searches.items() if r > before and text == query
                ]
                return max(mine) if mine else None

            wait_until(lambda: request() in clock.answered)
            emitted = clock.searches[request()][1]
            shown = clock.answered[request()]
            return (shown - last_key) * 1000, (shown - emitted) * 1000

        # The first search also opens the index searcher: reported apart, not in the medians.
        first_typed, _ = type_query(queries[0])
        typed, after_debounce = [], []
        for query in queries[1:]:
            with_delay, without_delay = type_query(query)
            typed.append(with_delay)
            after_debounce.append(without_delay)
        window.close()
        app.processEvents()

    return {
        "tree_ms": round(tree_s * 1000),
        "story_list_ms": round(list_s * 1000),
        "stories_listed": listed,
        "stories_opened": len(open_ms),
        **_summary("open_story", open_ms),
        "search_queries": len(typed),
        "search_debounce_ms": SEARCH_DELAY_MS,
        "first_search_typed_ms": round(first_typed, 1),
        **_summary("search_typed", typed),
        **_summary("search_shown", after_debounce),
    }


# -- both, the window part in a fresh process -------------------------------------------------


def measure_gui(
    archive_dir: Path, queries: Sequence[str], command: Sequence[str] | None = None
) -> dict[str, float]:
    """Launch timings and window timings for one archive folder.

    The window is measured in a child process so it starts as a user's would (jieba not yet
    loaded, nothing cached by the import that built the archive) and so Qt never loads into the
    benchmark's own process.
    """
    result = measure_launch(archive_dir, command)
    env = dict(os.environ)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.run(
        [sys.executable, "-m", "tests.gui_benchmark", "--json", str(archive_dir), *queries],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S * 4,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"window benchmark failed:\n{proc.stderr[-3000:]}")
    result.update(json.loads(proc.stdout.strip().splitlines()[-1]))
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("archive", type=Path)
    parser.add_argument("queries", nargs="*", help="search texts (default: from stored stories)")
    parser.add_argument("--json", action="store_true", help="window timings only, as JSON")
    args = parser.parse_args(argv)
    queries = args.queries
    if not queries:
        from tests.benchmark import sample_queries
        from viewer.archive import Archive

        with Archive(args.archive) as archive:
            queries = sample_queries(archive, GUI_QUERIES, random.Random(7), GUI_QUERY_SIZES)
    if args.json:
        print(json.dumps(measure_window(args.archive, queries)), flush=True)
        # PySide6 6.12.0 drops a reference to True on every Signal.emit() (and disconnect())
        # made from Python; after some hundreds the interpreter aborts while finalizing. The
        # numbers are out, so skip finalizing.
        os._exit(0)
    print(json.dumps(measure_gui(args.archive, queries), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
