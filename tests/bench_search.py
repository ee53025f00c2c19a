"""Search timings of one archive in a fresh process, as a user's (run by tests/benchmark.py).

    python -m tests.bench_search ARCHIVE QUERIES.json OUT.json

Times loading the program's modules, then opening the Archive plus its first query (what a user
waits for after opening), then every query of the set once for the top 20 with snippets (the
window's and the CLI's default use) and once for all hits; this process's memory after the first
query, after the top-20 pass and at the end (and its peak).
Writes the timings and every query's hit ids to OUT.json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from tests.bench_procs import own_memory_mb


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)


def measure(root: Path, queries: list[str]) -> dict:
    start = time.perf_counter()
    from viewer.archive import Archive
    from viewer.search import QueryError
    from viewer.search.options import MAX_LIMIT

    modules_ms = _ms(start)
    start = time.perf_counter()
    archive = Archive(root)
    archive.search(queries[0], limit=20)
    first_ms = _ms(start)
    memory = {"rss_first_mb": own_memory_mb()["rss_mb"]}
    top: list[float] = []
    every: list[float] = []
    hits: list[list[int] | None] = []
    top_counts: list[int] = []
    for query in queries:
        start = time.perf_counter()
        try:
            found = archive.search(query, limit=20)
        except QueryError:
            found = None
        top.append(_ms(start))
        top_counts.append(-1 if found is None else len(found))
    memory["rss_top20_mb"] = own_memory_mb()["rss_mb"]
    for query in queries:
        start = time.perf_counter()
        try:
            ids = [r["id"] for r in archive.search(query, limit=MAX_LIMIT)]
        except QueryError:
            ids = None
        every.append(_ms(start))
        hits.append(ids)
    memory |= own_memory_mb()  # after all hits too: every hit's body read and snippet made
    archive.close()
    return {
        "modules_ms": modules_ms,
        "first_query_ms": first_ms,
        "top20_ms": top,
        "top20_counts": top_counts,
        "all_ms": every,
        "hits": hits,
        **memory,
    }


def main(argv: list[str]) -> int:
    root, queries_json, out = Path(argv[0]), Path(argv[1]), Path(argv[2])
    queries = json.loads(queries_json.read_text("utf-8"))
    out.write_text(json.dumps(measure(root, queries), ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
