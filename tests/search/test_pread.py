"""Index files read with pread give what whoosh's own file reading gives."""

from __future__ import annotations

import random

from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import FileStorage

from viewer.search.pread import READ_AHEAD, PreadStorage


def write_sample(tmp_path) -> bytes:
    out = FileStorage(str(tmp_path)).create_file("sample")
    out.write_pickle({"fieldmap": {"body_w": 3}, "big": bytes(range(256)) * 40})
    for n in (0, 1, 127, 128, 300_000, 2**40):
        out.write_varint(n)
    out.write(b"line one\nline two\n")
    out.write_int(-7)
    out.close()
    return (tmp_path / "sample").read_bytes()


def test_reads_match_whooshs_own(tmp_path):
    data = write_sample(tmp_path)
    ours = PreadStorage(str(tmp_path)).open_file("sample")
    theirs = FileStorage(str(tmp_path), supports_mmap=False).open_file("sample")
    for f in (ours, theirs):
        assert f.read_pickle()["fieldmap"] == {"body_w": 3}
        assert [f.read_varint() for _ in range(6)] == [0, 1, 127, 128, 300_000, 2**40]
        assert f.readline() == b"line one\n"
    rng = random.Random(5)
    for _ in range(200):  # random gets, and reads across the read-ahead's edge
        at, size = rng.randrange(len(data) + 10), rng.randrange(READ_AHEAD * 2)
        assert ours.get(at, size) == theirs.get(at, size) == data[at : at + size]
        ours.seek(at)
        theirs.seek(at)
        assert ours.read(size) == theirs.read(size)
        assert ours.tell() == theirs.tell()
    assert ours.get_int(len(data) - 4) == -7
    sub = ours.subset(10, 100)
    assert sub.get(0, 200) == data[10:110]
    assert sub.read() == data[10:110]
    ours.close()
    theirs.close()


def test_compound_segment_files_read_through_pread(tmp_path):
    storage = PreadStorage(str(tmp_path))
    for name, body in (("a.trm", b"terms" * 1000), ("b.pst", b"postings" * 3000)):
        f = storage.create_file(name)
        f.write(body)
        f.close()
    CompoundStorage.assemble(storage.create_file("seg"), storage, ["a.trm", "b.pst"])
    compound = CompoundStorage(storage.open_file("seg"), use_mmap=False)
    assert compound.open_file("b.pst").get(8 * 2999, 100) == b"postings"
    assert compound.open_file("a.trm").read(12) == b"termstermste"
    compound.close()
