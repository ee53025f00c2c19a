"""`viewer --version` and `viewer --smoke-test` from source, and the first-start archive copy.

The same smoke test runs against the built bundle in `make package-test`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib

from tests.conftest import REPO
from tests.pages import write_pages
from viewer import firstrun
from viewer.archive import Archive


def run_viewer(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "viewer", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        cwd=REPO,
    )


def test_version_is_the_one_in_pyproject():
    with open(REPO / "pyproject.toml", "rb") as f:
        version = tomllib.load(f)["project"]["version"]
    done = run_viewer("--version", env={})
    assert done.returncode == 0
    assert done.stdout.strip() == f"viewer {version}"


def test_smoke_test_passes_and_leaves_the_archive_unchanged(tmp_path, jieba_cache):
    # The archive a first start opens: the sample archive (no --archive, no VIEWER_ARCHIVE).
    archive_dir = tmp_path / "sample-archive"
    env = {
        "VIEWER_SAMPLE_ARCHIVE": str(archive_dir),
        "VIEWER_ARCHIVE": "",
        "VIEWER_CACHE": str(jieba_cache),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = run_viewer("--smoke-test", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    steps = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("ok ")]
    assert steps == ["archive", "search", "story", "import", "window"]
    assert done.stdout.rstrip().endswith("smoke test passed")
    # The empty archive was built from the seeds; the test page went into a temporary copy only.
    with Archive(archive_dir) as archive:
        assert len(archive.stories()) > 0
        assert archive.search("邻里书屋") == []


def test_the_sample_pages_never_enter_an_archive_the_user_named(tmp_path, jieba_cache):
    own = tmp_path / "own"
    env = {"VIEWER_ARCHIVE": str(own), "VIEWER_CACHE": str(jieba_cache), "DISPLAY": ""}
    done = run_viewer("--smoke-test", env=env)
    assert done.returncode == 1 and "holds no stories" in done.stdout
    done = run_viewer(env={**env, "QT_QPA_PLATFORM": ""})  # no display: the tree, not seeded
    assert done.returncode == 0 and "档案是空的" in done.stdout
    with Archive(own) as archive:
        assert archive.stories() == []
    done = run_viewer("--sample", "search", "社区", "--json", env=env)
    assert done.returncode == 0 and len(json.loads(done.stdout)) > 0
    assert Archive(own).stories() == []


def test_smoke_test_fails_on_an_archive_it_cannot_use(tmp_path, jieba_cache):
    archive_dir = tmp_path / "archive"
    archive_dir.write_text("not a folder", encoding="utf-8")
    env = {"VIEWER_ARCHIVE": str(archive_dir), "VIEWER_CACHE": str(jieba_cache)}
    done = run_viewer("--smoke-test", env=env)
    assert done.returncode != 0


def test_first_start_copies_the_bundled_archive_once(tmp_path):
    bundled = tmp_path / "bundle" / "seed-archive"
    pages = write_pages(tmp_path / "pages")
    with Archive(bundled) as archive:
        archive.import_paths([pages["street"]], workers=0)
        count = len(archive.stories())
    target = tmp_path / "user" / "data" / "archive"

    assert firstrun.install_archive(target, bundled) is True
    with Archive(target) as archive:
        assert len(archive.stories()) == count
        archive.import_paths([pages["caption"]], workers=0)  # the copy grows; the bundle does not
        grown = len(archive.stories())
    assert grown > count
    assert firstrun.install_archive(target, bundled) is False  # never replaces the user's archive
    with Archive(target) as archive:
        assert len(archive.stories()) == grown
    with Archive(bundled) as archive:
        assert len(archive.stories()) == count
    assert [p.name for p in target.parent.iterdir()] == ["archive"]  # no staging folder left


def test_first_start_leaves_a_folder_with_other_files_alone(tmp_path):
    bundled = tmp_path / "seed-archive"
    with Archive(bundled) as archive:
        archive.import_paths([write_pages(tmp_path / "pages")["street"]], workers=0)
    target = tmp_path / "archive"
    target.mkdir()
    (target / "notes.txt").write_text("用户自己的文件", encoding="utf-8")
    assert firstrun.install_archive(target, bundled) is False
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert firstrun.install_archive(tmp_path / "other", None) is False
    assert not (tmp_path / "other").exists()


def test_no_bundled_archive_when_running_from_source():
    assert firstrun.bundled_archive() is None
