"""`make bench`: our program against SQLite FTS5 trigram and Recoll, on pages built from real news.

For each size (1 k and 20 k stories; `make bench-100k` adds 100 k) tests/bench_corpus.py writes
pages from the cec and sogoucs articles of ../shared/devdata (or --devdata, $VIEWER_DEVDATA) into a
temporary folder, then:
- ours, run as a user runs it: `python -m viewer --archive DIR import FOLDER` (wall time, the peak
  memory of the writer and of every worker); sizes; a fresh process opening the archive and
  searching the fixed query set (tests/bench_search.py); `python -m viewer search Q` one-shot;
  recall against a plain substring scan of the stored stories;
- FTS5 trigram (tests/bench_fts5.py, through apsw) on the same stories, when apsw is installed;
- Recoll (tests/bench_recoll.py) on the same pages, when `recollindex` is installed;
- the window's timings (tests/gui_benchmark.py) on the 20 k archive, unless --skip-gui.
One table goes to bench-out/RESULTS.md (tests/bench_report.py), everything to results.json.
Without the devdata it says so in one line and stops. Tests never assert timings.

Usage: python -m tests.benchmark [--sizes 1000,20000 | --stories N] [--skip-gui] [--skip-peers]
       [--devdata DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests import bench_fts5, bench_recoll
from tests.bench_corpus import QUERIES_PER_KIND, QUERY_KINDS, BenchCorpus, Query, generate, scan
from tests.bench_procs import run_watched
from tests.bench_report import machine_info, write_report
from tests.eval.data import find_devdata
from tests.gui_benchmark import GUI_QUERIES, measure_gui, percentile
from viewer.archive import Archive
from viewer.text import search_fold

REPO = Path(__file__).resolve().parent.parent
# The program `make package` builds; its start-up is measured too when it is there.
PACKAGED = REPO / "dist" / "viewer" / ("viewer.exe" if sys.platform == "win32" else "viewer")
GUI_SIZE = 20_000
CLI_QUERIES = 5


def sample_queries(
    archive: Archive, count: int, rng: random.Random, sizes: tuple[int, ...] = (2, 2, 3, 4, 6)
) -> list[str]:
    """Substrings of stored stories (tests/gui_benchmark.py's queries when run alone)."""
    bodies = [s["body"] for s in map(archive.story, [s["id"] for s in archive.stories()[:500]])]
    bodies = [b for b in bodies if b and len(b) > 40]
    out = []
    while len(out) < count:
        body = rng.choice(bodies)
        size = rng.choice(sizes)
        start = rng.randrange(0, len(body) - size)
        piece = body[start : start + size]
        if not any(c.isspace() or c in '"“”()（）' for c in piece):
            out.append(piece)
    return out


def _mb(paths: list[Path]) -> float:
    total = 0
    for path in paths:
        files = [path] if path.is_file() else (path.rglob("*") if path.is_dir() else [])
        total += sum(p.stat().st_size for p in files if p.is_file())
    return round(total / 2**20, 2)


def latency(values: list[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 1),
        "p95": round(percentile(values, 0.95), 1),
    }


def recall(expected: list[set], found: list[list | None], queries: list[Query]) -> dict:
    """Share of the scan's hits each program found, over all queries; misses by query."""
    wanted = got = extra = 0
    misses = []
    for query, want, ids in zip(queries, expected, found, strict=True):
        have = set(ids or [])
        wanted += len(want)
        got += len(want & have)
        extra += len(have - want)
        if want - have or ids is None:
            lost = sorted(want - have)
            misses.append({"query": query.text, "kind": query.kind, "missed": len(lost)})
            misses[-1]["examples"] = [str(x) for x in lost[:5]]
    share = 100.0 if not wanted else round(100 * got / wanted, 2)
    return {"recall_pct": share, "expected_hits": wanted, "extra_hits": extra, "misses": misses}


def by_kind(values: list[float], queries: list[Query]) -> dict[str, dict[str, float]]:
    """Latency per query kind: which kind of query is slow."""
    return {
        kind: latency([v for v, q in zip(values, queries, strict=True) if q.kind == kind])
        for kind in QUERY_KINDS
    }


def _search_summary(out: dict, queries: list[Query]) -> dict:
    return {
        "first_query_ms": out["first_query_ms"],
        "top20_ms": latency(out["top20_ms"]),
        "all_ms": latency(out["all_ms"]),
        "top20_by_kind": by_kind(out["top20_ms"], queries),
        "search_rss_mb": out.get("rss_mb"),
        "search_rss_top20_mb": out.get("rss_top20_mb"),
        "search_rss_first_mb": out.get("rss_first_mb"),
    }


def measure_ours(corpus: BenchCorpus, root: Path, env: dict, tmp: Path) -> tuple[dict, dict]:
    python = [sys.executable, "-m"]
    run = run_watched(
        [*python, "viewer", "--archive", str(root), "import", str(corpus.folder)], env=env, cwd=REPO
    )
    chars = corpus.chars
    row: dict = {"program": "ours", "generated": len(corpus.stories), "chars": chars}
    if run.returncode not in (0, 1):  # 1: done, with files skipped or warned about
        return row | {"error": f"import failed: {run.stderr.strip()[-300:]}"}, {}
    row |= {
        "import_seconds": round(run.seconds, 2),
        "import_exit": run.returncode,
        "import_chars_per_s": round(chars / run.seconds),
        "peak_main_mb": run.main_mb,
        "peak_worker_mb": run.largest_child_mb,
        "processes": [
            {"pid": p.pid, "command": p.command, "peak_mb": p.peak_mb} for p in run.processes
        ],
    }
    db = [root / "archive.db", root / "archive.db-wal"]
    row |= {
        "db_mb": _mb(db),
        "index_mb": _mb([root / "index"]),
        "backups_mb": _mb([root / "backups"]),
        "archive_mb": _mb([root]),  # everything in the folder, backups included
    }
    row["bytes_per_char"] = round((row["db_mb"] + row["index_mb"]) * 2**20 / chars, 1)
    with Archive(root, read_only=True) as archive:
        stored = [archive.story(s["id"]) for s in archive.stories()]
    row["stories"] = len(stored)
    row["stories_per_s"] = round(len(stored) / run.seconds, 1)
    texts = {
        s["id"]: search_fold(
            "\n".join(s.get(k) or "" for k in ("title", "kicker", "subtitle", "byline", "body"))
        )
        for s in stored
    }
    del stored
    ids = list(texts)
    texts_list = list(texts.values())
    expected = [{ids[i] for i in scan(texts_list, q)} for q in corpus.queries]
    qfile, out = tmp / "queries.json", tmp / "ours-search.json"
    qfile.write_text(json.dumps([q.text for q in corpus.queries], ensure_ascii=False), "utf-8")
    searched = run_watched(
        [*python, "tests.bench_search", str(root), str(qfile), str(out)], env=env, cwd=REPO
    )
    if searched.returncode != 0:
        row["search_error"] = searched.stderr.strip()[-500:]
        return row, {}
    result = json.loads(out.read_text("utf-8"))
    row |= _search_summary(result, corpus.queries) | {"modules_ms": result["modules_ms"]}
    row["search_peak_mb"] = searched.peak_mb
    row |= recall(expected, result["hits"], corpus.queries)
    one_shot = _cli_queries(corpus.queries)
    cli = [
        run_watched([*python, "viewer", "--archive", str(root), "search", q], env=env, cwd=REPO)
        for q in one_shot
    ]
    row["cli_s"] = round(statistics.median(r.seconds for r in cli), 3)
    row["cli_peak_mb"] = max(r.peak_mb for r in cli)
    return row, {"expected": expected, "top20_counts": result["top20_counts"]}


def _cli_queries(queries: list[Query]) -> list[str]:
    """One query of each of the first CLI_QUERIES kinds."""
    out = []
    for kind in QUERY_KINDS[:CLI_QUERIES]:
        out += [q.text for q in queries if q.kind == kind][:1]
    return out


def measure_fts5(corpus: BenchCorpus, tmp: Path) -> dict:
    jsonl, db = tmp / "stories.jsonl", tmp / "fts5.db"
    with jsonl.open("w", encoding="utf-8") as f:
        for story in corpus.stories:
            pair = [search_fold(story.title), search_fold("\n".join(story.paragraphs))]
            f.write(json.dumps(pair, ensure_ascii=False) + "\n")
    python = [sys.executable, "-m", "tests.bench_fts5"]
    run = run_watched([*python, "build", str(db), str(jsonl)], cwd=REPO)
    if run.returncode != 0:
        return {"program": "fts5", "error": run.stderr.strip()[-500:]}
    built = json.loads(run.stdout.strip().splitlines()[-1])
    row: dict = {
        "program": "fts5 trigram",
        "generated": len(corpus.stories),
        "stories": len(corpus.stories),
    }
    row |= {
        "chars": built["chars"],
        "import_seconds": round(run.seconds, 2),
        "import_inner_seconds": built["seconds"],
        "import_chars_per_s": round(built["chars"] / run.seconds),
        "stories_per_s": round(len(corpus.stories) / run.seconds, 1),
        "peak_main_mb": run.main_mb,
        "db_mb": _mb([db, Path(f"{db}-wal")]),
        "index_mb": 0.0,
        "archive_mb": _mb([db, Path(f"{db}-wal")]),
    }
    row["bytes_per_char"] = round(row["db_mb"] * 2**20 / built["chars"], 1)
    qfile, out = tmp / "fts5-queries.json", tmp / "fts5-search.json"
    qfile.write_text(json.dumps([q.pieces for q in corpus.queries], ensure_ascii=False), "utf-8")
    searched = run_watched([*python, "search", str(db), str(qfile), str(out)], cwd=REPO)
    if searched.returncode != 0:
        return row | {"search_error": searched.stderr.strip()[-500:]}
    result = json.loads(out.read_text("utf-8"))
    row |= _search_summary(result, corpus.queries) | {"search_peak_mb": searched.peak_mb}
    texts = [search_fold(s.text) for s in corpus.stories]
    expected = [{i + 1 for i in scan(texts, q)} for q in corpus.queries]
    row |= recall(expected, result["hits"], corpus.queries)
    one_shot = [q.pieces for q in corpus.queries if q.text in _cli_queries(corpus.queries)]
    cli = []
    for pieces in one_shot:
        qfile.write_text(json.dumps([pieces], ensure_ascii=False), "utf-8")
        cli.append(
            run_watched([*python, "search", str(db), str(qfile), str(out)], cwd=REPO).seconds
        )
    row["cli_s"] = round(statistics.median(cli), 3)
    row["cli_note"] = "python -m tests.bench_fts5 search (one query: top 20 + all hits)"
    return row


def measure_recoll(corpus: BenchCorpus, tmp: Path) -> dict:
    result = bench_recoll.measure(corpus.folder, tmp / "recoll", [q.pieces for q in corpus.queries])
    if "error" in result:
        return {"program": "recoll", "error": result["error"]}
    chars = corpus.chars
    row: dict = {
        "program": "recoll (pages)",
        "generated": len(corpus.stories),
        "stories": len(corpus.files),
    }
    row |= {
        "chars": chars,
        "import_seconds": result["import_seconds"],
        "import_chars_per_s": round(chars / result["import_seconds"]),
        "stories_per_s": round(len(corpus.stories) / result["import_seconds"], 1),
        "peak_main_mb": result["main_mb"],
        "peak_worker_mb": result["largest_child_mb"],
        "db_mb": 0.0,
        "index_mb": result["index_mb"],
        "archive_mb": result["index_mb"],
        "bytes_per_char": round(result["index_mb"] * 2**20 / chars, 1),
        "first_query_ms": result["first_query_ms"],
        "top20_ms": latency(result["top20_ms"]),
        "all_ms": latency(result["all_ms"]),
        "top20_by_kind": by_kind(result["top20_ms"], corpus.queries),
        "cli_s": round(result["cli_ms"] / 1000, 3),
    }
    pages = [search_fold(p.read_text("utf-8")) for p in corpus.files]
    names = [p.name for p in corpus.files]
    expected = [{names[i] for i in scan(pages, q)} for q in corpus.queries]
    row |= recall(expected, result["hits"], corpus.queries)
    return row


def _typed(queries: list[Query]) -> list[str]:
    """Search-as-you-type texts for the window: 2-4 character pieces of the hitting queries."""
    pieces = [p[:4] for q in queries if q.kind != "no-hit" for p in q.pieces if len(p) >= 2]
    pieces = list(dict.fromkeys(pieces))
    return [pieces[i % len(pieces)] for i in range(GUI_QUERIES)]


def run_size(
    size: int, devdata: Path, tmp: Path, env: dict, args: argparse.Namespace
) -> list[dict]:
    work = tmp / f"size-{size}"
    load = round(os.getloadavg()[0], 1)  # others' work on the machine skews every figure
    corpus = generate(devdata, work / "pages", size)
    assert corpus is not None
    print(f"{size} stories: {len(corpus.files)} pages, {corpus.chars:,} characters", flush=True)
    ours, _ = measure_ours(corpus, work / "archive", env, work)
    rows = [ours]
    if args.gui and size == args.gui_size:
        try:
            ours["gui"] = measure_gui(work / "archive", _typed(corpus.queries))
        except (RuntimeError, OSError, subprocess.SubprocessError) as error:
            ours["gui"] = {"error": str(error)[-300:]}
    if args.peers and bench_fts5.available():
        rows.append(measure_fts5(corpus, work))
    if args.peers and bench_recoll.available():
        rows.append(measure_recoll(corpus, work))
    for row in rows:
        row["size"] = size
        row["load_before"] = load
        print(
            json.dumps(
                {k: v for k, v in row.items() if k not in ("misses", "processes")},
                ensure_ascii=False,
            ),
            flush=True,
        )
    return rows


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
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="1000,20000", help="stories per archive, comma-separated"
    )
    parser.add_argument("--stories", type=int, default=None, help="one size only (= --sizes N)")
    parser.add_argument("--devdata", default=None, help="default: ../shared/devdata")
    parser.add_argument("--out", type=Path, default=Path("bench-out"))
    parser.add_argument(
        "--keep", type=Path, default=None, help="work in this folder and keep it (default: temp)"
    )
    parser.add_argument("--skip-gui", dest="gui", action="store_false", help="no window timings")
    parser.add_argument("--skip-peers", dest="peers", action="store_false", help="ours only")
    args = parser.parse_args(argv)
    sizes = [args.stories] if args.stories else [int(s) for s in args.sizes.split(",") if s]
    # The window is timed on one archive: 20 k, or the largest when 20 k is not measured.
    args.gui_size = GUI_SIZE if GUI_SIZE in sizes else max(sizes)
    devdata = find_devdata(args.devdata)
    if not (devdata / "cec" / "raw_text").is_dir():
        print(f"bench: skipped, no devdata at {devdata} (set VIEWER_DEVDATA or --devdata)")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    extras: dict = {}
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    work = contextlib.nullcontext(args.keep) if args.keep else tempfile.TemporaryDirectory()
    with work as name:
        tmp = Path(name).absolute()
        path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
        env = dict(os.environ, VIEWER_CACHE=str(tmp / "cache"), PYTHONPATH=path)
        _warm_cache(tmp, env)
        for size in sizes:
            rows += run_size(size, devdata, tmp, env, args)
        if args.gui and PACKAGED.is_file():
            extras["packaged_startup"] = packaged_startup()
    machine = machine_info()
    results = {"machine": machine, "rows": rows, **extras}
    (args.out / "results.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2), "utf-8"
    )
    write_report(
        args.out / "RESULTS.md", machine, rows, QUERIES_PER_KIND * len(QUERY_KINDS), CLI_QUERIES
    )
    print(f"wrote {args.out / 'RESULTS.md'} and results.json")
    return 0


def _warm_cache(tmp: Path, env: dict) -> None:
    """jieba builds its dictionary cache on first use (~1 s, once per user): not an import cost."""
    page = tmp / "warm" / "page.txt"
    page.parent.mkdir(parents=True)
    page.write_text("本报讯 社区开展志愿服务活动。\n", "utf-8")
    command = [
        sys.executable,
        "-m",
        "viewer",
        "--archive",
        str(tmp / "warm" / "archive"),
        "import",
        str(page),
    ]
    subprocess.run(command, env=env, cwd=REPO, capture_output=True)


if __name__ == "__main__":
    sys.exit(main())
