"""`make package`: build the packaged program into dist/ for the current system.

1. Import seeds/ into build/seed-archive (the archive the program starts with), then store the
   pages' paths relative (seeds/NAME) so no path of the build machine ends up in the bundle.
2. Run PyInstaller on packaging/viewer.spec (one folder: dist/viewer/; --onefile: dist/viewer).
   On Linux, packaging/linux/install.sh and the .desktop file are put beside the executable.
3. Print the size of the result.

Usage (from the repository root, in the venv): python packaging/build.py [--onefile]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
SEED_ARCHIVE = BUILD / "seed-archive"


def tree_size(path: Path) -> int:
    """Bytes in a file or a folder (what `du --apparent-size` would say)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_seed_archive() -> None:
    shutil.rmtree(SEED_ARCHIVE, ignore_errors=True)
    env = {
        **os.environ,
        "VIEWER_ARCHIVE": str(SEED_ARCHIVE),
        "VIEWER_CACHE": str(BUILD / "jieba-cache"),  # not the builder's own cache folder
    }
    subprocess.run(
        [sys.executable, "-m", "viewer", "import", "--workers", "0", str(ROOT / "seeds")],
        env=env,
        check=True,
        cwd=ROOT,
    )
    db = sqlite3.connect(SEED_ARCHIVE / "archive.db")
    with db:
        db.execute("update files set path = 'seeds/' || name")
        db.execute("delete from import_errors")
    db.execute("pragma wal_checkpoint(truncate)")
    db.execute("vacuum")
    db.close()
    for leftover in SEED_ARCHIVE.glob("archive.db-*"):  # WAL and shared-memory files
        leftover.unlink()
    # The import's automatic backups hold the build machine's paths, and the write lock file
    # names the build's process: neither belongs to the archive a user starts with.
    shutil.rmtree(SEED_ARCHIVE / "backups", ignore_errors=True)
    (SEED_ARCHIVE / "writer.lock").unlink(missing_ok=True)


def run_pyinstaller(onefile: bool) -> Path:
    target = DIST / "viewer"
    if target.is_dir():
        shutil.rmtree(target)
    elif target.exists():
        target.unlink()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD / "pyinstaller"),
        str(ROOT / "packaging" / "viewer.spec"),
    ]
    if onefile:
        command += ["--", "--onefile"]
    subprocess.run(command, check=True, cwd=ROOT)
    if sys.platform == "win32" and onefile:
        target = DIST / "viewer.exe"
    if sys.platform.startswith("linux") and not onefile:
        # The menu entry and the per-user installer travel beside the executable.
        for name in ("install.sh", "news-archive-viewer.desktop"):
            shutil.copy2(ROOT / "packaging" / "linux" / name, target / name)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onefile", action="store_true", help="one executable, not a folder")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    build_seed_archive()
    print(f"seed archive: {SEED_ARCHIVE} ({tree_size(SEED_ARCHIVE) / 1e6:.1f} MB)")
    target = run_pyinstaller(args.onefile)
    size = tree_size(target)
    print(
        f"built {target.relative_to(ROOT)}: {size / 2**20:.1f} MiB "
        f"in {time.perf_counter() - start:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
