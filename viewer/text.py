"""Character-level text normalisation shared by ingest, facts, places and search.

`fold` and `search_fold` never change the length of a string, so an offset found in folded text is
valid in the original text too. That is what lets search highlight and facts point into the stored
body.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import tempfile
import threading
from itertools import compress
from operator import ne

# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, ideographic space -> space. Others stay as they are:
# NFKC would also turn ㎡ into "m2" or ① into "1", which changes lengths.
_FOLD_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_TABLE[0x3000] = 0x20
# Dashes and dots that OCR and CMS exports use interchangeably.
_FOLD_TABLE[0xFF0E] = ord(".")

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


# str.lower() turns İ (U+0130, the only such character) into two: "i" and a combining dot.
_LOWER_TABLE = {**_FOLD_TABLE, 0x130: ord("i")}


def fold(text: str) -> str:
    """Full-width forms to half-width and ASCII to lower case, keeping every offset."""
    return text.translate(_LOWER_TABLE).lower()


def fold_keep_case(text: str) -> str:
    """Like `fold` but keeps letter case (for display and names)."""
    return text.translate(_FOLD_TABLE)


def is_cjk(char: str) -> bool:
    return bool(CJK_RE.match(char))


# Where OpenCC's traditional-to-simplified conversion changes a character: the CJK Unified
# Ideographs (extension A, the main block, extensions B-H) and the compatibility ideographs. A
# test checks that it changes nothing outside these.
SCRIPT_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF))
_SCRIPT_CHUNK = 4096
_script_lock = threading.Lock()
_search_table: dict[int, int] | None = None


def simplified_chars() -> dict[int, int]:
    """Traditional character -> its simplified form (經 -> 经), one code point for one, from
    OpenCC's t2s conversion of each character alone: its phrase rules (乾隆 stays 乾隆, 乾燥
    becomes 干燥) may change lengths and would move offsets, so a character always folds the
    same way here (乾 -> 干 in both). A chain (薴 -> 苧 -> 苎) goes to its end, so folding
    twice changes nothing. 15-30 ms (see `cached_simplified_chars`)."""
    from opencc import OpenCC  # here: only searching and indexing need it

    convert = OpenCC("t2s").convert
    table: dict[int, int] = {}
    for first, last in SCRIPT_RANGES:
        # A few thousand characters a call (one call for all would hold 18 MB at once), a line
        # break between them so that no phrase rule applies.
        for start in range(first, last + 1, _SCRIPT_CHUNK):
            codes = range(start, min(start + _SCRIPT_CHUNK, last + 1))
            chars = list(map(chr, codes))
            converted = convert("\n".join(chars)).split("\n")
            if len(converted) != len(chars):
                raise RuntimeError("OpenCC t2s changed the line breaks between characters")
            # The few changed ones (5,119 of 113,000) picked out at C speed.
            for i in compress(range(len(chars)), map(ne, chars, converted)):
                if len(converted[i]) == 1:
                    table[codes[i]] = ord(converted[i])
    for code, to in table.items():
        seen = {code}
        while to in table and to not in seen:
            seen.add(to)
            to = table[to]
        table[code] = to
    return table


def cached_simplified_chars() -> dict[int, int]:
    """`simplified_chars`, kept in the user cache folder: every process that searches or indexes
    needs it, and reading it back takes under a millisecond. Named after the OpenCC version and
    the ranges asked, so another version builds its own; a damaged or unwritable file only costs
    the time to build it."""
    from opencc import __version__ as opencc_version

    from viewer import paths

    key = repr((opencc_version, SCRIPT_RANGES)).encode()
    path = paths.cache_dir() / f"viewer-t2s-{hashlib.md5(key).hexdigest()[:12]}.marshal"
    try:
        table = marshal.loads(path.read_bytes())
        if isinstance(table, dict) and all(
            type(code) is int and type(to) is int for code, to in table.items()
        ):
            return table
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = simplified_chars()
    temp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(table))
        os.replace(temp, path)
    except OSError:  # a read-only cache folder only costs time
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    return table


def _search_fold_table() -> dict[int, int]:
    global _search_table
    if _search_table is None:
        with _script_lock:
            if _search_table is None:
                _search_table = {**cached_simplified_chars(), **_LOWER_TABLE}
    return _search_table


_folded_from: dict[str, str] | None = None


def folded_from() -> dict[str, str]:
    """Simplified character -> the other characters `search_fold` turns into it (经 -> 經), for
    finding a folded string in text without folding the text (see `search.snippet`)."""
    global _folded_from
    if _folded_from is None:
        sources: dict[str, str] = {}
        for code, to in _search_fold_table().items():
            if code != to and code not in _LOWER_TABLE:
                sources[chr(to)] = sources.get(chr(to), "") + chr(code)
        _folded_from = sources
    return _folded_from


def search_fold(text: str) -> str:
    """`fold`, and traditional characters to simplified ones (經濟 -> 经济): what the search index
    holds and queries are looked up as, so either script finds the other. Keeps every offset
    (one code point for one) and is as fast as `fold` (one `str.translate`)."""
    return text.translate(_search_fold_table()).lower()


def to_simplified(text: str) -> str:
    """Only the traditional-to-simplified part of `search_fold`, for text already `fold`ed."""
    return text.translate(_search_fold_table())


# Bidirectional formatting characters: embeddings and overrides (U+202A..U+202E), isolates
# (U+2066..U+2069) and the directional marks. One U+202E in a title would show the rest of the
# line reversed, so a window shows each as a visible mark instead.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
BIDI_MARK = "\u25cc"  # ◌, the usual stand-in for a character that has no look of its own
_BIDI_TABLE = str.maketrans(dict.fromkeys(BIDI_CONTROLS, BIDI_MARK))


def neutralise_bidi(text: str) -> str:
    """`text` with every bidi control character replaced by BIDI_MARK, for display.

    One character for one, all in the BMP, so offsets into the stored text (search hits, facts)
    stay valid in the displayed text, in code points and in UTF-16 units alike.
    """
    return text.translate(_BIDI_TABLE)


# What str.splitlines breaks at, besides \n and \r: a message echoing a user's argument with one
# of these would reach a terminal or a log as two lines.
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_ONE_LINE_TABLE = str.maketrans({c: ascii(c)[1:-1] for c in _LINE_BREAKS})


def one_line(text: str) -> str:
    """`text` with every line break written as its escape (\\n, \\x85 ...): an error message
    stays one line whatever argument it quotes."""
    return text.translate(_ONE_LINE_TABLE)


def is_encodable(text: str) -> bool:
    """False when `text` holds a lone surrogate (what undecodable bytes in a command line
    argument become), which SQLite and the index cannot store or look up."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
