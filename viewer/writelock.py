"""The archive's single-writer lock: one process at a time imports, reanalyses or rebuilds.

A lock file in the archive folder is locked by the operating system (`flock` on POSIX,
`msvcrt.locking` on Windows), so the lock goes away by itself when its process dies, however it
dies. Whoever holds it writes into the file who they are (process, host, start time, command),
so a second writer can say who it is waiting for. The file itself is never deleted: removing a
locked file would let two processes lock two different files of the same name.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

LOCK_FILE = "writer.lock"
# Windows locks byte ranges and a locked range cannot be read by anyone else: lock one byte far
# past the holder's description so other processes can still read who holds it.
_LOCK_OFFSET = 1 << 20
WAIT_STEP = 0.1  # seconds between attempts while waiting


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as it wrote itself into the lock file."""

    pid: int
    host: str
    started: str  # local time, "2026-11-30 02:31:05"
    command: str  # the process's command line: "viewer import pages/"
    action: str  # what it does to the archive: "导入"

    def describe(self) -> str:
        """导入，进程 1234，开始于 2026-11-30 02:31:05，命令 viewer import pages/"""
        where = "" if self.host == socket.gethostname() else f"（计算机 {self.host}）"
        parts = [self.action, f"进程 {self.pid}{where}", f"开始于 {self.started}"]
        if self.command:
            parts.append(f"命令 {self.command}")
        return "，".join(p for p in parts if p)


class ArchiveBusy(RuntimeError):
    """Another process (or another thread's Archive) is writing to the archive."""

    def __init__(self, root: Path, holder: Holder | None) -> None:
        self.root = root
        self.holder = holder
        who = holder.describe() if holder else "无法读出是哪个进程"
        super().__init__(f"另一个程序正在写入这个档案（{who}），请等它结束后再试")


class ArchiveReadOnly(RuntimeError):
    """The archive folder cannot be written (a read-only share or mount)."""

    def __init__(self, root: Path, error: OSError) -> None:
        self.root = root
        super().__init__(f"档案文件夹不可写入（{root}：{error.strerror or error}）")


def read_holder(root: Path) -> Holder | None:
    """Who holds (or last held) the lock of the archive in `root`, if the file says so."""
    try:
        with open(root / LOCK_FILE, encoding="utf-8") as f:
            data = json.loads(f.read(_LOCK_OFFSET - 1) or "null")
        return Holder(
            pid=int(data["pid"]),
            host=str(data["host"]),
            started=str(data["started"]),
            command=str(data.get("command", "")),
            action=str(data.get("action", "")),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


class WriteLock:
    """The write lock of one archive folder, for one owner (an `Archive`). Not re-entrant:
    `Archive.writing` counts nesting."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.action = ""  # what the holder is doing, for others to read: set before acquiring
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        """Take the lock if no one holds it. Raises ArchiveReadOnly when the folder cannot be
        written at all."""
        if self._fd is not None:
            raise RuntimeError("the write lock is already held")
        try:
            fd = os.open(self.root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as err:
            raise ArchiveReadOnly(self.root, err) from err
        if not _lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        self._describe_self(fd)
        return True

    def acquire(
        self,
        timeout: float | None = 0.0,
        on_wait: Callable[[Holder | None], None] | None = None,
    ) -> None:
        """Take the lock, waiting up to `timeout` seconds (None: as long as it takes); calls
        `on_wait` once if it has to wait. Raises ArchiveBusy naming the holder."""
        deadline = None if timeout is None else time.monotonic() + timeout
        waited = False
        while not self.try_acquire():
            if deadline is not None and time.monotonic() >= deadline:
                raise ArchiveBusy(self.root, _current_holder(self.root))
            if not waited and on_wait is not None:
                on_wait(_current_holder(self.root))
            waited = True
            time.sleep(WAIT_STEP)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # a stale description would name a process long gone
        _unlock(fd)
        os.close(fd)

    def _describe_self(self, fd: int) -> None:
        holder = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
            "command": default_command(),
            "action": self.action,
        }
        data = json.dumps(holder, ensure_ascii=False).encode("utf-8")[: _LOCK_OFFSET - 1]
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, data)


def _current_holder(root: Path) -> Holder | None:
    """The holder's description; a holder that has just taken the lock may not have written it
    yet, so look twice."""
    holder = read_holder(root)
    if holder is None:
        time.sleep(0.05)
        holder = read_holder(root)
    return holder


def default_command() -> str:
    """What this process is, for the holder's description: `viewer import …`."""
    args = sys.argv[1:]
    words = ["viewer", *args] if args else [Path(sys.argv[0] or "python").name]
    text = " ".join(words)
    return text if len(text) <= 120 else text[:119] + "…"


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> bool:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> bool:
        # flock, not fcntl/lockf: its locks belong to the open file, so a second Archive in the
        # same process (the window's reader beside its import) is refused too.
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
