"""Which archive the window shows: the recent archives, the one to start with, the sample.

The sample archive (the bundled sample pages, `paths.sample_archive_dir`) is an archive of its
own: the window seeds only that one, so demo stories never enter an archive the user created.
What the window remembers about an archive (the place and story last open) is kept per archive,
so switching archives never reopens a story id of another one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from viewer.paths import is_archive, sample_archive_dir, seeds_dir

RECENT_KEY = "archives/recent"
MAX_RECENT = 8


def _same(a: Path, b: Path) -> bool:
    return a.expanduser().resolve() == b.expanduser().resolve()


def is_sample(folder: Path) -> bool:
    return _same(folder, sample_archive_dir())


def seeds_for(folder: Path) -> Path | None:
    """The sample pages to build `folder` from if it is empty: only for the sample archive."""
    return seeds_dir() if is_sample(folder) else None


def archive_title(folder: Path) -> str:
    """How the window names an archive: the sample's own name, else its folder's."""
    if is_sample(folder):
        return QCoreApplication.translate("Archives", "示例档案")
    return folder.name or str(folder)


def recent_archives(settings: QSettings) -> list[Path]:
    """Archives opened before, the last one first; folders that hold no archive any more are
    left out (a removed USB disk, a deleted folder)."""
    value = settings.value(RECENT_KEY) or []
    names = [value] if isinstance(value, str) else list(value)
    return [Path(name) for name in names if is_archive(Path(name))]


def remember_archive(settings: QSettings, folder: Path) -> None:
    """Put `folder` first in the recent archives."""
    folder = folder.expanduser().resolve()
    value = settings.value(RECENT_KEY) or []
    names = [value] if isinstance(value, str) else list(value)
    kept = [name for name in names if not _same(Path(name), folder)]
    settings.setValue(RECENT_KEY, [str(folder), *kept][:MAX_RECENT])


def starting_archive(settings: QSettings, named: Path | None) -> Path:
    """The archive to open: the one named (command line, environment), else the last one the
    window had open, else the sample archive (a first start)."""
    if named is not None:
        return named
    recent = recent_archives(settings)
    return recent[0] if recent else sample_archive_dir()


def state_key(folder: Path, key: str) -> str:
    """A settings key for something remembered about one archive (`last/story` …)."""
    digest = hashlib.sha1(str(folder.expanduser().resolve()).encode("utf-8")).hexdigest()[:16]
    return f"archive-state/{digest}/{key}"


def new_archive_problem(folder: Path) -> str | None:
    """Why `folder` cannot become a new archive, or None: it must not exist yet or be empty."""
    if is_archive(folder):
        return QCoreApplication.translate("Archives", "这个文件夹已经是一个档案，请用“打开档案”。")
    if folder.exists() and not folder.is_dir():
        return QCoreApplication.translate("Archives", "这不是文件夹。")
    if folder.is_dir() and any(folder.iterdir()):
        return QCoreApplication.translate(
            "Archives", "文件夹里已有别的文件：新档案要放在一个空文件夹里。"
        )
    return None


def open_archive_problem(folder: Path) -> str | None:
    """Why `folder` cannot be opened as an archive, or None."""
    if not is_archive(folder):
        return QCoreApplication.translate(
            "Archives", "这个文件夹里没有档案（没有 archive.db）。要新建档案，请用“新建档案”。"
        )
    return None
