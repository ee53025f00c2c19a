"""Opening the index as a reader while another process writes to it.

`SearchIndex.open` may create or replace the index, which only the archive's writer may do. A
reader opens what the writer last committed and never changes a file; whoosh's table of contents
may be replaced between listing and reading it (a commit), so a failed open is tried again.
"""

from __future__ import annotations

import time
from pathlib import Path

from viewer.search.index import IndexUnavailable, SearchIndex, open_whoosh

OPEN_ATTEMPTS = 20
OPEN_RETRY_DELAY = 0.05  # seconds; a commit replaces the table of contents in milliseconds


def open_committed(path: Path) -> SearchIndex:
    """The index in `path` as last committed, read-only in effect. Raises IndexUnavailable."""
    for attempt in range(OPEN_ATTEMPTS):
        try:
            return SearchIndex(path, open_whoosh(path))
        except Exception as err:  # missing, replaced mid-read, or being rebuilt
            if attempt == OPEN_ATTEMPTS - 1:
                raise IndexUnavailable(
                    f"另一个程序正在建立检索索引，请稍后再试（{path}：{err}）"
                ) from err
            time.sleep(OPEN_RETRY_DELAY)
    raise AssertionError("unreachable")
