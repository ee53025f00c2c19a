"""Importing what is not a page, or not quite one: pipes, devices and huge files are skipped
without being read; UTF-16 without a byte-order mark, cp1252 and a cut-off file are read right
or reported, never stored as mojibake."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.pages import FULLWIDTH_PAGE
from viewer.archive import Archive
from viewer.cli import main
from viewer.ingest import MAX_BYTES, read_page, split_page
from viewer.ingest.files import FileTooLarge, NotRegularFile, read_bounded, sha256_bounded

WESTERN_PAGE = """Zürich Daily – Local News

Café reopens in the old town
The café at Münsterhof reopened on Monday. “We are déjà fully booked,” said the owner, Renée
Müller. The façade was restored for 12,000 €; the crème brûlée is back on the menu.

Straße closed for repairs
Bahnhofstraße will be closed from 3 to 5 May. Buses run via Löwenplatz.
"""


# `python -m viewer` with its address space capped first (set in the child itself: preexec_fn
# is unsafe in a process with threads).
_RUN_VIEWER_WITH_MEMORY_CAP = (
    "import resource, runpy, sys; "
    "resource.setrlimit(resource.RLIMIT_AS, (4 * 1024**3, 4 * 1024**3)); "
    "sys.argv = sys.argv[1:]; "
    "runpy.run_module('viewer', run_name='__main__', alter_sys=True)"
)


def _run_cli_measured(tmp_path: Path, *args: str, timeout: float) -> tuple[int, str, str, int]:
    """(exit code, stdout, stderr, peak RSS in KiB) of `viewer ...` in a child process, killed
    after `timeout` seconds (exit code -9) so a hang fails the test instead of the run. Its
    address space is capped at 4 GB: a regression that reads /dev/zero must fail here, not
    take the machine's memory."""
    out_path, err_path = tmp_path / "stdout", tmp_path / "stderr"
    argv = ["viewer", "--archive", str(tmp_path / "archive"), *args]
    command = [sys.executable, "-c", _RUN_VIEWER_WITH_MEMORY_CAP, *argv]
    with out_path.open("wb") as out, err_path.open("wb") as err:
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=REPO)
    killer = threading.Timer(timeout, child.kill)
    killer.start()
    try:
        # wait4 gives this child's own peak memory (ru_maxrss), not that of all children.
        _, status, usage = os.wait4(child.pid, 0)
    finally:
        killer.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)
    read = lambda path: path.read_text("utf-8", errors="replace")  # noqa: E731
    return child.returncode, read(out_path), read(err_path), usage.ru_maxrss


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_pipes_devices_and_huge_files_are_skipped_without_reading_them(tmp_path, seeds_dir):
    folder = tmp_path / "pages"
    folder.mkdir()
    page = sorted(seeds_dir.glob("*.txt"))[0]
    (folder / "page.txt").write_bytes(page.read_bytes())
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would wait for a writer for ever
    (folder / "zero.txt").symlink_to("/dev/zero")  # never ends
    huge = folder / "huge.txt"
    huge.write_bytes(b"")
    os.truncate(huge, 2 * 1024**3)  # sparse: 2 GB to read, nothing on disk
    named_pipe = tmp_path / "named.txt"
    os.mkfifo(named_pipe)

    code, out, err, peak_kib = _run_cli_measured(
        tmp_path, "import", str(folder), str(named_pipe), timeout=180
    )

    assert code != -9, "the import hung"
    assert code == 1, err
    assert "导入 1 个" in out and "跳过 4 个" in out
    lines = err.splitlines()
    for name in ("pipe.txt", "zero.txt", "named.txt"):
        line = next(line for line in lines if name in line)
        assert "不是普通文件" in line and "not_regular" in line
    assert any("huge.txt" in line and "文件太大" in line for line in lines)
    # Reading the 2 GB file whole, as the hashing did, costs 2 GB; an import of one page about
    # 300 MB (jieba, Whoosh).
    assert peak_kib < 1024 * 1024, f"peak RSS {peak_kib // 1024} MB"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_bounded_reads_refuse_pipes_devices_and_huge_files(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    for path in (pipe, zero, tmp_path):
        with pytest.raises(NotRegularFile):
            read_bounded(path, 1024)
        with pytest.raises(NotRegularFile):
            sha256_bounded(path, 1024)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"")
    os.truncate(huge, 2 * 1024**3)
    for read in (read_bounded, sha256_bounded):
        with pytest.raises(FileTooLarge):
            read(huge, MAX_BYTES)
    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * (3 * 1024 * 1024))  # hashed in chunks, up to the cap exactly
    assert sha256_bounded(small, 3 * 1024 * 1024) == hashlib.sha256(small.read_bytes()).hexdigest()
    with pytest.raises(FileTooLarge):
        sha256_bounded(small, 3 * 1024 * 1024 - 1)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_imports_the_right_stories(tmp_path, codec):
    path = tmp_path / "pages" / "page.txt"
    path.parent.mkdir()
    path.write_bytes(FULLWIDTH_PAGE.encode(codec))
    with Archive(tmp_path / "archive") as archive:
        report = archive.import_paths([path.parent], workers=0)
        assert (report.imported, report.skipped) == (1, [])
        assert report.warnings == []
        stored = archive.store.stored_file(str(path))
        titles = [s["title"] for s in archive.stories()]
    assert stored["encoding"] == codec
    assert stored["text"] == FULLWIDTH_PAGE
    assert titles == [s.title for s in split_page(FULLWIDTH_PAGE)]
    assert "退耕还林\u3000一山一景" in titles


def test_cp1252_file_imports_as_cp1252(tmp_path):
    path = tmp_path / "zurich.txt"
    path.write_bytes(WESTERN_PAGE.encode("cp1252"))
    with Archive(tmp_path / "archive") as archive:
        report = archive.import_paths([path], workers=0)
        stored = archive.store.stored_file(str(path))
    assert (report.imported, report.skipped) == (1, [])
    assert (stored["encoding"], stored["text"]) == ("cp1252", WESTERN_PAGE)


def test_truncated_utf8_is_imported_without_the_broken_tail_and_reported(
    tmp_path, capsys, seeds_dir
):
    text = sorted(seeds_dir.glob("*.txt"))[0].read_text("utf-8").rstrip() + "\n（记者　郑明）"
    path = tmp_path / "cut.txt"
    path.write_bytes(text.encode("utf-8")[:-1])  # the file ends inside "）"

    code = main(["--archive", str(tmp_path / "archive"), "import", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "导入 1 个" in out
    assert f"注意 {path}" in err and "不完整" in err and "truncated" in err

    with Archive(tmp_path / "archive") as archive:
        stored = archive.store.stored_file(str(path))
        logged = list(archive.store.db.query("select path, code from import_errors"))
    assert stored["encoding"] == "utf-8"
    assert stored["text"] == text[:-1]
    assert logged == [{"path": str(path), "code": "truncated"}]
    assert read_page(path).warnings == ["truncated"]
