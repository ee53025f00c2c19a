"""The one place that configures jieba: cache directory, quiet logging, lazy loading.

Loading the dictionary costs about a second, so nothing here runs at import time; the first
call to `tokenizer()` pays for it (on whichever thread or process makes it). Even jieba itself
(~0.1 s: it imports pkg_resources) is imported only then, as the search index's pickled
analyzers import this module whenever the index is opened, and searching needs no jieba.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import tempfile
import threading
import time
import warnings
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from viewer import paths

if TYPE_CHECKING:
    import jieba

CHUNK = 20_000  # entries per piece: a few milliseconds of unmarshalling each
_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba tokenizer, initialised on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba = import_jieba()
                jieba.setLogLevel(logging.WARNING)
                tok = jieba.dt  # share jieba's default instance so jieba.posseg agrees with it
                cache = paths.cache_dir()
                cache.mkdir(parents=True, exist_ok=True)
                tok.tmp_dir = str(cache)
                _initialize(tok, cache)
                _tokenizer = tok
    return _tokenizer


def import_jieba() -> ModuleType:
    """The jieba module, imported on first use."""
    with warnings.catch_warnings():
        # jieba 0.42 imports setuptools' deprecated pkg_resources only to locate its own
        # dictionary; without it (as in the packaged app) it falls back to a plain file path.
        warnings.filterwarnings("ignore", "pkg_resources is deprecated", UserWarning)
        import jieba
    return jieba


def _chunk_file(tok: jieba.Tokenizer, cache: Path) -> Path:
    # Named after what it is built from: another jieba version or dictionary gets its own file.
    source = tok.dictionary or "default"
    tag = hashlib.md5(f"{import_jieba().__version__}:{source}".encode()).hexdigest()[:12]
    return cache / f"viewer-jieba-{tag}.chunks"


def _initialize(tok: jieba.Tokenizer, cache: Path) -> None:
    """Load jieba's prefix dictionary in chunks.

    jieba's own cache is one marshalled dict of ~500,000 entries; unmarshalling it holds the GIL
    for up to half a second, and the window's thread (which needs the GIL for every model call)
    stalls meanwhile. Ours holds the same dict in CHUNK-sized pieces and lets other threads run
    between them. Built once from jieba's own load, then reused.
    """
    path = _chunk_file(tok, cache)
    try:
        with path.open("rb") as f:
            total, count = marshal.load(f)
            freq: dict[str, int] = {}
            for _ in range(count):
                freq.update(marshal.load(f))
                time.sleep(0)  # release the GIL between chunks
        tok.FREQ, tok.total, tok.initialized = freq, total, True
        return
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no chunk file yet, or a damaged one: build it from jieba's own load
    tok.initialize()
    items = list(tok.FREQ.items())
    chunks = [dict(items[i : i + CHUNK]) for i in range(0, len(items), CHUNK)]
    fd, temp = tempfile.mkstemp(dir=cache, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            marshal.dump((tok.total, len(chunks)), f)
            for chunk in chunks:
                marshal.dump(chunk, f)
        os.replace(temp, path)
    except OSError:  # a read-only cache folder only costs speed
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return
    # jieba's own copy (the same 9 MB) is not read again while ours is there.
    with contextlib.suppress(OSError):
        (cache / "jieba.cache").unlink()


def cut(text: str) -> list[str]:
    """Words of `text` (precise mode, HMM on). Concatenated they give back `text`."""
    return tokenizer().lcut(text, HMM=True)


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word of `text`, in order, covering the whole string."""
    out: list[tuple[int, int]] = []
    pos = 0
    for word in tokenizer().cut(text, HMM=True):
        end = pos + len(word)
        out.append((pos, end))
        pos = end
    return out
