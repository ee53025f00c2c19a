"""The Recoll peer for `make bench`, when `recollindex` is installed (Debian: `apt-get install
recoll`); skipped otherwise.

Recoll indexes files, not stories: it gets the page folder in a private configuration folder
(RECOLL_CONFDIR), and its hits and recall are pages. Every query is one `recollq` process, so its
latencies include process start (there is no resident Recoll process to ask). Each piece of a
query goes in double quotes, Recoll's phrase, so a Chinese piece is found as written.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import time
from pathlib import Path

from tests.bench_procs import run_watched


def available() -> bool:
    return bool(shutil.which("recollindex") and shutil.which("recollq"))


def _folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def _query(pieces: list[str]) -> str:
    return " ".join(f'"{p}"' for p in pieces)


def _recollq(conf: Path, args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(["recollq", "-c", str(conf), *args], capture_output=True, text=True)
    return (time.perf_counter() - start) * 1000, done.stdout


def measure(pages: Path, conf: Path, queries: list[list[str]]) -> dict:
    """Index `pages` into `conf`, then time the queries; hits are page file names."""
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "recoll.conf").write_text(f"topdirs = {pages}\nloglevel = 1\n", "utf-8")
    run = run_watched(["recollindex", "-c", str(conf)])
    if run.returncode != 0:
        return {"error": run.stderr.strip().splitlines()[-1:] or ["recollindex failed"]}
    first_ms, _ = _recollq(conf, ["-A", "-n", "20", _query(queries[0])])
    top, every, hits = [], [], []
    for pieces in queries:
        took, _ = _recollq(conf, ["-A", "-n", "20", _query(pieces)])
        top.append(round(took, 2))
    for pieces in queries:
        took, out = _recollq(conf, ["-b", "-n", "0", _query(pieces)])
        every.append(round(took, 2))
        hits.append([line.rsplit("/", 1)[-1] for line in out.splitlines() if "://" in line])
    cli = [_recollq(conf, ["-A", "-n", "20", _query(p)])[0] for p in queries[:5]]
    return {
        "import_seconds": round(run.seconds, 2),
        "peak_mb": run.peak_mb,
        "main_mb": run.main_mb,
        "largest_child_mb": run.largest_child_mb,
        "index_mb": _folder_mb(conf / "xapiandb"),
        "first_query_ms": round(first_ms, 2),
        "top20_ms": top,
        "all_ms": every,
        "cli_ms": round(statistics.median(cli), 1),
        "hits": hits,
    }
