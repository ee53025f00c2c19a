"""Shared fixtures. Every test runs headless and with its own user directories."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from viewer.archive import Archive

# CI runs the property tests on a fixed sequence of examples, so a submission passes or fails on
# its own merits and a failure can be replayed; development runs keep exploring new examples.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Without a display Qt aborts the whole run; set before anything imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session", autouse=True)
def jieba_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One jieba dictionary cache for the whole run (building it costs a second), set before any
    module-scoped archive fixture loads jieba."""
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VIEWER_CACHE", str(cache))
        yield cache


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, jieba_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the archive, the sample archive and the cache at temporary folders so no test
    touches a real profile."""
    archive = tmp_path / "archive"
    monkeypatch.setenv("VIEWER_ARCHIVE", str(archive))
    monkeypatch.setenv("VIEWER_SAMPLE_ARCHIVE", str(tmp_path / "sample-archive"))
    monkeypatch.setenv("VIEWER_CACHE", str(jieba_cache))
    return archive


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory, jieba_cache: Path) -> Iterator[Archive]:
    """The seed pages imported once, for tests that only read (don't write to it)."""
    archive = Archive(tmp_path_factory.mktemp("seeded") / "archive")
    archive.import_paths([SEEDS], workers=0)
    yield archive
    archive.close()


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The five seed pages by file stem prefix ("000" ... "004")."""
    return {p.name[:3]: p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))}
