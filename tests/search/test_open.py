"""How the index is opened: with plain file reads, never memory maps, on every path.

whoosh maps each segment file whole by default; on a 100 k-story index that made the process hold
4 GB and opening take 1.5 s (see `viewer.search.index.storage`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.search import SearchIndex, parse_query
from viewer.search.committed import open_committed

MAPS = Path("/proc/self/maps")
pytestmark = pytest.mark.skipif(not MAPS.exists(), reason="needs Linux's /proc/self/maps")


def mapped_files(folder: Path) -> list[str]:
    """Files of `folder` this process has mapped into memory."""
    prefix = str(folder.resolve())
    return [line for line in MAPS.read_text().splitlines() if prefix in line]


def test_no_index_file_is_mapped_on_any_open_path(tmp_path, corpus, jieba_ready):
    path = tmp_path / "ix"
    writable = SearchIndex.open(path)
    writable.add(corpus[:40])
    writable.commit()
    writable.add(corpus[40:])  # a second segment, and a writer that reads the first to merge
    writable.commit()
    assert writable.search(parse_query("社区"))
    assert writable._ix.storage.supports_mmap is False
    read_only = SearchIndex.open(path, read_only=True)
    committed = open_committed(path)
    for index in (read_only, committed):
        assert index.search(parse_query("社区")) == writable.search(parse_query("社区"))
        assert index._ix.storage.supports_mmap is False
    assert mapped_files(path) == []
    for index in (writable, read_only, committed):
        index.close()
