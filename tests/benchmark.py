"""`make bench`: import throughput and search latency on the seeds and on a generated archive.

Timings are printed and written to bench-out/results.json; tests never assert timings.
Each archive is then opened in the real window (tests/gui_benchmark.py): launch to first paint,
filling the tree, opening a story, search as you type. Offscreen unless there is a display.
When `make package` has built dist/viewer, the packaged program's start-up is measured too.
Usage: python -m tests.benchmark [--stories N] [--workers N] [--out DIR] [--skip-gui]
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
from pathlib import Path

from tests.corpus import SEEDS, write_corpus
from tests.gui_benchmark import GUI_QUERIES, GUI_QUERY_SIZES, measure_gui
from viewer.archive import Archive

REPO = Path(__file__).resolve().parent.parent
# The program `make package` builds; measured too when it is there.
PACKAGED = REPO / "dist" / "viewer" / ("viewer.exe" if sys.platform == "win32" else "viewer")


def _timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def sample_queries(
    archive: Archive, count: int, rng: random.Random, sizes: tuple[int, ...] = (2, 2, 3, 4, 6)
) -> list[str]:
    """Realistic queries: words and substrings taken from stored stories."""
    bodies = [
        b for (b,) in archive.store.db.execute("select body from stories where length(body) > 40")
    ]
    out = []
    while len(out) < count:
        body = rng.choice(bodies)
        size = rng.choice(sizes)
        start = rng.randrange(0, len(body) - size)
        piece = body[start : start + size]
        if not any(c.isspace() or c in '"“”()（）' for c in piece):
            out.append(piece)
    return out


def measure(
    name: str, files: list[Path], workers: int | None, root: Path, *, gui: bool = True
) -> dict:
    chars = sum(len(p.read_text("utf-8")) for p in files)
    with Archive(root / name) as archive:
        report, seconds = _timed(archive.import_paths, files, workers=workers)
        stories = report.stories
        queries = sample_queries(archive, 200, random.Random(7))
        typed = sample_queries(archive, GUI_QUERIES, random.Random(8), GUI_QUERY_SIZES)
        archive.search(queries[0])  # open the searcher once, as the app does
        latencies = []
        for q in queries:
            _, took = _timed(archive.search, f'"{q}"', limit=50)
            latencies.append(took * 1000)
        ids = [s["id"] for s in archive.stories()[:200]]
        _, open_total = _timed(lambda: [archive.story(i) for i in ids])
        _, tree_seconds = _timed(archive.tree)
    latencies.sort()
    result = {
        "archive": name,
        "files": len(files),
        "stories": stories,
        "chars": chars,
        "import_seconds": round(seconds, 2),
        "import_chars_per_second": round(chars / seconds),
        "search_ms_median": round(statistics.median(latencies), 1),
        "search_ms_p95": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "open_story_ms": round(open_total / max(1, len(ids)) * 1000, 2),
        "tree_ms": round(tree_seconds * 1000, 1),
    }
    if gui:  # the app opens the archive itself, as a user's would: after ours is closed
        result["gui"] = measure_gui(root / name, typed)
    return result


def packaged_startup() -> dict | None:
    """The built program's start-up on its bundled seed archive (`make package` first), measured
    by packaging/startup.py with fresh user folders: first start, then the median of three."""
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "startup.py"), str(PACKAGED)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]) if done.returncode == 0 and lines else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stories", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    parser.add_argument("--skip-gui", action="store_true", help="core timings only, no window")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ.setdefault("VIEWER_CACHE", str(root / "cache"))
        gui = not args.skip_gui
        results = [measure("seeds", sorted(SEEDS.glob("*.txt")), 0, root, gui=gui)]
        print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        if gui and PACKAGED.is_file():
            results.append({"archive": "packaged seeds", "startup": packaged_startup()})
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        corpus = write_corpus(root / "corpus", args.stories)
        results.append(measure(f"generated-{args.stories}", corpus, args.workers, root, gui=gui))
        print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    (args.out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
