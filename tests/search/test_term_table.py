"""The compact term dictionary writer: the same file as whoosh's, in a fraction of the memory."""

from __future__ import annotations

import random
import tracemalloc

from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.filetables import OrderedHashReader, OrderedHashWriter
from whoosh.filedb.structfile import StructFile

from viewer.search.term_table import CompactOrderedHashWriter

KEYS = 200_000


def keys_and_values() -> list[tuple[bytes, bytes]]:
    rng = random.Random(3)
    words = {
        "".join(rng.choice("社区居民工作党建引领新闻") for _ in range(rng.randint(1, 6)))
        for _ in range(KEYS)
    }
    return [(b"\x00\x01" + w.encode(), bytes(rng.randrange(40))) for w in sorted(words)]


def write(cls: type, path, items) -> int:
    """Writes the table; returns the memory held just before closing it."""
    tracemalloc.start()
    writer = cls(StructFile(open(path, "wb")))  # noqa: SIM115 (closed by writer.close)
    for key, value in items:
        writer.add(key, value)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    writer.close()
    return held


def test_the_compact_writer_writes_whooshs_file_in_a_fraction_of_the_memory(tmp_path):
    items = keys_and_values()
    whoosh_held = write(OrderedHashWriter, tmp_path / "whoosh", items)
    compact_held = write(CompactOrderedHashWriter, tmp_path / "compact", items)
    assert (tmp_path / "whoosh").read_bytes() == (tmp_path / "compact").read_bytes()
    assert compact_held * 4 < whoosh_held
    reader = OrderedHashReader.open(FileStorage(str(tmp_path)), "compact")
    for key, value in items[:: len(items) // 50]:
        assert reader[key] == value
    assert reader.closest_key(items[10][0][:-1]) <= items[10][0]
    reader.close()
