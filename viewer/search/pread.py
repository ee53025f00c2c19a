"""Index files read with `os.pread`: one system call per read, no Python file layers.

Without memory mapping (see `index.storage`), whoosh reads a segment through three Python
layers per read: StructFile.get -> seek + read -> the compound file's SubFile.seek + read ->
the buffered file's seek + read. A search makes thousands of such small reads (a term look-up
is three or four of them), and at about 3 µs each they were a seventh of a long phrase's time.
Here `get`, which the term dictionary and posting readers use, is a single `os.pread` at the
file's base offset, and sub-files of a compound segment share the descriptor (pread has no
file position, so nothing is shared but the descriptor). Where there is no pread (Windows),
`index.storage` keeps whoosh's own files.
"""

from __future__ import annotations

import os

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile

READ_AHEAD = 4096


class _Span:
    """A read-only byte range of an open descriptor, with a position, as a file object."""

    def __init__(self, fd: int, start: int, length: int, owner: bool) -> None:
        self.fd = fd
        self.start = start
        self.length = length
        self.pos = 0
        self.owner = owner  # closes the descriptor (the whole file, not a sub-file)
        # Sequential reads (pickles, varints) come in tiny pieces: served from one read ahead.
        self._ahead = b""
        self._ahead_at = 0

    def read(self, size: int | None = -1) -> bytes:
        left = self.length - self.pos
        size = left if size is None or size < 0 else min(size, left)
        if size <= 0:
            return b""
        skip = self.pos - self._ahead_at
        if not (skip >= 0 and skip + size <= len(self._ahead)):
            chunk = min(max(size, READ_AHEAD), left)
            self._ahead = os.pread(self.fd, chunk, self.start + self.pos)
            self._ahead_at, skip = self.pos, 0
        data = self._ahead[skip : skip + size]
        self.pos += len(data)
        return data

    def readline(self) -> bytes:
        line = bytearray()
        while (char := self.read(1)) and char != b"\n":
            line += char
        return bytes(line + char)

    def seek(self, where: int, whence: int = 0) -> int:
        base = (0, self.pos, self.length)[whence]
        self.pos = base + where
        return self.pos

    def tell(self) -> int:
        return self.pos

    def close(self) -> None:
        if self.owner and self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


class PreadFile(StructFile):
    """A StructFile whose `get` is one pread (see module docstring)."""

    def __init__(self, span: _Span, name: str | None = None, onclose: object = None) -> None:
        super().__init__(span, name=name, onclose=onclose)
        self._span = span

    def get(self, position: int, length: int) -> bytes:
        span = self._span
        end = min(position + length, span.length)
        if end <= position:
            return b""
        return os.pread(span.fd, end - position, span.start + position)

    def subset(self, offset: int, length: int, name: str | None = None) -> PreadFile:
        span = self._span
        return PreadFile(_Span(span.fd, span.start + offset, length, owner=False), name=name)


class PreadStorage(FileStorage):
    """whoosh's FileStorage, its files opened for reading as `PreadFile`s."""

    def __init__(self, path: str, readonly: bool = False) -> None:
        super().__init__(path, supports_mmap=False, readonly=readonly)

    def open_file(self, name: str, onclose: object = None, **_kwargs: object) -> PreadFile:
        fd = os.open(self._fpath(name), os.O_RDONLY)
        span = _Span(fd, 0, os.fstat(fd).st_size, owner=True)
        return PreadFile(span, name=name, onclose=onclose)
