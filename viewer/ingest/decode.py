"""Bytes of a page file -> text: byte-order marks, UTF-8, UTF-16, GB18030/GBK, then a guess.

Owns the decision "is this a readable text file at all". The order is a fast path for what local
papers actually ship (UTF-8, GB18030) and a slow fallback (charset-normalizer) for the rest. Every
candidate decoding must look like real text before it is accepted: a wrong codec rarely fails, it
produces plausible-looking garbage instead. So nothing is guessed silently: a file that would read
only with replacement characters or as an unlikely code page is refused with a reason, and a file
cut off inside its last character is read without it and flagged (`Decoded.truncated`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from charset_normalizer import from_bytes

# Failure codes raised as ValueError(code); read_page turns them into RejectedFile.
EMPTY = "empty"
BINARY = "binary"
UNDECODABLE = "undecodable"

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32", "utf-32-be"),
    (b"\xff\xfe", "utf-16", "utf-16-le"),
    (b"\xfe\xff", "utf-16", "utf-16-be"),
)
_SAMPLE = 65536  # bytes inspected by the byte-level tests; enough to judge a page
# How Python's codecs say a byte string ended inside a character (UTF-8, GB18030, UTF-16/32).
_CUT_OFF_REASONS = {"unexpected end of data", "incomplete multibyte sequence", "truncated data"}
# Real Chinese text has a few characters outside GB2312 (names like 朱镕基, rare place names);
# a wrong byte order or another encoding read as UTF-16 (or GB18030 as UTF-8) has most of its
# characters there.
_MAX_IMPLAUSIBLE = 0.05
_UTF16 = ("utf-16-le", "utf-16-be")
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# Encodings a guess may name (charset-normalizer's names): Chinese, its neighbours, Western.
_GUESSABLE = {
    "gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp950",
    "shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004",
    "euc_jisx0213", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004",
    "iso2022_jp_3", "iso2022_jp_ext", "euc_kr", "cp949", "johab", "iso2022_kr",
    "utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be",
    "cp1252", "latin_1", "iso8859_15",
}  # fmt: skip
# C0 controls other than \t \n \f \r and ESC: text files do not contain them.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
_CJK = re.compile("[\u4e00-\u9fff]")
_SURROGATE_ESCAPES = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
_WESTERN_EXTRA = re.compile("[\u00a0-\u00ff\u2010-\u205e]")  # Latin-1 letters, punctuation
_NON_ASCII_RUN = re.compile("[^\x00-\x7f]+")
_ASCII_LETTER = re.compile("[A-Za-z]")
# Characters real text is made of: letters of any script, digits, spaces, common punctuation.
_TEXTLIKE = re.compile(r"[\w\s\u3000-\u303f\uff00-\uffef\u2010-\u206f!-/:-@\[-`{-~\u00a0-\u00bf]")


class Decoded(NamedTuple):
    text: str
    encoding: str
    truncated: bool = False  # the file ended inside a character, which was dropped


def decode(data: bytes) -> Decoded:
    """(text, encoding, truncated) of a page file, newlines normalised to \\n.

    `truncated` says the last character was cut off (a file cut short) and left out: the caller
    must tell the user. Raises ValueError("empty" | "binary" | "undecodable").
    """
    if not data.strip():
        raise ValueError(EMPTY)
    text, encoding, truncated = _decode_raw(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ValueError(EMPTY)
    return Decoded(text, encoding, truncated)


def _decode_raw(data: bytes) -> Decoded:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            strict = _strict(data, codec)
            if strict is None:
                raise ValueError(UNDECODABLE)
            if _control_ratio(strict[0]) > 0.01:
                raise ValueError(BINARY)
            return Decoded(strict[0], name, strict[1])
    sample = data[:_SAMPLE]
    has_nul = b"\x00" in sample
    controls = len(_CONTROL_BYTES.findall(sample)) > max(2, len(sample) // 100)
    utf8 = _strict(data, "utf-8")
    if utf8 is not None and not (has_nul or controls):
        if not _is_everyday(utf8[0][:20000]):
            # A few GB18030 characters in a row can form valid UTF-8 by chance (沙 is C9 B3,
            # UTF-8 for ɳ); real UTF-8 text is not made of such rare letters.
            gb = _strict(data, "gb18030")
            if gb is not None and _is_plausible_chinese(gb[0]) and _CJK.search(gb[0]):
                return Decoded(gb[0], "gb18030", gb[1])
        return Decoded(utf8[0], "utf-8", utf8[1])
    # Before anything else that is not clean UTF-8: UTF-16 of Chinese text has too few NUL
    # bytes to be told by them, and GB18030 would accept its bytes as rare characters.
    utf16 = _decode_bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if has_nul or controls:
        raise ValueError(BINARY)
    mostly_utf8 = _decode_mostly_utf8(data)
    if mostly_utf8 is not None:
        return Decoded(mostly_utf8, "utf-8+latin-1")
    gb = _strict(data, "gb18030")
    if gb is not None and _is_plausible_chinese(gb[0]):
        return Decoded(gb[0], "gb18030", gb[1])
    western = _decode_western(data)
    if western is not None:
        return Decoded(western, "cp1252")
    return _guess(data)


def _strict(data: bytes, codec: str) -> tuple[str, bool] | None:
    """(text, truncated) of a strict decoding, or None. A file that ends inside a multi-byte
    character is read without that last partial character (truncated=True): the rest is intact,
    and dropping the tail beats reading everything with another codec as mojibake."""
    try:
        return data.decode(codec), False
    except UnicodeDecodeError as error:
        if error.reason not in _CUT_OFF_REASONS or error.end != len(data):
            return None
        cut = error.start
    try:
        return data[:cut].decode(codec), True
    except UnicodeDecodeError:
        return None


def _decode_bomless_utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark, recognised by what its characters are.

    Where the NUL bytes sit is no use for Chinese: a page of CJK text and full-width punctuation
    has NULs on both sides now and then, or none at all. But read in the right byte order such a
    file is everyday text (ASCII, GB2312's characters and symbols), while the wrong order, and
    any UTF-8, GB18030 or binary file read as UTF-16, gives Hangul, Yi, private-use or rare
    characters, controls and broken surrogates.
    """
    if len(data) < 4:
        return None
    sample = data[: min(len(data), _SAMPLE) // 2 * 2]  # whole code units
    readings = [(sample.decode(codec, errors="replace"), codec) for codec in _UTF16]
    sample_text, codec = min(readings, key=lambda reading: _implausible(reading[0]))
    if not _is_everyday(sample_text):
        return None
    even = data[: len(data) - len(data) % 2]
    strict = _strict(even, codec)
    if strict is None:
        return None
    text, truncated = strict
    if _control_ratio(text) > 0.01 or not _is_textlike(text):
        return None
    return Decoded(text, codec, truncated or len(data) % 2 == 1)


def _is_everyday(text: str) -> bool:
    """Made of the characters ordinary Chinese or Western text uses, but for a few rare ones."""
    return bool(text) and _implausible(text) <= max(2, _MAX_IMPLAUSIBLE * len(text))


def _implausible(text: str) -> int:
    """How many characters ordinary Chinese or Western text does not use: controls, replacement
    characters, and anything outside ASCII, Latin-1, general punctuation and GB2312 (which
    holds the 6,763 everyday characters, CJK punctuation and full-width forms)."""
    rest = _WESTERN_EXTRA.sub("", text)
    # Every character GB2312 cannot encode becomes one "?" in place.
    unencodable = rest.encode("gb2312", errors="replace").count(b"?") - rest.count("?")
    return len(_CONTROL_CHARS.findall(text)) + unencodable


def _decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray single-byte (Latin-1/cp1252) bytes, decoded without garbling.

    GB18030 would accept such a file too and turn all of it into mojibake, so this is tried first.
    Genuine GBK text almost never forms valid multi-byte UTF-8 sequences, so a high ratio of valid
    sequences to invalid bytes tells the two apart.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_SURROGATE_ESCAPES.findall(text))
    valid = len(_NON_ASCII.findall(text))
    if valid < 8 or invalid * 20 > valid:
        return None
    stray = {ord(c) - 0xDC00 for c in _SURROGATE_ESCAPES.findall(text)}
    if stray & _CP1252_UNDEFINED:  # no character to read them as: report, do not guess
        return None
    return _SURROGATE_ESCAPES.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252"), text)


def _decode_western(data: bytes) -> str | None:
    """Western European text in Windows-1252 (the Windows default for English, French, German
    ...), or None. Any byte string decodes as cp1252, so the test is the shape of the text:
    mostly ASCII, with each accented letter or typographic sign standing alone between ASCII
    characters (café, naïve, “quotes”), where a double-byte Chinese or Japanese file read this
    way gives long runs of non-ASCII characters."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        return None
    if _control_ratio(text) > 0.001 or not _is_textlike(text):
        return None
    runs = [len(run) for run in _NON_ASCII_RUN.findall(text)]
    letters = len(_ASCII_LETTER.findall(text))
    if not runs or letters < 20 or sum(runs) > 0.5 * letters:
        return None
    if max(runs) > 3 or sum(runs) > 1.5 * len(runs):
        return None
    return text


def _is_plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string; real Chinese text sticks to the common characters.

    Big5 or Shift-JIS read as GB18030 land in GBK's extension rows, outside GB2312's 6,763
    everyday characters, and UTF-8 read as GB18030 is full of rare characters too.
    """
    sample = text[:20000]
    if not _is_textlike(sample) or _control_ratio(sample) > 0.01:
        return False
    cjk = "".join(_CJK.findall(sample))
    if not cjk:
        return True
    common = len(cjk.encode("gb2312", errors="ignore")) // 2
    return len(cjk) - common <= max(2, 0.1 * len(cjk))


def _guess(data: bytes) -> Decoded:
    """charset-normalizer's best guess, kept only for encodings a Chinese local-news archive
    plausibly holds: it names *some* code page for nearly anything (cp1252 text came out as
    cp775 or cp1257), and storing such a guess would store mojibake."""
    match = from_bytes(data, threshold=0.2).best()
    if match is None or match.encoding not in _GUESSABLE:
        raise ValueError(UNDECODABLE)
    text = str(match)
    if _control_ratio(text) > 0.001 or not _is_textlike(text) or match.chaos > 0.2:
        raise ValueError(UNDECODABLE)
    return Decoded(text, match.encoding)


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)


def _is_textlike(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    return len(_TEXTLIKE.findall(sample)) >= 0.9 * len(sample)
