"""First start of the packaged program: a writable copy of the bundled sample archive.

The bundle ships the seed pages already imported (`seed-archive/`, built by `make package`). The
bundle itself is never written to: on first start the archive is copied into the user data folder
as the sample archive (`paths.sample_archive_dir`), apart from the user's own archives, so demo
stories never mix with an office's pages. From a source checkout there is no bundled archive and
nothing happens (the sample archive is built from `seeds/` instead, see archive.ensure_seeded).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from viewer import paths

BUNDLED_ARCHIVE = "seed-archive"


def bundled_archive() -> Path | None:
    """The prebuilt seed archive inside the bundle, or None (source checkout, or left out)."""
    if not paths.is_frozen():
        return None
    folder = paths.resource_path(BUNDLED_ARCHIVE)
    return folder if (folder / "archive.db").is_file() else None


def install_archive(target: Path, bundled: Path | None) -> bool:
    """Copy `bundled` to `target` if `target` holds no archive yet; True if it copied.

    The copy is made beside `target` and renamed into place, so an interrupted first start leaves
    no half-copied archive behind (the next start simply copies again).
    """
    if bundled is None or (target / "archive.db").exists():
        return False
    if target.exists() and any(target.iterdir()):
        return False  # something else lives there: never overwrite the user's files
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".archive-", dir=target.parent))
    try:
        copy = staging / "archive"
        shutil.copytree(bundled, copy)
        if target.exists():
            target.rmdir()  # the empty folder checked above
        copy.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return True


def prepare_sample_archive() -> bool:
    """On the packaged program's first start, copy the bundled sample archive into place."""
    return install_archive(paths.sample_archive_dir(), bundled_archive())
