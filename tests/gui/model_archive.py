"""A seeded archive for the model tests (a helper module, not a conftest, so the fixtures stay
local to the model test files)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.archive import Archive


def seeded_archive(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[Archive]:
    archive = Archive(tmp_path_factory.mktemp("gui_models") / "a")
    archive.import_paths([seeds_dir], workers=0)
    yield archive
    archive.close()
