"""The on-disk full-text index of stories: add, delete, commit, search.

One `SearchIndex` owns one folder. It keeps a single searcher open between queries and
refreshes it after each commit; writes go through one writer per batch (opened by the first
`add`/`delete`, closed by `commit`). A lock serialises searching and writing, so a GUI thread
may search while a worker thread indexes.
"""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import threading
import warnings
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as windex
from whoosh import writing
from whoosh.filedb.filestore import FileStorage
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from viewer.model import Hit
from viewer.search import schema as s
from viewer.search.analysis import jieba_words, word_items
from viewer.search.build import QueryBuilder, date_bounds
from viewer.search.dates import date_number
from viewer.search.errors import QueryError
from viewer.search.exact import BULK_QUERIES, top_hits
from viewer.search.facets import FacetCounts, FacetTables, PlaceClosures
from viewer.search.filters import DateColumn, filter_docs
from viewer.search.integrity import file_problems, latest_generation, write_manifest
from viewer.search.merging import merge_tiers
from viewer.search.options import check_limit, date_span, kind_keys
from viewer.search.pread import PreadStorage
from viewer.search.query import ParsedQuery
from viewer.search.scoring import SaturatedTfIdf
from viewer.search.segment_writer import StreamingMergeWriter
from viewer.text import fold, search_fold

WRITER_LIMIT_MB = 256
# A batch this large should be committed (see `batch_is_full`): whoosh estimates ~165 bytes a
# posting, so its pool stays below WRITER_LIMIT_MB. Past that limit it spills sorted runs to
# disk and merges them back at the commit: 2,600 real stories (1.9 M postings) took 21 s of CPU
# to add and commit against 4.7 s for half of them.
BATCH_POSTINGS = 1_000_000
SORTS = ("relevance", "date")


class IndexUnavailable(RuntimeError):
    """A read-only archive's index is missing or unreadable (it cannot be rebuilt there)."""


class IndexDamagedError(IndexUnavailable):
    """The index is damaged and this process cannot replace it (a read-only archive)."""


@dataclass
class IndexDoc:
    """What the index needs to know about one story."""

    story_id: int
    title: str
    kicker: str
    subtitle: str
    body: str
    kind: str
    date: str  # "YYYY-MM-DD" or ""
    years: list[int] = field(default_factory=list)  # years the story mentions
    places: list[str] = field(default_factory=list)  # exact place names it is linked to
    rev: str = ""  # opaque revision, compared by `check`
    byline: str = ""  # as printed: bylines, datelines, picture credits (see `indexed_body`)
    authors: list[str] = field(default_factory=list)  # names the byline credits
    joints: list[str] = field(default_factory=list)  # the page text around cuts: `viewer.joints`


@dataclass(frozen=True)
class PreparedDoc:
    """An IndexDoc already analysed (see `prepare`): whoosh field values, picklable."""

    story_id: int
    fields: dict[str, object]

    def with_id(self, story_id: int) -> PreparedDoc:
        """The same analysis, for the story that got `story_id` when it was stored."""
        return PreparedDoc(story_id, {**self.fields, s.ID: str(story_id)})


def indexed_body(doc: IndexDoc) -> str:
    """The text the body fields index: the byline (ingest cuts bylines and datelines out of the
    body, but readers search for 北京 in 新华社北京1月1日电 and for a reporter's name) and the
    joints (the page text across those cuts) on lines of their own before the body. The newlines
    keep a phrase from joining them."""
    return "\n".join(part for part in (doc.byline.strip(), *doc.joints, doc.body) if part)


def _extra_text(doc: IndexDoc) -> str:
    """What `indexed_body` puts before the body."""
    return "\n".join(part for part in (doc.byline.strip(), *doc.joints) if part)


def author_key(name: str) -> str:
    """A credited name as the AUTHORS field holds it and `author:` looks it up: folded (陳 and 陈
    meet too), without the spaces some bylines set between its characters (王 芳)."""
    return "".join(search_fold(name).split())


def _fields(doc: IndexDoc) -> dict[str, object]:
    head = "\n".join(part for part in (doc.title, doc.kicker, doc.subtitle) if part)
    body = indexed_body(doc)
    out: dict[str, object] = {
        s.ID: str(doc.story_id),
        s.REV: doc.rev,
        s.HEAD_WORDS: head,
        s.HEAD_BIGRAMS: head,
        s.BODY_WORDS: body,
        s.BODY_BIGRAMS: body,
        s.KIND: doc.kind,
        s.PLACES: [name for name in dict.fromkeys(doc.places) if name],
    }
    authors = [key for key in dict.fromkeys(map(author_key, doc.authors)) if key]
    if authors:
        out[s.AUTHORS] = authors
    if doc.date:
        out[s.DATE] = date_number(doc.date)
    elif doc.years:
        out[s.UNDATED_YEARS] = sorted(set(doc.years))
    return out


def prepare(doc: IndexDoc, body_words: Sequence[str] | None = None) -> PreparedDoc:
    """Do the analysis (jieba, bigrams, encoding: over a third of indexing time) up front.

    Pure and picklable both ways, so ingest worker processes can call it and hand the result
    to `SearchIndex.add`, leaving only whoosh's own writing to the process that owns the index.
    `body_words`, when given, are jieba's words of `fold(doc.body)`, shared with facts and
    places so the body is segmented once (only the short byline is segmented here).
    """
    values = _fields(doc)
    for name, analyse in s.TEXT_FIELDS.items():
        if name == s.BODY_WORDS and body_words is not None:
            extra = _extra_text(doc)
            if extra and doc.body:
                body_words = [*jieba_words(fold(extra)), "\n", *body_words]
            elif extra:
                body_words = jieba_words(fold(extra))
            values[name] = s.Analysed(word_items(str(values[name]), body_words))
        else:
            values[name] = s.Analysed(analyse(str(values[name])))
    return PreparedDoc(doc.story_id, values)


class SearchIndex:
    """The story index in one folder. Create with `SearchIndex.open(path)`."""

    def __init__(self, path: Path, ix: windex.Index, damage: Sequence[str] = ()) -> None:
        self.path = path
        self._ix = ix
        # Why the index found at open was replaced by an empty one (damaged or unreadable).
        self.damage = list(damage)
        self._lock = threading.RLock()
        self._writer: IndexWriter | None = None
        self._pending_postings = 0  # about how many postings the open batch holds
        self._searcher: Searcher = ix.searcher(weighting=SaturatedTfIdf())
        self._dates: DateColumn | None = None  # of the current searcher, read when first needed
        self._facets: FacetTables | None = None  # the same
        # (searcher, query key -> hits): `hit_count` of the current searcher
        self._hit_counts: tuple[Searcher | None, dict[tuple, int]] = (None, {})

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> SearchIndex:
        """Open the index in `path`, creating it if the folder is missing or empty.

        An index written by another schema version, one that cannot be read, or one whose
        files no longer have the sizes its manifest recorded (truncated, missing) is replaced
        by an empty one without reading it further; `damage` says why, and the archive's
        repair then indexes every story again. `read_only` (an archive on a read-only mount)
        creates, replaces and cleans nothing: an index that cannot be read raises
        IndexUnavailable.
        """
        path = Path(path)
        if read_only:
            return cls._open_read_only(path)
        path.mkdir(parents=True, exist_ok=True)
        ix, damage = _open_checked(path)
        if ix is None:
            try:
                remove_index(path)
                ix = windex.FileIndex.create(storage(path), s.make_schema(), s.INDEX_NAME)
                write_manifest(path, ix)
            except OSError as err:  # a read-only archive: say so rather than fail somewhere deep
                if not damage:
                    raise
                raise IndexDamagedError(
                    f"检索索引已损坏，且无法在此重建（{err.strerror or err}）：{damage[0]}。"
                    "请在可写入档案的位置运行 `viewer check --repair`"
                ) from err
        _remove_stale_temp(path, ix)
        return cls(path, ix, damage)

    @classmethod
    def _open_read_only(cls, path: Path) -> SearchIndex:
        ix = None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            with contextlib.suppress(Exception):  # missing, damaged, another version
                ix = open_whoosh(path, readonly=True)
            if ix is None:
                gc.collect()  # the damaged TOC file whoosh leaves open, as in `open`
        if ix is None:
            raise IndexUnavailable(f"只读档案的检索索引 {path} 无法读取，而只读档案不能重建索引")
        return cls(path, ix)

    def _get_writer(self) -> IndexWriter:
        if self._writer is None:
            self._writer = StreamingMergeWriter(
                self._ix, limitmb=WRITER_LIMIT_MB, codec=s.StoryCodec()
            )
        return self._writer

    def add(self, docs: Iterable[IndexDoc | PreparedDoc]) -> None:
        """Add or replace (by story_id) documents; visible after `commit`."""
        with self._lock:
            writer = self._get_writer()
            for doc in docs:
                if isinstance(doc, PreparedDoc):
                    values = doc.fields
                    self._pending_postings += sum(
                        len(v) for v in values.values() if isinstance(v, s.Analysed)
                    )
                else:
                    values = _fields(doc)
                    # about as many
                    self._pending_postings += len(indexed_body(doc)) + len(doc.title)
                writer.update_document(**values)

    @property
    def batch_is_full(self) -> bool:
        """The pending batch is large enough to commit (see BATCH_POSTINGS)."""
        return self._pending_postings >= BATCH_POSTINGS

    def delete(self, story_ids: Iterable[int]) -> None:
        with self._lock:
            writer = self._get_writer()
            for story_id in story_ids:
                writer.delete_by_term(s.ID, str(story_id))

    def commit(self) -> None:
        """Write the pending batch, record its files' checksums, let the searcher see it."""
        with self._lock:
            writer = self._take_writer()
            if writer is not None:
                try:
                    writer.commit(mergetype=merge_tiers)
                except BaseException:
                    with contextlib.suppress(Exception):  # already closed if the TOC was written
                        writer.cancel()
                    raise
                write_manifest(self.path, self._ix)
            self._refresh()

    def cancel(self) -> None:
        """Drop the pending batch: nothing of it reaches the index. After an error or an
        interruption a batch may hold half a document, so it must never be committed."""
        with self._lock:
            writer = self._take_writer()
            if writer is not None:
                with contextlib.suppress(Exception):
                    writer.cancel()

    def clear(self) -> None:
        """Remove every document (pending changes included)."""
        with self._lock:
            writer = self._take_writer()
            if writer is not None:
                writer.cancel()
            self._ix.writer(codec=s.StoryCodec()).commit(mergetype=writing.CLEAR)
            write_manifest(self.path, self._ix)
            self._refresh()

    def optimize(self) -> None:
        """Merge the whole index into one segment (worth it after a large import)."""
        with self._lock:
            self._get_writer()
            writer = self._take_writer()
            assert writer is not None  # _get_writer just opened it
            writer.commit(optimize=True)
            write_manifest(self.path, self._ix)
            self._refresh()

    def _take_writer(self) -> IndexWriter | None:
        """The open batch's writer, if any, handed over to the caller: this index forgets it
        and the batch's size."""
        writer, self._writer = self._writer, None
        self._pending_postings = 0
        return writer

    def _refresh(self) -> None:
        # Not Searcher.refresh(): in whoosh-reloaded 2.7.5 it keeps the readers of segments that
        # a merge replaced, so every merged document would be found twice.
        old, self._searcher = self._searcher, self._ix.searcher(weighting=SaturatedTfIdf())
        old.close()

    def search(
        self,
        query: ParsedQuery,
        *,
        limit: int | None = 50,
        place_names: Sequence[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        kinds: Sequence[str] | None = None,
        sort: str = "relevance",
        story_ids: Collection[int] | None = None,
    ) -> list[Hit]:
        """Best hits first. `place_names` (already expanded by the caller) replaces the query's
        own place names when given and non-empty; kinds (STORY_KINDS or their Chinese names)
        combine with the query's (any of them);
        dates (as the query box reads them: 2020, 2020-03, 2020-03-05 ...) intersect with the
        query's; `story_ids` (the stories the query's tag:, note: and is: filters stand for,
        resolved by the caller from the database) limits the hits to those stories.
        Filter-only queries list the newest stories first. `limit` None: every hit.
        `sort` "date": the newest first (the best first within a day), undated hits last.
        Raises QueryError for arguments it cannot use (see `viewer.search.options`)."""
        if limit is not None:
            limit = check_limit(limit)
        if story_ids is None and query.has_story_filters:
            raise ValueError("tag:, note: and is: filters must be resolved to story_ids")
        if sort not in SORTS:
            raise QueryError("不能按“{sort}”排序：可按 relevance 或 date", sort=sort)
        with self._lock:
            by_date = sort == "date" and query.tree is not None
            ranked = self._ranked(
                query, None if by_date else limit, place_names, date_from, date_to, kinds, story_ids
            )
            if by_date:
                ranked = self._dates_column().newest_ranked(ranked, limit)
            stored = self._searcher.stored_fields
            return [Hit(int(stored(docnum)[s.ID]), float(score)) for score, docnum in ranked]

    def _dates_column(self) -> DateColumn:
        if self._dates is None or self._dates.searcher is not self._searcher:
            self._dates = DateColumn(self._searcher)
        return self._dates

    def _ranked(
        self,
        query: ParsedQuery,
        limit: int | None,
        place_names: Sequence[str] | None,
        date_from: str | None,
        date_to: str | None,
        kinds: Sequence[str] | None,
        story_ids: Collection[int] | None = None,
    ) -> list[tuple[float, int]]:
        """(score, document number) of the hits, best first (filter-only: newest first)."""
        date_from, date_to = date_bounds(query, *date_span(date_from, date_to))
        if date_from and date_to and date_from > date_to:
            return []
        places = list(place_names) if place_names else query.places
        kind_list = sorted(set(query.kinds) | set(kind_keys(kinds)))
        searcher = self._searcher
        dates = self._dates_column()
        allowed = filter_docs(
            dates, places, kind_list, date_from, date_to, query.authors, story_ids
        )
        if allowed is not None and not allowed:
            return []  # whoosh reads an empty filter set as no filter at all
        if query.tree is None:
            return [(1.0, d) for d in dates.newest_first(allowed, limit)]
        q = QueryBuilder(searcher.reader()).query(query)
        if isinstance(q, BULK_QUERIES):
            return top_hits(searcher, q, limit, allowed)
        return searcher.search(q, limit=limit, filter=allowed).top_n

    def facets(
        self,
        query: ParsedQuery,
        *,
        place_names: Sequence[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        kinds: Sequence[str] | None = None,
        closures: PlaceClosures | None = None,
        place_limit: int | None = None,
        story_ids: Collection[int] | None = None,
    ) -> FacetCounts:
        """Counts over every hit of the search (the same arguments as `search`): see
        `viewer.search.facets`. `closures`: the places whose filter finds each story (none:
        no place counts); `place_limit`: list only the places of the most hits."""
        with self._lock:
            ranked = self._ranked(query, None, place_names, date_from, date_to, kinds, story_ids)
            if self._facets is None or self._facets.searcher is not self._searcher:
                self._facets = FacetTables(self._searcher, self._dates_column())
            first, last = date_bounds(query, *date_span(date_from, date_to))
            years = range(int(first[:4]) if first else 0, int(last[:4]) + 1 if last else 10_000)
            closures = closures or PlaceClosures([], {})
            hits = {d for _score, d in ranked}
            return self._facets.count(hits, closures, years, place_limit)

    def hit_count(
        self,
        query: ParsedQuery,
        *,
        place_names: Sequence[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        kinds: Sequence[str] | None = None,
        story_ids: Collection[int] | None = None,
    ) -> int:
        """How many stories the search finds (the same arguments as `search`). Remembered
        until the index changes (tagged stories are part of the key: tags change without it):
        listing saved searches again costs nothing."""
        ids = None if story_ids is None else tuple(sorted(story_ids))
        key = (repr(query), tuple(place_names or ()), date_from, date_to, tuple(kinds or ()), ids)
        with self._lock:
            counts = self._hit_counts
            if counts[0] is not self._searcher:
                counts = self._hit_counts = (self._searcher, {})
            if key not in counts[1]:
                found = self._ranked(query, None, place_names, date_from, date_to, kinds, story_ids)
                counts[1][key] = len(found)
            return counts[1][key]

    def count(self) -> int:
        with self._lock:
            return self._searcher.doc_count()

    def revisions(self) -> dict[int, str]:
        """story_id -> rev of every document in the index."""
        with self._lock:
            reader = self._searcher.reader()
            return {int(f[s.ID]): f.get(s.REV, "") for f in reader.all_stored_fields()}

    def verify(self) -> list[str]:
        """Problems with the index's own files, one line each ([] when sound): checksums
        against the manifest of the last commit; an index without one (from before manifests,
        or cut off before writing it) is read instead: every stored record and every posting."""
        problems = file_problems(self.path, s.INDEX_NAME, checksums=True)
        if problems is not None:
            return problems
        with self._lock:
            try:
                reader = self._searcher.reader()
                for _fields in reader.all_stored_fields():
                    pass
                for fieldname, text in reader.all_terms():
                    reader.postings(fieldname, text).all_ids()
            except Exception as err:  # any failure to read is damage, whatever whoosh raises
                return [f"无法读取索引：{type(err).__name__}: {err}"]
        return []

    def seal(self) -> list[str]:
        """Make a manifest vouch for the latest commit. When none does (a writer was cut off
        between whoosh's commit and the manifest, or the index predates manifests), read the
        whole index and write one if it is sound. Returns the problems found."""
        with self._lock:
            problems = file_problems(self.path, s.INDEX_NAME, checksums=False)
            if problems is not None:
                return problems
            problems = self.verify()
            if not problems:
                write_manifest(self.path, self._ix)
            return problems

    def close(self) -> None:
        with self._lock:
            if self._writer is not None:
                with contextlib.suppress(Exception):
                    self._writer.cancel()
                self._writer = None
            with contextlib.suppress(Exception):  # a damaged index may fail to close
                self._searcher.close()
                self._ix.close()


def storage(path: Path, *, readonly: bool = False) -> FileStorage:
    """The index folder, read with plain file reads. Whoosh's default maps every segment file
    into memory whole: a 100 k-story index then made the process hold 4 GB and took 1.5 s to
    open; plain reads hold 0.16 GB, open in milliseconds and cost about 3 ms a query. The
    writer works through the same storage, so its merges read the same way."""
    if hasattr(os, "pread"):
        return PreadStorage(str(path), readonly=readonly)
    return FileStorage(str(path), supports_mmap=False, readonly=readonly)


def open_whoosh(path: Path, *, readonly: bool = False) -> windex.FileIndex:
    """The committed index in `path` (see `storage`); raises whoosh's errors as open_dir does."""
    return windex.FileIndex(storage(path, readonly=readonly), indexname=s.INDEX_NAME)


def _open_checked(path: Path) -> tuple[windex.Index | None, list[str]]:
    """(the index, []) or (None, what is wrong with it; [] when there is none yet). A failure
    while another process commits (and deletes the files it replaced) is not damage: the
    open is tried again on the new generation."""
    for _attempt in range(3):
        generation = latest_generation(path, s.INDEX_NAME)
        damage = file_problems(path, s.INDEX_NAME, checksums=False) or []
        ix = error = None
        if not damage:
            with warnings.catch_warnings():
                # whoosh leaves a damaged TOC file open when it fails to read it; let it close
                warnings.simplefilter("ignore", ResourceWarning)
                ix, error = _open_existing(path)
                if error:
                    # Only after a failure: a collection on a GUI reader thread could free Qt
                    # objects there, so it is not done on every open.
                    gc.collect()
            damage = [error] if error else []
        if not damage or latest_generation(path, s.INDEX_NAME) == generation:
            break
    return ix, damage


def _open_existing(path: Path) -> tuple[windex.Index | None, str]:
    """(the index, "") or (None, why it cannot be used; "" when there is none yet)."""
    try:
        return open_whoosh(path), ""
    except windex.EmptyIndexError:
        return None, ""
    except Exception as err:  # unreadable: damaged files, or a pickled class that moved
        return None, f"无法打开索引：{type(err).__name__}: {err}"


def remove_index(path: Path) -> None:
    """Delete the files of any version of the story index (whoosh names them
    `_<indexname>_<generation>.toc`, `<indexname>_<segment>.<ext>`, `<indexname>_WRITELOCK`,
    and sorts postings in `<indexname>.tmp/`)."""
    for child in path.iterdir():
        if child.name.lstrip("_").startswith(s.INDEX_PREFIX):
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink()


def _remove_stale_temp(path: Path, ix: windex.Index) -> None:
    """A writer killed mid-commit leaves its sort runs (up to gigabytes) in `<indexname>.tmp/`;
    remove them when no writer holds the lock."""
    stale = [p for p in path.glob(f"{s.INDEX_PREFIX}*.tmp") if p.is_dir()]
    if not stale:
        return
    lock = ix.lock("WRITELOCK")
    if lock.acquire(blocking=False):
        try:
            for folder in stale:
                shutil.rmtree(folder, ignore_errors=True)
        finally:
            lock.release()
