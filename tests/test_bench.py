"""`make bench`'s own parts: the page generator (on the real devdata, skipped without it) and the
process-tree memory watcher."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.bench_corpus import MAX_CHARS, MIN_CHARS, QUERY_KINDS, generate, scan
from tests.bench_procs import run_watched
from tests.eval.data import find_devdata
from viewer.text import search_fold

DEVDATA = find_devdata(None)
needs_devdata = pytest.mark.skipif(
    not (DEVDATA / "cec" / "raw_text").is_dir(), reason=f"no devdata at {DEVDATA}"
)


@needs_devdata
def test_generator_is_seeded_and_realistic(tmp_path: Path) -> None:
    first = generate(DEVDATA, tmp_path / "a", 150)
    again = generate(DEVDATA, tmp_path / "b", 150)
    assert first is not None and again is not None
    # Deterministic: the same pages, stories and queries on every run.
    assert [p.read_bytes() for p in first.files] == [p.read_bytes() for p in again.files]
    assert [(q.kind, q.text) for q in first.queries] == [(q.kind, q.text) for q in again.queries]
    assert len(first.files) > 10  # several stories a page

    texts = [s.text for s in first.stories]
    assert len(texts) == 150 and len(set(texts)) == 150
    lengths = [len(t) for t in texts]
    assert min(lengths) >= MIN_CHARS and max(lengths) <= MAX_CHARS
    assert 600 <= sum(lengths) / len(lengths) <= 900

    kinds = [q.kind for q in first.queries]
    assert len(kinds) >= 50 and set(kinds) == set(QUERY_KINDS)
    pages = [search_fold(p.read_text("utf-8")) for p in first.files]
    folded = [search_fold(t) for t in texts]
    for query in first.queries:
        if query.kind == "no-hit":
            assert not scan(pages, query), query.text
        else:
            assert scan(folded, query), query.text  # drawn from the stories: they hit
        if query.kind == "two-char":
            assert len(query.text) == 2
        if query.kind == "and":
            assert len(query.pieces) == 2


def test_generator_skips_without_devdata(tmp_path: Path) -> None:
    assert generate(tmp_path / "nothing", tmp_path / "pages", 10) is None
    assert not (tmp_path / "pages").exists()


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads Linux /proc")
def test_watcher_sees_the_peak_of_a_child_process() -> None:
    # The parent stays small; its child holds 150 MB for a moment, as an import worker would.
    child = "b = bytearray(150 * 2**20); import time; time.sleep(0.5)"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    run = run_watched([sys.executable, "-c", parent])
    assert run.returncode == 0
    assert len(run.processes) == 2
    assert run.largest_child_mb is not None and run.largest_child_mb >= 150
    assert run.main_mb < 100
    assert run.peak_mb == run.largest_child_mb
