"""The search index survives interruptions and damage: a killed or interrupted import is repaired,
damaged index files are found by `check` and rebuilt, a missing index is rebuilt with progress.

Everything is real: CLI imports in subprocesses killed with real signals, real whoosh files
overwritten or cut short on disk.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.corpus import make_page, seed_paragraphs, write_corpus
from viewer.archive import INDEX_DIR, INDEX_DIRTY, Archive
from viewer.cli import main
from viewer.search.integrity import manifest_path
from viewer.search.schema import INDEX_NAME

REPO = Path(__file__).resolve().parent.parent
QUERIES = ["社区", "居民", "志愿服务", "垃圾分类", "党支部书记", "老旧小区", "义诊", "万元"]


def cli(archive: Path, *args: str, commit_every: int = 20, **popen: object) -> subprocess.Popen:
    """`python -m viewer --archive ARCHIVE ARGS` in a subprocess that imports this checkout."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "VIEWER_INDEX_COMMIT_STORIES": str(commit_every),
    }
    command = [sys.executable, "-m", "viewer", "--archive", str(archive), *args]
    return subprocess.Popen(command, env=env, text=True, **popen)  # type: ignore[call-overload]


def run_cli(archive: Path, *args: str) -> subprocess.CompletedProcess:
    proc = cli(archive, *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def stored_stories(archive: Path) -> list[tuple[str, int]]:
    """(file path, story seq) of every stored story, duplicates kept."""
    db = sqlite3.connect(archive / "archive.db")
    try:
        rows = db.execute(
            "select f.path, s.seq from stories s join files f on f.id = s.file_id"
        ).fetchall()
    finally:
        db.close()
    return sorted(rows)


def hits(archive: Archive) -> dict[str, set[int]]:
    return {q: {r["id"] for r in archive.search(q, limit=10_000)} for q in QUERIES}


def import_until(archive: Path, pages: Path, rng: random.Random, how: str) -> bool:
    """Start an import and stop it at a random point (after a random file, then a random few
    milliseconds: between documents, inside a store transaction or inside an index commit) with
    SIGKILL (`how` "kill"), Ctrl-C ("int") or two Ctrl-C ("int2"). Returns True if a SIGKILL
    stopped the process before it finished on its own."""
    proc = cli(archive, "import", "-v", str(pages), stderr=subprocess.PIPE)
    target = None
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if not line.startswith("["):
                continue
            done, total = map(int, line[1 : line.index("]")].split("/"))
            if target is None:
                target = rng.randint(done, max(done, total - 1))
            if done >= target:
                time.sleep(rng.uniform(0, 0.08))
                break
        if proc.poll() is not None:
            return False
        if how == "kill":
            proc.send_signal(signal.SIGKILL)
        else:  # Ctrl-C, and for "int2" a second one while the first is being handled
            proc.send_signal(signal.SIGINT)
            if how == "int2":
                time.sleep(rng.uniform(0, 0.05))
                proc.send_signal(signal.SIGINT)
        return proc.wait(timeout=60) != 0 and how == "kill"
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stderr.close()


@pytest.mark.slow
def test_imports_killed_at_random_points_lose_and_duplicate_nothing(tmp_path, capsys):
    rng = random.Random(20261130)
    pages = tmp_path / "pages"
    files = write_corpus(pages, 160, per_page=5, seed=7)
    paragraphs = seed_paragraphs()
    archive = tmp_path / "archive"
    kills = repairs = rounds = 0
    while kills < 10:
        rounds += 1
        assert rounds <= 30, f"only {kills} imports were killed before finishing"
        # Changed files make every round replace stories as well as add them.
        for path in rng.sample(files, 6):
            path.write_text(make_page(rng, paragraphs, rng.randint(3, 6)), "utf-8")
        how = {4: "int", 8: "int2"}.get(rounds, "kill")
        kills += import_until(archive, pages, rng, how)
        # `viewer check --repair` (in this process, to save a start-up per round) exits 0 only
        # if the check after its repair finds the database and the index agreeing.
        code = main(["--archive", str(archive), "check", "--repair"])
        out = capsys.readouterr().out
        assert code == 0, out
        repairs += "已修复" in out
    # Most stops land mid-import (the interrupted flag set, index behind the database).
    assert repairs >= rounds - 2

    final = run_cli(archive, "import", str(pages))
    assert final.returncode == 0, final.stderr
    assert main(["--archive", str(archive), "check"]) == 0
    clean = tmp_path / "clean"
    with Archive(clean) as fresh:
        fresh.import_paths([pages], workers=0)
    stories = stored_stories(archive)
    assert len(stories) == len(set(stories)), "a story was stored twice"
    assert stories == stored_stories(clean)


@pytest.fixture(scope="module")
def built_archive(tmp_path_factory, seeds_dir, jieba_cache) -> Path:
    folder = tmp_path_factory.mktemp("built")
    write_corpus(folder / "pages", 120, per_page=6, seed=11)
    root = folder / "archive"
    with Archive(root) as archive:
        archive.import_paths([seeds_dir, folder / "pages"], workers=0)
    return root


@pytest.fixture
def small_archive(built_archive, tmp_path) -> Path:
    """A copy of one small archive (about 160 stories in one index segment) to damage."""
    return Path(shutil.copytree(built_archive, tmp_path / "archive"))


def segment_file(root: Path) -> Path:
    (segment,) = (root / INDEX_DIR).glob(f"{INDEX_NAME}_*.seg")
    return segment


def test_overwritten_segment_bytes_are_found_and_rebuilt(small_archive):
    with Archive(small_archive) as archive:
        expected = hits(archive)
        assert archive.check().ok
    segment = segment_file(small_archive)
    with segment.open("r+b") as f:
        f.seek(segment.stat().st_size // 2)
        f.write(b"\xa5" * 64)
    with Archive(small_archive) as archive:
        report = archive.check()
        assert report.damage and not report.ok
        archive.repair(report)
        assert archive.check().ok
        assert not segment.exists()  # rebuilt from the database, not from the damaged file
        assert hits(archive) == expected


def test_truncated_segment_is_found_and_rebuilt(small_archive, capsys):
    with Archive(small_archive) as archive:
        expected = hits(archive)
    segment = segment_file(small_archive)
    with segment.open("r+b") as f:
        f.truncate(segment.stat().st_size // 2)
    assert main(["--archive", str(small_archive), "check"]) == 1
    assert "索引文件损坏" in capsys.readouterr().out
    assert main(["--archive", str(small_archive), "check", "--repair"]) == 0
    assert "已修复" in capsys.readouterr().out
    with Archive(small_archive) as archive:
        assert archive.check().ok
        assert hits(archive) == expected


def test_search_over_a_truncated_segment_does_not_crash(small_archive):
    with Archive(small_archive) as archive:
        expected = hits(archive)
    segment = segment_file(small_archive)
    with segment.open("r+b") as f:
        f.truncate(segment.stat().st_size - 100)
    with Archive(small_archive) as archive:
        assert archive.index.damage  # found by the sizes in the manifest, before reading
        archive.repair_index()
        assert hits(archive) == expected


def test_missing_index_is_rebuilt_with_progress(small_archive, capsys, monkeypatch):
    monkeypatch.setattr("viewer.archive.INDEX_BATCH_STORIES", 50)
    with Archive(small_archive) as archive:
        expected = hits(archive)
        total = archive.check().stories
    shutil.rmtree(small_archive / INDEX_DIR)
    with Archive(small_archive) as archive:
        assert archive.index_needs_repair()
        steps = []
        assert archive.repair_index(progress=steps.append)
        assert [s.done for s in steps] == sorted(s.done for s in steps)
        assert steps[-1].done == steps[-1].total == total and len(steps) > 1
        assert hits(archive) == expected
    shutil.rmtree(small_archive / INDEX_DIR)
    assert main(["--archive", str(small_archive), "check", "--repair"]) == 0
    err = capsys.readouterr().err
    assert f"正在建立索引：{total}/{total} 篇" in err


def test_a_search_over_a_missing_index_rebuilds_it_with_progress(small_archive, capsys):
    with Archive(small_archive) as archive:
        total = archive.check().stories
    assert main(["--archive", str(small_archive), "search", "社区", "--json"]) == 0
    expected = capsys.readouterr().out
    shutil.rmtree(small_archive / INDEX_DIR)
    assert main(["--archive", str(small_archive), "search", "社区", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "检索索引需要修复" in err and f"正在建立索引：{total}/{total} 篇" in err
    assert out == expected
    assert main(["--archive", str(small_archive), "search", "社区"]) == 0
    assert "正在建立索引" not in capsys.readouterr().err  # once repaired, searches just search


def test_reindex_reports_progress_and_ignores_a_damaged_index(small_archive, capsys):
    (small_archive / INDEX_DIR / f"_{INDEX_NAME}_1.toc").write_bytes(b"\x80\x04garbage")
    manifest_path(small_archive / INDEX_DIR, INDEX_NAME).unlink()
    assert main(["--archive", str(small_archive), "reindex"]) == 0
    out, err = capsys.readouterr()
    assert "已重建索引" in out and "正在建立索引" in err
    assert main(["--archive", str(small_archive), "check"]) == 0


def test_interrupted_import_keeps_the_flag_and_commits_nothing_half_done(tmp_path, seeds_dir):
    pages = tmp_path / "pages"
    write_corpus(pages, 60, per_page=6, seed=5)
    root = tmp_path / "archive"
    with Archive(root) as archive:
        archive.import_paths([seeds_dir], workers=0)
        before = archive.index.revisions()

        def interrupt(step: object) -> None:
            if step.done == 4:
                raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            archive.import_paths([pages], progress=interrupt, workers=0)
        assert archive.store.get_meta(INDEX_DIRTY) is not None
        assert archive.index.revisions() == before  # the pending batch was dropped, not committed
    with Archive(root) as archive:
        report = archive.check()
        assert report.interrupted and report.missing and not report.damage
        assert archive.repair_index()
        assert archive.check().ok
        assert archive.store.get_meta(INDEX_DIRTY) is None


@pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("unshare"), reason="a read-only bind mount needs root"
)
def test_a_damaged_index_on_a_read_only_mount_gets_a_clear_message(small_archive):
    segment = segment_file(small_archive)
    with segment.open("r+b") as f:
        f.truncate(1000)
    folder = small_archive / INDEX_DIR
    probe = (
        "from pathlib import Path\n"
        "from viewer.search.index import IndexDamagedError, SearchIndex\n"
        "try:\n"
        f"    SearchIndex.open(Path({str(folder)!r}))\n"
        "except IndexDamagedError as err:\n"
        "    print(err)\n"
    )
    script = (
        f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && '
        f'"{sys.executable}" -c "$PROBE"'
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "PROBE": probe}
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", script], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "检索索引已损坏" in done.stdout and segment.name in done.stdout
    assert "viewer check --repair" in done.stdout
    assert segment.stat().st_size == 1000  # nothing was written
