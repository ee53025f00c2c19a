"""`make eval`: build pages from real news the program has never seen, score it, write results.

    python -m tests.eval.run [--devdata DIR] [--out eval-out] [--part tune|heldout|both] [--limit N]

Writes OUT/pages/<part>/<layout>/ (the pages and their truth), OUT/RESULTS.md and
OUT/results.json. Calls only the program's stable entry points (split_page, extract_facts,
find_places, Archive, and the gazetteer when it exists), so it measures today's code and
tomorrow's the same way.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.eval import report, tables
from tests.eval.data import PARTS, REPO, Corpus, find_devdata, load_corpus
from tests.eval.pages import LAYOUTS, REAL_LAYOUT, Page, build_pages, write_pages
from tests.eval.score import score_entities, score_split
from tests.eval.score_dates import score_dates
from tests.eval.score_places import score_addresses, score_locations
from tests.eval.score_tree import attested_pairs, bulletin_pages, load_gazetteer, score_tree

SPLIT_LAYOUTS = (*LAYOUTS, REAL_LAYOUT, "bulletin")


@dataclass
class Limits:
    """Caps for a quick run (the `make test` slice); None means everything."""

    pages: int | None = None  # per layout
    sentences: int | None = None  # CLUENER
    addresses: int | None = None  # recognition and bulletins
    cec_pages: int | None = None  # cec-real pages
    located: int | None = None  # cec paragraphs with <Location> spans

    @classmethod
    def every(cls, n: int | None) -> Limits:
        return cls(n, n, n, n, n)


def _import(folders: list[Path], tmp: Path) -> tuple[list, list[dict]]:
    """A real archive in `tmp` holding the pages of `folders`: (tree, stories)."""
    from viewer.archive import Archive

    with Archive(tmp) as archive:
        archive.import_paths(folders, workers=0)
        return archive.tree(), archive.stories()


def _truths(pages: list[Page], folder: Path) -> tuple[dict[str, dict], dict[str, str]]:
    paths = {str((folder / f"{p.name}.txt").resolve()): p for p in pages}
    return {k: p.truth() for k, p in paths.items()}, {k: p.text for k, p in paths.items()}


def run_part(corpus: Corpus, out: Path, limits: Limits) -> dict:
    """Every section for one part; pages are written under out/pages/<part>/."""
    from viewer.facts import extract_facts
    from viewer.ingest import split_page
    from viewer.places import find_places

    timings: dict[str, float] = {}
    clock = time.monotonic()

    def lap(name: str) -> None:
        nonlocal clock
        timings[name] = round(time.monotonic() - clock, 2)
        clock = time.monotonic()

    pages = build_pages(corpus, limits.pages)
    pages[REAL_LAYOUT] = pages[REAL_LAYOUT][: limits.cec_pages]
    pages["bulletin"] = list(bulletin_pages(corpus, limits.addresses))
    folders = {layout: out / "pages" / corpus.part / layout for layout in pages}
    for layout, made in pages.items():
        write_pages(made, folders[layout])
    lap("pages")
    results: dict = {"split": {}}
    for layout in SPLIT_LAYOUTS:
        made = pages[layout]
        results["split"][layout] = score_split(
            ((p.name, p.text, p.truth()) for p in made), split_page
        )
    lap("split")
    results["facts"] = score_entities(corpus.sentences[: limits.sentences], extract_facts)
    lap("facts")
    results["places"] = {
        "addresses": score_addresses(corpus.addresses[: limits.addresses], find_places),
        "cec": score_locations(corpus.located[: limits.located], find_places),
    }
    lap("places")
    with tempfile.TemporaryDirectory(prefix="eval-archive-") as tmp:
        tree, stories = _import([folders["newspaper"], folders["bulletin"]], Path(tmp) / "a")
        lap("import newspaper + bulletins")
        gazetteer, status = load_gazetteer()
        results["tree"] = score_tree(tree, gazetteer, attested_pairs(corpus.addresses))
        results["tree"]["gazetteer"] = status
        truths, texts = _truths(pages["newspaper"], folders["newspaper"])
        results["dates"] = {"newspaper": score_dates(truths, stories, texts)}
        lap("tree")
        _, stories = _import([folders[REAL_LAYOUT]], Path(tmp) / "b")
        truths, texts = _truths(pages[REAL_LAYOUT], folders[REAL_LAYOUT])
        results["dates"][REAL_LAYOUT] = score_dates(truths, stories, texts)
        lap("import cec-real + dates")
    results["seconds"] = timings
    return results


def git_state() -> tuple[str, bool]:
    """The short commit and whether tracked files differ from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        status = subprocess.run(
            # --no-optional-locks: never rewrite the index while others work in the same tree.
            ["git", "--no-optional-locks", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
        ).stdout
    except OSError:
        return "unknown", False
    return commit or "unknown", bool(status.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.eval.run", description=__doc__)
    parser.add_argument("--devdata", help="default: $VIEWER_DEVDATA, else ../shared/devdata")
    parser.add_argument("--out", default=str(REPO / "eval-out"))
    parser.add_argument("--part", choices=("tune", "heldout", "both"), default="both")
    parser.add_argument("--limit", type=int, help="at most N pages per layout, sentences, ...")
    args = parser.parse_args(argv)
    devdata = find_devdata(args.devdata)
    if not (devdata / "cec").is_dir():
        print(f"eval: skipped, no development data at {devdata} (set --devdata or VIEWER_DEVDATA)")
        return 0
    parts = list(PARTS) if args.part == "both" else [args.part]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # jieba's dictionary cache beside the results, not in the user's profile.
    os.environ.setdefault("VIEWER_CACHE", str(out.resolve() / "cache"))
    started = time.monotonic()
    results: dict = {}
    for part in parts:
        results[part] = run_part(load_corpus(devdata, part), out, Limits.every(args.limit))
    commit, dirty = git_state()
    results["run"] = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "commit": commit,
        "dirty": dirty,
        "devdata": str(devdata),
        "parts": parts,
        "limit": args.limit,
        "seconds": time.monotonic() - started,
    }
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    text = report.render(results, parts, tables.sections(results, parts, SPLIT_LAYOUTS))
    (out / "RESULTS.md").write_text(text, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
