"""Where things live: the archive, the user's data and cache folders, bundled resources.

Every location is a function so tests and the command line can redirect it (environment variables
VIEWER_ARCHIVE, VIEWER_SAMPLE_ARCHIVE and VIEWER_CACHE), and so the same code works from a source
checkout and from the PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

import viewer

APP_NAME = "NewsArchiveViewer"
APP_AUTHOR = "NewsArchiveViewer"

ARCHIVE_DB = "archive.db"  # the file that makes a folder an archive

_PACKAGE_DIR = Path(__file__).resolve().parent


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def source_root() -> Path | None:
    """The repository root when running from a source checkout, else None."""
    root = _PACKAGE_DIR.parent
    if not is_frozen() and (root / "pyproject.toml").is_file():
        return root
    return None


def resource_path(*parts: str) -> Path:
    """A file shipped with the program (seeds/, resources/), from source or from the bundle."""
    base = Path(getattr(sys, "_MEIPASS", "")) if is_frozen() else _PACKAGE_DIR.parent
    return base.joinpath(*parts)


def seeds_dir() -> Path:
    return resource_path("seeds")


def default_archive_dir() -> Path:
    """VIEWER_ARCHIVE, else db/ in a source checkout, else the user data folder."""
    env = os.environ.get("VIEWER_ARCHIVE")
    if env:
        return Path(env).expanduser()
    root = source_root()
    if root is not None:
        return root / "db"
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "archive"


def sample_archive_dir() -> Path:
    """The sample archive, built from (or, packaged, shipped with) the sample pages and kept
    apart from every archive the user creates: VIEWER_SAMPLE_ARCHIVE, else sample-archive/ in a
    source checkout, else beside the default archive in the user data folder."""
    env = os.environ.get("VIEWER_SAMPLE_ARCHIVE")
    if env:
        return Path(env).expanduser()
    root = source_root()
    if root is not None:
        return root / "sample-archive"
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "sample-archive"


def is_archive(folder: Path) -> bool:
    """Whether `folder` holds an archive (its database)."""
    return (folder / ARCHIVE_DB).is_file()


def cache_dir() -> Path:
    """VIEWER_CACHE, else the user cache folder (jieba's dictionary cache goes here)."""
    env = os.environ.get("VIEWER_CACHE")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def app_version() -> str:
    """The program's version, for the window (which reaches the core only through this module,
    viewer.archive and viewer.model)."""
    return viewer.app_version()
