"""Speed check for the search index (a script, not a test: timings depend on the machine).

    .venv/bin/python tests/search/bench_search.py [--docs 5000] [--index-mb 2]

Prints indexing speed (chars/s over seed paragraphs shuffled into ~1,500-character stories,
~2 MB in all) and query latency (median and worst over a mix of queries on `--docs` stories).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from viewer import segmenter
from viewer.search import IndexDoc, SearchIndex, parse_query
from viewer.search.index import prepare

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
QUERIES = [
    "社区",
    "居民",
    "紫荆路社区",
    "党建引领",
    "王孝转",
    "人口普查 工作",
    "禁毒 OR 消防",
    "社区 NOT 居民",
    "“两委”",
    "2020年",
    "志愿服务队",
    "为居民办实事",
    "楼院理事会",
    "的",
    "区党",
    "社区 kind:brief",
    "居民 date:2020",
    "工作 place:地点3",
]


def make_docs(count: int, rng: random.Random) -> list[IndexDoc]:
    paragraphs = [
        line.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if len(line.strip()) > 20
    ]
    docs = []
    for story_id in range(1, count + 1):
        body: list[str] = []
        while sum(map(len, body)) < 1500:
            body.append(rng.choice(paragraphs))
        dated = rng.random() < 0.8
        docs.append(
            IndexDoc(
                story_id=story_id,
                title=rng.choice(paragraphs)[:16],
                kicker="",
                subtitle="",
                body="\n".join(body),
                kind=rng.choice(["article", "article", "brief", "column"]),
                date=f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-15" if dated else "",
                years=[rng.randint(2015, 2024)],
                places=[f"地点{rng.randint(1, 50)}"],
                rev="1",
            )
        )
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--index-mb", type=float, default=2.0)
    args = ap.parse_args()
    rng = random.Random(7)
    segmenter.tokenizer()  # load jieba outside the timings

    small = make_docs(int(args.index_mb * 1_000_000 / 1550), rng)
    chars = sum(len(d.title) + len(d.body) for d in small)
    with tempfile.TemporaryDirectory() as tmp:
        index = SearchIndex.open(Path(tmp))
        start = time.perf_counter()
        for i in range(0, len(small), 500):  # batches of 500 stories, ~0.75 M chars
            index.add(small[i : i + 500])
            index.commit()
        elapsed = time.perf_counter() - start
        index.close()
    print(
        f"indexing: {chars / 1e6:.2f} M chars, {len(small)} stories in {elapsed:.2f} s "
        f"= {chars / elapsed:,.0f} chars/s"
    )

    docs = make_docs(args.docs, rng)
    with tempfile.TemporaryDirectory() as tmp, multiprocessing.Pool() as pool:
        index = SearchIndex.open(Path(tmp))
        start = time.perf_counter()
        # analysis in worker processes, as ingest can do it; whoosh writing here
        for i in range(0, len(docs), 500):
            index.add(pool.map(prepare, docs[i : i + 500], chunksize=25))
            index.commit()
        print(
            f"built {len(docs)} stories in {time.perf_counter() - start:.1f} s "
            f"with prepare() in {pool._processes} worker processes"
        )
        times: dict[str, float] = {}
        counts: dict[str, int] = {}
        for text in QUERIES * 3:
            start = time.perf_counter()
            hits = index.search(parse_query(text), limit=50)
            took = time.perf_counter() - start
            times[text] = min(times.get(text, took), took)
            counts[text] = len(hits)
        for text, took in sorted(times.items(), key=lambda kv: -kv[1]):
            print(f"  {took * 1000:7.1f} ms  {counts[text]:3d} hits  {text}")
        values = list(times.values())
        print(
            f"query latency on {len(docs)} stories: median {statistics.median(values) * 1000:.1f}"
            f" ms, worst {max(values) * 1000:.1f} ms"
        )
        index.close()


if __name__ == "__main__":
    sys.exit(main())
