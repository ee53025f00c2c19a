"""The one place that configures jieba: cache directory, quiet logging, lazy loading.

Loading the dictionary costs about a second, so nothing here runs at import time; the first
call to `tokenizer()` pays for it (on whichever thread or process makes it).
"""

from __future__ import annotations

import logging
import threading
import warnings

from viewer import paths

with warnings.catch_warnings():
    # jieba 0.42 imports setuptools' deprecated pkg_resources only to locate its own dictionary;
    # without it (as in the packaged app) it falls back to a plain file path.
    warnings.filterwarnings("ignore", "pkg_resources is deprecated", UserWarning)
    import jieba

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba tokenizer, initialised on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                jieba.setLogLevel(logging.WARNING)
                tok = jieba.dt  # share jieba's default instance so jieba.posseg agrees with it
                cache = paths.cache_dir()
                cache.mkdir(parents=True, exist_ok=True)
                tok.tmp_dir = str(cache)
                tok.initialize()
                _tokenizer = tok
    return _tokenizer


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
