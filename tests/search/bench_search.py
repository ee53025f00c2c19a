"""Speed check for the search index (a script, not a test: timings depend on the machine).

    .venv/bin/python -m tests.search.bench_search [--docs 5000] [--index-mb 2]

Indexing: seed paragraphs shuffled into ~1,500-character stories, ~2 MB in all, in batches of
500 stories; reported as chars/s for IndexDoc input (analysis + writing in one process) and for
PreparedDoc input (the writing alone, what remains when ingest workers call `prepare`).
Querying: `--docs` stories; median and p95 over 200 random substrings of the bodies (2-6
characters, quoted, as tests/benchmark.py does) plus a fixed list of words, phrases and
operators shown one by one.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from viewer import segmenter
from viewer.search import IndexDoc, SearchIndex, parse_query
from viewer.search.index import prepare

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BATCH = 500
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


def random_substrings(docs: list[IndexDoc], count: int, rng: random.Random) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        body = rng.choice(docs).body
        size = rng.choice((2, 2, 3, 4, 6))
        start = rng.randrange(0, len(body) - size)
        piece = body[start : start + size]
        if not any(c.isspace() or c in '"“”()（）' for c in piece):
            out.append(f'"{piece}"')
    return out


def index_speed(docs: list[IndexDoc] | list, label: str, chars: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        index = SearchIndex.open(Path(tmp))
        start = time.perf_counter()
        for i in range(0, len(docs), BATCH):
            index.add(docs[i : i + BATCH])
            index.commit()
        elapsed = time.perf_counter() - start
        index.close()
    print(
        f"indexing {label}: {chars / 1e6:.2f} M chars in {elapsed:.1f} s"
        f" = {chars / elapsed:,.0f} chars/s"
    )


def timed(index: SearchIndex, text: str) -> tuple[float, int]:
    parsed = parse_query(text)
    start = time.perf_counter()
    hits = index.search(parsed, limit=50)
    return time.perf_counter() - start, len(hits)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--index-mb", type=float, default=2.0)
    args = ap.parse_args()
    rng = random.Random(7)
    segmenter.tokenizer()  # load jieba outside the timings

    small = make_docs(int(args.index_mb * 1_000_000 / 1550), rng)
    chars = sum(len(d.title) + len(d.body) for d in small)
    index_speed(small, "IndexDoc", chars)
    start = time.process_time()
    prepared = [prepare(d) for d in small]
    print(f"prepare() alone: {chars / (time.process_time() - start):,.0f} chars/s")
    index_speed(prepared, "PreparedDoc", chars)

    docs = make_docs(args.docs, rng)
    with tempfile.TemporaryDirectory() as tmp:
        index = SearchIndex.open(Path(tmp))
        for i in range(0, len(docs), BATCH * 4):
            index.add(docs[i : i + BATCH * 4])
            index.commit()
        index.search(parse_query("社区"))  # warm up, as the app's open searcher would be
        latencies = sorted(timed(index, q)[0] * 1000 for q in random_substrings(docs, 200, rng))
        print(
            f"{len(docs)} stories, 200 random quoted substrings: median "
            f"{statistics.median(latencies):.1f} ms, p95 {latencies[189]:.1f} ms"
        )
        for text in QUERIES:
            took, hits = min(timed(index, text) for _ in range(3))
            print(f"  {took * 1000:7.1f} ms  {hits:3d} hits  {text}")
        index.close()


if __name__ == "__main__":
    main()
