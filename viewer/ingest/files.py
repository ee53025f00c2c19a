"""Reading a user's file only when it is a regular file under a size cap, without ever blocking.

A named pipe called `page.txt` blocks `open()` until a writer appears (for ever, in practice), a
device such as /dev/zero never ends, and a 2 GB file read whole costs 2 GB of memory before any
cap is checked. So every read of a page, a sidecar or a file to hash goes through here: `stat`
first (following symlinks), a non-blocking open, `fstat` again on what was opened (the path may
have been swapped since), and reads that stop one byte past the cap.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

_CHUNK = 1 << 20  # hashing reads this much at a time, so its memory does not grow with the file
# O_NONBLOCK makes opening a named pipe return at once instead of waiting for a writer; it
# changes nothing for regular files. Windows has neither it nor pipes in the file system.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """A named pipe, device, socket or folder where a file was expected."""


class FileTooLarge(OSError):
    """A file bigger than the cap; `size` is what stat said (or the cap + 1 when it grew)."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(f"{path}: {size} bytes, more than {limit}")
        self.size = size
        self.limit = limit


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`. Raises NotRegularFile, FileTooLarge
    or another OSError; never blocks on a pipe or reads past the cap."""
    with _open_regular(path, max_bytes) as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # grew after the stat
        raise FileTooLarge(str(path), len(data), max_bytes)
    return data


def sha256_bounded(path: Path, max_bytes: int) -> str:
    """SHA-256 of a regular file of at most `max_bytes`, read in chunks (memory stays small).
    Raises like `read_bounded`."""
    digest = hashlib.sha256()
    read = 0
    with _open_regular(path, max_bytes) as handle:
        while chunk := handle.read(min(_CHUNK, max_bytes + 1 - read)):
            read += len(chunk)
            if read > max_bytes:
                raise FileTooLarge(str(path), read, max_bytes)
            digest.update(chunk)
    return digest.hexdigest()


def _open_regular(path: Path, max_bytes: int) -> BinaryIO:
    _check(path, os.stat(path), max_bytes)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        _check(path, os.fstat(fd), max_bytes)
    except OSError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _check(path: Path, info: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise NotRegularFile(f"{path}: not a regular file")
    if info.st_size > max_bytes:
        raise FileTooLarge(str(path), info.st_size, max_bytes)
