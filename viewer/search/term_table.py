"""whoosh's term dictionary writer, holding its hash entries in arrays instead of tuples.

whoosh's HashWriter keeps a Python tuple (hash, position) per key until the segment is closed:
about 128 MB per million terms, which is what a merged segment of a large archive holds (the
importing process grew from 323 MB at 20 k stories to 660 MB at 100 k). Here the same entries
live in two arrays per bucket (12 bytes a term) and are turned into tuples one bucket at a time
while the hash tables are written, so the file is byte for byte what whoosh writes.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator

from whoosh.codec.whoosh3 import W3Codec, W3FieldWriter
from whoosh.filedb.filetables import OrderedHashWriter, _lengths
from whoosh.filedb.structfile import StructFile

from viewer.search.word_filter import EXTRAS_KEY, FILTERED_FIELDS, build_filter

BUCKETS = 256


class CompactOrderedHashWriter(OrderedHashWriter):
    """OrderedHashWriter whose pending hash entries are arrays (see module docstring)."""

    lastkey: bytes  # whoosh's: the last key added (keys must increase)

    def __init__(self, dbfile: StructFile) -> None:
        super().__init__(dbfile)
        self._hashes = [array("I") for _ in range(BUCKETS)]  # md5 hashes are cut to 32 bits
        self._positions = [array("q") for _ in range(BUCKETS)]
        # `word_filter`: the term hashes of each filtered field (None: write no filters), and
        # those of the current field when it is filtered.
        self._filters: dict[str, array] | None = None
        self.filtered: array | None = None

    def filter_words(self) -> None:
        """Write word filters (see `word_filter`); an absent field's is empty."""
        self._filters = {fieldname: array("I") for fieldname in FILTERED_FIELDS}

    def filter_field(self, fieldname: str) -> None:
        """The terms added from now on are `fieldname`'s."""
        self.filtered = None if self._filters is None else self._filters.get(fieldname)

    def add(self, key: bytes, value: bytes) -> None:
        # OrderedHashWriter.add and HashWriter.add in one, keeping the entry in the arrays.
        if key <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{key!r}")
        dbfile = self.dbfile
        position = dbfile.tell()
        self.index.append(position)
        dbfile.write(_lengths.pack(len(key), len(value)))
        dbfile.write(key)
        dbfile.write(value)
        hashed = self.hashfn(key)
        self._hashes[hashed & 0xFF].append(hashed)
        self._positions[hashed & 0xFF].append(position)
        self.lastkey = key
        if self.filtered is not None:
            self.filtered.append(hashed)

    def _write_extras(self) -> None:
        if self._filters is not None:  # else the file is byte for byte whoosh's
            self.extras[EXTRAS_KEY] = {
                fieldname: build_filter(hashes) for fieldname, hashes in self._filters.items()
            }
        super()._write_extras()

    def _write_hashes(self) -> None:
        self.buckets = self._bucket_entries()  # whoosh's writer iterates it once, in order
        super()._write_hashes()

    def _bucket_entries(self) -> Iterator[list[tuple[int, int]]]:
        for hashes, positions in zip(self._hashes, self._positions, strict=True):
            yield list(zip(hashes, positions, strict=True))
            del hashes[:]  # written: free it before the next bucket is built
            del positions[:]


class CompactFieldWriter(W3FieldWriter):
    """W3FieldWriter with a CompactOrderedHashWriter for its term dictionary."""

    def __init__(self, codec: W3Codec, storage: object, segment: object) -> None:
        # whoosh's own __init__ with the term table swapped (it writes the table's header at
        # creation, so it cannot be replaced afterwards).
        self._codec = codec
        self._storage = storage
        self._segment = segment
        self._fieldname = None
        self._fieldid = None
        self._btext = None
        self._fieldobj = None
        self._format = None
        self._tindex = CompactOrderedHashWriter(self._create_file(W3Codec.TERMS_EXT))
        self._fieldmap: dict[str, int] = {}  # field name -> field number in term keys
        self._tindex.extras["fieldmap"] = self._fieldmap
        self._tindex.filter_words()
        self._postfile = self._create_file(W3Codec.POSTS_EXT)
        self._postwriter = None
        self._infield = False
        self.is_closed = False

    def start_field(self, fieldname: str, fieldobj: object) -> None:
        super().start_field(fieldname, fieldobj)
        self._tindex.filter_field(fieldname)
