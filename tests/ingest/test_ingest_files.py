"""Choosing page files on disk and reading them, including every way a file is refused."""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import threading

import pytest

from viewer.ingest import MAX_BYTES, PAGE_SUFFIXES, RejectedFile, find_page_files, read_page

CJK = re.compile("[\u4e00-\u9fff]")


def _touch(path, text="柳塘社区开展义诊活动。"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_folders_are_searched_recursively_sorted_without_hidden_files(tmp_path):
    root = tmp_path / "pages"
    b = _touch(root / "b.txt")
    a = _touch(root / "a.md")
    nested = _touch(root / "2021" / "03" / "c.TXT")
    _touch(root / ".hidden.txt")
    _touch(root / ".cache" / "d.txt")
    _touch(root / "notes.docx")
    _touch(root / "e.json")
    assert find_page_files([root]) == [nested, a, b]


def test_explicit_files_are_kept_whatever_their_suffix_and_listed_once(tmp_path):
    root = tmp_path / "pages"
    page = _touch(root / "a.txt")
    scan = _touch(tmp_path / "scan.pdf")
    missing = tmp_path / "gone.txt"
    assert find_page_files([scan, root, page, missing]) == [scan, page, missing]


def test_suffixes_and_limit():
    assert PAGE_SUFFIXES == (".txt", ".md")
    assert MAX_BYTES == 4 * 1024 * 1024


def test_read_page_fills_every_field(seeds_dir, seed_texts):
    path = sorted(seeds_dir.glob("004_*.txt"))[0]
    page = read_page(path)
    assert page.path == str(path)
    assert page.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert page.encoding == "utf-8"
    assert page.text == seed_texts["004"]
    assert page.years == [2017, 2020]
    assert len(page.stories) == 15


def _rejection(path, **kwargs) -> RejectedFile:
    with pytest.raises(RejectedFile) as caught:
        read_page(path, **kwargs)
    error = caught.value
    assert error.path == str(path)
    assert CJK.search(error.message), "the message is for a Chinese-speaking user"
    assert str(path) in str(error)
    return error


def test_other_suffix_is_unsupported(tmp_path):
    assert _rejection(_touch(tmp_path / "page.docx")).code == "unsupported"


def test_missing_file_and_folder_are_unreadable(tmp_path):
    assert _rejection(tmp_path / "gone.txt").code == "unreadable"
    folder = tmp_path / "looks-like-a-page.txt"
    folder.mkdir()
    assert _rejection(folder).code == "unreadable"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    error = _rejection(pipe)
    assert error.code == "not_regular"
    assert "命名管道" in error.message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_file_without_permission_is_unreadable(tmp_path):
    path = _touch(tmp_path / "locked.txt")
    path.chmod(0)
    try:
        assert _rejection(path).code == "unreadable"
    finally:
        path.chmod(0o644)


def test_empty_and_blank_files(tmp_path):
    assert _rejection(_touch(tmp_path / "empty.txt", "")).code == "empty"
    assert _rejection(_touch(tmp_path / "blank.md", "\n\u3000 \n\t")).code == "empty"


def test_too_large_is_refused_before_reading(tmp_path):
    path = _touch(tmp_path / "big.txt", "柳塘社区" * 100)
    error = _rejection(path, max_bytes=1024)
    assert error.code == "too_large"
    assert read_page(path, max_bytes=4096).text == "柳塘社区" * 100


def test_default_limit_message_names_the_size():
    assert "4" in RejectedFile("x.txt", "too_large").message


def test_binary_and_undecodable(tmp_path):
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert _rejection(png).code == "binary"
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes((i * 37 + 128) % 128 + 128 for i in range(4000)))
    assert _rejection(noise).code == "undecodable"


def test_rejections_survive_pickling_for_worker_processes():
    error = RejectedFile("/tmp/a.txt", "binary")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.code, copy.message) == (error.path, error.code, error.message)
    assert str(copy) == str(error)


def test_seed_copies_read_identically(tmp_path, seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        copy = tmp_path / path.name
        shutil.copy(path, copy)
        assert read_page(copy).stories == read_page(path).stories


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_sidecar_that_is_a_named_pipe_is_ignored_without_blocking(tmp_path):
    page = _touch(tmp_path / "青州日报_2021-07-02_A03.txt")
    os.mkfifo(tmp_path / "青州日报_2021-07-02_A03.json")
    read = []
    # A thread, so that a read that blocks on the pipe fails the test instead of hanging it.
    reader = threading.Thread(target=lambda: read.append(read_page(page)), daemon=True)
    reader.start()
    reader.join(timeout=30)
    assert read, "reading the page blocked on its sidecar"
    assert read[0].meta.date == "2021-07-02"  # from the file name; the pipe counts as no sidecar
