"""`viewer --smoke-test`: prove an installed program works, from source or from the bundle.

Each step prints one line. The archive is the one the program would open (first start included:
the bundled seed archive is copied into the user data folder first); it is only read. The import
step writes into a temporary copy of it, so running the check never adds pages to a real archive.
Last, the real main window is built (offscreen when there is no display) and must show the tree.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from viewer import app_version, paths
from viewer.archive import Archive, SearchHit, ensure_seeded

# A small page written for this check (invented names and places, not from any real paper), in
# the file-name style that carries its date.
PAGE_NAME = "松川日报_2023-04-18_A02.txt"
PAGE_TEXT = (
    "鹭洲街道 银杏社区开设“邻里书屋”\n\n"
    "本报讯 4月16日，松川市鹭洲街道银杏社区“邻里书屋”正式开放，首批上架图书1500册。"
    "社区党委书记方静怡说：“书屋每天开放到晚上九点，方便上班族借阅。”"
    "咨询电话：0591-6627315。\n\n"
    "记者 韩子墨\n"
)
PAGE_QUERY = "邻里书屋"
# A word every local-news archive has many stories about; found in the seed pages too.
ARCHIVE_QUERY = "社区"
WINDOW_TIMEOUT_S = 60.0


class SmokeFailure(Exception):
    """A step did not produce what it should have."""


def _step(name: str, action: Callable[[], str]) -> None:
    start = time.perf_counter()
    detail = action()
    print(f"ok   {name:<8} {detail} ({time.perf_counter() - start:.2f} s)", flush=True)


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def run(archive_dir: Path, *, window: bool = True) -> int:
    """Run every step on the archive in `archive_dir`; 0 if all passed, 1 otherwise."""
    print(f"viewer {app_version()} smoke test: archive {archive_dir}", flush=True)
    try:
        with Archive(archive_dir) as archive:
            _step("archive", lambda: _open(archive))
            hits: list[SearchHit] = []
            _step("search", lambda: _search(archive, hits))
            _step("story", lambda: _story_with_facts(archive, hits))
        _step("import", lambda: _import_into_copy(archive_dir))
        if window:
            _step("window", lambda: _window(archive_dir))
    except SmokeFailure as err:
        print(f"FAIL {err}", flush=True)
        return 1
    print("smoke test passed", flush=True)
    return 0


def _is_sample(folder: Path) -> bool:
    return folder.resolve() == paths.sample_archive_dir().resolve()


def _open(archive: Archive) -> str:
    # From a source checkout the sample archive is built from the seeds, as the window would;
    # no other archive ever is.
    if _is_sample(archive.root):
        ensure_seeded(archive, paths.seeds_dir())
    count = len(archive.stories())
    _check(count > 0, f"the archive at {archive.root} holds no stories")
    return f"{count} stories"


def _search(archive: Archive, hits: list[SearchHit]) -> str:
    hits.extend(archive.search(ARCHIVE_QUERY, limit=20))
    _check(bool(hits), f"searching {ARCHIVE_QUERY!r} found nothing")
    _check("**" in hits[0]["snippet"], "the first result's snippet marks no hit")
    return f"{ARCHIVE_QUERY!r}: {len(hits)} results"


def _story_with_facts(archive: Archive, hits: list[SearchHit]) -> str:
    for hit in hits:
        story = archive.story(hit["id"])
        if story and story["facts"]:
            kinds = sorted({f["kind"] for f in story["facts"]})
            return f"#{story['id']}: {len(story['facts'])} facts ({', '.join(kinds)})"
    raise SmokeFailure("none of the search results has any facts")


def _import_into_copy(archive_dir: Path) -> str:
    with tempfile.TemporaryDirectory(prefix="viewer-smoke-") as tmp:
        copy = Path(tmp) / "archive"
        shutil.copytree(archive_dir, copy)
        pages = Path(tmp) / "pages"
        pages.mkdir()
        (pages / PAGE_NAME).write_text(PAGE_TEXT, encoding="utf-8")
        with Archive(copy) as archive:
            before = len(archive.stories())
            report = archive.import_paths([pages], workers=0)
            _check(report.imported == 1 and not report.skipped, f"import failed: {report}")
            found = archive.search(PAGE_QUERY)
            _check(
                any(r["source_file"].endswith(PAGE_NAME) for r in _with_files(archive, found)),
                f"the imported page is not found by {PAGE_QUERY!r}",
            )
            after = len(archive.stories())
        return f"{report.stories} new stories ({before} → {after}), found by search"


def _with_files(archive: Archive, results: list[SearchHit]) -> list[dict]:
    """Search results carry no file name; the story list does."""
    ids = {r["id"] for r in results}
    return [s for s in archive.stories() if s["id"] in ids]


def _window(archive_dir: Path) -> str:
    if sys.platform.startswith("linux") and not any(
        os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen: Qt would abort otherwise
    from viewer.gui.smoke import open_main_window  # Qt is loaded only for this step

    try:
        seeds = paths.seeds_dir() if _is_sample(archive_dir) else None
        places, stories = open_main_window(archive_dir, seeds, WINDOW_TIMEOUT_S)
    except TimeoutError as err:
        raise SmokeFailure(str(err)) from err
    return f"{places} top-level places, {stories} stories listed"
