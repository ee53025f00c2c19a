"""The SQLite FTS5 trigram peer for `make bench`: the same stories, one row each, searched with
the same queries. Needs `apsw` (a recent SQLite; tests/bench-requirements.lock pins it): Python's
bundled SQLite can be too old for what trigram does with short strings.

    python -m tests.bench_fts5 build DB STORIES.jsonl      # prints {"seconds", "chars"}
    python -m tests.bench_fts5 search DB QUERIES.json OUT.json

Stories go in folded as our search folds them (full-width to half-width, lower case, traditional
characters to simplified), so both programs answer the same question. A whitespace-separated piece
of three or more characters is a trigram MATCH of the quoted piece; a shorter one, which trigram
cannot match, a LIKE on both columns (FTS5 then scans the table, correctly). Top 20: by bm25 rank
with snippet() when there is a MATCH part, else in row order with the text around the first
occurrence.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from tests.bench_procs import own_memory_mb

MIN_SQLITE = (3, 54, 0)  # what the bench was written against; trigram LIKE of < 3 chars scans


def available() -> str | None:
    """apsw's SQLite version when apsw is installed and recent enough, else None."""
    try:
        import apsw
    except ImportError:
        return None
    version = apsw.sqlite_lib_version()
    return version if tuple(int(p) for p in version.split(".")) >= MIN_SQLITE else None


def build(db_path: Path, stories_jsonl: Path) -> dict:
    import apsw

    start = time.perf_counter()
    db = apsw.Connection(str(db_path))
    db.execute("pragma journal_mode=wal")
    db.execute("create virtual table stories using fts5(title, body, tokenize='trigram')")
    chars = 0
    with db, stories_jsonl.open(encoding="utf-8") as lines:  # one transaction: the fastest
        for line in lines:
            title, body = json.loads(line)
            chars += len(title) + len(body)
            db.execute("insert into stories(title, body) values (?, ?)", (title, body))
    db.execute("insert into stories(stories) values ('optimize')")
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()
    return {"seconds": round(time.perf_counter() - start, 3), "chars": chars}


def _sql(pieces: list[str], limit: int | None) -> tuple[str, list[str]]:
    matched = [p for p in pieces if len(p) >= 3]
    short = [p for p in pieces if len(p) < 3]
    where, args = [], []
    if matched:
        where.append("stories match ?")
        args.append(" AND ".join('"' + p.replace('"', '""') + '"' for p in matched))
    for piece in short:
        where.append("(title like ? or body like ?)")
        args += [f"%{piece}%"] * 2
    if limit is None:
        return f"select rowid from stories where {' and '.join(where)}", args
    if matched:
        shown = "snippet(stories, -1, '**', '**', '…', 24)"
        order = "order by rank"
    else:
        shown = "substr(body, max(1, instr(body, ?) - 24), 64)"
        args = [short[0], *args]
        order = ""
    return (
        f"select rowid, {shown} from stories where {' and '.join(where)} {order} limit {limit}",
        args,
    )


def search(db_path: Path, queries: list[list[str]]) -> dict:
    import apsw

    def run(pieces: list[str], limit: int | None) -> list:
        sql, args = _sql(pieces, limit)
        return list(db.execute(sql, args))

    start = time.perf_counter()
    db = apsw.Connection(str(db_path), flags=apsw.SQLITE_OPEN_READONLY)
    run(queries[0], 20)
    first_ms = round((time.perf_counter() - start) * 1000, 2)
    top, every, hits = [], [], []
    for pieces in queries:
        start = time.perf_counter()
        run(pieces, 20)
        top.append(round((time.perf_counter() - start) * 1000, 2))
    held = own_memory_mb()["rss_mb"]
    for pieces in queries:
        start = time.perf_counter()
        rows = run(pieces, None)
        every.append(round((time.perf_counter() - start) * 1000, 2))
        hits.append([row[0] for row in rows])
    return {
        "first_query_ms": first_ms,
        "top20_ms": top,
        "all_ms": every,
        "hits": hits,
        "rss_top20_mb": held,
    }


def main(argv: list[str]) -> int:
    if argv[0] == "build":
        print(json.dumps(build(Path(argv[1]), Path(argv[2]))))
        return 0
    queries = json.loads(Path(argv[2]).read_text("utf-8"))
    result = search(Path(argv[1]), queries) | own_memory_mb()
    Path(argv[3]).write_text(json.dumps(result), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
